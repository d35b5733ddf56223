/**
 * The Generic Connector side of the simulator (gc-generic-connector-activemq.txt; CONTRACTS.md
 * "GC wire"): publishes AgentInfo (on connect and every 10 s), TeamUsersList (every 5 s),
 * QueueList (whenever a figure changes, checked on every 250 ms model tick, and at least every
 * 5 s) and a State event on every agent state change to `/topic/gc.events`; consumes commands
 * from `/queue/gc.requests` (`type` header `<VERB>#<loginId>`, body the arguments), executes
 * them on the model and answers with the agent's State event, or an Error event.
 *
 * Verbs (matched case-insensitively; the log keeps the `type` header as received):
 * - READY (empty body), NOT_READY (`<reasonCodeId>`), LOGOUT (`<reasonCodeId>`): the agent's State;
 * - LOGIN (`<password>,<extension>`) and MOBILEAGENTLOGIN (`<password>,<extension>,<dialNumber>,<true|false>`):
 *   the extension must be the agent's own (else WRONG_EXTENSION), the password non-empty
 *   (else INVALID_PASSWORD); a logged-out agent becomes NOT_READY; answered with the agent's
 *   AgentInfo, State and Phonebooks ("three events", gc doc "Command: Mobile Agent Login");
 * - TransferCall / Conferencecall (`<extension>,<dialogId>`): the agent must be on an answered
 *   call (INVALID_STATE) whose id is the dialog id (DIALOG_NOT_FOUND), the target an agent
 *   extension or a phonebook number (WRONG_EXTENSION); a transfer ends the agent's call, a
 *   conference keeps it; answered with the State;
 * - RejectOutboundPreview / CloseOutboundPreview (`<dialogId>,REJECT|CLOSE`), SHCEDULECALLBACK /
 *   UPDATECALLBACK (4 arguments), CANCELSHCEDULECALLBACK (2), RECLASSIFYCALL (3): checked for
 *   their argument count and acknowledged with the agent's State (no dialer model);
 * - GETSKILLGROPU: the agent's own QueueList (its skill groups); GETSUPERVISOR: the
 *   supervisor's AgentInfo; GETPHONEBOOKS / GETTEAMPHONEBOOKS / GETPHONEBOOKCONTACTS
 *   (`<phonebookId>`): Phonebooks / TeamPhoneBooks / PhonebookContacts (or their "not found").
 * Error codes: UNKNOWN_COMMAND, INVALID_COMMAND, USER_NOT_FOUND, INVALID_STATE,
 * INVALID_REASON_CODE, WRONG_EXTENSION, INVALID_PASSWORD, DIALOG_NOT_FOUND, or the code given to `failNext`.
 */
import { GLOBAL_PHONEBOOKS, PHONEBOOK_CONTACTS, TEAM_PHONEBOOKS, phonebookNumbers } from './gc-phonebooks';
import { renameGcTeam, resetGcTeamNames } from './roster';
import {
  DEFAULT_QUEUE_LIST_FORMAT,
  GC_COMMANDS_DESTINATION,
  GC_EVENTS_DESTINATION,
  gcAgentInfo,
  gcContacts,
  gcError,
  gcPhonebooks,
  gcQueueList,
  gcState,
  gcSupervisorInfo,
  gcTeamUsersList,
  parseGcCommand,
  type GcCommand,
  type GcQueueListFormat,
} from './gc-wire';
import type { GcTransport } from './gc-transport';
import type { SimModel } from './model';
import type { CommandResult } from './types';

/** One received command as `GET /sim/gc/commands` lists it. `at` is epoch ms. */
export interface GcCommandLogEntry {
  readonly at: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Options of {@link GcAdapter}. Intervals in ms. */
export interface GcAdapterOptions {
  readonly model: SimModel;
  readonly transport: GcTransport;
  readonly eventsDestination?: string;
  readonly commandsDestination?: string;
  readonly agentInfoIntervalMs?: number;
  readonly teamUsersIntervalMs?: number;
  readonly queueListIntervalMs?: number;
}

const MAX_LOG = 1000;

/** The adapter. Construct, then `start()`. */
export class GcAdapter {
  private readonly log: GcCommandLogEntry[] = [];
  private failure: { code: string; message: string } | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];
  private detach: (() => void) | null = null;
  private lastQueueList = '';
  private queueFormat: GcQueueListFormat = DEFAULT_QUEUE_LIST_FORMAT;
  private readonly events: string;
  private readonly commandsDest: string;

