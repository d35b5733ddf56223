/**
 * Load scenario of the simulator for the browser benchmark (issue 6, `bench/browser/`):
 * an Enreach RTE SignalR hub (same wire as sim/rte-hub.ts: negotiate, WebSocket, JSON hub
 * protocol through sim/signalr-connection.ts, JWTs from sim/token.ts) serving a large,
 * synthetic organisation — 2,000 users and 300 queues by default — whose state is driven by
 * a deterministic seeded generator at a configurable rate, plus a burst command.
 *
 * Every pushed event carries a **stamp** as an extra top-level property of the
 * `MessageReceived` argument: `{"subscription":…,"data":…,"bench":{seq,t,e,id,v}}`. The
 * app's RTE wire parser (src/connectors/rte/rte-wire.ts `parseMessageReceived`) reads only
 * `subscription` and `data` and passes other top-level keys over without an issue, so the
 * stamp costs the app nothing but the bytes. See {@link LoadStamp}.
 *
 * One port serves everything (default 19790, env `LOAD_SIM_PORT`): the hub at `/rte`, the
 * token at `/api/rte/token`, the board configuration and the controls under `/sim/load/`
 * (docs/PERFORMANCE.md "Browser benchmark"). Entry point: sim/load-main.ts.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AgentState } from '../src/domain';
import { mulberry32, type Rng } from './prng';
import { RTE_ORGANIZATION_ID } from './roster';
import { DOTNET_MAX_DATE, deriveRteUser } from './rte-wire';
import { readJson } from './http';
import { SignalRConnection, type HubMethodResult } from './signalr-connection';
import { bearerToken, createTokenService, type TokenService } from './token';

/** Default size of the load organisation (issue 6 targets). */
export const LOAD_DEFAULTS = { users: 2_000, queues: 300, seed: 6, rate: 1_000, burst: 10_000, port: 19_790 } as const;

/** User id of load user `i` (0-based): `10ad0000-0000-4000-8000-` + the 1-based index in 12 decimal digits. */
export function loadUserId(i: number): string {
  return `10ad0000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
}

/** Queue id of load queue `i` (0-based): `10ad0001-0000-4000-8000-` + the 1-based index in 12 digits. */
export function loadQueueId(i: number): string {
  return `10ad0001-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
}

/** Display name of load user `i` (0-based): `User 00042` (five digits, 1-based), what a search finds. */
export function loadUserName(i: number): string {
  return `User ${String(i + 1).padStart(5, '0')}`;
}

/**
 * The stamp on every generated event (the `bench` property of the `MessageReceived`
 * argument). `e`/`id`/`v` say what the DOM shows once the event is applied, through the
 * board's stable test hooks:
 * - `e: "a"`: `[data-testid="agent-tile"][data-agent-id=id]` has `data-state = v`;
 * - `e: "q"`: inside `[data-testid="queue-tile"][data-queue-id=id]`,
 *   `[data-testid="queue-calls-waiting"]` has `data-value = v`.
 */
export interface LoadStamp {
  /** Sequence number, 1-based, increasing over the generator's life (deterministic for a seed). */
  readonly seq: number;
  /** Send time, epoch ms with a sub-ms fraction (`performance.timeOrigin + performance.now()`). */
  t: number;
  readonly e: 'a' | 'q';
  readonly id: string;
  readonly v: string;
}

/** One generated hub push (before stamping its send time). */
export interface LoadEvent {
  /** Lower-cased RTE event name, as the hub sends it in `subscription.eventName`. */
  readonly eventName: 'useravailability' | 'userstatus' | 'queuestatus';
  readonly entityId: string;
  /** camelCase data as ASP.NET Core serialises it (rte doc event tables). */
  readonly data: Record<string, unknown>;
  readonly stamp: LoadStamp;
}

interface UserSt {
  availability: 'Available' | 'OffWork';
  availabilitySince: number;
  talking: boolean;
  wrapUpEnd: string | null;
  serving: boolean;
}

interface QueueSt {
  callsWaiting: number;
  ready: number;
  talking: number;
  wrapUp: number;
  notReady: number;
  loggedIn: number;
}

