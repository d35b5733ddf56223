import { describe, expect, it } from 'vitest';
import type { QueueCallEvent, QueueCallStep } from '../domain';
import { initialAlarmsState, reduceAlarms } from './alarms';
import { initialCallbacksState, reduceCallbacks } from './callbacks';
import { initialQueueCallsState, MAX_ENDED_CALLS, reduceQueueCalls } from './calls';

const T0 = 1_763_777_000_000;
const step = (callId: string, s: QueueCallStep, at: number, extra: Partial<QueueCallEvent> = {}): QueueCallEvent => ({
  kind: 'queue.call', source: 'rte', queueId: 'q1', callId, step: s, at, ...extra,
});

describe('calls in queue (issue 7 data-outcome)', () => {
  it('follows a call from arrival to answered, and an abandon, an overflow and a transfer', () => {
    let s = initialQueueCallsState();
    s = reduceQueueCalls(s, [step('a', 'coming', T0, { callerNumber: '••••4567' }), step('a', 'arrived', T0 + 100)]);
    const q = () => s.byQueue.get('rte:q1')!;
    expect(q().live.map((c) => [c.callId, c.outcome, c.arrivalSeen, c.arrivedAt, c.callerNumber])).toEqual([['a', 'waiting', true, T0, '••••4567']]);
    s = reduceQueueCalls(s, [step('a', 'allocated', T0 + 5_000, { agentId: 'u1', agentName: 'ann' })]);
    expect(q().live[0]).toMatchObject({ outcome: 'allocated', agentId: 'u1', agentName: 'ann' });
    s = reduceQueueCalls(s, [step('a', 'allocationCancelled', T0 + 6_000)]);
    expect(q().live[0]).toMatchObject({ outcome: 'waiting' });
    expect(q().live[0]?.agentId).toBeUndefined();
    s = reduceQueueCalls(s, [step('a', 'connected', T0 + 8_000, { agentId: 'u2' })]);
    expect(q().live[0]).toMatchObject({ outcome: 'connected', agentId: 'u2', connectedAt: T0 + 8_000 });
    s = reduceQueueCalls(s, [
      step('a', 'disconnected', T0 + 60_000, { detail: 'remote' }),
      step('b', 'arrived', T0 + 1_000),
      step('b', 'disconnected', T0 + 9_000),
      step('c', 'arrived', T0 + 2_000),
      step('c', 'overflow', T0 + 30_000),
      step('c', 'disconnected', T0 + 31_000),
      step('d', 'arrived', T0 + 3_000),
      step('d', 'transferStarted', T0 + 20_000, { detail: '+4930999' }),
    ]);
    expect(q().live.map((c) => [c.callId, c.outcome, c.transferring])).toEqual([['d', 'waiting', true]]);
    s = reduceQueueCalls(s, [step('d', 'transferConnected', T0 + 25_000)]);
    expect(q().live).toEqual([]);
    expect(q().ended.map((c) => [c.callId, c.outcome])).toEqual([['d', 'transferred'], ['c', 'overflowed'], ['b', 'abandoned'], ['a', 'answered']]);
  });

  it('a call first heard mid-life is shown with its arrival not seen; a disconnect of an unknown call creates nothing', () => {
    let s = reduceQueueCalls(initialQueueCallsState(), [step('x', 'connected', T0)]);
    expect(s.byQueue.get('rte:q1')?.live[0]).toMatchObject({ outcome: 'connected', arrivalSeen: false });
    const before = s;
    s = reduceQueueCalls(s, [step('y', 'disconnected', T0)]);
    expect(s).toBe(before);
  });

  it('keeps a bounded list of ended calls; the same state when nothing changed', () => {
    let s = initialQueueCallsState();
    for (let i = 0; i < MAX_ENDED_CALLS + 5; i++) s = reduceQueueCalls(s, [step(`c${i}`, 'arrived', T0 + i), step(`c${i}`, 'disconnected', T0 + i + 1)]);
    expect(s.byQueue.get('rte:q1')?.ended).toHaveLength(MAX_ENDED_CALLS);
    expect(reduceQueueCalls(s, [step('c14', 'disconnected', T0 + 99)])).toBe(s);
  });
});

