/**
 * Parser of Business ConneCT adapter events as the UIP relay puts them on the broker
 * (bct-business-connect-adapter.txt "Events"; the envelope is ours, NOTES.md §4):
 * `{"adapter":"BusinessConnect","instance":"<adapter instance>","event":"RouterStatus",
 * "timestamp":"<ISO-8601>","properties":{…the adapter's fields, as it sends them…}}`.
 *
 * The adapter sends numbers as strings (`queueLength`, `maxWaitingTime` in seconds) and dates
 * as `8/5/2018 3:37:13 PM` (parsed by {@link parseBctDate} in a configured time zone). The
 * parser never throws: it answers a typed {@link BctParseResult}. A field of the wrong type is
 * an issue beside the event and left out (the other fields stand); a message without its
 * identifying field (a router's name, a session id) is refused whole. Vendor text is kept as
 * text; nothing is ever interpreted as markup.
 */
import { parse as parseDate, isValid } from 'date-fns';
import { tz } from '@date-fns/tz';

/** Machine codes of BCT parse problems (they become `ingest.error` codes). */
export type BctIssueCode = 'malformed-frame' | 'unknown-event' | 'wrong-type' | 'missing-field' | 'hostile-key';

/** One parse problem; `message` is plain text. */
export interface BctIssue {
  readonly code: BctIssueCode;
  readonly message: string;
}

/** The relay's envelope (NOTES.md §4). */
export interface BctEnvelope {
  readonly adapter: string;
  readonly instance: string;
  readonly event: string;
  /** The relay's ISO-8601 time, epoch ms, when it sent one that parses. */
  readonly timestamp?: number;
}

/** Router Status (RouterStatus): counts as whole numbers, `maxWaitingTime` in seconds. */
export interface BctRouterStatus {
  readonly event: 'RouterStatus';
  readonly routerName: string;
  readonly maxWaitingTime?: number;
  readonly queueLength?: number;
  readonly idleAgents?: number;
  readonly loggedOnAgents?: number;
  readonly notReadyAgents?: number;
  readonly workingAgents?: number;
  readonly activeAgents?: number;
  readonly inactiveAgents?: number;
}

/** Connection Status (ConnectionStatus): the adapter's own connection to BCT. */
export interface BctConnectionStatus {
  readonly event: 'ConnectionStatus';
  /** True: the adapter is connected to BCT. */
  readonly status: boolean;
  readonly bctServerAddress?: string;
  readonly bctServerPort?: string;
}

/** One BCT alarm, as AlarmNotification and the GetCurrentAlarms answer carry it. */
export interface BctAlarm {
  /** The 4-digit alarm id, e.g. `2101`. */
  readonly id: string;
  /** The raising process, e.g. `[Monitoring Service]`. */
  readonly source: string;
  readonly message: string;
  /** The vendor's `dateTime` as sent (`8/5/2018 3:37:13 PM`). */
  readonly dateTime: string;
}

/** Alarm Notification (AlarmNotification): raised, or resolved when `resolved`. */
export interface BctAlarmNotification extends BctAlarm {
  readonly event: 'AlarmNotification';
  readonly resolved: boolean;
  /** Unresolved alarms after this one, when sent as a whole number. */
  readonly activeAlarms?: number;
}

/** Emergency Call Event (EmergencyCall). */
export interface BctEmergencyCall {
  readonly event: 'EmergencyCall';
  readonly calledEmergencyNumber: string;
  readonly callingNumber: string;
  readonly callerName: string;
  readonly callerLocation: string;
}

/** Web Chat Request (WebChatRequest). */
export interface BctWebChatRequest {
  readonly event: 'WebChatRequest';
  readonly sessionId: string;
  readonly initiator: string;
  readonly email: string;
  readonly router: string;
  readonly language: string;
}

