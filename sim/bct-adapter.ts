/**
 * The Business ConneCT side of the simulator: plays UIP's relay on the broker (NOTES.md §4;
 * bct-business-connect-adapter.txt; docs/CONTRACTS.md "BCT simulator"). Publishes adapter
 * events in the relay's envelope to `/topic/uip.bct.events` — ConnectionStatus on every
 * connect, RouterStatus for each router when a figure changes and every 5 s, AlarmNotification
 * and EmergencyCall on the test controls — and answers commands from `/queue/uip.bct.commands`
 * on their `reply-to` with the same `correlation-id`: GetCurrentAlarms, SetAgentReady,
 * SetAgentNotReady, RouteMessage and the web chat commands. A control makes the next replies
 * silent, negative or garbage. Routers move on the model's ticks (seeded, paused with it).
 */
import { format as formatDate } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { GcTransport } from './gc-transport';
import type { SimModel } from './model';
import { deriveSeed, mulberry32, type Rng } from './prng';

/** Where the relay publishes events and takes commands (NOTES.md §4). */
export const BCT_EVENTS_DESTINATION = '/topic/uip.bct.events';
export const BCT_COMMANDS_DESTINATION = '/queue/uip.bct.commands';
/** The adapter instance name the simulator uses. */
export const BCT_INSTANCE = 'BCT1';
/** The seeded routers, agents (BCT login names) and Not Ready reasons. */
export const BCT_ROUTERS = ['Sales', 'Service', 'Billing'] as const;
export const BCT_AGENTS = ['anna.berg', 'ben.kurz', 'clara.wolf'] as const;
export const BCT_REASONS = ['Lunch', 'Meeting', 'Training'] as const;
/** The BCT server the simulated adapter reports in ConnectionStatus. */
const BCT_SERVER = { bctServerAddress: '10.128.122.67', bctServerPort: '32011' };

/** One router's figures as the truth lists them (`maxWaitingTime` in whole seconds now). */
export interface BctRouterTruth {
  readonly name: string;
  readonly queueLength: number;
  readonly maxWaitingTime: number;
  readonly idleAgents: number;
  readonly loggedOnAgents: number;
  readonly notReadyAgents: number;
  readonly workingAgents: number;
  readonly activeAgents: number;
  readonly inactiveAgents: number;
}

/** One active alarm (the vendor's fields; `dateTime` in the vendor's format, UTC). */
export interface BctAlarmTruth {
  readonly id: string;
  readonly source: string;
  readonly message: string;
  readonly dateTime: string;
}

/** A command as received, for `GET /sim/bct/commands`. */
export interface BctCommandLogEntry {
  readonly at: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** What the relay answered: `success`, `negative`, `none`, `garbage`. */
  readonly answered: string;
}

/** One entry of a chat's transcript (the ground truth of issue 11): what the customer did and every command executed. */
export interface BctChatEntry {
  readonly at: number;
  /** `customer` (a control), `agent` (a command the relay executed). */
  readonly by: 'customer' | 'agent';
  /** The vendor's event or command name, e.g. `WebChatMessage`, `SendWebChatMessage`. */
  readonly what: string;
  /** The event's or command's properties as sent / received. */
  readonly properties: Readonly<Record<string, unknown>>;
  /** The adapter instance a command named. */
  readonly instance?: string;
}

/** One simulated chat customer's session. */
export interface BctChatTruth {
  readonly sessionId: string;
  readonly initiator: string;
  readonly email: string;
  readonly router: string;
  readonly language: string;
  state: 'requested' | 'active' | 'rejected' | 'left' | 'ended';
  readonly transcript: BctChatEntry[];
}

/** How the next replies are answered (`POST /sim/control/bct/reply`). */
export type BctReplyMode = 'normal' | 'none' | 'negative' | 'garbage';

interface RouterState {
  name: string;
  queueLength: number;
  waitingSince: number | null;
  loggedOn: number;
  notReady: number;
  active: number;
  inactive: number;
  lastSent: string;
}

