/**
 * Enreach RTE hub: a minimal ASP.NET Core SignalR server on `ws` + `node:http` that serves
 * the real `@microsoft/signalr` client (NOTES.md §1 wire facts; dotnet/aspnetcore
 * TransportProtocols.md + HubProtocol.md, JSON protocol only, WebSockets transport only).
 *
 * - `POST <path>/negotiate?negotiateVersion=1` → `{connectionId, connectionToken, negotiateVersion:1, availableTransports}`;
 *   CORS for any origin with credentials; 401 without a valid JWT (Bearer header or `access_token`).
 * - WebSocket at `<path>?id=<connectionToken>&access_token=<JWT>` (or `Authorization: Bearer`); 401 on a bad token.
 * - Records end with 0x1E; handshake `{"protocol":"json","version":1}` → `{}`; invocations (1) are
 *   answered by completions (3); pings (6) every 15 s; close (7).
 * - Hub methods (rte doc "Interface"): Subscribe, Unsubscribe, UnsubscribeAll, AvailableSubscriptions;
 *   pushes `MessageReceived` `{subscription:{entityId,eventName}, data}` (sim/rte-subscriptions.ts).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ManagedServer } from './listener';
import type { SimModel } from './model';
import { RTE_EVENT_NAMES, currentData, unsubscribeResult, validateItem, type RteSubscriptionKey } from './rte-subscriptions';
import {
  deriveRteUser,
  rteAlertData,
  rteCallbackChanged,
  rteCallbackListStatus,
  rteCallEventData,
  rteQueueAttachedUsers,
  rteQueueSignature,
  rteQueueStatus,
  rteUserAvailability,
  rteUserStatus,
} from './rte-wire';
import { RTE_CALL_LIST_IDS } from './rte-calllists';
import { SignalRConnection, type HubMethodResult } from './signalr-connection';
import { bearerToken, type TokenService } from './token';

/** Options of {@link RteHub}. */
export interface RteHubOptions {
  readonly model: SimModel;
  readonly tokens: TokenService;
  /** Port (0 = any free port), default 8790. */
  readonly port?: number;
  readonly host?: string;
  /** Hub path, default `/rte`. */
  readonly path?: string;
  /** Ping interval in ms, default 15000. */
  readonly pingIntervalMs?: number;
}

/** One invocation in the hub log. */
export interface HubLogInvocation {
  readonly at: number;
  readonly target: string;
  readonly arguments: unknown[];
}

/** One connection in the hub log (`GET /sim/hub/log`). Times are epoch ms. */
export interface HubLogConnection {
  readonly id: string;
  readonly openedAt: number;
  /** The token the connection opened with: its id (`jti`, one per issued token) and expiry (epoch ms). */
  readonly tokenId?: string;
  readonly tokenExp?: number;
  closedAt: number | null;
  readonly invocations: HubLogInvocation[];
}

/** Per-connection hub state: its log entry, subscriptions, and values to push after Subscribe. */
interface Conn {
  readonly log: HubLogConnection;
  readonly subs: Map<string, RteSubscriptionKey>;
  readonly toPush: RteSubscriptionKey[];
}

const MAX_LOG_CONNECTIONS = 500;
const MAX_LOG_INVOCATIONS = 1000;

/** The hub server. `start()`/`stop()` may be called repeatedly (same port). */
export class RteHub {
  private readonly server: ManagedServer;
  private wss: WebSocketServer | null = null;
  private readonly conns = new Map<SignalRConnection, Conn>();
  private readonly pending = new Map<string, { connectionId: string; at: number }>();
  private readonly logEntries: HubLogConnection[] = [];
  private readonly lastSent = new Map<string, string>();
  private readonly detach: () => void;
  private readonly host: string;
  private readonly path: string;
  private pingMs: number;
  /** Resolves when a freeze ends; null while not frozen (see {@link RteHub.freeze}). */
  private frozen: { readonly until: Promise<void>; readonly end: () => void } | null = null;

