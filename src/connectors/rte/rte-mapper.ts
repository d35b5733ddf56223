/**
 * Maps validated RTE messages to `DomainEvent`s (docs/CONTRACTS.md "RTE mappings";
 * rte-enreach-realtime-engine-signalr.txt "Event: QueueStatus", "Event: UserStatus",
 * "Event: UserAvailability", "Subscription validation and authorization"; NOTES.md §1).
 * Never throws.
 */
import type {
  AgentState,
  AgentUpsertEvent,
  DomainEvent,
  QueueStats,
  QueueUpsertEvent,
  SubscriptionResult,
} from '../../domain';
import { ingestErrorEvent, quote } from '../transport/events';
import {
  parseDotNetDate,
  type RteParseResult,
  type RteQueueStatus,
  type RteSubscriptionParse,
  type RteUserAvailability,
  type RteUserStatus,
} from './rte-wire';

const SOURCE = 'rte' as const;

/** What the per-user derivation reads from UserStatus (rte doc "Event: UserStatus"). */
export interface RteStatusFacts {
  readonly talking?: boolean;
  /** DateTime text when a wrap-up is active, null when not. */
  readonly wrapUpEnd?: string | null;
  readonly serving?: boolean;
}

/** What the per-user derivation reads from UserAvailability (rte doc "Event: UserAvailability"). */
export interface RteAvailabilityFacts {
  /** `Available`, `Busy`, `DoNotDisturb`, `OffWork` (any casing). */
  readonly availability?: string;
  readonly note?: string;
  /** DateTime text. */
  readonly startTime?: string;
}

/** A derived agent state; `byAvailability` when rule 1 or 4 decided (then `stateSince` = StartTime). */
export interface RteDerivedState {
  readonly state: AgentState;
  readonly reasonLabel?: string;
  readonly byAvailability: boolean;
}

type Avail = 'available' | 'busy' | 'donotdisturb' | 'offwork';

function availOf(a: RteAvailabilityFacts | undefined): Avail | undefined {
  const v = a?.availability?.trim().toLowerCase();
  return v === 'available' || v === 'busy' || v === 'donotdisturb' || v === 'offwork' ? v : undefined;
}

function awayLabel(avail: 'busy' | 'donotdisturb', note: string | undefined): string {
  const n = note?.trim();
  if (n) return n;
  return avail === 'busy' ? 'Busy' : 'Do not disturb';
}

/**
 * Derives one `AgentState` from the latest UserStatus and UserAvailability of a user
 * (docs/CONTRACTS.md "RTE mappings", user state, first rule that matches):
 * 1 OffWork → LOGOUT; 2 Talking → TALKING; 3 WrapUpEnd not null → WORK;
 * 4 DoNotDisturb / Busy → NOT_READY (label Note, else "Do not disturb" / "Busy");
 * 5 Available + Serving → READY; 6 Available + not Serving → NOT_READY "Not serving";
 * 7 only one known: UserStatus alone Talking → TALKING, WrapUpEnd → WORK, Serving → READY,
 * else NOT_READY; UserAvailability alone rules 1, 4, Available → READY.
 * An availability value outside the four counts as unknown; nothing known → UNKNOWN.
 */
export function deriveRteAgentState(
  status: RteStatusFacts | undefined,
  availability: RteAvailabilityFacts | undefined,
): RteDerivedState {
  const a = availOf(availability);
  if (a === 'offwork') return { state: 'LOGOUT', byAvailability: true };
  const hasStatus = status !== undefined;
  const wrapUp = typeof status?.wrapUpEnd === 'string';
  if (hasStatus && a !== undefined) {
    if (status.talking === true) return { state: 'TALKING', byAvailability: false };
    if (wrapUp) return { state: 'WORK', byAvailability: false };
    if (a === 'donotdisturb' || a === 'busy')
      return { state: 'NOT_READY', reasonLabel: awayLabel(a, availability?.note), byAvailability: true };
    if (status.serving === true) return { state: 'READY', byAvailability: false };
    return { state: 'NOT_READY', reasonLabel: 'Not serving', byAvailability: false };
  }
  if (hasStatus) {
    if (status.talking === true) return { state: 'TALKING', byAvailability: false };
    if (wrapUp) return { state: 'WORK', byAvailability: false };
    if (status.serving === true) return { state: 'READY', byAvailability: false };
    return { state: 'NOT_READY', byAvailability: false };
  }
  if (a === 'donotdisturb' || a === 'busy')
    return { state: 'NOT_READY', reasonLabel: awayLabel(a, availability?.note), byAvailability: true };
  if (a === 'available') return { state: 'READY', byAvailability: false };
  return { state: 'UNKNOWN', byAvailability: false };
}

