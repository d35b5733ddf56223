import { describe, expect, it } from 'vitest';
import { checkDomainEvent } from './schema';

const T0 = 1_763_777_000_000;

describe('checkDomainEvent', () => {
  it('accepts valid events and returns the same object', () => {
    const events: unknown[] = [
      { kind: 'agent.upsert', source: 'gc', id: 'a', at: T0, state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch', stateSince: T0, isSupervisor: false },
      { kind: 'queue.upsert', source: 'rte', id: 'q', at: T0, stats: { callsWaiting: 0, openStatus: 5 }, extra: { NbrOfAllocated: '3' } },
      { kind: 'snapshot', entity: 'queue', source: 'gc', ids: [], at: T0 },
      { kind: 'connection.status', source: 'rte', status: 'down', reason: 'hub closed', at: T0 },
      { kind: 'subscription.result', source: 'rte', at: T0, results: [{ entityId: 'u', eventName: 'userstatus', subscribed: false, message: 'Unauthorized' }] },
    ];
    for (const e of events) {
      const r = checkDomainEvent(e);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(r.ok && r.event).toBe(e);
    }
  });

  it('accepts a statistic present with the value undefined (the RTE mapper clears longestWaitingSince so)', () => {
    const e = { kind: 'queue.upsert', source: 'rte', id: 'q', at: T0, stats: { callsWaiting: 0, longestWaitingSince: undefined } };
    expect(checkDomainEvent(e).ok).toBe(true);
  });

  it('accepts null-prototype stats and extra (as the GC mapper builds them)', () => {
    const stats = Object.assign(Object.create(null) as object, { callsWaiting: 1 });
    const extra = Object.assign(Object.create(null) as object, { k: 'v' });
    expect(checkDomainEvent({ kind: 'queue.upsert', source: 'gc', id: 'Sales', at: T0, stats, extra }).ok).toBe(true);
  });

  it.each([
    ['Infinity', { kind: 'queue.upsert', source: 'gc', id: 'q', at: T0, stats: { callsWaiting: Number.POSITIVE_INFINITY } }, 'stats.callsWaiting'],
    ['empty id', { kind: 'agent.remove', source: 'gc', id: '', at: T0 }, 'id: must be a non-empty string'],
    ['unknown source', { kind: 'agent.remove', source: 'mars', id: 'a', at: T0 }, 'source:'],
    ['unknown state', { kind: 'agent.upsert', source: 'gc', id: 'a', at: T0, state: 'DoNotDisturb' }, 'state:'],
    ['null as absent', { kind: 'agent.upsert', source: 'gc', id: 'a', at: T0, name: null }, 'name:'],
    ['unknown field', { kind: 'agent.upsert', source: 'gc', id: 'a', at: T0, colour: 'red' }, 'unknown key(s) "colour"'],
    ['bad snapshot id', { kind: 'snapshot', entity: 'agent', source: 'gc', ids: ['a', 7], at: T0 }, 'ids.1:'],
    ['status', { kind: 'connection.status', source: 'gc', status: 'exploded', at: T0 }, 'status:'],
    ['error without code', { kind: 'ingest.error', source: 'gc', at: T0, error: { code: '', message: 'x', at: T0 } }, 'error.code:'],
  ])('refuses %s, naming the field path and keeping a known source', (_name, e, fragment) => {
    const r = checkDomainEvent(e);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toContain(fragment);
    expect(r.reason.startsWith(`${(e as { kind: string }).kind}: `)).toBe(true);
    expect(r.source).toBe((e as { source: string }).source === 'mars' ? undefined : 'gc');
  });

  it('bounds the reason and strips control characters (vendor text is quoted, never markup)', () => {
    const r = checkDomainEvent({ kind: `x\n${'y'.repeat(500)}`, source: 'gc', at: T0 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.length).toBeLessThanOrEqual(301);
      expect(r.reason).not.toMatch(/[\n\r]/);
    }
  });
});
