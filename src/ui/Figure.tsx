import type { ReactNode } from 'react';
import type { Severity } from '../domain';
import './ui.css';

/** Text shown beside a figure over a threshold, so severity is never colour alone. */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { ok: '', warn: 'High', alarm: 'Alarm' };

/**
 * One labelled number on a tile. `value` is the raw number written to `data-value`
 * (empty when absent); `display` is what is shown (an em dash when absent).
 */
export function Figure(props: {
  label: string;
  value: number | undefined;
  display?: ReactNode;
  testId?: string;
  severity?: Severity;
  title?: string;
  size?: 'large' | 'medium' | 'small';
}) {
  const { label, value, display, testId, severity = 'ok', title, size = 'small' } = props;
  const shown = value === undefined ? '—' : (display ?? String(value));
  return (
    <div
      className={`figure figure--${size} sev--${severity}`}
      data-testid={testId}
      data-value={value === undefined ? '' : String(value)}
      title={title}
    >
      <span className="figure__value">
        {shown}
        {severity !== 'ok' && <span className="figure__sev">{SEVERITY_WORDS[severity]}</span>}
      </span>
      <span className="figure__label">{label}</span>
    </div>
  );
}

/** The worst of several severities. */
export function worstSeverity(...all: Severity[]): Severity {
  if (all.includes('alarm')) return 'alarm';
  if (all.includes('warn')) return 'warn';
  return 'ok';
}
