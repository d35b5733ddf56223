/**
 * The one runtime schema of the {@link DomainEvent} union (zod 4, `zod/mini` through
 * `./zod`, which installs zod's English messages), checked once, where
 * events enter the wallboard: the connector edge (`connectors/transport/edge.ts`,
 * `guardEmit`). Reducers behind it trust the types (ARCHITECTURE.md "Validation, once").
 *
 * The TypeScript types in `events.ts` stay the source of truth; this schema is checked
 * against them at compile time (see the assertions at the end of this file): what the
 * schema accepts is assignable to `DomainEvent`, and it covers every kind of the union.
 *
 * What it enforces beyond the types' shapes:
 * - every event object and nested object (`stats`, `error`, subscription results) is
 *   strict: an unknown key is an error (a typo in a connector, or a hostile key such as
 *   an own `__proto__`);
 * - numbers are finite (zod 4 `z.number()` refuses NaN and ±Infinity);
 * - entity ids, snapshot ids, team member ids and error codes are non-empty strings;
 * - `source` is a known {@link SourceId}; `state` a known {@link AgentState};
 * - string records (`queue.upsert` `extra`) refuse an own `__proto__` key and non-string values.
 * `null` is not "absent": optional fields are `undefined` or of their type.
 */
import { z } from './zod';
import { AGENT_STATES } from './agent';
import { CONNECTION_STATUSES } from './connection';
import { DESK_AGENT_STATES, ESCALATION_LEVELS, QUEUE_DATA_STATES, WORK_ITEM_STATES } from './desk';
import type { DomainEvent, DomainEventKind } from './events';
import { QUEUE_STAT_KEYS } from './queue';
import { ROUTER_COUNT_KEYS } from './router';
import { ALARM_SEVERITIES } from './alarm';
import { QUEUE_CALL_STEPS } from './call';
import { SOURCE_IDS, type SourceId } from './source';
import { TEAM_MEMBER_STATUSES, TEAM_MEMBER_TYPES } from './team';

type Assert<T extends true> = T;

const id = z.string().check(z.minLength(1, 'must be a non-empty string'));
/** Epoch ms (or any finite number: zod 4 refuses NaN and ±Infinity). */
const finite = z.number();
const text = z.string();

function hasOwnProtoKey(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, '__proto__');
}

/**
 * `schema` behind a guard that refuses an own `__proto__` key (zod's records would drop it
 * silently): for records built from vendor keys.
 */
function withoutProtoKey<S extends z.core.$ZodType>(schema: S) {
  return z.pipe(z.unknown().check(z.refine((v) => !hasOwnProtoKey(v), 'has a "__proto__" key')), schema);
}

/** A string → string record that refuses an own `__proto__` key. */
const safeStringRecord = withoutProtoKey(z.record(z.string(), z.string()));

/**
 * A strict object (an unknown key is an error) parsed by zod core's compiled object parser
 * (`$ZodObjectJIT`), the one classic zod's objects use. `z.strictObject` of `zod/mini`
 * walks the shape generically, which made the edge check 2.5 to 3 times slower per event
 * (`npm run bench`, "edge"). Same accepted inputs, output, issues and messages; without
 * `eval` (a strict CSP) zod falls back to the generic walk by itself.
 * @param shape the object's keys and their schemas
 */
function strictObject<const T extends z.core.$ZodLooseShape>(shape: T): z.core.$ZodObject<T, z.core.$strict> {
  return new z.core.$ZodObjectJIT({ type: 'object', shape, catchall: z.never() }) as unknown as z.core.$ZodObject<T, z.core.$strict>;
}

const envelope = {
  source: z.enum(SOURCE_IDS),
  at: finite,
  vendorTime: z.optional(finite),
};

const agentUpsert = strictObject({
  kind: z.literal('agent.upsert'),
  ...envelope,
  id,
  name: z.optional(text),
  state: z.optional(z.enum(AGENT_STATES)),
  vendorState: z.optional(text),
  reasonCodeId: z.optional(text),
  reasonLabel: z.optional(text),
  stateSince: z.optional(finite),
  pendingState: z.optional(text),
  extension: z.optional(text),
  teamId: z.optional(text),
  isSupervisor: z.optional(z.boolean()),
  presence: z.optional(text),
  presenceNote: z.optional(text),
  presenceUntil: z.optional(finite),
  callSince: z.optional(finite),
  stateSinceSeen: z.optional(z.boolean()),
  serving: z.optional(z.boolean()),
});

const agentRemove = strictObject({ kind: z.literal('agent.remove'), ...envelope, id });

