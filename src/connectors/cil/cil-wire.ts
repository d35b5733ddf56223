/**
 * The b+s Connects Integration API (CIL) wire: the event and answer payloads of
 * cil-bs-connects-integration-api.txt, validated where they enter (ARCHITECTURE.md
 * "Validation, once") with `zod/mini` schemas. Unknown extra fields are ignored (the vendor
 * adds fields between versions); a known field of the wrong type, an own `__proto__` key, an
 * unknown event name or an unparseable time is an error, returned, never thrown.
 */
import { z } from '../../domain/zod';
import { DESK_AGENT_STATES, ESCALATION_LEVELS, QUEUE_DATA_STATES, WORK_ITEM_STATES } from '../../domain';
import { quote } from '../transport/events';

/** The CIL event names (document "Events"), as the bridge and the `on<Event>` callbacks name them. */
export const CIL_EVENT_NAMES = [
  'workitemCreate',
  'workitemConnect',
  'workitemPause',
  'workitemResume',
  'workitemWrapup',
  'workitemEnd',
  'callVariableChanged',
  'wrapupDataChanged',
  'agentStateChange',
  'queueDataUpdate',
  'error',
] as const;

/** One CIL event name. */
export type CilEventName = (typeof CIL_EVENT_NAMES)[number];

/** `cil.on<Event>` registration method of each event, e.g. `onWorkitemCreate` (document samples). */
export function registrationOf(name: CilEventName): string {
  return `on${name[0]!.toUpperCase()}${name.slice(1)}`;
}

/** The CIL request names (document "Requests"), the methods of `window.ConnectsIntegrationLibrary`. */
export const CIL_METHODS = [
  'setAgentState',
  'directTransfer',
  'singleStepConference',
  'dialOrConsult',
  'getReasonCodeList',
  'getChannel',
  'sendDtmf',
  'isSendDtmfEnabled',
  'updateWorkitemData',
  'isUpdateWorkitemDataEnabled',
  'setWrapupReason',
] as const;

/** One CIL request name. */
export type CilMethod = (typeof CIL_METHODS)[number];

function hasOwnProto(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, '__proto__');
}

/** An object whose own keys never include `__proto__` (checked before zod, which would drop it). */
const noProto = z.unknown().check(z.refine((v) => !hasOwnProto(v), 'has a "__proto__" key'));

/** A number or a numeric string (reason codes arrive as either). */
const numberLike = z.union([z.number(), z.string()]);

/** A date-time: ISO-8601 text (`2020-07-28T09:51:17.696Z`) or epoch ms. */
const dateTime = z.union([
  z.number(),
  z.string().check(z.refine((s) => s === '' || !Number.isNaN(Date.parse(s)), 'is not a date-time')),
]);

const str = z.optional(z.string());

/** Workitem `ctiData` (document "ctiData"): string values (numbers accepted), no `__proto__` key. */
const ctiData = z.pipe(noProto, z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])));

/** The work-item record of every workitem event (document "Workitem"). */
export const workitemSchema = z.object({
  event: str,
  version: z.optional(z.union([z.string(), z.number()])),
  requestId: z.optional(z.nullable(z.string())),
  agentId: z.optional(z.union([z.string(), z.number()])),
  ani: z.optional(z.nullable(z.string())),
  channelId: str,
  channelType: str,
  classification: str,
  connectedAt: z.optional(z.nullable(dateTime)),
  ctiData: z.optional(z.nullable(ctiData)),
  direction: str,
  id: z.string().check(z.minLength(1, 'must be a non-empty string')),
  state: z.enum(WORK_ITEM_STATES),
});

/** A validated work item as sent. */
export type CilWorkitem = z.output<typeof workitemSchema>;

