import { describe, expect, it } from 'vitest';
import { StampMatcher, entityKey, extractStamps, median, percentile, type ProbeStamp } from './perf-probe';

const RS = '\u001e';
const stamp = (seq: number, id: string, v: string, e: 'a' | 'q' = 'a'): ProbeStamp => ({ seq, t: 1000 + seq, e, id, v });
const record = (arg: unknown) => JSON.stringify({ type: 1, target: 'MessageReceived', arguments: [arg] }) + RS;

describe('extractStamps', () => {
  it('reads the bench stamp of each MessageReceived record in a frame, skipping others', () => {
    const frame =
      record({ subscription: { entityId: 'u1', eventName: 'userstatus' }, data: {}, bench: stamp(1, 'u1', 'READY') }) +
      JSON.stringify({ type: 6 }) + RS +
      record({ subscription: { entityId: 'u2', eventName: 'userstatus' }, data: {} }) +
      record({ subscription: { entityId: 'q1', eventName: 'queuestatus' }, data: {}, bench: stamp(2, 'q1', '3', 'q') }) +
      '{"bench": broken' + RS;
    expect(extractStamps(frame)).toEqual([stamp(1, 'u1', 'READY'), stamp(2, 'q1', '3', 'q')]);
    expect(extractStamps('{}' + RS)).toEqual([]);
    expect(extractStamps(record({ bench: { seq: 'x' } }))).toEqual([]);
  });
});

describe('StampMatcher', () => {
  it('resolves an event when the DOM shows its value, and the older ones of the same entity with it', () => {
    const m = new StampMatcher();
    m.arrive(stamp(1, 'u1', 'READY'), 10, true);
    m.arrive(stamp(2, 'u1', 'TALKING'), 11, true);
    m.arrive(stamp(3, 'u2', 'WORK'), 12, true);
    expect(m.pending).toBe(3);
    expect(m.observe(entityKey('a', 'u1'), 'LOGOUT', 20)).toEqual([]);
    const done = m.observe(entityKey('a', 'u1'), 'TALKING', 21);
    expect(done.map((d) => [d.seq, d.domAt])).toEqual([[1, 21], [2, 21]]);
    expect(m.pending).toBe(1);
    expect(m.has(entityKey('a', 'u1'))).toBe(false);
  });

  it('counts events for entities not in the DOM as not visible, and expires what is never shown', () => {
    const m = new StampMatcher();
    m.arrive(stamp(1, 'u1', 'READY'), 0, false);
    m.arrive(stamp(2, 'u2', 'READY'), 0, true);
    m.arrive(stamp(3, 'u3', 'READY'), 0, true);
    m.arrive(stamp(4, 'u3', 'WORK'), 9_000, true);
    m.expire(10_001, 10_000, (k) => k !== entityKey('a', 'u2'));
    expect([m.notVisible, m.unresolved, m.pending]).toEqual([2, 1, 1]);
  });
});

describe('percentile and median', () => {
  it('nearest rank and middle value; NaN when empty', () => {
    const v = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(v, 95)).toBe(10);
    expect(percentile(v, 50)).toBe(5);
    expect(percentile(v, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([], 50)).toBeNaN();
    expect(median([])).toBeNaN();
    expect(v[0]).toBe(5);
  });
});
