import type {
  ConnectionStatus,
  ConnectionStatusEvent,
  DomainEvent,
  IngestErrorEvent,
  SourceId,
} from '../../domain';
import type { Emit } from './types';

/** Longest vendor text quoted in an error message (characters); longer text is cut with `…`. */
export const MAX_QUOTED_CHARS = 200;

/**
 * Quotes vendor text for an error message: cut to {@link MAX_QUOTED_CHARS} characters,
 * control characters replaced by spaces. Plain text only; the UI never renders it as HTML.
 */
export function quote(text: unknown): string {
  const s = typeof text === 'string' ? text : safeStringify(text);
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > MAX_QUOTED_CHARS ? `${clean.slice(0, MAX_QUOTED_CHARS)}…` : clean;
}

function safeStringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/**
 * Builds a `connection.status` event (domain `ConnectionStatusEvent`).
 * @param at receipt time, epoch ms
 * @param reason plain-text reason (never a token or password)
 */
export function statusEvent(
  source: SourceId,
  status: ConnectionStatus,
  at: number,
  reason?: string,
): ConnectionStatusEvent {
  return reason === undefined
    ? { kind: 'connection.status', source, at, status }
    : { kind: 'connection.status', source, at, status, reason };
}

/**
 * Builds an `ingest.error` event (domain `IngestErrorEvent`).
 * @param code short machine code, e.g. `malformed-frame`, `unknown-event`, `wrong-type`
 * @param message plain text; vendor text in it should go through {@link quote}
 * @param at epoch ms
 */
export function ingestErrorEvent(source: SourceId, code: string, message: string, at: number): IngestErrorEvent {
  return { kind: 'ingest.error', source, at, error: { code, message, at } };
}

/**
 * Reports a source's connection status, emitting a `connection.status` event only when
 * the status or the reason changes (so a retry loop does not flood the bus).
 */
export interface StatusReporter {
  /** Emits `status` (with `reason`) unless it equals the last one emitted. */
  set(status: ConnectionStatus, reason?: string): void;
  /** The last status emitted (`idle` before any). */
  readonly current: ConnectionStatus;
}

/**
 * Creates a {@link StatusReporter} for `source` that emits through `emit`.
 * @param now clock, epoch ms
 */
export function createStatusReporter(source: SourceId, emit: Emit, now: () => number): StatusReporter {
  let current: ConnectionStatus = 'idle';
  let lastReason: string | undefined;
  return {
    set(status, reason) {
      if (status === current && reason === lastReason) return;
      current = status;
      lastReason = reason;
      safeEmit(emit, [statusEvent(source, status, now(), reason)]);
    },
    get current() {
      return current;
    },
  };
}

/**
 * Calls `emit`, swallowing anything it throws (the `Emit` contract says it never throws;
 * a connector must survive a consumer that does). Empty batches are not emitted.
 */
export function safeEmit(emit: Emit, events: readonly DomainEvent[]): void {
  if (events.length === 0) return;
  try {
    emit(events);
  } catch {
    /* the bus owns its own errors */
  }
}
