/**
 * Embedded STOMP 1.2 broker over WebSocket (docs/CONTRACTS.md: `ws://127.0.0.1:8791/stomp`),
 * so the demo needs no system broker. Implements the STOMP 1.2 specification's server side:
 * CONNECT/STOMP → CONNECTED (version and heart-beat negotiation), SUBSCRIBE/UNSUBSCRIBE
 * (ack `auto`; ACK/NACK accepted and ignored), SEND (`/topic/*` to every subscriber,
 * anything else queue semantics: one subscriber round-robin, buffered while none),
 * BEGIN/COMMIT/ABORT, RECEIPT, DISCONNECT, ERROR (then close) on bad frames.
 * ActiveMQ's retained messages as ActiveMQ Classic (5.17, checked) does them: the last `/topic/*` message
 * sent with the header `ActiveMQ.Retain: true` is kept per destination and handed to every
 * later subscriber that subscribes with `activemq.retroactive: true` (marked
 * `ActiveMQ.Retained: true`; the wallboard's broadcast messages, docs/CONTRACTS.md "Broadcast messages").
 * MESSAGE frames carry `destination`, `message-id`, `subscription` and every user header of
 * the SEND (`type`, `reply-to`, `correlation-id`, …). Also an in-process client API.
 */
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { ManagedServer } from './listener';
import { Session, type BrokerMessage, type BrokerCore, type Subscriber } from './stomp-session';

export type { BrokerMessage, Subscriber } from './stomp-session';

/** In-process client of the embedded broker (no socket), for the simulator itself. */
export interface LocalStompClient {
  /** Subscribes; `onMessage` gets the MESSAGE headers and the UTF-8 body. Returns unsubscribe. */
  subscribe(destination: string, onMessage: (headers: Readonly<Record<string, string>>, body: string) => void): () => void;
  /** Sends a text message (no `content-length`, like stompjs `skipContentLengthHeader`). */
  send(destination: string, body: string, headers?: Readonly<Record<string, string>>): void;
  /** Removes every subscription of this client. */
  close(): void;
}

/** Options of {@link StompBroker}. */
export interface StompBrokerOptions {
  /** TCP port (0 = any free port; the real one is in `port` after start). Default 8791. */
  readonly port?: number;
  /** Bind address, default 127.0.0.1. */
  readonly host?: string;
  /** WebSocket path, default `/stomp`. */
  readonly path?: string;
  /** Heart-beat the broker offers and wants, ms (default 10000). */
  readonly heartBeatMs?: number;
  /** Messages kept per queue destination while nobody subscribes (default 10000). */
  readonly maxQueued?: number;
}

/** The broker. `start()`/`stop()` may be called repeatedly (same port). */
export class StompBroker implements BrokerCore {
  private readonly server: ManagedServer;
  private wss: WebSocketServer | null = null;
  private readonly sessions = new Set<Session>();
  /** Every live subscription (sessions and local clients). */
  readonly subscribers = new Set<Subscriber>();
  private readonly queued = new Map<string, BrokerMessage[]>();
  /** The retained message per topic (`ActiveMQ.Retain: true`), handed to retroactive subscribers. */
  private readonly retained = new Map<string, BrokerMessage>();
  private readonly rr = new Map<string, number>();
  private seq = 0;
  private localSeq = 0;
  readonly host: string;
  readonly path: string;
  readonly heartBeatMs: number;
  private readonly maxQueued: number;

  constructor(opts: StompBrokerOptions = {}) {
    this.host = opts.host ?? '127.0.0.1';
    this.path = opts.path ?? '/stomp';
    this.heartBeatMs = opts.heartBeatMs ?? 10_000;
    this.maxQueued = opts.maxQueued ?? 10_000;
    this.server = new ManagedServer({
      port: opts.port ?? 8791,
      host: this.host,
      create: () => this.createServer(),
      beforeClose: () => {
        this.dropConnections();
        this.wss?.close();
        this.wss = null;
      },
    });
  }

  /** The listening port (the real one after start with port 0). */
  get port(): number {
    return this.server.port;
  }

  /** True while listening. */
  get running(): boolean {
    return this.server.running;
  }

  /** URL clients connect to, e.g. `ws://127.0.0.1:8791/stomp`. */
  get url(): string {
    return `ws://${this.host}:${this.server.port}${this.path}`;
  }

