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
  // Monotonic time of the last message. A message only stamps it: re-arming a timer per
  // message cost a clearTimeout + setTimeout pair per event on the ingest path (about 2 % of
  // the board's main thread at 1,000 events/s, docs/PERFORMANCE.md). The one timer, when it
  // fires, re-arms itself for what is left of the window since the last message.
  let lastTouch = 0;

  const arm = (ms: number) => {
    handle = scheduler.setTimeout(check, ms);
  };
  const check = () => {
    handle = undefined;
    if (!running || stale) return;
    const left = opts.staleAfterMs - (scheduler.now() - lastTouch);
    if (left > 0) {
      arm(left);
      return;
    }
    stale = true;
    opts.onStale();
  };

  return {
    start() {
      if (running) return;
      running = true;
      stale = false;
      lastMessageAt = scheduler.wallNow();
      lastTouch = scheduler.now();
      handle?.();
      arm(opts.staleAfterMs);
    },
    touch() {
      if (!running) return;
      lastMessageAt = scheduler.wallNow();
      lastTouch = scheduler.now();
      if (stale) {
        stale = false;
        arm(opts.staleAfterMs);
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
