import type { TimerHandle, Timers } from './timers';

/**
 * A manual clock implementing {@link Timers}, for deterministic tests of backoff, liveness
 * and command timeouts: time moves only through {@link FakeTimers.advance}.
 */
export interface FakeTimers extends Timers {
  /** Moves the clock forward by `ms` milliseconds, firing due timers in time order. */
  advance(ms: number): void;
  /** Delays (ms) of the timers set so far, in order. */
  readonly scheduled: readonly number[];
  /** Number of timers not fired or cleared. */
  readonly pendingCount: number;
}

/** Creates a {@link FakeTimers} starting at `start` (epoch ms, default 1 000 000). */
export function createFakeTimers(start = 1_000_000): FakeTimers {
  let t = start;
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  const scheduled: number[] = [];
  return {
    now: () => t,
    setTimeout(fn, ms) {
      seq += 1;
      due.set(seq, { at: t + Math.max(0, ms), fn });
      scheduled.push(ms);
      return seq;
    },
    clearTimeout(h: TimerHandle) {
      if (typeof h === 'number') due.delete(h);
    },
    advance(ms) {
      const end = t + ms;
      for (;;) {
        let next: [number, { at: number; fn: () => void }] | undefined;
        for (const e of due) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
        if (!next) break;
        due.delete(next[0]);
        t = next[1].at;
        next[1].fn();
      }
      t = end;
    },
    get scheduled() {
      return scheduled;
    },
    get pendingCount() {
      return due.size;
    },
  };
}