/** Web Chat Message (WebChatMessage). */
export interface BctWebChatMessage {
  readonly event: 'WebChatMessage';
  readonly sessionId: string;
  readonly message: string;
  readonly senderName: string;
  readonly isSenderAgent: boolean;
  readonly agentRequested: boolean;
  readonly agentJoined: boolean;
  readonly externalId?: string;
}

/** Web Chat Choice Answer (WebChatChoiceAnswer). */
export interface BctWebChatChoiceAnswer {
  readonly event: 'WebChatChoiceAnswer';
  readonly sessionId: string;
  readonly choiceAnswer: string;
  readonly senderName: string;
  readonly externalId?: string;
}

/** Web Chat Session Ended (WebChatSessionEnded). */
export interface BctWebChatSessionEnded {
  readonly event: 'WebChatSessionEnded';
  readonly sessionId: string;
  readonly externalId?: string;
}

/** Every adapter event the vendor documents. */
export type BctEvent =
  | BctRouterStatus
  | BctConnectionStatus
  | BctAlarmNotification
  | BctEmergencyCall
  | BctWebChatRequest
  | BctWebChatMessage
  | BctWebChatChoiceAnswer
  | BctWebChatSessionEnded;

/** What {@link parseBctEvent} answers. */
export type BctParseResult =
  | { readonly ok: true; readonly envelope: BctEnvelope; readonly event: BctEvent; readonly issues: readonly BctIssue[] }
  | { readonly ok: false; readonly envelope?: BctEnvelope; readonly issue: BctIssue };

/** The event names of the vendor document, in its order. */
export const BCT_EVENT_NAMES = [
  'RouterStatus',
  'ConnectionStatus',
  'AlarmNotification',
  'EmergencyCall',
  'WebChatRequest',
  'WebChatMessage',
  'WebChatChoiceAnswer',
  'WebChatSessionEnded',
] as const;

const MAX_QUOTE = 80;
const q = (v: unknown): string => {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return JSON.stringify(clean.length > MAX_QUOTE ? `${clean.slice(0, MAX_QUOTE)}…` : clean);
};

type Props = Readonly<Record<string, unknown>>;

/** Reads fields of one event's `properties`, collecting issues. */
class Reader {
  readonly issues: BctIssue[] = [];
  constructor(
    private readonly p: Props,
    private readonly event: string,
  ) {}

