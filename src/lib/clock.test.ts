import { describe, expect, it } from 'vitest';
import { createClock } from './clock';
import { setLogLevel } from './logger';
import { createFakeScheduler } from './scheduler';

const EPOCH = 1_763_777_000_000; // a whole second

function setup(offsetMs = 250) {
  const sched = createFakeScheduler(EPOCH + offsetMs);
  const clock = createClock({ now: sched.now, scheduler: sched });
  return { sched, clock };
}

describe('createClock', () => {
  it('runs no timer until someone subscribes, and stops when the last one leaves', () => {
    const { sched, clock } = setup();
    expect(sched.pending()).toBe(0);
    expect(clock.isRunning()).toBe(false);
    const un1 = clock.subscribe(() => {});
    const un2 = clock.subscribe(() => {});
    expect(sched.pending()).toBe(1);
    un1();
    expect(sched.pending()).toBe(1);
    un2();
    un2(); // idempotent
    expect(sched.pending()).toBe(0);
    expect(clock.isRunning()).toBe(false);
    sched.advance(10_000);
    expect(sched.pending()).toBe(0);
  });

  it('ticks once a second on whole seconds, with the tick time', () => {
    const { sched, clock } = setup(250);
    const ticks: number[] = [];
    const un = clock.subscribe((t) => ticks.push(t));
    sched.advance(3_000);
    expect(ticks).toEqual([EPOCH + 1000, EPOCH + 2000, EPOCH + 3000]);
    expect(clock.getSnapshot()).toBe(EPOCH + 3000);
    un();
    sched.advance(5_000);
    expect(ticks).toHaveLength(3);
  });

  it('does not tick twice when started a hair before a boundary', () => {
    const { sched, clock } = setup(995);
    const ticks: number[] = [];
    clock.subscribe((t) => ticks.push(t));
    sched.advance(1_010); // to EPOCH + 2005: the boundary 5 ms away is skipped
    expect(ticks).toEqual([EPOCH + 2000]);
  });

  it('getSnapshot is stable within a second while stopped, and fresh after', () => {
    const { sched, clock } = setup(100);
    const a = clock.getSnapshot();
    sched.elapse(300);
    expect(clock.getSnapshot()).toBe(a);
    sched.elapse(700);
    expect(clock.getSnapshot()).toBe(EPOCH + 1100);
  });

  it('a throwing listener does not stop the others or the ticker', () => {
    const { sched, clock } = setup();
    let n = 0;
    setLogLevel('silent');
    clock.subscribe(() => {
      throw new Error('boom');
    });
    clock.subscribe(() => n++);
    sched.advance(2_000);
    setLogLevel('info');
    expect(n).toBe(2);
  });

  it('rejects a bad period', () => {
    expect(() => createClock({ periodMs: 0 })).toThrow(RangeError);
  });
});