  constructor(private readonly opts: GcAdapterOptions) {
    this.events = opts.eventsDestination ?? GC_EVENTS_DESTINATION;
    this.commandsDest = opts.commandsDestination ?? GC_COMMANDS_DESTINATION;
  }

  /** Where events go and commands come from (for the startup log). */
  get description(): string {
    return `${this.opts.transport.description} (events ${this.events}, commands ${this.commandsDest})`;
  }

  /** Subscribes to commands, hooks the model, starts the periodic publications. */
  start(): void {
    if (this.detach) return;
    const { model, transport } = this.opts;
    transport.subscribe(this.commandsDest, (headers, body) => this.onCommand(headers, body));
    this.detach = model.onChange((c) => {
      if (c.kind === 'agent' && c.site === 'gc') {
        const a = model.agent(c.id);
        if (a) this.publishState(c.id, gcState(a));
      } else if (c.kind === 'tick') {
        this.publishQueueList(false);
      }
    });
    this.timers.push(setInterval(() => this.publishAgentInfo(), this.opts.agentInfoIntervalMs ?? 10_000));
    this.timers.push(setInterval(() => this.publish(gcTeamUsersList(model)), this.opts.teamUsersIntervalMs ?? 5_000));
    this.timers.push(setInterval(() => this.publishQueueList(true), this.opts.queueListIntervalMs ?? 5_000));
    transport.start(() => this.publishAll());
  }

