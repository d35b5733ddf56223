/**
 * Shared read-only shapes of the simulator model (sim/model.ts). Times are epoch ms.
 */
import type { AgentState, SettableAgentState } from '../src/domain';
import type { RosterAgent } from './roster';

/** The two simulated sites: Enreach RTE (SignalR) and Cisco Finesse behind the Generic Connector. */
export type Site = 'rte' | 'gc';

/** Agent states the simulator uses (every {@link AgentState} but UNKNOWN). */
export type SimState = Exclude<AgentState, 'UNKNOWN'>;

/**
 * How an RTE user's NOT_READY shows on the wire: `dnd` Availability=DoNotDisturb with the
 * reason label as Note; `busy` Availability=Busy with the label as Note; `notServing`
 * Availability=Available and UserStatus.Serving=false (CONTRACTS.md "RTE mappings" rules 4, 6).
 */
export type RteAway = 'dnd' | 'busy' | 'notServing';

/** A clock the model reads; inject a manual one in tests. */
export interface Clock {
  /** Current time, epoch ms. */
  now(): number;
}

/** Counters of one queue since the model started. */
export interface QueueCounters {
  /** Calls that entered the queue. */
  offered: number;
  /** Calls answered by an agent (TALKING began). */
  answered: number;
  /** Calls that left the queue before an agent answered. */
  abandoned: number;
  /** Calls answered at most 20 s after they arrived. */
  answeredWithin20s: number;
}

/** One queue (RTE service queue / GC UCCE skill group). */
export interface SimQueue {
  readonly site: Site;
  readonly id: string;
  readonly name: string;
  /** Mean arrival rate, calls per minute (before the slow random load wave). */
  readonly ratePerMin: number;
  readonly counters: Readonly<QueueCounters>;
}

/** How a call leaves its queue when nobody answers it in time. */
export type CallFate = 'abandon' | 'overflow' | 'transfer';

/**
 * One step of an RTE call's life, as the hub publishes it (rte doc "Queue" section and the
 * user's own call events): `coming` + `arrived` on arrival, `allocated` + `connected` when a
 * user answers, `disconnected` when it ends (answered or abandoned), `overflow` or
 * `transferStarted` + `transferConnected` when it leaves the queue unanswered.
 */
export interface SimCallEvent {
  readonly step: 'coming' | 'arrived' | 'allocated' | 'connected' | 'disconnected' | 'overflow' | 'transferStarted' | 'transferConnected';
  readonly callId: string;
  readonly queueId: string;
  readonly callerNumber: string;
  /** epoch ms */
  readonly at: number;
  readonly agentId?: string;
  /** Disconnect reason (`remote` caller hung up / `local`), transfer target, overflow applet. */
  readonly detail?: string;
}

/** A call that has ended, for the truth's statistics. Times epoch ms. */
export interface SimCallRecord {
  readonly callId: string;
  readonly queueId: string;
  readonly arrivedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number;
  readonly outcome: 'answered' | 'abandoned' | 'overflowed' | 'transferred';
}

/** One call in the model. */
export interface SimCall {
  readonly id: string;
  readonly queueId: string;
  /** When the call entered the queue (epoch ms). */
  readonly arrivedAt: number;
  /** When an agent answered (TALKING began), or null while waiting / RESERVED. */
  readonly answeredAt: number | null;
  /** Agent the call is allocated to (RESERVED, TALKING, HOLD), or null while waiting. */
  readonly agentId: string | null;
  /** RTE: the caller's number. */
  readonly callerNumber: string;
  /** What happens if nobody answers before its patience ends. */
  readonly fate: CallFate;
}

/** One agent (RTE user or GC agent) as the model holds it. */
export interface SimAgent {
  readonly site: Site;
  readonly id: string;
  readonly roster: RosterAgent;
  readonly state: SimState;
  /**
   * GC only: Finesse reason code id of NOT_READY/LOGOUT (`-1` when none was given, as the
   * vendor sends the first time); null in other states and always null for RTE users.
   */
  readonly reasonCodeId: string | null;
  /** Reason label (e.g. `Lunch`, RTE `Not serving`), or null. */
  readonly reasonLabel: string | null;
  /** When the agent entered `state` (epoch ms). */
  readonly stateSince: number;
  /** Finesse pending state set while on a call, applied when the call ends. */
  readonly pendingState: SettableAgentState | null;
  /** The call the agent handles, if any. */
  readonly callId: string | null;
  /** RTE only: how NOT_READY shows on the wire; null otherwise. */
  readonly rteAway: RteAway | null;
  /** RTE only: when the UserAvailability (availability + note) last changed (its StartTime). */
  readonly availabilitySince: number;
  /** RTE only: end of the wrap-up while WORK (UserStatus.WrapUpEnd), else null. */
  readonly wrapUpEnd: number | null;
}

/** Result of a command on the model. `changed` is false when the agent was already so. */
export type CommandResult =
  | { readonly ok: true; readonly changed: boolean }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * What the model reports to listeners: an agent whose published state changed, or a
 * `tick` after every model step and command (queue figures may have changed).
 */
export type ModelChange =
  | { readonly kind: 'agent'; readonly site: Site; readonly id: string }
  | { readonly kind: 'tick'; readonly at: number }
  | { readonly kind: 'alert'; readonly alert: SimAlert };

/**
 * An RTE alert the hub publishes to a user (rte doc "Event: UserAlert", "Event:
 * UserQueueAlert"). `kind` user: UserAlert with AlertId `id`; queue: UserQueueAlert for
 * `queueId` (the board's alarm id is then `queue:<queueId>`). `at` epoch ms.
 */
export interface SimAlert {
  readonly kind: 'user' | 'queue';
  readonly id: string;
  readonly userId: string;
  readonly queueId?: string;
  readonly queueName?: string;
  readonly conditionName?: string;
  readonly conditionExpression?: string;
  readonly conditionValue?: string;
  readonly value?: string;
  readonly at: number;
}
