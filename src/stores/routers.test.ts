import { describe, expect, it } from 'vitest';
import type { EmergencyCallEvent, RouterUpsertEvent } from '../domain';
import { initialEmergenciesState, MAX_EMERGENCY_CALLS, reduceEmergencies } from './emergencies';
import { initialRoutersState, reduceRouters } from './routers';
import { initialAlarmsState, reduceAlarms } from './alarms';
import { initialConnectionsState, reduceConnections } from './connections';

const T0 = 1_763_777_000_000;
const up = (stats: RouterUpsertEvent['stats'], at = T0, id = 'Sales'): RouterUpsertEvent => ({ kind: 'router.upsert', source: 'bct', id, stats, at });

describe('routers reducer', () => {
  it('creates a router from its first status; figures present replace, absent ones keep theirs', () => {
    let s = reduceRouters(initialRoutersState(), [up({ queueLength: 3, maxWaitingSince: T0 - 42_000, idleAgents: 1, loggedOnAgents: 5 })]);
    expect(s.byKey.get('bct:Sales')).toEqual({ key: 'bct:Sales', source: 'bct', name: 'Sales', queueLength: 3, maxWaitingSince: T0 - 42_000, idleAgents: 1, loggedOnAgents: 5, updatedAt: T0 });
    s = reduceRouters(s, [up({ idleAgents: 0 }, T0 + 1000)]);
    expect(s.byKey.get('bct:Sales')).toMatchObject({ queueLength: 3, idleAgents: 0, loggedOnAgents: 5, updatedAt: T0 + 1000 });
    expect(s.byKey.get('bct:Sales')?.notReadyAgents).toBeUndefined();
  });

  it('an empty queue clears the longest wait; a republished wait within a second keeps the stored start', () => {
    let s = reduceRouters(initialRoutersState(), [up({ queueLength: 1, maxWaitingSince: T0 - 10_000 })]);
    const before = s;
    s = reduceRouters(s, [up({ queueLength: 1, maxWaitingSince: T0 - 9_400 }, T0 + 600)]);
    expect(s).toBe(before);
    s = reduceRouters(s, [up({ queueLength: 0, maxWaitingSince: T0 }, T0 + 2000)]);
    expect(s.byKey.get('bct:Sales')?.maxWaitingSince).toBeUndefined();
    expect(s.version).toBe(2);
  });
});

describe('emergencies reducer', () => {
  const call = (id: string, at = T0): EmergencyCallEvent => ({ kind: 'emergency.call', source: 'bct', id, calledNumber: '112', callingNumber: '2001', callerName: 'Ann Lee', callerLocation: '', at });

  it('keeps calls newest first, ignores a redelivered call and drops empty vendor text', () => {
    let s = reduceEmergencies(initialEmergenciesState(), [call('a', T0), call('b', T0 + 1)]);
    expect(s.calls.map((c) => c.id)).toEqual(['b', 'a']);
    expect(s.calls[0]).toEqual({ id: 'b', source: 'bct', calledNumber: '112', callingNumber: '2001', callerName: 'Ann Lee', at: T0 + 1 });
    const before = s;
    s = reduceEmergencies(s, [call('a', T0 + 5)]);
    expect(s).toBe(before);
  });

  it('is bounded', () => {
    const s = reduceEmergencies(initialEmergenciesState(), Array.from({ length: MAX_EMERGENCY_CALLS + 5 }, (_, i) => call(`c${i}`, T0 + i)));
    expect(s.calls).toHaveLength(MAX_EMERGENCY_CALLS);
    expect(s.calls[0]?.id).toBe(`c${MAX_EMERGENCY_CALLS + 4}`);
  });
});

describe('alarms from BCT (issue 10 scope 5)', () => {
  const raise = (id: string, vendorId: string, at: number, vendorTime?: number) => ({
    kind: 'alarm.raise' as const,
    source: 'bct' as const,
    id,
    vendorId,
    condition: 'Connection failed to PBX',
    entityName: '[Monitoring Service]',
    severity: 'alarm' as const,
    at,
    ...(vendorTime !== undefined ? { vendorTime } : {}),
  });

  it('keeps the vendor id beside the wallboard id, dates a raise by the vendor time, and reconciles the active list per source', () => {
    let s = reduceAlarms(initialAlarmsState(), [
      raise('2101|[Monitoring Service]', '2101', T0, T0 - 60_000),
      raise('3001|[Monitoring Service]', '3001', T0 + 1),
      { kind: 'alarm.raise', source: 'rte', id: 'al1', condition: 'Queue length', severity: 'warn', at: T0 + 2 },
    ]);
    expect(s.byKey.get('bct:2101|[Monitoring Service]')).toMatchObject({ id: '2101|[Monitoring Service]', vendorId: '2101', raisedAt: T0 - 60_000, state: 'raised' });
    s = reduceAlarms(s, [{ kind: 'alarm.reconcile', source: 'bct', activeIds: ['3001|[Monitoring Service]'], at: T0 + 10 }]);
    expect(s.byKey.get('bct:2101|[Monitoring Service]')).toMatchObject({ state: 'cleared', clearedAt: T0 + 10 });
    expect(s.byKey.get('bct:3001|[Monitoring Service]')?.state).toBe('raised');
    expect(s.byKey.get('rte:al1')?.state).toBe('raised');
    const before = s;
    expect(reduceAlarms(s, [{ kind: 'alarm.reconcile', source: 'bct', activeIds: ['3001|[Monitoring Service]'], at: T0 + 20 }])).toBe(before);
  });
});

describe('adapter status in connection health', () => {
  it('keeps the adapter line and moves its since only when connected changes', () => {
    const ev = (connected: boolean, at: number) => ({ kind: 'adapter.status' as const, source: 'bct' as const, adapter: 'Business ConneCT adapter BCT1', connected, detail: '10.128.122.67:32011', at });
    let s = reduceConnections(initialConnectionsState(), [ev(true, T0)]);
    expect(s.bySource.bct?.adapter).toEqual({ name: 'Business ConneCT adapter BCT1', connected: true, detail: '10.128.122.67:32011', since: T0 });
    s = reduceConnections(s, [ev(false, T0 + 5_000)]);
    expect(s.bySource.bct?.adapter).toMatchObject({ connected: false, since: T0 + 5_000 });
    s = reduceConnections(s, [{ kind: 'connection.status', source: 'bct', status: 'live', at: T0 + 6_000 }]);
    expect(s.bySource.bct?.adapter?.connected).toBe(false);
  });
});
