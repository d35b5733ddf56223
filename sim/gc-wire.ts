/**
 * Generic Connector wire formats, exactly as docs/CONTRACTS.md "GC wire" fixes them
 * (gc-generic-connector-activemq.txt "Event: AgentInfo", "Event: State", "Event: QueueList",
 * "Event: TeamUsersList"; NOTES.md §3 for Error events and the command grammar).
 * Fields are separated by `#`, list items by `|`, key/value pairs by `,` and `:`.
 */
import type { SimModel } from './model';
import { GC_SUPERVISOR, GC_TEAMS, GC_WRAP_UP_MODE, gcTeamName, type RosterAgent } from './roster';
import type { SimContact, SimPhonebook } from './gc-phonebooks';
import type { SimAgent } from './types';

/** Default destination of GC events (NOTES.md §3, guess kept as configuration default). */
export const GC_EVENTS_DESTINATION = '/topic/gc.events';
/** Default destination of GC commands. */
export const GC_COMMANDS_DESTINATION = '/queue/gc.requests';

/** Replaces the vendor's delimiters in free text so a field never splits (`#`, `|` → space). */
export function gcText(s: string): string {
  return s.replace(/[#|\r\n]/g, ' ');
}

/**
 * AgentInfo, agent form (9 fields):
 * `<id>#AgentInfo#<first>#<last>#false#<wrap_up_mode>#<teamId>#<full name>#<login name>`.
 */
export function gcAgentInfo(r: RosterAgent): string {
  return [r.id, 'AgentInfo', r.firstName, r.lastName, 'false', GC_WRAP_UP_MODE, r.teamId ?? '', r.fullName, r.loginName].join('#');
}

/**
 * AgentInfo, supervisor form (11 fields):
 * `sup9001#AgentInfo#<first>#<last>#true#<wrap_up_mode>#TotalNumberOfTeams:2#5Customer Care|7Billing Desk#5#<full>#<login>`
 * (team entries are `<id><name>` with no separator, as in the vendor document).
 */
export function gcSupervisorInfo(): string {
  const s = GC_SUPERVISOR;
  const teams = GC_TEAMS.map((t) => `${t.id}${gcTeamName(t)}`).join('|');
  return [s.id, 'AgentInfo', s.firstName, s.lastName, 'true', s.wrapUpMode, `TotalNumberOfTeams:${GC_TEAMS.length}`, teams, s.teamId, s.fullName, s.loginName].join('#');
}

/**
 * State event (13 fields):
 * `<id>#State#<state>#<reasonCodeId>#<ISO time>#<pendingState>#<epoch ms>#<full name>#<id>#<extension>#<reason label>#<full name>#<login name>`.
 * reasonCodeId: the code for NOT_READY/LOGOUT (`-1` when none was given), empty otherwise;
 * times are the agent's `stateSince`; pendingState and label empty when none.
 */
export function gcState(a: SimAgent): string {
  const r = a.roster;
  const reason = a.state === 'NOT_READY' || a.state === 'LOGOUT' ? (a.reasonCodeId ?? '-1') : '';
  return [
    r.id, 'State', a.state, reason, new Date(a.stateSince).toISOString(), a.pendingState ?? '', String(a.stateSince),
    r.fullName, r.id, r.extension, a.reasonLabel ?? '', r.fullName, r.loginName,
  ].join('#');
}

/** Figures of one GC skill group as QueueList carries them (UCCE keys). */
export interface GcQueueFigures {
  readonly callsWaiting: number;
  /** Arrival time (epoch ms) of the longest-waiting call, or null when none waits. */
  readonly oldestArrivedAt: number | null;
  readonly ready: number;
  readonly notReady: number;
  /** TALKING + HOLD (every simulated call is inbound). */
  readonly talkingInbound: number;
  readonly talkingOutbound: number;
  readonly talkingInternal: number;
  /** WORK_READY (Finesse: wrap-up, then READY). */
  readonly wrapUpReady: number;
  /** WORK (Finesse: wrap-up, then NOT_READY). */
  readonly wrapUpNotReady: number;
}

/**
 * Computes {@link GcQueueFigures}: each agent counts in every skill group it serves by its
 * state; RESERVED agents are in no count (the UCCE payload has no key for them).
 */
export function gcQueueFigures(model: SimModel, queueId: string): GcQueueFigures {
  const agents = model.agents('gc').filter((a) => a.roster.queueIds.includes(queueId));
  const n = (...states: string[]): number => agents.filter((a) => states.includes(a.state)).length;
  const waiting = model.waitingCalls(queueId);
  return {
    callsWaiting: waiting.length,
    oldestArrivedAt: waiting[0]?.arrivedAt ?? null,
    ready: n('READY'),
    notReady: n('NOT_READY'),
    talkingInbound: n('TALKING', 'HOLD'),
    talkingOutbound: 0,
    talkingInternal: 0,
    wrapUpReady: n('WORK_READY'),
    wrapUpNotReady: n('WORK'),
  };
}

/** Figures of one CSQ as the UCCX QueueList carries them (gc doc "Event: QueueList", UCCX payload). */
export interface GcCsqFigures {
  readonly waitingCalls: number;
  /** Agents of the CSQ not logged out. */
  readonly agentsLoggedIn: number;
  /** WORK + WORK_READY. */
  readonly agentsInAfterCallWork: number;
  /** TALKING + HOLD. */
  readonly agentsTalking: number;
  readonly agentsReserved: number;
  readonly handledCalls: number;
  readonly abandonedCalls: number;
  readonly totalCalls: number;
  /** Seconds, whole. */
  readonly longestHandleTime: number;
}

/** Computes {@link GcCsqFigures} from the model (counters since the model started). */
export function gcCsqFigures(model: SimModel, queueId: string): GcCsqFigures {
  const agents = model.agents('gc').filter((a) => a.roster.queueIds.includes(queueId));
  const n = (...states: string[]): number => agents.filter((a) => states.includes(a.state)).length;
  const q = model.queues('gc').find((x) => x.id === queueId);
  const c = q?.counters;
  return {
    waitingCalls: model.waitingCalls(queueId).length,
    agentsLoggedIn: agents.filter((a) => a.state !== 'LOGOUT').length,
    agentsInAfterCallWork: n('WORK', 'WORK_READY'),
    agentsTalking: n('TALKING', 'HOLD'),
    agentsReserved: n('RESERVED'),
    handledCalls: c?.answered ?? 0,
    abandonedCalls: c?.abandoned ?? 0,
    totalCalls: c?.offered ?? 0,
    longestHandleTime: Math.round((c?.longestHandleMs ?? 0) / 1000),
  };
}

/**
 * How the simulator's QueueList looks (test control `POST /sim/control/gc-queue-list`):
 * `ucce` (default) or `uccx` payload, and payload keys to leave out (UCCE key names such as
 * `number_of_agents_talking_internal`, or UCCX key suffixes such as `AbandonedCalls`; compared
 * case-insensitively) so a test can prove a missing figure is shown absent, not zero.
 */
export interface GcQueueListFormat {
  readonly format: 'ucce' | 'uccx';
  readonly omit: readonly string[];
}

/** The default QueueList format: UCCE, nothing left out. */
export const DEFAULT_QUEUE_LIST_FORMAT: GcQueueListFormat = { format: 'ucce', omit: [] };

/** The UCCE payload keys, in the order the simulator sends them (NOTES.md §3 "our contract"). */
export const UCCE_KEYS = [
  'Number_of_CallsInQueue',
  'Number_of_Agents_Ready',
  'Number_of_Agents_NotReady',
  'number_of_agents_talking_inbound',
  'number_of_agents_talking_outbound',
  'number_of_agents_talking_internal',
  'number_of_agents_in_wrapup_ready_state',
  'number_of_agents_in_wrapup_notready_state',
  'StartTimeOfLongestCallInQueue',
] as const;

/** The UCCX payload key suffixes after `queue_<n>_` (gc doc "Event: QueueList", UCCX payload). */
export const UCCX_SUFFIXES = [
  'CSQName',
  'WaitingCalls',
  'AgentsLoggedIn',
  'AgentsInAfterCallWork',
  'AgentsTalking',
  'AgentsReserved',
  'HandledCalls',
  'AbandonedCalls',
  'TotalCalls',
  'LongestHandleTime',
] as const;

const omitted = (f: GcQueueListFormat, key: string): boolean => f.omit.some((k) => k.toLowerCase() === key.toLowerCase());

/** The UCCE pairs of one skill group (without omitted keys). */
function ucceItem(model: SimModel, id: string, fmt: GcQueueListFormat): string {
  const f = gcQueueFigures(model, id);
  const values: Record<(typeof UCCE_KEYS)[number], string> = {
    Number_of_CallsInQueue: String(f.callsWaiting),
    Number_of_Agents_Ready: String(f.ready),
    Number_of_Agents_NotReady: String(f.notReady),
    number_of_agents_talking_inbound: String(f.talkingInbound),
    number_of_agents_talking_outbound: String(f.talkingOutbound),
    number_of_agents_talking_internal: String(f.talkingInternal),
    number_of_agents_in_wrapup_ready_state: String(f.wrapUpReady),
    number_of_agents_in_wrapup_notready_state: String(f.wrapUpNotReady),
    StartTimeOfLongestCallInQueue: f.oldestArrivedAt === null ? '' : String(f.oldestArrivedAt),
  };
  return [`queue_name:${id}`, ...UCCE_KEYS.filter((k) => !omitted(fmt, k)).map((k) => `${k}:${values[k]}`)].join(',');
}

/** The UCCX pairs of CSQ number `n` (1-based; without omitted suffixes). */
function uccxItem(model: SimModel, id: string, name: string, n: number, fmt: GcQueueListFormat): string {
  const f = gcCsqFigures(model, id);
  const values: Record<(typeof UCCX_SUFFIXES)[number], string> = {
    CSQName: gcCsqName(name),
    WaitingCalls: String(f.waitingCalls),
    AgentsLoggedIn: String(f.agentsLoggedIn),
    AgentsInAfterCallWork: String(f.agentsInAfterCallWork),
    AgentsTalking: String(f.agentsTalking),
    AgentsReserved: String(f.agentsReserved),
    HandledCalls: String(f.handledCalls),
    AbandonedCalls: String(f.abandonedCalls),
    TotalCalls: String(f.totalCalls),
    LongestHandleTime: String(f.longestHandleTime),
  };
  return UCCX_SUFFIXES.filter((k) => !omitted(fmt, k))
    .map((k) => `queue_${n}_${k}:${values[k]}`)
    .join(',');
}

/** The CSQ name of a skill group in the UCCX payload (`Sales` → `CSQ_Sales`). */
export function gcCsqName(queueName: string): string {
  return `CSQ_${queueName}`;
}

/**
 * QueueList event (NOTES.md §3 "our contract"), UCCE payload
 * `sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:1,…,StartTimeOfLongestCallInQueue:<epoch ms or empty>|queue_name:Support,…`
 * or UCCX payload `sup9001#QueueList#queue_1_CSQName:CSQ_Sales,queue_1_WaitingCalls:1,…|queue_2_CSQName:…`.
 * `loginId`: whose list (default the supervisor; an agent's own list for GETSKILLGROPU);
 * `queueIds`: which skill groups (default all).
 */
export function gcQueueList(
  model: SimModel,
  fmt: GcQueueListFormat = DEFAULT_QUEUE_LIST_FORMAT,
  loginId: string = GC_SUPERVISOR.id,
  queueIds?: readonly string[],
): string {
  const queues = model.queues('gc');
  const items = queues
    .map((q, i) => ({ q, n: i + 1 }))
    .filter(({ q }) => queueIds === undefined || queueIds.includes(q.id))
    .map(({ q, n }) => (fmt.format === 'uccx' ? uccxItem(model, q.id, q.name, n, fmt) : ucceItem(model, q.id, fmt)));
  return `${loginId}#QueueList#${items.join('|')}`;
}

/**
 * TeamUsersList event: every agent of both teams, in roster order:
 * `sup9001#TeamUsersList#FirstName:Ann,LastName:Lee,Extension:2001,LoginID:agent2001,State:READY,PendingState:,MediaType:voice,StateChangeTime:<ISO>,StateChangeLabel:|…`.
 */
export function gcTeamUsersList(model: SimModel): string {
  const users = model.agents('gc').map((a) =>
    [
      `FirstName:${a.roster.firstName}`,
      `LastName:${a.roster.lastName}`,
      `Extension:${a.roster.extension}`,
      `LoginID:${a.id}`,
      `State:${a.state}`,
      `PendingState:${a.pendingState ?? ''}`,
      'MediaType:voice',
      `StateChangeTime:${new Date(a.stateSince).toISOString()}`,
      `StateChangeLabel:${a.reasonLabel ?? ''}`,
    ].join(','),
  );
  return `${GC_SUPERVISOR.id}#TeamUsersList#${users.join('|')}`;
}

/** Error event: `<loginId>#Error#<CODE>#<message>` (delimiters in the message become spaces). */
export function gcError(loginId: string, code: string, message: string): string {
  return [gcText(loginId), 'Error', gcText(code), gcText(message)].join('#');
}

/**
 * Phonebooks / TeamPhoneBooks event: `<id>#Phonebooks#name:…,type:…,id:…|…`, or the vendor's
 * "no data found" body `<id>#Phonebooks#NoPhoneBookFound` (`…#TeamPhoneBooks#NoTeamPhoneBookFound`).
 */
export function gcPhonebooks(loginId: string, event: 'Phonebooks' | 'TeamPhoneBooks', books: readonly SimPhonebook[]): string {
  if (books.length === 0) return `${loginId}#${event}#${event === 'Phonebooks' ? 'NoPhoneBookFound' : 'NoTeamPhoneBookFound'}`;
  return `${loginId}#${event}#${books.map((b) => `name:${gcText(b.name)},type:${b.type},id:${b.id}`).join('|')}`;
}

/** PhonebookContacts event: `<id>#PhonebookContacts#description:…,firstName:…,lastName:…,phoneNumber:…,id:…|…`, or `…#NoContactFound`. */
export function gcContacts(loginId: string, contacts: readonly SimContact[]): string {
  if (contacts.length === 0) return `${loginId}#PhonebookContacts#NoContactFound`;
  const clean = (s: string) => gcText(s).replace(/,/g, ' ');
  return `${loginId}#PhonebookContacts#${contacts
    .map((c) => `description:${clean(c.description)},firstName:${clean(c.firstName)},lastName:${clean(c.lastName)},phoneNumber:${c.phoneNumber},id:${c.id}`)
    .join('|')}`;
}

/** A parsed GC command: JMSType/STOMP `type` `<VERB>#<loginId>`, body the comma-separated arguments. */
export interface GcCommand {
  readonly verb: string;
  readonly loginId: string;
  readonly args: readonly string[];
}

/**
 * Parses a command from its STOMP `type` header and body. The verb is upper-cased; args are
 * trimmed (an empty body gives no args). Returns an error text for a missing/malformed type.
 */
export function parseGcCommand(type: string | undefined, body: string): GcCommand | { readonly error: string; readonly loginId: string } {
  if (type === undefined || type.trim() === '') return { error: 'Missing type header', loginId: '' };
  const i = type.indexOf('#');
  if (i < 0) return { error: `Malformed type header '${type}' (expected <VERB>#<loginId>)`, loginId: '' };
  const verb = type.slice(0, i).trim().toUpperCase();
  const loginId = type.slice(i + 1).trim();
  if (verb === '' || loginId === '') return { error: `Malformed type header '${type}' (expected <VERB>#<loginId>)`, loginId };
  const trimmed = body.trim();
  return { verb, loginId, args: trimmed === '' ? [] : trimmed.split(',').map((s) => s.trim()) };
}
