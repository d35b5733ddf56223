import { realScheduler, type CancelFn, type Scheduler } from '../../lib/scheduler';

/**
 * Liveness watch of one source (ARCHITECTURE.md "Connections"; domain `ConnectionStatus`
 * `stale`): after {@link LivenessOptions.staleAfterMs} milliseconds without a message the
 * source is marked stale once; the next message marks it live again and restarts the window.
 */
export interface LivenessOptions {
  /** Window without any message after which the source is stale (ms). Must be > 0. */
  readonly staleAfterMs: number;
  /** Called once when the window elapses without a message. */
  readonly onStale: () => void;
  /** Called on the first message after {@link LivenessOptions.onStale}. */
  readonly onLive: () => void;
  /** Timers (default {@link realTimers}). */
  readonly scheduler?: Scheduler;
}

/** A running liveness watch. */
export interface Liveness {
  /** Arms the watch (a fresh window starts now); the source counts as live. Idempotent. */
  start(): void;
  /** Records a message: restarts the window, and reports live again if it was stale. No-op when stopped. */
  touch(): void;
  /** Disarms the watch (e.g. on disconnect); no callback fires until the next {@link Liveness.start}. */
  stop(): void;
  /** True between `onStale` and the next message. */
  readonly stale: boolean;
  /** Epoch ms of the last message (or of `start`), undefined before the first start. */
  readonly lastMessageAt: number | undefined;
}

/**
 * Creates a liveness watch. Throws RangeError if `staleAfterMs` is not a positive number.
 */
export function createLiveness(opts: LivenessOptions): Liveness {
  if (!(opts.staleAfterMs > 0)) throw new RangeError('staleAfterMs must be a positive number of milliseconds');
  const scheduler = opts.scheduler ?? realScheduler;
  let handle: CancelFn | undefined;
  let running = false;
  let stale = false;
  let lastMessageAt: number | undefined;

  const arm = () => {
    handle?.();
    handle = scheduler.setTimeout(() => {
      handle = undefined;
      if (!running || stale) return;
      stale = true;
      opts.onStale();
    }, opts.staleAfterMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      stale = false;
      lastMessageAt = scheduler.wallNow();
      arm();
    },
    touch() {
      if (!running) return;
      lastMessageAt = scheduler.wallNow();
      arm();
      if (stale) {
        stale = false;
        opts.onLive();
      }
    },
    stop() {
      running = false;
      stale = false;
      handle?.();
      handle = undefined;
    },
    get stale() {
      return stale;
    },
    get lastMessageAt() {
      return lastMessageAt;
    },
  };
}
