/**
 * Maps validated RTE messages to `DomainEvent`s (docs/CONTRACTS.md "RTE mappings";
 * rte-enreach-realtime-engine-signalr.txt "Event: QueueStatus", "Event: UserStatus",
 * "Event: UserAvailability", "Subscription validation and authorization"; NOTES.md §1).
 * Never throws.
 */
import type {
  AgentState,
  AgentUpsertEvent,
  CallbackItem,
  CallbackListFigures,
  DomainEvent,
  QueueCallStep,
  QueueMember,
  QueueStats,
  QueueUpsertEvent,
  SubscriptionResult,
} from '../../domain';
import { ingestErrorEvent, quote } from '../transport/events';
import {
  parseDotNetDate,
  type RteParseResult,
  type RteFields,
  type RteGenericMessage,
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
  /**
   * How many trailing digits of a caller / contact number are shown (config
   * `rte.callerNumberDigits`, default 4); the others become `•`. A negative value shows
   * the whole number, 0 none of it.
   */
  readonly callerNumberDigits?: number;
  /**
   * Whether the board subscribed `(eventName, entityId)` (both lower-cased). A message for
   * anything else is counted as `unsubscribed` and creates nothing. Default: everything.
   */
  readonly isSubscribed?: (eventNameLower: string, entityIdLower: string) => boolean;
}

/** A stateful RTE mapper (keeps the last UserStatus / UserAvailability and derived state per user). */
export interface RteMapper {
  /**
   * Maps one `MessageReceived` parse result received at `at` (epoch ms): failures and issues
   * → `ingest.error` (code = issue code); a message for an entity/event the board did not
   * subscribe → one `ingest.error` `unsubscribed` and nothing else; QueueStatus →
   * `queue.upsert`; UserStatus / UserAvailability / the user's call connect and disconnect
   * → `agent.upsert` with the derived state and presence; QueueCallIn* → `queue.call`;
   * QueueAttachedUsers → `queue.members`; UserAlert / UserQueueAlert → `alarm.raise`;
   * CallbackListStatus → `callbackList.status`; CallbackChanged → `callback.changed`; every
   * other event of the document → `vendor.notice` (counted in connection health).
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
  availability?: RteAvailabilityFacts & { userName?: string; endTime?: string };
  state?: AgentState;
  stateSince?: number;
  stateSinceSeen?: boolean;
  /** The call the board saw connect and not yet disconnect. */
  call?: { readonly callId: string; readonly since: number };
}

/** `DateTime.MaxValue` (year 9999) means "no end" (rte doc "Event: UserAvailability" EndTime). */
export function presenceEnd(endTime: string | undefined): number | undefined {
  if (endTime === undefined || /^9999-/.test(endTime.trim())) return undefined;
  return parseDotNetDate(endTime);
}

/**
 * Masks a phone number, keeping its last `digits` digits (other digits become `•`;
 * separators and `+` kept). `digits` < 0 keeps it whole, 0 masks every digit.
 */
export function maskNumber(n: string, digits: number): string {
  if (digits < 0) return n;
  let keep = digits;
  const chars = [...n];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!/\d/.test(chars[i] ?? '')) continue;
    if (keep > 0) keep -= 1;
    else chars[i] = '•';
  }
  return chars.join('');
}

/** QueueCallIn* event → call step (rte doc "Queue" section). */
const QUEUE_CALL_STEPS: Readonly<Partial<Record<RteGenericMessage['eventName'], QueueCallStep>>> = {
  QueueCallInComing: 'coming',
  QueueCallInArrived: 'arrived',
  QueueCallInUserAllocated: 'allocated',
  QueueCallInUserCancelled: 'allocationCancelled',
  QueueCallInUserConnected: 'connected',
  QueueCallInTransferStarted: 'transferStarted',
  QueueCallInTransferCancelled: 'transferCancelled',
  QueueCallInTransferConnected: 'transferConnected',
  QueueCallInOverflow: 'overflow',
  QueueCallInDisconnected: 'disconnected',
};

