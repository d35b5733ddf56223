/**
 * The agent's own desk (issue 8): the signed-in agent's state per channel, their work
 * items and the queues they serve, as b+s Connects' Integration API (CIL) reports them
 * (cil-bs-connects-integration-api.txt; NOTES.md §2). Vendor vocabulary is kept as the
 * vendor spells it (`NotReady`, `Wrapup`, `EndedTransferred`): this is one agent's own
 * screen, not the board's normalised roster.
 */

/** CIL channel / agent state ("agentStateChange", `newState`; "Channel", `state`). */
export type DeskAgentState = 'Logout' | 'Offline' | 'Ready' | 'NotReady' | 'Active' | 'Wrapup' | 'Unknown';

/** Every {@link DeskAgentState}. */
export const DESK_AGENT_STATES = ['Logout', 'Offline', 'Ready', 'NotReady', 'Active', 'Wrapup', 'Unknown'] as const satisfies readonly DeskAgentState[];

/** States an agent may request with `setAgentState` (CIL "setAgentState", `state`). */
export type DeskSettableState = 'Ready' | 'NotReady' | 'Logout';

/** CIL work-item state ("Workitem", `state`). */
export type WorkItemState =
  | 'Unknown'
  | 'Initiated'
  | 'Offered'
  | 'Active'
  | 'Paused'
  | 'Wrapup'
  | 'Ended'
  | 'EndedAbandoned'
  | 'EndedTransferred'
  | 'EndedUnknown';

/** Every {@link WorkItemState}. */
export const WORK_ITEM_STATES = [
  'Unknown',
  'Initiated',
  'Offered',
  'Active',
  'Paused',
  'Wrapup',
  'Ended',
  'EndedAbandoned',
  'EndedTransferred',
  'EndedUnknown',
] as const satisfies readonly WorkItemState[];

/** CIL queue escalation level ("queueData", `escalationLevel`). */
export type EscalationLevel = 'Normal' | 'Warn' | 'Critical';

/** Every {@link EscalationLevel}. */
export const ESCALATION_LEVELS = ['Normal', 'Warn', 'Critical'] as const satisfies readonly EscalationLevel[];

/** CIL `queueDataUpdate.dataState` ("dataState" reference). */
export type QueueDataState = 'ENABLED' | 'ADDED' | 'UPDATED' | 'DELETED' | 'DISABLED';

/** Every {@link QueueDataState}. */
export const QUEUE_DATA_STATES = ['ENABLED', 'ADDED', 'UPDATED', 'DELETED', 'DISABLED'] as const satisfies readonly QueueDataState[];

/** The agent's state on one channel (CIL "agentStateChange" / getChannel "Channel"). */
export interface DeskChannel {
  /** CIL channel id, `voice_<peripheral_id>` (`voice_-1` on CCX). */
  readonly id: string;
  /** CIL channel type (`Voice`, `Mail`, `Chat`, `Task`, `Federation`), as sent. */
  readonly type?: string;
  readonly state: DeskAgentState;
  /** Reason code as sent, as a string; absent when CIL sends a negative code (none). */
  readonly reasonCode?: string;
  /** Reason name as sent; absent when none. */
  readonly reasonLabel?: string;
  /** Epoch ms the agent entered this state (CIL `newStateChangeTime`, else receipt time). */
  readonly stateSince: number;
}

/** One work item (call) of the agent (CIL "Workitem" reference). Times epoch ms. */
export interface DeskWorkItem {
  /** CIL work-item id (call id). */
  readonly id: string;
  readonly channelId?: string;
  readonly state: WorkItemState;
  /** `Incoming` or `Outgoing`, as sent. */
  readonly direction?: string;
  /** Caller / called number as CIL picks it (`ani`). */
  readonly ani?: string;
  /** `Customer`, `Consultation`, `Conference`, `Transfer`, `Internal`, `Unknown`, as sent. */
  readonly classification?: string;
  /** Epoch ms the call was established (CIL `connectedAt`). */
  readonly connectedAt?: number;
  /** `ctiData.queueName`. */
  readonly queueName?: string;
  /** `ctiData.wrapUpReason`: the wrap-up reason set now. */
  readonly wrapUpReason?: string;
  /** Call variables from `ctiData` (`callVariable1`‥`10`, `user.<ECC variable>`), values as strings. */
  readonly callVariables: Readonly<Record<string, string>>;
  /** Epoch ms this item entered its current `state` (receipt time of the event that set it). */
  readonly stateSince: number;
}

