/**
 * Connections: per-source link health (status, last message, error counts, recent errors,
 * subscription results). Pure reducer over one flush's batch. It takes every event kind:
 * any message a source sent moves its `lastMessageAt`. Events are validated once, at the
 * connector edge (`guardEmit`): a bad input arrives here as ONE `ingest.error` event of
 * its connector's source (code `invalid-event`, the reason naming the field), and is
 * counted here once, with its reason, in that source's health. Nothing is re-validated.
 */
import {
  CONNECTION_STATUSES,
  DOMAIN_EVENT_KINDS,
  type DomainEvent,
  type IngestError,
  type SourceHealth,
  type SourceId,
  type SubscriptionResult,
} from '../domain';
import { defineSlice } from './slice';

export { CONNECTION_STATUSES };

/** How many recent errors a source keeps (newest first). */
export const MAX_RECENT_ERRORS = 20;


/** State of the connections store. */
export interface ConnectionsState {
  /**
   * Health of every source heard from (any event, a status included). Sources never heard
   * are absent; `useSourceHealth` shows them as `idle`. An entry keeps its identity while
   * nothing about that source changes.
   */
  readonly bySource: Readonly<Partial<Record<SourceId, SourceHealth>>>;
  /** Increments whenever `bySource` changes. */
  readonly version: number;
}

/** A fresh connections state: nothing heard. */
export function initialConnectionsState(): ConnectionsState {
  return { bySource: {}, version: 0 };
}

const idleCache = new Map<SourceId, SourceHealth>();

/**
 * The health shown for a source nothing has been heard from: status `idle`, `since` 0,
 * no errors. The same (frozen) object for the same source every time.
 */
export function idleHealth(source: SourceId): SourceHealth {
  let h = idleCache.get(source);
  if (!h) {
    h = Object.freeze({
      source,
      status: 'idle' as const,
      since: 0,
      connects: 0,
      errorCounts: Object.freeze({}),
      recentErrors: Object.freeze([]) as readonly IngestError[],
      subscriptions: Object.freeze({}),
    });
    idleCache.set(source, h);
  }
  return h;
}

/** Mutable working copy of one source's health during one batch. */
interface Draft {
  prev: SourceHealth | undefined;
  status: SourceHealth['status'];
  reason: string | undefined;
  since: number;
  lastMessageAt: number | undefined;
  connects: number;
  errorCounts: Record<string, number> | undefined; // copied on first write
  newErrors: IngestError[]; // oldest first
  subscriptions: Record<string, SubscriptionResult> | undefined; // copied on first write
  noticeCounts: Record<string, number> | undefined; // copied on first write
  adapter: SourceHealth['adapter'];
  dirty: boolean;
}

/** Own-property read of a string-keyed counter record (safe for keys like `__proto__`). */
function ownNumber(record: Readonly<Record<string, number>>, key: string): number {
  return Object.prototype.hasOwnProperty.call(record, key) ? (record[key] ?? 0) : 0;
}

/** Own-property write that also works for keys like `__proto__`. */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Reduces one flush's batch into the connections state:
 * - `connection.status`: a new status sets `status`, `reason`, `since = at`, and counts a
 *   connect when it becomes `live`; the same status again only updates `reason`.
 * - any event other than `connection.status` and `ingest.error` (i.e. a message the
 *   source actually sent) moves `lastMessageAt` forward to its `at`, published in steps of
 *   at least {@link LAST_MESSAGE_RESOLUTION_MS}.
 * - `ingest.error`: counted once by its code (e.g. `invalid-event` from the connector
 *   edge, `malformed-frame` from a wire parser); kept in `recentErrors` (newest first, at
 *   most {@link MAX_RECENT_ERRORS}).
 * - `subscription.result`: stored by `"<eventName>:<entityId>"`.
 * - `vendor.notice`: counted by event name in `noticeCounts`.
 * - `adapter.status`: the vendor adapter's own link (`adapter`; `since` moves when
 *   `connected` changes).
 * Events are trusted to match their types (validated at the connector edge).
 * @returns the same `state` object when nothing changed
 */