  constructor(private readonly opts: RteHubOptions) {
    this.host = opts.host ?? '127.0.0.1';
    this.path = opts.path ?? '/rte';
    this.pingMs = opts.pingIntervalMs ?? 15_000;
    this.server = new ManagedServer({
      port: opts.port ?? 8790,
      host: this.host,
      create: () => this.createServer(),
      beforeClose: () => {
        this.dropConnections();
        this.wss?.close();
        this.wss = null;
      },
    });
    const m = opts.model;
    for (const q of m.queues('rte')) this.lastSent.set(`queuestatus|${q.id}`, rteQueueSignature(m, q));
    for (const a of m.agents('rte')) {
      this.lastSent.set(`useravailability|${a.id}`, JSON.stringify(rteUserAvailability(a)));
      this.lastSent.set(`userstatus|${a.id}`, JSON.stringify(rteUserStatus(a)));
    }
    this.rememberDerived();
    this.detach = m.onChange((c) => {
      if (c.kind === 'agent' && c.site === 'rte') this.publishUser(c.id);
      if (c.kind === 'tick') {
        this.publishCalls();
        this.publishQueues();
        this.publishCallLists(c.at);
      }
      if (c.kind === 'alert') {
        const { eventName, data } = rteAlertData(c.alert);
        this.pushAll(eventName.toLowerCase(), c.alert.userId, data);
      }
    });
  }

  /** Listening port (the real one after starting with port 0). */
  get port(): number {
    return this.server.port;
  }

  /** True while listening. */
  get running(): boolean {
    return this.server.running;
  }

  /** Hub URL, e.g. `http://127.0.0.1:8790/rte`. */
  get url(): string {
    return `http://${this.host}:${this.server.port}${this.path}`;
  }

  /** The connection log, oldest first. */
  log(): { connections: HubLogConnection[] } {
    return { connections: this.logEntries };
  }

  /** Clears the log (open connections get fresh entries for later invocations). */
  resetLog(): void {
    this.logEntries.length = 0;
    for (const c of this.conns.values()) {
      c.log.invocations.length = 0;
      this.logEntries.push(c.log);
    }
  }

  /** Opens the listening socket; resolves with the port. */
  async start(): Promise<number> {
    return this.server.start();
  }

  /** A fresh HTTP server for one start; upgrades from it are accepted only while its `ws` server is current. */
  private createServer(): http.Server {
    const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
    const server = http.createServer((req, res) => void this.onRequest(req, res));
    server.on('upgrade', (req, socket: Socket, head) => void this.onUpgrade(wss, req, socket, head));
    this.wss = wss;
    return server;
  }

  /** Closes the listening socket and every connection (abruptly, so clients reconnect). */
  async stop(): Promise<void> {
    await this.server.stop();
  }

  /**
   * A half-open hub, as when its process is paused (SIGSTOP): every open connection stays
   * open but nothing flows either way; new HTTP requests and upgrades wait. {@link RteHub.thaw}
   * resumes everything in order (CONTRACTS.md `POST /sim/control/freeze/hub`). Idempotent.
   */
  freeze(): void {
    if (this.frozen) return;
    let end = (): void => undefined;
    const until = new Promise<void>((resolve) => (end = resolve));
    this.frozen = { until, end };
    for (const c of this.conns.keys()) c.freeze();
  }

  /** Ends a {@link RteHub.freeze}: held messages flow, waiting requests are answered. Idempotent. */
  thaw(): void {
    const f = this.frozen;
    if (!f) return;
    this.frozen = null;
    for (const c of this.conns.keys()) c.thaw();
    f.end();
  }

  /** True while frozen. */
  get isFrozen(): boolean {
    return this.frozen !== null;
  }

  /**
   * Sets the ping interval of connections opened from now on (ms, ≥ 100): a test of
   * application-level liveness needs pings well inside the board's stale window.
   * @throws RangeError below 100 ms
   */
  setPingInterval(ms: number): void {
    if (!(Number.isInteger(ms) && ms >= 100)) throw new RangeError('ping interval must be an integer ≥ 100 ms');
    this.pingMs = ms;
  }

  /** Terminates every connection (like a network drop: the client's automatic reconnect kicks in). */
  dropConnections(): void {
    for (const c of [...this.conns.keys()]) c.terminate();
  }

  /** Stops and detaches from the model. */
  async dispose(): Promise<void> {
    this.detach();
    await this.stop();
  }

  // ---- HTTP: negotiate + CORS -------------------------------------------------------------

