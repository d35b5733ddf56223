import { memo, useId, useState } from 'react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { elapsedSeconds, entityKey, QueueOpenStatus, type EntityKey, type QueueCall } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useAgent, useQueueCalls, useQueueDayStats, useQueueLiveCallCount, useQueueMembers } from '../../stores';
import { Badge, Figure, useFormat } from '../../ui';
import './calls.css';

/**
 * The day statistics the wallboard computed from the calls it saw (issue 7), under a
 * queue's figures: offered, answered, abandoned, overflowed, average wait (`data-stat`
 * `offered`, `answered`, `abandoned`, `overflowed`, `avgWaitSec`), labelled as computed by
 * the wallboard since the reset time, and the spans of the day it did not see
 * (`data-testid="stats-unseen"`, `data-from` / `data-to` epoch ms). Renders nothing for a
 * queue the wallboard computes nothing for.
 */
export const QueueDayStatsBlock = memo(function QueueDayStatsBlock({ queueKey }: { queueKey: EntityKey }) {
  const s = useQueueDayStats(queueKey);
  const { t } = useTranslation('calls');
  const format = useFormat();
  if (!s) return null;
  const unseenText = s.unseen.map(([from, to]) => `${format.clockTime(from)}–${format.clockTime(to)}`).join(', ');
  const title = `${t('computedTitle', { threshold: s.thresholdSec, short: s.shortAbandonSec })}${unseenText ? ` · ${t('unseen')} ${unseenText}` : ''}`;
  return (
    <div className="queue-day" data-testid="queue-day-stats" data-day={s.day} data-since={String(s.since)} title={title}>
      <div className="queue-day__figures">
        <Figure label={t('offered')} stat="offered" value={s.offered} />
        <Figure label={t('answered')} stat="answered" value={s.answered} />
        <Figure label={t('abandoned')} stat="abandoned" value={s.abandoned} />
        <Figure label={t('overflowed')} stat="overflowed" value={s.overflowed} />
        <Figure label={t('avgWait')} stat="avgWaitSec" value={s.avgWaitSec} display={s.avgWaitSec === undefined ? undefined : format.duration(s.avgWaitSec)} />
      </div>
      <p className="queue-day__note">
        {t('computed', { since: format.clockTime(s.since) })}
        {s.unseen.length > 0 && (
          <>
            {' · '}
            {t('unseen')}{' '}
            {s.unseen.map(([from, to]) => (
              <span key={from} className="queue-day__gap" data-testid="stats-unseen" data-from={String(from)} data-to={String(to)}>
                {format.clockTime(from)}–{format.clockTime(to)}
              </span>
            ))}
          </>
        )}
      </p>
    </div>
  );
});

/**
 * A queue's live calls and who serves it, shown on demand: a toggle ("Calls (n)") opens
 * the list, so a board with 300 queues mounts no list until one is opened.
 */
export const QueueDetails = memo(function QueueDetails({ queueKey }: { queueKey: EntityKey }) {
  const [open, setOpen] = useState(false);
  const count = useQueueLiveCallCount(queueKey);
  const { t } = useTranslation('calls');
  const id = useId();
  const Icon = open ? ChevronDown : ChevronRight;
  return (
    <div className="queue-details">
      <button
        type="button"
        className="queue-details__toggle"
        data-testid="queue-calls-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon aria-hidden="true" size={14} />
        {t('toggle', { count })}
      </button>
      {open && (
        <div id={id} className="queue-details__body">
          <CallList queueKey={queueKey} />
          <Members queueKey={queueKey} />
        </div>
      )}
    </div>
  );
});

function CallList({ queueKey }: { queueKey: EntityKey }) {
  const { live, ended } = useQueueCalls(queueKey);
  const { t } = useTranslation('calls');
  if (live.length === 0 && ended.length === 0) return <p className="muted queue-calls__empty">{t('noCalls')}</p>;
  return (
    <ol className="queue-calls" aria-label={t('listLabel')}>
      {live.map((c) => (
        <CallRow key={c.callId} call={c} />
      ))}
      {ended.map((c) => (
        <CallRow key={c.callId} call={c} />
      ))}
    </ol>
  );
}

