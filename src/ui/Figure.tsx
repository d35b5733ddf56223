import type { CSSProperties, ReactNode } from 'react';
import { OctagonAlert, TriangleAlert } from 'lucide-react';
import type { Severity } from '../domain';
import { useTranslation } from '../i18n';
import { useFormat } from './format';
import { internalSeverity, useThreshold } from './thresholds';
import './ui.css';

/**
 * The word and icon of a severity over a threshold (`warn` → "High" and a triangle,
 * `alarm` → "Alarm" and an octagon), so severity is never colour alone. Renders nothing
 * for `ok`.
 */
export function SeverityMark({ severity }: { severity: Severity }) {
  const { t } = useTranslation('common');
  if (severity === 'ok') return null;
  const Icon = severity === 'alarm' ? OctagonAlert : TriangleAlert;
  return (
    <span className="figure__sev" data-severity={severity}>
      <Icon aria-hidden="true" size="0.9em" className="figure__sev-icon" />
      {t(`severity.${severity}`)}
    </span>
  );
}

/**
 * One labelled number on a tile. `value` is the raw number written to `data-value` (the
 * attribute is absent when the value is unknown, never a zero); `stat` names the figure in
 * `data-stat` (the public test hook of docs/CONTRACTS.md "Board test hooks", e.g.
 * `callsWaiting`, `longestWaitingSec`); `display` is what is shown (an em dash when absent;
 * by default the value in the current locale's number format). Over a threshold the
 * severity is shown as a word and an icon as well as a colour.
 *
 * Thresholds (issue 13 scope 4): `severity` is what the configuration's board-wide
 * thresholds give (pass it only for a figure that has them); a designed board's panel
 * threshold for `stat` overrides it (its colour, flash, sound: `useThreshold`). A figure
 * with a threshold carries `data-severity` = `ok` | `warning` | `critical`, and
 * `data-flash="true"` while its level flashes.
 */
export function Figure(props: {
  label: string;
  value: number | undefined;
  display?: ReactNode;
  testId?: string;
  stat?: string;
  severity?: Severity;
  title?: string;
  size?: 'large' | 'medium' | 'small';
}) {
  const { label, value, display, testId, stat, title, size = 'small' } = props;
  const format = useFormat();
  const threshold = useThreshold(stat, value, props.severity);
  const severity = internalSeverity(threshold.severity);
  const shown = value === undefined ? '—' : (display ?? format.number(value));
  const flash = threshold.level?.flash === true;
  return (
    <div
      className={`figure figure--${size} sev--${severity}${flash ? ' figure--flash' : ''}${threshold.level?.colour ? ' figure--coloured' : ''}`}
      data-testid={testId}
      data-stat={stat}
      data-value={value === undefined ? undefined : String(value)}
      data-severity={threshold.has ? threshold.severity : undefined}
      data-flash={flash ? 'true' : undefined}
      style={threshold.level?.colour ? ({ '--threshold-colour': threshold.level.colour } as CSSProperties) : undefined}
      title={title}
    >
      <span className="figure__value">
        {shown}
        <SeverityMark severity={severity} />
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
