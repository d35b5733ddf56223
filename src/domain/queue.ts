import type { EntityKey, SourceId } from './source';

/**
 * One queue (RTE service queue, Finesse/UCCE skill group, UCCX CSQ) as the stores hold it.
 * Every statistic is optional: a field the vendor did not send is absent, never zero
 * (shared/protocols/NOTES.md §3, "missing keys are absent, never zero").
 * Durations are in seconds; instants in epoch milliseconds.
 */
export interface Queue {
  readonly key: EntityKey;
  readonly source: SourceId;
  /** Vendor id: RTE QueueId (GUID); GC UCCE `queue_name`; GC UCCX `queue_<n>` index. */
  readonly id: string;
  /** Display name (vendor text: render as text only). */
  readonly name: string;
  /** Calls waiting (RTE NbrOfQueuingRequesters; GC Number_of_CallsInQueue / queue_n_WaitingCalls). */
  readonly callsWaiting?: number;
  /**
   * When the longest-waiting call started waiting (epoch ms), so the board can tick it
   * from one clock. Derived at receipt from RTE MaxWaitTime (seconds). Absent when no
   * call waits or the vendor does not send it.
   */
  readonly longestWaitingSince?: number;
  readonly agentsReady?: number;
  readonly agentsNotReady?: number;
  readonly agentsTalking?: number;
  /** Agents in wrap-up (WORK + WORK_READY). */
  readonly agentsWrapUp?: number;
  readonly agentsReserved?: number;
  readonly agentsLoggedIn?: number;
  /** Calls currently connected to an agent (RTE NbrOfConnected). */
  readonly callsConnected?: number;
  /** Calls handled (answered) in the vendor's reporting interval (UCCX HandledCalls). */
  readonly callsHandled?: number;
  /** Calls abandoned in the vendor's reporting interval (UCCX AbandonedCalls). */
  readonly callsAbandoned?: number;
  /** Calls offered in the vendor's reporting interval (UCCX TotalCalls). */
  readonly callsOffered?: number;
  /**
   * Service level in percent (0..100) over the vendor's interval, when the data allows:
   * needs calls answered within the threshold. Absent otherwise.
   */
  readonly serviceLevelPct?: number;
  /** RTE OpenStatus (0..6), see {@link QueueOpenStatus}. */
  readonly openStatus?: number;
  /** UCCE: agents TALKING on inbound calls (GC QueueList `number_of_agents_talking_inbound`). */
  readonly agentsTalkingInbound?: number;
  /** UCCE: agents TALKING on outbound calls (`number_of_agents_talking_outbound`). */
  readonly agentsTalkingOutbound?: number;
  /** UCCE: agents talking internal (`number_of_agents_talking_internal`). */
  readonly agentsTalkingInternal?: number;
  /** UCCE: agents in WRAPUP READY (`number_of_agents_in_wrapup_ready_state`). */
  readonly agentsWrapUpReady?: number;
  /** UCCE: agents in WRAPUP NOT_READY (`number_of_agents_in_wrapup_notready_state`). */
  readonly agentsWrapUpNotReady?: number;
  /** UCCX: longest talk time of any call handled in the CSQ, seconds (`queue_<n>_LongestHandleTime`). */
  readonly longestHandleTimeSec?: number;
  /** Vendor fields the wallboard does not map, kept as sent (string values). */
  readonly extra?: Readonly<Record<string, string>>;
  /** Epoch ms of the last event that changed this queue. */
  readonly updatedAt: number;
}

/** Every statistic key of a {@link Queue}, in display order: the one list the schema and the reducer use. */
export const QUEUE_STAT_KEYS = [
  'callsWaiting',
  'longestWaitingSince',
  'agentsReady',
  'agentsNotReady',
  'agentsTalking',
  'agentsWrapUp',
  'agentsReserved',
  'agentsLoggedIn',
  'callsConnected',
  'callsHandled',
  'callsAbandoned',
  'callsOffered',
  'serviceLevelPct',
  'openStatus',
  'agentsTalkingInbound',
  'agentsTalkingOutbound',
  'agentsTalkingInternal',
  'agentsWrapUpReady',
  'agentsWrapUpNotReady',
  'longestHandleTimeSec',
] as const satisfies readonly (keyof Queue)[];

/** One statistic key of a {@link Queue}. */
export type QueueStatKey = (typeof QUEUE_STAT_KEYS)[number];

/** Numeric statistics of a {@link Queue} that an event may carry. */
export type QueueStats = Partial<Pick<Queue, QueueStatKey>>;

/**
 * RTE QueueStatus `OpenStatus` values (rte doc, "Event: QueueStatus"):
 * NA 0, NoActiveHandler 1, NoActiveHandlerUncertain 2, Closed 3, ClosedUncertain 4,
 * Open 5, OpenUncertain 6.
 */
export const QueueOpenStatus = {
  NA: 0,
  NoActiveHandler: 1,
  NoActiveHandlerUncertain: 2,
  Closed: 3,
  ClosedUncertain: 4,
  Open: 5,
  OpenUncertain: 6,
} as const;
