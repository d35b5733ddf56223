import type { EntityKey, SourceId } from './source';

/**
 * Where a call in a queue stands (issue 7 test hook `data-outcome`): `waiting`, `allocated`
 * (offered to an agent, ringing), `connected` (answered, still talking) while it lives;
 * `answered` (was connected, then disconnected), `abandoned` (the caller hung up before an
 * agent answered), `overflowed` (left to the next routing point), `transferred` (forwarded
 * by the queue and connected there) once it has ended.
 */
export type QueueCallOutcome = 'waiting' | 'allocated' | 'connected' | 'answered' | 'abandoned' | 'overflowed' | 'transferred';

/** Outcomes of a call that has ended. */
export const ENDED_CALL_OUTCOMES: readonly QueueCallOutcome[] = ['answered', 'abandoned', 'overflowed', 'transferred'];

/**
 * What happened to a call in a queue, one step of its life (rte doc "Queue" section:
 * QueueCallInComing, QueueCallInArrived, QueueCallInUserAllocated, QueueCallInUserCancelled,
 * QueueCallInUserConnected, QueueCallInTransferStarted / Cancelled / Connected,
 * QueueCallInOverflow, QueueCallInDisconnected).
 */
export type QueueCallStep =
  | 'coming'
  | 'arrived'
  | 'allocated'
  | 'allocationCancelled'
  | 'connected'
  | 'transferStarted'
  | 'transferCancelled'
  | 'transferConnected'
  | 'overflow'
  | 'disconnected';

/** Every {@link QueueCallStep}. */
export const QUEUE_CALL_STEPS: readonly QueueCallStep[] = [
  'coming',
  'arrived',
  'allocated',
  'allocationCancelled',
  'connected',
  'transferStarted',
  'transferCancelled',
  'transferConnected',
  'overflow',
  'disconnected',
];

/**
 * One call of a queue as the stores hold it. Times are epoch ms (receipt times).
 * `arrivalSeen` is false when the board did not see the call arrive (it was already in
 * the queue when the board subscribed): its `arrivedAt` is then when the board first
 * heard of it, and its wait is shown as "at least".
 */
export interface QueueCall {
  /** `"<source>:<queue id>"` of its queue. */
  readonly queueKey: EntityKey;
  readonly source: SourceId;
  readonly queueId: string;
  /** The vendor's CallId. */
  readonly callId: string;
  /** Caller number as configured to be shown (masked by the connector), if sent. */
  readonly callerNumber?: string;
  readonly arrivedAt: number;
  readonly arrivalSeen: boolean;
  readonly outcome: QueueCallOutcome;
  /** Agent the call is allocated or connected to (vendor UserId), and their user name. */
  readonly agentId?: string;
  readonly agentName?: string;
  /** When an agent answered. */
  readonly connectedAt?: number;
  /** When the call ended (outcome answered, abandoned, overflowed, transferred). */
  readonly endedAt?: number;
  /** True while the queue is transferring it forward (TransferStarted, not yet connected or cancelled). */
  readonly transferring?: boolean;
  /** Vendor reason / target text of the last step (disconnect reason, transfer target), as sent. */
  readonly detail?: string;
  readonly updatedAt: number;
}

/**
 * Day statistics of one queue computed by the wallboard from the calls it saw (issue 7
 * "Statistics since a reset time"). Counts are whole calls; durations seconds.
 */
export interface QueueDayStats {
  readonly key: EntityKey;
  readonly source: SourceId;
  readonly queueId: string;
  /** The day these figures belong to, `yyyy-MM-dd` in the configured time zone. */
  readonly day: string;
  /** Epoch ms of the reset time (midnight in the configured time zone). */
  readonly since: number;
  /** Calls seen arriving. */
  readonly offered: number;
  /** Calls answered by an agent. */
  readonly answered: number;
  /** Calls abandoned (all), and those abandoned within the short-abandon time. */
  readonly abandoned: number;
  readonly shortAbandoned: number;
  readonly overflowed: number;
  readonly transferred: number;
  /** Answered within the service-level threshold. */
  readonly answeredWithinThreshold: number;
  /** Average wait of answered calls (seconds), absent when none was answered. */
  readonly avgWaitSec?: number;
  /** answered within threshold ÷ (answered + abandoned after the short-abandon time) × 100; absent when that is 0 ÷ 0. */
  readonly serviceLevelPct?: number;
  /** The threshold (seconds) and short-abandon time (seconds) used. */
  readonly thresholdSec: number;
  readonly shortAbandonSec: number;
  /** Spans of the day (epoch ms `[from, to)`) the board did not see (page closed, source down), oldest first. */
  readonly unseen: readonly (readonly [number, number])[];
  readonly updatedAt: number;
}

/** One user attached to a queue (rte doc "Misc: QueueAttachedUser"). */
export interface QueueMember {
  /** Vendor UserId. */
  readonly agentId: string;
  /** Active in the queue (serving it now). */
  readonly active: boolean;
  /** User's priority in the queue, if sent. */
  readonly priority?: number;
}
