import { describe, expect, it } from 'vitest';
import type { Queue, Router } from '../domain';
import { sampleHistory, type HistoryState } from './history';

const T0 = 1_764_568_800_000;
const q = (waiting: number, extra: Partial<Queue> = {}): Queue => ({ key: 'rte:q1', source: 'rte', id: 'q1', name: 'Sales', callsWaiting: waiting, updatedAt: T0, ...extra });
const r: Router = { key: 'bct:R1', source: 'bct', name: 'R1', queueLength: 2, maxWaitingSince: T0 - 5_000, idleAgents: 1, updatedAt: T0 } as Router;

describe('trend history', () => {
  it('samples every queue and router, with longest waiting in seconds from the stored timestamp', () => {
    const s0: HistoryState = { series: new Map(), periodMs: 10_000, windowMs: 60_000 };
    const s1 = sampleHistory(s0, [q(3, { longestWaitingSince: T0 - 42_500, agentsReady: 2 })], [r], T0);
    expect(s1.series.get('rte:q1')).toMatchObject({ kind: 'queue', id: 'q1', name: 'Sales', points: [{ t: T0, waiting: 3, longestSec: 42, ready: 2 }] });
    expect(s1.series.get('bct:R1')).toMatchObject({ kind: 'router', points: [{ t: T0, waiting: 2, longestSec: 5, ready: 1 }] });
    expect(Object.keys(s1.series.get('rte:q1')?.points[0] ?? {})).toEqual(['t', 'waiting', 'longestSec', 'ready']);
  });

  it('is bounded by the window and forgets entities that are gone', () => {
    let s: HistoryState = { series: new Map(), periodMs: 10_000, windowMs: 60_000 };
    for (let i = 0; i < 20; i++) s = sampleHistory(s, [q(i)], i < 10 ? [r] : [], T0 + i * 10_000);
    const pts = s.series.get('rte:q1')?.points ?? [];
    expect(pts.length).toBe(7);
    expect(pts.map((p) => p.waiting)).toEqual([13, 14, 15, 16, 17, 18, 19]);
    expect(s.series.has('bct:R1')).toBe(false);
    // A late sample after a pause drops points older than the window by time, not only by count.
    s = sampleHistory(s, [q(99)], [], T0 + 19 * 10_000 + 55_000);
    expect(s.series.get('rte:q1')?.points.map((p) => p.waiting)).toEqual([19, 99]);
  });
});
