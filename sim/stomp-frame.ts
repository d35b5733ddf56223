/**
 * STOMP 1.2 frame codec (stomp.github.io/stomp-specification-1.2.html, "STOMP Frames",
 * "Value Encoding", "Header" escaping, "Heart-beating"): an incremental byte-level parser
 * that accepts several frames per chunk, frames split across chunks, EOL heart-beats,
 * CRLF line ends and `content-length` bodies (which may contain NUL), and a serializer.
 */

/** One STOMP frame. Header names keep their first occurrence only (spec: "first wins"). */
export interface StompFrame {
  readonly command: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Raw body bytes. */
  readonly body: Buffer;
}

/** A protocol error in the byte stream; the connection must get an ERROR frame and close. */
export class StompFrameError extends Error {
  /** The `receipt` header of the offending frame, when it got that far. */
  constructor(
    message: string,
    readonly receipt?: string,
  ) {
    super(message);
    this.name = 'StompFrameError';
  }
}

/** Frames whose headers are never escaped (spec: CONNECT and CONNECTED). */
const RAW_HEADER_COMMANDS = new Set(['CONNECT', 'CONNECTED']);
const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;

/** Decodes STOMP 1.2 header escapes (`\\r \\n \\c \\\\`); any other escape is a fatal error. */
export function unescapeHeader(s: string, allowCr = true): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const nx = s[++i];
    if (nx === 'n') out += '\n';
    else if (nx === 'c') out += ':';
    else if (nx === '\\') out += '\\';
    else if (nx === 'r' && allowCr) out += '\r';
    else throw new StompFrameError(`Undefined escape sequence \\${nx ?? ''} in header`);
  }
  return out;
}

/** Encodes a header name or value with STOMP 1.2 escapes (`\\`, CR, LF, `:`). */
export function escapeHeader(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/:/g, '\\c');
}

/** Options of {@link StompParser}. */
export interface StompParserOptions {
  /** Largest frame (headers + body, bytes) accepted; default 1 MiB. */
  readonly maxFrameBytes?: number;
  /** Unescape headers (STOMP 1.1/1.2); set false for a 1.0 session. Default true. */
  readonly escaping?: boolean;
}

/** Result items of {@link StompParser.push}: a frame, or a heart-beat (a bare EOL). */
export type StompParseItem = StompFrame | 'heartbeat';

/**
 * Incremental STOMP parser. Feed it every received chunk (text or bytes); it returns the
 * complete frames and heart-beats so far and keeps the rest. Throws {@link StompFrameError}
 * on a malformed stream; after that the parser must not be used again.
 */
export class StompParser {
  /** Whether headers are unescaped (1.1/1.2). Adjust after version negotiation. */
  escaping: boolean;
  private buf: Buffer = Buffer.alloc(0);
  private readonly maxFrameBytes: number;

  constructor(opts: StompParserOptions = {}) {
    this.maxFrameBytes = opts.maxFrameBytes ?? 1024 * 1024;
    this.escaping = opts.escaping ?? true;
  }

  /** Bytes received but not yet part of a complete frame. */
  get pendingBytes(): number {
    return this.buf.length;
  }

  /** Appends a chunk and returns the complete items in order. */
  push(chunk: Buffer | string | ArrayBuffer | Buffer[]): StompParseItem[] {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8')
      : Array.isArray(chunk) ? Buffer.concat(chunk)
      : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    this.buf = this.buf.length === 0 ? bytes : Buffer.concat([this.buf, bytes]);
    const out: StompParseItem[] = [];
    let pos = 0;
    for (;;) {
      // Heart-beats / EOLs between frames.
      while (pos < this.buf.length) {
        if (this.buf[pos] === LF) {
          out.push('heartbeat');
          pos += 1;
        } else if (this.buf[pos] === CR && this.buf[pos + 1] === LF) {
          out.push('heartbeat');
          pos += 2;
        } else break;
      }
      if (pos >= this.buf.length || (this.buf[pos] === CR && pos + 1 === this.buf.length)) break;
      const r = this.parseFrame(pos);
      if (r === null) break;
      out.push(r.frame);
      pos = r.end;
    }
    this.buf = this.buf.subarray(pos);
    if (this.buf.length > this.maxFrameBytes) throw new StompFrameError(`Frame larger than ${this.maxFrameBytes} bytes`);
    return out;
  }

