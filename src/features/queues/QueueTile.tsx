import { memo } from 'react';
import { elapsedSeconds, formatDuration, QueueOpenStatus, type EntityKey, type Queue } from '../../domain';
import { useNow } from '../../lib/clock';
import { useIsSourceLive, useQueue } from '../../stores';
import { Badge, Figure, SourceBadge, StaleTag, sourceOfKey, useBoard, worstSeverity, type BoardThresholds } from '../../ui';
import { callsWaitingSeverity, longestWaitingSeverity, serviceLevelSeverity } from './severity';
import './queues.css';

const NO_SL_TITLE = 'This source sends no service-level data for this queue';

/**
 * One queue: calls waiting, longest waiting (ticking), agents by state, service level and
 * handled / abandoned where the source sends them. Coloured by the configured thresholds,
 * with the severity as text too; dimmed and marked "stale" while its source is not live.
 */
export const QueueTile = memo(function QueueTile({ queueKey }: { queueKey: EntityKey }) {
  const queue = useQueue(queueKey);
  const live = useIsSourceLive(sourceOfKey(queueKey));
  const { thresholds } = useBoard().config;
  if (!queue) return null;
  const stale = !live;
  const cwSev = callsWaitingSeverity(queue, thresholds);
  const slSev = serviceLevelSeverity(queue.serviceLevelPct, thresholds);
  const closed = openStatusText(queue.openStatus);
  return (
    <section
      className={`queue-tile sev-border--${worstSeverity(cwSev, slSev)}${stale ? ' is-stale' : ''}`}
      data-testid="queue-tile"
      data-queue-id={queue.id}
      data-source={queue.source}
      data-stale={stale ? 'true' : 'false'}
      aria-label={`Queue ${queue.name}`}
    >
      <header className="queue-tile__head">
        <h3 className="queue-tile__name" title={queue.name}>
          {queue.name}
        </h3>
        <SourceBadge source={queue.source} />
        {closed && <Badge tone="warn">{closed}</Badge>}
        {stale && <StaleTag />}
      </header>
      <div className="queue-tile__main">
        <Figure
          size="large"
          label="Waiting"
          testId="queue-calls-waiting"
          value={queue.callsWaiting}
          severity={cwSev}
        />
        <LongestWaiting queue={queue} thresholds={thresholds} />
        <Figure
          size="medium"
          label="SL"
          testId="queue-service-level"
          value={queue.serviceLevelPct === undefined ? undefined : Math.round(queue.serviceLevelPct)}
          display={queue.serviceLevelPct === undefined ? undefined : `${Math.round(queue.serviceLevelPct)}%`}
          severity={slSev}
          title={queue.serviceLevelPct === undefined ? NO_SL_TITLE : 'Service level'}
        />
      </div>
      <div className="queue-tile__agents">
        <Figure label="Ready" testId="queue-agents-ready" value={queue.agentsReady} />
        <Figure label="Not ready" testId="queue-agents-not-ready" value={queue.agentsNotReady} />
        <Figure label="Talking" testId="queue-agents-talking" value={queue.agentsTalking} />
        <Figure label="Wrap-up" testId="queue-agents-wrapup" value={queue.agentsWrapUp} />
      </div>
      {(queue.callsHandled !== undefined || queue.callsAbandoned !== undefined) && (
        <div className="queue-tile__foot">
          {queue.callsHandled !== undefined && (
            <Figure label="Handled" testId="queue-calls-handled" value={queue.callsHandled} />
          )}
          {queue.callsAbandoned !== undefined && (
            <Figure label="Abandoned" testId="queue-calls-abandoned" value={queue.callsAbandoned} />
          )}
        </div>
      )}
    </section>
  );
});

/**
 * The longest wait, ticking once a second from `longestWaitingSince` on the shared clock.
 * Its own component so that only this leaf re-renders every second.
 */
function LongestWaiting({ queue, thresholds }: { queue: Queue; thresholds: BoardThresholds }) {
  const now = useNow();
  // An emptied queue has no `longestWaitingSince` (the queues reducer clears it).
  const since = queue.longestWaitingSince;
  const seconds = since === undefined ? undefined : elapsedSeconds(since, now);
  const sev = longestWaitingSeverity(seconds, thresholds);
  return (
    <Figure
      size="large"
      label="Longest wait"
      testId="queue-longest-waiting"
      value={seconds}
      display={seconds === undefined ? undefined : formatDuration(seconds)}
      severity={sev}
      title={seconds === undefined ? 'No call waiting, or this source does not send waiting times' : undefined}
    />
  );
}

/** A short text for an RTE OpenStatus that is not "open" (closed / no active handler), else undefined. */
function openStatusText(s: number | undefined): string | undefined {
  switch (s) {
    case QueueOpenStatus.Closed:
    case QueueOpenStatus.ClosedUncertain:
      return 'Closed';
    case QueueOpenStatus.NoActiveHandler:
    case QueueOpenStatus.NoActiveHandlerUncertain:
      return 'No handler';
    default:
      return undefined;
  }
}

