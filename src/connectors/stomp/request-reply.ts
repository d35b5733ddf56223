import { realScheduler, type CancelFn, type Scheduler } from '../../lib/scheduler';
import type { StompInbound, StompSession, StompSessionStatus } from './stomp-session';

/**
 * Request/reply over the shared broker session (NOTES.md §4 "our contract", §5; issue 10
 * scope 1), for every backend that asks the broker something and waits for the answer
 * (Business ConneCT commands, UCCX reports).
 *
 * - Replies come back on a **named reply queue per client** (`/queue/<prefix>.<client id>`),
 *   subscribed once and again on every reconnect: it works on ActiveMQ (whose temp-queue
 *   replies arrive only when subscribed before sending) and on RabbitMQ alike (NOTES §4).
 * - Each request carries `reply-to` (that queue) and a fresh `correlation-id`; a reply is
 *   matched by its `correlation-id` header.
 * - Each request has a timeout (ms). The outcomes are distinct, readable
 *   {@link BrokerRequestError}s: a negative answer (`negative`), no answer in time
 *   (`timeout`), a malformed answer (`malformed`), the session dropped while waiting
 *   (`disconnected`), no session when asked (`not-connected`), the caller stopped waiting
 *   (`cancelled`, through the request's `AbortSignal`). A negative answer may carry the
 *   vendor's structured refusal (`failure`: UCCX `failure{code, message, context}`).
 * - When the session drops, every pending request fails at once; nothing is re-sent after a
 *   reconnect (a command may have reached the backend: the caller decides).
 * - Replies nobody waits for (late after a timeout, unknown id) are reported through
 *   {@link BrokerRequesterOptions.onStray}, never thrown.
 */

/** Why a broker request failed. */
export type BrokerRequestErrorKind = 'negative' | 'timeout' | 'malformed' | 'disconnected' | 'not-connected' | 'cancelled';

/**
 * A vendor's structured refusal, where its protocol has one (UCCX `failure{code, message,
 * context}`, openmethods-uccx-report-server.txt "Failure Response"). Vendor text: render as text only.
 */
export interface BrokerFailure {
  readonly code: string;
  readonly message: string;
  /** The vendor's stack trace, if it sent one (never shown by default). */
  readonly context?: string;
}

/**
 * A broker request that did not succeed. `message` is readable text for the screen (vendor
 * text of a negative answer is quoted as it came, never interpreted as markup).
 */
export class BrokerRequestError extends Error {
  /** The failure's kind (see {@link BrokerRequestErrorKind}). */
  readonly kind: BrokerRequestErrorKind;
  /** The request's correlation id. */
  readonly correlationId: string;
  /** The vendor's structured refusal, for a `negative` answer whose protocol has one. */
  readonly failure?: BrokerFailure;
  constructor(kind: BrokerRequestErrorKind, message: string, correlationId: string, failure?: BrokerFailure) {
    super(message);
    this.name = 'BrokerRequestError';
    this.kind = kind;
    this.correlationId = correlationId;
    if (failure) this.failure = failure;
  }
}

/**
 * What a protocol makes of one reply: its value, a negative answer with the vendor's words,
 * or a malformed reply with what is wrong.
 */
export type ReplyOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly negative: string; readonly failure?: BrokerFailure }
  | { readonly ok: false; readonly malformed: string };

/** One request. */
export interface BrokerRequest<T> {
  /** Where the request goes (e.g. `/queue/uip.bct.commands`). */
  readonly destination: string;
  /** The body as sent (the protocol's JSON). */
  readonly body: string;
  /** Extra STOMP headers (not `reply-to` / `correlation-id`, which the requester sets). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Timeout (ms); default {@link BrokerRequesterOptions.timeoutMs}. */
  readonly timeoutMs?: number;
  /** Reads the reply (the protocol's success / failure fields); what it throws counts as malformed. */
  readonly decode: (reply: StompInbound) => ReplyOutcome<T>;
  /** Short name for error texts (e.g. `SetAgentReady`). */
  readonly label?: string;
  /**
   * Stops waiting when aborted: the request rejects with `cancelled` and a later reply is a
   * stray (the request itself may already have reached the backend: nothing is unsent).
   */
  readonly signal?: AbortSignal;
}

/** Options of {@link createBrokerRequester}. */
export interface BrokerRequesterOptions {
  /** The shared broker session (not started or stopped by the requester). */
  readonly session: StompSession;
  /** Reply queue name prefix; the queue is `/queue/<prefix>.<clientId>`. Default `wallboard.replies`. */
  readonly replyQueuePrefix?: string;
  /** This client's id in the reply queue's name (default a random UUID, one per page load). */
  readonly clientId?: string;
  /** Default timeout per request (ms, > 0). */
  readonly timeoutMs: number;
  /** Timers (default the real ones). */
  readonly scheduler?: Scheduler;
  /** Correlation ids (default `<clientId>-<n>`). */
  readonly newCorrelationId?: () => string;
  /** A reply no request waits for: late (after its timeout), unknown, or without `correlation-id`. */
  readonly onStray?: (reply: StompInbound, why: 'unknown-correlation-id' | 'no-correlation-id') => void;
}

