import { memo, useMemo } from 'react';
import { elapsedSeconds, SOURCE_LABELS, type SourceHealth, type SourceId, type SubscriptionResult } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useBroadcastState, useSourceHealth } from '../../stores';
import { Badge, StatusDot, useConnectionStatusLabel, useFormat, usePanelScope, usePanelHeadingId } from '../../ui';
import './health.css';

/** Total of a health record's counted errors. */
function totalErrors(h: SourceHealth): number {
  return Object.values(h.errorCounts).reduce((a, b) => a + b, 0);
}

/**
 * The connection-health panel: one expandable row per configured source. The row itself
 * always says, in words, which source is in which state and why; opened, it lists the
 * status, reason, since, last message, connects, error counts by code, the recent errors
 * and the subscription results (refusals such as "Unauthorized" first).
 */
export function HealthPanel({ sources: all }: { sources: readonly SourceId[] }) {
  const headingId = usePanelHeadingId('health-title');
  const only = usePanelScope().filters.sources;
  const sources = useMemo(() => (only && only.length > 0 ? all.filter((s) => only.includes(s)) : all), [all, only]);
  const { t } = useTranslation('health');
  return (
    <section className="panel health-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('title')}
      </h2>
      {sources.length === 0 ? (
        <p className="panel__empty">{t('noSource')}</p>
      ) : (
        <div className="health-list">
          {sources.map((s) => (
            <SourceHealthRow key={s} source={s} />
          ))}
        </div>
      )}
      <BroadcastHealthRow />
    </section>
  );
}

/**
 * The broadcast channel's health (issue 13 scope 6), when the board has one: its link and its
 * refused frames, counted, the latest listed as text. `data-testid="broadcast-health"` with
 * `data-status` (`idle` | `connecting` | `live` | `down`) and `data-rejected` (the count).
 */
