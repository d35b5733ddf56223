/**
 * Business ConneCT adapter commands as the UIP relay takes them from the broker
 * (bct-business-connect-adapter.txt "Commands"; the envelope is ours, NOTES.md §4):
 * `{"command":"SetAgentNotReady","instance":"…","properties":{"agentName":"…","reason":"…"}}`,
 * answered `{"command":"…","isSuccess":true|false, …response fields…}` with the same
 * correlation id (the request/reply client in `connectors/stomp/request-reply.ts` matches it).
 */
import type { StompInbound } from '../stomp/stomp-session';
import type { ReplyOutcome } from '../stomp/request-reply';
import { readBctAlarm, type BctAlarm, type BctIssue } from './bct-wire';

/** A command ready to send: its name (for error texts) and its JSON body. */
export interface BctCommand {
  readonly command: string;
  readonly body: string;
}

/** Raised by a builder for arguments the adapter would refuse (before anything is sent). */
export class BctArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BctArgumentError';
  }
}

function build(command: string, instance: string, properties: Record<string, string | boolean>): BctCommand {
  return { command, body: JSON.stringify({ command, instance, properties }) };
}

function need(name: string, v: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new BctArgumentError(`${name} is required`);
  return v;
}

/** Get Current Alarms (GetCurrentAlarms): every unresolved BCT alarm. */
export function getCurrentAlarms(instance: string): BctCommand {
  return build('GetCurrentAlarms', instance, {});
}

/**
 * Set Agent Ready (SetAgentReady).
 * @param agentName the agent's BCT login name
 * @throws BctArgumentError when `agentName` is empty
 */
export function setAgentReady(instance: string, agentName: string): BctCommand {
  return build('SetAgentReady', instance, { agentName: need('agentName', agentName) });
}

/**
 * Set Agent Not Ready (SetAgentNotReady), with a reason configured in BCT (the vendor: an
 * empty or unknown reason makes BCT switch the agent Not Ready without one).
 * @throws BctArgumentError when `agentName` is empty
 */
export function setAgentNotReady(instance: string, agentName: string, reason?: string): BctCommand {
  return build('SetAgentNotReady', instance, { agentName: need('agentName', agentName), ...(reason ? { reason } : {}) });
}

/** Arguments of {@link routeMessage} (bct doc "Route Message"). */
export interface RouteMessageArgs {
  readonly message: string;
  readonly starterName?: string;
  readonly routerName?: string;
  readonly senderName?: string;
  readonly senderEmail?: string;
}

/**
 * Route Message (RouteMessage): a text message to a starter or a router (a starter takes
 * precedence, as the vendor says).
 * @throws BctArgumentError when the message is empty or neither a starter nor a router is named
 */
export function routeMessage(instance: string, a: RouteMessageArgs): BctCommand {
  need('message', a.message);
  if (!a.starterName?.trim() && !a.routerName?.trim()) throw new BctArgumentError('a starter or a router is required');
  const props: Record<string, string> = { message: a.message };
  for (const k of ['starterName', 'routerName', 'senderName', 'senderEmail'] as const) {
    const v = a[k]?.trim();
    if (v) props[k] = v;
  }
  return build('RouteMessage', instance, props);
}

/** Send Web Chat Response (SendWebChatResponse): accept, or reject with a reason. */
export function sendWebChatResponse(instance: string, a: { sessionId: string; name: string; rejected?: boolean; reason?: string; externalId?: string }): BctCommand {
  return build('SendWebChatResponse', instance, {
    sessionId: need('sessionId', a.sessionId),
    name: need('name', a.name),
    ...(a.rejected ? { rejected: true } : {}),
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.externalId ? { externalId: a.externalId } : {}),
  });
}

/** Send Web Chat Message (SendWebChatMessage). */
export function sendWebChatMessage(instance: string, a: { sessionId: string; message: string; onlyToAgent?: boolean; externalId?: string }): BctCommand {
  return build('SendWebChatMessage', instance, {
    message: need('message', a.message),
    sessionId: need('sessionId', a.sessionId),
    ...(a.onlyToAgent ? { onlyToAgent: true } : {}),
    ...(a.externalId ? { externalId: a.externalId } : {}),
  });
}

/**
 * Send Web Chat Choice (SendWebChatChoice): the options are sent pipe-separated, as the vendor
 * wants, so an option may not contain `|`.
 * @throws BctArgumentError when there is no option, an option is empty or contains `|`
 */