/** A control answered with an HTTP status (the control server turns it into `{"error":…}`). */
export class BctControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Options of {@link BctAdapter}. */
export interface BctAdapterOptions {
  readonly model: SimModel;
  readonly transport: GcTransport;
  readonly instance?: string;
  /** RouterStatus republish interval (ms, default 5,000). */
  readonly republishMs?: number;
}

const MAX_LOG = 500;

/** The simulated relay. Construct, then `start()`. */
export class BctAdapter {
  private rng: Rng;
  private routers: RouterState[] = [];
  private alarms = new Map<string, BctAlarmTruth>();
  private agents = new Map<string, { state: 'READY' | 'NOT_READY'; reason?: string }>();
  private log: BctCommandLogEntry[] = [];
  private chats = new Map<string, BctChatTruth>();
  private chatSeq = 0;
  private replyMode: BctReplyMode = 'normal';
  private replyCount = 0;
  private detach: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  readonly instance: string;

  constructor(private readonly opts: BctAdapterOptions) {
    this.instance = opts.instance ?? BCT_INSTANCE;
    this.rng = mulberry32(deriveSeed(opts.model.seed, 'bct'));
    this.seed();
  }

  /** Startup log line. */
  get description(): string {
    return `${this.opts.transport.description} (events ${BCT_EVENTS_DESTINATION}, commands ${BCT_COMMANDS_DESTINATION}, instance ${this.instance})`;
  }

  /** Subscribes the commands queue, follows the model's ticks, publishes on every connect. */
  start(): void {
    if (this.detach) return;
    const { model, transport } = this.opts;
    transport.subscribe(BCT_COMMANDS_DESTINATION, (headers, body) => this.onCommand(headers, body));
    this.detach = model.onChange((c) => {
      if (c.kind === 'tick') this.step(c.at);
    });
    this.timer = setInterval(() => this.publishRouters(true), this.opts.republishMs ?? 5_000);
    this.timer.unref?.();
    transport.start(() => {
      this.publish('ConnectionStatus', { status: true, ...BCT_SERVER });
      this.publishRouters(true);
    });
  }

  /** Stops publishing and disconnects. */
  async stop(): Promise<void> {
    this.detach?.();
    this.detach = null;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.opts.transport.stop();
  }

  /** Re-seeds from the model's seed (with `POST /sim/control/reset`): routers, alarms, agents, log, reply mode. */
  reset(): void {
    this.rng = mulberry32(deriveSeed(this.opts.model.seed, 'bct'));
    this.seed();
    this.publishRouters(true);
  }

  private seed(): void {
    const now = this.opts.model.now();
    this.routers = BCT_ROUTERS.map((name) => {
      const loggedOn = this.rng.int(4, 9);
      const notReady = this.rng.int(0, 2);
      const active = this.rng.int(0, loggedOn - notReady);
      const queueLength = this.rng.int(0, 3);
      return { name, queueLength, waitingSince: queueLength > 0 ? now - this.rng.int(5, 40) * 1000 : null, loggedOn, notReady, active, inactive: 0, lastSent: '' };
    });
    this.alarms.clear();
    this.chats.clear();
    this.chatSeq = 0;
    this.agents = new Map(BCT_AGENTS.map((a) => [a, { state: 'READY' as const }]));
    this.log = [];
    this.replyMode = 'normal';
    this.replyCount = 0;
  }

  /** One model tick: each router changes now and then. */
  private step(at: number): void {
    for (const r of this.routers) {
      if (!this.rng.chance(0.04)) continue;
      switch (this.rng.int(0, 3)) {
        case 0:
          r.queueLength += 1;
          if (r.queueLength === 1) r.waitingSince = at;
          break;
        case 1:
          if (r.queueLength > 0) {
            r.queueLength -= 1;
            if (r.queueLength === 0) r.waitingSince = null;
            else if (r.waitingSince !== null) r.waitingSince = Math.min(at, r.waitingSince + this.rng.int(1, 8) * 1000);
          }
          break;
        case 2:
          r.active = Math.max(0, Math.min(r.loggedOn - r.notReady, r.active + (this.rng.chance(0.5) ? 1 : -1)));
          break;
        default:
          r.notReady = Math.max(0, Math.min(r.loggedOn - r.active, r.notReady + (this.rng.chance(0.5) ? 1 : -1)));
      }
    }
    this.publishRouters(false);
  }