  /** Number of open WebSocket sessions. */
  get connectionCount(): number {
    return this.sessions.size;
  }

  /** Opens the listening socket; resolves with the port. No-op when running. */
  async start(): Promise<number> {
    return this.server.start();
  }

  /** A fresh HTTP server (WebSocket upgrades at {@link path} only) for one start. */
  private createServer(): http.Server {
    const wss = new WebSocketServer({
      noServer: true,
      maxPayload: 4 * 1024 * 1024,
      handleProtocols: (protocols) => ['v12.stomp', 'v11.stomp', 'v10.stomp'].find((p) => protocols.has(p)) ?? false,
    });
    const server = http.createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('STOMP over WebSocket only\n');
    });
    server.on('upgrade', (req, socket, head) => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== this.path) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
    this.wss = wss;
    return server;
  }

  /** Closes the listening socket and every WebSocket session (local clients stay). */
  async stop(): Promise<void> {
    await this.server.stop();
  }

  /** Terminates every WebSocket session; the listener stays up. */
  dropConnections(): void {
    for (const s of [...this.sessions]) s.terminate();
  }

  /** A new in-process client. */
  connectLocal(): LocalStompClient {
    const mine = new Set<Subscriber>();
    const clientNo = ++this.localSeq;
    let subNo = 0;
    return {
      subscribe: (destination, onMessage) => {
        const sub: Subscriber = {
          id: `local-${clientNo}-${++subNo}`,
          destination,
          ack: 'auto',
          deliver: (messageId, m) => {
            const headers = { ...m.headers, destination: m.destination, 'message-id': messageId, subscription: sub.id };
            const body = m.body.toString('utf8');
            queueMicrotask(() => {
              try {
                onMessage(headers, body);
              } catch (err) {
                console.error('[stomp] local subscriber failed:', err);
              }
            });
          },
        };
        mine.add(sub);
        this.addSubscriber(sub);
        return () => {
          mine.delete(sub);
          this.subscribers.delete(sub);
        };
      },
      send: (destination, body, headers = {}) => {
        this.route({ destination, headers: { ...headers }, body: Buffer.from(body, 'utf8'), hasLength: false });
      },
      close: () => {
        for (const s of mine) this.subscribers.delete(s);
        mine.clear();
      },
    };
  }

  /** Registers a subscriber and hands it any messages buffered for its queue. */
  addSubscriber(sub: Subscriber): void {
    this.subscribers.add(sub);
    if (isTopic(sub.destination)) {
      const kept = sub.retroactive ? this.retained.get(sub.destination) : undefined;
      if (kept) sub.deliver(this.nextId(), kept);
      return;
    }
    const q = this.queued.get(sub.destination);
    if (!q) return;
    this.queued.delete(sub.destination);
    for (const m of q) this.route(m);
  }

  /** Routes a message: topic fan-out, or one queue subscriber round-robin (buffered if none). */
  route(m: BrokerMessage): void {
    const subs = [...this.subscribers].filter((s) => s.destination === m.destination);
    if (isTopic(m.destination)) {
      if (m.headers['ActiveMQ.Retain'] === 'true') {
        // As ActiveMQ 5.17 hands it to a later subscriber: `ActiveMQ.Retained: true` instead of the Retain header.
        const { ['ActiveMQ.Retain']: _retain, ...headers } = m.headers;
        this.retained.set(m.destination, { ...m, headers: { ...headers, 'ActiveMQ.Retained': 'true' } });
      }
      for (const s of subs) s.deliver(this.nextId(), m);
      return;
    }
    if (subs.length === 0) {
      const q = this.queued.get(m.destination) ?? [];
      q.push(m);
      if (q.length > this.maxQueued) q.shift();
      this.queued.set(m.destination, q);
      return;
    }
    const i = (this.rr.get(m.destination) ?? 0) % subs.length;
    this.rr.set(m.destination, i + 1);
    subs[i]?.deliver(this.nextId(), m);
  }

  private nextId(): string {
    this.seq += 1;
    return `sim-msg-${this.seq}`;
  }

  private accept(ws: WebSocket): void {
    const s = new Session(ws, this);
    this.sessions.add(s);
    ws.on('close', () => {
      s.dispose();
      this.sessions.delete(s);
    });
  }
}

function isTopic(destination: string): boolean {
  return destination.startsWith('/topic/');
}