export function sendWebChatChoice(instance: string, a: { sessionId: string; options: readonly string[]; externalId?: string }): BctCommand {
  if (a.options.length === 0) throw new BctArgumentError('at least one choice option is required');
  for (const o of a.options) {
    if (o.trim() === '') throw new BctArgumentError('a choice option is empty');
    if (o.includes('|')) throw new BctArgumentError('a choice option may not contain "|"');
  }
  return build('SendWebChatChoice', instance, {
    sessionId: need('sessionId', a.sessionId),
    choiceOptions: a.options.join('|'),
    ...(a.externalId ? { externalId: a.externalId } : {}),
  });
}

/** Request An Agent For Web Chat Session (RequestAgentForWebChatSession); a starter takes precedence over a router. */
export function requestAgentForWebChatSession(instance: string, a: { sessionId: string; starterName?: string; routerName?: string }): BctCommand {
  return build('RequestAgentForWebChatSession', instance, {
    sessionId: need('sessionId', a.sessionId),
    ...(a.starterName?.trim() ? { starterName: a.starterName.trim() } : {}),
    ...(a.routerName?.trim() ? { routerName: a.routerName.trim() } : {}),
  });
}

/** Leave Web Chat Session (LeaveWebChatSession). */
export function leaveWebChatSession(instance: string, sessionId: string): BctCommand {
  return build('LeaveWebChatSession', instance, { sessionId: need('sessionId', sessionId) });
}

/** A parsed successful reply: its fields as sent. */
export type BctReply = Readonly<Record<string, unknown>>;

/**
 * Reads a reply (NOTES.md §4): `isSuccess` must be a boolean (`true`/`false`, or those words
 * as strings); `false` is a negative answer whose text is the reply's `message` or `error`
 * when the relay sends one.
 */
export function decodeBctReply(reply: StompInbound): ReplyOutcome<BctReply> {
  let v: unknown;
  try {
    v = JSON.parse(reply.body);
  } catch {
    return { ok: false, malformed: 'not JSON' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, malformed: 'not an object' };
  const r = v as Record<string, unknown>;
  const s = r['isSuccess'];
  const ok = s === true || (typeof s === 'string' && s.toLowerCase() === 'true');
  const no = s === false || (typeof s === 'string' && s.toLowerCase() === 'false');
  if (!ok && !no) return { ok: false, malformed: 'no isSuccess true or false' };
  if (no) {
    const why = [r['message'], r['error']].find((x): x is string => typeof x === 'string' && x.trim() !== '');
    return { ok: false, negative: why ?? 'isSuccess: false' };
  }
  return { ok: true, value: r };
}

/** The GetCurrentAlarms answer: the unresolved alarms and what could not be read. */
export interface BctCurrentAlarms {
  readonly activeAlarms?: number;
  readonly alarms: readonly BctAlarm[];
  readonly issues: readonly BctIssue[];
}

/**
 * Reads the GetCurrentAlarms answer (bct doc "Get Current Alarms": `activeAlarms` as a string,
 * `alarms` an array, empty when no alarm is active). An alarm without an id is left out and
 * reported.
 */
export function decodeCurrentAlarms(reply: StompInbound): ReplyOutcome<BctCurrentAlarms> {
  const base = decodeBctReply(reply);
  if (!base.ok) return base;
  const list = base.value['alarms'] ?? [];
  if (!Array.isArray(list)) return { ok: false, malformed: 'alarms is not an array' };
  const issues: BctIssue[] = [];
  const alarms: BctAlarm[] = [];
  for (const a of list) {
    if (typeof a !== 'object' || a === null || Array.isArray(a) || Object.prototype.hasOwnProperty.call(a, '__proto__')) {
      issues.push({ code: 'wrong-type', message: 'GetCurrentAlarms: an alarm is not an object' });
      continue;
    }
    const alarm = readBctAlarm(a as Record<string, unknown>, issues, 'GetCurrentAlarms.alarms');
    if (alarm) alarms.push(alarm);
  }
  const n = base.value['activeAlarms'];
  const active = typeof n === 'string' && /^\d{1,9}$/.test(n.trim()) ? Number(n.trim()) : typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
  return { ok: true, value: { alarms, issues, ...(active !== undefined ? { activeAlarms: active } : {}) } };
}
