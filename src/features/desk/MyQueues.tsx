import { memo } from 'react';
import { OctagonAlert, TriangleAlert } from 'lucide-react';
import { elapsedSeconds } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useDeskQueue, useDeskQueueIds } from '../../stores/desk-hooks';
import { useFormat } from '../../ui';

/**
 * The queues the agent serves (CIL `queueDataUpdate`, kept by the desk store with the
 * `dataState` rules): escalation level in words and an icon as well as a colour, calls
 * waiting, the longest call ticking from `startTimeOfLongestCallInQueue`. CCX sends none.
 */
export function MyQueues() {
  const ids = useDeskQueueIds();
  const { t } = useTranslation('desk');
  return (
    <section className="desk-panel desk-queues" aria-labelledby="desk-queues-title">
      <h2 id="desk-queues-title" className="desk-panel__title">
        {t('myQueues')}
      </h2>
      {ids.length === 0 ? (
        <p className="muted" data-testid="no-queues">
          {t('noQueues')}
        </p>
      ) : (
        <table className="desk-queue-table">
          <thead>
            <tr>
              <th scope="col">{t('queue')}</th>
              <th scope="col">{t('callsInQueue')}</th>
              <th scope="col">{t('longestCall')}</th>
              <th scope="col">{t('agentsReady')}</th>
              <th scope="col">{t('agentsNotReady')}</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <QueueRow key={id} id={id} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const QueueRow = memo(function QueueRow({ id }: { id: string }) {
  const q = useDeskQueue(id);
  const { t } = useTranslation('desk');
  const format = useFormat();
  if (!q) return null;
  const level = q.escalation ?? 'Normal';
  const Icon = level === 'Critical' ? OctagonAlert : level === 'Warn' ? TriangleAlert : null;
  return (
    <tr className={`desk-queue desk-queue--${level.toLowerCase()}`} data-testid="my-queue" data-queue-id={q.id} data-escalation={q.escalation ?? ''}>
      <th scope="row">
        <span className="desk-queue__name" data-testid="my-queue-name">
          {q.name ?? q.id}
        </span>{' '}
        <span className="desk-queue__escalation" data-testid="my-queue-escalation">
          {Icon && <Icon aria-hidden="true" size={16} />} {t(`escalation.${level}`)}
        </span>
      </th>
      <td data-testid="my-queue-calls" data-value={q.callsInQueue}>
        {q.callsInQueue === undefined ? '—' : format.number(q.callsInQueue)}
      </td>
      <td>{q.longestCallSince === undefined || q.callsInQueue === 0 ? <span data-testid="my-queue-longest">—</span> : <Longest since={q.longestCallSince} />}</td>
      <td data-value={q.agentsReady}>{q.agentsReady === undefined ? '—' : format.number(q.agentsReady)}</td>
      <td data-value={q.agentsNotReady}>{q.agentsNotReady === undefined ? '—' : format.number(q.agentsNotReady)}</td>
    </tr>
  );
});

/** Longest call in queue, ticking (`data-value` seconds). */
function Longest({ since }: { since: number }) {
  const now = useNow();
  const format = useFormat();
  const secs = elapsedSeconds(since, now);
  return (
    <span data-testid="my-queue-longest" data-value={secs}>
      {format.duration(secs)}
    </span>
  );
}
