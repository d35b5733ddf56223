/**
 * A tiny levelled logger that redacts secrets before anything reaches the console
 * (tokens must never be logged): JWTs, `Bearer`/`Basic` credentials, `access_token=` and
 * similar query parameters, `Authorization`/`passcode`/`password`/`token` header, JSON and
 * STOMP-header values, and object properties with such names.
 *
 * Usage: `const log = createLogger('rte'); log.warn('hub closed', err);`
 */

/** Log levels, least to most severe; `silent` logs nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** A level a message can be written at. */
export type MessageLevel = Exclude<LogLevel, 'silent'>;

/** A scoped logger. Every argument is passed through {@link redact} first. Never throws. */
export interface Logger {
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string, ...args: unknown[]): void;
}

/**
 * Where log lines go. Receives the already-redacted message and arguments.
 * @param level the message's level
 * @param scope the logger's scope, e.g. `rte`, `bus`
 */
export type LogSink = (level: MessageLevel, scope: string, message: string, args: readonly unknown[]) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** The placeholder that replaces a secret. */
export const REDACTED = '[REDACTED]';

const consoleSink: LogSink = (level, scope, message, args) => {
  const line = `[${scope}] ${message}`;
  // console.debug is not allowed by the lint rules; debug lines go to console.info.
  if (level === 'error') console.error(line, ...args);
  else if (level === 'warn') console.warn(line, ...args);
  else console.info(level === 'debug' ? `(debug) ${line}` : line, ...args);
};

let currentLevel: LogLevel = 'info';
let currentSink: LogSink = consoleSink;

/** Sets the minimum level written by every logger (default `info`). */
export function setLogLevel(level: LogLevel): void {
  currentLevel = level;
}

/** The minimum level currently written. */
export function getLogLevel(): LogLevel {
  return currentLevel;
}

/** Replaces where log lines go (tests, a perf probe); `undefined` restores the console. */
export function setLogSink(sink: LogSink | undefined): void {
  currentSink = sink ?? consoleSink;
}

// --- redaction --------------------------------------------------------------------

/** Three base64url segments, the first a JSON header (`eyJ` = `{"`). */
const JWT_RE = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

/** Secret-bearing names in `name=value` (query strings, form bodies, cookies). */
const QUERY_RE =
  /\b((?:access|id|refresh)_token|token|jwt|passcode|password|pwd|secret|client_secret|api_?key|signature|sig|code_verifier)=([^&\s#"']*)/gi;

/** `Name: value`, `"name":"value"`, `name=value` with header/JSON/STOMP-header names. */
const FIELD_RE =
  /(["']?)\b(authorization|proxy-authorization|x-api-key|api[_-]?key|cookie|set-cookie|passcode|password|secret|client_secret|access_?token|refresh_?token|id_?token|token|jwt)\1(\s*[:=]\s*)(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|((?:(?:bearer|basic|token)\s+)?[^\s,;}&"']+))/gi;

/** A bare `Bearer xyz` / `Basic xyz` credential anywhere. */
const SCHEME_RE = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi;

/** Object property names whose values are always secret. */
const SECRET_KEY_RE =
  /^(authorization|proxy-authorization|cookie|set-cookie|passcode|password|pwd|secret|jwt|api[_-]?key|x-api-key)$|(token|secret|password|passcode)$/i;

/**
 * Replaces anything that looks like a credential in `text` with `[REDACTED]` (JWTs become
 * `[REDACTED:jwt]`). Pure; never throws.
 * @example redactString('GET /rte?id=1&access_token=abc') === 'GET /rte?id=1&access_token=[REDACTED]'
 */
export function redactString(text: string): string {
  return text
    .replace(JWT_RE, '[REDACTED:jwt]')
    .replace(FIELD_RE, (_m, q: string, name: string, sep: string, dq?: string, sq?: string) => {
      if (dq !== undefined) return `${q}${name}${q}${sep}"${REDACTED}"`;
      if (sq !== undefined) return `${q}${name}${q}${sep}'${REDACTED}'`;
      return `${q}${name}${q}${sep}${REDACTED}`;
    })
    .replace(QUERY_RE, (_m, name: string) => `${name}=${REDACTED}`)
    .replace(SCHEME_RE, (_m, scheme: string) => `${scheme} ${REDACTED}`);
}

/** True when a property called `key` holds a secret (e.g. `token`, `accessToken`, `passcode`, `Authorization`). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY_RE.test(key);
}

/**
 * Returns a copy of `value` safe to log: strings through {@link redactString}, properties
 * with secret names replaced by `[REDACTED]`, Errors rebuilt with redacted message and
 * stack, objects and arrays copied to depth 6 (deeper: `[…]`), cycles as `[Circular]`.
 * Never mutates `value`; never throws.
 */
export function redact(value: unknown): unknown {
  return redactValue(value, 0, new WeakSet<object>());
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= 6) return '[…]';
  seen.add(value);
  try {
    if (value instanceof Error) {
      const copy = new Error(redactString(value.message));
      copy.name = value.name;
      copy.stack = value.stack === undefined ? undefined : redactString(value.stack);
      if (value.cause !== undefined) copy.cause = redactValue(value.cause, depth + 1, seen);
      return copy;
    }
    if (value instanceof Date || value instanceof RegExp) return value;
    if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1, seen));
    if (value instanceof Map) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of value) {
        const name = String(k);
        out[name] = isSecretKey(name) ? REDACTED : redactValue(v, depth + 1, seen);
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      Object.defineProperty(out, k, {
        value: isSecretKey(k) ? REDACTED : redactValue(v, depth + 1, seen),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  } catch {
    return '[unloggable]';
  } finally {
    seen.delete(value);
  }
}

/**
 * Creates a logger whose lines are prefixed with `[scope]`. Messages below the level set
 * by {@link setLogLevel} are dropped before any redaction work is done.
 * @param scope short name of the emitting module, e.g. `bus`, `rte`, `gc`
 */
export function createLogger(scope: string): Logger {
  const write = (level: MessageLevel, message: string, args: unknown[]): void => {
    if (RANK[level] < RANK[currentLevel]) return;
    try {
      currentSink(level, scope, redactString(String(message)), args.map(redact));
    } catch {
      // A logger must never take the caller down.
    }
  };
  return {
    debug: (message, ...args) => write('debug', message, args),
    info: (message, ...args) => write('info', message, args),
    warn: (message, ...args) => write('warn', message, args),
    error: (message, ...args) => write('error', message, args),
  };
}
