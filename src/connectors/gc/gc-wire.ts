/**
 * Parser of Generic Connector event bodies (gc-generic-connector-activemq.txt, "Event:
 * AgentInfo", "Event: State", "Event: QueueList", "Event: TeamUsersList"; NOTES.md §3;
 * docs/CONTRACTS.md "GC wire").
 *
 * A body is `<loginId>#<EventName>#…`. `,` `#` `|` never occur inside names, ids or
 * passwords (the vendor forbids them), so they are the delimiters. The parser never throws:
 * it answers a typed {@link GcParseResult}; problems that do not spoil the whole message
 * (an unparseable pair, a wrong-typed number) are reported as `issues` beside the event.
 * Keyed data lives in `Map`s (or null-prototype objects), so a `__proto__` key is only a key.
 */

/** Machine codes of GC parse problems (they become `ingest.error` codes). */
export type GcIssueCode =
  | 'malformed-frame'
  | 'unknown-event'
  | 'wrong-field-count'
  | 'wrong-type'
  | 'hostile-key'
  | 'missing-id';

/** One parse problem. `message` is plain text (vendor text quoted, never HTML). */
export interface GcIssue {
  readonly code: GcIssueCode;
  readonly message: string;
}

/**
 * A team of the supervisor form of AgentInfo. The vendor's template shows `<team_id><team_name>`
 * run together; real bodies carry a separator: `<id>,<name>` or `<id>:<name>` are read as well
 * (NOTES.md §3; ids are digits, and `,` `#` `|` never occur in names).
 */
export interface GcTeam {
  readonly id: string;
  readonly name: string;
}

/**
 * Event: AgentInfo, both forms (gc doc "Event: AgentInfo"):
 * agent `<id>#AgentInfo#<first>#<last>#<Is_Supervisor>#<wrap_up_mode>#<teamId>#<full>#<login>` (9 fields),
 * supervisor `…#<wrap_up_mode>#TotalNumberOfTeams:N#<t1>|<t2>…#<teamId>#<full>#<login>` (11 fields).
 */
export interface GcAgentInfo {
  readonly event: 'AgentInfo';
  readonly loginId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly isSupervisor: boolean;
  readonly wrapUpMode: string;
  readonly teamId: string;
  readonly fullName: string;
  readonly loginName: string;
  /** Supervisor form only: the `TotalNumberOfTeams:N` count as sent. */
  readonly totalNumberOfTeams?: number;
  /** Supervisor form only: the teams, in the order sent. */
  readonly teams?: readonly GcTeam[];
}

/**
 * Event: State, 13 fields (gc doc "Event: State"):
 * `<id>#State#<state>#<reasonCodeId>#<StateChangeTimeString>#<PendingState>#<StateChangeTime>#<full>#<id>#<ext>#<reason label>#<full>#<login>`.
 * All values are the vendor's text, unconverted.
 */
export interface GcState {
  readonly event: 'State';
  readonly loginId: string;
  /** Finesse state, e.g. `NOT_READY`, `RESERVED_OUTBOUND`. */
  readonly state: string;
  /** `-1` the first time, empty on READY (NOTES.md §3). */
  readonly reasonCodeId: string;
  /** Field 5: the state change time as text (ISO-8601 in the simulator). */
  readonly stateChangeTimeString: string;
  readonly pendingState: string;
  /** Field 7: the state change time, epoch milliseconds as text. */
  readonly stateChangeTime: string;
  readonly fullName: string;
  /** Field 9: the login id repeated. */
  readonly agentLoginId: string;
  readonly extension: string;
  /** Field 11: the state change reason label. */
  readonly reasonLabel: string;
  readonly loginName: string;
}

/** Event: QueueList (our contract, NOTES.md §3): one `Map` of `key → value` per `|`-separated queue, keys as sent. */
export interface GcQueueList {
  readonly event: 'QueueList';
  readonly loginId: string;
  readonly queues: readonly ReadonlyMap<string, string>[];
}