/** User call events that start (connect) or end the user's current call (time on call). */
const USER_CALL_START = new Set<string>(['UserCallInUserConnected', 'UserCallOutConnected']);
const USER_CALL_END = new Set<string>(['UserCallInDisconnected', 'UserCallOutDisconnected', 'UserCallInTransferConnected', 'UserCallInOverflow', 'UserCallInUserOverflow']);

const str = (f: RteFields, k: string): string | undefined => {
  const v = f[k];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};
const num = (f: RteFields, k: string): number | undefined => {
  const v = f[k];
  return typeof v === 'number' ? v : undefined;
};
const bool = (f: RteFields, k: string): boolean | undefined => {
  const v = f[k];
  return typeof v === 'boolean' ? v : undefined;
};
const list = (f: RteFields, k: string): readonly RteFields[] => {
  const v = f[k];
  return Array.isArray(v) ? (v as readonly RteFields[]) : [];
};
const date = (f: RteFields, k: string): number | undefined => {
  const v = str(f, k);
  return v === undefined ? undefined : parseDotNetDate(v);
};
/** A non-negative whole count, else undefined. */
const countOf = (f: RteFields, k: string): number | undefined => {
  const v = num(f, k);
  return v !== undefined && Number.isInteger(v) && v >= 0 ? v : undefined;
};

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
  const digits = opts.callerNumberDigits ?? 4;
  const mask = (n: string | undefined) => (n === undefined ? undefined : maskNumber(n, digits));

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
        ...(m.endTime !== undefined ? { endTime: m.endTime } : {}),
      };
    }
    users.set(id, mem);
    return [userEvent(id, mem, at)];
  }

  /**
   * The user's `agent.upsert` from what the mapper remembers. `stateSince`: the
   * availability's StartTime when it decides the state; the connect time of the call the
   * board saw when TALKING; else the receipt time of a state change the board saw; else
   * (the first state heard) the receipt time, marked `stateSinceSeen`.
   */
  function userEvent(id: string, mem: UserMemory, at: number): AgentUpsertEvent {
    const d = deriveRteAgentState(mem.status, mem.availability);
    let since: number;
    let seen = false;
    const start = d.byAvailability && mem.availability?.startTime ? parseDotNetDate(mem.availability.startTime) : undefined;
    if (start !== undefined) since = start;
    else if (d.state === 'TALKING' && mem.call) since = mem.call.since;
    else if (mem.state === d.state && mem.stateSince !== undefined) {
      since = mem.stateSince;
      seen = mem.stateSinceSeen === true;
    } else {
      since = at;
      seen = mem.state === undefined;
    }
    mem.state = d.state;
    mem.stateSince = since;
    mem.stateSinceSeen = seen;
    const name = mem.availability?.userName?.trim() ? mem.availability.userName : undefined;
    const presence = mem.availability?.availability?.trim() || undefined;
    const note = mem.availability?.note?.trim() || undefined;
    const until = presenceEnd(mem.availability?.endTime);
    return {
      kind: 'agent.upsert',
      source: SOURCE,
      at,
      id,
      state: d.state,
      vendorState: vendorStateOf(mem.status, mem.availability),
      stateSince: since,
      ...(d.reasonLabel !== undefined ? { reasonLabel: d.reasonLabel } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(presence !== undefined ? { presence } : {}),
      ...(note !== undefined ? { presenceNote: note } : {}),
      ...(until !== undefined ? { presenceUntil: until } : {}),
      ...(mem.call ? { callSince: mem.call.since } : {}),
      ...(seen ? { stateSinceSeen: true } : {}),
      ...(mem.status?.serving !== undefined ? { serving: mem.status.serving } : {}),
    };
  }

  /** A user's call connected or ended (time on call); an `agent.upsert` once the user's state is known. */
  function mapUserCall(m: RteGenericMessage, at: number): DomainEvent[] {
    const f = m.fields;
    const id = str(f, 'userId') ?? m.entityId;
    const callId = str(f, 'callId');
    const mem: UserMemory = users.get(id) ?? {};
    users.set(id, mem);
    if (USER_CALL_START.has(m.eventName)) {
      if (callId === undefined) return [ingestErrorEvent(SOURCE, 'wrong-type', `${m.eventName} for ${quote(m.entityId)} without a CallId`, at)];
      if (mem.call?.callId !== callId) mem.call = { callId, since: at };
    } else if (mem.call && (callId === undefined || callId === mem.call.callId)) {
      mem.call = undefined;
    } else {
      return [];
    }
    if (mem.state === undefined) return [];
    return [userEvent(id, mem, at)];
  }

  function mapQueueCall(m: RteGenericMessage, step: QueueCallStep, at: number): DomainEvent[] {
    const f = m.fields;
    const callId = str(f, 'callId');
    if (callId === undefined) return [ingestErrorEvent(SOURCE, 'wrong-type', `${m.eventName} for ${quote(m.entityId)} without a CallId`, at)];
    const caller = mask(str(f, 'callerNumber'));
    const agentId = str(f, 'userId');
    const agentName = str(f, 'userName');
    const detail =
      step === 'transferStarted' ? str(f, 'transferTarget')
      : step === 'transferConnected' ? str(f, 'connectedTarget')
      : step === 'overflow' ? (str(f, 'techQueueName') ?? str(f, 'overflowApplet'))
      : (str(f, 'reason') ?? str(f, 'detailedReason'));
    return [
      {
        kind: 'queue.call',
        source: SOURCE,
        at,
        // The subscription's entity is the queue the board follows (QueueId may name the allocating queue).
        queueId: m.entityId,
        callId,
        step,
        ...(caller !== undefined ? { callerNumber: caller } : {}),
        ...(agentId !== undefined ? { agentId } : {}),
        ...(agentName !== undefined ? { agentName } : {}),
        ...(detail !== undefined ? { detail } : {}),
      },
    ];
  }

  function mapGeneric(m: RteGenericMessage, at: number): DomainEvent[] {
    const f = m.fields;
    const step = QUEUE_CALL_STEPS[m.eventName];
    if (step !== undefined) return mapQueueCall(m, step, at);
    if (USER_CALL_START.has(m.eventName) || USER_CALL_END.has(m.eventName)) {
      const out = mapUserCall(m, at);
      // Shown when it moved the user's time on call; else (overflow, transfer, a call the
      // board did not see connect, a user whose state is not known yet) counted as a notice.
      const shown = out.length > 0 && out.every((e) => e.kind === 'agent.upsert') && !/Overflow|Transfer/.test(m.eventName);
      return shown ? out : [...out, notice(m, at)];
    }
    switch (m.eventName) {
      case 'QueueAttachedUsers': {
        const members: QueueMember[] = [];
        for (const u of list(f, 'attachedUsers')) {
          const agentId = str(u, 'userId');
          if (agentId === undefined) continue;
          const priority = num(u, 'priority');
          members.push({ agentId, active: bool(u, 'active') ?? false, ...(priority !== undefined ? { priority } : {}) });
        }
        return [{ kind: 'queue.members', source: SOURCE, at, queueId: m.entityId, members }];
      }
      case 'UserAlert': {
        const userId = str(f, 'userId') ?? m.entityId;
        const condition = str(f, 'conditionName') ?? str(f, 'conditionExpression') ?? 'Alert';
        const id = str(f, 'alertId') ?? `${userId}:${condition}`;
        const expression = str(f, 'conditionExpression');
        const threshold = str(f, 'conditionValue');
        const value = str(f, 'value');
        return [
          {
            kind: 'alarm.raise',
            source: SOURCE,
            at,
            id,
            condition,
            severity: 'alarm',
            entityId: userId,
            ...(expression !== undefined ? { expression } : {}),
            ...(threshold !== undefined ? { threshold } : {}),
            ...(value !== undefined ? { value } : {}),
          },
        ];
      }
      case 'UserQueueAlert': {
        const queueId = str(f, 'queueId') ?? m.entityId;
        const queueName = str(f, 'queueName');
        return [
          {
            kind: 'alarm.raise',
            source: SOURCE,
            at,
            id: `queue:${queueId}`,
            condition: queueName ?? queueId,
            severity: 'warn',
            entityId: queueId,
            ...(queueName !== undefined ? { entityName: queueName } : {}),
          },
        ];
      }
      case 'CallbackListStatus': {
        const figures: { -readonly [K in keyof CallbackListFigures]: CallbackListFigures[K] } = {};
        const put = (k: keyof CallbackListFigures, prop: string) => {
          const v = countOf(f, prop);
          if (v !== undefined) (figures as Record<string, number>)[k] = v;
        };
        put('open', 'totalOpenRequests');
        put('assigned', 'totalAssigned');
        put('freeForAllocation', 'totalFreeForAllocation');
        put('overdue', 'totalOverDueDate');
        put('dueNextHour', 'nextHourOverDueDate');
        put('expiringToday', 'expiresIn24h');
        put('servingAgents', 'totalServingAgents');
        put('activeAgents', 'totalActiveAgents');
        const auto = bool(f, 'isAutoAllocate');
        if (auto !== undefined) figures.autoAllocate = auto;
        return [{ kind: 'callbackList.status', source: SOURCE, at, id: m.entityId, figures }];
      }
      case 'CallbackChanged': {
        const id = str(f, 'callBackId');
        if (id === undefined) return [ingestErrorEvent(SOURCE, 'wrong-type', `CallbackChanged for ${quote(m.entityId)} without a CallBackId`, at)];
        const attempts = list(f, 'callbackAttempts');
        const lastAttemptAt = date(f, 'lastAttemptTimestamp');
        const item: { -readonly [K in keyof CallbackItem]: CallbackItem[K] } = {
          id,
          attempts: attempts.length,
          modifiedAt: date(f, 'modified') ?? at,
        };
        const contactName = str(f, 'contactName');
        const contactNumber = mask(str(f, 'contactNumber'));
        const assignedUserId = str(f, 'assignedUserId');
        const dueAt = date(f, 'dueDate');
        const expiresAt = date(f, 'expiryDate');
        const note = str(f, 'lastAttemptNote');
        const typeId = num(f, 'typeId');
        if (contactName !== undefined) item.contactName = contactName;
        if (contactNumber !== undefined) item.contactNumber = contactNumber;
        if (assignedUserId !== undefined) item.assignedUserId = assignedUserId;
        if (dueAt !== undefined) item.dueAt = dueAt;
        if (expiresAt !== undefined) item.expiresAt = expiresAt;
        if (lastAttemptAt !== undefined) item.lastAttemptAt = lastAttemptAt;
        if (note !== undefined) item.lastAttemptNote = note;
        if (typeId !== undefined) item.typeId = typeId;
        return [{ kind: 'callback.changed', source: SOURCE, at, id: m.entityId, item }];
      }
      default:
        return [notice(m, at)];
    }
  }

  function notice(m: RteGenericMessage, at: number): DomainEvent {
    return { kind: 'vendor.notice', source: SOURCE, at, eventName: m.eventName, entityId: m.entityId };
  }

  return {
    message(result, at) {
      try {
        if (!result.ok) return [ingestErrorEvent(SOURCE, result.issue.code, result.issue.message, at)];
        const m = result.message;
        if (opts.isSubscribed && !opts.isSubscribed(m.eventName.toLowerCase(), m.entityId.trim().toLowerCase()))
          return [ingestErrorEvent(SOURCE, 'unsubscribed', `${m.eventName} for ${quote(m.entityId)}, which the board did not subscribe`, at)];
        const out: DomainEvent[] = result.issues.map((i) => ingestErrorEvent(SOURCE, i.code, i.message, at));
        if (m.eventName === 'QueueStatus') out.push(...mapQueueStatus(m, at, opts.maxWaitTimeUnit));
        else if (m.eventName === 'UserStatus' || m.eventName === 'UserAvailability') out.push(...mapUser(m, at));
        else out.push(...mapGeneric(m, at));
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
