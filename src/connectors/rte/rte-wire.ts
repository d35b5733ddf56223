/**
 * Validator of what the Enreach RTE hub sends (rte-enreach-realtime-engine-signalr.txt:
 * "Subscribing to events" — the `MessageReceived` handler and `RTEMessage {Subscription,
 * Data}`; "Subscription validation and authorization" — the result items; every "Event:"
 * table of the "User", "Queue" and "CallList" sections and the "Misc:" helper tables, as
 * transcribed in `rte-tables.ts`).
 *
 * Property names AND event names are read case-insensitively: the vendor's own example
 * result is camelCase with a lower-cased event name, its tables are PascalCase, and ASP.NET
 * Core serialises camelCase by default (NOTES.md §1). Keys `__proto__`, `constructor`,
 * `prototype` are never read (reported as `hostile-key`). Nothing here throws: wrong input
 * becomes a typed failure or an issue beside the parsed value.
 */
import type { SubscriptionResult } from '../../domain';
import { RTE_EVENT_TABLES, RTE_MISC_TABLES, type RteEventName, type RteKind, type RteTable } from './rte-tables';

/** Machine codes of RTE wire problems (they become `ingest.error` codes). */
export type RteIssueCode = 'malformed-frame' | 'unknown-event' | 'wrong-type' | 'hostile-key' | 'no-valid-field';

/** One wire problem; `message` is plain text. */
export interface RteIssue {
  readonly code: RteIssueCode;
  readonly message: string;
}

/** Event names the wallboard maps, in the vendor's spelling: every event of the vendor document. */
export type { RteEventName } from './rte-tables';

/** A JSON value of a validated property: text, number, boolean, `null` (a nullable vendor type) or a list of validated helper objects. */
export type RteValue = string | number | boolean | null | readonly RteFields[];

/** Validated properties of one event or helper object, keyed by the camelCase property name. */
export type RteFields = Readonly<Record<string, RteValue>>;

/** Events carried as {@link RteGenericMessage} (all but QueueStatus, UserStatus, UserAvailability). */
export type RteGenericEventName = Exclude<RteEventName, 'QueueStatus' | 'UserStatus' | 'UserAvailability'>;

/**
 * Any other event of the vendor document ("User", "Queue", "CallList" sections): its valid
 * properties in `fields` (camelCase name → value as sent; DateTimes as the vendor's text,
 * lists as arrays of validated helper objects). A property absent or wrong-typed on the
 * wire is absent here.
 */
export interface RteGenericMessage {
  readonly eventName: RteGenericEventName;
  /** `subscription.entityId` of the message. */
  readonly entityId: string;
  readonly fields: RteFields;
}

/**
 * QueueStatus data (rte doc "Event: QueueStatus"); a property absent or wrong-typed on the
 * wire is absent here. Counts are numbers as sent; `maxWaitTime` in the unit configured
 * (`maxWaitTimeUnit`, seconds by default).
 */
export interface RteQueueStatus {
  readonly eventName: 'QueueStatus';
  /** `subscription.entityId` of the message. */
  readonly entityId: string;
  readonly maxWaitTime?: number;
  readonly nbrOfAgentsCheckedInQueue?: number;
  readonly nbrOfAgentsImmediatelyFree?: number;
  readonly nbrOfAgentsLongTermAway?: number;
  readonly nbrOfAgentsOnWrapUp?: number;
  readonly nbrOfAgentsShortTermAway?: number;
  readonly nbrOfAllocated?: number;
  readonly nbrOfConnected?: number;
  readonly nbrOfNotServedRequesters?: number;
  readonly nbrOfProviders?: number;
  readonly nbrOfQueuingRequesters?: number;
  readonly nbrOfRequesters?: number;
  readonly nbrOfServingAgentsEstimate?: number;
  /** 0..6, see domain `QueueOpenStatus`. */
  readonly openStatus?: number;
  readonly organizationId?: string;
  readonly queueId?: string;
  readonly queueName?: string;
}

