import type { ReactNode } from 'react';
import { SOURCE_LABELS, type SourceId } from '../domain';
import { useTranslation } from '../i18n';
import './ui.css';

/** Visual tone of a {@link Badge}. */
export type BadgeTone = 'neutral' | 'info' | 'ok' | 'warn' | 'alarm' | 'muted';

/** A small text label (always text: never colour alone). */
export function Badge(props: { tone?: BadgeTone; title?: string; children: ReactNode; testId?: string }) {
  const { tone = 'neutral', title, children, testId } = props;
  return (
    <span className={`badge badge--${tone}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}

const SHORT: Readonly<Record<SourceId, string>> = { rte: 'RTE', gc: 'GC', cil: 'CIL', bct: 'BCT', uccx: 'UCCX' };

/** The short name of a source ("RTE", "GC"), with its full name as a tooltip. */
export function SourceBadge({ source }: { source: SourceId }) {
  return (
    <span className="badge badge--source" title={SOURCE_LABELS[source]}>
      {SHORT[source]}
    </span>
  );
}

/** The word "stale" (catalogue `common:stale`) on data whose source is not live (last values kept). */
export function StaleTag() {
  const { t } = useTranslation('common');
  return (
    <Badge tone="muted" title={t('staleTitle')}>
      {t('stale')}
    </Badge>
  );
}