  private has(k: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.p, k) && this.p[k] !== null && this.p[k] !== undefined;
  }

  /** A string field; absent → `fallback`; a number is taken as its decimal text; anything else is an issue. */
  text(k: string, fallback = ''): string {
    if (!this.has(k)) return fallback;
    const v = this.p[k];
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    this.issues.push({ code: 'wrong-type', message: `${this.event}.${k}: expected text, got ${q(v)}` });
    return fallback;
  }

  /** An optional string field (absent or empty → undefined). */
  optText(k: string): string | undefined {
    const v = this.text(k);
    return v === '' ? undefined : v;
  }

  /** A required non-empty string field, or undefined (the caller refuses the message). */
  required(k: string): string | undefined {
    const v = this.text(k).trim();
    return v === '' ? undefined : v;
  }

  /** A whole number ≥ 0 sent as a string (or a number); absent or empty → undefined; anything else is an issue. */
  count(k: string): number | undefined {
    if (!this.has(k)) return undefined;
    const v = this.p[k];
    const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
    if (s === '') return undefined;
    if (s !== undefined && /^\d{1,9}$/.test(s)) return Number(s);
    this.issues.push({ code: 'wrong-type', message: `${this.event}.${k}: expected a whole number, got ${q(v)}` });
    return undefined;
  }

  /** A boolean sent as `true`/`false` or as the strings `"true"`/`"false"` (any case); absent → `fallback`. */
  bool(k: string, fallback = false): boolean {
    if (!this.has(k)) return fallback;
    const v = this.p[k];
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
    this.issues.push({ code: 'wrong-type', message: `${this.event}.${k}: expected true or false, got ${q(v)}` });
    return fallback;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasProtoKey(v: Record<string, unknown>): boolean {
  return Object.prototype.hasOwnProperty.call(v, '__proto__');
}

/**
 * Reads one alarm object (AlarmNotification properties, or an element of GetCurrentAlarms'
 * `alarms`): `id` is required.
 * @returns the alarm, or undefined when `id` is missing (an issue says so)
 */
export function readBctAlarm(p: Props, issues: BctIssue[], where = 'alarm'): BctAlarm | undefined {
  const r = new Reader(p, where);
  const id = r.required('id');
  const alarm = { id: id ?? '', source: r.text('source'), message: r.text('message'), dateTime: r.text('dateTime') };
  issues.push(...r.issues);
  if (!id) {
    issues.push({ code: 'missing-field', message: `${where}: no id` });
    return undefined;
  }
  return alarm;
}

function readEvent(name: string, p: Props): { event?: BctEvent; issues: BctIssue[] } {
  const r = new Reader(p, name);
  const refuse = (field: string) => ({ issues: [...r.issues, { code: 'missing-field' as const, message: `${name}: no ${field}` }] });
  switch (name) {
    case 'RouterStatus': {
      const routerName = r.required('routerName');
      if (!routerName) return refuse('routerName');
      const ev: BctRouterStatus = {
        event: 'RouterStatus',
        routerName,
        ...opt('maxWaitingTime', r.count('maxWaitingTime')),
        ...opt('queueLength', r.count('queueLength')),
        ...opt('idleAgents', r.count('idleAgents')),
        ...opt('loggedOnAgents', r.count('loggedOnAgents')),
        ...opt('notReadyAgents', r.count('notReadyAgents')),
        ...opt('workingAgents', r.count('workingAgents')),
        ...opt('activeAgents', r.count('activeAgents')),
        ...opt('inactiveAgents', r.count('inactiveAgents')),
      };
      return { event: ev, issues: r.issues };
    }
    case 'ConnectionStatus': {
      if (!Object.prototype.hasOwnProperty.call(p, 'status')) return refuse('status');
      const status = r.bool('status');
      if (r.issues.length) return { issues: r.issues };
      return {
        event: { event: 'ConnectionStatus', status, ...opt('bctServerAddress', r.optText('bctServerAddress')), ...opt('bctServerPort', r.optText('bctServerPort')) },
        issues: r.issues,
      };
    }
    case 'AlarmNotification': {
      const issues: BctIssue[] = [];
      const alarm = readBctAlarm(p, issues, name);
      const resolved = r.bool('resolved');
      const activeAlarms = r.count('activeAlarms');
      issues.push(...r.issues);
      if (!alarm) return { issues };
      return { event: { event: 'AlarmNotification', ...alarm, resolved, ...opt('activeAlarms', activeAlarms) }, issues };
    }
    case 'EmergencyCall': {
      const calledEmergencyNumber = r.required('calledEmergencyNumber');
      if (!calledEmergencyNumber) return refuse('calledEmergencyNumber');
      return {
        event: { event: 'EmergencyCall', calledEmergencyNumber, callingNumber: r.text('callingNumber').trim(), callerName: r.text('callerName').trim(), callerLocation: r.text('callerLocation').trim() },
        issues: r.issues,
      };
    }
    case 'WebChatRequest': {
      const sessionId = r.required('sessionId');
      if (!sessionId) return refuse('sessionId');
      return {
        event: { event: 'WebChatRequest', sessionId, initiator: r.text('initiator'), email: r.text('email'), router: r.text('router'), language: r.text('language') },
        issues: r.issues,
      };
    }
    case 'WebChatMessage': {
      const sessionId = r.required('sessionId');
      if (!sessionId) return refuse('sessionId');
      return {
        event: {
          event: 'WebChatMessage',
          sessionId,
          message: r.text('message'),
          senderName: r.text('senderName'),
          isSenderAgent: r.bool('isSenderAgent'),
          agentRequested: r.bool('agentRequested'),
          agentJoined: r.bool('agentJoined'),
          ...opt('externalId', r.optText('externalId')),
        },
        issues: r.issues,
      };
    }
    case 'WebChatChoiceAnswer': {
      const sessionId = r.required('sessionId');
      if (!sessionId) return refuse('sessionId');
      return {
        event: { event: 'WebChatChoiceAnswer', sessionId, choiceAnswer: r.text('choiceAnswer'), senderName: r.text('senderName'), ...opt('externalId', r.optText('externalId')) },
        issues: r.issues,
      };
    }
    case 'WebChatSessionEnded': {
      const sessionId = r.required('sessionId');
      if (!sessionId) return refuse('sessionId');
      return { event: { event: 'WebChatSessionEnded', sessionId, ...opt('externalId', r.optText('externalId')) }, issues: r.issues };
    }
    default:
      return { issues: [{ code: 'unknown-event', message: `unknown Business ConneCT event ${q(name)}` }] };
  }
}

function opt<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}