const STATES_TO: readonly AgentState[] = ['READY', 'NOT_READY', 'TALKING', 'WORK', 'LOGOUT'];
const BASE_TIME = Date.UTC(2026, 0, 5, 8, 0, 0);

/**
 * The deterministic load generator: a world of users and queues and a stream of events in
 * which **every event changes what the board shows** (an agent's derived state, a queue's
 * calls waiting), so each one can be matched in the DOM. The same seed and size give the
 * same initial state and the same sequence of events, whatever the wall clock.
 * 75 % user events (one UserStatus or UserAvailability message that moves the derived state,
 * CONTRACTS.md "RTE mappings"), 25 % QueueStatus.
 */
export class LoadGenerator {
  readonly users: number;
  readonly queues: number;
  readonly seed: number;
  private readonly rng: Rng;
  private readonly u: UserSt[] = [];
  private readonly q: QueueSt[] = [];
  private seqNo = 0;

  constructor(opts: { users?: number; queues?: number; seed?: number } = {}) {
    this.users = opts.users ?? LOAD_DEFAULTS.users;
    this.queues = opts.queues ?? LOAD_DEFAULTS.queues;
    this.seed = opts.seed ?? LOAD_DEFAULTS.seed;
    if (!Number.isInteger(this.users) || this.users < 1 || this.users > 100_000) throw new Error(`users must be 1..100000, got ${this.users}`);
    if (!Number.isInteger(this.queues) || this.queues < 1 || this.queues > 10_000) throw new Error(`queues must be 1..10000, got ${this.queues}`);
    this.rng = mulberry32(this.seed);
    for (let i = 0; i < this.users; i++) {
      const r = this.rng.next();
      this.u.push({
        availability: r < 0.1 ? 'OffWork' : 'Available',
        availabilitySince: BASE_TIME - this.rng.int(0, 3600) * 1000,
        talking: r >= 0.1 && r < 0.45,
        wrapUpEnd: r >= 0.45 && r < 0.55 ? new Date(BASE_TIME + 60_000).toISOString() : null,
        serving: r >= 0.55 && r < 0.85 ? true : r >= 0.85 ? false : true,
      });
    }
    for (let i = 0; i < this.queues; i++) {
      const loggedIn = this.rng.int(5, 40);
      const ready = this.rng.int(0, Math.floor(loggedIn / 3));
      const talking = this.rng.int(0, loggedIn - ready);
      const wrapUp = this.rng.int(0, loggedIn - ready - talking);
      this.q.push({ callsWaiting: this.rng.int(0, 6), ready, talking, wrapUp, notReady: loggedIn - ready - talking - wrapUp, loggedIn });
    }
  }

  /** Sequence number of the last generated event (0 before the first). */
  get seq(): number {
    return this.seqNo;
  }

  /** The state the board derives for user `i` now (CONTRACTS.md rules 1–7). */
  userState(i: number): AgentState {
    return deriveRteUser(this.availabilityData(i), this.statusData(i))?.state ?? 'UNKNOWN';
  }

  /** Current data of one subscription (any casing of the event name), or undefined for an unknown item. */
  current(eventName: string, entityId: string): Record<string, unknown> | undefined {
    const ev = eventName.toLowerCase();
    if (ev === 'queuestatus') {
      const i = indexOf(entityId, '10ad0001');
      return i !== undefined && i < this.queues ? this.queueData(i) : undefined;
    }
    const i = indexOf(entityId, '10ad0000');
    if (i === undefined || i >= this.users) return undefined;
    if (ev === 'useravailability') return this.availabilityData(i);
    if (ev === 'userstatus') return this.statusData(i);
    return undefined;
  }

