/**
 * The one shared clock (ARCHITECTURE.md rule 3). "Time in state" and "longest waiting"
 * are computed from stored epoch-ms timestamps against {@link useNow}, which ticks once a
 * second, on whole seconds, for every component at the same moment. The ticker runs only
 * while something is subscribed. Components never call `setInterval`/`setTimeout`.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { createLogger } from './logger';
import { realScheduler, type CancelFn, type Scheduler } from './scheduler';

const log = createLogger('clock');

/** Receives the tick time (epoch ms). */
export type ClockListener = (nowMs: number) => void;

/** A 1 Hz (by default) ticker over an epoch-ms time source. */
export interface Clock {
  /** Current epoch time in milliseconds (not rounded; reads the time source). */
  now(): number;
  /**
   * Calls `listener` on every tick with the tick's epoch ms. Ticks fall just after whole
   * periods (whole seconds by default) of the time source. The first subscriber starts
   * the ticker, the last unsubscribe stops it (no timer runs while nobody listens).
   * A listener that throws is logged and does not stop the others.
   * @returns the unsubscribe function (idempotent)
   */
  subscribe(listener: ClockListener): () => void;
  /**
   * The time React should render with (epoch ms): the last tick while running; when not
   * running, the current time, refreshed only when a new period has begun, so that two
   * calls within one second return the same value (useSyncExternalStore requires it).
   */
  getSnapshot(): number;
  /** Number of current subscribers (for tests and the perf probe). */
  subscriberCount(): number;
  /** True while the ticker's timer is scheduled. */
  isRunning(): boolean;
}

/** Options of {@link createClock}. */
export interface ClockOptions {
  /** Epoch-ms time source; default `Date.now`. */
  now?: () => number;
  /** Where the tick timer is scheduled; default the real scheduler. */
  scheduler?: Scheduler;
  /** Tick period in ms; default 1000. Must be ≥ 1. */
  periodMs?: number;
}

/**
 * Creates an independent clock (tests; the app uses the shared one, {@link getClock}).
 * @throws RangeError if `periodMs` is not a finite number ≥ 1
 */
export function createClock(options: ClockOptions = {}): Clock {
  const readNow = options.now ?? Date.now;
  const scheduler = options.scheduler ?? realScheduler;
  const period = options.periodMs ?? 1000;
  if (!Number.isFinite(period) || period < 1) throw new RangeError(`periodMs must be >= 1, got ${period}`);
  // A boundary closer than this is skipped, so a timer firing a hair early cannot tick twice.
  const minDelay = Math.max(1, Math.floor(period / 50));

  const listeners = new Set<ClockListener>();
  let current = readNow();
  let cancel: CancelFn | undefined;

  function delayToNextBoundary(t: number): number {
    const into = ((t % period) + period) % period;
    const d = period - into;
    return d < minDelay ? d + period : d;
  }

  function schedule(): void {
    cancel = scheduler.setTimeout(tick, delayToNextBoundary(readNow()));
  }

  function tick(): void {
    cancel = undefined;
    if (listeners.size === 0) return;
    current = readNow();
    schedule();
    for (const listener of [...listeners]) {
      try {
        listener(current);
      } catch (err) {
        log.error('clock listener threw', err);
      }
    }
  }

  function stop(): void {
    cancel?.();
    cancel = undefined;
  }

  return {
    now: () => readNow(),
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && !cancel) {
        current = readNow();
        schedule();
      }
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    getSnapshot() {
      if (!cancel) {
        const t = readNow();
        if (Math.floor(t / period) !== Math.floor(current / period)) current = t;
      }
      return current;
    },
    subscriberCount: () => listeners.size,
    isRunning: () => cancel !== undefined,
  };
}

let shared: Clock = createClock();

/** The shared clock every component and view ticks from. */
export function getClock(): Clock {
  return shared;
}

/**
 * Replaces the shared clock (tests: pass a clock over a fake scheduler and fake time).
 * Components already subscribed keep the old clock until they re-subscribe.
 * @returns the previous clock, to restore afterwards
 */
export function setClock(clock: Clock): Clock {
  const previous = shared;
  shared = clock;
  return previous;
}

/** Current epoch time in ms from the shared clock's time source (injectable via {@link setClock}). */
export function now(): number {
  return shared.now();
}

/** Subscribes to the shared clock's 1 Hz tick; see {@link Clock.subscribe}. */
export function subscribeClock(listener: ClockListener): () => void {
  return shared.subscribe(listener);
}

/**
 * Whether the components below tick (React context, default true). A container that the
 * browser skips while it is off screen (`content-visibility: auto`, {@link useOnScreen})
 * provides false, so none of the tiles inside re-renders on the 1 Hz clock until it is back
 * on screen (docs/PERFORMANCE.md "Browser benchmark").
 */
export const TickingContext = createContext(true);

/**
 * React hook: the shared clock's time (epoch ms), re-rendering the caller once a second
 * on the shared tick. The only timer components use, e.g.
 * `formatDuration(elapsedSeconds(agent.stateSince, useNow()))`.
 * @param ticking false: the caller is not re-rendered by the tick (a tile off screen,
 *   {@link useOnScreen}); it still reads the clock's current time whenever it renders for
 *   another reason, and ticks again at once when `ticking` turns true (default true).
 *   The caller also does not tick while a {@link TickingContext} above it says false.
 */
export function useNow(ticking = true): number {
  const clock = shared;
  const inTicking = useContext(TickingContext);
  return useSyncExternalStore(ticking && inTicking ? clock.subscribe : noSubscribe, clock.getSnapshot, clock.getSnapshot);
}

/** Subscribes to nothing: {@link useNow} with `ticking` false. */
function noSubscribe(): () => void {
  return noop;
}

function noop(): void {}