  private figures(r: RouterState, now: number): BctRouterTruth {
    const idle = Math.max(0, r.loggedOn - r.notReady - r.active - r.inactive);
    return {
      name: r.name,
      queueLength: r.queueLength,
      maxWaitingTime: r.waitingSince === null ? 0 : Math.max(0, Math.floor((now - r.waitingSince) / 1000)),
      idleAgents: idle,
      loggedOnAgents: r.loggedOn,
      notReadyAgents: r.notReady,
      workingAgents: r.active,
      activeAgents: r.active,
      inactiveAgents: r.inactive,
    };
  }

  /** Publishes each router whose counts changed (or all, with `all`); numbers as strings, as the adapter sends them. */
  private publishRouters(all: boolean): void {
    const now = this.opts.model.now();
    for (const r of this.routers) {
      const f = this.figures(r, now);
      const counts = JSON.stringify([f.queueLength, f.idleAgents, f.loggedOnAgents, f.notReadyAgents, f.activeAgents, f.inactiveAgents, r.waitingSince]);
      if (!all && counts === r.lastSent) continue;
      r.lastSent = counts;
      this.publish('RouterStatus', {
        routerName: f.name,
        maxWaitingTime: String(f.maxWaitingTime),
        queueLength: String(f.queueLength),
        idleAgents: String(f.idleAgents),
        loggedOnAgents: String(f.loggedOnAgents),
        notReadyAgents: String(f.notReadyAgents),
        workingAgents: String(f.workingAgents),
        activeAgents: String(f.activeAgents),
        inactiveAgents: String(f.inactiveAgents),
      });
    }
  }

  private publish(event: string, properties: Record<string, unknown>): boolean {
    const body = JSON.stringify({ adapter: 'BusinessConnect', instance: this.instance, event, timestamp: new Date(this.opts.model.now()).toISOString(), properties });
    return this.opts.transport.publish(BCT_EVENTS_DESTINATION, body);
  }

  /** The vendor's date format (`8/5/2018 3:37:13 PM`), in UTC. */
  private vendorDate(ms: number): string {
    return formatDate(ms, 'M/d/yyyy h:mm:ss a', { in: tz('UTC') });
  }

  private onCommand(headers: Readonly<Record<string, string>>, body: string): void {
    const replyTo = headers['reply-to'];
    const correlationId = headers['correlation-id'] ?? '';
    let answer: Record<string, unknown>;
    let cmdName = '?';
    try {
      const cmd = JSON.parse(body) as { command?: unknown; instance?: unknown; properties?: Record<string, unknown> };
      cmdName = typeof cmd.command === 'string' ? cmd.command : '?';
      answer = this.execute(cmdName, cmd.properties ?? {}, typeof cmd.instance === 'string' ? cmd.instance : '');
    } catch {
      answer = { command: cmdName, isSuccess: false, message: 'Malformed command' };
    }
    let mode: BctReplyMode = 'normal';
    if (this.replyCount > 0) {
      mode = this.replyMode;
      this.replyCount -= 1;
    }
    const answered = mode === 'normal' ? (answer['isSuccess'] === true ? 'success' : 'negative') : mode;
    this.log.push({ at: this.opts.model.now(), headers: { ...headers }, body, answered });
    if (this.log.length > MAX_LOG) this.log.shift();
    if (!replyTo || mode === 'none') return;
    const out =
      mode === 'garbage' ? '<html><body>502 Bad Gateway</body></html>' : JSON.stringify(mode === 'negative' ? { command: cmdName, isSuccess: false, message: 'Simulated failure' } : answer);
    this.opts.transport.publish(replyTo, out, { 'correlation-id': correlationId });
  }