  /** Generates the next event (mutating the world). Its stamp's `t` is 0 until the sender sets it. */
  next(): LoadEvent {
    const seq = ++this.seqNo;
    if (this.rng.next() < 0.25) {
      const i = this.rng.int(0, this.queues - 1);
      const s = this.q[i]!;
      let delta = 0;
      while (delta === 0 || s.callsWaiting + delta < 0) delta = this.rng.int(-2, 2);
      s.callsWaiting += delta;
      // Shift one agent between two of the state counts (totals stay consistent).
      const keys = ['ready', 'talking', 'wrapUp', 'notReady'] as const;
      const from = this.rng.pick(keys);
      const to = this.rng.pick(keys);
      if (s[from] > 0 && from !== to) {
        s[from] -= 1;
        s[to] += 1;
      }
      const id = loadQueueId(i);
      return { eventName: 'queuestatus', entityId: id, data: this.queueData(i), stamp: { seq, t: 0, e: 'q', id, v: String(s.callsWaiting) } };
    }
    const i = this.rng.int(0, this.users - 1);
    const s = this.u[i]!;
    const id = loadUserId(i);
    const before = this.userState(i);
    let eventName: LoadEvent['eventName'];
    if (s.availability === 'OffWork') {
      s.availability = 'Available';
      s.availabilitySince = BASE_TIME + seq * 1000;
      eventName = 'useravailability';
    } else {
      const options = STATES_TO.filter((x) => x !== before);
      const target = this.rng.pick(options);
      if (target === 'LOGOUT') {
        s.availability = 'OffWork';
        s.availabilitySince = BASE_TIME + seq * 1000;
        eventName = 'useravailability';
      } else {
        s.talking = target === 'TALKING';
        s.wrapUpEnd = target === 'WORK' ? new Date(BASE_TIME + seq * 1000 + 30_000).toISOString() : null;
        s.serving = target !== 'NOT_READY';
        eventName = 'userstatus';
      }
    }
    const data = eventName === 'useravailability' ? this.availabilityData(i) : this.statusData(i);
    return { eventName, entityId: id, data, stamp: { seq, t: 0, e: 'a', id, v: this.userState(i) } };
  }

  private availabilityData(i: number): Record<string, unknown> {
    const s = this.u[i]!;
    return {
      availability: s.availability,
      endTime: DOTNET_MAX_DATE,
      eventSource: 'User',
      note: '',
      organizationId: RTE_ORGANIZATION_ID,
      profileId: s.availability === 'OffWork' ? 'b0f11e00-0000-4000-8000-000000000004' : 'b0f11e00-0000-4000-8000-000000000001',
      startTime: new Date(s.availabilitySince).toISOString(),
      userId: loadUserId(i),
      userName: loadUserName(i),
    };
  }

  private statusData(i: number): Record<string, unknown> {
    const s = this.u[i]!;
    const loggedIn = s.availability !== 'OffWork';
    return {
      activeQueues: s.serving ? 3 : 0,
      available: loggedIn,
      canBeAllocatedTo: loggedIn && s.serving && !s.talking && s.wrapUpEnd === null,
      organizationId: RTE_ORGANIZATION_ID,
      parkedCalls: 0,
      schedule: loggedIn,
      serviceTerminals: loggedIn ? 1 : 0,
      serving: s.serving,
      servingCallback: false,
      talking: s.talking,
      userId: loadUserId(i),
      wrapUpEnd: s.wrapUpEnd,
    };
  }

  private queueData(i: number): Record<string, unknown> {
    const s = this.q[i]!;
    return {
      maxWaitTime: s.callsWaiting > 0 ? 5 + (i % 50) : 0,
      nbrOfAgentsCheckedInQueue: s.loggedIn,
      nbrOfAgentsImmediatelyFree: s.ready,
      nbrOfAgentsLongTermAway: s.notReady,
      nbrOfAgentsOnWrapUp: s.wrapUp,
      nbrOfAgentsShortTermAway: s.talking,
      nbrOfAllocated: s.talking,
      nbrOfConnected: s.talking,
      nbrOfNotServedRequesters: s.callsWaiting,
      nbrOfProviders: s.loggedIn,
      nbrOfQueuingRequesters: s.callsWaiting,
      nbrOfRequesters: s.callsWaiting + s.talking,
      nbrOfServingAgentsEstimate: s.loggedIn - s.notReady,
      openStatus: 5,
      organizationId: RTE_ORGANIZATION_ID,
      queueId: loadQueueId(i),
      queueName: `Queue ${String(i + 1).padStart(3, '0')}`,
    };
  }
}

function indexOf(id: string, prefix: string): number | undefined {
  if (!id.startsWith(`${prefix}-0000-4000-8000-`)) return undefined;
  const n = Number(id.slice(-12));
  return Number.isInteger(n) && n >= 1 ? n - 1 : undefined;
}

