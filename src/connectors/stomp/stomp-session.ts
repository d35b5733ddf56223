/**
 * The ONE shared STOMP broker session (ARCHITECTURE.md "Rooms": `connectors/stomp/` owns
 * the shared broker session), over `@stomp/stompjs` — the only module allowed to import it.
 *
 * - Broker URLs are tried in turn: every failed attempt or dropped connection moves to the
 *   next URL (NOTES.md §6: "the connector takes a list of broker URLs and fails over").
 * - Reconnection is ours, not stompjs's: each attempt is a fresh stompjs `Client` with
 *   `reconnectDelay: 0`; after a failure the next attempt waits a backoff delay with full
 *   jitter, forever (ARCHITECTURE.md "Connections").
 * - Subscriptions registered with the session are sent again on every (re)connect.
 * - Publishing always sets `skipContentLengthHeader: true`: without a `content-length`
 *   header ActiveMQ makes a TextMessage, with one a BytesMessage (NOTES.md §3).
 * - Heart-beats both ways from configuration; a lost heart-beat closes the socket, which
 *   counts as a failure.
 * - Login / passcode stay in memory in the CONNECT headers only; nothing here logs
 *   (stompjs `debug` is a no-op) and status reasons never include them.
 */
import { Client, type IMessage, type StompConfig, type StompSubscription } from '@stomp/stompjs';
import { createBackoff, type BackoffOptions } from '../transport/backoff';
import { realScheduler, type CancelFn, type Scheduler } from '../../lib/scheduler';
import { resolveUrl } from '../transport/url';

/** Minimal WebSocket constructor shape (browser `WebSocket`, or `ws` in Node). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => unknown;

/** The part of a stompjs `Client` the session uses (a fake implements it in unit tests). */
export interface StompClientLike {
  readonly connected: boolean;
  activate(): void;
  deactivate(options?: { force?: boolean }): Promise<void>;
  publish(params: {
    destination: string;
    headers?: Record<string, string>;
    body?: string;
    skipContentLengthHeader?: boolean;
  }): void;
  subscribe(
    destination: string,
    callback: (message: IMessage) => void,
    headers?: Record<string, string>,
  ): Pick<StompSubscription, 'unsubscribe'>;
}

/** Options of {@link createStompSession}. Durations in milliseconds. */
export interface StompSessionOptions {
  /** STOMP-over-WebSocket URLs (ws/wss/http/https, may be relative to the page); at least one. */
  readonly brokerUrls: readonly string[];
  /** STOMP CONNECT `login` (memory only, never logged). */
  readonly login?: string | undefined;
  /** STOMP CONNECT `passcode` (memory only, never logged). */
  readonly passcode?: string | undefined;
  /** STOMP CONNECT `host` (virtual host). */
  readonly vhost?: string | undefined;
  /** Heart-beat interval both ways (ms); 0 disables. Default 10 000. */
  readonly heartbeatMs?: number;
  /** An attempt that has not reached CONNECTED after this long is abandoned (ms). Default 10 000. */
  readonly connectTimeoutMs?: number;
  /** Reconnect backoff (default: 500 ms doubling, 4 s cap, full jitter). */
  readonly backoff?: BackoffOptions;
  /** Timers for the reconnect delay (default real scheduler). */
  readonly scheduler?: Scheduler;
  /** Base for relative URLs (default `location.href`). */
  readonly baseUrl?: string;
  /** WebSocket implementation (default `globalThis.WebSocket`; pass `ws` in Node). */
  readonly WebSocket?: WebSocketConstructor;
  /** Makes the stompjs client for one attempt (tests). Default `new Client(config)`. */
  readonly createClient?: (config: StompConfig) => StompClientLike;
}

/**
 * Link state of the session:
 * `idle` not started or stopped; `connecting` an attempt is under way; `connected` the
 * broker answered CONNECTED and registered subscriptions were sent; `down` the last
 * attempt failed or the link dropped, a retry is scheduled.
 */
export type StompSessionState = 'idle' | 'connecting' | 'connected' | 'down';

/** A status report of the session. */
export interface StompSessionStatus {
  readonly state: StompSessionState;
  /** Broker URL of the current / last attempt, without user info or query. */
  readonly url?: string;
  /** Plain-text reason for `down` (never contains credentials). */
  readonly reason?: string;
  /** Number of times the session reached `connected` since start (1 = first connect). */
  readonly connects: number;
}

/** A message delivered to a registered subscription. */
export interface StompInbound {
  readonly destination: string;
  /** The frame body as text (UTF-8). */
  readonly body: string;
  /** The frame headers as received (e.g. `type`, `message-id`). */
  readonly headers: Readonly<Record<string, string>>;
}

/** What {@link StompSession.publish} sends. */
export interface StompOutbound {
  readonly destination: string;
  /** STOMP headers, e.g. `{ type: 'NOT_READY#agent2001' }` (ActiveMQ maps `type` to JMSType). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Text body; empty string for none. */
  readonly body: string;
}

