import { memo } from 'react';
import { BellRing, CircleCheck, Info, OctagonAlert, TriangleAlert } from 'lucide-react';
import { SOURCE_LABELS, type AlarmSeverity, type EntityKey } from '../../domain';
import { useTranslation } from '../../i18n';
import { useAlarm, useAlarmKeys, useRaisedAlarmCount } from '../../stores';
import { SourceBadge, useFormat } from '../../ui';
import './alarms.css';

const ICONS: Readonly<Record<AlarmSeverity, typeof OctagonAlert>> = { alarm: OctagonAlert, warn: TriangleAlert, info: Info };

/**
 * Alarms from every backend (issue 7: RTE UserAlert / UserQueueAlert), raised ones first,
 * then recently cleared ones. Read-only everywhere (nothing to acknowledge at the vendor),
 * so the supervisor board and the kiosk show the same panel. Each alarm:
 * `data-testid="alarm"`, `data-alarm-id` (vendor id), `data-source`, `data-severity`
 * (`info`, `warn`, `alarm`), `data-state` (`raised`, `cleared`); severity told by a word
 * and an icon as well as a colour; vendor text shown as text.
 */
export function AlarmsPanel() {
  const keys = useAlarmKeys();
  const raised = useRaisedAlarmCount();
  const { t } = useTranslation('alarms');
  const format = useFormat();
  return (
    <section className="panel alarms-panel" aria-labelledby="alarms-title" data-testid="alarms-panel">
      <h2 id="alarms-title" className="panel__title">
        <BellRing aria-hidden="true" size={16} /> {t('title')} <span className="panel__count">{format.number(raised)}</span>
      </h2>
      {keys.length === 0 ? (
        <p className="panel__empty">{t('empty')}</p>
      ) : (
        <ul className="alarm-list" aria-live="polite">
          {keys.map((k) => (
            <AlarmRow key={k} alarmKey={k} />
          ))}
        </ul>
      )}
    </section>
  );
}

const AlarmRow = memo(function AlarmRow({ alarmKey }: { alarmKey: EntityKey }) {
  const a = useAlarm(alarmKey);
  const { t } = useTranslation('alarms');
  const format = useFormat();
  if (!a) return null;
  const Icon = a.state === 'cleared' ? CircleCheck : ICONS[a.severity];
  const what = [a.entityName, a.expression].filter(Boolean).join(' · ');
  return (
    <li
      className={`alarm sev--${a.state === 'cleared' ? 'ok' : a.severity === 'info' ? 'ok' : a.severity} alarm--${a.state}`}
      data-testid="alarm"
      data-alarm-id={a.id}
      data-source={a.source}
      data-severity={a.severity}
      data-state={a.state}
      title={SOURCE_LABELS[a.source]}
    >
      <Icon aria-hidden="true" size={16} className="alarm__icon" />
      <span className="alarm__severity">{a.state === 'cleared' ? t('cleared') : t(`severity.${a.severity}`)}</span>
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
    </li>
  );
});