/** Event: TeamUsersList: one `Map` per `|`-separated user, keys lower-cased (the vendor's keys are matched case-insensitively). */
export interface GcTeamUsersList {
  readonly event: 'TeamUsersList';
  readonly loginId: string;
  readonly users: readonly ReadonlyMap<string, string>[];
}

/** Error event `<loginId>#Error#<CODE>#<message>` (NOTES.md §3, guess). */
export interface GcErrorEvent {
  readonly event: 'Error';
  readonly loginId: string;
  /** e.g. `USER_NOT_FOUND`, `WRONG_EXTENSION`, `GENERAL_ERROR`. */
  readonly code: string;
  readonly message: string;
}

/** One phonebook of a Phonebooks / TeamPhoneBooks event (`name:<n>,type:<t>,id:<i>`). */
export interface GcPhonebook {
  readonly id: string;
  readonly name: string;
  readonly type: string;
}

/**
 * Event: Phonebook (`<loginId>#Phonebooks#name:…,type:…,id:…`, or `…#NoPhoneBookFound`) and
 * Event: TeamPhoneBooks (`<loginId>#TeamPhoneBooks#…`, or `…#NoTeamPhoneBookFound`), gc doc
 * "Event: Phonebook" / "Event: TeamUsersList" (the second is mis-titled in the document).
 * Several phonebooks are separated by `|` (as in every other GC list). `found` is false for
 * the "not found" body (then `phonebooks` is empty).
 */
export interface GcPhonebooks {
  readonly event: 'Phonebooks' | 'TeamPhoneBooks';
  readonly loginId: string;
  readonly found: boolean;
  readonly phonebooks: readonly GcPhonebook[];
}

/** One contact of a PhonebookContacts event. Values are the vendor's text; absent keys are empty. */
export interface GcContact {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phoneNumber: string;
  readonly description: string;
}

/**
 * Event: PhonebookContacts (gc doc "Event: Phonebook", contacts):
 * `<loginId>#PhonebookContacts#description:…,firstName:…,lastName:…,phoneNumber:…,id:…|…`,
 * or `…#NoContactFound` (`found` false, no contacts).
 */
export interface GcPhonebookContacts {
  readonly event: 'PhonebookContacts';
  readonly loginId: string;
  readonly found: boolean;
  readonly contacts: readonly GcContact[];
}

/** Every GC event the wallboard understands. */
export type GcEvent =
  | GcAgentInfo
  | GcState
  | GcQueueList
  | GcTeamUsersList
  | GcErrorEvent
  | GcPhonebooks
  | GcPhonebookContacts;

/**
 * Result of {@link parseGcEvent}: either an event (with possibly some non-fatal issues)
 * or a failure. `loginId` / `eventName` of a failure are given when they could be read.
 */
export type GcParseResult =
  | { readonly ok: true; readonly event: GcEvent; readonly issues: readonly GcIssue[] }
  | {
      readonly ok: false;
      readonly issue: GcIssue;
      readonly loginId?: string;
      readonly eventName?: string;
    };

/** Keys that must never be used as plain-object keys (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Longest vendor text quoted in an issue message. */
const QUOTE_MAX = 120;

function q(s: string): string {
  // eslint-disable-next-line no-control-regex
  const c = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return c.length > QUOTE_MAX ? `${c.slice(0, QUOTE_MAX)}…` : c;
}

const fail = (code: GcIssueCode, message: string, loginId?: string, eventName?: string): GcParseResult => ({
  ok: false,
  issue: { code, message },
  ...(loginId !== undefined ? { loginId } : {}),
  ...(eventName !== undefined ? { eventName } : {}),
});

/**
 * Splits `a:b,c:d,…` into ordered pairs, key and value split at the first `:`
 * (NOTES.md §3). Empty pairs (e.g. a trailing `,`) are skipped silently; a pair without
 * `:` or with an empty key, and forbidden keys, are reported and skipped.
 */