/** One of the agent's queues (CIL "queueData" and "statistics" references). */
export interface DeskQueue {
  readonly id: string;
  readonly name?: string;
  /** `Voice`, as sent. */
  readonly channel?: string;
  readonly escalation?: EscalationLevel;
  readonly callsInQueue?: number;
  /** Epoch ms of `startTimeOfLongestCallInQueue` (absent: no call waiting / not sent). */
  readonly longestCallSince?: number;
  readonly agentsReady?: number;
  readonly agentsNotReady?: number;
  /** Sum of the three talking counts (inbound, internal, outbound) where sent. */
  readonly agentsTalking?: number;
  /** Sum of the two wrap-up counts where sent. */
  readonly agentsWrapUp?: number;
}

/** A CIL reason code ("getReasonCodeList" reference); `id` as a string. */
export interface DeskReasonCode {
  readonly id: string;
  readonly label: string;
}

/** Reason types of `getReasonCodeList`. */
export type DeskReasonType = 'NotReady' | 'Logout' | 'Wrapup';

/** The agent as CIL `getChannel` describes them (absent fields not sent). */
export interface DeskAgentInfo {
  readonly agentId?: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly loginName?: string;
  readonly extension?: string;
  readonly teamId?: string;
}

/**
 * The commands and questions of the agent's own desk (CIL requests, cil-bs-connects-integration-api.txt
 * "Requests"). Every method rejects with `CommandError` (`domain/commands.ts`): `vendor-error`
 * with the vendor's own message when CIL answers an `error` event carrying the request's id
 * (or `{success:false}`), `not-connected` when CIL is not there, `timeout` when no answer
 * (or no confirming event) comes within the configured time. Offered only on `/agent`.
 */
export interface AgentDeskPort {
  /**
   * `setAgentState(channelId, state, reasonCode, requestId)`; resolves only when the
   * confirming `agentStateChange` has arrived (its `requestId`, or the requested state).
   * @param reasonCode NotReady / Logout reason code id; none for Ready
   */
  setState(state: DeskSettableState, reasonCode?: string): Promise<void>;
  /** `getReasonCodeList(channelId, reasonType)`: the configured reason codes (ids as strings). */
  getReasonCodes(type: DeskReasonType): Promise<readonly DeskReasonCode[]>;
  /** `directTransfer(channelId, address, workitemId, requestId)`. */
  directTransfer(address: string, workitemId?: string): Promise<void>;
  /** `singleStepConference(channelId, address, workitemId, requestId)`. */
  singleStepConference(address: string, workitemId?: string): Promise<void>;
  /** `dialOrConsult(channelId, address, requestId)`: a new call, or a consultation when on a call. */
  dialOrConsult(address: string): Promise<void>;
  /** `sendDtmf(dtmf, requestId)`; `dtmf` of 0-9, `*`, `#`, A-D (CCE). */
  sendDtmf(dtmf: string): Promise<void>;
  /** `isSendDtmfEnabled()`. */
  isSendDtmfEnabled(): Promise<boolean>;
  /** `isUpdateWorkitemDataEnabled(channelId, workitemId)`. */
  isUpdateWorkitemDataEnabled(workitemId: string): Promise<boolean>;
  /** `updateWorkitemData(channelId, workitemId, updatedData, requestId)`; values are strings. */
  updateWorkitemData(workitemId: string, data: Readonly<Record<string, string>>): Promise<void>;
  /** `setWrapupReason(channelId, workitemId, wrapUpReason, requestId)`. */
  setWrapupReason(workitemId: string, reason: string): Promise<void>;
}

/** The method names of {@link AgentDeskPort} (for forwarding ports, e.g. `deferConnector`). */
export const AGENT_DESK_METHODS = [
  'setState',
  'getReasonCodes',
  'directTransfer',
  'singleStepConference',
  'dialOrConsult',
  'sendDtmf',
  'isSendDtmfEnabled',
  'isUpdateWorkitemDataEnabled',
  'updateWorkitemData',
  'setWrapupReason',
] as const satisfies readonly (keyof AgentDeskPort)[];

/** Compile-time: {@link AGENT_DESK_METHODS} lists every method of {@link AgentDeskPort}. */
export type AgentDeskMethodsComplete = [Exclude<keyof AgentDeskPort, (typeof AGENT_DESK_METHODS)[number]>] extends [never] ? true : never;
const _complete: AgentDeskMethodsComplete = true;
void _complete;