/** Handle of a registered subscription. */
export interface StompRegistration {
  /** Removes the registration (and unsubscribes on the broker if connected). Idempotent. */
  unsubscribe(): void;
}

/** Thrown by {@link StompSession.publish} when there is no connected broker. */
export class StompNotConnectedError extends Error {
  constructor(message = 'No broker connection') {
    super(message);
    this.name = 'StompNotConnectedError';
  }
}

/** The shared broker session. */
export interface StompSession {
  /** Starts connecting (idempotent); retries forever until {@link StompSession.stop}. Never throws. */
  start(): void;
  /** Closes the connection and stops retrying; resolves when closed. Registrations are kept for a later start. */
  stop(): Promise<void>;
  /** True while the broker connection is up. */
  readonly connected: boolean;
  /** The current status. */
  readonly status: StompSessionStatus;
  /**
   * Registers a subscription: sent now if connected, and again on every reconnect.
   * The handler gets every MESSAGE on `destination`; what it throws is swallowed.
   */
  subscribe(
    destination: string,
    handler: (message: StompInbound) => void,
    headers?: Readonly<Record<string, string>>,
  ): StompRegistration;
  /**
   * Sends a message without a `content-length` header (NOTES.md §3).
   * @throws StompNotConnectedError when the session is not connected
   */
  publish(message: StompOutbound): void;
  /** Calls `listener` with the current status now and on every change; returns the un-register function. */
  onStatus(listener: (status: StompSessionStatus) => void): () => void;
}

interface Registration {
  readonly destination: string;
  readonly headers: Record<string, string>;
  readonly handler: (message: StompInbound) => void;
  sub: Pick<StompSubscription, 'unsubscribe'> | undefined;
  active: boolean;
}

const STOMP_PROTOCOLS = ['v12.stomp', 'v11.stomp', 'v10.stomp'];

/** A broker URL fit for a status reason: no user info, no query, no fragment. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}

/**
 * A socket that never opens and reports `close` (code 1006) on the next tick: handed to
 * stompjs when the WebSocket constructor throws, so the failure takes the normal
 * close → retry path instead of an unhandled rejection inside stompjs.
 */
function closedSocket(url: string, scheduler: Scheduler) {
  const sock = {
    url,
    readyState: 0,
    binaryType: 'arraybuffer',
    onclose: null as ((ev?: unknown) => unknown) | null | undefined,
    onerror: null as ((ev: unknown) => unknown) | null | undefined,
    onmessage: null as ((ev: unknown) => unknown) | null | undefined,
    onopen: null as ((ev?: unknown) => unknown) | null | undefined,
    close() {
      /* never opened */
    },
    send() {
      /* never opened */
    },
  };
  scheduler.setTimeout(() => {
    sock.readyState = 3;
    sock.onclose?.({ code: 1006, reason: '', wasClean: false });
  }, 0);
  return sock;
}

/**
 * Creates the shared broker session (not started).
 * @throws RangeError when `brokerUrls` is empty
 */
