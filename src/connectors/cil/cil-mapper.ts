/**
 * Maps validated CIL payloads (`cil-wire.ts`) to the desk's `DomainEvent`s (domain `desk.*`
 * kinds; cil-bs-connects-integration-api.txt "Events", "Data reference"). Pure.
 */
import type {
  DeskAgentInfo,
  DeskChannelEvent,
  DeskQueue,
  DeskQueuesEvent,
  DeskSyncEvent,
  DeskWorkItemEvent,
  DomainEvent,
} from '../../domain';
import {
  parseWith,
  reasonCodeOf,
  toEpochMs,
  workitemSchema,
  type CilAgentStateChange,
  type CilGetChannel,
  type CilQueueDataUpdate,
  type CilWireError,
  type CilWorkitem,
} from './cil-wire';

const SOURCE = 'cil' as const;

/** `ctiData` keys shown as call variables: `callVariable1`‥`10` and ECC variables `user.<name>`. */
export function isCallVariableKey(key: string): boolean {
  return /^callVariable([1-9]|10)$/.test(key) || (key.startsWith('user.') && key.length > 5);
}

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : String(v);
}

/**
 * One work item as a `desk.workitem` patch (document "Workitem", "ctiData"): state,
 * channel, direction, ANI, classification, `connectedAt` (epoch ms), `ctiData.queueName`,
 * `ctiData.wrapUpReason` and the call variables.
 * @param at receipt time, epoch ms
 */
export function mapWorkitem(w: CilWorkitem, at: number): DeskWorkItemEvent {
  const out: { -readonly [K in keyof DeskWorkItemEvent]: DeskWorkItemEvent[K] } = { kind: 'desk.workitem', source: SOURCE, at, id: w.id, state: w.state };
  if (w.channelId) out.channelId = w.channelId;
  if (w.direction) out.direction = w.direction;
  if (w.ani) out.ani = w.ani;
  if (w.classification) out.classification = w.classification;
  const connectedAt = toEpochMs(w.connectedAt);
  if (connectedAt !== undefined) out.connectedAt = connectedAt;
  const cti = w.ctiData;
  if (cti) {
    const queueName = str(cti['queueName']);
    if (queueName) out.queueName = queueName;
    if (Object.prototype.hasOwnProperty.call(cti, 'wrapUpReason')) out.wrapUpReason = str(cti['wrapUpReason']) ?? '';
    const vars: Record<string, string> = {};
    let any = false;
    for (const key of Object.keys(cti)) {
      if (!isCallVariableKey(key)) continue;
      vars[key] = str(cti[key]) ?? '';
      any = true;
    }
    if (any) out.callVariables = vars;
  }
  return out;
}

/**
 * `agentStateChange` as `desk.channel` (document "agentStateChange"): a negative reason
 * code is "none"; `newStateChangeTime` gives `stateSince` when sent.
 */
export function mapAgentStateChange(e: CilAgentStateChange, at: number): DeskChannelEvent {
  const out: { -readonly [K in keyof DeskChannelEvent]: DeskChannelEvent[K] } = { kind: 'desk.channel', source: SOURCE, at, id: e.channelId, state: e.newState };
  if (e.channelType) out.channelType = e.channelType;
  const code = reasonCodeOf(e.newReasonCode);
  if (code !== undefined) out.reasonCode = code;
  if (e.newReasonCodeLabel) out.reasonLabel = e.newReasonCodeLabel;
  const since = toEpochMs(e.newStateChangeTime);
  if (since !== undefined) out.stateSince = since;
  if (e.requestId) out.requestId = e.requestId;
  return out;
}

function sum(...vals: (number | null | undefined)[]): number | undefined {
  let total: number | undefined;
  for (const v of vals) if (typeof v === 'number') total = (total ?? 0) + v;
  return total;
}

/**
 * `queueDataUpdate` as `desk.queues` (document "queueDataUpdate", "queueData", "statistics"):
 * the talking counts summed, the wrap-up counts summed, `startTimeOfLongestCallInQueue` as
 * epoch ms; absent figures stay absent (never zero).
 */
export function mapQueueDataUpdate(e: CilQueueDataUpdate, at: number): DeskQueuesEvent {
  const queues: DeskQueue[] = e.queueData.map((q) => {
    const out: { -readonly [K in keyof DeskQueue]: DeskQueue[K] } = { id: q.id };
    if (q.name !== undefined) out.name = q.name;
    if (q.channel !== undefined) out.channel = q.channel;
    if (q.escalationLevel !== undefined) out.escalation = q.escalationLevel;
    const s = q.statistics;
    if (s) {
      if (typeof s.callsInQueue === 'number') out.callsInQueue = s.callsInQueue;
      const longest = toEpochMs(s.startTimeOfLongestCallInQueue);
      if (longest !== undefined) out.longestCallSince = longest;
      if (typeof s.agentsReady === 'number') out.agentsReady = s.agentsReady;
      if (typeof s.agentsNotReady === 'number') out.agentsNotReady = s.agentsNotReady;
      const talking = sum(s.agentsTalkingInbound, s.agentsTalkingInternal, s.agentsTalkingOutbound);
      if (talking !== undefined) out.agentsTalking = talking;
      const wrap = sum(s.agentsWrapUpReady, s.agentsWrapUpNotReady);
      if (wrap !== undefined) out.agentsWrapUp = wrap;
    }
    return out;
  });
  return { kind: 'desk.queues', source: SOURCE, at, dataState: e.dataState, queues };
}

/**
 * A `getChannel` answer as a full picture of the desk (document "getChannel", "Channel"):
 * the channel's state, every valid work item, and `desk.sync` listing them (others are
 * removed). Invalid work items are returned as errors; the valid ones are kept.
 */
export function mapGetChannel(c: CilGetChannel, at: number): { readonly events: DomainEvent[]; readonly errors: CilWireError[] } {
  const events: DomainEvent[] = [];
  const errors: CilWireError[] = [];
  const ch = c.channel;
  const channel: { -readonly [K in keyof DeskChannelEvent]: DeskChannelEvent[K] } = { kind: 'desk.channel', source: SOURCE, at, id: ch.id, state: ch.state };
  if (ch.type) channel.channelType = ch.type;
  const code = reasonCodeOf(ch.reasonCode);
  if (code !== undefined) channel.reasonCode = code;
  if (ch.reasonCodeLabel) channel.reasonLabel = ch.reasonCodeLabel;
  const since = toEpochMs(ch.stateChangeTime);
  if (since !== undefined) channel.stateSince = since;
  events.push(channel);
  const ids: string[] = [];
  for (const raw of ch.workitems) {
    const r = parseWith(workitemSchema, raw, 'getChannel.channel.workitems[]');
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    ids.push(r.value.id);
    events.push(mapWorkitem(r.value, at));
  }
  const agent: { -readonly [K in keyof DeskAgentInfo]: DeskAgentInfo[K] } = {};
  const put = (k: keyof DeskAgentInfo, v: unknown) => {
    const s = str(v);
    if (s) agent[k] = s;
  };
  put('agentId', c.agentId);
  put('firstName', c.firstName);
  put('lastName', c.lastName);
  put('loginName', c.loginName);
  put('extension', c.extension);
  put('teamId', c.teamId);
  const sync: DeskSyncEvent = { kind: 'desk.sync', source: SOURCE, at, agent, workItemIds: ids };
  events.push(sync);
  return { events, errors };
}
