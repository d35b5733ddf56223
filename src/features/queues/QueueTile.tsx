import { memo, useMemo, useState } from 'react';
import { elapsedSeconds, type EntityKey, type Queue } from '../../domain';
import { useTranslation } from '../../i18n';
import { useNow } from '../../lib/clock';
import { useOnScreen } from '../../lib/on-screen';
import { useIsSourceLive, useQueue } from '../../stores';
import { Figure, SourceBadge, StaleTag, sourceOfKey, useBoard, useFormat, worstSeverity, type BoardThresholds } from '../../ui';
import { QueueBreakdown } from './QueueBreakdown';
import { callsWaitingSeverity, longestWaitingSeverity, serviceLevelSeverity } from './severity';
import { OpenStatusBadge, QueueDayStatsBlock, QueueDetails } from './QueueCalls';
import './queues.css';

/**
 * One queue: calls waiting, longest waiting (ticking), agents by state, service level and
 * handled / abandoned where the source sends them. Coloured by the configured thresholds,
 * with the severity as text too; dimmed and marked "stale" while its source is not live.
 */
export const QueueTile = memo(function QueueTile({ queueKey }: { queueKey: EntityKey }) {
  const queue = useQueue(queueKey);
  const live = useIsSourceLive(sourceOfKey(queueKey));
  const { thresholds } = useBoard().config;
  const { t } = useTranslation('queues');
  const format = useFormat();
  // Off screen (skipped by `content-visibility: auto`), the longest wait stops ticking: the
  // 1 Hz tick re-renders the visible tiles only.
  const [el, setEl] = useState<HTMLElement | null>(null);
  const onScreen = useOnScreen(el);
  // The tile's fixed words, looked up once per language (`t` changes identity with it):
  // a busy queue re-renders many times a second.
  const words = useMemo(
    () => ({
      callsWaiting: t('callsWaiting'),
      serviceLevel: t('serviceLevel'),
      noServiceLevelTitle: t('noServiceLevelTitle'),
      serviceLevelTitle: t('serviceLevelTitle'),
      serviceLevelHandled: t('serviceLevelHandled'),
      serviceLevelHandledTitle: t('serviceLevelHandledTitle'),
      agentsReady: t('agentsReady'),
      agentsNotReady: t('agentsNotReady'),
      agentsTalking: t('agentsTalking'),
      agentsWrapUp: t('agentsWrapUp'),
      callsHandled: t('callsHandled'),
      callsAbandoned: t('callsAbandoned'),
    }),
    [t],
  );
  if (!queue) return null;
  const stale = !live;
  const cwSev = callsWaitingSeverity(queue, thresholds);
  const slSev = serviceLevelSeverity(queue.serviceLevelPct, thresholds);
  // A UCCX CSQ's service level is handled ÷ presented (the payload's own counts), labelled so.
  const slFromHandled = queue.serviceLevelPct !== undefined && queue.callsHandled !== undefined && queue.callsOffered !== undefined;
  return (
    <section
      ref={setEl}
      className={`queue-tile sev-border--${worstSeverity(cwSev, slSev)}${stale ? ' is-stale' : ''}`}
      data-testid="queue-tile"
      data-queue-id={queue.id}
      data-source={queue.source}
      data-stale={stale ? 'true' : 'false'}
      aria-label={t('tileLabel', { name: queue.name })}
    >
      <header className="queue-tile__head">
        <h3 className="queue-tile__name" title={queue.name}>
          {queue.name}
        </h3>
        <SourceBadge source={queue.source} />
        <OpenStatusBadge openStatus={queue.openStatus} />
        {stale && <StaleTag />}
      </header>
      <div className="queue-tile__main">
        <Figure
          size="large"
          label={words.callsWaiting}
          testId="queue-calls-waiting"
          stat="callsWaiting"
          value={queue.callsWaiting}
          severity={cwSev}
        />
        <LongestWaiting queue={queue} thresholds={thresholds} ticking={onScreen} />
        <Figure
          size="medium"
          label={slFromHandled ? words.serviceLevelHandled : words.serviceLevel}
          testId="queue-service-level"
          stat="serviceLevelPct"
          value={queue.serviceLevelPct === undefined ? undefined : Math.round(queue.serviceLevelPct)}
          display={queue.serviceLevelPct === undefined ? undefined : format.percent(queue.serviceLevelPct)}
          severity={slSev}
          title={
            queue.serviceLevelPct === undefined
              ? words.noServiceLevelTitle
              : slFromHandled
                ? words.serviceLevelHandledTitle
                : words.serviceLevelTitle
          }
        />
      </div>
      <div className="queue-tile__agents">
        <Figure label={words.agentsReady} testId="queue-agents-ready"
          stat="agentsReady" value={queue.agentsReady} />
        <Figure label={words.agentsNotReady} testId="queue-agents-not-ready"
          stat="agentsNotReady" value={queue.agentsNotReady} />
        <Figure label={words.agentsTalking} testId="queue-agents-talking"
          stat="agentsTalking" value={queue.agentsTalking} />
        <Figure label={words.agentsWrapUp} testId="queue-agents-wrapup"
          stat="agentsWrapUp" value={queue.agentsWrapUp} />
      </div>
      <QueueBreakdown queue={queue} />
      {(queue.callsHandled !== undefined || queue.callsAbandoned !== undefined) && (
        <div className="queue-tile__foot">
          {queue.callsHandled !== undefined && (
            <Figure label={words.callsHandled} testId="queue-calls-handled"
          stat="handled" value={queue.callsHandled} />
          )}
          {queue.callsAbandoned !== undefined && (
            <Figure label={words.callsAbandoned} testId="queue-calls-abandoned"
          stat="abandoned" value={queue.callsAbandoned} />
          )}
        </div>
      )}
      <QueueDayStatsBlock queueKey={queueKey} />
      {queue.source === 'rte' && <QueueDetails queueKey={queueKey} />}
    </section>
  );
});

/**
 * The longest wait, ticking once a second from `longestWaitingSince` on the shared clock.
 * Its own component so that only this leaf re-renders every second, and only while
 * `ticking` (its tile on screen); off screen it shows the time of its last render.
 */
function LongestWaiting({ queue, thresholds, ticking }: { queue: Queue; thresholds: BoardThresholds; ticking: boolean }) {
  const now = useNow(ticking);
  const { t } = useTranslation('queues');
  const format = useFormat();
  // An emptied queue has no `longestWaitingSince` (the queues reducer clears it).
  const since = queue.longestWaitingSince;
  const seconds = since === undefined ? undefined : elapsedSeconds(since, now);
  const sev = longestWaitingSeverity(seconds, thresholds);
  return (
    <Figure
      size="large"
      label={t('longestWaiting')}
      testId="queue-longest-waiting"
          stat="longestWaitingSec"
      value={seconds}
      display={seconds === undefined ? undefined : format.duration(seconds)}
      severity={sev}
      title={seconds === undefined ? t('noWaitTitle') : undefined}
    />
  );
}