const BroadcastHealthRow = memo(function BroadcastHealthRow() {
  const b = useBroadcastState();
  const { t } = useTranslation('broadcast');
  const format = useFormat();
  if (!b.configured) return null;
  const rejected = Object.values(b.errorCounts).reduce((a, n) => a + n, 0);
  return (
    <details className={`health-row status--${b.link === 'live' ? 'live' : b.link}`}>
      <summary className="health-row__summary" data-testid="broadcast-health" data-status={b.link} data-rejected={rejected}>
        <span className="health-row__name">{t('healthTitle')}</span> <span>{t(`healthLink.${b.link}`)}</span>
        {b.reason && <span className="health-row__reason"> — {b.reason}</span>}
        {rejected > 0 && <span> · {t('healthErrors', { count: rejected })}</span>}
      </summary>
      {b.recentErrors.length > 0 && (
        <ul className="health-row__errors">
          {b.recentErrors.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              {format.clockTime(e.at)} {e.code}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
});

const SourceHealthRow = memo(function SourceHealthRow({ source }: { source: SourceId }) {
  const h = useSourceHealth(source);
  const errors = totalErrors(h);
  // `h` is replaced on every message (its `lastMessageAt`); the subscription list (thousands
  // of entries on a large board) only when a subscription answer changes it.
  const subs = useMemo(() => Object.values(h.subscriptions), [h.subscriptions]);
  const refused = useMemo(() => subs.filter((s) => !s.subscribed), [subs]);
  const label = SOURCE_LABELS[source];
  const { t } = useTranslation('health');
  const statusLabel = useConnectionStatusLabel();
  const format = useFormat();
  return (
    <>
    <details className={`health-row status--${h.status}`}>
      <summary
        className="health-row__summary"
        data-testid="connection-status"
        data-source={source}
        data-status={h.status}
        data-rejected={errors}
      >
        <StatusDot status={h.status} />
        <span className="health-row__name">{label}</span>
        <span className="health-row__status">{statusLabel(h.status)}</span>
        {h.reason && <span className="health-row__reason">{h.reason}</span>}
        <span className="health-row__badges">
          {errors > 0 && (
            <Badge tone="warn" testId="health-error-total">
              {t('errors', { count: errors })}
            </Badge>
          )}
          {refused.length > 0 && <Badge tone="alarm">{t('refused', { count: refused.length })}</Badge>}
        </span>
      </summary>
      <div className="health-row__body">
        <dl className="health-facts">
          <dt>{t('status')}</dt>
          <dd>{statusLabel(h.status)}</dd>
          <dt>{t('reason')}</dt>
          <dd>{h.reason ?? '—'}</dd>
          <dt>{t('since')}</dt>
          <dd>{h.since > 0 ? <Ago at={h.since} /> : '—'}</dd>
          <dt>{t('lastMessage')}</dt>
          <dd>{h.lastMessageAt === undefined ? t('noMessageYet') : <Ago at={h.lastMessageAt} />}</dd>
          <dt>{t('connects')}</dt>
          <dd data-testid="health-connects">{format.number(h.connects)}</dd>
        </dl>
        <h3 className="health-row__sub">{t('errorsByCode')}</h3>
        {errors === 0 ? (
          <p className="muted">{t('none')}</p>
        ) : (
          <ul className="health-counts" data-testid="health-error-counts">
            {Object.entries(h.errorCounts).map(([code, n]) => (
              <li key={code} data-code={code}>
                <code>{code}</code> {format.number(n)}
              </li>
            ))}
          </ul>
        )}
        {h.noticeCounts && (
          <>
            <h3 className="health-row__sub">{t('notices')}</h3>
            <ul className="health-counts" data-testid="health-notice-counts">
              {Object.entries(h.noticeCounts).map(([name, n]) => (
                <li key={name} data-event={name}>
                  <code>{name}</code> {format.number(n)}
                </li>
              ))}
            </ul>
          </>
        )}
        {h.recentErrors.length > 0 && (
          <>
            <h3 className="health-row__sub">{t('recentErrors')}</h3>
            <ol className="health-errors">
              {h.recentErrors.map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <time dateTime={new Date(e.at).toISOString()}>{format.clockTime(e.at)}</time> <code>{e.code}</code> {e.message}
                </li>
              ))}
            </ol>
          </>
        )}
        {subs.length > 0 && <Subscriptions all={subs} refused={refused} />}
      </div>
    </details>
    {h.adapter && (
      <p
        className={`health-adapter ${h.adapter.connected ? 'status--live' : 'status--down'}`}
        data-testid="adapter-status"
        data-source={source}
        data-connected={h.adapter.connected ? 'true' : 'false'}
      >
        <StatusDot status={h.adapter.connected ? 'live' : 'down'} />
        <span className="health-row__name">{h.adapter.name}</span>
        <span className="health-row__status">{h.adapter.connected ? t('adapterConnected') : t('adapterDisconnected')}</span>
        {h.adapter.detail && <span className="health-row__reason">{h.adapter.detail}</span>}
      </p>
    )}
    </>
  );
});

/** Subscription results: the refused ones in full, then the count of accepted ones. */
const Subscriptions = memo(function Subscriptions({ all, refused }: { all: readonly SubscriptionResult[]; refused: readonly SubscriptionResult[] }) {
  const { t } = useTranslation('health');
  return (
    <>
      <h3 className="health-row__sub">{t('subscriptions', { accepted: all.length - refused.length, count: all.length })}</h3>
      {refused.length > 0 && (
        <table className="health-subs" data-testid="health-subscriptions-refused">
          <thead>
            <tr>
              <th scope="col">{t('event')}</th>
              <th scope="col">{t('entity')}</th>
              <th scope="col">{t('result')}</th>
            </tr>
          </thead>
          <tbody>
            {refused.map((s) => (
              <tr key={`${s.eventName}:${s.entityId}`}>
                <td>{s.eventName}</td>
                <td>
                  <code>{s.entityId}</code>
                </td>
                <td>{t('refusedWith', { message: s.message ?? t('noReasonGiven') })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
});

/** "12:03:04 (2:10 ago)" (`health:ago`), ticking on the shared clock. */
function Ago({ at }: { at: number }) {
  const now = useNow();
  const { t } = useTranslation('health');
  const format = useFormat();
  return <>{t('ago', { time: format.clockTime(at), duration: format.duration(elapsedSeconds(at, now)) })}</>;
}

/**
 * One chip per configured source for the page header: a dot and the status in words,
 * with the reason as a tooltip.
 */
export function HealthChips({ sources }: { sources: readonly SourceId[] }) {
  const { t } = useTranslation('health');
  return (
    <ul className="health-chips" aria-label={t('chipsLabel')}>
      {sources.map((s) => (
        <HealthChip key={s} source={s} />
      ))}
    </ul>
  );
}

const HealthChip = memo(function HealthChip({ source }: { source: SourceId }) {
  const h = useSourceHealth(source);
  const statusLabel = useConnectionStatusLabel();
  return (
    <li className={`health-chip status--${h.status}`} data-testid="health-chip" data-source={source} title={h.reason}>
      <StatusDot status={h.status} />
      <span>{SOURCE_LABELS[source]}</span> <strong>{statusLabel(h.status)}</strong>
    </li>
  );
});
