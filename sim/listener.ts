/**
 * The listening-socket lifecycle the simulator's servers share (control API `http.ts`, RTE hub
 * `rte-hub.ts`, embedded STOMP broker `stomp-broker.ts`, `broker-relay.ts`): listen on a host and
 * port, learn the port actually bound, and stop at once, without waiting for keep-alive or
 * WebSocket connections to end by themselves (so clients see a drop and reconnect).
 *
 * - {@link openListener}: one server, started once and closed once.
 * - {@link ManagedServer}: a server that can be started and stopped repeatedly on the same port.
 */
import type http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A `node:http` server that is listening, with every socket it has accepted tracked. */
export interface OpenListener {
  /** The server itself. */
  readonly server: http.Server;
  /** The TCP port actually bound: the one asked for, or the OS-chosen one when asked for 0. */
  readonly port: number;
  /**
   * Destroys every open socket (HTTP keep-alive and upgraded WebSocket ones alike; abruptly, no
   * close handshake), then resolves once the server has stopped listening. Never rejects; a
   * second call resolves too.
   */
  close(): Promise<void>;
}

/**
 * Tracks the sockets of `server` and starts it listening on `host:port`.
 *
 * @param server a server not yet listening, its request/upgrade handlers attached; its
 *   `'connection'` sockets are tracked from now on.
 * @param port TCP port, 0 = any free port (read the bound one from the result's `port`).
 * @param host bind address, e.g. `127.0.0.1`.
 * @returns the listening server, once it is bound.
 * @throws rejects with the server's `'error'` (e.g. `EADDRINUSE`, `EACCES`) when it cannot bind;
 *   the server is then not listening and nothing needs closing.
 */
export async function openListener(server: http.Server, port: number, host: string): Promise<OpenListener> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Options of {@link ManagedServer}. */
export interface ManagedServerOptions {
  /** TCP port of the first start, 0 = any free port. Later starts reuse the port bound first. */
  readonly port: number;
  /** Bind address, e.g. `127.0.0.1`. */
  readonly host: string;
  /** Builds a fresh server (handlers attached, not listening); called once per start. */
  readonly create: () => http.Server;
  /**
   * Called first thing in a {@link ManagedServer.stop} that has something to stop, while the
   * sockets are still open (e.g. to terminate WebSocket sessions and close the `ws` server).
   */
  readonly beforeClose?: () => void;
}

/**
 * An HTTP server that can be started and stopped any number of times, on the same port.
 * `start()` while running, or while a start is under way, does not start a second server.
 */
export class ManagedServer {
  private listener: OpenListener | null = null;
  private starting: Promise<number> | null = null;
  private boundPort: number;

  constructor(private readonly opts: ManagedServerOptions) {
    this.boundPort = opts.port;
  }

  /** The port: the one asked for until the first start, then the one bound (also while stopped). */
  get port(): number {
    return this.boundPort;
  }

  /** True while listening (not while a start is still binding). */
  get running(): boolean {
    return this.listener !== null;
  }

  /**
   * Creates a server and starts it listening; resolves with the port. When running, resolves
   * with the port at once; while a start is under way, with that start's result.
   * @throws rejects with the bind error (e.g. `EADDRINUSE`); the server is then not running
   *   and a later `start()` tries again.
   */
  async start(): Promise<number> {
    if (this.listener) return this.boundPort;
    this.starting ??= this.listen().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async listen(): Promise<number> {
    const listener = await openListener(this.opts.create(), this.boundPort, this.opts.host);
    this.boundPort = listener.port;
    this.listener = listener;
    return this.boundPort;
  }

  /**
   * Stops listening: runs `beforeClose`, destroys every open socket (clients see a dropped
   * connection) and resolves once the server has closed. No-op when not running (a start
   * under way is not cancelled). Never rejects unless `beforeClose` throws.
   */
  async stop(): Promise<void> {
    const listener = this.listener;
    if (!listener) return;
    this.listener = null;
    this.opts.beforeClose?.();
    await listener.close();
  }
}