describe('calls after an outage', () => {
  it('live calls of a source that went down are dropped when it is live again; ended ones stay', () => {
    let s = reduceQueueCalls(initialQueueCallsState(), [step('a', 'arrived', T0), step('b', 'arrived', T0), step('b', 'disconnected', T0 + 1)]);
    s = reduceQueueCalls(s, [{ kind: 'connection.status', source: 'rte', status: 'down', at: T0 + 2 }]);
    expect(s.byQueue.get('rte:q1')?.live).toHaveLength(1); // last values kept while down
    s = reduceQueueCalls(s, [{ kind: 'connection.status', source: 'rte', status: 'live', at: T0 + 3 }]);
    expect(s.byQueue.get('rte:q1')?.live).toEqual([]);
    expect(s.byQueue.get('rte:q1')?.ended.map((c) => c.callId)).toEqual(['b']);
    const same = reduceQueueCalls(s, [{ kind: 'connection.status', source: 'rte', status: 'live', at: T0 + 4 }]);
    expect(same).toBe(s);
  });
});

describe('alarms', () => {
  it('raise, raise again (first time kept), clear; raised first in order', () => {
    let s = initialAlarmsState();
    s = reduceAlarms(s, [{ kind: 'alarm.raise', source: 'rte', id: 'a', condition: 'Queue length', value: '7', severity: 'alarm', at: T0 }]);
    s = reduceAlarms(s, [{ kind: 'alarm.raise', source: 'rte', id: 'b', condition: 'Switchboard', severity: 'warn', at: T0 + 1 }]);
    s = reduceAlarms(s, [{ kind: 'alarm.raise', source: 'rte', id: 'a', condition: 'Queue length', value: '9', severity: 'alarm', at: T0 + 5 }]);
    expect(s.order).toEqual(['rte:a', 'rte:b']);
    expect(s.byKey.get('rte:a')).toMatchObject({ raisedAt: T0, lastRaisedAt: T0 + 5, value: '9', state: 'raised' });
    s = reduceAlarms(s, [{ kind: 'alarm.clear', source: 'rte', id: 'a', at: T0 + 9 }]);
    expect(s.order).toEqual(['rte:b', 'rte:a']);
    expect(s.byKey.get('rte:a')).toMatchObject({ state: 'cleared', clearedAt: T0 + 9 });
    expect(reduceAlarms(s, [{ kind: 'alarm.clear', source: 'rte', id: 'zzz', at: T0 }])).toBe(s);
  });
});

describe('callback lists', () => {
  it('figures patch, items upsert newest first', () => {
    let s = initialCallbacksState();
    s = reduceCallbacks(s, [{ kind: 'callbackList.status', source: 'rte', id: 'l1', figures: { open: 9, assigned: 2 }, at: T0 }]);
    s = reduceCallbacks(s, [{ kind: 'callbackList.status', source: 'rte', id: 'l1', figures: { open: 8 }, at: T0 + 1 }]);
    expect(s.byKey.get('rte:l1')).toMatchObject({ open: 8, assigned: 2 });
    s = reduceCallbacks(s, [
      { kind: 'callback.changed', source: 'rte', id: 'l1', item: { id: 'x', attempts: 0, modifiedAt: T0 }, at: T0 },
      { kind: 'callback.changed', source: 'rte', id: 'l1', item: { id: 'y', attempts: 0, modifiedAt: T0 + 5 }, at: T0 },
      { kind: 'callback.changed', source: 'rte', id: 'l1', item: { id: 'x', attempts: 1, modifiedAt: T0 + 9 }, at: T0 },
    ]);
    expect(s.byKey.get('rte:l1')?.items.map((i) => [i.id, i.attempts])).toEqual([['x', 1], ['y', 0]]);
    expect(reduceCallbacks(s, [{ kind: 'callbackList.status', source: 'rte', id: 'l1', figures: { open: 8 }, at: T0 + 2 }])).toBe(s);
  });
});
