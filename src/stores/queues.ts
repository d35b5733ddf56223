/**
 * Queues: pure reducer over one flush's batch (ARCHITECTURE.md rules 1 and 2). The Map is
 * copied at most once per batch and a Queue object is replaced only when a field changes.
 */
import { entityKey, QUEUE_STAT_KEYS, type EntityKey, type EventOfKind, type Queue, type QueueStats, type QueueUpsertEvent } from '../domain';
import { defineSlice } from './slice';

/** State of the queues store. Replaced as a whole, once per flush, only when something changed. */
export interface QueuesState {
  /** Every known queue by `"<source>:<id>"`. Never mutated: a changed batch yields a new Map. */
  readonly byKey: ReadonlyMap<EntityKey, Queue>;
  /** Increments whenever `byKey` changes. */
  readonly version: number;
  /** Increments when a queue is added or removed or renamed (what the sorted key list depends on). */
  readonly sortVersion: number;
}

/** Every statistic key of a queue, in display order (the domain's list). */
export { QUEUE_STAT_KEYS };

/** A fresh, empty queues state (version 0). */
export function initialQueuesState(): QueuesState {
  return { byKey: new Map(), version: 0, sortVersion: 0 };
}

/** A {@link Queue} under construction (one flush builds each changed queue once). */
type QueueDraft = { -readonly [K in keyof Queue]: Queue[K] };

function sameExtra(a: Queue['extra'], b: Queue['extra']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || a[k] !== b[k]) return false;
  return true;
}

/**
 * Applies one (valid) `queue.upsert` to `prev` (events.ts: statistics absent here keep
 * their stored values; a new queue's name defaults to its id). `extra`, when present,
 * replaces the stored one. With `replaceStats` the event's statistics are the whole set:
 * a statistic (and `extra`) absent there is cleared. One derivation beyond plain patching: an event that says
 * `callsWaiting: 0` without a `longestWaitingSince` clears `longestWaitingSince`
 * (queue.ts: "absent when no call waits"), so an emptied queue never keeps ticking.
 * @returns `prev` itself when no field changed (`updatedAt` untouched)
 */
export function applyQueueUpsert(prev: Queue | undefined, e: QueueUpsertEvent): Queue {
  const stats: QueueStats = e.stats;
  const clearsWait = stats.callsWaiting === 0 && stats.longestWaitingSince === undefined;
  if (prev === undefined) {
    // Every key written, absent statistics as undefined: all queues share one object shape
    // (monomorphic property access in the reducer and the selectors).
    return {
      key: entityKey(e.source, e.id),
      source: e.source,
      id: e.id,
      name: e.name ?? e.id,
      callsWaiting: stats.callsWaiting,
      longestWaitingSince: clearsWait ? undefined : stats.longestWaitingSince,
      agentsReady: stats.agentsReady,
      agentsNotReady: stats.agentsNotReady,
      agentsTalking: stats.agentsTalking,
      agentsWrapUp: stats.agentsWrapUp,
      agentsReserved: stats.agentsReserved,
      agentsLoggedIn: stats.agentsLoggedIn,
      callsConnected: stats.callsConnected,
      callsHandled: stats.callsHandled,
      callsAbandoned: stats.callsAbandoned,
      callsOffered: stats.callsOffered,
      serviceLevelPct: stats.serviceLevelPct,
      openStatus: stats.openStatus,
      agentsTalkingInbound: stats.agentsTalkingInbound,
      agentsTalkingOutbound: stats.agentsTalkingOutbound,
      agentsTalkingInternal: stats.agentsTalkingInternal,
      agentsWrapUpReady: stats.agentsWrapUpReady,
      agentsWrapUpNotReady: stats.agentsWrapUpNotReady,
      longestHandleTimeSec: stats.longestHandleTimeSec,
      extra: e.extra,
      updatedAt: e.at,
    } satisfies Required<Record<keyof Queue, unknown>>;
  }

  const replace = e.replaceStats === true;
  let changed = false;
  const name = e.name ?? prev.name;
  if (name !== prev.name) changed = true;
  if (!changed) {
    for (const k of QUEUE_STAT_KEYS) {
      const v = stats[k];
      if ((v !== undefined || replace) && v !== prev[k]) {
        changed = true;
        break;
      }
    }
  }
  if (!changed && clearsWait && prev.longestWaitingSince !== undefined) changed = true;
  const extra = replace
    ? e.extra === undefined || sameExtra(e.extra, prev.extra)
      ? e.extra === undefined
        ? undefined
        : prev.extra
      : e.extra
    : e.extra !== undefined && !sameExtra(e.extra, prev.extra)
      ? e.extra
      : prev.extra;
  if (extra !== prev.extra) changed = true;
  if (!changed) return prev;

  const next: QueueDraft = { ...prev, name, extra, updatedAt: e.at };
  for (const k of QUEUE_STAT_KEYS) {
    const v = stats[k];
    if (v !== undefined || replace) next[k] = v;
  }
  if (clearsWait) next.longestWaitingSince = undefined;
  return next;
}

/** The kinds the queues store takes. */
export type QueueEvent = EventOfKind<'queue.upsert' | 'queue.remove' | 'snapshot'>;

/**
 * Reduces one flush's batch into the queues state. Handles `queue.upsert`,
 * `queue.remove` and `snapshot` with `entity: 'queue'` (an agent snapshot is ignored).
 * Events are trusted to match their types (validated once at the connector edge).
 * @returns the same `state` object when nothing changed
 */
export function reduceQueues(state: QueuesState, events: readonly QueueEvent[]): QueuesState {
  let map: Map<EntityKey, Queue> | undefined;
  let changed = false;
  let sortChanged = false;
  const current = (): ReadonlyMap<EntityKey, Queue> => map ?? state.byKey;
  const writable = (): Map<EntityKey, Queue> => (map ??= new Map(state.byKey));

  for (const e of events) {
    if (e.kind === 'queue.upsert') {
      const key = entityKey(e.source, e.id);
      const prev = current().get(key);
      const next = applyQueueUpsert(prev, e);
      if (next === prev) continue;
      writable().set(key, next);
      changed = true;
      if (!prev || prev.name !== next.name) sortChanged = true;
    } else if (e.kind === 'queue.remove') {
      const key = entityKey(e.source, e.id);
      if (!current().has(key)) continue;
      writable().delete(key);
      changed = sortChanged = true;
    } else if (e.kind === 'snapshot' && e.entity === 'queue') {
      const keep = new Set<string>(e.ids);
      for (const [key, q] of current()) {
        if (q.source !== e.source || keep.has(q.id)) continue;
        writable().delete(key);
        changed = sortChanged = true;
      }
    }
  }

  if (!changed) return state;
  return {
    byKey: map ?? state.byKey,
    version: state.version + 1,
    sortVersion: sortChanged ? state.sortVersion + 1 : state.sortVersion,
  };
}

/** The queues store: queue events and queue snapshots; nothing urgent. */
export const queuesSlice = defineSlice({
  name: 'queues',
  kinds: ['queue.upsert', 'queue.remove', 'snapshot'],
  initial: initialQueuesState,
  reduce: reduceQueues,
  urgentKinds: [],
});
