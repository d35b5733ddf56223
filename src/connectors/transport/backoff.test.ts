import { describe, expect, it } from 'vitest';
import { backoffDelay, createBackoff, DEFAULT_BACKOFF } from './backoff';

describe('backoff (full jitter, cap, forever)', () => {
  it('never gives up: 10 000 retries all give a finite delay within [floor, cap]', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    const b = createBackoff({ initialMs: 200, maxMs: 5_000, floorMs: 50, random });
    for (let i = 0; i < 10_000; i++) {
      const d = b.next();
      expect(Number.isFinite(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(50);
      expect(d).toBeLessThanOrEqual(5_000);
    }
    expect(b.attempt).toBe(10_000);
  });

  it('grows exponentially up to the cap with the top of the jitter range', () => {
    const top = () => 0.999999;
    const seq = Array.from({ length: 10 }, (_, n) => backoffDelay(n, { initialMs: 100, maxMs: 3_000, floorMs: 0, random: top }));
    expect(seq.slice(0, 5)).toEqual([99, 199, 399, 799, 1599]);
    expect(seq.slice(6)).toEqual([2999, 2999, 2999, 2999]);
  });

  it('uses full jitter: random 0 gives the floor, random 0.5 half the ceiling', () => {
    expect(backoffDelay(3, { initialMs: 100, maxMs: 10_000, floorMs: 10, random: () => 0 })).toBe(10);
    expect(backoffDelay(3, { initialMs: 100, maxMs: 10_000, floorMs: 10, random: () => 0.5 })).toBe(400);
  });

  it('stays within the cap for huge attempt numbers and hostile inputs', () => {
    for (const attempt of [1e6, Number.MAX_SAFE_INTEGER, Infinity, NaN, -5]) {
      const d = backoffDelay(attempt, { random: () => 0.999 });
      expect(Number.isFinite(d)).toBe(true);
      expect(d).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
      expect(d).toBeGreaterThanOrEqual(DEFAULT_BACKOFF.floorMs);
    }
    expect(backoffDelay(2, { random: () => NaN })).toBe(DEFAULT_BACKOFF.floorMs);
    expect(backoffDelay(2, { random: () => 7 })).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
    expect(backoffDelay(0, { maxMs: -1, initialMs: NaN, factor: 0 })).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
  });

  it('reset starts the sequence again', () => {
    const b = createBackoff({ initialMs: 100, maxMs: 1_000, floorMs: 0, random: () => 0.999999 });
    b.next();
    b.next();
    expect(b.next()).toBe(399);
    b.reset();
    expect(b.attempt).toBe(0);
    expect(b.next()).toBe(99);
  });
});
