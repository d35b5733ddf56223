import type { ReactNode } from 'react';
import type { ConfigError } from '../config';
import './app.css';

/**
 * Full-page "Configuration error": names the file and lists every wrong field, as plain
 * text. Shown instead of the board when the configuration cannot be loaded.
 */
export function ConfigErrorView({ error }: { error: ConfigError }) {
  return (
    <main className="page-message page-message--error" data-testid="config-error" role="alert">
      <h1>Configuration error</h1>
      <p>
        The board cannot start: <code data-testid="config-error-file">{error.url}</code>
      </p>
      <p>{error.message}</p>
      {error.issues.length > 0 && (
        <>
          <h2>What is wrong</h2>
          <ul className="config-issues">
            {error.issues.map((issue, i) => (
              <li key={i} data-testid="config-issue">
                <code>{issue}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">Correct the file and reload the page.</p>
    </main>
  );
}

/** A full-page message (loading, unexpected failure, placeholder pages). */
export function PageMessage({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <main className="page-message">
      <h1>{title}</h1>
      {children}
    </main>
  );
}
