// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock, setClock, useNow, type Clock } from './clock';
import { createFakeScheduler } from './scheduler';

const EPOCH = 1_763_777_000_000;
let restore: Clock | undefined;
afterEach(() => {
  if (restore) setClock(restore);
  restore = undefined;
});

describe('useNow', () => {
  it('re-renders on each shared tick and releases the ticker on unmount', () => {
    const sched = createFakeScheduler(EPOCH + 400);
    const clock = createClock({ now: sched.now, scheduler: sched });
    restore = setClock(clock);
    let renders = 0;
    const { result, unmount } = renderHook(() => {
      renders++;
      return useNow();
    });
    expect(result.current).toBe(EPOCH + 400);
    expect(clock.subscriberCount()).toBe(1);
    const before = renders;
    act(() => sched.advance(600));
    expect(result.current).toBe(EPOCH + 1000);
    act(() => sched.advance(1000));
    expect(result.current).toBe(EPOCH + 2000);
    expect(renders - before).toBe(2);
    unmount();
    expect(clock.subscriberCount()).toBe(0);
    expect(sched.pending()).toBe(0);
  });

  it('with ticking false (a tile off screen) is not re-rendered by the tick, and ticks again at once when turned back on', () => {
    const sched = createFakeScheduler(EPOCH + 400);
    const clock = createClock({ now: sched.now, scheduler: sched });
    restore = setClock(clock);
    const other = clock.subscribe(() => undefined); // the rest of the board keeps the ticker running
    let renders = 0;
    const { result, rerender } = renderHook(({ ticking }: { ticking: boolean }) => {
      renders++;
      return useNow(ticking);
    }, { initialProps: { ticking: false } });
    expect(clock.subscriberCount()).toBe(1);
    const before = renders;
    act(() => sched.advance(2600));
    expect(renders).toBe(before);
    expect(result.current).toBe(EPOCH + 400);
    // Back on screen: the current tick at once, then every tick.
    rerender({ ticking: true });
    expect(result.current).toBe(EPOCH + 3000);
    expect(clock.subscriberCount()).toBe(2);
    act(() => sched.advance(1000));
    expect(result.current).toBe(EPOCH + 4000);
    other();
  });
});