/** The vendor's own state text for an RTE user, e.g. `DoNotDisturb`, `Available, Talking`. */
function vendorStateOf(status: RteStatusFacts | undefined, availability: RteAvailabilityFacts | undefined): string {
  const parts: string[] = [];
  const a = availability?.availability?.trim();
  if (a) parts.push(a);
  if (status) {
    if (status.talking === true) parts.push('Talking');
    else if (typeof status.wrapUpEnd === 'string') parts.push('WrapUp');
    else if (a === undefined || availOf(availability) === 'available') parts.push(status.serving === true ? 'Serving' : 'Not serving');
  }
  return parts.length > 0 ? parts.join(', ') : 'Unknown';
}

/** Settings of {@link createRteMapper}. */
export interface RteMapperOptions {
  /** Unit of QueueStatus `MaxWaitTime` (config `rte.maxWaitTimeUnit`). */
  readonly maxWaitTimeUnit: 'seconds' | 'milliseconds';
}

/** A stateful RTE mapper (keeps the last UserStatus / UserAvailability and derived state per user). */
export interface RteMapper {
  /**
   * Maps one `MessageReceived` parse result received at `at` (epoch ms): failures and issues
   * → `ingest.error` (code = issue code); QueueStatus → `queue.upsert`; UserStatus /
   * UserAvailability → `agent.upsert` with the derived state.
   */
  message(result: RteParseResult, at: number): DomainEvent[];
  /**
   * Maps a `Subscribe` answer: one `subscription.result` with the valid items, an
   * `ingest.error` per invalid item, and per `subscribed:false` item an `ingest.error` of code
   * `unauthorized` (message "Unauthorized") or `subscription-refused` (anything else), so it
   * shows in connection health while the other subscriptions go on.
   */
  subscriptionResults(parsed: RteSubscriptionParse, at: number): DomainEvent[];
  /** Forgets every user's remembered values. */
  reset(): void;
}

interface UserMemory {
  status?: RteStatusFacts;
  availability?: RteAvailabilityFacts & { userName?: string };
  state?: AgentState;
  stateSince?: number;
}

/** QueueStatus properties kept in `extra` (not mapped to `QueueStats`), camelCase → vendor name. */
const QUEUE_EXTRA: ReadonlyArray<[keyof RteQueueStatus, string]> = [
  ['nbrOfAllocated', 'NbrOfAllocated'],
  ['nbrOfNotServedRequesters', 'NbrOfNotServedRequesters'],
  ['nbrOfProviders', 'NbrOfProviders'],
  ['nbrOfRequesters', 'NbrOfRequesters'],
  ['nbrOfServingAgentsEstimate', 'NbrOfServingAgentsEstimate'],
];

/**
 * Maps QueueStatus to `queue.upsert` (CONTRACTS.md "RTE mappings" table).
 * `longestWaitingSince` = `at` − MaxWaitTime (× 1000 when seconds), whenever calls queue
 * (NbrOfQueuingRequesters > 0) — also when MaxWaitTime is 0: a call that has just arrived
 * waits from now, and the hub need not send again while only the wait grows. When no call
 * queues the key is present with value `undefined`, which the stores read as absent: what
 * clears the stored value is `callsWaiting: 0` (the queues reducer's rule, events.ts).
 * A negative MaxWaitTime is reported and left out.
 */