export function parsePairs(segment: string, issues: GcIssue[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of segment.split(',')) {
    if (raw.trim() === '') continue;
    const i = raw.indexOf(':');
    if (i <= 0) {
      issues.push({ code: 'malformed-frame', message: `pair without key:value: "${q(raw)}"` });
      continue;
    }
    const key = raw.slice(0, i).trim();
    const value = raw.slice(i + 1);
    if (FORBIDDEN_KEYS.has(key) || FORBIDDEN_KEYS.has(key.toLowerCase())) {
      issues.push({ code: 'hostile-key', message: `forbidden key "${q(key)}" dropped` });
      continue;
    }
    out.push([key, value]);
  }
  return out;
}

/**
 * Parses one GC event body. Never throws.
 * Failures: `malformed-frame` (not text, no `#`, empty login id, bad team list),
 * `unknown-event` (an event name other than AgentInfo, State, QueueList, TeamUsersList, Error,
 * Phonebooks, TeamPhoneBooks, PhonebookContacts),
 * `wrong-field-count` (State ≠ 13, AgentInfo ≠ 9/11, QueueList/TeamUsersList ≠ 3, Error < 3),
 * `wrong-type` (Is_Supervisor not true/false, TotalNumberOfTeams not a count).
 */
export function parseGcEvent(body: unknown): GcParseResult {
  if (typeof body !== 'string') return fail('malformed-frame', 'event body is not text');
  const text = body.replace(/\r?\n$/, '');
  if (text.trim() === '') return fail('malformed-frame', 'empty event body');
  const f = text.split('#');
  if (f.length < 2) return fail('malformed-frame', `no "#" in event body "${q(text)}"`);
  const loginId = f[0] ?? '';
  const name = f[1] ?? '';
  if (loginId.trim() === '') return fail('malformed-frame', `empty login id in "${q(text)}"`, undefined, name);
  switch (name) {
    case 'State':
      return parseState(f, loginId);
    case 'AgentInfo':
      return parseAgentInfo(f, loginId);
    case 'QueueList':
      return parseQueueList(f, loginId);
    case 'TeamUsersList':
      return parseTeamUsersList(f, loginId);
    case 'Error':
      return parseError(f, loginId);
    case 'Phonebooks':
    case 'TeamPhoneBooks':
      return parsePhonebooks(f, loginId, name);
    case 'PhonebookContacts':
      return parseContacts(f, loginId);
    default:
      return fail('unknown-event', `unknown GC event "${q(name)}" from ${q(loginId)}`, loginId, name);
  }
}

function parseState(f: string[], loginId: string): GcParseResult {
  if (f.length !== 13)
    return fail('wrong-field-count', `State from ${q(loginId)} has ${f.length} fields, expected 13`, loginId, 'State');
  const [, , state = '', reasonCodeId = '', tStr = '', pending = '', tMs = '', full = '', id2 = '', ext = '', label = '', , login = ''] = f;
  if (state.trim() === '') return fail('malformed-frame', `State from ${q(loginId)} has an empty state`, loginId, 'State');
  const issues: GcIssue[] = [];
  if (tMs !== '' && !/^\d+$/.test(tMs)) issues.push({ code: 'wrong-type', message: `State from ${q(loginId)}: StateChangeTime "${q(tMs)}" is not epoch ms` });
  return {
    ok: true,
    issues,
    event: {
      event: 'State',
      loginId,
      state,
      reasonCodeId,
      stateChangeTimeString: tStr,
      pendingState: pending,
      stateChangeTime: tMs,
      fullName: full,
      agentLoginId: id2,
      extension: ext,
      reasonLabel: label,
      loginName: login,
    },
  };
}