/**
 * Queue statistics: a partial record over the known keys (`QUEUE_STAT_KEYS`, from which
 * `QueueStats` is derived; an unknown key is an error; only the keys present are visited,
 * so sparse statistics stay cheap), finite numbers, and no own `__proto__` key.
 */
const queueStats = withoutProtoKey(z.partialRecord(z.enum(QUEUE_STAT_KEYS), z.optional(finite)));

const queueUpsert = strictObject({
  kind: z.literal('queue.upsert'),
  ...envelope,
  id,
  name: z.optional(text),
  stats: queueStats,
  extra: z.optional(safeStringRecord),
  replaceStats: z.optional(z.boolean()),
});

const queueRemove = strictObject({ kind: z.literal('queue.remove'), ...envelope, id });

const teamUpsert = strictObject({
  kind: z.literal('team.upsert'),
  ...envelope,
  id,
  name: z.optional(text),
  memberIds: z.optional(z.array(id)),
  owner: z.optional(id),
});

const teamMemberPatch = strictObject({
  id,
  name: z.optional(text),
  type: z.optional(z.enum(TEAM_MEMBER_TYPES)),
  status: z.optional(z.enum(TEAM_MEMBER_STATUSES)),
  reasonCode: z.optional(text),
  reasonLabel: z.optional(text),
});
const teamMembers = strictObject({
  kind: z.literal('team.members'),
  ...envelope,
  id,
  name: z.optional(text),
  owner: z.optional(id),
  members: z.array(teamMemberPatch),
  replace: z.boolean(),
});
const teamMembersRemove = strictObject({ kind: z.literal('team.membersRemove'), ...envelope, id, memberIds: z.array(id) });
const teamRemove = strictObject({ kind: z.literal('team.remove'), ...envelope, id, owner: z.optional(id) });
const teamForget = strictObject({ kind: z.literal('team.forget'), ...envelope, owner: id });

const snapshot = strictObject({
  kind: z.literal('snapshot'),
  ...envelope,
  entity: z.enum(['agent', 'queue']),
  ids: z.array(id),
});

const connectionStatus = strictObject({
  kind: z.literal('connection.status'),
  ...envelope,
  status: z.enum(CONNECTION_STATUSES),
  reason: z.optional(text),
});

const ingestError = strictObject({
  kind: z.literal('ingest.error'),
  ...envelope,
  error: strictObject({ code: id, message: text, at: finite }),
});

const subscriptionResult = strictObject({
  kind: z.literal('subscription.result'),
  ...envelope,
  results: z.array(
    strictObject({
      entityId: text,
      eventName: text,
      subscribed: z.boolean(),
      message: z.optional(text),
    }),
  ),
});

const routerStats = withoutProtoKey(z.partialRecord(z.enum([...ROUTER_COUNT_KEYS, 'maxWaitingSince']), z.optional(finite)));

const routerUpsert = strictObject({
  kind: z.literal('router.upsert'),
  ...envelope,
  id,
  stats: routerStats,
});

const emergencyCall = strictObject({
  kind: z.literal('emergency.call'),
  ...envelope,
  id,
  calledNumber: text,
  callingNumber: text,
  callerName: z.optional(text),
  callerLocation: z.optional(text),
});

const count = z.number().check(z.int(), z.nonnegative());

const queueCall = strictObject({
  kind: z.literal('queue.call'),
  ...envelope,
  queueId: id,
  callId: id,
  step: z.enum(QUEUE_CALL_STEPS),
  callerNumber: z.optional(text),
  agentId: z.optional(id),
  agentName: z.optional(text),
  detail: z.optional(text),
});

const queueDayStats = strictObject({
  kind: z.literal('queue.dayStats'),
  ...envelope,
  stats: strictObject({
    queueId: id,
    day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
    since: finite,
    offered: count,
    answered: count,
    abandoned: count,
    shortAbandoned: count,
    overflowed: count,
    transferred: count,
    answeredWithinThreshold: count,
    avgWaitSec: z.optional(finite),
    serviceLevelPct: z.optional(finite),
    thresholdSec: finite,
    shortAbandonSec: finite,
    unseen: z.array(z.tuple([finite, finite])),
  }),
});

const queueMembers = strictObject({
  kind: z.literal('queue.members'),
  ...envelope,
  queueId: id,
  members: z.array(strictObject({ agentId: id, active: z.boolean(), priority: z.optional(finite) })),
});