export function mapQueueStatus(m: RteQueueStatus, at: number, unit: 'seconds' | 'milliseconds'): DomainEvent[] {
  const out: DomainEvent[] = [];
  const stats: { -readonly [K in keyof QueueStats]: QueueStats[K] } = {};
  if (m.nbrOfQueuingRequesters !== undefined) stats.callsWaiting = m.nbrOfQueuingRequesters;
  if (m.maxWaitTime !== undefined) {
    if (m.maxWaitTime < 0) out.push(ingestErrorEvent(SOURCE, 'wrong-type', `QueueStatus for ${quote(m.entityId)}: negative MaxWaitTime ${m.maxWaitTime}`, at));
    else {
      const queuing = m.nbrOfQueuingRequesters === undefined ? m.maxWaitTime > 0 : m.nbrOfQueuingRequesters > 0;
      stats.longestWaitingSince = queuing ? Math.round(at - m.maxWaitTime * (unit === 'seconds' ? 1000 : 1)) : undefined;
    }
  }
  if (m.nbrOfAgentsImmediatelyFree !== undefined) stats.agentsReady = m.nbrOfAgentsImmediatelyFree;
  if (m.nbrOfAgentsShortTermAway !== undefined) stats.agentsTalking = m.nbrOfAgentsShortTermAway;
  if (m.nbrOfAgentsLongTermAway !== undefined) stats.agentsNotReady = m.nbrOfAgentsLongTermAway;
  if (m.nbrOfAgentsOnWrapUp !== undefined) stats.agentsWrapUp = m.nbrOfAgentsOnWrapUp;
  if (m.nbrOfAgentsCheckedInQueue !== undefined) stats.agentsLoggedIn = m.nbrOfAgentsCheckedInQueue;
  if (m.nbrOfConnected !== undefined) stats.callsConnected = m.nbrOfConnected;
  if (m.openStatus !== undefined) stats.openStatus = m.openStatus;
  const extra: Record<string, string> = {};
  for (const [k, name] of QUEUE_EXTRA) {
    const v = m[k];
    if (v !== undefined) extra[name] = String(v);
  }
  const id = m.queueId?.trim() ? m.queueId : m.entityId;
  const e: QueueUpsertEvent = {
    kind: 'queue.upsert',
    source: SOURCE,
    at,
    id,
    stats,
    ...(m.queueName !== undefined && m.queueName.trim() !== '' ? { name: m.queueName } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
  out.push(e);
  return out;
}

/** Creates an RTE mapper. */
export function createRteMapper(opts: RteMapperOptions): RteMapper {
  const users = new Map<string, UserMemory>();

  function mapUser(m: RteUserStatus | RteUserAvailability, at: number): DomainEvent[] {
    const id = m.userId?.trim() ? m.userId : m.entityId;
    const mem: UserMemory = users.get(id) ?? {};
    if (m.eventName === 'UserStatus') {
      mem.status = {
        ...mem.status,
        ...(m.talking !== undefined ? { talking: m.talking } : {}),
        ...(m.wrapUpEnd !== undefined ? { wrapUpEnd: m.wrapUpEnd } : {}),
        ...(m.serving !== undefined ? { serving: m.serving } : {}),
      };
    } else {
      mem.availability = {
        ...mem.availability,
        ...(m.availability !== undefined ? { availability: m.availability } : {}),
        ...(m.note !== undefined ? { note: m.note } : {}),
        ...(m.startTime !== undefined ? { startTime: m.startTime } : {}),
        ...(m.userName !== undefined ? { userName: m.userName } : {}),
      };
    }
    const d = deriveRteAgentState(mem.status, mem.availability);
    let since: number;
    const start = d.byAvailability && mem.availability?.startTime ? parseDotNetDate(mem.availability.startTime) : undefined;
    if (start !== undefined) since = start;
    else if (mem.state !== d.state || mem.stateSince === undefined) since = at;
    else since = mem.stateSince;
    mem.state = d.state;
    mem.stateSince = since;
    users.set(id, mem);
    const name = mem.availability?.userName?.trim() ? mem.availability.userName : undefined;
    const e: AgentUpsertEvent = {
      kind: 'agent.upsert',
      source: SOURCE,
      at,
      id,
      state: d.state,
      vendorState: vendorStateOf(mem.status, mem.availability),
      stateSince: since,
      ...(d.reasonLabel !== undefined ? { reasonLabel: d.reasonLabel } : {}),
      ...(name !== undefined ? { name } : {}),
    };
    return [e];
  }

  return {
    message(result, at) {
      try {
        if (!result.ok) return [ingestErrorEvent(SOURCE, result.issue.code, result.issue.message, at)];
        const out: DomainEvent[] = result.issues.map((i) => ingestErrorEvent(SOURCE, i.code, i.message, at));
        const m = result.message;
        if (m.eventName === 'QueueStatus') out.push(...mapQueueStatus(m, at, opts.maxWaitTimeUnit));
        else out.push(...mapUser(m, at));
        return out;
      } catch (e) {
        return [ingestErrorEvent(SOURCE, 'malformed-frame', `could not map RTE message: ${quote(e instanceof Error ? e.message : e)}`, at)];
      }
    },
    subscriptionResults(parsed, at) {
      const out: DomainEvent[] = parsed.issues.map((i) => ingestErrorEvent(SOURCE, i.code, i.message, at));
      if (parsed.results.length > 0) out.push({ kind: 'subscription.result', source: SOURCE, at, results: parsed.results });
      for (const r of parsed.results) {
        if (r.subscribed) continue;
        out.push(ingestErrorEvent(SOURCE, refusalCode(r), `${quote(r.eventName)} ${quote(r.entityId)}: ${quote(r.message ?? 'not subscribed')}`, at));
      }
      return out;
    },
    reset() {
      users.clear();
    },
  };
}

/** `unauthorized` for the vendor's "Unauthorized" answer, else `subscription-refused`. */
export function refusalCode(r: SubscriptionResult): 'unauthorized' | 'subscription-refused' {
  return /^\s*unauthori[sz]ed\b/i.test(r.message ?? '') ? 'unauthorized' : 'subscription-refused';
}