function parseBool(s: string): boolean | undefined {
  const v = s.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/**
 * Parses one team entry of the supervisor AgentInfo (gc doc "Event: AgentInfo",
 * `<team_1_id><team_1_name>|…`; NOTES.md §3): `<id><name>` (digits run into the name, as the
 * template shows), `<id>,<name>` and `<id>:<name>`. A non-numeric id is accepted only with a
 * `:` or `,` separator. Undefined when no id can be read.
 */
export function parseTeam(entry: string): GcTeam | undefined {
  const m = /^\s*(\d+)\s*[,:]?(.*)$/s.exec(entry);
  if (m) return { id: m[1] ?? '', name: (m[2] ?? '').trim() };
  const i = entry.search(/[,:]/);
  if (i > 0) return { id: entry.slice(0, i).trim(), name: entry.slice(i + 1).trim() };
  return undefined;
}

function parseAgentInfo(f: string[], loginId: string): GcParseResult {
  const ev = 'AgentInfo';
  if (f.length !== 9 && f.length !== 11)
    return fail('wrong-field-count', `AgentInfo from ${q(loginId)} has ${f.length} fields, expected 9 or 11`, loginId, ev);
  const isSup = parseBool(f[4] ?? '');
  if (isSup === undefined)
    return fail('wrong-type', `AgentInfo from ${q(loginId)}: Is_Supervisor "${q(f[4] ?? '')}" is not true/false`, loginId, ev);
  const base = { event: ev, loginId, firstName: f[2] ?? '', lastName: f[3] ?? '', isSupervisor: isSup, wrapUpMode: f[5] ?? '' } as const;
  if (f.length === 9) {
    return { ok: true, issues: [], event: { ...base, teamId: f[6] ?? '', fullName: f[7] ?? '', loginName: f[8] ?? '' } };
  }
  const m = /^\s*TotalNumberOfTeams\s*:\s*(.*)$/i.exec(f[6] ?? '');
  if (!m) return fail('malformed-frame', `AgentInfo from ${q(loginId)}: field 7 "${q(f[6] ?? '')}" is not TotalNumberOfTeams:N`, loginId, ev);
  const countText = (m[1] ?? '').trim();
  if (!/^\d+$/.test(countText))
    return fail('wrong-type', `AgentInfo from ${q(loginId)}: TotalNumberOfTeams "${q(countText)}" is not a count`, loginId, ev);
  const total = Number(countText);
  const issues: GcIssue[] = [];
  const teams: GcTeam[] = [];
  for (const entry of (f[7] ?? '').split('|')) {
    if (entry.trim() === '') continue;
    const t = parseTeam(entry);
    if (!t || t.id === '') {
      issues.push({ code: 'malformed-frame', message: `AgentInfo from ${q(loginId)}: team entry "${q(entry)}" has no id` });
      continue;
    }
    teams.push(t);
  }
  if (teams.length !== total && issues.length === 0)
    issues.push({ code: 'wrong-field-count', message: `AgentInfo from ${q(loginId)}: TotalNumberOfTeams:${total} but ${teams.length} teams listed` });
  return {
    ok: true,
    issues,
    event: { ...base, totalNumberOfTeams: total, teams, teamId: f[8] ?? '', fullName: f[9] ?? '', loginName: f[10] ?? '' },
  };
}

function parseQueueList(f: string[], loginId: string): GcParseResult {
  if (f.length !== 3)
    return fail('wrong-field-count', `QueueList from ${q(loginId)} has ${f.length} fields, expected 3`, loginId, 'QueueList');
  const issues: GcIssue[] = [];
  const queues: Map<string, string>[] = [];
  for (const seg of (f[2] ?? '').split('|')) {
    if (seg.trim() === '') continue;
    const pairs = parsePairs(seg, issues);
    if (pairs.length === 0) {
      issues.push({ code: 'malformed-frame', message: `QueueList from ${q(loginId)}: queue entry "${q(seg)}" has no key:value pair` });
      continue;
    }
    queues.push(new Map(pairs));
  }
  return { ok: true, issues, event: { event: 'QueueList', loginId, queues } };
}

function parseTeamUsersList(f: string[], loginId: string): GcParseResult {
  if (f.length !== 3)
    return fail('wrong-field-count', `TeamUsersList from ${q(loginId)} has ${f.length} fields, expected 3`, loginId, 'TeamUsersList');
  const issues: GcIssue[] = [];
  const users: Map<string, string>[] = [];
  for (const seg of (f[2] ?? '').split('|')) {
    if (seg.trim() === '') continue;
    const pairs = parsePairs(seg, issues);
    if (pairs.length === 0) {
      issues.push({ code: 'malformed-frame', message: `TeamUsersList from ${q(loginId)}: user entry "${q(seg)}" has no key:value pair` });
      continue;
    }
    users.push(new Map(pairs.map(([k, v]) => [k.toLowerCase(), v])));
  }
  return { ok: true, issues, event: { event: 'TeamUsersList', loginId, users } };
}

function parseError(f: string[], loginId: string): GcParseResult {
  if (f.length < 3) return fail('wrong-field-count', `Error from ${q(loginId)} has ${f.length} fields, expected 4`, loginId, 'Error');
  const code = (f[2] ?? '').trim();
  if (code === '') return fail('malformed-frame', `Error from ${q(loginId)} has an empty code`, loginId, 'Error');
  // The message is free text from the vendor; keep any further '#' in it.
  return { ok: true, issues: [], event: { event: 'Error', loginId, code, message: f.slice(3).join('#') } };
}

/** The "no data found" bodies (gc doc "Event: Phonebook", "Event: TeamUsersList" for TeamPhoneBooks). */
const NOT_FOUND: Readonly<Record<string, string>> = {
  Phonebooks: 'nophonebookfound',
  TeamPhoneBooks: 'noteamphonebookfound',
  PhonebookContacts: 'nocontactfound',
};

/** Splits a `|`-list of `key:value,…` entries into maps with lower-cased keys (empty entries skipped). */
function keyedEntries(segment: string, what: string, loginId: string, issues: GcIssue[]): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  for (const seg of segment.split('|')) {
    if (seg.trim() === '') continue;
    const pairs = parsePairs(seg, issues);
    if (pairs.length === 0) {
      issues.push({ code: 'malformed-frame', message: `${what} from ${q(loginId)}: entry "${q(seg)}" has no key:value pair` });
      continue;
    }
    out.push(new Map(pairs.map(([k, v]) => [k.toLowerCase(), v.trim()])));
  }
  return out;
}

