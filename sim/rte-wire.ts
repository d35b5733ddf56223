/**
 * RTE event payloads built from the model (rte-enreach-realtime-engine-signalr.txt, event
 * tables "Event: QueueStatus", "Event: UserAvailability", "Event: UserStatus"), with the
 * camelCase property names ASP.NET Core serialises (NOTES.md §1), and the queue figures the
 * truth endpoint reports from the same computation (CONTRACTS.md "RTE mappings").
 */
import type { AgentState } from '../src/domain';
import type { SimModel } from './model';
import { RTE_ORGANIZATION_ID } from './roster';
import type { SimAgent, SimAlert, SimCallEvent, SimQueue } from './types';
import type { SimCallback, SimCallLists } from './rte-calllists';

/** Event names the simulator produces data for. */
export const RTE_DATA_EVENTS = ['QueueStatus', 'UserStatus', 'UserAvailability'] as const;

/** `DateTime.MaxValue` as System.Text.Json writes it (UserAvailability.EndTime of a continuous state). */
export const DOTNET_MAX_DATE = '9999-12-31T23:59:59.9999999';

/** RTE `OpenStatus` Open = 5 (every simulated queue is open). */
const OPEN_STATUS_OPEN = 5;

const PROFILE_IDS: Record<string, string> = {
  Available: 'b0f11e00-0000-4000-8000-000000000001',
  Busy: 'b0f11e00-0000-4000-8000-000000000002',
  DoNotDisturb: 'b0f11e00-0000-4000-8000-000000000003',
  OffWork: 'b0f11e00-0000-4000-8000-000000000004',
};

/**
 * Figures of one RTE queue: exactly what the board must show (truth), and what QueueStatus
 * carries. Agents are counted in every queue they serve.
 */
export interface RteQueueFigures {
  /** NbrOfQueuingRequesters. */
  readonly callsWaiting: number;
  /** Arrival (epoch ms) of the longest-waiting call, or null when none waits. */
  readonly oldestArrivedAt: number | null;
  /** NbrOfAgentsImmediatelyFree: READY users. */
  readonly agentsReady: number;
  /** NbrOfAgentsShortTermAway: TALKING users. */
  readonly agentsTalking: number;
  /** NbrOfAgentsOnWrapUp: WORK users. */
  readonly agentsWrapUp: number;
  /** NbrOfAgentsLongTermAway: NOT_READY users (DND, Busy, not serving). */
  readonly agentsNotReady: number;
  /** NbrOfAgentsCheckedInQueue: users not LOGOUT. */
  readonly agentsLoggedIn: number;
  /** NbrOfConnected: calls of this queue connected to a user. */
  readonly callsConnected: number;
}

/** Computes {@link RteQueueFigures} for a queue from the model. */
export function rteQueueFigures(model: SimModel, queueId: string): RteQueueFigures {
  const count = (s: AgentState): number => users(model, queueId).filter((a) => a.state === s).length;
  const waiting = model.waitingCalls(queueId);
  return {
    callsWaiting: waiting.length,
    oldestArrivedAt: waiting[0]?.arrivedAt ?? null,
    agentsReady: count('READY'),
    agentsTalking: count('TALKING'),
    agentsWrapUp: count('WORK'),
    agentsNotReady: count('NOT_READY'),
    agentsLoggedIn: users(model, queueId).filter((a) => a.state !== 'LOGOUT').length,
    callsConnected: model.connectedCalls(queueId),
  };
}

function users(model: SimModel, queueId: string): SimAgent[] {
  return model.agents('rte').filter((a) => a.roster.queueIds.includes(queueId));
}

/** Longest waiting time in whole seconds at `now` (epoch ms); 0 when no call waits. */
export function waitSeconds(oldestArrivedAt: number | null, now: number): number {
  return oldestArrivedAt === null ? 0 : Math.max(0, Math.floor((now - oldestArrivedAt) / 1000));
}

/**
 * QueueStatus data (camelCase) for a queue at `now`. `maxWaitTime` is in seconds.
 * The `NbrOf…` fields not on the board are filled consistently: allocated = calls with a
 * user, requesters = queuing + allocated, providers = checked in, serving estimate =
 * checked in − long-term away.
 */