  /** Runs a command when the reply mode is normal (a withheld or failed reply executes nothing). */
  private execute(command: string, p: Record<string, unknown>, instance = ''): Record<string, unknown> {
    const willAnswer = this.replyCount === 0 || this.replyMode === 'normal';
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
    const fail = (message: string) => ({ command, isSuccess: false, message });
    switch (command) {
      case 'GetCurrentAlarms': {
        const alarms = [...this.alarms.values()];
        return { command, isSuccess: true, activeAlarms: String(alarms.length), alarms };
      }
      case 'SetAgentReady':
      case 'SetAgentNotReady': {
        const name = str('agentName');
        const agent = this.agents.get(name);
        if (!agent) return fail(`Unknown agent ${name}`);
        if (!willAnswer) return { command, isSuccess: true };
        const reason = str('reason');
        if (command === 'SetAgentReady') this.agents.set(name, { state: 'READY' });
        else this.agents.set(name, { state: 'NOT_READY', ...((BCT_REASONS as readonly string[]).includes(reason) ? { reason } : {}) });
        return { command, isSuccess: true };
      }
      case 'RouteMessage':
        if (!str('message') || (!str('starterName') && !str('routerName'))) return fail('A message and a starter or router are required');
        return { command, isSuccess: true };
      case 'SendWebChatResponse':
      case 'SendWebChatMessage':
      case 'SendWebChatChoice':
      case 'RequestAgentForWebChatSession':
      case 'LeaveWebChatSession': {
        const chat = this.chats.get(str('sessionId'));
        if (!chat) return fail(`Unknown web chat session ${str('sessionId')}`);
        // The vendor's warning: web chat must always use the same adapter instance.
        if (instance !== this.instance) return fail(`Web chat session ${chat.sessionId} belongs to instance ${this.instance}, not ${instance || '(none)'}`);
        if (chat.state === 'ended' || chat.state === 'rejected' || chat.state === 'left') return fail(`Web chat session ${chat.sessionId} is over`);
        if (command === 'SendWebChatMessage' && !str('message')) return fail('message is required');
        if (command === 'SendWebChatChoice' && !str('choiceOptions')) return fail('choiceOptions is required');
        if (command === 'SendWebChatResponse' && !str('name')) return fail('name is required');
        if (!willAnswer) return { command, isSuccess: true };
        chat.transcript.push({ at: this.opts.model.now(), by: 'agent', what: command, properties: { ...p }, instance });
        if (command === 'SendWebChatResponse') chat.state = p['rejected'] === true ? 'rejected' : 'active';
        if (command === 'LeaveWebChatSession') chat.state = 'left';
        return { command, isSuccess: true };
      }
      default:
        return fail(`Unknown command ${command}`);
    }
  }

  /** Raises an alarm (AlarmNotification, `resolved: false`). */
  raiseAlarm(a: { id: string; source?: string; message?: string }): BctAlarmTruth {
    const alarm: BctAlarmTruth = { id: a.id, source: a.source ?? '[Monitoring Service]', message: a.message ?? `Alarm ${a.id}`, dateTime: this.vendorDate(this.opts.model.now()) };
    this.alarms.set(`${alarm.id}|${alarm.source}`, alarm);
    this.publish('AlarmNotification', { activeAlarms: String(this.alarms.size), ...alarm, resolved: false });
    return alarm;
  }

  /** Resolves an active alarm (AlarmNotification, `resolved: true`). */
  resolveAlarm(a: { id: string; source?: string }): boolean {
    const key = `${a.id}|${a.source ?? '[Monitoring Service]'}`;
    const alarm = this.alarms.get(key);
    if (!alarm) return false;
    this.alarms.delete(key);
    this.publish('AlarmNotification', { activeAlarms: String(this.alarms.size), ...alarm, dateTime: this.vendorDate(this.opts.model.now()), resolved: true });
    return true;
  }

