/**
 * Calls in queues, the wallboard's day statistics per queue, and who serves each queue
 * (issue 7; RTE QueueCallIn*, computed day statistics, QueueAttachedUsers). Pure reducers
 * over one flush's batch; per event the work is proportional to the calls of ONE queue
 * (tens), never to the whole board. A queue's list object is replaced only when it changes.
 */
import {
  ENDED_CALL_OUTCOMES,
  entityKey,
  type EntityKey,
  type EventOfKind,
  type QueueCall,
  type QueueCallEvent,
  type QueueDayStats,
  type QueueMember,
  type SourceId,
} from '../domain';
import { defineSlice } from './slice';

/** The calls of one queue: live ones (oldest arrival first) and the most recently ended. */
export interface QueueCallList {
  readonly live: readonly QueueCall[];
  /** Ended calls, most recent first, at most {@link MAX_ENDED_CALLS}. */
  readonly ended: readonly QueueCall[];
}

/** How many ended calls a queue keeps for its list. */
export const MAX_ENDED_CALLS = 10;
/** A live call not heard of for this long is dropped (a lost disconnect must not leave a ghost), ms. */
export const CALL_GHOST_MS = 4 * 3_600_000;

/** State of the queue-calls store. */
export interface QueueCallsState {
  /** Calls per queue key (`"<source>:<queue id>"`). */
  readonly byQueue: ReadonlyMap<EntityKey, QueueCallList>;
  /**
   * Sources that went down since their calls were listed: when such a source is live again
   * its live calls are dropped (their end may have passed unheard; a call still going on
   * comes back with its next step, marked as not seen arriving), so no ghost call stays.
   */
  readonly lostSources: readonly SourceId[];
  readonly version: number;
}

const ENDED = new Set(ENDED_CALL_OUTCOMES);
const EMPTY: QueueCallList = { live: [], ended: [] };

/** A fresh, empty queue-calls state. */
export function initialQueueCallsState(): QueueCallsState {
  return { byQueue: new Map(), lostSources: [], version: 0 };
}

/**
 * The call after one step (rules, issue 7 `data-outcome`): coming/arrived → waiting;
 * allocated → allocated (agent); allocation cancelled → waiting (agent cleared);
 * connected → connected; transfer started/cancelled → `transferring` on/off; transfer
 * connected → transferred; overflow → overflowed; disconnected → answered when it was
 * connected, else abandoned (an overflowed or transferred call keeps that outcome).
 * A step for a call not seen arriving creates it with `arrivalSeen: false`; steps on an
 * ended call change nothing but a disconnect's end time.
 */
export function applyCallStep(prev: QueueCall | undefined, e: QueueCallEvent): QueueCall | undefined {
  const base: QueueCall = prev ?? {
    queueKey: entityKey(e.source, e.queueId),
    source: e.source,
    queueId: e.queueId,
    callId: e.callId,
    arrivedAt: e.at,
    arrivalSeen: e.step === 'coming' || e.step === 'arrived',
    outcome: 'waiting',
    updatedAt: e.at,
  };
  if (!prev && e.step === 'disconnected') return undefined; // nothing to show for a call never seen
  const callerNumber = e.callerNumber ?? base.callerNumber;
  const patch: { -readonly [K in keyof QueueCall]?: QueueCall[K] } = {};
  if (callerNumber !== undefined) patch.callerNumber = callerNumber;
  if (ENDED.has(base.outcome)) return prev;
  switch (e.step) {
    case 'coming':
    case 'arrived':
      break;
    case 'allocated':
      patch.outcome = 'allocated';
      patch.agentId = e.agentId;
      patch.agentName = e.agentName;
      break;
    case 'allocationCancelled':
      patch.outcome = 'waiting';
      patch.agentId = undefined;
      patch.agentName = undefined;
      break;
    case 'connected':
      patch.outcome = 'connected';
      patch.connectedAt = e.at;
      patch.agentId = e.agentId ?? base.agentId;
      patch.agentName = e.agentName ?? base.agentName;
      patch.transferring = undefined;
      break;
    case 'transferStarted':
      patch.transferring = true;
      patch.detail = e.detail;
      break;
    case 'transferCancelled':
      patch.transferring = undefined;
      break;
    case 'transferConnected':
      patch.outcome = 'transferred';
      patch.endedAt = e.at;
      patch.transferring = undefined;
      patch.detail = e.detail ?? base.detail;
      break;
    case 'overflow':
      patch.outcome = 'overflowed';
      patch.endedAt = e.at;
      patch.detail = e.detail;
      break;
    case 'disconnected':
      patch.outcome = base.outcome === 'connected' ? 'answered' : 'abandoned';
      patch.endedAt = e.at;
      patch.detail = e.detail;
      patch.transferring = undefined;
      break;
  }
  return { ...base, ...patch, updatedAt: e.at };
}