/** A running requester. */
export interface BrokerRequester {
  /** The reply queue (`/queue/...`). */
  readonly replyTo: string;
  /**
   * Sends `req` and resolves with its decoded reply.
   * @throws (rejects) {@link BrokerRequestError}: `not-connected` (nothing sent), `timeout`,
   *   `negative`, `malformed`, `disconnected`; or `stopped` requesters reject with `disconnected`.
   */
  request<T>(req: BrokerRequest<T>): Promise<T>;
  /** Requests sent and not yet answered. */
  pending(): number;
  /** Fails what is pending (`disconnected`), drops the reply subscription. */
  stop(): void;
}

interface Pending {
  readonly label: string;
  readonly decode: (reply: StompInbound) => ReplyOutcome<unknown>;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: BrokerRequestError) => void;
  readonly cancelTimer: CancelFn;
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Creates a requester on `session` and subscribes its reply queue (now if connected, and on
 * every reconnect).
 * @throws RangeError when `timeoutMs` is not a positive number, or the prefix or client id
 *   holds characters outside `[A-Za-z0-9._-]`
 */
export function createBrokerRequester(opts: BrokerRequesterOptions): BrokerRequester {
  if (!(opts.timeoutMs > 0)) throw new RangeError('timeoutMs must be a positive number of milliseconds');
  const scheduler = opts.scheduler ?? realScheduler;
  const prefix = opts.replyQueuePrefix ?? 'wallboard.replies';
  const clientId = opts.clientId ?? randomId();
  for (const [what, v] of [['replyQueuePrefix', prefix], ['clientId', clientId]] as const) {
    if (!/^[A-Za-z0-9._-]+$/.test(v)) throw new RangeError(`${what} may hold only letters, digits, '.', '_' and '-'`);
  }
  const replyTo = `/queue/${prefix}.${clientId}`;
  let n = 0;
  const newId = opts.newCorrelationId ?? (() => `${clientId}-${++n}`);
  const pending = new Map<string, Pending>();
  let stopped = false;

  const failAll = (kind: BrokerRequestErrorKind, why: string) => {
    const all = [...pending];
    pending.clear();
    for (const [id, p] of all) {
      p.cancelTimer();
      p.reject(new BrokerRequestError(kind, `${p.label}: ${why}`, id));
    }
  };

  const onReply = (reply: StompInbound) => {
    const id = reply.headers['correlation-id'];
    if (id === undefined || id === '') return opts.onStray?.(reply, 'no-correlation-id');
    const p = pending.get(id);
    if (!p) return opts.onStray?.(reply, 'unknown-correlation-id');
    pending.delete(id);
    p.cancelTimer();
    let out: ReplyOutcome<unknown>;
    try {
      out = p.decode(reply);
    } catch (err) {
      out = { ok: false, malformed: err instanceof Error ? err.message : String(err) };
    }
    if (out.ok) p.resolve(out.value);
    else if ('negative' in out) p.reject(new BrokerRequestError('negative', `${p.label} refused: ${out.negative}`, id, out.failure));
    else p.reject(new BrokerRequestError('malformed', `${p.label}: malformed reply (${out.malformed})`, id));
  };

  const registration = opts.session.subscribe(replyTo, onReply);
  let wasConnected = opts.session.connected;
  const offStatus = opts.session.onStatus((s: StompSessionStatus) => {
    const up = s.state === 'connected';
    if (wasConnected && !up) failAll('disconnected', `the broker connection dropped before the reply (${s.reason ?? s.state}); not re-sent`);
    wasConnected = up;
  });

  return {
    replyTo,
    request<T>(req: BrokerRequest<T>): Promise<T> {
      const label = req.label ?? req.destination;
      const id = newId();
      if (stopped) return Promise.reject(new BrokerRequestError('disconnected', `${label}: stopped`, id));
      if (req.signal?.aborted) return Promise.reject(new BrokerRequestError('cancelled', `${label}: cancelled; nothing was sent`, id));
      if (!opts.session.connected) {
        return Promise.reject(new BrokerRequestError('not-connected', `${label}: no broker connection; nothing was sent`, id));
      }
      const timeoutMs = req.timeoutMs ?? opts.timeoutMs;
      return new Promise<T>((resolve, reject) => {
        const signal = req.signal;
        const onAbort = () => {
          const p = pending.get(id);
          if (!p) return;
          pending.delete(id);
          p.cancelTimer();
          reject(new BrokerRequestError('cancelled', `${label}: cancelled; no longer waiting for the reply`, id));
        };
        const stopTimer = scheduler.setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          if (pending.delete(id)) reject(new BrokerRequestError('timeout', `${label}: no reply within ${Math.round(timeoutMs / 100) / 10} s`, id));
        }, timeoutMs);
        const cancelTimer = () => {
          stopTimer();
          signal?.removeEventListener('abort', onAbort);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, { label, decode: req.decode as (r: StompInbound) => ReplyOutcome<unknown>, resolve: resolve as (v: unknown) => void, reject, cancelTimer });
        try {
          opts.session.publish({ destination: req.destination, body: req.body, headers: { ...req.headers, 'reply-to': replyTo, 'correlation-id': id } });
        } catch (err) {
          pending.delete(id);
          cancelTimer();
          reject(new BrokerRequestError('not-connected', `${label}: could not send (${err instanceof Error ? err.message : String(err)})`, id));
        }
      });
    },
    pending: () => pending.size,
    stop() {
      if (stopped) return;
      stopped = true;
      offStatus();
      registration.unsubscribe();
      failAll('disconnected', 'stopped');
    },
  };
}
