/**
 * Generic Connector wire formats, exactly as docs/CONTRACTS.md "GC wire" fixes them
 * (gc-generic-connector-activemq.txt "Event: AgentInfo", "Event: State", "Event: QueueList",
 * "Event: TeamUsersList"; NOTES.md §3 for Error events and the command grammar).
 * Fields are separated by `#`, list items by `|`, key/value pairs by `,` and `:`.
 */
import type { SimModel } from './model';
import { GC_SUPERVISOR, GC_TEAMS, GC_WRAP_UP_MODE, type RosterAgent } from './roster';
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
  const teams = GC_TEAMS.map((t) => `${t.id}${t.name}`).join('|');
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
  return {
    callsWaiting: model.waitingCalls(queueId).length,
    ready: n('READY'),
    notReady: n('NOT_READY'),
    talkingInbound: n('TALKING', 'HOLD'),
    talkingOutbound: 0,
    talkingInternal: 0,
    wrapUpReady: n('WORK_READY'),
    wrapUpNotReady: n('WORK'),
  };
}

/**
 * QueueList event (UCCE payload, NOTES.md §3 "our contract"):
 * `sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:1,…|queue_name:Support,…`.
 */
export function gcQueueList(model: SimModel): string {
  const items = model.queues('gc').map((q) => {
    const f = gcQueueFigures(model, q.id);
    return [
      `queue_name:${q.id}`,
      `Number_of_CallsInQueue:${f.callsWaiting}`,
      `Number_of_Agents_Ready:${f.ready}`,
      `Number_of_Agents_NotReady:${f.notReady}`,
      `number_of_agents_talking_inbound:${f.talkingInbound}`,
      `number_of_agents_talking_outbound:${f.talkingOutbound}`,
      `number_of_agents_talking_internal:${f.talkingInternal}`,
      `number_of_agents_in_wrapup_ready_state:${f.wrapUpReady}`,
      `number_of_agents_in_wrapup_notready_state:${f.wrapUpNotReady}`,
    ].join(',');
  });
  return `${GC_SUPERVISOR.id}#QueueList#${items.join('|')}`;
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
