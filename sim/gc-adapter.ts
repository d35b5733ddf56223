/**
 * The Generic Connector side of the simulator (gc-generic-connector-activemq.txt; CONTRACTS.md
 * "GC wire"): publishes AgentInfo (on connect and every 30 s), TeamUsersList (every 5 s),
 * QueueList (whenever a figure changes, checked on every 250 ms model tick, and at least every
 * 5 s) and a State event on every agent state change to `/topic/gc.events`; consumes commands
 * from `/queue/gc.requests` (`type` header `<VERB>#<loginId>`, body the arguments), executes
 * them on the model and answers with the agent's State event, or an Error event.
 *
 * Verbs: READY (empty body), NOT_READY (`<reasonCodeId>`), LOGOUT (`<reasonCodeId>`), LOGIN
 * (`<password>,<extension>`, ignored). Error codes: UNKNOWN_COMMAND, INVALID_COMMAND,
 * USER_NOT_FOUND, INVALID_STATE, INVALID_REASON_CODE, or the code given to `failNext`.
 */
import { GC_COMMANDS_DESTINATION, GC_EVENTS_DESTINATION, gcAgentInfo, gcError, gcQueueList, gcState, gcSupervisorInfo, gcTeamUsersList, parseGcCommand } from './gc-wire';
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
        if (a) this.publish(gcState(a));
      } else if (c.kind === 'tick') {
        this.publishQueueList(false);
      }
    });
    this.timers.push(setInterval(() => this.publishAgentInfo(), this.opts.agentInfoIntervalMs ?? 30_000));
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
    this.resetLog();
    this.failure = null;
    this.publishAll();
  }

  private publish(body: string): void {
    this.opts.transport.publish(this.events, body);
  }

  private publishAgentInfo(): void {
    this.publish(gcSupervisorInfo());
    for (const a of this.opts.model.agents('gc')) this.publish(gcAgentInfo(a.roster));
  }

  private publishQueueList(force: boolean): void {
    const body = gcQueueList(this.opts.model);
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
      const model = this.opts.model;
      const known = ['READY', 'NOT_READY', 'LOGOUT', 'LOGIN'].includes(cmd.verb);
      if (known && model.agent(cmd.loginId)?.site !== 'gc') {
        this.publish(gcError(cmd.loginId, 'USER_NOT_FOUND', `Unknown agent ${cmd.loginId}`));
        return;
      }
      let r: CommandResult;
      switch (cmd.verb) {
        case 'READY':
          r = model.setAgentState(cmd.loginId, 'READY');
          break;
        case 'NOT_READY':
          r = model.setAgentState(cmd.loginId, 'NOT_READY', cmd.args[0] ?? '');
          break;
        case 'LOGOUT':
          r = model.setAgentState(cmd.loginId, 'LOGOUT', cmd.args[0] ?? '');
          break;
        case 'LOGIN':
          r = model.login(cmd.loginId);
          break;
        default:
          this.publish(gcError(cmd.loginId, 'UNKNOWN_COMMAND', `Unknown command ${cmd.verb}`));
          return;
      }
      if (!r.ok) {
        this.publish(gcError(cmd.loginId, r.code, r.message));
        return;
      }
      // A change already published the State event through the model listener; an
      // unchanged agent still gets its (unchanged) State as the answer.
      const a = model.agent(cmd.loginId);
      if (!r.changed && a) this.publish(gcState(a));
    } catch (err) {
      console.error('[gc] command handling failed:', err);
    }
  }
}