/** UserStatus data (rte doc "Event: UserStatus"). `wrapUpEnd` is `null` when no wrap-up is active. */
export interface RteUserStatus {
  readonly eventName: 'UserStatus';
  readonly entityId: string;
  readonly activeQueues?: number;
  readonly available?: boolean;
  readonly canBeAllocatedTo?: boolean;
  readonly organizationId?: string;
  readonly parkedCalls?: number;
  readonly schedule?: boolean;
  readonly serviceTerminals?: number;
  readonly serving?: boolean;
  readonly servingCallback?: boolean;
  readonly talking?: boolean;
  readonly userId?: string;
  /** DateTime text, or null (the vendor type is `DateTime?`). */
  readonly wrapUpEnd?: string | null;
}

/** UserAvailability data (rte doc "Event: UserAvailability"). DateTimes as the vendor's text. */
export interface RteUserAvailability {
  readonly eventName: 'UserAvailability';
  readonly entityId: string;
  /** `Available`, `Busy`, `DoNotDisturb`, `OffWork` (as sent; compare case-insensitively). */
  readonly availability?: string;
  readonly endTime?: string;
  readonly eventSource?: string;
  readonly note?: string;
  readonly organizationId?: string;
  readonly profileId?: string;
  readonly startTime?: string;
  readonly userId?: string;
  readonly userName?: string;
}

/** A validated `MessageReceived` message. */
export type RteMessage = RteQueueStatus | RteUserStatus | RteUserAvailability | RteGenericMessage;

/** Result of {@link parseMessageReceived}. */
export type RteParseResult =
  | { readonly ok: true; readonly message: RteMessage; readonly issues: readonly RteIssue[] }
  | { readonly ok: false; readonly issue: RteIssue; readonly eventName?: string; readonly entityId?: string };