  /** Publishes an EmergencyCall. */
  emergency(c: { calledEmergencyNumber?: string; callingNumber: string; callerName?: string; callerLocation?: string }): void {
    this.publish('EmergencyCall', { calledEmergencyNumber: c.calledEmergencyNumber ?? '112', callingNumber: c.callingNumber, callerName: c.callerName ?? '', callerLocation: c.callerLocation ?? '' });
  }

  private chatOf(sessionId: string): BctChatTruth {
    const chat = this.chats.get(sessionId);
    if (!chat) throw new BctControlError(404, `No web chat session ${sessionId}`);
    return chat;
  }

  private customer(chat: BctChatTruth, event: string, properties: Record<string, unknown>): void {
    chat.transcript.push({ at: this.opts.model.now(), by: 'customer', what: event, properties });
    this.publish(event, properties);
  }

  /** A customer opens a chat (WebChatRequest); the session id is `chat-<n>` unless given. */
  openChat(c: { sessionId?: string; initiator: string; email?: string; router?: string; language?: string }): BctChatTruth {
    const sessionId = c.sessionId ?? `chat-${++this.chatSeq}`;
    if (this.chats.has(sessionId)) throw new BctControlError(409, `Web chat session ${sessionId} exists`);
    const chat: BctChatTruth = { sessionId, initiator: c.initiator, email: c.email ?? '', router: c.router ?? 'Chat', language: c.language ?? 'en', state: 'requested', transcript: [] };
    this.chats.set(sessionId, chat);
    this.customer(chat, 'WebChatRequest', { sessionId, initiator: chat.initiator, email: chat.email, router: chat.router, language: chat.language });
    return chat;
  }

  /** The customer writes (WebChatMessage, `isSenderAgent: false`). */
  customerMessage(sessionId: string, message: string): void {
    const chat = this.chatOf(sessionId);
    const agentRequested = chat.transcript.some((e) => e.what === 'RequestAgentForWebChatSession');
    this.customer(chat, 'WebChatMessage', { sessionId, message, senderName: chat.initiator, isSenderAgent: false, agentRequested, agentJoined: false });
  }

  /** The customer answers a choice list (WebChatChoiceAnswer). */
  choiceAnswer(sessionId: string, choiceAnswer: string): void {
    const chat = this.chatOf(sessionId);
    this.customer(chat, 'WebChatChoiceAnswer', { sessionId, choiceAnswer, senderName: chat.initiator });
  }

  /** The session ends (WebChatSessionEnded). */
  endChat(sessionId: string): void {
    const chat = this.chatOf(sessionId);
    chat.state = 'ended';
    this.customer(chat, 'WebChatSessionEnded', { sessionId });
  }

  /** Publishes the adapter's ConnectionStatus towards BCT. */
  adapterStatus(connected: boolean): void {
    this.publish('ConnectionStatus', { status: connected, ...BCT_SERVER });
  }

  /** The next `count` replies are answered per `mode` (and their commands not executed). */
  setReplyMode(mode: BctReplyMode, count = 1): void {
    this.replyMode = mode;
    this.replyCount = mode === 'normal' ? 0 : count;
  }

  /** Ground truth now. */
  truth(): { routers: BctRouterTruth[]; alarms: BctAlarmTruth[]; agents: { name: string; state: string; reason?: string }[] } {
    const now = this.opts.model.now();
    return {
      routers: this.routers.map((r) => this.figures(r, now)),
      alarms: [...this.alarms.values()],
      agents: [...this.agents].map(([name, a]) => ({ name, state: a.state, ...(a.reason ? { reason: a.reason } : {}) })),
    };
  }

  /** Commands received, oldest first. */
  commands(): readonly BctCommandLogEntry[] {
    return this.log;
  }

