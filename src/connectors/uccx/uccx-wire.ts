/**
 * The UCCX Report Server resource's wire (openmethods-uccx-report-server.txt, "UCCX Report
 * Server Resource Messages"; NOTES.md §5): the three requests as the vendor's JSON, the
 * success / `confirm` / failure responses, and the six team status events. Pure functions;
 * nothing here throws on vendor input (a bad message is an outcome with a reason).
 */
import type { BrokerFailure, ReplyOutcome } from '../stomp/request-reply';
import { quote } from '../transport/events';
import { TEAM_MEMBER_STATUSES, TEAM_MEMBER_TYPES, type CallJourneyStep, type TeamMemberStatus, type TeamMemberType } from '../../domain';

/** The report commands (vendor "Report Requests"). */
export type UccxCommand = 'report.calljourney' | 'report.teamstatus.begin' | 'report.teamstatus.end';

/** The team status event names (vendor "Report Events"). */
export const UCCX_EVENT_NAMES = [
  'report.teamstatus.teamadded',
  'report.teamstatus.teamchanged',
  'report.teamstatus.teamremoved',
  'report.teamstatus.memberadded',
  'report.teamstatus.memberstatuschanged',
  'report.teamstatus.memberremoved',
] as const;

/** One of {@link UCCX_EVENT_NAMES}. */
export type UccxEventName = (typeof UCCX_EVENT_NAMES)[number];

/** A request's argument is unusable (nothing is sent). */
export class UccxArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UccxArgumentError';
  }
}

/** A request as sent: the command and its JSON body (`{"command":…,"data":{…}}`). */
export interface UccxRequest {
  readonly command: UccxCommand;
  readonly body: string;
}

function nonEmpty(what: string, v: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new UccxArgumentError(`${what} must be a non-empty string`);
  return v;
}

/**
 * `report.calljourney` (vendor "report.calljourney — Request"): `{"command":"report.calljourney","data":{"CallId":"…"}}`.
 * @throws UccxArgumentError when `callId` is empty
 */
export function callJourneyRequest(callId: string): UccxRequest {
  const command = 'report.calljourney';
  return { command, body: JSON.stringify({ command, data: { CallId: nonEmpty('CallId', callId.trim()) } }) };
}

/**
 * `report.teamstatus.begin` (vendor "report.teamstatus.begin — Request"): `{"command":…,"data":{"agentId":"…"}}`.
 * @throws UccxArgumentError when `agentId` is empty
 */
export function teamStatusBeginRequest(agentId: string): UccxRequest {
  const command = 'report.teamstatus.begin';
  return { command, body: JSON.stringify({ command, data: { agentId: nonEmpty('agentId', agentId) } }) };
}

/**
 * `report.teamstatus.end` (vendor "report.teamstatus.end — Request", same shape as begin).
 * @throws UccxArgumentError when `agentId` is empty
 */