/** `agentStateChange` (document "agentStateChange"). */
export const agentStateChangeSchema = z.object({
  event: str,
  version: z.optional(z.union([z.string(), z.number()])),
  requestId: z.optional(z.nullable(z.string())),
  channelType: str,
  channelId: z.string().check(z.minLength(1, 'must be a non-empty string')),
  newState: z.enum(DESK_AGENT_STATES),
  newReasonCode: z.optional(z.nullable(numberLike)),
  newReasonCodeLabel: z.optional(z.nullable(z.string())),
  newStateChangeTime: z.optional(z.nullable(dateTime)),
  oldState: z.optional(z.nullable(z.string())),
  oldReasonCode: z.optional(z.nullable(numberLike)),
  oldReasonCodeLabel: z.optional(z.nullable(z.string())),
  oldStateChangeTime: z.optional(z.nullable(dateTime)),
});

/** A validated `agentStateChange`. */
export type CilAgentStateChange = z.output<typeof agentStateChangeSchema>;

const count = z.optional(z.nullable(z.number()));

/** `queueData` item (document "queueData", "statistics"); DELETED items carry only `id`. */
const queueDataItem = z.pipe(
  noProto,
  z.object({
    id: z.string().check(z.minLength(1, 'must be a non-empty string')),
    name: str,
    channel: str,
    escalationLevel: z.optional(z.enum(ESCALATION_LEVELS)),
    statistics: z.optional(
      z.pipe(
        noProto,
        z.object({
          agentsNotReady: count,
          agentsReady: count,
          agentsTalkingInbound: count,
          agentsTalkingInternal: count,
          agentsTalkingOutbound: count,
          agentsWrapUpNotReady: count,
          agentsWrapUpReady: count,
          callsInQueue: count,
          startTimeOfLongestCallInQueue: z.optional(z.nullable(dateTime)),
        }),
      ),
    ),
  }),
);

/** `queueDataUpdate` (document "queueDataUpdate"). */
export const queueDataUpdateSchema = z.object({
  event: str,
  version: z.optional(z.union([z.string(), z.number()])),
  dataState: z.enum(QUEUE_DATA_STATES),
  queueData: z._default(z.array(queueDataItem), []),
});

/** A validated `queueDataUpdate`. */
export type CilQueueDataUpdate = z.output<typeof queueDataUpdateSchema>;

/** `error` (document "error"): `requestId` empty when the source is unknown. */
export const errorSchema = z.object({
  event: str,
  version: z.optional(z.union([z.string(), z.number()])),
  requestId: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  message: z.string(),
});

/** A validated `error` event. */
export type CilError = z.output<typeof errorSchema>;

/** `getReasonCodeList` answer (document "getReasonCodeList" reference). */
export const reasonCodeListSchema = z.array(z.pipe(noProto, z.object({ id: numberLike, label: z.string() })));

/** `getChannel` answer (document "getChannel" and "Channel" references). */
export const getChannelSchema = z.pipe(
  noProto,
  z.object({
    activeDeviceId: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    extension: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    firstName: z.optional(z.nullable(z.string())),
    lastName: z.optional(z.nullable(z.string())),
    agentId: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    loginName: z.optional(z.nullable(z.string())),
    teamId: z.optional(z.nullable(z.union([z.string(), z.number()]))),
    channel: z.pipe(
      noProto,
      z.object({
        id: z.string().check(z.minLength(1, 'must be a non-empty string')),
        type: str,
        state: z.enum(DESK_AGENT_STATES),
        reasonCode: z.optional(z.nullable(numberLike)),
        reasonCodeLabel: z.optional(z.nullable(z.string())),
        stateChangeTime: z.optional(z.nullable(dateTime)),
        workitems: z._default(z.array(z.unknown()), []),
      }),
    ),
  }),
);

/** A validated `getChannel` answer (work items still unvalidated: each goes through {@link workitemSchema}). */
export type CilGetChannel = z.output<typeof getChannelSchema>;

/** A parsed CIL event. */
export type CilEvent =
  | { readonly name: 'workitemCreate' | 'workitemConnect' | 'workitemPause' | 'workitemResume' | 'workitemWrapup' | 'workitemEnd' | 'callVariableChanged' | 'wrapupDataChanged'; readonly data: CilWorkitem }
  | { readonly name: 'agentStateChange'; readonly data: CilAgentStateChange }
  | { readonly name: 'queueDataUpdate'; readonly data: CilQueueDataUpdate }
  | { readonly name: 'error'; readonly data: CilError };