  /** The control routes (`"<METHOD> <path>"` → handler of the JSON body), for the control server. */
  routes(): [string, (body: unknown) => unknown][] {
    const obj = (b: unknown) => (b ?? {}) as Record<string, unknown>;
    const str = (b: Record<string, unknown>, k: string) => (typeof b[k] === 'string' ? (b[k] as string) : undefined);
    return [
      ['GET /sim/bct/truth', () => this.truth()],
      ['GET /sim/bct/commands', () => this.commands()],
      ['GET /sim/bct/chats', () => [...this.chats.values()]],
      ['POST /sim/control/bct/chat/open', (body) => {
        const b = obj(body);
        const initiator = str(b, 'initiator');
        if (initiator === undefined) throw new BctControlError(400, 'Body must be {"initiator":"…","email":"…","router":"…","language":"…","sessionId":"optional"}');
        return { ok: true, chat: this.openChat({ initiator, ...pick(b, ['sessionId', 'email', 'router', 'language']) }) };
      }],
      ['POST /sim/control/bct/chat/message', (body) => {
        const b = obj(body);
        const sessionId = str(b, 'sessionId');
        const message = str(b, 'message');
        if (!sessionId || message === undefined) throw new BctControlError(400, 'Body must be {"sessionId":"chat-1","message":"…"}');
        this.customerMessage(sessionId, message);
        return { ok: true };
      }],
      ['POST /sim/control/bct/chat/choice-answer', (body) => {
        const b = obj(body);
        const sessionId = str(b, 'sessionId');
        const answer = str(b, 'choiceAnswer');
        if (!sessionId || answer === undefined) throw new BctControlError(400, 'Body must be {"sessionId":"chat-1","choiceAnswer":"…"}');
        this.choiceAnswer(sessionId, answer);
        return { ok: true };
      }],
      ['POST /sim/control/bct/chat/end', (body) => {
        const sessionId = str(obj(body), 'sessionId');
        if (!sessionId) throw new BctControlError(400, 'Body must be {"sessionId":"chat-1"}');
        this.endChat(sessionId);
        return { ok: true };
      }],
      ['POST /sim/control/bct/emergency', (body) => {
        const b = obj(body);
        const callingNumber = str(b, 'callingNumber');
        if (!callingNumber) throw new BctControlError(400, 'Body must be {"callingNumber":"2001","calledEmergencyNumber":"112","callerName":"…","callerLocation":"…"}');
        this.emergency({ callingNumber, ...pick(b, ['calledEmergencyNumber', 'callerName', 'callerLocation']) });
        return { ok: true };
      }],
      ['POST /sim/control/bct/alarm', (body) => {
        const b = obj(body);
        const id = str(b, 'id');
        if (!id || (b['resolved'] !== undefined && typeof b['resolved'] !== 'boolean')) {
          throw new BctControlError(400, 'Body must be {"id":"2101","source":"[Monitoring Service]","message":"…","resolved":false}');
        }
        if (b['resolved'] === true) return { ok: true, resolved: this.resolveAlarm({ id, ...pick(b, ['source']) }) };
        return { ok: true, alarm: this.raiseAlarm({ id, ...pick(b, ['source', 'message']) }) };
      }],
      ['POST /sim/control/bct/reply', (body) => {
        const b = obj(body);
        const mode = b['mode'];
        const count = b['count'] ?? 1;
        if (!['normal', 'none', 'negative', 'garbage'].includes(String(mode)) || typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100) {
          throw new BctControlError(400, 'Body must be {"mode":"normal|none|negative|garbage","count":1..100}');
        }
        this.setReplyMode(mode as BctReplyMode, count);
        return { ok: true };
      }],
      ['POST /sim/control/bct/adapter-status', (body) => {
        const b = obj(body);
        if (typeof b['connected'] !== 'boolean') throw new BctControlError(400, 'Body must be {"connected":true|false}');
        this.adapterStatus(b['connected']);
        return { ok: true };
      }],
    ];
  }
}

function pick(b: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof b[k] === 'string') out[k] = b[k] as string;
  return out;
}