const alarmRaise = strictObject({
  kind: z.literal('alarm.raise'),
  ...envelope,
  id,
  vendorId: z.optional(text),
  condition: text,
  expression: z.optional(text),
  threshold: z.optional(text),
  value: z.optional(text),
  entityId: z.optional(text),
  entityName: z.optional(text),
  severity: z.enum(ALARM_SEVERITIES),
});

const alarmClear = strictObject({ kind: z.literal('alarm.clear'), ...envelope, id });

const alarmReconcile = strictObject({ kind: z.literal('alarm.reconcile'), ...envelope, activeIds: z.array(id) });

const adapterStatus = strictObject({
  kind: z.literal('adapter.status'),
  ...envelope,
  adapter: id,
  connected: z.boolean(),
  detail: z.optional(text),
});

const callbackListStatus = strictObject({
  kind: z.literal('callbackList.status'),
  ...envelope,
  id,
  figures: strictObject({
    open: z.optional(count),
    assigned: z.optional(count),
    freeForAllocation: z.optional(count),
    overdue: z.optional(count),
    dueNextHour: z.optional(count),
    expiringToday: z.optional(count),
    servingAgents: z.optional(count),
    activeAgents: z.optional(count),
    autoAllocate: z.optional(z.boolean()),
  }),
});

const callbackChanged = strictObject({
  kind: z.literal('callback.changed'),
  ...envelope,
  id,
  item: strictObject({
    id,
    contactName: z.optional(text),
    contactNumber: z.optional(text),
    assignedUserId: z.optional(text),
    dueAt: z.optional(finite),
    expiresAt: z.optional(finite),
    lastAttemptAt: z.optional(finite),
    lastAttemptNote: z.optional(text),
    attempts: count,
    typeId: z.optional(finite),
    modifiedAt: finite,
  }),
});

const vendorNotice = strictObject({ kind: z.literal('vendor.notice'), ...envelope, eventName: id, entityId: text });

const phonebookList = strictObject({
  kind: z.literal('phonebook.list'),
  ...envelope,
  owner: id,
  scope: z.enum(['agent', 'team']),
  phonebooks: z.array(strictObject({ id, name: text, type: text })),
});

const phonebookContacts = strictObject({
  kind: z.literal('phonebook.contacts'),
  ...envelope,
  phonebookId: id,
  contacts: z.array(strictObject({ id, firstName: text, lastName: text, phoneNumber: text, description: text })),
});

const deskChannel = strictObject({
  kind: z.literal('desk.channel'),
  ...envelope,
  id,
  channelType: z.optional(text),
  state: z.enum(DESK_AGENT_STATES),
  reasonCode: z.optional(text),
  reasonLabel: z.optional(text),
  stateSince: z.optional(finite),
  requestId: z.optional(text),
});

const deskWorkItem = strictObject({
  kind: z.literal('desk.workitem'),
  ...envelope,
  id,
  state: z.optional(z.enum(WORK_ITEM_STATES)),
  channelId: z.optional(text),
  direction: z.optional(text),
  ani: z.optional(text),
  classification: z.optional(text),
  connectedAt: z.optional(finite),
  queueName: z.optional(text),
  wrapUpReason: z.optional(text),
  callVariables: z.optional(safeStringRecord),
});

const deskQueue = strictObject({
  id,
  name: z.optional(text),
  channel: z.optional(text),
  escalation: z.optional(z.enum(ESCALATION_LEVELS)),
  callsInQueue: z.optional(finite),
  longestCallSince: z.optional(finite),
  agentsReady: z.optional(finite),
  agentsNotReady: z.optional(finite),
  agentsTalking: z.optional(finite),
  agentsWrapUp: z.optional(finite),
});

const deskQueues = strictObject({
  kind: z.literal('desk.queues'),
  ...envelope,
  dataState: z.enum(QUEUE_DATA_STATES),
  queues: z.array(deskQueue),
});

const deskSync = strictObject({
  kind: z.literal('desk.sync'),
  ...envelope,
  agent: z.optional(
    strictObject({
      agentId: z.optional(text),
      firstName: z.optional(text),
      lastName: z.optional(text),
      loginName: z.optional(text),
      extension: z.optional(text),
      teamId: z.optional(text),
    }),
  ),
  workItemIds: z.array(id),
});

const deskNotice = strictObject({
  kind: z.literal('desk.notice'),
  ...envelope,
  message: text,
  requestId: z.optional(text),
});

