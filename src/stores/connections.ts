/**
 * Connections: per-source link health (status, last message, error counts, recent errors,
 * subscription results). Pure reducer over one flush's batch. It is also the catch-all
 * for events no other reducer can place: events of an unknown kind, and events that
 * break the DomainEvent contract, are recorded as errors of their source
 * (`unknown-event`, `invalid-event`) when the source is known, and counted in `rejected`
 * otherwise, so connector bugs show in the connection-health view.
 */
import {
  isSourceId,
  type ConnectionStatus,
  type DomainEvent,
  type IngestError,
  type SourceHealth,
  type SourceId,
  type SubscriptionResult,
} from '../domain';
import { agentEventProblem } from './agents';
import { KNOWN_EVENT_KINDS, envelopeProblem, isId, isRecord, optString, ownNumber, setOwn } from './guards';
import { queueEventProblem } from './queues';
import { teamEventProblem } from './teams';

/** How many recent errors a source keeps (newest first). */
export const MAX_RECENT_ERRORS = 20;

/** Every {@link ConnectionStatus}. */
export const CONNECTION_STATUSES: readonly ConnectionStatus[] = ['idle', 'connecting', 'live', 'stale', 'down'];
const STATUS_SET: ReadonlySet<string> = new Set(CONNECTION_STATUSES);

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
  /** Events that could not be attributed to a known source (not an object, unknown source), running total. */
  readonly rejected: number;
}

/** A fresh connections state: nothing heard. */
export function initialConnectionsState(): ConnectionsState {
  return { bySource: {}, version: 0, rejected: 0 };
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
  status: ConnectionStatus;
  reason: string | undefined;
  since: number;
  lastMessageAt: number | undefined;
  connects: number;
  errorCounts: Record<string, number> | undefined; // copied on first write
  newErrors: IngestError[]; // oldest first
  subscriptions: Record<string, SubscriptionResult> | undefined; // copied on first write
  dirty: boolean;
}

function statusProblem(e: Record<string, unknown>): string | undefined {
  if (typeof e.status !== 'string' || !STATUS_SET.has(e.status)) return '`status` is not a ConnectionStatus';
  if (!optString(e.reason)) return '`reason` is not a string';
  return undefined;
}

function asIngestError(v: unknown, fallbackAt: number): IngestError | undefined {
  if (!isRecord(v) || !isId(v.code)) return undefined;
  const at = typeof v.at === 'number' && Number.isFinite(v.at) ? v.at : fallbackAt;
  const message = typeof v.message === 'string' ? v.message : '';
  return { code: v.code, message, at };
}

function isSubscriptionResult(v: unknown): v is SubscriptionResult {
  return (
    isRecord(v) &&
    typeof v.entityId === 'string' &&
    typeof v.eventName === 'string' &&
    typeof v.subscribed === 'boolean' &&
    optString(v.message)
  );
}

function problemOf(e: Record<string, unknown>): string | undefined {
  switch (e.kind) {
    case 'agent.upsert':
    case 'agent.remove':
      return agentEventProblem(e);
    case 'queue.upsert':
    case 'queue.remove':
      return queueEventProblem(e);
    case 'team.upsert':
      return teamEventProblem(e);
    case 'snapshot':
      if (e.entity !== 'agent' && e.entity !== 'queue') return '`entity` is not agent or queue';
      return Array.isArray(e.ids) ? undefined : '`ids` is not a list';
    case 'connection.status':
      return statusProblem(e);
    case 'ingest.error':
      return asIngestError(e.error, 0) ? undefined : '`error` has no code';
    case 'subscription.result':
      return Array.isArray(e.results) ? undefined : '`results` is not a list';
    default:
      return undefined;
  }
}

