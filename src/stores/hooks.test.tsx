// @vitest-environment jsdom
import { act, render, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent, EntityKey } from '../domain';
import { createClock, setClock, type Clock } from '../lib/clock';
import { createFakeScheduler, type FakeScheduler } from '../lib/scheduler';
import {
  getAgent,
  getBus,
  initIngest,
  resetWallboard,
  stores,
  subscribeAgents,
  useAgent,
  useAgentKeys,
  useIsSourceLive,
  useQueue,
  useQueueKeys,
  useSourceHealth,
  useSourceHealthList,
  useStateCounts,
} from './index';

const EPOCH = 1_763_777_000_000;
let sched: FakeScheduler;
let restoreClock: Clock;

beforeEach(() => {
  resetWallboard();
  sched = createFakeScheduler(EPOCH + 200);
  restoreClock = setClock(createClock({ now: sched.now, scheduler: sched }));
});
afterEach(() => {
  setClock(restoreClock);
  resetWallboard();
});

function publish(events: DomainEvent[]): void {
  act(() => {
    getBus().publish(events);
    getBus().flushNow();
  });
}
const ag = (id: string, name: string, state: 'READY' | 'TALKING' | 'NOT_READY', source: 'gc' | 'rte' = 'gc'): DomainEvent => ({
  kind: 'agent.upsert',
  source,
  id,
  name,
  state,
  at: EPOCH,
});

describe('singletons', () => {
  it('getBus throws before initIngest; initIngest is idempotent and updates the cadence', () => {
    expect(() => getBus()).toThrow(/initIngest/);
    const bus = initIngest(250);
    expect(initIngest(1000)).toBe(bus);
    expect(bus.stats().baseIntervalMs).toBe(1000);
    expect(getBus()).toBe(bus);
  });

  it('getAgent and subscribeAgents see one notification per flush', () => {
    initIngest(250);
    const seen: number[] = [];
    const un = subscribeAgents((s) => seen.push(s.byKey.size));
    publish([ag('a', 'A', 'READY'), ag('b', 'B', 'READY'), ag('c', 'C', 'READY')]);
    expect(seen).toEqual([3]);
    expect(getAgent('gc:b')?.name).toBe('B');
    un();
  });
});

describe('useAgentKeys', () => {
  it('is stable between ticks, re-sorts on the next whole second, and at most once per second', () => {
    initIngest(250);
    publish([ag('a', 'Ann', 'READY'), ag('b', 'Bea', 'READY')]);
    let renders = 0;
    const { result } = renderHook(() => {
      renders++;
      return useAgentKeys({ source: 'gc' });
    });
    const first = result.current;
    expect(first).toEqual(['gc:a', 'gc:b']);
    const r0 = renders;
    for (let i = 0; i < 10; i++) publish([ag('a', 'Ann', i % 2 ? 'READY' : 'NOT_READY')]);
    publish([ag('a', 'Ann', 'NOT_READY')]);
    expect(result.current).toBe(first);
    expect(renders).toBe(r0);
    act(() => sched.advance(800)); // the whole-second tick
    expect(result.current).toEqual(['gc:b', 'gc:a']);
    expect(renders).toBe(r0 + 1);
    act(() => sched.advance(3000)); // quiet ticks: no re-render
    expect(renders).toBe(r0 + 1);
  });

  it('an inline filter object does not create new lists per render', () => {
    initIngest(250);
    publish([ag('a', 'Ann', 'READY')]);
    const { result, rerender } = renderHook(() => useAgentKeys({ source: 'gc' }));
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});

describe('entity hooks', () => {
  it('useAgent re-renders only when its own agent is replaced', () => {
    initIngest(250);
    publish([ag('a', 'Ann', 'READY'), ag('b', 'Bea', 'READY')]);
    const renders: Record<string, number> = { 'gc:a': 0, 'gc:b': 0 };
    function Tile({ k }: { k: EntityKey }) {
      renders[k] = (renders[k] ?? 0) + 1;
      const a = useAgent(k);
      return <span>{a?.state}</span>;
    }
    render(
      <>
        <Tile k="gc:a" />
        <Tile k="gc:b" />
      </>,
    );
    expect(renders).toEqual({ 'gc:a': 1, 'gc:b': 1 });
    publish([ag('a', 'Ann', 'TALKING'), ag('b', 'Bea', 'READY')]);
    expect(renders).toEqual({ 'gc:a': 2, 'gc:b': 1 });
  });

  it('useQueueKeys / useQueue / useStateCounts', () => {
    initIngest(250);
    publish([
      { kind: 'queue.upsert', source: 'rte', id: 'q1', name: 'Orders', at: EPOCH, stats: { callsWaiting: 1 } },
      { kind: 'queue.upsert', source: 'gc', id: 'Sales', name: 'Sales', at: EPOCH, stats: {} },
      ag('a', 'Ann', 'READY'),
      ag('r', 'Rob', 'TALKING', 'rte'),
    ]);
    const keys = renderHook(() => useQueueKeys());
    expect(keys.result.current).toEqual(['rte:q1', 'gc:Sales']);
    const q = renderHook(() => useQueue('rte:q1'));
    expect(q.result.current?.callsWaiting).toBe(1);
    const counts = renderHook(() => useStateCounts());
    const gcCounts = renderHook(() => useStateCounts('gc'));
    expect(counts.result.current).toMatchObject({ READY: 1, TALKING: 1 });
    expect(gcCounts.result.current).toMatchObject({ READY: 1, TALKING: 0 });
    const gcBefore = gcCounts.result.current;
    publish([ag('r', 'Rob', 'READY', 'rte')]);
    expect(counts.result.current).toMatchObject({ READY: 2, TALKING: 0 });
    expect(gcCounts.result.current).toBe(gcBefore);
  });

  it('source health: idle default, list of heard sources, live flag', () => {
    initIngest(250);
    const health = renderHook(() => useSourceHealth('gc'));
    const list = renderHook(() => useSourceHealthList());
    const live = renderHook(() => useIsSourceLive('gc'));
    expect(health.result.current).toMatchObject({ source: 'gc', status: 'idle' });
    expect(list.result.current).toEqual([]);
    expect(live.result.current).toBe(false);
    act(() => getBus().publish([{ kind: 'connection.status', source: 'gc', status: 'live', at: EPOCH }])); // urgent: no flushNow needed
    expect(health.result.current.status).toBe('live');
    expect(live.result.current).toBe(true);
    publish([{ kind: 'connection.status', source: 'rte', status: 'connecting', at: EPOCH }]);
    expect(list.result.current.map((h) => h.source)).toEqual(['rte', 'gc']);
    const l1 = list.result.current;
    list.rerender();
    expect(list.result.current).toBe(l1);
    expect(stores.connections.getState().bySource.gc?.connects).toBe(1);
  });
});