/**
 * The board configuration matching a load world (served at `/sim/load/config.json`): the
 * RTE source only, same-origin token and hub paths (proxied by the app's preview server),
 * every user and queue id. `flushIntervalMs`/`kioskFlushIntervalMs` are left to the app's
 * defaults.
 */
export function loadBoardConfig(gen: { users: number; queues: number }): Record<string, unknown> {
  return {
    title: `Load ${gen.users} agents / ${gen.queues} queues`,
    sources: {
      rte: {
        enabled: true,
        tokenUrl: '/api/rte/token',
        hubUrl: '/rte',
        queueIds: Array.from({ length: gen.queues }, (_, i) => loadQueueId(i)),
        userIds: Array.from({ length: gen.users }, (_, i) => loadUserId(i)),
        queueEvents: ['QueueStatus'],
        userEvents: ['UserStatus', 'UserAvailability'],
        staleAfterMs: 120_000,
      },
    },
  };
}

/** Options of {@link LoadSim}. */
export interface LoadSimOptions {
  readonly port?: number;
  readonly host?: string;
  readonly users?: number;
  readonly queues?: number;
  readonly seed?: number;
  /** Events per second while running (default 1,000). */
  readonly rate?: number;
  readonly tokens?: TokenService;
}

interface LoadConn {
  readonly subs: Set<string>;
  readonly toPush: [string, string][];
}

/** Status answered by `GET /sim/load/status`. */
export interface LoadStatus {
  readonly running: boolean;
  readonly rate: number;
  readonly seq: number;
  readonly sent: number;
  readonly users: number;
  readonly queues: number;
  readonly seed: number;
  /** Open hub connections, and how many entity subscriptions they hold in total. */
  readonly connections: number;
  readonly subscriptions: number;
}

/**
 * The load simulator server. HTTP API (JSON answers, errors `{"error":"…"}` with 400):
 * - `GET|POST /api/rte/token` → `{"token":"<JWT>"}`
 * - `GET /sim/load/config.json` → the board configuration ({@link loadBoardConfig})
 * - `GET /sim/load/status` → {@link LoadStatus}
 * - `POST /sim/load/start` body `{"rate":1000}` (optional) → starts the stream
 * - `POST /sim/load/stop` → stops it (connections stay)
 * - `POST /sim/load/rate` body `{"rate":N}` (0 < N ≤ 100,000 events/s)
 * - `POST /sim/load/burst` body `{"events":10000}` (1..200,000) → sends N events at once;
 *   answers `{"from":<first seq>,"to":<last seq>,"sentAt":<epoch ms>}`
 * - `POST /sim/load/reset` body `{"users":2000,"queues":300,"seed":6}` (optional) → a new
 *   world; stops the stream and drops every hub connection (pages must reload)
 * - hub: `POST /rte/negotiate?negotiateVersion=1`, WebSocket `/rte?id=…&access_token=…`
 */
export class LoadSim {
  private gen: LoadGenerator;
  private readonly tokens: TokenService;
  private readonly conns = new Map<SignalRConnection, LoadConn>();
  private readonly pending = new Map<string, string>();
  private server: http.Server | null = null;
  private wss: WebSocketServer | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private rate: number;
  private sent = 0;
  private runStartedAt = 0;
  private runSent = 0;
  private realPort = 0;

  constructor(private readonly opts: LoadSimOptions = {}) {
    this.gen = new LoadGenerator(opts);
    this.tokens = opts.tokens ?? createTokenService({ ttlSec: 3600 });
    this.rate = opts.rate ?? LOAD_DEFAULTS.rate;
  }

  /** Listening port (after `start`). */
  get port(): number {
    return this.realPort;
  }

  /** Base URL, e.g. `http://127.0.0.1:19790`. */
  get url(): string {
    return `http://${this.opts.host ?? '127.0.0.1'}:${this.realPort}`;
  }

  /** The current generator (a new one after `reset`). */
  get generator(): LoadGenerator {
    return this.gen;
  }