  private cors(req: http.IncomingMessage, res: http.ServerResponse): void {
    const origin = req.headers.origin;
    res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
    if (origin) res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, X-Requested-With, X-SignalR-User-Agent');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Vary', 'Origin');
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.frozen) await this.frozen.until;
    try {
      this.cors(req, res);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      if (url.pathname !== `${this.path}/negotiate`) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
        return;
      }
      if (req.method !== 'POST') {
        res.writeHead(405, { 'content-type': 'text/plain' }).end('Use POST\n');
        return;
      }
      req.resume();
      const token = bearerToken(req.headers.authorization) ?? url.searchParams.get('access_token');
      const v = await this.opts.tokens.verify(token);
      if (!v.ok) {
        res.writeHead(401, { 'content-type': 'text/plain', 'WWW-Authenticate': 'Bearer' }).end('Unauthorized\n');
        return;
      }
      const now = Date.now();
      for (const [k, p] of this.pending) if (now - p.at > 60_000) this.pending.delete(k);
      const connectionId = randomUUID();
      const connectionToken = randomUUID();
      const version = Number(url.searchParams.get('negotiateVersion') ?? '0') >= 1 ? 1 : 0;
      this.pending.set(version === 1 ? connectionToken : connectionId, { connectionId, at: now });
      const body = {
        connectionId,
        ...(version === 1 ? { connectionToken } : {}),
        negotiateVersion: version,
        availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }],
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }

  private async onUpgrade(wss: WebSocketServer, req: http.IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    if (this.frozen) await this.frozen.until;
    const reject = (status: string): void => {
      if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      else socket.destroy();
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== this.path) return reject('404 Not Found');
      const token = url.searchParams.get('access_token') ?? bearerToken(req.headers.authorization);
      const v = await this.opts.tokens.verify(token);
      if (!v.ok) return reject('401 Unauthorized');
      const id = url.searchParams.get('id');
      let connectionId: string = randomUUID();
      if (id !== null) {
        const p = this.pending.get(id);
        if (!p) return reject('404 Not Found');
        this.pending.delete(id);
        connectionId = p.connectionId;
      }
      if (this.wss !== wss) return reject('503 Service Unavailable');
      const tok = { tokenId: v.jti, tokenExp: v.exp };
      wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, connectionId, tok));
    } catch {
      reject('400 Bad Request');
    }
  }

  // ---- hub methods --------------------------------------------------------------------

  private accept(ws: WebSocket, id: string, tok: { tokenId: string; tokenExp: number }): void {
    const log: HubLogConnection = { id, openedAt: Date.now(), ...tok, closedAt: null, invocations: [] };
    this.logEntries.push(log);
    if (this.logEntries.length > MAX_LOG_CONNECTIONS) this.logEntries.shift();
    const state: Conn = { log, subs: new Map(), toPush: [] };
    const conn = new SignalRConnection(id, ws, {
      pingMs: this.pingMs,
      onInvoke: (_c, target, args) => this.invoke(state, target, args),
      afterInvoke: (c) => {
        const now = this.opts.model.now();
        for (const key of state.toPush.splice(0)) {
          const data = currentData(this.opts.model, key, now);
          if (data) this.push(c, key, data);
        }
      },
      onClose: (c) => {
        log.closedAt = Date.now();
        this.conns.delete(c);
      },
    });
    this.conns.set(conn, state);
    if (this.frozen) conn.freeze();
  }

  /** Dispatches a hub method (names case-insensitive, as ASP.NET Core does). */
  private invoke(c: Conn, target: string, args: unknown[]): HubMethodResult {
    if (c.log.invocations.length < MAX_LOG_INVOCATIONS) c.log.invocations.push({ at: Date.now(), target, arguments: args });
    const model = this.opts.model;
    switch (target.toLowerCase()) {
      case 'subscribe': {
        if (!Array.isArray(args[0])) return { error: "Failed to invoke 'Subscribe': expected an array of {EntityId, EventName}." };
        const results = (args[0] as unknown[]).map((item) => validateItem(model, item));
        for (const r of results) {
          if (!r.key) continue;
          c.subs.set(`${r.key.eventName}|${r.key.entityId}`, r.key);
          c.toPush.push(r.key);
        }
        return { result: results.map((r) => r.result) };
      }
      case 'unsubscribe': {
        if (!Array.isArray(args[0])) return { error: "Failed to invoke 'Unsubscribe': expected an array of {EntityId, EventName}." };
        const results = (args[0] as unknown[]).map(unsubscribeResult);
        for (const r of results) c.subs.delete(`${r.eventName ?? ''}|${r.entityId ?? ''}`);
        return { result: results };
      }
      case 'unsubscribeall':
        c.subs.clear();
        return { result: true };
      case 'availablesubscriptions':
        return { result: [...RTE_EVENT_NAMES] };
      default:
        return { error: `Failed to invoke '${target}' due to an error on the server. HubException: Method does not exist.` };
    }
  }

  private push(c: SignalRConnection, key: RteSubscriptionKey, data: Record<string, unknown>): void {
    c.invokeClient('MessageReceived', [{ subscription: { entityId: key.entityId, eventName: key.eventName }, data }]);
  }

  private pushAll(eventName: string, entityId: string, data: Record<string, unknown>): void {
    const k = `${eventName}|${entityId}`;
    for (const [conn, state] of this.conns) {
      const key = state.subs.get(k);
      if (key) this.push(conn, key, data);
    }
  }

  // ---- change publication ---------------------------------------------------------------

  /** Remembers what QueueAttachedUsers and CallbackListStatus say now (publish only changes). */
  private rememberDerived(): void {
    const m = this.opts.model;
    for (const q of m.queues('rte')) this.lastSent.set(`queueattachedusers|${q.id}`, JSON.stringify(rteQueueAttachedUsers(m, q)));
    for (const id of RTE_CALL_LIST_IDS) this.lastSent.set(`callbackliststatus|${id}`, JSON.stringify(rteCallbackListStatus(m.callLists, id, m.now())));
    m.callLists.takeChanged();
  }

  /** Publishes every call step since the last tick: queue events to the queue, the user's own to the user. */
  private publishCalls(): void {
    const m = this.opts.model;
    for (const ev of m.takeCallEvents()) {
      const q = m.queues('rte').find((x) => x.id === ev.queueId);
      if (!q) continue;
      const agent = ev.agentId === undefined ? undefined : m.agent(ev.agentId);
      const out = rteCallEventData(ev, q, agent);
      for (const e of out.queue) this.pushAll(e.eventName.toLowerCase(), q.id, e.data);
      if (agent) for (const e of out.user) this.pushAll(e.eventName.toLowerCase(), agent.id, e.data);
    }
  }

  /** QueueAttachedUsers when who serves changed; CallbackListStatus when figures changed; CallbackChanged per changed request. */
  private publishCallLists(at: number): void {
    const m = this.opts.model;
    for (const q of m.queues('rte')) {
      const data = rteQueueAttachedUsers(m, q);
      const k = `queueattachedusers|${q.id}`;
      const sig = JSON.stringify(data);
      if (this.lastSent.get(k) === sig) continue;
      this.lastSent.set(k, sig);
      this.pushAll('queueattachedusers', q.id, data);
    }
    for (const item of m.callLists.takeChanged()) this.pushAll('callbackchanged', item.listId, rteCallbackChanged(item));
    for (const id of RTE_CALL_LIST_IDS) {
      const data = rteCallbackListStatus(m.callLists, id, at);
      const k = `callbackliststatus|${id}`;
      const sig = JSON.stringify(data);
      if (this.lastSent.get(k) === sig) continue;
      this.lastSent.set(k, sig);
      this.pushAll('callbackliststatus', id, data);
    }
  }

  private publishQueues(): void {
    const m = this.opts.model;
    for (const q of m.queues('rte')) {
      const sig = rteQueueSignature(m, q);
      const k = `queuestatus|${q.id}`;
      if (this.lastSent.get(k) === sig) continue;
      this.lastSent.set(k, sig);
      this.pushAll('queuestatus', q.id, rteQueueStatus(m, q, m.now()));
    }
  }

  /**
   * Publishes a user's UserAvailability and/or UserStatus when they changed, in the order
   * whose intermediate combination the connector derives as the old or the new state (so a
   * board never flashes a state the user was never in).
   */
  private publishUser(id: string): void {
    const a = this.opts.model.agent(id);
    if (!a) return;
    const av = rteUserAvailability(a);
    const st = rteUserStatus(a);
    const kAv = `useravailability|${id}`;
    const kSt = `userstatus|${id}`;
    const prevAv = JSON.parse(this.lastSent.get(kAv) ?? 'null') as Record<string, unknown> | null;
    const prevSt = JSON.parse(this.lastSent.get(kSt) ?? 'null') as Record<string, unknown> | null;
    const avChanged = JSON.stringify(av) !== JSON.stringify(prevAv);
    const stChanged = JSON.stringify(st) !== JSON.stringify(prevSt);
    this.lastSent.set(kAv, JSON.stringify(av));
    this.lastSent.set(kSt, JSON.stringify(st));
    const sendAv = (): void => this.pushAll('useravailability', id, av);
    const sendSt = (): void => this.pushAll('userstatus', id, st);
    if (avChanged && stChanged) {
      const same = (x: ReturnType<typeof deriveRteUser>, y: ReturnType<typeof deriveRteUser>): boolean =>
        x?.state === y?.state && x?.reasonLabel === y?.reasonLabel;
      const before = deriveRteUser(prevAv ?? undefined, prevSt ?? undefined);
      const after = deriveRteUser(av, st);
      const midAvFirst = deriveRteUser(av, prevSt ?? undefined);
      if (same(midAvFirst, before) || same(midAvFirst, after)) {
        sendAv();
        sendSt();
      } else {
        sendSt();
        sendAv();
      }
    } else if (avChanged) sendAv();
    else if (stChanged) sendSt();
  }
}