  /** Parses one frame at `start`; null when incomplete. */
  private parseFrame(start: number): { frame: StompFrame; end: number } | null {
    const buf = this.buf;
    let p = start;
    const lines: string[] = [];
    for (;;) {
      const nl = buf.indexOf(LF, p);
      if (nl < 0) {
        if (buf.length - start > this.maxFrameBytes) throw new StompFrameError('Frame headers too large');
        return null;
      }
      let lineEnd = nl;
      if (lineEnd > p && buf[lineEnd - 1] === CR) lineEnd -= 1;
      const line = buf.toString('utf8', p, lineEnd);
      p = nl + 1;
      if (line === '') break;
      lines.push(line);
      if (lines.length > 1000) throw new StompFrameError('Too many header lines');
    }
    const command = lines[0] ?? '';
    if (!/^[A-Z]+$/.test(command)) throw new StompFrameError(`Invalid command line '${command.slice(0, 40)}'`);
    const headers: Record<string, string> = Object.create(null) as Record<string, string>;
    const raw = RAW_HEADER_COMMANDS.has(command) || !this.escaping;
    let receipt: string | undefined;
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) throw new StompFrameError(`Malformed header line '${line.slice(0, 60)}'`, receipt);
      const name = raw ? line.slice(0, colon) : unescapeHeader(line.slice(0, colon));
      const value = raw ? line.slice(colon + 1) : unescapeHeader(line.slice(colon + 1));
      if (!(name in headers)) headers[name] = value;
      if (name === 'receipt' && receipt === undefined) receipt = value;
    }
    const cl = headers['content-length'];
    let bodyEnd: number;
    if (cl !== undefined) {
      if (!/^\d+$/.test(cl.trim())) throw new StompFrameError(`Invalid content-length '${cl}'`, receipt);
      const len = Number(cl.trim());
      if (len > this.maxFrameBytes) throw new StompFrameError(`Frame larger than ${this.maxFrameBytes} bytes`, receipt);
      if (buf.length < p + len + 1) return null;
      if (buf[p + len] !== NUL) throw new StompFrameError('Frame body does not end with NUL after content-length bytes', receipt);
      bodyEnd = p + len;
    } else {
      bodyEnd = buf.indexOf(NUL, p);
      if (bodyEnd < 0) {
        if (buf.length - start > this.maxFrameBytes) throw new StompFrameError(`Frame larger than ${this.maxFrameBytes} bytes`, receipt);
        return null;
      }
    }
    const body = Buffer.from(buf.subarray(p, bodyEnd));
    return { frame: { command, headers, body }, end: bodyEnd + 1 };
  }
}

/** Options of {@link serializeFrame}. */
export interface SerializeOptions {
  /** Escape headers (default true; never for CONNECT/CONNECTED). False for a 1.0 session. */
  readonly escaping?: boolean;
  /** Add `content-length` (body bytes) when absent (default true when there is a body). */
  readonly contentLength?: boolean;
}

/**
 * Serializes a frame to bytes: command, headers (escaped per 1.2 except for
 * CONNECT/CONNECTED; undefined values skipped), blank line, body, NUL.
 */
export function serializeFrame(
  command: string,
  headers: Readonly<Record<string, string | undefined>>,
  body: string | Buffer = '',
  opts: SerializeOptions = {},
): Buffer {
  const bodyBuf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const esc = opts.escaping !== false && !RAW_HEADER_COMMANDS.has(command);
  const lines = [command];
  let hasLength = false;
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    if (k === 'content-length') hasLength = true;
    lines.push(esc ? `${escapeHeader(k)}:${escapeHeader(v)}` : `${k}:${v}`);
  }
  if (!hasLength && (opts.contentLength ?? bodyBuf.length > 0)) lines.push(`content-length:${bodyBuf.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\n')}\n\n`, 'utf8'), bodyBuf, Buffer.from([NUL])]);
}