  /** Opens the port; resolves with it. Throws when the port is taken. */
  async start(): Promise<number> {
    const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
    const server = http.createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req, socket: Socket, head) => void this.onUpgrade(wss, req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.opts.port ?? LOAD_DEFAULTS.port, this.opts.host ?? '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.wss = wss;
    const addr = server.address();
    this.realPort = typeof addr === 'object' && addr ? addr.port : 0;
    return this.realPort;
  }

  /** Stops the stream, drops connections and closes the port. */
  async stop(): Promise<void> {
    this.stopStream();
    for (const c of [...this.conns.keys()]) c.terminate();
    this.wss?.close();
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** Status now. */
  status(): LoadStatus {
    let subscriptions = 0;
    for (const c of this.conns.values()) subscriptions += c.subs.size;
    return { running: this.timer !== null, rate: this.rate, seq: this.gen.seq, sent: this.sent, users: this.gen.users, queues: this.gen.queues, seed: this.gen.seed, connections: this.conns.size, subscriptions };
  }

  /** Starts (or re-paces) the stream at `rate` events/s, paced from a 5 ms timer on elapsed time. */
  startStream(rate = this.rate): void {
    this.setRate(rate);
    this.runStartedAt = performance.now();
    this.runSent = 0;
    if (this.timer) return;
    this.timer = setInterval(() => {
      const due = Math.floor(((performance.now() - this.runStartedAt) * this.rate) / 1000) - this.runSent;
      // Never more than a second's worth at once (a stalled process does not turn into a burst).
      const n = Math.min(due, Math.ceil(this.rate));
      for (let k = 0; k < n; k++) this.emit(this.gen.next());
      this.runSent += Math.max(0, due);
    }, 5);
  }

  /** Stops the stream. */
  stopStream(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sets the rate (events/s). Throws outside 0 < rate ≤ 100,000. */
  setRate(rate: number): void {
    if (!(Number.isFinite(rate) && rate > 0 && rate <= 100_000)) throw new Error(`rate must be in (0, 100000], got ${rate}`);
    if (this.timer) {
      this.runStartedAt = performance.now();
      this.runSent = 0;
    }
    this.rate = rate;
  }

  /** Sends `events` events at once (synchronously). Returns their sequence range and the start time. */
  burst(events: number): { from: number; to: number; sentAt: number } {
    if (!(Number.isInteger(events) && events >= 1 && events <= 200_000)) throw new Error(`events must be 1..200000, got ${events}`);
    const sentAt = performance.timeOrigin + performance.now();
    const from = this.gen.seq + 1;
    for (let k = 0; k < events; k++) this.emit(this.gen.next());
    return { from, to: this.gen.seq, sentAt };
  }

  /** A new world; stops the stream and drops every connection. */
  reset(opts: { users?: number; queues?: number; seed?: number } = {}): void {
    this.stopStream();
    this.gen = new LoadGenerator({ users: opts.users ?? this.gen.users, queues: opts.queues ?? this.gen.queues, seed: opts.seed ?? this.gen.seed });
    for (const c of [...this.conns.keys()]) c.terminate();
  }

  private emit(ev: LoadEvent): void {
    ev.stamp.t = performance.timeOrigin + performance.now();
    const key = `${ev.eventName}|${ev.entityId}`;
    for (const [conn, st] of this.conns) {
      if (st.subs.has(key)) conn.invokeClient('MessageReceived', [{ subscription: { entityId: ev.entityId, eventName: ev.eventName }, data: ev.data, bench: ev.stamp }]);
    }
    this.sent++;
  }

  // ---- HTTP ----------------------------------------------------------------------------

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    };
    try {
      const origin = req.headers.origin;
      res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
      if (origin) res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, X-Requested-With, X-SignalR-User-Agent');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      const url = new URL(req.url ?? '/', 'http://localhost');
      const body = req.method === 'POST' ? await readBody(req) : {};
      const num = (k: string): number | undefined => (typeof body[k] === 'number' ? (body[k] as number) : undefined);
      switch (url.pathname) {
        case '/api/rte/token':
          return json(200, { token: await this.tokens.issue() });
        case '/sim/load/config.json':
          return json(200, loadBoardConfig(this.gen));
        case '/sim/load/status':
          return json(200, this.status());
        case '/sim/load/start':
          this.startStream(num('rate'));
          return json(200, this.status());
        case '/sim/load/stop':
          this.stopStream();
          return json(200, this.status());
        case '/sim/load/rate':
          this.setRate(num('rate') ?? Number.NaN);
          return json(200, this.status());
        case '/sim/load/burst':
          return json(200, this.burst(num('events') ?? LOAD_DEFAULTS.burst));
        case '/sim/load/reset':
          this.reset({ users: num('users'), queues: num('queues'), seed: num('seed') });
          return json(200, this.status());
        case '/rte/negotiate':
          return await this.negotiate(req, url, res);
        default:
          return json(404, { error: `unknown path ${url.pathname}` });
      }
    } catch (err) {
      if (!res.headersSent) json(400, { error: err instanceof Error ? err.message : String(err) });
    }
  }