/**
 * Reduces one flush's batch into the connections state:
 * - `connection.status`: a new status sets `status`, `reason`, `since = at`, and counts a
 *   connect when it becomes `live`; the same status again only updates `reason`.
 * - any valid event other than `connection.status` and `ingest.error` (i.e. a message the
 *   source actually sent) moves `lastMessageAt` forward to its `at`.
 * - `ingest.error`: counted by code; kept in `recentErrors` (newest first, at most 20).
 * - `subscription.result`: stored by `"<eventName>:<entityId>"` (malformed items are
 *   recorded as `invalid-event` errors).
 * - unknown kinds / contract breaches: recorded as `unknown-event` / `invalid-event`
 *   errors of their source, or counted in `rejected` without a known source.
 * Never throws.
 * @returns the same `state` object when nothing changed
 */
export function reduceConnections(state: ConnectionsState, events: readonly DomainEvent[]): ConnectionsState {
  let drafts: Map<SourceId, Draft> | undefined;
  let rejected = 0;

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
        dirty: prev === undefined,
      };
      drafts.set(source, d);
    }
    return d;
  };
  const addError = (d: Draft, error: IngestError): void => {
    d.errorCounts ??= { ...(d.prev?.errorCounts ?? {}) };
    setOwn(d.errorCounts, error.code, ownNumber(d.errorCounts, error.code) + 1);
    d.newErrors.push(error);
    d.dirty = true;
  };

  for (const e of events as readonly unknown[]) {
    if (!isRecord(e) || !isSourceId(e.source)) {
      rejected++;
      continue;
    }
    const at = typeof e.at === 'number' && Number.isFinite(e.at) ? e.at : Number.NaN;
    if (Number.isNaN(at)) {
      // An event without a usable time is still attributed to its source.
      addError(draftOf(e.source, 0), { code: 'invalid-event', message: `${String(e.kind)}: ${envelopeProblem(e) ?? 'bad at'}`, at: 0 });
      continue;
    }
    const d = draftOf(e.source, at);
    if (typeof e.kind !== 'string' || !KNOWN_EVENT_KINDS.has(e.kind)) {
      addError(d, { code: 'unknown-event', message: `unknown event kind ${JSON.stringify(String(e.kind)).slice(0, 60)}`, at });
      continue;
    }
    const problem = problemOf(e);
    if (problem !== undefined) {
      addError(d, { code: 'invalid-event', message: `${e.kind}: ${problem}`, at });
      continue;
    }
    switch (e.kind) {
      case 'connection.status': {
        const status = e.status as ConnectionStatus;
        const reason = typeof e.reason === 'string' ? e.reason : undefined;
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
        const error = asIngestError(e.error, at);
        if (error) addError(d, error);
        break;
      }
      case 'subscription.result': {
        for (const r of e.results as readonly unknown[]) {
          if (!isSubscriptionResult(r)) {
            addError(d, { code: 'invalid-event', message: 'subscription.result: malformed item', at });
            continue;
          }
          const key = `${r.eventName}:${r.entityId}`;
          const subs = d.subscriptions ?? d.prev?.subscriptions;
          const old = subs && Object.prototype.hasOwnProperty.call(subs, key) ? subs[key] : undefined;
          if (old && old.subscribed === r.subscribed && old.message === r.message) continue;
          d.subscriptions ??= { ...(d.prev?.subscriptions ?? {}) };
          setOwn(d.subscriptions, key, {
            entityId: r.entityId,
            eventName: r.eventName,
            subscribed: r.subscribed,
            message: r.message ?? undefined,
          });
          d.dirty = true;
        }
        touch(d, at);
        break;
      }
      default:
        touch(d, at);
    }
  }

  if (!drafts && rejected === 0) return state;
  let bySource: Partial<Record<SourceId, SourceHealth>> | undefined;
  if (drafts) {
    for (const [source, d] of drafts) {
      if (!d.dirty) continue;
      bySource ??= { ...state.bySource };
      bySource[source] = finish(source, d);
    }
  }
  if (!bySource && rejected === 0) return state;
  return {
    bySource: bySource ?? state.bySource,
    version: bySource ? state.version + 1 : state.version,
    rejected: state.rejected + rejected,
  };
}

function touch(d: Draft, at: number): void {
  if (d.lastMessageAt === undefined || at > d.lastMessageAt) {
    d.lastMessageAt = at;
    d.dirty = true;
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
  };
}