function parsePhonebooks(f: string[], loginId: string, name: 'Phonebooks' | 'TeamPhoneBooks'): GcParseResult {
  if (f.length !== 3) return fail('wrong-field-count', `${name} from ${q(loginId)} has ${f.length} fields, expected 3`, loginId, name);
  const body = (f[2] ?? '').trim();
  if (body.toLowerCase() === NOT_FOUND[name]) return { ok: true, issues: [], event: { event: name, loginId, found: false, phonebooks: [] } };
  const issues: GcIssue[] = [];
  const phonebooks: GcPhonebook[] = [];
  for (const m of keyedEntries(body, name, loginId, issues)) {
    const id = m.get('id') ?? '';
    if (id === '') {
      issues.push({ code: 'missing-id', message: `${name} from ${q(loginId)}: a phonebook has no id` });
      continue;
    }
    phonebooks.push({ id, name: m.get('name') ?? '', type: m.get('type') ?? '' });
  }
  return { ok: true, issues, event: { event: name, loginId, found: true, phonebooks } };
}

function parseContacts(f: string[], loginId: string): GcParseResult {
  const name = 'PhonebookContacts';
  if (f.length !== 3) return fail('wrong-field-count', `${name} from ${q(loginId)} has ${f.length} fields, expected 3`, loginId, name);
  const body = (f[2] ?? '').trim();
  if (body.toLowerCase() === NOT_FOUND[name]) return { ok: true, issues: [], event: { event: name, loginId, found: false, contacts: [] } };
  const issues: GcIssue[] = [];
  const contacts: GcContact[] = [];
  for (const m of keyedEntries(body, name, loginId, issues)) {
    const id = m.get('id') ?? '';
    if (id === '') {
      issues.push({ code: 'missing-id', message: `${name} from ${q(loginId)}: a contact has no id` });
      continue;
    }
    contacts.push({
      id,
      firstName: m.get('firstname') ?? '',
      lastName: m.get('lastname') ?? '',
      phoneNumber: m.get('phonenumber') ?? '',
      description: m.get('description') ?? '',
    });
  }
  return { ok: true, issues, event: { event: name, loginId, found: true, contacts } };
}