export function rteQueueStatus(model: SimModel, q: SimQueue, now: number): Record<string, unknown> {
  const f = rteQueueFigures(model, q.id);
  const allocated = model.allocatedCalls(q.id);
  return {
    maxWaitTime: waitSeconds(f.oldestArrivedAt, now),
    nbrOfAgentsCheckedInQueue: f.agentsLoggedIn,
    nbrOfAgentsImmediatelyFree: f.agentsReady,
    nbrOfAgentsLongTermAway: f.agentsNotReady,
    nbrOfAgentsOnWrapUp: f.agentsWrapUp,
    nbrOfAgentsShortTermAway: f.agentsTalking,
    nbrOfAllocated: allocated,
    nbrOfConnected: f.callsConnected,
    nbrOfNotServedRequesters: f.callsWaiting,
    nbrOfProviders: f.agentsLoggedIn,
    nbrOfQueuingRequesters: f.callsWaiting,
    nbrOfRequesters: f.callsWaiting + allocated,
    nbrOfServingAgentsEstimate: f.agentsLoggedIn - f.agentsNotReady,
    openStatus: OPEN_STATUS_OPEN,
    organizationId: RTE_ORGANIZATION_ID,
    queueId: q.id,
    queueName: q.name,
  };
}

/** The identity of `queue`'s QueueStatus for change detection: everything but the ticking MaxWaitTime (the name included: a renamed queue is republished). */
export function rteQueueSignature(model: SimModel, queue: SimQueue): string {
  return JSON.stringify([rteQueueFigures(model, queue.id), model.allocatedCalls(queue.id), queue.name]);
}

/** Vendor `Availability` of a user: Available, Busy, DoNotDisturb or OffWork. */
export function rteAvailability(a: SimAgent): string {
  if (a.state === 'LOGOUT') return 'OffWork';
  if (a.state === 'NOT_READY' && a.rteAway === 'dnd') return 'DoNotDisturb';
  if (a.state === 'NOT_READY' && a.rteAway === 'busy') return 'Busy';
  return 'Available';
}

/** UserAvailability data (camelCase). `startTime` = when availability/note last changed (ISO). */
export function rteUserAvailability(a: SimAgent): Record<string, unknown> {
  const availability = rteAvailability(a);
  const away = availability === 'DoNotDisturb' || availability === 'Busy';
  return {
    availability,
    endTime: DOTNET_MAX_DATE,
    eventSource: 'User',
    note: away ? (a.reasonLabel ?? '') : '',
    organizationId: RTE_ORGANIZATION_ID,
    profileId: PROFILE_IDS[availability],
    startTime: new Date(a.availabilitySince).toISOString(),
    userId: a.id,
    userName: a.roster.fullName,
  };
}

/** UserStatus data (camelCase). `wrapUpEnd` is an ISO time while WORK, else null. */
export function rteUserStatus(a: SimAgent): Record<string, unknown> {
  const loggedIn = a.state !== 'LOGOUT';
  const serving = loggedIn && !(a.state === 'NOT_READY' && a.rteAway === 'notServing');
  return {
    activeQueues: serving ? a.roster.queueIds.length : 0,
    available: rteAvailability(a) === 'Available',
    canBeAllocatedTo: a.state === 'READY',
    organizationId: RTE_ORGANIZATION_ID,
    parkedCalls: 0,
    schedule: loggedIn,
    serviceTerminals: loggedIn ? 1 : 0,
    serving,
    servingCallback: false,
    talking: a.state === 'TALKING',
    userId: a.id,
    wrapUpEnd: a.state === 'WORK' && a.wrapUpEnd !== null ? new Date(a.wrapUpEnd).toISOString() : null,
  };
}

/**
 * The connector's derivation of one user state from UserAvailability + UserStatus
 * (CONTRACTS.md "RTE mappings", rules 1–7), mirrored here so the hub can order its pushes
 * and tests can check that the wire gives the truth. Reads camelCase data.
 */