export function reduceConnections(state: ConnectionsState, events: readonly DomainEvent[]): ConnectionsState {
  let drafts: Map<SourceId, Draft> | undefined;

  const draftOf = (source: SourceId, at: number): Draft => {
    drafts ??= new Map();
    let d = drafts.get(source);
    if (!d) {
      const prev = state.bySource[source];
      d = {
        prev,
        status: prev?.status ?? 'idle',
        reason: prev?.reason,
        since: prev?.since ?? at,
        lastMessageAt: prev?.lastMessageAt,
        connects: prev?.connects ?? 0,
        errorCounts: undefined,
        newErrors: [],
        subscriptions: undefined,
        noticeCounts: undefined,
        adapter: prev?.adapter,
        dirty: prev === undefined,
      };
      drafts.set(source, d);
    }
    return d;
  };

  for (const e of events) {
    const at = e.at;
    const d = draftOf(e.source, at);
    switch (e.kind) {
      case 'connection.status': {
        const { status, reason } = e;
        if (status !== d.status) {
          d.status = status;
          d.since = at;
          d.reason = reason;
          if (status === 'live') d.connects += 1;
          d.dirty = true;
        } else if (reason !== d.reason) {
          d.reason = reason;
          d.dirty = true;
        }
        break;
      }
      case 'ingest.error': {
        const { code, message, at: errorAt } = e.error;
        d.errorCounts ??= { ...(d.prev?.errorCounts ?? {}) };
        setOwn(d.errorCounts, code, ownNumber(d.errorCounts, code) + 1);
        d.newErrors.push({ code, message, at: errorAt });
        d.dirty = true;
        break;
      }
      case 'subscription.result': {
        for (const r of e.results) {
          const key = `${r.eventName}:${r.entityId}`;
          const subs = d.subscriptions ?? d.prev?.subscriptions;
          const old = subs && Object.prototype.hasOwnProperty.call(subs, key) ? subs[key] : undefined;
          if (old && old.subscribed === r.subscribed && old.message === r.message) continue;
          d.subscriptions ??= { ...(d.prev?.subscriptions ?? {}) };
          setOwn(d.subscriptions, key, { entityId: r.entityId, eventName: r.eventName, subscribed: r.subscribed, message: r.message });
          d.dirty = true;
        }
        touch(d, at);
        break;
      }
      case 'vendor.notice': {
        d.noticeCounts ??= { ...(d.prev?.noticeCounts ?? {}) };
        setOwn(d.noticeCounts, e.eventName, ownNumber(d.noticeCounts, e.eventName) + 1);
        d.dirty = true;
        touch(d, at);
        break;
      }
      case 'adapter.status': {
        const { adapter: name, connected, detail } = e;
        const old = d.adapter;
        if (!old || old.name !== name || old.connected !== connected || old.detail !== detail) {
          d.adapter = { name, connected, ...(detail !== undefined ? { detail } : {}), since: old && old.connected === connected && old.name === name ? old.since : at };
          d.dirty = true;
        }
        touch(d, at);
        break;
      }
      default:
        touch(d, at);
    }
  }

  if (!drafts) return state;
  let bySource: Partial<Record<SourceId, SourceHealth>> | undefined;
  for (const [source, d] of drafts) {
    if (!d.dirty) continue;
    bySource ??= { ...state.bySource };
    bySource[source] = finish(source, d);
  }
  if (!bySource) return state;
  return { bySource, version: state.version + 1 };
}

/**
 * `lastMessageAt` is shown to the second ("3 s ago"); a message republishes the source's
 * health only when it moves the published value by at least this much (ms). Republishing on
 * every message re-rendered the health row in every frame at 1,000 events/s
 * (docs/PERFORMANCE.md "Browser benchmark"). A batch that changes anything else publishes
 * its latest message time as well.
 */
export const LAST_MESSAGE_RESOLUTION_MS = 1000;

function touch(d: Draft, at: number): void {
  if (d.lastMessageAt === undefined || at > d.lastMessageAt) {
    d.lastMessageAt = at;
    const published = d.prev?.lastMessageAt;
    if (published === undefined || at - published >= LAST_MESSAGE_RESOLUTION_MS) d.dirty = true;
  }
}

function finish(source: SourceId, d: Draft): SourceHealth {
  const prev = d.prev;
  let recentErrors = prev?.recentErrors ?? [];
  if (d.newErrors.length > 0) {
    const fresh = d.newErrors.slice(-MAX_RECENT_ERRORS).reverse();
    recentErrors = fresh.length >= MAX_RECENT_ERRORS ? fresh : fresh.concat(recentErrors.slice(0, MAX_RECENT_ERRORS - fresh.length));
  }
  return {
    source,
    status: d.status,
    reason: d.reason,
    since: d.since,
    lastMessageAt: d.lastMessageAt,
    connects: d.connects,
    errorCounts: d.errorCounts ?? prev?.errorCounts ?? {},
    recentErrors,
    subscriptions: d.subscriptions ?? prev?.subscriptions ?? {},
    ...(d.noticeCounts ? { noticeCounts: d.noticeCounts } : prev?.noticeCounts ? { noticeCounts: prev.noticeCounts } : {}),
    ...(d.adapter ? { adapter: d.adapter } : {}),
  };
}

/**
 * The connections store: every kind (any message moves its source's `lastMessageAt`);
 * `connection.status` flushes at once (ARCHITECTURE.md rule 1: connection loss).
 */
export const connectionsSlice = defineSlice({
  name: 'connections',
  kinds: DOMAIN_EVENT_KINDS,
  initial: initialConnectionsState,
  reduce: reduceConnections,
  urgentKinds: ['connection.status'],
});
