import type { ReactNode } from 'react';
import type { ConfigError } from '../config';
import { useTranslation } from '../i18n';
import { useNow } from '../lib/clock';
import './app.css';

/**
 * Full-page "Configuration error": names the file, says why in words from the `config`
 * catalogue (by {@link ConfigError.reason}), and lists every wrong field as plain text
 * (vendor and file text is never rendered as HTML). Shown instead of the board when the
 * configuration cannot be loaded or is refused.
 *
 * Test hooks (docs/CONTRACTS.md "Configuration loading"): `data-testid="config-error"`
 * with `data-reason` (a `ConfigErrorReason`), `config-error-file`, `config-error-reason`,
 * `config-issue` per line, and `config-retry` (with `data-seconds`) while a retry is due.
 * @param props.error what went wrong
 * @param props.retryAt when the kiosk tries again (epoch ms, shared clock), or undefined
 *   when nothing retries (the supervisor route): then the page asks for a reload
 */
export function ConfigErrorView({ error, retryAt }: { error: ConfigError; retryAt?: number }) {
  const { t } = useTranslation('config');
  const { detail } = error;
  const issues: string[] =
    error.reason === 'endpoint-refused' && detail.refused
      ? detail.refused.map((r) => t('refusedEndpoint', { field: r.field, origin: r.origin }))
      : [...error.issues];
  if (error.reason === 'endpoint-refused' && detail.servedReason && detail.servedUrl) {
    issues.push(t('servedUnavailable', { url: detail.servedUrl }));
  }
  if (error.reason === 'origin-refused' && detail.servedReason && detail.servedUrl) {
    issues.splice(0, issues.length, t('servedUnavailable', { url: detail.servedUrl }));
  }
  const count = error.reason === 'endpoint-refused' ? (detail.refused?.length ?? 0) : error.issues.length;
  const reasonText = t(`reason.${error.reason}`, {
    count,
    status: detail.status ?? '',
    origin: detail.origin ?? '',
    scheme: detail.scheme ?? '',
  });
  const hint = retryAt !== undefined ? 'fixKiosk' : error.refused ? 'fixRefused' : 'fix';
  return (
    <main
      className="page-message page-message--error"
      data-testid="config-error"
      data-reason={error.reason}
      role="alert"
    >
      <h1>{t('title')}</h1>
      <p>
        {t('cannotStart')} <code data-testid="config-error-file">{error.url}</code>
      </p>
      <p data-testid="config-error-reason">{reasonText}</p>
      {issues.length > 0 && (
        <>
          <h2>{t('whatIsWrong')}</h2>
          <ul className="config-issues">
            {issues.map((issue, i) => (
              <li key={i} data-testid="config-issue">
                <code>{issue}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {retryAt !== undefined && <RetryNotice at={retryAt} />}
      <p className="muted">{t(hint)}</p>
    </main>
  );
}

/**
 * "Retrying in N seconds", counting down on the shared 1 Hz clock (no timer of its own).
 * @param props.at when the retry is due (epoch ms)
 */
export function RetryNotice({ at }: { at: number }) {
  const { t } = useTranslation('config');
  const seconds = Math.max(0, Math.ceil((at - useNow()) / 1000));
  return (
    <p data-testid="config-retry" data-seconds={seconds} aria-live="polite">
      {seconds > 0 ? t('retry.in', { count: seconds }) : t('retry.now')}
    </p>
  );
}

/** The full-page "Loading configuration…" shown while the configuration is fetched. */
export function ConfigLoadingView() {
  const { t } = useTranslation('config');
  return <PageMessage title={t('loading')} />;
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