export function deriveRteUser(
  av: Record<string, unknown> | undefined,
  st: Record<string, unknown> | undefined,
): { state: AgentState; reasonLabel: string | null } | undefined {
  const availability = av?.['availability'];
  const note = typeof av?.['note'] === 'string' ? (av['note'] as string) : '';
  const awayLabel = (): string => note || (availability === 'Busy' ? 'Busy' : 'Do not disturb');
  if (av && availability === 'OffWork') return { state: 'LOGOUT', reasonLabel: null };
  if (st && st['talking'] === true) return { state: 'TALKING', reasonLabel: null };
  if (st && st['wrapUpEnd'] != null) return { state: 'WORK', reasonLabel: null };
  if (av && (availability === 'DoNotDisturb' || availability === 'Busy')) return { state: 'NOT_READY', reasonLabel: awayLabel() };
  if (av && st) {
    return st['serving'] === true ? { state: 'READY', reasonLabel: null } : { state: 'NOT_READY', reasonLabel: 'Not serving' };
  }
  if (st) return st['serving'] === true ? { state: 'READY', reasonLabel: null } : { state: 'NOT_READY', reasonLabel: null };
  if (av) return { state: 'READY', reasonLabel: null };
  return undefined;
}

/** The number callers dial for a queue (TargetNumber / QueueNumber). */
export function rteQueueNumber(queueId: string): string {
  return `+358 9 555 01${queueId.slice(-2)}`;
}

/**
 * The vendor events of one call step, camelCase, per the vendor tables ("Queue" section
 * QueueCallIn*, "User" section UserCallInUserAllocated / UserCallInUserConnected /
 * UserCallInDisconnected): `queue` for the queue's subscribers, `user` for the user's.
 */
export function rteCallEventData(
  ev: SimCallEvent,
  queue: SimQueue,
  agent: SimAgent | undefined,
): { queue: { eventName: string; data: Record<string, unknown> }[]; user: { eventName: string; data: Record<string, unknown> }[] } {
  const base = {
    callerNumber: ev.callerNumber,
    callId: ev.callId,
    legId: `${ev.callId.slice(-6)}-1`,
    organizationId: RTE_ORGANIZATION_ID,
  };
  const q = { queueId: queue.id, queueName: queue.name };
  const target = { targetNumber: rteQueueNumber(queue.id) };
  const who = agent ? { userId: agent.id, userName: agent.roster.loginName } : {};
  const userNumber = agent ? { userNumber: `+358 9 555 1${agent.roster.extension}` } : {};
  const out: { queue: { eventName: string; data: Record<string, unknown> }[]; user: { eventName: string; data: Record<string, unknown> }[] } = { queue: [], user: [] };
  switch (ev.step) {
    case 'coming':
      out.queue.push({ eventName: 'QueueCallInComing', data: { ...base, ...q, queueNumber: rteQueueNumber(queue.id), ...target } });
      break;
    case 'arrived':
      out.queue.push({ eventName: 'QueueCallInArrived', data: { ...base, ...q, queueNumber: rteQueueNumber(queue.id), ...target } });
      break;
    case 'allocated':
      out.queue.push({ eventName: 'QueueCallInUserAllocated', data: { ...base, detailedReason: 'Longest idle', ...q, queueNumber: rteQueueNumber(queue.id), ...target, ...who } });
      if (agent) out.user.push({ eventName: 'UserCallInUserAllocated', data: { ...base, detailedReason: 'Longest idle', ...target, ...who, ...userNumber } });
      break;
    case 'connected':
      out.queue.push({ eventName: 'QueueCallInUserConnected', data: { ...base, ...q, queueNumber: rteQueueNumber(queue.id), ...target, ...who, ...userNumber } });
      if (agent) out.user.push({ eventName: 'UserCallInUserConnected', data: { ...base, ...target, ...who, ...userNumber } });
      break;
    case 'disconnected':
      out.queue.push({ eventName: 'QueueCallInDisconnected', data: { ...base, ...q, reason: ev.detail ?? 'remote', ...target, techReason: 'normal_clearing' } });
      if (agent) out.user.push({ eventName: 'UserCallInDisconnected', data: { ...base, reason: ev.detail ?? 'remote', ...target, techReason: 'normal_clearing', userId: agent.id, username: agent.roster.loginName } });
      break;
    case 'overflow':
      out.queue.push({
        eventName: 'QueueCallInOverflow',
        data: { ...base, overflowApplet: 'QueueOverflow', ...q, ...target, techEvent: 'overflow', techNumber: rteQueueNumber(queue.id), techQueueId: queue.id, techQueueName: `${queue.name} overflow`, techSource: 'queue' },
      });
      break;
    case 'transferStarted':
      out.queue.push({
        eventName: 'QueueCallInTransferStarted',
        data: { ...base, ...q, ...target, techQueueId: queue.id, techQueueName: queue.name, techType: 'queue', transferApplet: 'ForwardTransfer', transferSource: queue.id, transferTarget: ev.detail ?? '' },
      });
      break;
    case 'transferConnected':
      out.queue.push({
        eventName: 'QueueCallInTransferConnected',
        data: { ...base, connectedTarget: ev.detail ?? '', ...q, ...target, techQueueId: queue.id, techQueueName: queue.name, techSource: 'queue', transferApplet: 'ForwardTransfer' },
      });
      break;
  }
  return out;
}