  /** Stops timers, unhooks the model, disconnects the transport. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.detach?.();
    this.detach = null;
    await this.opts.transport.stop();
  }

  /**
   * Test control (`POST /sim/control/gc/team-name`, issue 15 "Hostile text"): team `id` is
   * called `name` from now on, and AgentInfo is republished at once. GC's wire forbids `#`,
   * `,` and `|` in it, and a name starting with a digit would run into the team id (the
   * vendor's `<id><name>` has no separator): both are refused.
   * @returns false for an unknown team id
   * @throws RangeError for a name GC's wire cannot carry
   */
  renameTeam(id: string, name: string): boolean {
    if (/[#,|]/.test(name) || /^\d/.test(name) || name === '') throw new RangeError('a GC team name must not contain # , or |, nor start with a digit');
    if (!renameGcTeam(id, name)) return false;
    this.publishAgentInfo();
    return true;
  }

  /** Publishes AgentInfo for everyone, then TeamUsersList and QueueList (on start and every reconnect). */
  publishAll(): void {
    this.publishAgentInfo();
    this.publish(gcTeamUsersList(this.opts.model));
    this.publishQueueList(true);
  }

  /** The next command is answered `<loginId>#Error#<code>#<message>` and not executed (one shot; a later call replaces it). */
  failNext(code = 'GENERAL_ERROR', message = 'Simulated failure'): void {
    this.failure = { code, message };
  }

  /** The QueueList format in use (test control `POST /sim/control/gc-queue-list`). */
  get queueListFormat(): GcQueueListFormat {
    return this.queueFormat;
  }

  /** Switches the QueueList payload (UCCE / UCCX, keys left out) and publishes it at once. */
  setQueueListFormat(fmt: GcQueueListFormat): void {
    this.queueFormat = { format: fmt.format, omit: [...fmt.omit] };
    this.publishQueueList(true);
  }

  /** Received commands, oldest first. */
  commands(): readonly GcCommandLogEntry[] {
    return this.log;
  }

  /** Clears the command log. */
  resetLog(): void {
    this.log.length = 0;
  }

  /**
   * After a model reset (`POST /sim/control/reset`): clears the command log and a pending
   * `failNext`, then republishes AgentInfo, TeamUsersList and QueueList at once, so a board
   * has the new state without waiting for the periodic publications.
   */
  reset(): void {
    resetGcTeamNames();
    this.resetLog();
    this.failure = null;
    this.flushChaos();
    this.queueFormat = DEFAULT_QUEUE_LIST_FORMAT;
    this.publishAll();
  }

  /**
   * Fault injection (issue 15, `POST /sim/control/gc/duplicate-swap`): the next `count` State
   * events are held, each until the same agent's next State event, and then the pair goes out
   * swapped and each twice: B, B, A, A instead of A, B (the older state arrives last). State
   * carries its time (gc doc "State", field 7), so a board that respects it ends in the
   * newest state. Other agents' events and other messages flow as usual meanwhile.
   */
  duplicateSwapNext(count: number): void {
    this.flushChaos();
    this.chaos.left = count;
  }

  /** State events still to be held, and whether one is held back now. */
  get duplicateSwap(): { left: number; held: boolean } {
    return { left: this.chaos.left, held: this.chaos.held.size > 0 };
  }

  private readonly chaos: { left: number; readonly held: Map<string, string> } = { left: 0, held: new Map() };

  private flushChaos(): void {
    const held = [...this.chaos.held.values()];
    this.chaos.held.clear();
    this.chaos.left = 0;
    for (const body of held) this.publish(body);
  }

  private publishState(agentId: string, body: string): void {
    const first = this.chaos.held.get(agentId);
    if (first !== undefined) {
      this.chaos.held.delete(agentId);
      this.publish(body);
      this.publish(body);
      this.publish(first);
      this.publish(first);
      return;
    }
    if (this.chaos.left <= 0) return this.publish(body);
    this.chaos.left -= 1;
    this.chaos.held.set(agentId, body);
  }

  private publish(body: string): void {
    this.opts.transport.publish(this.events, body);
  }

  private publishAgentInfo(): void {
    this.publish(gcSupervisorInfo());
    for (const a of this.opts.model.agents('gc')) this.publish(gcAgentInfo(a.roster));
  }

  private publishQueueList(force: boolean): void {
    const body = gcQueueList(this.opts.model, this.queueFormat);
    if (!force && body === this.lastQueueList) return;
    this.lastQueueList = body;
    this.publish(body);
  }

  /** Handles one command message (never throws). */
  private onCommand(headers: Readonly<Record<string, string>>, body: string): void {
    try {
      this.log.push({ at: Date.now(), headers: { ...headers }, body });
      if (this.log.length > MAX_LOG) this.log.shift();
      const cmd = parseGcCommand(headers['type'], body);
      if ('error' in cmd) {
        this.publish(gcError(cmd.loginId, 'INVALID_COMMAND', cmd.error));
        return;
      }
      if (this.failure) {
        const f = this.failure;
        this.failure = null;
        this.publish(gcError(cmd.loginId, f.code, f.message));
        return;
      }
      const error = this.execute(cmd);
      if (error) this.publish(gcError(cmd.loginId, error.code, error.message));
    } catch (err) {
      console.error('[gc] command handling failed:', err);
    }
  }

  /** Runs one command on the model and publishes its answer; returns the error to answer instead. */
  private execute(cmd: GcCommand): { code: string; message: string } | undefined {
    const model = this.opts.model;
    const a = model.agent(cmd.loginId);
    if (!a || a.site !== 'gc') return { code: 'USER_NOT_FOUND', message: `Unknown agent ${cmd.loginId}` };
    const need = (n: number): { code: string; message: string } | undefined =>
      cmd.args.length === n ? undefined : { code: 'INVALID_COMMAND', message: `${cmd.verb} expects ${n} arguments, got ${cmd.args.length}` };
    const answerState = (r: CommandResult): { code: string; message: string } | undefined => {
      if (!r.ok) return { code: r.code, message: r.message };
      // A change already published the State event through the model listener; an
      // unchanged agent still gets its (unchanged) State as the answer.
      const now = model.agent(cmd.loginId);
      if (!r.changed && now) this.publish(gcState(now));
      return undefined;
    };
    switch (cmd.verb) {
      case 'READY':
        return answerState(model.setAgentState(cmd.loginId, 'READY'));
      case 'NOT_READY':
        return answerState(model.setAgentState(cmd.loginId, 'NOT_READY', cmd.args[0] ?? ''));
      case 'LOGOUT':
        return answerState(model.setAgentState(cmd.loginId, 'LOGOUT', cmd.args[0] ?? ''));
      case 'LOGIN':
      case 'MOBILEAGENTLOGIN': {
        const bad = cmd.verb === 'LOGIN' ? (cmd.args.length < 2 ? need(2) : undefined) : need(4);
        if (bad) return bad;
        const [password = '', extension = '', dialNumber = '', mode = ''] = cmd.args;
        if (password === '') return { code: 'INVALID_PASSWORD', message: `Wrong password for ${cmd.loginId}` };
        if (extension !== a.roster.extension) return { code: 'WRONG_EXTENSION', message: `Extension ${extension} is not the extension of ${cmd.loginId}` };
        if (cmd.verb === 'MOBILEAGENTLOGIN' && (dialNumber === '' || (mode !== 'true' && mode !== 'false')))
          return { code: 'INVALID_COMMAND', message: 'dialNumber must be given and connection_mode be true or false' };
        this.publish(gcAgentInfo(a.roster));
        const err = answerState(model.login(cmd.loginId));
        if (err) return err;
        this.publishPhonebooks(cmd.loginId, 'Phonebooks');
        return undefined;
      }
      case 'TRANSFERCALL':
      case 'CONFERENCECALL': {
        const bad = need(2);
        if (bad) return bad;
        const [extension = '', dialogId = ''] = cmd.args;
        const call = model.callOf(cmd.loginId);
        if (!call || call.answeredAt === null) return { code: 'INVALID_STATE', message: `Agent ${cmd.loginId} is not on a call` };
        if (call.id !== dialogId) return { code: 'DIALOG_NOT_FOUND', message: `No dialog ${dialogId} for ${cmd.loginId}` };
        const targets = new Set([...model.agents('gc').map((x) => x.roster.extension), ...phonebookNumbers()]);
        if (!targets.has(extension) || extension === a.roster.extension) return { code: 'WRONG_EXTENSION', message: `Cannot reach extension ${extension}` };
        return answerState(cmd.verb === 'TRANSFERCALL' ? model.hangUp(cmd.loginId) : { ok: true, changed: false });
      }
      case 'REJECTOUTBOUNDPREVIEW':
      case 'CLOSEOUTBOUNDPREVIEW': {
        const bad = need(2);
        if (bad) return bad;
        const word = cmd.verb === 'REJECTOUTBOUNDPREVIEW' ? 'REJECT' : 'CLOSE';
        if ((cmd.args[1] ?? '').toUpperCase() !== word) return { code: 'INVALID_COMMAND', message: `second argument must be ${word}` };
        return answerState({ ok: true, changed: false });
      }
      case 'SHCEDULECALLBACK':
      case 'UPDATECALLBACK':
        return need(4) ?? answerState({ ok: true, changed: false });
      case 'CANCELSHCEDULECALLBACK':
        return need(2) ?? answerState({ ok: true, changed: false });
      case 'RECLASSIFYCALL':
        return need(3) ?? answerState({ ok: true, changed: false });
      case 'GETSKILLGROPU':
        this.publish(gcQueueList(model, { format: 'ucce', omit: [] }, cmd.loginId, a.roster.queueIds));
        return undefined;
      case 'GETSUPERVISOR':
        this.publish(gcSupervisorInfo());
        return undefined;
      case 'GETPHONEBOOKS':
        this.publishPhonebooks(cmd.loginId, 'Phonebooks');
        return undefined;
      case 'GETTEAMPHONEBOOKS':
        this.publishPhonebooks(cmd.loginId, 'TeamPhoneBooks');
        return undefined;
      case 'GETPHONEBOOKCONTACTS': {
        const bad = need(1);
        if (bad) return bad;
        this.publish(gcContacts(cmd.loginId, PHONEBOOK_CONTACTS[cmd.args[0] ?? ''] ?? []));
        return undefined;
      }
      default:
        return { code: 'UNKNOWN_COMMAND', message: `Unknown command ${cmd.verb}` };
    }
  }

  private publishPhonebooks(loginId: string, event: 'Phonebooks' | 'TeamPhoneBooks'): void {
    const teamId = this.opts.model.agent(loginId)?.roster.teamId ?? '';
    this.publish(gcPhonebooks(loginId, event, event === 'Phonebooks' ? GLOBAL_PHONEBOOKS : (TEAM_PHONEBOOKS[teamId] ?? [])));
  }
}