/**
 * Reduces `queue.call` events into the calls per queue, and `connection.status` into the
 * resynchronisation rule of {@link QueueCallsState.lostSources}. Same state object when
 * nothing changed.
 */
export function reduceQueueCalls(state: QueueCallsState, events: readonly (QueueCallEvent | EventOfKind<'connection.status'>)[]): QueueCallsState {
  let map: Map<EntityKey, QueueCallList> | undefined;
  let lost = state.lostSources;
  for (const e of events) {
    if (e.kind === 'connection.status') {
      if (e.status === 'down' && !lost.includes(e.source)) lost = [...lost, e.source];
      else if (e.status === 'live' && lost.includes(e.source)) {
        lost = lost.filter((s) => s !== e.source);
        for (const [qk, list] of map ?? state.byQueue) {
          if (list.live.length === 0 || list.live[0]?.source !== e.source) continue;
          (map ??= new Map(state.byQueue)).set(qk, { live: [], ended: list.ended });
        }
      }
      continue;
    }
    const qk = entityKey(e.source, e.queueId);
    const list = (map ?? state.byQueue).get(qk) ?? EMPTY;
    const i = list.live.findIndex((c) => c.callId === e.callId);
    const prev = i >= 0 ? list.live[i] : list.ended.find((c) => c.callId === e.callId);
    const next = applyCallStep(prev, e);
    if (next === prev || next === undefined) continue;
    let live = list.live.filter((c) => c.callId !== e.callId && e.at - c.updatedAt < CALL_GHOST_MS);
    let ended = list.ended;
    if (ENDED.has(next.outcome)) ended = [next, ...ended.filter((c) => c.callId !== e.callId)].slice(0, MAX_ENDED_CALLS);
    else live = [...live, next].sort((a, b) => a.arrivedAt - b.arrivedAt);
    map ??= new Map(state.byQueue);
    map.set(qk, { live, ended });
  }
  if (!map && lost === state.lostSources) return state;
  return { byQueue: map ?? state.byQueue, lostSources: lost, version: state.version + 1 };
}

/** The queue-calls store: `queue.call` (and its source's `connection.status`); nothing urgent of its own. */
export const queueCallsSlice = defineSlice({
  name: 'queueCalls',
  kinds: ['queue.call', 'connection.status'],
  initial: initialQueueCallsState,
  reduce: reduceQueueCalls,
  urgentKinds: [],
});

/** State of the day-statistics store. */
export interface QueueDayStatsState {
  readonly byKey: ReadonlyMap<EntityKey, QueueDayStats>;
  readonly version: number;
}

/** Reduces `queue.dayStats` (each replaces its queue's figures). */
export function reduceQueueDayStats(state: QueueDayStatsState, events: readonly EventOfKind<'queue.dayStats'>[]): QueueDayStatsState {
  if (events.length === 0) return state;
  const map = new Map(state.byKey);
  for (const e of events) {
    const key = entityKey(e.source, e.stats.queueId);
    map.set(key, { ...e.stats, key, source: e.source, updatedAt: e.at });
  }
  return { byKey: map, version: state.version + 1 };
}

/** The day-statistics store: `queue.dayStats`. */
export const queueDayStatsSlice = defineSlice({
  name: 'queueDayStats',
  kinds: ['queue.dayStats'],
  initial: (): QueueDayStatsState => ({ byKey: new Map(), version: 0 }),
  reduce: reduceQueueDayStats,
  urgentKinds: [],
});

/** State of the queue-members store: who serves each queue (queue key → members). */
export interface QueueMembersState {
  readonly byQueue: ReadonlyMap<EntityKey, readonly QueueMember[]>;
  readonly version: number;
}

/** Reduces `queue.members` (each replaces its queue's list). */
export function reduceQueueMembers(state: QueueMembersState, events: readonly EventOfKind<'queue.members'>[]): QueueMembersState {
  if (events.length === 0) return state;
  const map = new Map(state.byQueue);
  for (const e of events) map.set(entityKey(e.source, e.queueId), e.members);
  return { byQueue: map, version: state.version + 1 };
}

/** The queue-members store: `queue.members`. */
export const queueMembersSlice = defineSlice({
  name: 'queueMembers',
  kinds: ['queue.members'],
  initial: (): QueueMembersState => ({ byQueue: new Map(), version: 0 }),
  reduce: reduceQueueMembers,
  urgentKinds: [],
});
