/**
 * Injectable clock and one-shot timers, so backoff, liveness and command timeouts run
 * deterministically in tests (ARCHITECTURE.md rule 3: one clock; connectors own their
 * transport timers, components never do).
 */

/** Opaque handle returned by {@link Timers.setTimeout}. */
export type TimerHandle = unknown;

/** The clock and timer functions a connector uses. All durations in milliseconds. */
export interface Timers {
  /** Current time, epoch milliseconds. */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds; returns a handle for {@link Timers.clearTimeout}. */
  setTimeout(fn: () => void, ms: number): TimerHandle;
  /** Cancels a pending timer; a handle that already fired or is undefined is ignored. */
  clearTimeout(handle: TimerHandle): void;
}

/** The platform's own clock and timers (`Date.now`, `globalThis.setTimeout`). */
export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => {
    if (h !== undefined) globalThis.clearTimeout(h as ReturnType<typeof globalThis.setTimeout>);
  },
};
