import { memo, useMemo } from 'react';
import type { Queue } from '../../domain';
import { useTranslation } from '../../i18n';
import { Figure, useFormat } from '../../ui';

/**
 * The Cisco figures a Generic Connector QueueList carries beyond the common ones
 * (gc-generic-connector-activemq.txt "Event: QueueList"; NOTES.md §3): for UCCE the talking
 * counts by direction and the two wrap-up counts, for UCCX logged-in and reserved agents,
 * calls presented (`total`) and the longest handle time. A row appears only when its queue
 * carries at least one of its figures; inside it, a figure the payload lacks shows "—" with no
 * `data-value` (never a zero). Each figure names itself in `data-stat` (docs/CONTRACTS.md).
 */
export const QueueBreakdown = memo(function QueueBreakdown({ queue }: { queue: Queue }) {
  const { t } = useTranslation('queues');
  const format = useFormat();
  const words = useMemo(
    () => ({
      talkingInbound: t('talkingInbound'),
      talkingOutbound: t('talkingOutbound'),
      talkingInternal: t('talkingInternal'),
      wrapUpReady: t('wrapUpReady'),
      wrapUpNotReady: t('wrapUpNotReady'),
      agentsLoggedIn: t('agentsLoggedIn'),
      agentsReserved: t('agentsReserved'),
      total: t('callsTotal'),
      longestHandle: t('longestHandleTime'),
      ucceTitle: t('ucceBreakdownTitle'),
      uccxTitle: t('uccxBreakdownTitle'),
    }),
    [t],
  );
  const ucce =
    queue.agentsTalkingInbound !== undefined ||
    queue.agentsTalkingOutbound !== undefined ||
    queue.agentsTalkingInternal !== undefined ||
    queue.agentsWrapUpReady !== undefined ||
    queue.agentsWrapUpNotReady !== undefined;
  const uccx =
    queue.agentsLoggedIn !== undefined ||
    queue.agentsReserved !== undefined ||
    queue.callsOffered !== undefined ||
    queue.longestHandleTimeSec !== undefined;
  if (!ucce && !uccx) return null;
  return (
    <>
      {ucce && (
        <div className="queue-tile__breakdown" role="group" aria-label={words.ucceTitle}>
          <Figure label={words.talkingInbound} testId="queue-talking-inbound" stat="talkingInbound" value={queue.agentsTalkingInbound} />
          <Figure label={words.talkingOutbound} testId="queue-talking-outbound" stat="talkingOutbound" value={queue.agentsTalkingOutbound} />
          <Figure label={words.talkingInternal} testId="queue-talking-internal" stat="talkingInternal" value={queue.agentsTalkingInternal} />
          <Figure label={words.wrapUpReady} testId="queue-wrapup-ready" stat="wrapUpReady" value={queue.agentsWrapUpReady} />
          <Figure label={words.wrapUpNotReady} testId="queue-wrapup-not-ready" stat="wrapUpNotReady" value={queue.agentsWrapUpNotReady} />
        </div>
      )}
      {uccx && (
        <div className="queue-tile__breakdown" role="group" aria-label={words.uccxTitle}>
          <Figure label={words.agentsLoggedIn} testId="queue-agents-logged-in" stat="agentsLoggedIn" value={queue.agentsLoggedIn} />
          <Figure label={words.agentsReserved} testId="queue-agents-reserved" stat="agentsReserved" value={queue.agentsReserved} />
          <Figure label={words.total} testId="queue-calls-total" stat="total" value={queue.callsOffered} />
          <Figure
            label={words.longestHandle}
            testId="queue-longest-handle-time"
            stat="longestHandleTimeSec"
            value={queue.longestHandleTimeSec}
            display={queue.longestHandleTimeSec === undefined ? undefined : format.duration(queue.longestHandleTimeSec)}
          />
        </div>
      )}
    </>
  );
});
