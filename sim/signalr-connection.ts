/**
 * One server-side ASP.NET Core SignalR connection over a WebSocket, JSON hub protocol
 * (dotnet/aspnetcore HubProtocol.md; NOTES.md §1): records end with 0x1E; the first record is
 * the handshake `{"protocol":"json","version":1}`, answered `{}`; then invocations (type 1)
 * answered by completions (3), stream invocations (4) refused, cancel (5) and ping (6)
 * ignored, close (7) closes. The server pings every `pingMs`. A malformed record gets a close
 * message with an error and the socket is closed; nothing throws.
 */
import { WebSocket, type RawData } from 'ws';

const RS = '\u001e';

/** Answer of a hub method: a result, or an error text for the completion. */
export type HubMethodResult = { readonly result: unknown } | { readonly error: string };

/** Options of {@link SignalRConnection}. */
export interface SignalRConnectionOptions {
  /** Ping interval, ms. */
  readonly pingMs: number;
  /**
   * Most characters of received text buffered before a record separator; more closes the
   * connection with "Message too large." (default 1,048,576, i.e. 1 MB of ASCII).
   */
  readonly maxBufferChars?: number;
  /** Hub method dispatch (called for every invocation, after the handshake). */
  readonly onInvoke: (conn: SignalRConnection, target: string, args: unknown[]) => HubMethodResult;
  /** Runs after the completion of an invocation has been sent (e.g. to push current values). */
  readonly afterInvoke?: (conn: SignalRConnection, target: string, args: unknown[]) => void;
  /** Called once when the socket closes. */
  readonly onClose: (conn: SignalRConnection) => void;
}

/** The connection. `id` is the negotiated connectionId. */
export class SignalRConnection {
  private handshaken = false;
  private buffer = '';
  /**
   * While frozen (a half-open connection, as when the server process is paused): nothing is
   * sent, received text is held; {@link SignalRConnection.thaw} sends and handles what was
   * held, in order, as a resumed process would. Pings falling due while frozen are not sent.
   */
  private frozen = false;
  private heldOut: string[] = [];
  private heldIn: string[] = [];
  private readonly timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly opts: SignalRConnectionOptions,
  ) {
    const handshakeTimer = setTimeout(() => {
      if (!this.handshaken) ws.terminate();
    }, 15_000);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return this.closeWithError('Binary messages are not supported (JSON protocol only).');
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
      if (this.frozen) this.heldIn.push(text);
      else this.onText(text);
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearTimeout(handshakeTimer);
      for (const t of this.timers) clearInterval(t);
      opts.onClose(this);
    });
  }

  /** True once the handshake completed (messages may be pushed). */
  get ready(): boolean {
    return this.handshaken && this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends one hub message (JSON + 0x1E); held while frozen. */
  send(msg: unknown): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(msg) + RS;
    if (this.frozen) this.heldOut.push(text);
    else this.ws.send(text);
  }

  /** Freezes the connection (half-open: the socket stays open, nothing flows). Idempotent. */
  freeze(): void {
    this.frozen = true;
  }

  /** Ends a freeze: sends what was held, then handles what was received meanwhile, in order. */
  thaw(): void {
    if (!this.frozen) return;
    this.frozen = false;
    const out = this.heldOut.splice(0);
    const inbound = this.heldIn.splice(0);
    if (this.ws.readyState === WebSocket.OPEN) for (const text of out) this.ws.send(text);
    for (const text of inbound) this.onText(text);
  }

  /** Calls a client method without waiting for an answer (type 1, no invocationId). */
  invokeClient(target: string, args: unknown[]): void {
    if (this.ready) this.send({ type: 1, target, arguments: args });
  }

  /** Drops the connection abruptly (clients with automatic reconnect reconnect). */
  terminate(): void {
    this.ws.terminate();
  }

  /** Sends a close message with an error, then closes. */
  closeWithError(error: string): void {
    this.send({ type: 7, error });
    this.ws.close(1000);
  }

  private onText(text: string): void {
    this.buffer += text;
    if (this.buffer.length > (this.opts.maxBufferChars ?? 1024 * 1024)) return this.closeWithError('Message too large.');
    let i: number;
    while ((i = this.buffer.indexOf(RS)) >= 0) {
      const record = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 1);
      if (this.ws.readyState !== WebSocket.OPEN) return;
      let msg: unknown;
      try {
        msg = JSON.parse(record);
      } catch {
        return this.closeWithError('Connection closed with an error. InvalidDataException: invalid JSON.');
      }
      if (!this.handshaken) {
        this.onHandshake(msg);
        continue;
      }
      this.onMessage(msg);
    }
  }

  private onHandshake(msg: unknown): void {
    const protocol = msg !== null && typeof msg === 'object' ? (msg as Record<string, unknown>)['protocol'] : undefined;
    if (protocol !== 'json') {
      this.send({ error: `Requested protocol '${String(protocol)}' is not available.` });
      this.ws.close(1000);
      return;
    }
    this.handshaken = true;
    this.send({});
    this.timers.push(setInterval(() => this.frozen || this.send({ type: 6 }), this.opts.pingMs));
  }

  private onMessage(msg: unknown): void {
    if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) {
      return this.closeWithError('Connection closed with an error. InvalidDataException: message is not an object.');
    }
    const m = msg as Record<string, unknown>;
    const invocationId = typeof m['invocationId'] === 'string' ? m['invocationId'] : undefined;
    switch (m['type']) {
      case 1: {
        const target = m['target'];
        if (typeof target !== 'string') return this.closeWithError('Connection closed with an error. InvalidDataException: missing target.');
        const args = Array.isArray(m['arguments']) ? (m['arguments'] as unknown[]) : [];
        let r: HubMethodResult;
        try {
          r = this.opts.onInvoke(this, target, args);
        } catch (err) {
          r = { error: `Failed to invoke '${target}' due to an error on the server. ${err instanceof Error ? err.message : String(err)}` };
        }
        if (invocationId !== undefined) this.send({ type: 3, invocationId, ...r });
        if ('result' in r) this.opts.afterInvoke?.(this, target, args);
        return;
      }
      case 4:
        if (invocationId !== undefined) this.send({ type: 3, invocationId, error: 'Streaming is not supported.' });
        return;
      case 5:
      case 6:
        return;
      case 7:
        this.ws.close(1000);
        return;
      default:
        return this.closeWithError(`Connection closed with an error. InvalidDataException: unknown message type ${String(m['type'])}.`);
    }
  }
}
