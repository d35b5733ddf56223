import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../domain';
import { INVALID_EVENT, guardEmit } from './edge';

const T0 = 1_763_777_000_000;
const NOW = T0 + 7;

function setup() {
  const calls: (readonly DomainEvent[])[] = [];
  const emit = guardEmit('gc', (events) => calls.push(events), () => NOW);
  return { calls, emit };
}
const ok1: DomainEvent = { kind: 'agent.upsert', source: 'gc', id: 'agent2001', state: 'READY', at: T0 };
const ok2: DomainEvent = { kind: 'queue.upsert', source: 'gc', id: 'Sales', stats: { callsWaiting: 2 }, at: T0 };

describe('guardEmit', () => {
  it('passes a valid batch through as the same array, in one call', () => {
    const { calls, emit } = setup();
    const batch = [ok1, ok2];
    emit(batch);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBe(batch);
  });

  it('replaces each invalid event in place by one invalid-event error of the connector source; valid ones keep order and identity', () => {
    const { calls, emit } = setup();
    const bad = { kind: 'agent.upsert', source: 'gc', at: T0 } as unknown as DomainEvent;
    emit([ok1, bad, ok2]);
    expect(calls).toHaveLength(1);
    const out = calls[0] ?? [];
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(ok1);
    expect(out[2]).toBe(ok2);
    expect(out[1]).toEqual({
      kind: 'ingest.error',
      source: 'gc',
      at: NOW,
      error: { code: INVALID_EVENT, message: 'agent.upsert: id: Invalid input: expected string, received undefined', at: NOW },
    });
  });

  it('refuses an event of another source (a connector speaks only for itself), naming both', () => {
    const { calls, emit } = setup();
    emit([{ ...ok1, source: 'rte' }]);
    const out = calls[0]?.[0];
    expect(out?.kind).toBe('ingest.error');
    expect(out?.source).toBe('gc');
    expect(out?.kind === 'ingest.error' && out.error.message).toBe('agent.upsert: source: expected "gc", got "rte"');
  });

  it.each([
    ['null', null, '(event): Invalid input: expected object, received null'],
    ['unknown kind', { kind: 'queue.stats.v2', source: 'gc', at: T0 }, 'kind: unknown event kind "queue.stats.v2"'],
    ['wrong type', { ...ok2, stats: { callsWaiting: 'three' } }, 'stats.callsWaiting: Invalid input: expected number, received string'],
    ['NaN time', { ...ok1, at: Number.NaN }, 'at: Invalid input: expected number, received NaN'],
    ['own __proto__ key', JSON.parse('{"kind":"agent.upsert","source":"gc","id":"a","at":1,"__proto__":{"x":1}}'), 'unknown key(s) "__proto__"'],
    ['__proto__ in extra', JSON.parse('{"kind":"queue.upsert","source":"gc","id":"q","at":1,"stats":{},"extra":{"__proto__":"x"}}'), 'extra: has a "__proto__" key'],
  ])('one invalid-event for %s, reason naming the field', (_name, bad, reason) => {
    const { calls, emit } = setup();
    emit([bad as DomainEvent]);
    const out = calls[0] ?? [];
    expect(out).toHaveLength(1);
    const e = out[0];
    expect(e?.kind === 'ingest.error' && e.error.code).toBe(INVALID_EVENT);
    expect(e?.kind === 'ingest.error' && e.error.message).toContain(reason);
  });

  it('turns a non-array call into one invalid-event', () => {
    const { calls, emit } = setup();
    emit(ok1 as unknown as DomainEvent[]);
    expect(calls[0]).toHaveLength(1);
    expect(calls[0]?.[0]?.kind).toBe('ingest.error');
  });
});