/** Why a payload was refused: a machine code for connection health and a plain-text message. */
export interface CilWireError {
  /** `unknown-event`, `wrong-type` or `hostile-key`. */
  readonly code: string;
  readonly message: string;
}

/** Result of a parse: the value, or why it was refused. */
export type CilParse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CilWireError };

function describe(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
}

/**
 * Validates `data` against `schema`.
 * @param what names the payload in the message, e.g. `agentStateChange`
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, data: unknown, what: string): CilParse<z.output<S>> {
  if (hasOwnProto(data)) return { ok: false, error: { code: 'hostile-key', message: `${what}: has a "__proto__" key` } };
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  const hostile = r.error.issues.some((i) => i.message.includes('__proto__'));
  return { ok: false, error: { code: hostile ? 'hostile-key' : 'wrong-type', message: `${what}: ${describe(r.error)}` } };
}

const WORKITEM_EVENTS: ReadonlySet<string> = new Set([
  'workitemCreate',
  'workitemConnect',
  'workitemPause',
  'workitemResume',
  'workitemWrapup',
  'workitemEnd',
  'callVariableChanged',
  'wrapupDataChanged',
]);

/**
 * Validates one CIL event by its name (document "Events").
 * @param name the event name (the bridge's `name`, or the `on<Event>` callback it came through)
 * @param data the payload as CIL delivered it
 * @returns the typed event, or `unknown-event` / `wrong-type` / `hostile-key` with the field path
 */
export function parseCilEvent(name: unknown, data: unknown): CilParse<CilEvent> {
  if (typeof name !== 'string' || !(CIL_EVENT_NAMES as readonly string[]).includes(name)) {
    return { ok: false, error: { code: 'unknown-event', message: `unknown CIL event ${JSON.stringify(quote(name).slice(0, 78))}` } };
  }
  const n = name as CilEventName;
  if (WORKITEM_EVENTS.has(n)) {
    const r = parseWith(workitemSchema, data, n);
    return r.ok ? { ok: true, value: { name: n as Exclude<CilEventName, 'agentStateChange' | 'queueDataUpdate' | 'error'>, data: r.value } } : r;
  }
  if (n === 'agentStateChange') {
    const r = parseWith(agentStateChangeSchema, data, n);
    return r.ok ? { ok: true, value: { name: n, data: r.value } } : r;
  }
  if (n === 'queueDataUpdate') {
    const r = parseWith(queueDataUpdateSchema, data, n);
    return r.ok ? { ok: true, value: { name: n, data: r.value } } : r;
  }
  const r = parseWith(errorSchema, data, n);
  return r.ok ? { ok: true, value: { name: 'error', data: r.value } } : r;
}

/**
 * Epoch ms of a CIL date-time (ISO text or epoch ms); undefined for null, absent or empty.
 */
export function toEpochMs(v: string | number | null | undefined): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * A CIL reason code as the desk keeps it: a string, or undefined when CIL says "none"
 * (document: "Negative values indicate no code available"), or absent / empty.
 */
export function reasonCodeOf(v: string | number | null | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  if (s === '') return undefined;
  const n = Number(s);
  if (Number.isFinite(n) && n < 0) return undefined;
  return s;
}

/**
 * Unwraps a CIL answer (NOTES.md §2): nothing (`undefined`), a plain value, or
 * `{success, response}`. `{success:false}` is a failure with the response's message.
 * @returns `{ok:true, value}` or `{ok:false, message}`
 */
export function unwrapAnswer(raw: unknown): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string } {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && typeof (raw as { success?: unknown }).success === 'boolean') {
    const r = raw as { success: boolean; response?: unknown };
    if (r.success) return { ok: true, value: r.response };
    const resp = r.response;
    const message =
      typeof resp === 'string'
        ? resp
        : typeof resp === 'object' && resp !== null && typeof (resp as { message?: unknown }).message === 'string'
          ? (resp as { message: string }).message
          : 'the request failed';
    return { ok: false, message };
  }
  return { ok: true, value: raw };
}