/** One call: caller (masked), outcome word, agent, wait (ticking while it waits). */
const CallRow = memo(function CallRow({ call }: { call: QueueCall }) {
  const { t } = useTranslation('calls');
  const format = useFormat();
  const now = useNow();
  const agent = useAgent(entityKey(call.source, call.agentId ?? ''));
  const waitEnd = call.connectedAt ?? call.endedAt ?? now;
  const wait = elapsedSeconds(call.arrivedAt, waitEnd);
  const agentName = agent?.name ?? call.agentName ?? call.agentId;
  return (
    <li
      className={`queue-call outcome--${call.outcome}`}
      data-testid="queue-call"
      data-call-id={call.callId}
      data-queue-id={call.queueId}
      data-outcome={call.outcome}
    >
      <span className="queue-call__caller">{call.callerNumber ?? t('noNumber')}</span>
      <Badge tone={call.outcome === 'abandoned' ? 'warn' : call.outcome === 'waiting' ? 'info' : 'neutral'}>{t(`outcome.${call.outcome}`)}</Badge>
      {call.transferring && <Badge tone="info">{t('transferring')}</Badge>}
      <span className="queue-call__wait" data-testid="queue-call-wait" data-value={String(wait)} title={call.arrivalSeen ? t('waitTitle') : t('waitNotSeenTitle')}>
        {call.arrivalSeen ? '' : '≥ '}
        {format.duration(wait)}
      </span>
      {agentName && <span className="queue-call__agent">{agentName}</span>}
      {call.detail && <span className="queue-call__detail">{call.detail}</span>}
    </li>
  );
});

function Members({ queueKey }: { queueKey: EntityKey }) {
  const members = useQueueMembers(queueKey);
  const { t } = useTranslation('calls');
  if (members.length === 0) return null;
  return (
    <div className="queue-members">
      <h4 className="queue-members__title">{t('members', { count: members.length })}</h4>
      <ul className="queue-members__list">
        {members.map((m) => (
          <Member key={m.agentId} queueKey={queueKey} agentId={m.agentId} active={m.active} />
        ))}
      </ul>
    </div>
  );
}

function Member({ queueKey, agentId, active }: { queueKey: EntityKey; agentId: string; active: boolean }) {
  const source = queueKey.slice(0, queueKey.indexOf(':')) as QueueCall['source'];
  const agent = useAgent(entityKey(source, agentId));
  const { t } = useTranslation('calls');
  return (
    <li className={`queue-member${active ? '' : ' is-inactive'}`} data-testid="queue-member" data-agent-id={agentId} data-active={active ? 'true' : 'false'}>
      {agent?.name ?? agentId} <span className="muted">{active ? t('active') : t('inactive')}</span>
    </li>
  );
}

const OPEN_STATUS_WORDS: Readonly<Record<number, { key: string; tone: 'ok' | 'info' | 'warn' }>> = {
  [QueueOpenStatus.NoActiveHandler]: { key: 'noHandler', tone: 'warn' },
  [QueueOpenStatus.NoActiveHandlerUncertain]: { key: 'noHandlerUncertain', tone: 'warn' },
  [QueueOpenStatus.Closed]: { key: 'closed', tone: 'warn' },
  [QueueOpenStatus.ClosedUncertain]: { key: 'closedUncertain', tone: 'warn' },
  [QueueOpenStatus.Open]: { key: 'open', tone: 'ok' },
  [QueueOpenStatus.OpenUncertain]: { key: 'openUncertain', tone: 'info' },
};

/**
 * RTE QueueStatus `OpenStatus` (rte doc "Event: QueueStatus") as a word: open, closed, no
 * active handler, each also "uncertain" (`data-testid="queue-open-status"`, `data-value`
 * the vendor number 1..6). Nothing for NA (0) or absent.
 */
export function OpenStatusBadge({ openStatus }: { openStatus: number | undefined }) {
  const { t } = useTranslation('calls');
  const w = openStatus === undefined ? undefined : OPEN_STATUS_WORDS[openStatus];
  if (!w) return null;
  return (
    <span data-testid="queue-open-status" data-value={String(openStatus)}>
      <Badge tone={w.tone}>{t(w.key)}</Badge>
    </span>
  );
}
