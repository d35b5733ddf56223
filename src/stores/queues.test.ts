import { describe, expect, it } from 'vitest';
import type { QueueStats, QueueUpsertEvent } from '../domain';
import { QUEUE_STAT_KEYS, applyQueueUpsert, initialQueuesState, reduceQueues, type QueueEvent, type QueuesState } from './queues';

const T0 = 1_763_777_000_000;

function qu(id: string, stats: QueueStats = {}, more: Partial<QueueUpsertEvent> = {}): QueueUpsertEvent {
  return { kind: 'queue.upsert', source: 'rte', id, at: T0, stats, ...more };
}
function run(events: readonly QueueEvent[], state: QueuesState = initialQueuesState()): QueuesState {
  return reduceQueues(state, events);
}

describe('reduceQueues', () => {
  it('creates a queue; name defaults to the id; absent statistics stay absent (never zero)', () => {
    const s = run([qu('q1', { callsWaiting: 2 }), qu('q2', {}, { name: 'Helpdesk' })]);
    const q1 = s.byKey.get('rte:q1');
    expect(q1).toMatchObject({ key: 'rte:q1', id: 'q1', name: 'q1', callsWaiting: 2, updatedAt: T0 });
    expect(q1?.agentsReady).toBeUndefined();
    expect(s.byKey.get('rte:q2')?.name).toBe('Helpdesk');
  });

  it('statistics absent from an event keep their stored values; present ones replace', () => {
    let s = run([qu('q', { callsWaiting: 3, agentsReady: 2, longestWaitingSince: T0 - 14_000 }, { name: 'Sales' })]);
    s = run([qu('q', { agentsReady: 1 }, { at: T0 + 1000 })], s);
    expect(s.byKey.get('rte:q')).toMatchObject({ name: 'Sales', callsWaiting: 3, agentsReady: 1, longestWaitingSince: T0 - 14_000, updatedAt: T0 + 1000 });
  });

  it('callsWaiting 0 without longestWaitingSince clears longestWaitingSince', () => {
    let s = run([qu('q', { callsWaiting: 1, longestWaitingSince: T0 - 5000 })]);
    s = run([qu('q', { callsWaiting: 0 })], s);
    expect(s.byKey.get('rte:q')?.longestWaitingSince).toBeUndefined();
    expect(s.byKey.get('rte:q')?.callsWaiting).toBe(0);
  });

  it('returns the same state / same queue object when nothing changed', () => {
    const s0 = run([qu('a', { callsWaiting: 1 }, { name: 'A', extra: { x: '1' } }), qu('b', { callsWaiting: 2 })]);
    expect(run([], s0)).toBe(s0);
    expect(run([qu('a', { callsWaiting: 1 }, { extra: { x: '1' }, at: T0 + 50 })], s0)).toBe(s0);
    const s1 = run([qu('a', { callsWaiting: 1 }), qu('b', { callsWaiting: 3 })], s0);
    expect(s1.byKey.get('rte:a')).toBe(s0.byKey.get('rte:a'));
    expect(s1.byKey.get('rte:b')?.callsWaiting).toBe(3);
    expect(s0.byKey.get('rte:b')?.callsWaiting).toBe(2);
    expect(s1.sortVersion).toBe(s0.sortVersion);
    expect(s1.version).toBe(s0.version + 1);
  });

  it('snapshot removes queues of that source not listed; remove removes', () => {
    const s0 = run([qu('a'), qu('b'), { ...qu('Sales'), source: 'gc' }]);
    const s1 = run([{ kind: 'snapshot', entity: 'queue', source: 'rte', ids: ['b'], at: T0 }], s0);
    expect([...s1.byKey.keys()].sort()).toEqual(['gc:Sales', 'rte:b']);
    const s2 = run([{ kind: 'queue.remove', source: 'gc', id: 'Sales', at: T0 }], s1);
    expect([...s2.byKey.keys()]).toEqual(['rte:b']);
    expect(s2.sortVersion).toBeGreaterThan(s1.sortVersion);
  });

  it('builds plain Queue objects with exactly the Queue keys; statistics not sent are undefined', () => {
    const s = run([qu('a', { callsWaiting: 2, agentsReady: 1 }, { name: 'A' })]);
    const q = s.byKey.get('rte:a') ?? {};
    expect(Object.keys(q).sort()).toEqual(['extra', 'id', 'key', 'name', 'source', 'updatedAt', ...QUEUE_STAT_KEYS].sort());
    expect(Object.entries(q).filter(([, v]) => v !== undefined).map(([k]) => k).sort()).toEqual(['agentsReady', 'callsWaiting', 'id', 'key', 'name', 'source', 'updatedAt']);
    const s1 = run([qu('a', { callsWaiting: 0 }, { at: T0 + 1 })], s);
    expect(s1.byKey.get('rte:a')).toMatchObject({ callsWaiting: 0, agentsReady: 1, name: 'A', updatedAt: T0 + 1 });
  });

  it('holds only queues and versions (no error counters: those live in connection health)', () => {
    const s = run([qu('a', { callsWaiting: 1 })]);
    expect(Object.keys(s).sort()).toEqual(['byKey', 'sortVersion', 'version']);
  });
});

describe('replaceStats (a full QueueList entry, issue 9)', () => {
  it('clears a statistic the event leaves out instead of keeping its last value; a patch keeps it', () => {
    const T = 1_763_777_000_000;
    const q0 = applyQueueUpsert(undefined, { kind: 'queue.upsert', source: 'gc', id: 'Sales', at: T, stats: { callsWaiting: 2, agentsTalkingInternal: 0, agentsReady: 1 }, extra: { x: '1' } });
    const patched = applyQueueUpsert(q0, { kind: 'queue.upsert', source: 'gc', id: 'Sales', at: T + 1, stats: { callsWaiting: 3 } });
    expect(patched).toMatchObject({ callsWaiting: 3, agentsTalkingInternal: 0, agentsReady: 1, extra: { x: '1' } });
    const replaced = applyQueueUpsert(q0, { kind: 'queue.upsert', source: 'gc', id: 'Sales', at: T + 2, stats: { callsWaiting: 3 }, replaceStats: true });
    expect(replaced.callsWaiting).toBe(3);
    expect(replaced.agentsTalkingInternal).toBeUndefined();
    expect(replaced.agentsReady).toBeUndefined();
    expect(replaced.extra).toBeUndefined();
    expect(applyQueueUpsert(replaced, { kind: 'queue.upsert', source: 'gc', id: 'Sales', at: T + 3, stats: { callsWaiting: 3 }, replaceStats: true })).toBe(replaced);
  });
});