/** QueueAttachedUsers data (camelCase): every user of the queue, active when logged in and serving. */
export function rteQueueAttachedUsers(model: SimModel, q: SimQueue): Record<string, unknown> {
  return {
    attachedUsers: users(model, q.id).map((a, i) => ({
      active: a.state !== 'LOGOUT' && !(a.state === 'NOT_READY' && a.rteAway === 'notServing'),
      priority: (i % 3) + 1,
      userId: a.id,
    })),
    organizationId: RTE_ORGANIZATION_ID,
    queueId: q.id,
  };
}

/** CallbackListStatus data (camelCase) of a list at `now`. */
export function rteCallbackListStatus(lists: SimCallLists, listId: string, now: number): Record<string, unknown> {
  const f = lists.figures(listId, now);
  return {
    callListId: listId,
    expiresIn24h: f.expiringToday,
    isAutoAllocate: false,
    nextHourOverDueDate: f.dueNextHour,
    nextHourRevealedNotBefore: 0,
    organizationId: RTE_ORGANIZATION_ID,
    totalActiveAgents: f.servingAgents,
    totalAssigned: f.assigned,
    totalAutoAllocateAgents: 0,
    totalFreeForAllocation: f.freeForAllocation,
    totalHidingNotBefore: 0,
    totalOpenRequests: f.open,
    totalOverDueDate: f.overdue,
    totalServingAgents: f.servingAgents,
    totalServingAutoAllocateAgents: 0,
  };
}

/** CallbackChanged data (camelCase) of one request. */
export function rteCallbackChanged(item: SimCallback): Record<string, unknown> {
  const last = item.attempts.at(-1);
  const iso = (ms: number | undefined | null): string | null => (ms === undefined || ms === null ? null : new Date(ms).toISOString());
  return {
    assignedUserId: item.assignedUserId,
    calculatedPriority: '1',
    callbackAttempts: item.attempts.map((a) => ({ callbackAttemptTypeId: a.typeId, id: a.id, note: a.note, timestamp: iso(a.at), userId: a.userId })),
    callbackExtras: [],
    callBackId: item.id,
    callbackRelatedItems: [],
    callId: null,
    callListId: item.listId,
    channelIn: 'Web form',
    classificationId: null,
    contactMessage: '',
    contactName: item.contactName,
    contactNumber: item.contactNumber,
    creationTime: iso(item.createdAt),
    dueDate: iso(item.dueAt),
    expiryDate: iso(item.expiresAt),
    lastAttemptNote: last?.note ?? null,
    lastAttemptTimestamp: iso(last?.at),
    lastAttemptTypeId: last?.typeId ?? null,
    lastAttemptUserId: last?.userId ?? null,
    lastModifiedUserId: null,
    modified: iso(item.modifiedAt),
    notBefore: null,
    note: item.closed ? 'Closed' : '',
    organizationId: RTE_ORGANIZATION_ID,
    recordingId: null,
    transcriptId: null,
    typeId: item.typeId,
  };
}

/** UserAlert / UserQueueAlert data (camelCase) of an alert. */
export function rteAlertData(alert: SimAlert): { eventName: string; data: Record<string, unknown> } {
  if (alert.kind === 'queue') return { eventName: 'UserQueueAlert', data: { queueId: alert.queueId, queueName: alert.queueName } };
  return {
    eventName: 'UserAlert',
    data: {
      alertId: alert.id,
      conditionExpression: alert.conditionExpression,
      conditionName: alert.conditionName,
      conditionValue: alert.conditionValue,
      organizationId: RTE_ORGANIZATION_ID,
      userId: alert.userId,
      value: alert.value,
    },
  };
}