  private async negotiate(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<void> {
    const token = bearerToken(req.headers.authorization) ?? url.searchParams.get('access_token');
    if (!(await this.tokens.verify(token)).ok) return void res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end('Unauthorized\n');
    const connectionId = randomUUID();
    const connectionToken = randomUUID();
    this.pending.set(connectionToken, connectionId);
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ connectionId, connectionToken, negotiateVersion: 1, availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }] }),
    );
  }

  private async onUpgrade(wss: WebSocketServer, req: http.IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const reject = (status: string): void => void socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/rte') return reject('404 Not Found');
    if (!(await this.tokens.verify(url.searchParams.get('access_token') ?? bearerToken(req.headers.authorization))).ok) return reject('401 Unauthorized');
    const id = url.searchParams.get('id');
    const connectionId = id !== null ? this.pending.get(id) : randomUUID();
    if (connectionId === undefined) return reject('404 Not Found');
    if (id !== null) this.pending.delete(id);
    wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, connectionId));
  }

  private accept(ws: WebSocket, id: string): void {
    const st: LoadConn = { subs: new Set(), toPush: [] };
    const conn = new SignalRConnection(id, ws, {
      pingMs: 15_000,
      // One `Subscribe` for 10,000 users (20,300 items) is about 1.5 MB; ws's maxPayload
      // (4 MB, see start) bounds each frame.
      maxBufferChars: Number.POSITIVE_INFINITY,
      onInvoke: (_c, target, args) => this.invoke(st, target, args),
      afterInvoke: (c) => {
        for (const [eventName, entityId] of st.toPush.splice(0)) {
          const data = this.gen.current(eventName, entityId);
          if (data) c.invokeClient('MessageReceived', [{ subscription: { entityId, eventName }, data }]);
        }
      },
      onClose: (c) => void this.conns.delete(c),
    });
    this.conns.set(conn, st);
  }

  private invoke(c: LoadConn, target: string, args: unknown[]): HubMethodResult {
    switch (target.toLowerCase()) {
      case 'subscribe': {
        if (!Array.isArray(args[0])) return { error: "Failed to invoke 'Subscribe': expected an array." };
        return {
          result: (args[0] as unknown[]).map((item) => {
            const r = (item ?? {}) as Record<string, unknown>;
            const entityId = String(r['EntityId'] ?? r['entityId'] ?? '');
            const eventName = String(r['EventName'] ?? r['eventName'] ?? '').toLowerCase();
            const known = this.gen.current(eventName, entityId) !== undefined;
            if (known) {
              c.subs.add(`${eventName}|${entityId}`);
              c.toPush.push([eventName, entityId]);
            }
            return { subscribed: known, message: known ? null : 'Unauthorized', entityId, eventName };
          }),
        };
      }
      case 'unsubscribe':
      case 'unsubscribeall':
        if (target.toLowerCase() === 'unsubscribeall') c.subs.clear();
        return { result: true };
      case 'availablesubscriptions':
        return { result: ['QueueStatus', 'UserStatus', 'UserAvailability'] };
      default:
        return { error: `Failed to invoke '${target}'. HubException: Method does not exist.` };
    }
  }
}

/** A POST body as a JSON object (`{}` when empty), read by sim/http.ts `readJson`. */
async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const v = await readJson(req);
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('body must be a JSON object');
  return v as Record<string, unknown>;
}
