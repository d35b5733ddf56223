/**
 * Exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS Architecture
 * Blog, 2015): the n-th retry waits a uniformly random time in
 * `[floorMs, min(maxMs, initialMs · factor^n)]`. It never gives up: there is no attempt
 * limit, and every call of {@link Backoff.next} returns a finite delay
 * (ARCHITECTURE.md "Connections": retry forever with backoff and jitter).
 */

/** Backoff settings. All durations in milliseconds. */
export interface BackoffOptions {
  /** Ceiling of the first retry's delay (ms). Default 500. */
  readonly initialMs?: number;
  /**
   * Cap: no delay is longer than this (ms). Default 4 000: a board must be live again
   * within 5 s of its vendor coming back (foundation issue, acceptance 5); with full
   * jitter a wall of screens still spreads its reconnects over those 4 s.
   */
  readonly maxMs?: number;
  /** Growth per attempt. Default 2. */
  readonly factor?: number;
  /** Shortest delay (ms), so a random 0 never makes a hot loop. Default 100, clamped to `maxMs`. */
  readonly floorMs?: number;
  /** Uniform random source in [0, 1). Default `Math.random`; inject for deterministic tests. */
  readonly random?: () => number;
}

/** Default settings of {@link createBackoff}. */
export const DEFAULT_BACKOFF: Required<Omit<BackoffOptions, 'random'>> = {
  initialMs: 500,
  maxMs: 4_000,
  factor: 2,
  floorMs: 100,
};

/**
 * The delay (ms) before retry number `attempt` (0 = first retry), with full jitter.
 * Always finite, never negative, never above `maxMs`, never below `min(floorMs, maxMs)`.
 * Bad inputs (NaN, negative) are clamped rather than thrown.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const maxMs = positive(opts.maxMs, DEFAULT_BACKOFF.maxMs);
  const initialMs = Math.min(positive(opts.initialMs, DEFAULT_BACKOFF.initialMs), maxMs);
  const factor = Math.max(1, positive(opts.factor, DEFAULT_BACKOFF.factor));
  const floorMs = Math.min(Math.max(0, opts.floorMs ?? DEFAULT_BACKOFF.floorMs), maxMs);
  const n = Number.isFinite(attempt) && attempt > 0 ? Math.min(Math.floor(attempt), 1000) : 0;
  const ceiling = Math.min(maxMs, initialMs * Math.pow(factor, n));
  let r = (opts.random ?? Math.random)();
  if (!(r >= 0)) r = 0;
  if (r >= 1) r = 0.999999;
  const d = Math.floor(r * ceiling);
  return Math.min(maxMs, Math.max(floorMs, Number.isFinite(d) ? d : maxMs));
}

function positive(v: number | undefined, dflt: number): number {
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : dflt;
}

/** A stateful backoff sequence for one connection. */
export interface Backoff {
  /** Delay (ms) before the next retry; advances the attempt counter. Never ends. */
  next(): number;
  /** Call after a successful connection: the next failure starts from the first delay again. */
  reset(): void;
  /** Retries handed out since the last reset. */
  readonly attempt: number;
}

/** Creates a {@link Backoff} sequence with the given settings (see {@link BackoffOptions}). */
export function createBackoff(opts: BackoffOptions = {}): Backoff {
  let attempt = 0;
  return {
    next() {
      const d = backoffDelay(attempt, opts);
      attempt += 1;
      return d;
    },
    reset() {
      attempt = 0;
    },
    get attempt() {
      return attempt;
    },
  };
}