export function teamStatusEndRequest(agentId: string): UccxRequest {
  const command = 'report.teamstatus.end';
  return { command, body: JSON.stringify({ command, data: { agentId: nonEmpty('agentId', agentId) } }) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Record<string, unknown>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

/**
 * Reads a response to `command` (vendor "Success Response" / "Failure Response"; NOTES.md §5
 * adds `confirm`):
 * - `result: "success"` or `"confirm"` → `readData(data)` (what it throws counts as malformed);
 *   `confirm` is read as an accepted request (the vendor documents no `confirm` body);
 * - `result: "failure"` → a negative outcome with `failure{code, message, context}`
 *   (`original`, the echoed request, is not needed and not kept);
 * - anything else (not JSON, another command, no `result`) → malformed, with the reason.
 */
export function decodeUccxResponse<T>(command: UccxCommand, body: string, readData: (data: unknown) => T): ReplyOutcome<T> {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return { ok: false, malformed: `not JSON: ${quote(body.slice(0, 60))}` };
  }
  if (!isObject(v)) return { ok: false, malformed: 'not a JSON object' };
  const cmd = own(v, 'command');
  if (cmd !== command) return { ok: false, malformed: `answers ${quote(String(cmd))}, not ${command}` };
  const result = own(v, 'result');
  if (result === 'success' || result === 'confirm') return { ok: true, value: readData(own(v, 'data')) };
  if (result === 'failure') {
    const f = own(v, 'failure');
    const fo = isObject(f) ? f : {};
    const str = (k: string) => {
      const x = own(fo, k);
      return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined;
    };
    const failure: BrokerFailure = {
      code: quote(str('code') ?? 'unknown'),
      message: quote(str('message') ?? ''),
      ...(str('context') !== undefined ? { context: quote(str('context')) } : {}),
    };
    return { ok: false, negative: `${failure.code}${failure.message ? `: ${failure.message}` : ''}`, failure };
  }
  return { ok: false, malformed: `unknown result ${quote(String(result))}` };
}

/**
 * Reads a duration as UCCX formats it (the vendor calls it a "formatted time value" and shows
 * no example: "report.calljourney — Success Response", `Duration`). Accepted, the board's
 * choice: `H:MM:SS` / `HH:MM:SS` (hours any number of digits), `MM:SS`, each with an
 * optional fraction of a second (`00:01:05.250`), and a plain number of seconds (`65`, `65.25`).
 * @returns milliseconds, or undefined when `text` is none of these (the text is then shown as sent)
 */
export function parseUccxDuration(text: string): number | undefined {
  const t = text.trim();
  let m = /^(?:(\d+):)?([0-5]?\d):([0-5]?\d)(?:[.,](\d{1,3}))?$/.exec(t);
  if (m) {
    const [, h, mi, s, frac] = m;
    const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
    return ((Number(h ?? 0) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + ms;
  }
  m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(t);
  if (m) return Number(m[1]) * 1000 + (m[2] ? Number(m[2].padEnd(3, '0')) : 0);
  return undefined;
}

/**
 * The `data` of a `report.calljourney` success: `{"CallJourney":[{CallId, Device, DeviceType,
 * Description, Duration}, …]}` (strings; a number is taken as its text; a missing field is '').
 * @throws Error when `CallJourney` is not an array or a step is not an object (a malformed reply)
 */
export function readCallJourney(data: unknown): CallJourneyStep[] {
  if (!isObject(data)) throw new Error('data is not an object');
  const list = own(data, 'CallJourney');
  if (!Array.isArray(list)) throw new Error('data.CallJourney is not an array');
  return list.map((s, i) => {
    if (!isObject(s)) throw new Error(`CallJourney[${i}] is not an object`);
    const str = (k: string) => {
      const x = own(s, k);
      return typeof x === 'string' ? x : typeof x === 'number' && Number.isFinite(x) ? String(x) : '';
    };
    const durationText = str('Duration');
    return {
      callId: str('CallId'),
      device: str('Device'),
      deviceType: str('DeviceType'),
      description: str('Description'),
      durationText,
      durationMs: parseUccxDuration(durationText),
    };
  });
}

/** A team member as an event carries it (memberremoved: the id only). */
export interface UccxMember {
  readonly memberId: string;
  readonly memberType?: TeamMemberType;
  readonly memberName?: string;
  readonly status?: TeamMemberStatus;
  /** `reason`; undefined when absent or empty. */
  readonly reason?: string;
}

/** A team status event, read. */
export interface UccxEvent {
  readonly name: UccxEventName;
  /** The supervisor whose report this is (`data.agentId`). */
  readonly agentId: string;
  readonly teamId: string;
  /** `teamName`, when sent. */
  readonly teamName?: string;
  /** The members (teamadded, member… events); undefined for teamchanged / teamremoved. */
  readonly members?: readonly UccxMember[];
  /** Members left out because a field had a wrong value (each a plain-text reason). */
  readonly memberErrors: readonly string[];
}

/** What {@link parseUccxEvent} makes of one message. */
export type UccxEventParse =
  | { readonly ok: true; readonly event: UccxEvent }
  | { readonly ok: false; readonly code: 'malformed-frame' | 'unknown-event' | 'wrong-type'; readonly message: string };

const MEMBER_EVENTS: ReadonlySet<string> = new Set([
  'report.teamstatus.teamadded',
  'report.teamstatus.memberadded',
  'report.teamstatus.memberstatuschanged',
  'report.teamstatus.memberremoved',
]);

function readMember(v: unknown, idOnly: boolean): UccxMember | string {
  if (!isObject(v)) return 'a member is not an object';
  const memberId = own(v, 'memberId');
  if (typeof memberId !== 'string' || memberId === '') return 'a member has no memberId';
  if (idOnly) return { memberId };
  const type = own(v, 'memberType');
  const name = own(v, 'memberName');
  const status = own(v, 'status');
  const reason = own(v, 'reason');
  if (type !== undefined && !(TEAM_MEMBER_TYPES as readonly unknown[]).includes(type)) return `member ${quote(memberId)}: unknown memberType ${quote(type)}`;
  if (status !== undefined && !(TEAM_MEMBER_STATUSES as readonly unknown[]).includes(status)) return `member ${quote(memberId)}: unknown status ${quote(status)}`;
  if (name !== undefined && typeof name !== 'string') return `member ${quote(memberId)}: memberName is not a string`;
  if (reason !== undefined && reason !== null && typeof reason !== 'string' && typeof reason !== 'number') return `member ${quote(memberId)}: reason is not a string`;
  const reasonText = reason === undefined || reason === null ? '' : String(reason);
  return {
    memberId,
    ...(type !== undefined ? { memberType: type as TeamMemberType } : {}),
    ...(name !== undefined ? { memberName: name } : {}),
    ...(status !== undefined ? { status: status as TeamMemberStatus } : {}),
    ...(reasonText !== '' ? { reason: reasonText } : {}),
  };
}

/**
 * Reads one event body (vendor "Report Events": `{"name":"report.teamstatus.…","data":{"agentId":…,
 * "team":{"teamId":…,"teamName":…,"members":[…]}}}`). A member with a wrong value is left out and
 * reported in `memberErrors`; the other members are kept. Never throws.
 */
export function parseUccxEvent(body: string): UccxEventParse {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return { ok: false, code: 'malformed-frame', message: `not JSON: ${quote(body.slice(0, 60))}` };
  }
  if (!isObject(v)) return { ok: false, code: 'malformed-frame', message: 'not a JSON object' };
  const name = own(v, 'name');
  if (typeof name !== 'string') return { ok: false, code: 'malformed-frame', message: 'no event name' };
  if (!(UCCX_EVENT_NAMES as readonly string[]).includes(name)) return { ok: false, code: 'unknown-event', message: `unknown event ${quote(name)}` };
  const data = own(v, 'data');
  const team = isObject(data) ? own(data, 'team') : undefined;
  const agentId = isObject(data) ? own(data, 'agentId') : undefined;
  if (!isObject(data) || typeof agentId !== 'string' || agentId === '') return { ok: false, code: 'wrong-type', message: `${name}: data.agentId is not a non-empty string` };
  if (!isObject(team)) return { ok: false, code: 'wrong-type', message: `${name}: data.team is not an object` };
  const teamId = own(team, 'teamId');
  const teamName = own(team, 'teamName');
  if (typeof teamId !== 'string' || teamId === '') return { ok: false, code: 'wrong-type', message: `${name}: team.teamId is not a non-empty string` };
  if (teamName !== undefined && typeof teamName !== 'string') return { ok: false, code: 'wrong-type', message: `${name}: team.teamName is not a string` };
  const base = { name: name as UccxEventName, agentId, teamId, ...(teamName !== undefined ? { teamName } : {}) };
  if (!MEMBER_EVENTS.has(name)) return { ok: true, event: { ...base, memberErrors: [] } };
  const raw = own(team, 'members');
  if (!Array.isArray(raw)) return { ok: false, code: 'wrong-type', message: `${name}: team.members is not an array` };
  const members: UccxMember[] = [];
  const memberErrors: string[] = [];
  for (const m of raw) {
    const r = readMember(m, name === 'report.teamstatus.memberremoved');
    if (typeof r === 'string') memberErrors.push(r);
    else members.push(r);
  }
  return { ok: true, event: { ...base, members, memberErrors } };
}
