/**
 * How the GC adapter reaches a broker: the embedded broker in-process, or a real broker
 * (ActiveMQ behind sim/broker-relay.ts, or any STOMP-over-WebSocket broker) through
 * `@stomp/stompjs` in Node with `ws` (NOTES.md §3, §6).
 */
import { Client, type IStompSocket } from '@stomp/stompjs';
import WebSocket from 'ws';
import type { StompBroker } from './stomp-broker';

/** A broker connection that survives reconnects: subscriptions are re-made on every connect. */
export interface GcTransport {
  /** Starts connecting; `onConnected` runs after every (re)connect, once subscriptions are in place. */
  start(onConnected: () => void): void;
  /** Registers a subscription (kept across reconnects). */
  subscribe(destination: string, onMessage: (headers: Readonly<Record<string, string>>, body: string) => void): void;
  /** Publishes a text message without `content-length` (a JMS TextMessage on ActiveMQ); dropped while disconnected. */
  publish(destination: string, body: string, headers?: Readonly<Record<string, string>>): boolean;
  /** True while connected. */
  readonly connected: boolean;
  /** Disconnects for good. */
  stop(): Promise<void>;
  /** Human description, e.g. `embedded` or the broker URL. */
  readonly description: string;
}

/** Transport over the embedded broker's in-process client (always connected). */
export function embeddedTransport(broker: StompBroker): GcTransport {
  const client = broker.connectLocal();
  let running = false;
  return {
    description: 'embedded',
    start(onConnected) {
      running = true;
      queueMicrotask(onConnected);
    },
    subscribe(destination, onMessage) {
      client.subscribe(destination, onMessage);
    },
    publish(destination, body, headers) {
      if (!running) return false;
      client.send(destination, body, headers);
      return true;
    },
    get connected() {
      return running;
    },
    async stop() {
      running = false;
      client.close();
    },
  };
}

/** Options of {@link remoteTransport}. */
export interface RemoteTransportOptions {
  /** STOMP login / passcode (CONNECT headers), if the broker wants them. */
  readonly login?: string;
  readonly passcode?: string;
  /** Reconnect delay in ms (default 500). */
  readonly reconnectDelayMs?: number;
  /** Heart-beats both ways in ms (default 10000). */
  readonly heartbeatMs?: number;
}

/**
 * Transport over a real broker at a `ws://` URL with `@stomp/stompjs` (`webSocketFactory`
 * from `ws`, `skipContentLengthHeader` on publish, reconnect every 500 ms, re-subscribe on
 * every connect so it carries on after a broker restart).
 */
export function remoteTransport(url: string, opts: RemoteTransportOptions = {}): GcTransport {
  const subs: { destination: string; onMessage: (h: Readonly<Record<string, string>>, b: string) => void }[] = [];
  let onConnectedCb: () => void = () => {};
  let lastError = '';
  const connectHeaders: Record<string, string> = {};
  if (opts.login !== undefined) connectHeaders['login'] = opts.login;
  if (opts.passcode !== undefined) connectHeaders['passcode'] = opts.passcode;
  const client = new Client({
    webSocketFactory: () => new WebSocket(url, ['v12.stomp', 'v11.stomp', 'v10.stomp']) as unknown as IStompSocket,
    connectHeaders,
    reconnectDelay: opts.reconnectDelayMs ?? 500,
    heartbeatIncoming: opts.heartbeatMs ?? 10_000,
    heartbeatOutgoing: opts.heartbeatMs ?? 10_000,
    debug: () => {},
    onConnect: () => {
      lastError = '';
      for (const s of subs) {
        client.subscribe(s.destination, (msg) => {
          try {
            s.onMessage(msg.headers, msg.body);
          } catch (err) {
            console.error('[gc] message handler failed:', err);
          }
        });
      }
      console.info(`[gc] connected to broker ${url}`);
      onConnectedCb();
    },
    onStompError: (frame) => {
      console.error(`[gc] broker ERROR: ${frame.headers['message'] ?? ''} ${frame.body}`.trim());
    },
    onWebSocketError: () => {
      const msg = `[gc] cannot reach broker ${url}; retrying`;
      if (msg !== lastError) console.error(msg);
      lastError = msg;
    },
  });
  return {
    description: url,
    start(onConnected) {
      onConnectedCb = onConnected;
      client.activate();
    },
    subscribe(destination, onMessage) {
      subs.push({ destination, onMessage });
    },
    publish(destination, body, headers = {}) {
      if (!client.connected) return false;
      try {
        client.publish({ destination, body, headers: { ...headers }, skipContentLengthHeader: true });
        return true;
      } catch {
        return false;
      }
    },
    get connected() {
      return client.connected;
    },
    async stop() {
      await client.deactivate();
    },
  };
}
