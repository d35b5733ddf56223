/**
 * One STOMP 1.2 session over a WebSocket (server side) for the embedded broker
 * (sim/stomp-broker.ts): frame dispatch, version and heart-beat negotiation, subscriptions,
 * transactions, receipts, ERROR-then-close on protocol errors (STOMP 1.2 specification,
 * "Client Frames", "Server Frames", "Heart-beating").
 */
import { isUtf8 } from 'node:buffer';
import { WebSocket, type RawData } from 'ws';
import { StompFrameError, StompParser, serializeFrame, type StompFrame } from './stomp-frame';

/** A message as the broker routes it. Headers exclude transport headers. */
export interface BrokerMessage {
  readonly destination: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** True when the SEND had `content-length` (a "bytes" message); MESSAGE then carries it too. */
  readonly hasLength: boolean;
}

/** A subscription, from a WebSocket session or an in-process client. */
export interface Subscriber {
  readonly id: string;
  readonly destination: string;
  readonly ack: string;
  /**
   * ActiveMQ's `activemq.retroactive: true` SUBSCRIBE header: a new topic subscriber is
   * handed the destination's retained message (the last one sent with `ActiveMQ.Retain: true`).
   */
  readonly retroactive?: boolean;
  deliver(messageId: string, m: BrokerMessage): void;
}

/** What a session needs from its broker. */
export interface BrokerCore {
  /** Every live subscription (sessions and local clients). */
  readonly subscribers: Set<Subscriber>;
  /** Heart-beat the broker offers and wants, ms. */
  readonly heartBeatMs: number;
  /** Routes a message to its subscribers. */
  route(m: BrokerMessage): void;
  /** Adds a subscriber (and hands it buffered queue messages). */
  addSubscriber(sub: Subscriber): void;
}

const TRANSPORT_HEADERS = new Set(['destination', 'receipt', 'transaction', 'content-length', 'message-id', 'subscription', 'ack']);
const VERSIONS = ['1.2', '1.1', '1.0'];
let sessionSeq = 0;

