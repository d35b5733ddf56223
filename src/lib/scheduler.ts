/**
 * The one scheduler of the app and its tests (ARCHITECTURE.md rule 3): the only place
 * that wraps `setTimeout` / `requestAnimationFrame`. The ingest bus, the shared clock, the
 * connectors (backoff, liveness, command timeouts) and the kiosk all take a
 * {@link Scheduler}, so tests pass the deterministic {@link createFakeScheduler} instead
 * of real timers. Lint refuses `setTimeout`/`setInterval`/`requestAnimationFrame` in
 * `src/` outside `src/lib/`.
 */

/** Cancels a scheduled callback. Calling it after the callback ran, or twice, does nothing. */
export type CancelFn = () => void;

/** Timer and frame source. All times and delays are in milliseconds. */
export interface Scheduler {
  /**
   * Monotonic time in milliseconds (`performance.now()` in browsers and Node), for due
   * times and durations. Not epoch time: use the clock (`src/lib/clock.ts`) for that.
   */
  now(): number;
  /**
   * Wall-clock time, epoch milliseconds (`Date.now()`), for event receipt times (`at`)
   * and anything shown as a time of day. A fake scheduler's wall clock moves with
   * {@link FakeScheduler.advance}.
   */
  wallNow(): number;
  /**
   * Runs `callback` once after at least `delayMs` milliseconds (negative or NaN → 0).
   * @returns a function that cancels the callback if it has not run yet
   */
  setTimeout(callback: () => void, delayMs: number): CancelFn;
  /**
   * Runs `callback` before the next paint (`requestAnimationFrame`). Where there is no
   * animation frame (Node), falls back to a 16 ms timeout. A hidden browser tab may not
   * run frames at all: callers that must not stall need their own timeout fallback.
   * @returns a function that cancels the callback if it has not run yet
   */
  requestFrame(callback: () => void): CancelFn;
}

function clampDelay(delayMs: number): number {
  return Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
}

function monotonicNow(): number {
  return typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now();
}

function realSetTimeout(callback: () => void, delayMs: number): CancelFn {
  const handle = globalThis.setTimeout(callback, clampDelay(delayMs));
  return () => globalThis.clearTimeout(handle);
}

function realRequestFrame(callback: () => void): CancelFn {
  if (typeof globalThis.requestAnimationFrame === 'function') {
    const handle = globalThis.requestAnimationFrame(() => callback());
    return () => globalThis.cancelAnimationFrame(handle);
  }
  return realSetTimeout(callback, 16);
}

/** The scheduler backed by the platform's real timers. */
export const realScheduler: Scheduler = {
  now: monotonicNow,
  wallNow: () => Date.now(),
  setTimeout: realSetTimeout,
  requestFrame: realRequestFrame,
};

/**
 * A deterministic scheduler for tests and benchmarks: time stands still until
 * {@link FakeScheduler.advance} moves it, which runs due callbacks in due-time order
 * (ties in scheduling order). Frames are 16 ms timeouts.
 */
export interface FakeScheduler extends Scheduler {
  /**
   * Moves time forward by `ms` (≥ 0), running every callback that falls due on the way,
   * including callbacks scheduled by those callbacks. Time is set to each callback's due
   * time before it runs.
   * @throws RangeError if `ms` is negative or not finite
   */
  advance(ms: number): void;
  /**
   * Moves time forward by `ms` without running anything, as if the current task were
   * busy for that long (simulates a slow flush or a late timer).
   * @throws RangeError if `ms` is negative or not finite
   */
  elapse(ms: number): void;
  /** Runs every pending callback, advancing time to each; stops after `limit` callbacks (default 10,000). */
  runAll(limit?: number): void;
  /** Number of callbacks (timeouts and frames) not yet run or cancelled. */
  pending(): number;
  /** Due times (ms) of the pending callbacks, earliest first. */
  pendingDueTimes(): number[];
  /** Delays (ms, as requested) of every timeout scheduled so far, in order (frames excluded). */
  readonly scheduled: readonly number[];
}

interface FakeTask {
  readonly due: number;
  readonly seq: number;
  readonly callback: () => void;
}

/**
 * Creates a {@link FakeScheduler}.
 * @param startMs initial value of `now()` and `wallNow()` (ms; both move together). Pass an
 *   epoch time to use the same fake as the clock's `now`.
 */
export function createFakeScheduler(startMs = 0): FakeScheduler {
  let time = startMs;
  let seq = 0;
  const tasks = new Map<number, FakeTask>();
  const scheduled: number[] = [];

  function schedule(callback: () => void, delayMs: number): CancelFn {
    const id = ++seq;
    tasks.set(id, { due: time + clampDelay(delayMs), seq: id, callback });
    return () => {
      tasks.delete(id);
    };
  }

  function nextTask(limit: number): [number, FakeTask] | undefined {
    let best: [number, FakeTask] | undefined;
    for (const entry of tasks) {
      const t = entry[1];
      if (t.due > limit) continue;
      if (!best || t.due < best[1].due || (t.due === best[1].due && t.seq < best[1].seq)) best = entry;
    }
    return best;
  }

  function checkMs(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be a finite number >= 0, got ${ms}`);
  }

  return {
    now: () => time,
    wallNow: () => time,
    setTimeout: (callback, delayMs) => {
      scheduled.push(delayMs);
      return schedule(callback, delayMs);
    },
    requestFrame: (callback) => schedule(callback, 16),
    advance(ms) {
      checkMs(ms);
      const target = time + ms;
      for (;;) {
        const next = nextTask(target);
        if (!next) break;
        tasks.delete(next[0]);
        time = Math.max(time, next[1].due);
        next[1].callback();
      }
      time = Math.max(time, target);
    },
    elapse(ms) {
      checkMs(ms);
      time += ms;
    },
    runAll(limit = 10_000) {
      for (let i = 0; i < limit; i++) {
        const next = nextTask(Number.POSITIVE_INFINITY);
        if (!next) return;
        tasks.delete(next[0]);
        time = Math.max(time, next[1].due);
        next[1].callback();
      }
    },
    pending: () => tasks.size,
    pendingDueTimes: () => [...tasks.values()].map((t) => t.due).sort((a, b) => a - b),
    get scheduled() {
      return scheduled;
    },
  };
}
