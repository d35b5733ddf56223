/**
 * WebSocket-to-TCP relay (NOTES.md §6): lets browsers reach Debian's ActiveMQ STOMP connector
 * (`stomp://127.0.0.1:61613`, no WebSocket transport) at `ws://127.0.0.1:61614`. One TCP
 * socket per WebSocket connection; bytes pass both ways unchanged. TCP data goes to the browser
 * as text frames when it is valid UTF-8 (STOMP is text; an incomplete trailing UTF-8 sequence
 * is held back for the next chunk), else as binary frames. Either side closing closes the other.
 *
 * Standalone: `tsx sim/broker-relay.ts --listen 61614 --target 127.0.0.1:61613 [--host 127.0.0.1]`.
 */
import { isUtf8 } from 'node:buffer';
import http from 'node:http';
import net, { type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { openListener } from './listener';

/** Options of {@link startBrokerRelay}. */
export interface BrokerRelayOptions {
  /** Port to listen on (0 = any free port). Default 61614. */
  readonly listenPort?: number;
  /** Bind address, default 127.0.0.1. */
  readonly listenHost?: string;
  /** TCP target host, default 127.0.0.1. */
  readonly targetHost?: string;
  /** TCP target port, default 61613. */
  readonly targetPort?: number;
}

/** A running relay. */
export interface BrokerRelay {
  /** The real listening port. */
  readonly port: number;
  /** Number of relayed connections open now. */
  readonly connections: number;
  /** Cuts every relayed connection now (as a network failure would); the listener stays open. */
  dropAll(): void;
  /** Closes the listener and every relayed connection. */
  close(): Promise<void>;
}

/**
 * Length of an incomplete UTF-8 sequence at the end of `buf` (0..3), so a multi-byte
 * character split across TCP chunks is not sent half in one text frame.
 */
export function incompleteUtf8Tail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back] as number;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Starts a relay; resolves once listening. */
export async function startBrokerRelay(opts: BrokerRelayOptions = {}): Promise<BrokerRelay> {
  const targetHost = opts.targetHost ?? '127.0.0.1';
  const targetPort = opts.targetPort ?? 61613;
  const pairs = new Set<{ ws: WebSocket; tcp: Socket }>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 16 * 1024 * 1024,
    handleProtocols: (protocols) => ['v12.stomp', 'v11.stomp', 'v10.stomp'].find((p) => protocols.has(p)) ?? [...protocols][0] ?? false,
  });
  const server = http.createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket relay to STOMP over TCP\n');
  });
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => relay(ws)));

  function relay(ws: WebSocket): void {
    const tcp = net.connect({ host: targetHost, port: targetPort });
    const pair = { ws, tcp };
    pairs.add(pair);
    const early: Buffer[] = [];
    let tcpReady = false;
    let held: Buffer = Buffer.alloc(0);
    tcp.setNoDelay(true);
    tcp.on('connect', () => {
      tcpReady = true;
      for (const b of early) tcp.write(b);
      early.length = 0;
    });
    tcp.on('data', (chunk: Buffer) => {
      let data = held.length ? Buffer.concat([held, chunk]) : chunk;
      const tail = incompleteUtf8Tail(data);
      held = tail ? Buffer.from(data.subarray(data.length - tail)) : Buffer.alloc(0);
      data = tail ? data.subarray(0, data.length - tail) : data;
      if (data.length === 0 || ws.readyState !== WebSocket.OPEN) return;
      if (isUtf8(data)) ws.send(data.toString('utf8'));
      else ws.send(data, { binary: true });
    });
    const closeBoth = (): void => {
      pairs.delete(pair);
      if (held.length && ws.readyState === WebSocket.OPEN) ws.send(held, { binary: true });
      held = Buffer.alloc(0);
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(1000);
      tcp.destroy();
    };
    tcp.on('close', closeBoth);
    tcp.on('error', () => {
      if (ws.readyState === WebSocket.OPEN) ws.close(1011, 'broker connection failed');
      tcp.destroy();
    });
    ws.on('message', (data: RawData) => {
      const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      if (tcpReady) tcp.write(buf);
      else early.push(buf);
    });
    ws.on('close', () => {
      pairs.delete(pair);
      tcp.end();
      setTimeout(() => tcp.destroy(), 1000).unref();
    });
    ws.on('error', () => ws.terminate());
  }

  const listener = await openListener(server, opts.listenPort ?? 61614, opts.listenHost ?? '127.0.0.1');
  return {
    port: listener.port,
    get connections() {
      return pairs.size;
    },
    dropAll() {
      for (const p of [...pairs]) {
        p.ws.terminate();
        p.tcp.destroy();
      }
      pairs.clear();
    },
    close: async () => {
      for (const p of [...pairs]) {
        p.ws.terminate();
        p.tcp.destroy();
      }
      pairs.clear();
      wss.close();
      await listener.close();
    },
  };
}

/** Parses `--listen <port> --target <host:port> --host <bind>` (also env RELAY_LISTEN, RELAY_TARGET). */
export function parseRelayArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BrokerRelayOptions {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const listen = get('listen') ?? env['RELAY_LISTEN'] ?? '61614';
  const target = get('target') ?? env['RELAY_TARGET'] ?? '127.0.0.1:61613';
  const colon = target.lastIndexOf(':');
  const targetHost = colon > 0 ? target.slice(0, colon) : '127.0.0.1';
  const targetPort = Number(colon >= 0 ? target.slice(colon + 1) : target);
  if (!Number.isInteger(Number(listen)) || !Number.isInteger(targetPort)) throw new Error(`Bad arguments: --listen ${listen} --target ${target}`);
  return { listenPort: Number(listen), listenHost: get('host') ?? '127.0.0.1', targetHost, targetPort };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const opts = parseRelayArgs(process.argv.slice(2));
  const relay = await startBrokerRelay(opts);
  console.info(`[relay] ws://${opts.listenHost ?? '127.0.0.1'}:${relay.port} -> tcp://${opts.targetHost ?? ''}:${opts.targetPort ?? ''}`);
  const shutdown = (): void => {
    void relay.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