const chatBase = { ...envelope, sessionId: id, instance: text, externalId: z.optional(text) };
const chatRequest = strictObject({ kind: z.literal('chat.request'), ...chatBase, initiator: text, email: text, router: text, language: text });
const chatMessage = strictObject({
  kind: z.literal('chat.message'),
  ...chatBase,
  message: text,
  senderName: text,
  isSenderAgent: z.boolean(),
  agentRequested: z.boolean(),
  agentJoined: z.boolean(),
});
const chatChoiceAnswer = strictObject({ kind: z.literal('chat.choiceAnswer'), ...chatBase, choiceAnswer: text, senderName: text });
const chatEnded = strictObject({ kind: z.literal('chat.ended'), ...chatBase });
const chatAction = strictObject({
  kind: z.literal('chat.action'),
  ...chatBase,
  action: z.enum(['accepted', 'rejected', 'message', 'choice', 'agentRequested', 'left']),
  text: z.optional(text),
  senderName: text,
});

/** The zod schema of the whole {@link DomainEvent} union, discriminated on `kind`. */
export const domainEventSchema = z.discriminatedUnion('kind', [
  agentUpsert,
  agentRemove,
  queueUpsert,
  queueRemove,
  teamUpsert,
  snapshot,
  connectionStatus,
  ingestError,
  subscriptionResult,
  routerUpsert,
  emergencyCall,
  queueCall,
  queueDayStats,
  queueMembers,
  alarmRaise,
  alarmReconcile,
  adapterStatus,
  alarmClear,
  callbackListStatus,
  callbackChanged,
  vendorNotice,
  phonebookList,
  phonebookContacts,
  deskChannel,
  deskWorkItem,
  deskQueues,
  deskSync,
  deskNotice,
  chatRequest,
  chatMessage,
  chatChoiceAnswer,
  chatEnded,
  chatAction,
  teamMembers,
  teamMembersRemove,
  teamRemove,
  teamForget,
]);

/** Result of {@link checkDomainEvent}. */
export type DomainEventCheck =
  | { readonly ok: true; readonly event: DomainEvent }
  | {
      readonly ok: false;
      /** The event's `source` when it names a known one (even if the rest is broken). */
      readonly source?: SourceId;
      /** Plain text naming the kind and the field path, e.g. `queue.upsert: stats.callsWaiting: Invalid input: expected number, received string`. */
      readonly reason: string;
    };

const MAX_REASON_CHARS = 300;

function describe(input: unknown, error: z.core.$ZodError): string {
  const kind =
    typeof input === 'object' && input !== null && typeof (input as { kind?: unknown }).kind === 'string'
      ? (input as { kind: string }).kind.slice(0, 40)
      : undefined;
  const parts = error.issues.slice(0, 3).map((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'invalid_union' && path === 'kind') return `kind: unknown event kind ${JSON.stringify(kind ?? null)}`;
    if (i.code === 'unrecognized_keys') return `${path ? `${path}: ` : ''}unknown key(s) ${i.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    return `${path || '(event)'}: ${i.message}`;
  });
  if (error.issues.length > 3) parts.push(`… ${error.issues.length - 3} more`);
  // eslint-disable-next-line no-control-regex
  const reason = `${kind ?? 'event'}: ${parts.join('; ')}`.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
}

/**
 * Checks one value against {@link domainEventSchema}. Never throws.
 * @returns `{ ok: true, event }` with the *same* object that was passed in (the schema
 *   transforms nothing), or `{ ok: false, source?, reason }` where `reason` is plain text
 *   naming the kind and the field path of the first problems (at most 300 characters;
 *   vendor text in it is never rendered as HTML) and `source` is the input's `source`
 *   when that names a known source.
 */
export function checkDomainEvent(e: unknown): DomainEventCheck {
  const r = domainEventSchema.safeParse(e);
  if (r.success) return { ok: true, event: e as DomainEvent };
  const raw = typeof e === 'object' && e !== null ? (e as { source?: unknown }).source : undefined;
  const source = (SOURCE_IDS as readonly unknown[]).includes(raw) ? (raw as SourceId) : undefined;
  const reason = describe(e, r.error);
  return source === undefined ? { ok: false, reason } : { ok: false, source, reason };
}

// --- compile-time checks: the types in events.ts are the source of truth -----------------

type Parsed = z.infer<typeof domainEventSchema>;
/** Whatever the schema accepts is a DomainEvent. */
export type SchemaIsAssignableToDomainEvent = Assert<Parsed extends DomainEvent ? true : false>;
/** The schema covers every kind of the union (a kind added to events.ts and not here fails). */
export type SchemaCoversEveryKind = Assert<[Exclude<DomainEventKind, Parsed['kind']>] extends [never] ? true : false>;