export function createStompSession(opts: StompSessionOptions): StompSession {
  if (opts.brokerUrls.length === 0) throw new RangeError('brokerUrls must name at least one broker');
  const scheduler = opts.scheduler ?? realScheduler;
  const backoff = createBackoff(opts.backoff);
  const heartbeatMs = opts.heartbeatMs ?? 10_000;
  const connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
  const makeClient = opts.createClient ?? ((conf: StompConfig) => new Client(conf));
  const registrations = new Set<Registration>();
  const listeners = new Set<(s: StompSessionStatus) => void>();

  let running = false;
  let urlIndex = 0;
  let generation = 0;
  let client: StompClientLike | undefined;
  let isConnected = false;
  let retryTimer: CancelFn | undefined;
  let connects = 0;
  let status: StompSessionStatus = { state: 'idle', connects: 0 };

  const setStatus = (state: StompSessionState, url?: string, reason?: string) => {
    status = { state, connects, ...(url !== undefined ? { url } : {}), ...(reason !== undefined ? { reason } : {}) };
    for (const l of [...listeners]) {
      try {
        l(status);
      } catch {
        /* a listener's failure is its own */
      }
    }
  };

  const connectHeaders = (): Record<string, string> => {
    const h: Record<string, string> = {};
    if (opts.login !== undefined) h.login = opts.login;
    if (opts.passcode !== undefined) h.passcode = opts.passcode;
    if (opts.vhost !== undefined) h.host = opts.vhost;
    return h;
  };

  const sendSubscription = (reg: Registration) => {
    if (!client || !isConnected) return;
    try {
      reg.sub = client.subscribe(
        reg.destination,
        (m) => {
          if (!reg.active) return;
          let body: string;
          try {
            body = m.body;
          } catch {
            body = '';
          }
          try {
            reg.handler({ destination: reg.destination, body, headers: { ...m.headers } });
          } catch {
            /* a handler's failure must not break the session */
          }
        },
        reg.headers,
      );
    } catch {
      reg.sub = undefined;
    }
  };

  const scheduleRetry = () => {
    if (!running) return;
    retryTimer?.();
    retryTimer = scheduler.setTimeout(() => {
      retryTimer = undefined;
      attempt();
    }, backoff.next());
  };

  const fail = (gen: number, url: string, reason: string) => {
    if (gen !== generation || !running) return;
    generation += 1; // later callbacks of this attempt are ignored
    const c = client;
    client = undefined;
    isConnected = false;
    for (const r of registrations) r.sub = undefined;
    if (c) void c.deactivate().catch(() => undefined);
    urlIndex = (urlIndex + 1) % opts.brokerUrls.length;
    setStatus('down', url, reason);
    scheduleRetry();
  };

  const attempt = () => {
    if (!running) return;
    generation += 1;
    const gen = generation;
    const configured = opts.brokerUrls[urlIndex % opts.brokerUrls.length] ?? '';
    let url: string;
    try {
      url = resolveUrl(configured, opts.baseUrl, true);
      const p = new URL(url).protocol;
      if (p !== 'ws:' && p !== 'wss:') throw new TypeError(`unsupported protocol ${p}`);
    } catch (e) {
      setStatus('connecting', undefined);
      fail(gen, '(invalid URL)', `invalid broker URL #${urlIndex + 1}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const shown = displayUrl(url);
    const WS = opts.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    let lastError: string | undefined;
    setStatus('connecting', shown);
    let c: StompClientLike;
    try {
      c = makeClient({
        webSocketFactory: () => {
          try {
            if (!WS) throw new TypeError('no WebSocket implementation');
            return new WS(url, STOMP_PROTOCOLS);
          } catch (e) {
            lastError = `cannot open WebSocket: ${e instanceof Error ? e.message : String(e)}`;
            return closedSocket(url, scheduler);
          }
        },
        reconnectDelay: 0,
        connectionTimeout: connectTimeoutMs,
        heartbeatIncoming: heartbeatMs,
        heartbeatOutgoing: heartbeatMs,
        connectHeaders: connectHeaders(),
        discardWebsocketOnCommFailure: true,
        debug: () => undefined,
        onConnect: () => {
          if (gen !== generation || !running) return;
          isConnected = true;
          connects += 1;
          backoff.reset();
          for (const r of registrations) sendSubscription(r);
          setStatus('connected', shown);
        },
        onStompError: (frame) => {
          const msg = frame?.headers?.message;
          lastError = `broker ERROR: ${typeof msg === 'string' && msg ? msg : 'no message'}`;
        },
        onHeartbeatLost: () => {
          lastError = 'heart-beat lost';
        },
        onWebSocketError: () => {
          lastError ??= 'WebSocket error';
        },
        onWebSocketClose: (evt: unknown) => {
          const code = (evt as { code?: unknown } | undefined)?.code;
          const why = lastError ?? `WebSocket closed${typeof code === 'number' ? ` (${code})` : ''}`;
          fail(gen, shown, `${why} — ${shown}`);
        },
      });
      client = c;
      isConnected = false;
      c.activate();
    } catch (e) {
      fail(gen, shown, `${e instanceof Error ? e.message : String(e)} — ${shown}`);
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      backoff.reset();
      attempt();
    },
    async stop() {
      if (!running) return;
      running = false;
      generation += 1;
      retryTimer?.();
      retryTimer = undefined;
      const c = client;
      client = undefined;
      isConnected = false;
      for (const r of registrations) r.sub = undefined;
      setStatus('idle', undefined, 'stopped');
      if (c) await c.deactivate().catch(() => undefined);
    },
    get connected() {
      return isConnected && client !== undefined && client.connected;
    },
    get status() {
      return status;
    },
    subscribe(destination, handler, headers = {}) {
      const reg: Registration = { destination, headers: { ...headers }, handler, sub: undefined, active: true };
      registrations.add(reg);
      sendSubscription(reg);
      return {
        unsubscribe() {
          if (!reg.active) return;
          reg.active = false;
          registrations.delete(reg);
          const s = reg.sub;
          reg.sub = undefined;
          if (s && isConnected) {
            try {
              s.unsubscribe();
            } catch {
              /* connection already gone */
            }
          }
        },
      };
    },
    publish(message) {
      const c = client;
      if (!c || !isConnected || !c.connected) throw new StompNotConnectedError();
      try {
        c.publish({
          destination: message.destination,
          headers: { ...(message.headers ?? {}) },
          body: message.body,
          skipContentLengthHeader: true,
        });
      } catch (e) {
        throw new StompNotConnectedError(e instanceof Error ? e.message : String(e));
      }
    },
    onStatus(listener) {
      listeners.add(listener);
      try {
        listener(status);
      } catch {
        /* ignore */
      }
      return () => listeners.delete(listener);
    },
  };
}