/**
 * Parses one broker message body (the relay's JSON envelope). Event names are matched
 * case-insensitively to the vendor's spelling.
 */
export function parseBctEvent(body: string): BctParseResult {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return { ok: false, issue: { code: 'malformed-frame', message: `not JSON: ${q(body)}` } };
  }
  if (!isRecord(v)) return { ok: false, issue: { code: 'malformed-frame', message: `not an object: ${q(body)}` } };
  if (hasProtoKey(v) || (isRecord(v['properties']) && hasProtoKey(v['properties']))) {
    return { ok: false, issue: { code: 'hostile-key', message: 'a __proto__ key in the message' } };
  }
  const rawName = v['event'];
  if (typeof rawName !== 'string' || rawName.trim() === '') return { ok: false, issue: { code: 'malformed-frame', message: 'no event name' } };
  const name = BCT_EVENT_NAMES.find((n) => n.toLowerCase() === rawName.trim().toLowerCase()) ?? rawName.trim();
  const ts = typeof v['timestamp'] === 'string' ? Date.parse(v['timestamp']) : Number.NaN;
  const envelope: BctEnvelope = {
    adapter: typeof v['adapter'] === 'string' ? v['adapter'] : '',
    instance: typeof v['instance'] === 'string' ? v['instance'] : '',
    event: name,
    ...(Number.isFinite(ts) ? { timestamp: ts } : {}),
  };
  const props = v['properties'] ?? {};
  if (!isRecord(props)) return { ok: false, envelope, issue: { code: 'malformed-frame', message: `${name}: properties is not an object` } };
  const { event, issues } = readEvent(name, props);
  if (!event) {
    const [first, ...rest] = issues;
    return { ok: false, envelope, issue: first ? { code: first.code, message: [first.message, ...rest.map((i) => i.message)].join('; ') } : { code: 'malformed-frame', message: name } };
  }
  return { ok: true, envelope, event, issues };
}

/** The vendor's date format (`8/5/2018 3:37:13 PM`, bct doc "Get Current Alarms", "Alarm Notification"). */
export const BCT_DATE_FORMAT = 'M/d/yyyy h:mm:ss a';

/**
 * Parses the vendor's date text (`8/5/2018 3:37:13 PM`) as a wall-clock time in `timeZone`.
 * @param timeZone IANA time zone name of the BCT server, e.g. `Europe/Berlin`
 * @returns epoch ms, or undefined when the text is not in that format or the zone is unknown
 */
export function parseBctDate(text: string, timeZone: string): number | undefined {
  const s = text.trim();
  if (!s) return undefined;
  try {
    const d = parseDate(s, BCT_DATE_FORMAT, new Date(0), { in: tz(timeZone) });
    return isValid(d) ? d.getTime() : undefined;
  } catch {
    return undefined;
  }
}
