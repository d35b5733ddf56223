/**
 * Queues: pure reducer over one flush's batch (ARCHITECTURE.md rules 1 and 2). The Map is
 * copied at most once per batch and a Queue object is replaced only when a field changes.
 */
import { entityKey, type DomainEvent, type EntityKey, type Queue, type QueueStats, type QueueUpsertEvent } from '../domain';
import { envelopeProblem, isId, isRecord, optString } from './guards';

/** State of the queues store. Replaced as a whole, once per flush, only when something changed. */
export interface QueuesState {
  /** Every known queue by `"<source>:<id>"`. Never mutated: a changed batch yields a new Map. */
  readonly byKey: ReadonlyMap<EntityKey, Queue>;
  /** Increments whenever `byKey` changes. */
  readonly version: number;
  /** Increments when a queue is added or removed or renamed (what the sorted key list depends on). */
  readonly sortVersion: number;
  /** Queue events skipped because they broke the DomainEvent contract (running total). */
  readonly rejected: number;
}

/** Every statistic key of {@link QueueStats}, in display order. */
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
] as const satisfies readonly (keyof QueueStats)[];

/** A fresh, empty queues state (version 0). */
export function initialQueuesState(): QueuesState {
  return { byKey: new Map(), version: 0, sortVersion: 0, rejected: 0 };
}

/**
 * What is wrong with a `queue.upsert` / `queue.remove` event, or undefined when it is
 * acceptable. Statistics must be finite numbers (null counts as absent); `stats` itself
 * may be absent (treated as `{}`); `extra` must map strings to strings.
 */
export function queueEventProblem(e: unknown): string | undefined {
  if (!isRecord(e)) return 'not an object';
  const envelope = envelopeProblem(e);
  if (envelope) return envelope;
  if (!isId(e.id)) return '`id` is not a non-empty string';
  if (e.kind === 'queue.remove') return undefined;
  if (!optString(e.name)) return '`name` is not a string';
  const stats = e.stats;
  if (stats != null) {
    if (!isRecord(stats)) return '`stats` is not an object';
    for (const k of QUEUE_STAT_KEYS) {
      const v = stats[k];
      if (v != null && (typeof v !== 'number' || !Number.isFinite(v))) return `stats.${k} is not a finite number`;
    }
  }
  const extra = e.extra;
  if (extra != null) {
    if (!isRecord(extra)) return '`extra` is not an object';
    for (const v of Object.values(extra)) if (typeof v !== 'string') return '`extra` has a non-string value';
  }
  return undefined;
}

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
 * replaces the stored one. One derivation beyond plain patching: an event that says
 * `callsWaiting: 0` without a `longestWaitingSince` clears `longestWaitingSince`
 * (queue.ts: "absent when no call waits"), so an emptied queue never keeps ticking.
 * @returns `prev` itself when no field changed (`updatedAt` untouched)
 */
export function applyQueueUpsert(prev: Queue | undefined, e: QueueUpsertEvent): Queue {
  const stats: QueueStats = e.stats ?? {};
  const clearsWait = stats.callsWaiting === 0 && stats.longestWaitingSince == null;
  if (prev === undefined) {
    const q: Record<string, unknown> = {
      key: entityKey(e.source, e.id),
      source: e.source,
      id: e.id,
      name: e.name ?? e.id,
    };
    for (const k of QUEUE_STAT_KEYS) q[k] = stats[k] ?? undefined;
    if (clearsWait) q.longestWaitingSince = undefined;
    q.extra = e.extra ?? undefined;
    q.updatedAt = e.at;
    return q as unknown as Queue;
  }

  let changed = false;
  const name = e.name ?? prev.name;
  if (name !== prev.name) changed = true;
  if (!changed) {
    for (const k of QUEUE_STAT_KEYS) {
      const v = stats[k];
      if (v != null && v !== prev[k]) {
        changed = true;
        break;
      }
    }
  }
  if (!changed && clearsWait && prev.longestWaitingSince !== undefined) changed = true;
  const extra = e.extra != null && !sameExtra(e.extra, prev.extra) ? e.extra : prev.extra;
  if (extra !== prev.extra) changed = true;
  if (!changed) return prev;

  const next: Record<string, unknown> = { ...prev, name };
  for (const k of QUEUE_STAT_KEYS) {
    const v = stats[k];
    if (v != null) next[k] = v;
  }
  if (clearsWait) next.longestWaitingSince = undefined;
  next.extra = extra;
  next.updatedAt = e.at;
  return next as unknown as Queue;
}

/**
 * Reduces one flush's batch into the queues state. Handles `queue.upsert`,
 * `queue.remove` and `snapshot` with `entity: 'queue'`; ignores other kinds. A queue
 * event that breaks the contract is skipped and counted in `rejected`; never throws.
 * @returns the same `state` object when nothing changed
 */
export function reduceQueues(state: QueuesState, events: readonly DomainEvent[]): QueuesState {
  let map: Map<EntityKey, Queue> | undefined;
  let changed = false;
  let sortChanged = false;
  let rejected = 0;
  const current = (): ReadonlyMap<EntityKey, Queue> => map ?? state.byKey;
  const writable = (): Map<EntityKey, Queue> => (map ??= new Map(state.byKey));

  for (const e of events) {
    if (!isRecord(e)) continue;
    const kind = e.kind;
    if (kind === 'queue.upsert') {
      if (queueEventProblem(e) !== undefined) {
        rejected++;
        continue;
      }
      const key = entityKey(e.source, e.id);
      const prev = current().get(key);
      const next = applyQueueUpsert(prev, e);
      if (next === prev) continue;
      writable().set(key, next);
      changed = true;
      if (!prev || prev.name !== next.name) sortChanged = true;
    } else if (kind === 'queue.remove') {
      if (queueEventProblem(e) !== undefined) {
        rejected++;
        continue;
      }
      const key = entityKey(e.source, e.id);
      if (!current().has(key)) continue;
      writable().delete(key);
      changed = sortChanged = true;
    } else if (kind === 'snapshot' && e.entity === 'queue') {
      if (envelopeProblem(e) !== undefined || !Array.isArray(e.ids)) {
        rejected++;
        continue;
      }
      const keep = new Set<unknown>(e.ids);
      for (const [key, q] of current()) {
        if (q.source !== e.source || keep.has(q.id)) continue;
        writable().delete(key);
        changed = sortChanged = true;
      }
    }
  }

  if (!changed && rejected === 0) return state;
  return {
    byKey: map ?? state.byKey,
    version: changed ? state.version + 1 : state.version,
    sortVersion: sortChanged ? state.sortVersion + 1 : state.sortVersion,
    rejected: state.rejected + rejected,
  };
}
