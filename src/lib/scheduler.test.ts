import { describe, expect, it } from 'vitest';
import { createFakeScheduler } from './scheduler';

describe('createFakeScheduler', () => {
  it('runs callbacks in due order, ties in scheduling order, setting time to each due time', () => {
    const s = createFakeScheduler(1000);
    const log: string[] = [];
    s.setTimeout(() => log.push(`b@${s.now()}`), 20);
    s.setTimeout(() => log.push(`a@${s.now()}`), 10);
    s.setTimeout(() => log.push(`c@${s.now()}`), 20);
    s.advance(15);
    expect(log).toEqual(['a@1010']);
    expect(s.now()).toBe(1015);
    s.advance(100);
    expect(log).toEqual(['a@1010', 'b@1020', 'c@1020']);
    expect(s.now()).toBe(1115);
  });

  it('runs callbacks scheduled by callbacks within the same advance; cancel works', () => {
    const s = createFakeScheduler();
    const log: number[] = [];
    s.setTimeout(() => {
      log.push(s.now());
      s.setTimeout(() => log.push(s.now()), 5);
    }, 5);
    const cancel = s.setTimeout(() => log.push(-1), 7);
    cancel();
    s.advance(20);
    expect(log).toEqual([5, 10]);
    expect(s.pending()).toBe(0);
  });

  it('elapse moves time without running callbacks', () => {
    const s = createFakeScheduler();
    let ran = false;
    s.setTimeout(() => (ran = true), 10);
    s.elapse(50);
    expect(ran).toBe(false);
    expect(s.now()).toBe(50);
    s.advance(0);
    expect(ran).toBe(true);
    expect(() => s.advance(-1)).toThrow(RangeError);
  });
});
