import { useSyncExternalStore } from 'react';
import { getClock } from '../lib/clock';

/**
 * The kiosk's own clock (issue 14 test hook `window.__kioskClock`): the shared 1 Hz clock
 * plus an offset, so that tests (and a TV set to show another site's day) drive rotation,
 * schedule, night and the header clock without waiting. Times are epoch milliseconds.
 */
export interface KioskClock {
  /** The kiosk's time now (epoch ms). */
  now(): number;
  /** Sets the kiosk's time to `epochMs`; it runs on from there. */
  set(epochMs: number): void;
  /** Moves the kiosk's time forward by `ms` (negative: back). */
  advance(ms: number): void;
  /** Subscribes to changes (the shared tick and every `set`/`advance`). */
  subscribe(listener: () => void): () => void;
  /** The time for React (stable between ticks). */
  getSnapshot(): number;
}

/**
 * Creates a kiosk clock over the shared clock.
 * @param startAt epoch ms the kiosk's time starts at (undefined: real time)
 */
export function createKioskClock(startAt?: number): KioskClock {
  const shared = getClock();
  let offset = startAt === undefined ? 0 : startAt - shared.now();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  return {
    now: () => shared.now() + offset,
    set(epochMs) {
      offset = epochMs - shared.now();
      changed();
    },
    advance(ms) {
      offset += ms;
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      const off = shared.subscribe(listener);
      return () => {
        listeners.delete(listener);
        off();
      };
    },
    getSnapshot: () => shared.getSnapshot() + offset,
  };
}

/** React hook: the kiosk clock's time (epoch ms), re-rendering on the shared 1 Hz tick and on every `set`/`advance`. */
export function useKioskNow(clock: KioskClock): number {
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot, clock.getSnapshot);
}
