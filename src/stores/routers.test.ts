import { describe, expect, it } from 'vitest';
import type { EmergencyCallEvent, RouterUpsertEvent } from '../domain';
import { initialEmergenciesState, MAX_EMERGENCY_CALLS, reduceEmergencies } from './emergencies';
import { initialRoutersState, reduceRouters } from './routers';

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
