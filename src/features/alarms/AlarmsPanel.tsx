import { memo } from 'react';
import { BellRing, CircleCheck, Info, OctagonAlert, TriangleAlert } from 'lucide-react';
import { SOURCE_LABELS, type AlarmSeverity, type EntityKey } from '../../domain';
import { useTranslation } from '../../i18n';
import { useAlarm, useAlarmKeys, useRaisedAlarmCount } from '../../stores';
import { SourceBadge, useFormat, usePanelKeys } from '../../ui';
import { createScreenIdSet } from '../../ui/screen-memory';
import './alarms.css';

/**
 * Alarms acknowledged on this screen (issue 10 scope 5: per screen, kept across reloads),
 * by alarm key and raise time, so an alarm raised again after it was resolved is new.
 */
const acknowledged = createScreenIdSet('wallboard.alarms.acknowledged.v1', 500);
const ackId = (key: EntityKey, raisedAt: number) => `${key}@${raisedAt}`;

/** Forgets this screen's alarm acknowledgements (tests). */
export function resetAlarmAcknowledgements(): void {
  acknowledged.reset();
}

const ICONS: Readonly<Record<AlarmSeverity, typeof OctagonAlert>> = { alarm: OctagonAlert, warn: TriangleAlert, info: Info };

/**
 * Alarms from every backend (RTE UserAlert / UserQueueAlert, BCT AlarmNotification), active
 * ones first, then recently resolved ones (bounded history, with when they were resolved).
 * A supervisor acknowledges an active alarm on their own screen (kept across reloads, never
 * sent to the vendor); a TV (`readOnly`) shows the same list without controls. Each alarm:
 * `data-testid="alarm"`, `data-alarm-id` (the vendor's id: RTE AlertId, BCT 4-digit id),
 * `data-source`, `data-severity` (`info`, `warn`, `alarm`), `data-state` (`active`,
 * `acknowledged` on this screen, `resolved`); severity told by a word and an icon as well as
 * a colour; vendor text shown as text.
 */
export function AlarmsPanel({ readOnly = false }: { readOnly?: boolean }) {
  const keys = usePanelKeys(useAlarmKeys());
  const raised = useRaisedAlarmCount();
  const { t } = useTranslation('alarms');
  const format = useFormat();
  return (
    <section className="panel alarms-panel" aria-labelledby="alarms-title" data-testid="alarms-panel">
      <h2 id="alarms-title" className="panel__title">
        <BellRing aria-hidden="true" size={16} /> {t('title')} <span className="panel__count">{format.number(raised)}</span>
        {/* No alarm: one line, not two (the panel stays, small, so the board's layout does not jump). */}
        {keys.length === 0 && <span className="alarms-panel__empty"> · {t('empty')}</span>}
      </h2>
      {keys.length > 0 && (
        <ul className="alarm-list" aria-live="polite">
          {keys.map((k) => (
            <AlarmRow key={k} alarmKey={k} readOnly={readOnly} />
          ))}
        </ul>
      )}
    </section>
  );
}

const AlarmRow = memo(function AlarmRow({ alarmKey, readOnly }: { alarmKey: EntityKey; readOnly: boolean }) {
  const a = useAlarm(alarmKey);
  const acked = acknowledged.use();
  const { t } = useTranslation('alarms');
  const format = useFormat();
  if (!a) return null;
  const id = ackId(a.key, a.raisedAt);
  const state = a.state === 'cleared' ? 'resolved' : acked.has(id) ? 'acknowledged' : 'active';
  const Icon = a.state === 'cleared' ? CircleCheck : ICONS[a.severity];
  const what = [a.entityName, a.expression].filter(Boolean).join(' · ');
  return (
    <li
      className={`alarm sev--${a.state === 'cleared' ? 'ok' : a.severity === 'info' ? 'ok' : a.severity} alarm--${state}`}
      data-testid="alarm"
      data-alarm-id={a.vendorId ?? a.id}
      data-source={a.source}
      data-severity={a.severity}
      data-state={state}
      title={SOURCE_LABELS[a.source]}
    >
      <Icon aria-hidden="true" size={16} className="alarm__icon" />
      <span className="alarm__severity">{a.state === 'cleared' ? t('cleared') : t(`severity.${a.severity}`)}</span>
      {a.vendorId !== undefined && <span className="alarm__id">{a.vendorId}</span>}
      <SourceBadge source={a.source} />
      <span className="alarm__condition" data-testid="alarm-condition">{a.condition}</span>
      {a.value !== undefined && (
        <span className="alarm__value" data-testid="alarm-value">
          {a.threshold !== undefined ? t('valueOf', { value: a.value, threshold: a.threshold }) : a.value}
        </span>
      )}
      {what && <span className="alarm__what">{what}</span>}
      <time className="alarm__time" dateTime={new Date(a.lastRaisedAt).toISOString()}>
        {a.state === 'cleared' && a.clearedAt !== undefined ? t('clearedAt', { time: format.clockTime(a.clearedAt) }) : format.clockTime(a.lastRaisedAt)}
      </time>
      {state === 'acknowledged' && <span className="alarm__acked">{t('acknowledged')}</span>}
      {state === 'active' && !readOnly && (
        <button type="button" className="alarm__ack" onClick={() => acknowledged.add([id])} aria-label={t('acknowledgeLabel', { condition: a.condition })}>
          {t('acknowledge')}
        </button>
      )}
    </li>
  );
});
