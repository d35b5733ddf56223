import { describe, expect, it } from 'vitest';
import type { DomainEvent, QueueCallEvent, QueueCallStep } from '../../domain';
import { createRteStats, unseenSpans, type StatsStorage } from './rte-stats';

// 2026-11-22 10:00 in Berlin (UTC+1)
const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const Q = 'q1';

function memoryStorage(): StatsStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}
const call = (callId: string, step: QueueCallStep, at: number): QueueCallEvent => ({ kind: 'queue.call', source: 'rte', queueId: Q, callId, step, at });
const last = (es: DomainEvent[]) => es.filter((e) => e.kind === 'queue.dayStats').at(-1);

describe('day statistics computed by the wallboard', () => {
  it('counts offered / answered / abandoned / overflowed / transferred and the service level per the issue\'s formula', () => {
    const st = createRteStats({ thresholdSec: 20, shortAbandonSec: 5, timeZone: 'Europe/Berlin', storage: memoryStorage() });
    st.load([Q], T0);
    st.setSeeing(true, T0);
    const out: DomainEvent[] = [];
    const feed = (...es: QueueCallEvent[]) => es.forEach((e) => out.push(...st.onCall(e)));
    feed(call('a', 'arrived', T0), call('a', 'connected', T0 + 10_000), call('a', 'disconnected', T0 + 60_000)); // answered in 10 s
    feed(call('b', 'arrived', T0), call('b', 'connected', T0 + 30_000)); // answered in 30 s (late)
    feed(call('c', 'arrived', T0), call('c', 'disconnected', T0 + 3_000)); // short abandon
    feed(call('d', 'arrived', T0), call('d', 'disconnected', T0 + 40_000)); // abandon
    feed(call('e', 'coming', T0), call('e', 'arrived', T0 + 1), call('e', 'overflow', T0 + 50_000), call('e', 'disconnected', T0 + 51_000));
    feed(call('f', 'arrived', T0), call('f', 'transferStarted', T0 + 5_000), call('f', 'transferConnected', T0 + 8_000));
    feed(call('x', 'connected', T0 + 1_000), call('x', 'disconnected', T0 + 2_000)); // never seen arriving: not counted
    const s = last(out);
    expect(s?.kind === 'queue.dayStats' && s.stats).toMatchObject({
      queueId: Q, day: '2026-11-22', since: Date.UTC(2026, 10, 21, 23, 0, 0),
      offered: 6, answered: 2, abandoned: 2, shortAbandoned: 1, overflowed: 1, transferred: 1, answeredWithinThreshold: 1, avgWaitSec: 20,
      // 1 within ÷ (2 answered + 1 abandoned after 5 s) = 33.3 %
      thresholdSec: 20, shortAbandonSec: 5,
    });
    expect(s?.kind === 'queue.dayStats' && s.stats.serviceLevelPct).toBeCloseTo(100 / 3);
    const up = out.filter((e) => e.kind === 'queue.upsert').at(-1);
    expect(up?.kind === 'queue.upsert' && up.id).toBe(Q);
    expect(up?.kind === 'queue.upsert' && up.stats.serviceLevelPct).toBeCloseTo(100 / 3);
  });

  it('survives a reload (the same figures from storage) and reports the span it did not see', () => {
    const storage = memoryStorage();
    const a = createRteStats({ thresholdSec: 20, shortAbandonSec: 5, storage });
    a.load([Q], T0);
    a.setSeeing(true, T0);
    a.onCall(call('a', 'arrived', T0));
    a.onCall(call('a', 'connected', T0 + 4_000));
    a.tick(T0 + 10_000); // the page closes after this
    const b = createRteStats({ thresholdSec: 20, shortAbandonSec: 5, storage });
    const loaded = last(b.load([Q], T0 + 70_000));
    expect(loaded?.kind === 'queue.dayStats' && loaded.stats).toMatchObject({ offered: 1, answered: 1, answeredWithinThreshold: 1, serviceLevelPct: 100 });
    const live = last(b.setSeeing(true, T0 + 70_000));
    expect(live?.kind === 'queue.dayStats' && live.stats.unseen.at(-1)).toEqual([T0 + 10_000, T0 + 70_000]);
    // the call answered before the reload hangs up after it: still one answered, not an abandon
    const end = last(b.onCall(call('a', 'disconnected', T0 + 80_000)));
    expect(end?.kind === 'queue.dayStats' && end.stats).toMatchObject({ answered: 1, abandoned: 0 });
  });

  it('starts from zero at midnight in the configured zone', () => {
    const st = createRteStats({ thresholdSec: 20, shortAbandonSec: 5, timeZone: 'Europe/Berlin', storage: null });
    st.load([Q], T0);
    st.onCall(call('a', 'arrived', T0));
    const midnight = Date.UTC(2026, 10, 22, 23, 0, 0);
    const next = last(st.tick(midnight + 1_000));
    expect(next?.kind === 'queue.dayStats' && next.stats).toMatchObject({ day: '2026-11-23', since: midnight, offered: 0 });
  });

  it('unseen spans are the gaps between seen spans', () => {
    expect(unseenSpans([[100_000, 200_000], [300_000, 400_000]], 0, 500_000)).toEqual([[0, 100_000], [200_000, 300_000], [400_000, 500_000]]);
    expect(unseenSpans([[0, 500_000]], 0, 500_000)).toEqual([]);
  });
});
