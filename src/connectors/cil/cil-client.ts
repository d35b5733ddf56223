/**
 * A typed client of the whole b+s Connects Integration API surface
 * (cil-bs-connects-integration-api.txt "Events", "Requests"; NOTES.md §2) over a
 * {@link CilTransport}:
 * - every request that takes a `requestId` gets a fresh one, passed in the vendor's
 *   parameter position; an `error` event carrying that id fails the request with the
 *   vendor's `message` (document "error");
 * - an answer of nothing, a plain value or `{success, response}` resolves
 *   (`{success:false}` fails with its message);
 * - a request may wait for its confirming event (e.g. `setAgentState` → `agentStateChange`);
 * - events are validated (`parseCilEvent`) before anyone sees them; a refused payload is
 *   reported once with its reason, and never stops the events around it.
 */
import { CommandError } from '../../domain';
import type { CancelFn, Scheduler } from '../../lib/scheduler';
import type { CilTransport } from './cil-transport';
import { parseCilEvent, unwrapAnswer, type CilEvent, type CilMethod, type CilWireError } from './cil-wire';

/** Options of {@link createCilClient}. */
export interface CilClientOptions {
  readonly transport: CilTransport;
  readonly scheduler: Scheduler;
  /** A request without an answer (or without its confirming event) fails after this long (ms). */
  readonly timeoutMs: number;
  /** New CIL request ids. */
  readonly newId: () => string;
  /** A valid CIL event (after the client matched it against its pending requests). */
  readonly onEvent: (event: CilEvent) => void;
  /** A refused payload or bridge message: code and plain-text reason. */
  readonly onRejected: (error: CilWireError) => void;
  /** A CIL `error` event that no pending request claimed (vendor text). */
  readonly onUnclaimedError: (message: string, requestId: string | undefined) => void;
  /** The transport is ready / down (reason). */
  readonly onReady: () => void;
  readonly onDown: (reason: string) => void;
}

/** Per-request options of {@link CilClient.call}. */
export interface CallOptions {
  /** The CIL request id this call carries (its `error` event fails it). */
  readonly requestId?: string;
  /** Resolve only once an event satisfies this (after CIL answered); the answer alone is not enough. */
  readonly confirmedBy?: (event: CilEvent) => boolean;
}

/** The client. */
export interface CilClient {
  /** Starts the transport. */
  start(): void;
  /** Stops the transport; pending requests fail with `not-connected`. */
  stop(): void;
  /** A new CIL request id. */
  newRequestId(): string;
  /**
   * Calls `method` with the vendor's parameters.
   * @returns the unwrapped answer (`response` of `{success, response}`, or the value)
   * @throws (rejects) `CommandError`: `vendor-error` (an `error` event with this request's
   *   id, `{success:false}`, or a rejected call, with the vendor's message), `timeout`
   */
  call(method: CilMethod, args: readonly unknown[], options?: CallOptions): Promise<unknown>;
}

interface Pending {
  readonly requestId: string | undefined;
  readonly confirmedBy: ((event: CilEvent) => boolean) | undefined;
  answered: boolean;
  value: unknown;
  confirmed: boolean;
  timer: CancelFn | undefined;
  resolve(v: unknown): void;
  reject(e: CommandError): void;
}

/** Creates a {@link CilClient}. */
export function createCilClient(o: CilClientOptions): CilClient {
  const pending = new Set<Pending>();

  const settle = (p: Pending, outcome: { value: unknown } | { error: CommandError }): void => {
    if (!pending.delete(p)) return;
    p.timer?.();
    if ('error' in outcome) p.reject(outcome.error);
    else p.resolve(outcome.value);
  };

  const handleEvent = (name: unknown, data: unknown): void => {
    const r = parseCilEvent(name, data);
    if (!r.ok) {
      o.onRejected(r.error);
      return;
    }
    const event = r.value;
    if (event.name === 'error') {
      const id = event.data.requestId === undefined || event.data.requestId === null ? '' : String(event.data.requestId);
      const claimed = id === '' ? undefined : [...pending].find((p) => p.requestId === id);
      if (claimed) settle(claimed, { error: new CommandError('vendor-error', event.data.message) });
      else o.onUnclaimedError(event.data.message, id === '' ? undefined : id);
      return;
    }
    o.onEvent(event);
    for (const p of [...pending]) {
      if (p.confirmedBy && !p.confirmed && p.confirmedBy(event)) {
        p.confirmed = true;
        if (p.answered) settle(p, { value: p.value });
      }
    }
  };

  return {
    start() {
      o.transport.start({
        onEvent: handleEvent,
        onReady: o.onReady,
        onDown: o.onDown,
        onRejected: (code, message) => o.onRejected({ code, message }),
      });
    },
    stop() {
      o.transport.stop();
      for (const p of [...pending]) settle(p, { error: new CommandError('not-connected', 'b+s Connects connection stopped') });
    },
    newRequestId: o.newId,
    call(method, args, options = {}) {
      return new Promise((resolve, reject) => {
        const p: Pending = {
          requestId: options.requestId,
          confirmedBy: options.confirmedBy,
          answered: false,
          value: undefined,
          confirmed: false,
          timer: undefined,
          resolve,
          reject,
        };
        pending.add(p);
        p.timer = o.scheduler.setTimeout(() => {
          p.timer = undefined;
          const why = p.answered ? `b+s Connects did not confirm ${method} within ${Math.round(o.timeoutMs / 1000)} s` : `b+s Connects did not answer ${method} within ${Math.round(o.timeoutMs / 1000)} s`;
          settle(p, { error: new CommandError('timeout', why) });
        }, o.timeoutMs);
        let sent: Promise<unknown>;
        try {
          sent = o.transport.call(method, args);
        } catch (e) {
          sent = Promise.reject(e);
        }
        sent.then(
          (raw) => {
            const a = unwrapAnswer(raw);
            if (!a.ok) {
              settle(p, { error: new CommandError('vendor-error', a.message) });
              return;
            }
            p.answered = true;
            p.value = a.value;
            if (!p.confirmedBy || p.confirmed) settle(p, { value: a.value });
          },
          (e: unknown) => settle(p, { error: new CommandError('vendor-error', e instanceof Error ? e.message : String(e)) }),
        );
      });
    },
  };
}
