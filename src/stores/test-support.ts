/**
 * Component-test harness for the app's singleton stores and bus (test-only; the app never
 * imports it). It lives in `stores/` rather than `ui/test-support.tsx` because it needs the
 * stores and the clock (`lib`), which `ui/` may not import (ARCHITECTURE.md "Rooms"); every
 * room that renders panels (features, kiosk, app) may import `stores`.
 */
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import type { DomainEvent } from '../domain';
import { createClock, setClock, type Clock } from '../lib/clock';
import { createFakeScheduler, type FakeScheduler } from '../lib/scheduler';
import { getBus, initIngest, resetWallboard } from './wallboard';

/** The component tests' start time, 2026-11-22 09:00:00 UTC, in epoch ms. */
export const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

/** What {@link setupTestWallboard} hands a test file. */
export interface TestWallboard {
  /**
   * The current test's fake scheduler, which the shared clock reads and ticks on (a new one
   * per test, starting at the given start time).
   * @throws Error when read outside a test (before the first `beforeEach` ran)
   */
  readonly fake: FakeScheduler;
}

/**
 * Registers the component-test lifecycle with vitest. Before each test: a fake scheduler
 * starting at `startMs` (epoch ms) drives the shared clock, and the ingest bus is created
 * with a 250 ms flush interval. After each test: rendered trees are unmounted, the stores
 * and the bus are reset, and the previous clock is restored.
 * Call once, at the top level of a test file, before any `beforeEach` that publishes.
 */
export function setupTestWallboard(startMs: number = T0): TestWallboard {
  let fake: FakeScheduler | undefined;
  let previousClock: Clock;
  beforeEach(() => {
    const f = createFakeScheduler(startMs);
    fake = f;
    previousClock = setClock(createClock({ now: () => f.now(), scheduler: f }));
    initIngest(250);
  });
  afterEach(() => {
    cleanup();
    resetWallboard();
    setClock(previousClock);
  });
  return {
    get fake(): FakeScheduler {
      if (!fake) throw new Error('setupTestWallboard(): fake is available inside tests only');
      return fake;
    },
  };
}

/**
 * Publishes `events` to the app's bus and flushes them at once, inside React's `act()`, so
 * rendered panels show them when this returns.
 * @throws Error when the bus does not exist (outside a test set up by {@link setupTestWallboard})
 */
export function publishNow(...events: DomainEvent[]): void {
  act(() => {
    getBus().publish(events);
    getBus().flushNow();
  });
}