/** One WebSocket client session. */
export class Session {
  private readonly parser = new StompParser();
  private connected = false;
  private version = '1.2';
  private readonly subs = new Map<string, Subscriber>();
  private readonly tx = new Map<string, BrokerMessage[]>();
  private lastIn = Date.now();
  private timers: ReturnType<typeof setInterval>[] = [];
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly broker: BrokerCore,
  ) {
    ws.on('message', (data: RawData) => this.onData(data));
    ws.on('error', () => this.terminate());
  }

  /** Drops the connection at once. */
  terminate(): void {
    if (this.closed) return;
    this.dispose();
    this.ws.terminate();
  }

  /** Releases timers and subscriptions (on close). */
  dispose(): void {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    for (const sub of this.subs.values()) this.broker.subscribers.delete(sub);
    this.subs.clear();
  }

  private onData(data: RawData): void {
    if (this.closed) return;
    this.lastIn = Date.now();
    let items;
    try {
      items = this.parser.push(data);
    } catch (err) {
      this.fail(err instanceof Error ? err.message : String(err), err instanceof StompFrameError ? err.receipt : undefined);
      return;
    }
    for (const it of items) {
      if (this.closed) return;
      if (it === 'heartbeat') continue;
      try {
        this.onFrame(it);
      } catch (err) {
        this.fail(err instanceof Error ? err.message : String(err), it.headers['receipt']);
      }
    }
  }

  private send(command: string, headers: Record<string, string | undefined>, body: Buffer | string = '', withLength?: boolean): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > 16 * 1024 * 1024) {
      this.terminate();
      return;
    }
    const frame = serializeFrame(command, headers, body, { escaping: this.version !== '1.0', contentLength: withLength });
    this.ws.send(isUtf8(frame) ? frame.toString('utf8') : frame);
  }

  private fail(message: string, receipt?: string): void {
    this.send('ERROR', { message: message.replace(/[\r\n]/g, ' ').slice(0, 200), 'content-type': 'text/plain', 'receipt-id': receipt }, message, true);
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.ws.close(1002, 'STOMP protocol error');
  }

  private receipt(f: StompFrame): void {
    const r = f.headers['receipt'];
    if (r !== undefined) this.send('RECEIPT', { 'receipt-id': r });
  }

  private require(f: StompFrame, name: string): string {
    const v = f.headers[name];
    if (v === undefined || v === '') throw new StompFrameError(`${f.command} frame needs a '${name}' header`, f.headers['receipt']);
    return v;
  }

  private onFrame(f: StompFrame): void {
    if (!this.connected) {
      if (f.command !== 'CONNECT' && f.command !== 'STOMP') throw new StompFrameError(`Expected CONNECT, got ${f.command}`);
      this.onConnect(f);
      return;
    }
    switch (f.command) {
      case 'SEND': {
        const destination = this.require(f, 'destination');
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(f.headers)) if (!TRANSPORT_HEADERS.has(k)) headers[k] = v;
        const m: BrokerMessage = { destination, headers, body: f.body, hasLength: f.headers['content-length'] !== undefined };
        const txId = f.headers['transaction'];
        if (txId !== undefined) {
          const list = this.tx.get(txId);
          if (!list) throw new StompFrameError(`Unknown transaction '${txId}'`, f.headers['receipt']);
          list.push(m);
        } else {
          this.broker.route(m);
        }
        break;
      }
      case 'SUBSCRIBE': {
        const destination = this.require(f, 'destination');
        const id = this.require(f, 'id');
        if (this.subs.has(id)) throw new StompFrameError(`Subscription id '${id}' already in use`, f.headers['receipt']);
        const ack = f.headers['ack'] ?? 'auto';
        const sub: Subscriber = {
          id, destination, ack,
          retroactive: f.headers['activemq.retroactive'] === 'true',
          deliver: (messageId, m) => {
            const withLength = m.hasLength || m.body.includes(0);
            this.send('MESSAGE', { ...m.headers, destination: m.destination, 'message-id': messageId, subscription: id, ack: ack === 'auto' ? undefined : messageId }, m.body, withLength);
          },
        };
        this.subs.set(id, sub);
        this.receipt(f);
        this.broker.addSubscriber(sub);
        return;
      }
      case 'UNSUBSCRIBE': {
        const id = this.require(f, 'id');
        const sub = this.subs.get(id);
        if (sub) this.broker.subscribers.delete(sub);
        this.subs.delete(id);
        break;
      }
      case 'ACK':
      case 'NACK':
        break;
      case 'BEGIN': {
        const id = this.require(f, 'transaction');
        if (this.tx.has(id)) throw new StompFrameError(`Transaction '${id}' already begun`, f.headers['receipt']);
        this.tx.set(id, []);
        break;
      }
      case 'COMMIT':
      case 'ABORT': {
        const id = this.require(f, 'transaction');
        const list = this.tx.get(id);
        if (!list) throw new StompFrameError(`Unknown transaction '${id}'`, f.headers['receipt']);
        this.tx.delete(id);
        if (f.command === 'COMMIT') for (const m of list) this.broker.route(m);
        break;
      }
      case 'DISCONNECT':
        this.receipt(f);
        this.dispose();
        this.ws.close(1000);
        return;
      case 'CONNECT':
      case 'STOMP':
        throw new StompFrameError('Already connected');
      default:
        throw new StompFrameError(`Unknown command '${f.command}'`);
    }
    this.receipt(f);
  }

  private onConnect(f: StompFrame): void {
    const accepted = (f.headers['accept-version'] ?? '1.0').split(',').map((v) => v.trim());
    const version = VERSIONS.find((v) => accepted.includes(v));
    if (!version) throw new StompFrameError(`Supported protocol versions are ${VERSIONS.join(' ')}`);
    this.version = version;
    this.parser.escaping = version !== '1.0';
    const [cx, cy] = (f.headers['heart-beat'] ?? '0,0').split(',').map((v) => Number(v.trim()) || 0);
    const hb = this.broker.heartBeatMs;
    const out = (cy ?? 0) > 0 && hb > 0 ? Math.max(hb, cy ?? 0) : 0;
    const inc = (cx ?? 0) > 0 && hb > 0 ? Math.max(hb, cx ?? 0) : 0;
    this.connected = true;
    this.send('CONNECTED', { version, 'heart-beat': `${hb},${hb}`, server: 'wallboard-sim/1.0', session: `sim-session-${++sessionSeq}` });
    if (out > 0) {
      this.timers.push(setInterval(() => {
        if (this.ws.readyState === WebSocket.OPEN) this.ws.send('\n');
      }, out));
    }
    if (inc > 0) {
      this.timers.push(setInterval(() => {
        if (Date.now() - this.lastIn > inc * 2.5) this.terminate();
      }, inc));
    }
  }
}