/** Result of {@link parseSubscriptionResults}: the valid items, and a problem per invalid one. */
export interface RteSubscriptionParse {
  readonly results: readonly SubscriptionResult[];
  readonly issues: readonly RteIssue[];
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const QUOTE_MAX = 120;

function q(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = Object.prototype.toString.call(v);
    }
  }
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX)}…` : s;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The own enumerable properties of `obj` in a `Map` keyed by lower-cased name.
 * Forbidden keys are skipped and reported as `hostile-key` in `issues`.
 */
export function lowerKeyed(obj: Record<string, unknown>, issues: RteIssue[], where: string): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const k of Object.keys(obj)) {
    const lk = k.toLowerCase();
    if (FORBIDDEN.has(lk)) {
      issues.push({ code: 'hostile-key', message: `${where}: forbidden key "${q(k)}" ignored` });
      continue;
    }
    m.set(lk, Object.getOwnPropertyDescriptor(obj, k)?.value);
  }
  return m;
}

/** Event name (lower-cased) → vendor spelling and table. Built once from the vendor tables. */
const TABLES: ReadonlyMap<string, { name: RteEventName; table: RteTable }> = new Map(
  (Object.keys(RTE_EVENT_TABLES) as RteEventName[]).map((name) => [name.toLowerCase(), { name, table: RTE_EVENT_TABLES[name] as RteTable }]),
);

/**
 * Parses a .NET DateTime as sent in JSON (ISO-8601, up to 7 fraction digits, with or
 * without offset; without one it is read as local time, as `Date.parse` does).
 * @returns epoch ms, or undefined when not a parseable date
 */
export function parseDotNetDate(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(ms) ? ms : undefined;
}

/** Most items read from one vendor list (a hostile list is cut, and the cut reported). */
const MAX_LIST_ITEMS = 500;

type Checked = { ok: true; value: RteValue } | { ok: false; why: string };

function check(kind: RteKind, v: unknown, issues: RteIssue[], where: string): Checked {
  const nullable = kind.endsWith('?');
  if (v === null) return nullable ? { ok: true, value: null } : { ok: false, why: `is null (${kind})` };
  switch (kind) {
    case 'int':
    case 'int?':
      return typeof v === 'number' && Number.isFinite(v) ? { ok: true, value: v } : { ok: false, why: `is not a number` };
    case 'boolean':
    case 'boolean?':
      return typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, why: 'is not a boolean' };
    case 'string':
    case 'guid':
    case 'guid?':
      return typeof v === 'string' ? { ok: true, value: v } : { ok: false, why: `is not a ${kind.replace('?', '')}` };
    case 'datetime':
    case 'datetime?':
      return typeof v === 'string' && parseDotNetDate(v) !== undefined ? { ok: true, value: v } : { ok: false, why: 'is not a datetime' };
    default: {
      const misc = kind.slice('list:'.length) as keyof typeof RTE_MISC_TABLES;
      if (!Array.isArray(v)) return { ok: false, why: `is not a list of ${misc}` };
      const table = RTE_MISC_TABLES[misc] as RteTable;
      const items: RteFields[] = [];
      const arr = v as unknown[];
      if (arr.length > MAX_LIST_ITEMS) issues.push({ code: 'wrong-type', message: `${where}: list of ${arr.length} ${misc} cut to ${MAX_LIST_ITEMS}` });
      arr.slice(0, MAX_LIST_ITEMS).forEach((item, i) => {
        if (!isRecord(item)) {
          issues.push({ code: 'wrong-type', message: `${where}[${i}]: ${misc} is not an object: ${q(item)}` });
          return;
        }
        const fields = readTable(table, lowerKeyed(item, issues, `${where}[${i}]`), issues, `${where}[${i}]`);
        if (Object.keys(fields).length > 0) items.push(fields);
      });
      return { ok: true, value: items };
    }
  }
}

/**
 * Reads the documented properties of `table` from `d` (lower-cased keys), each checked
 * against its kind; wrong-typed ones are left out and reported as `wrong-type`.
 * Undocumented properties are ignored. Output keys are camelCase.
 */
function readTable(table: RteTable, d: Map<string, unknown>, issues: RteIssue[], where: string): Record<string, RteValue> {
  const out: Record<string, RteValue> = Object.create(null) as Record<string, RteValue>;
  for (const [prop, kind] of Object.entries(table)) {
    const lk = prop.toLowerCase();
    if (!d.has(lk)) continue;
    const v = d.get(lk);
    if (v === undefined) continue;
    // .NET strings are nullable references: a null text is simply absent.
    if (v === null && kind === 'string') continue;
    const r = check(kind, v, issues, `${where}.${prop}`);
    if (r.ok) out[camel(prop)] = r.value;
    else issues.push({ code: 'wrong-type', message: `${where}: ${prop} = ${q(v)} ${r.why}` });
  }
  return { ...out };
}

const camel = (pascal: string) => pascal.charAt(0).toLowerCase() + pascal.slice(1);

/**
 * Validates the argument of a `MessageReceived` invocation:
 * `{subscription: {entityId, eventName}, data: {…}}` (any casing of every name).
 * Every event of the vendor document is read with its table (`rte-tables.ts`).
 * Failures: `malformed-frame` (not an object, no subscription / entityId / eventName / data),
 * `unknown-event` (an event name the document does not list), `no-valid-field` (not one
 * documented property with a valid value: such a message creates nothing).
 * QueueStatus, UserStatus and UserAvailability come flat (`RteQueueStatus`, …); every other
 * event as {@link RteGenericMessage} with its properties in `fields`.
 * A property of the wrong type (per the vendor table) is left out and reported as a
 * `wrong-type` issue; undocumented properties are ignored; `__proto__`-like keys are reported
 * as `hostile-key` issues. `data` sent as a JSON string is accepted.
 */
export function parseMessageReceived(arg: unknown): RteParseResult {
  const issues: RteIssue[] = [];
  if (!isRecord(arg)) return { ok: false, issue: { code: 'malformed-frame', message: `MessageReceived argument is not an object: ${q(arg)}` } };
  const top = lowerKeyed(arg, issues, 'message');
  const sub = top.get('subscription');
  if (!isRecord(sub)) return { ok: false, issue: { code: 'malformed-frame', message: 'MessageReceived without a subscription object' } };
  const s = lowerKeyed(sub, issues, 'subscription');
  const eventName = s.get('eventname');
  const entityId = s.get('entityid');
  if (typeof eventName !== 'string' || eventName.trim() === '')
    return { ok: false, issue: { code: 'malformed-frame', message: 'MessageReceived without a subscription eventName' } };
  if (typeof entityId !== 'string' || entityId.trim() === '')
    return { ok: false, eventName, issue: { code: 'malformed-frame', message: `${q(eventName)} message without a subscription entityId` } };
  const spec = TABLES.get(eventName.toLowerCase());
  if (!spec)
    return { ok: false, eventName, entityId, issue: { code: 'unknown-event', message: `unsupported RTE event "${q(eventName)}" for ${q(entityId)}` } };
  let data = top.get('data');
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      /* reported below */
    }
  }
  if (!isRecord(data))
    return { ok: false, eventName, entityId, issue: { code: 'malformed-frame', message: `${spec.name} for ${q(entityId)} without a data object` } };
  const d = lowerKeyed(data, issues, spec.name);
  const where = `${spec.name} for ${q(entityId)}`;
  const out = readTable(spec.table, d, issues, where);
  if (Object.keys(out).length === 0) {
    const detail = issues.length > 0 ? `: ${issues.map((i) => i.message).join('; ')}` : '';
    const text = `${where} has no valid property${detail}`;
    return { ok: false, eventName: spec.name, entityId, issue: { code: 'no-valid-field', message: text.length > 300 ? `${text.slice(0, 300)}…` : text } };
  }
  if (spec.name === 'QueueStatus' || spec.name === 'UserStatus' || spec.name === 'UserAvailability')
    return { ok: true, issues, message: { ...out, eventName: spec.name, entityId } as RteMessage };
  return { ok: true, issues, message: { eventName: spec.name, entityId, fields: out } };
}

/**
 * Validates a `Subscribe` / `Unsubscribe` answer (rte doc "Subscription validation and
 * authorization": `[{"subscribed":true,"message":null,"entityId":"…","eventName":"…"}]`).
 * Items that are not `{subscribed: boolean, message?: string|null, entityId: string,
 * eventName: string}` are skipped and reported as `wrong-type`; a non-array answer is one
 * `malformed-frame` issue. `eventName` is kept as sent (the hub lower-cases it).
 */
export function parseSubscriptionResults(payload: unknown): RteSubscriptionParse {
  const issues: RteIssue[] = [];
  if (!Array.isArray(payload)) {
    return { results: [], issues: [{ code: 'malformed-frame', message: `subscription answer is not an array: ${q(payload)}` }] };
  }
  const results: SubscriptionResult[] = [];
  payload.forEach((item: unknown, i) => {
    if (!isRecord(item)) {
      issues.push({ code: 'wrong-type', message: `subscription result #${i + 1} is not an object: ${q(item)}` });
      return;
    }
    const m = lowerKeyed(item, issues, `subscription result #${i + 1}`);
    const subscribed = m.get('subscribed');
    const message = m.get('message');
    const entityId = m.get('entityid');
    const eventName = m.get('eventname');
    if (
      typeof subscribed !== 'boolean' ||
      typeof entityId !== 'string' ||
      typeof eventName !== 'string' ||
      !(message === undefined || message === null || typeof message === 'string')
    ) {
      issues.push({ code: 'wrong-type', message: `subscription result #${i + 1} has wrong types: ${q(item)}` });
      return;
    }
    results.push({ entityId, eventName, subscribed, ...(typeof message === 'string' ? { message } : {}) });
  });
  return { results, issues };
}
