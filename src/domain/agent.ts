import type { EntityKey, SourceId } from './source';

/**
 * Normalised agent state: the Cisco Finesse state set (gc-generic-connector-activemq.txt,
 * "Event: State", `<agent_current_state>`), which the field uses as the common vocabulary.
 * RESERVED_OUTBOUND and RESERVED_OUTBOUND_PREVIEW normalise to RESERVED (the vendor
 * spelling stays in {@link Agent.vendorState}). Sources with a different model (RTE
 * availability + status) are mapped onto it by their connector. `UNKNOWN` is a state the
 * wallboard could not map; it is shown with the vendor text.
 */
export type AgentState =
  | 'LOGOUT'
  | 'NOT_READY'
  | 'READY'
  | 'RESERVED'
  | 'TALKING'
  | 'HOLD'
  | 'WORK'
  | 'WORK_READY'
  | 'UNKNOWN';

/** Every {@link AgentState}, in the order the board counts and shows them. */
export const AGENT_STATES: readonly AgentState[] = [
  'READY',
  'RESERVED',
  'TALKING',
  'HOLD',
  'WORK',
  'WORK_READY',
  'NOT_READY',
  'LOGOUT',
  'UNKNOWN',
];

/** States an agent can be put into from the board (Finesse: a supervisor may set READY, NOT_READY, LOGOUT). */
export type SettableAgentState = 'READY' | 'NOT_READY' | 'LOGOUT';

/**
 * One agent as the stores hold it. Immutable: replaced only when something changes.
 * Times are epoch milliseconds.
 */
export interface Agent {
  readonly key: EntityKey;
  readonly source: SourceId;
  /** Vendor id: RTE UserId (GUID), GC agent login id. */
  readonly id: string;
  /** Display name (vendor text: render as text only, never as HTML). */
  readonly name: string;
  readonly state: AgentState;
  /** The vendor's own state text, e.g. `RESERVED_OUTBOUND`, `DoNotDisturb`. */
  readonly vendorState: string;
  /** Reason code id (Finesse), absent for READY or when the vendor sends `-1`/empty. */
  readonly reasonCodeId?: string;
  /** Reason label as the vendor sent it, or looked up from configured reason codes. */
  readonly reasonLabel?: string;
  /** When the agent entered the current state (epoch ms; vendor time where sent, else receipt time). */
  readonly stateSince: number;
  /** Finesse pending state (e.g. NOT_READY while TALKING), if any. */
  readonly pendingState?: string;
  readonly extension?: string;
  /** Team id (GC AgentInfo `<agent_teamId>`), if known. */
  readonly teamId?: string;
  readonly isSupervisor?: boolean;
  /**
   * Presence as the vendor tells it beside the state (RTE UserAvailability `Availability`:
   * `Available`, `Busy`, `DoNotDisturb`, `OffWork`, as sent), its note (vendor text) and
   * its end (epoch ms; absent when `DateTime.MaxValue`, i.e. no end).
   */
  readonly presence?: string;
  readonly presenceNote?: string;
  readonly presenceUntil?: number;
  /** Epoch ms the current call connected, from the user's call events (RTE), if on a call the board saw connect. */
  readonly callSince?: number;
  /**
   * True when `stateSince` is when the board first saw the state, not when it began (the
   * state began before the board was listening): the time in state is "since seen".
   */
  readonly stateSinceSeen?: boolean;
  /** RTE UserStatus `Serving` (serving in queues), if sent. */
  readonly serving?: boolean;
  /** Epoch ms of the last event that changed this agent. */
  readonly updatedAt: number;
}
