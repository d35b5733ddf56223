/**
 * Issue 5, acceptance 2: validation once, at the connector edge. A batch goes through
 * `guardEmit` (as `wiring.ts` wraps every connector) into the real ingest bus and stores.
 * Lives in `app/` because only `app` may import both `connectors/transport` and `stores`.
 */
import { describe, expect, it } from 'vitest';
import { guardEmit } from '../connectors/transport/edge';
import type { DomainEvent, SourceId } from '../domain';
import { createFakeScheduler } from '../lib/scheduler';
import { createIngestBus, createWallboardStores, type WallboardStores } from '../stores';

const T0 = 1_763_777_000_000;
const NOW = T0 + 500;

function world() {
  const stores = createWallboardStores();
  const bus = createIngestBus({ flushIntervalMs: 250, stores, scheduler: createFakeScheduler(0) });
  const emitFor = (source: SourceId) => guardEmit(source, (events) => bus.publish(events), () => NOW);
  const flush = () => bus.flushNow();
  return { stores, bus, emitFor, flush };
}

const before: DomainEvent[] = [
  { kind: 'connection.status', source: 'gc', status: 'live', at: T0 },
  { kind: 'agent.upsert', source: 'gc', id: 'agent2001', name: 'Ann Lee', state: 'READY', at: T0 + 1 },
  { kind: 'queue.upsert', source: 'gc', id: 'Sales', stats: { callsWaiting: 1 }, at: T0 + 2 },
];
const after: DomainEvent[] = [
  { kind: 'agent.upsert', source: 'gc', id: 'agent2002', name: 'Bo Berg', state: 'TALKING', at: T0 + 3 },
  { kind: 'team.upsert', source: 'gc', id: '5', name: 'Customer Care', at: T0 + 4 },
  { kind: 'queue.upsert', source: 'gc', id: 'Support', stats: { callsWaiting: 0 }, at: T0 + 5 },
];

/** Malformed inputs a GC connector might emit, and what the reason must name. */
const MALFORMED: readonly [string, unknown, string][] = [
  ['wrong type', { kind: 'queue.upsert', source: 'gc', id: 'Sales', stats: { callsWaiting: 'three' }, at: T0 }, 'queue.upsert: stats.callsWaiting: Invalid input: expected number, received string'],
  ['missing id', { kind: 'agent.upsert', source: 'gc', state: 'READY', at: T0 }, 'agent.upsert: id: Invalid input: expected string, received undefined'],
  ['unknown kind', { kind: 'agent.teleport', source: 'gc', id: 'agent2001', at: T0 }, 'agent.teleport: kind: unknown event kind "agent.teleport"'],
  ['__proto__ key', JSON.parse('{"kind":"agent.upsert","source":"gc","id":"agent2009","at":1,"__proto__":{"isSupervisor":true}}'), 'agent.upsert: unknown key(s) "__proto__"'],
  ['__proto__ in extra', JSON.parse('{"kind":"queue.upsert","source":"gc","id":"VIP","at":1,"stats":{},"extra":{"__proto__":"x"}}'), 'queue.upsert: extra: has a "__proto__" key'],
  ['wrong source', { kind: 'agent.upsert', source: 'rte', id: 'a9e47000-0000-4000-8000-000000000001', state: 'READY', at: T0 }, 'agent.upsert: source: expected "gc", got "rte"'],
];

/** The stores' states apart from connection health. */
function entityStates(s: WallboardStores) {
  return { agents: s.agents.getState(), queues: s.queues.getState(), teams: s.teams.getState() };
}

describe('one malformed event is counted exactly once, with its reason, and the valid events around it are applied', () => {
  it.each(MALFORMED)('%s', (_name, bad, reason) => {
    const { stores, emitFor, flush } = world();
    emitFor('gc')([...before, bad as DomainEvent, ...after]);
    flush();

    const gc = stores.connections.getState().bySource.gc;
    expect(gc?.errorCounts).toEqual({ 'invalid-event': 1 });
    expect(gc?.recentErrors).toEqual([{ code: 'invalid-event', message: reason, at: NOW }]);
    // Not counted anywhere else: no other source's health, no other store.
    expect(Object.keys(stores.connections.getState().bySource)).toEqual(['gc']);

    const a = stores.agents.getState();
    expect([...a.byKey.keys()].sort()).toEqual(['gc:agent2001', 'gc:agent2002']);
    expect(a.counts.total).toMatchObject({ READY: 1, TALKING: 1 });
    expect(stores.queues.getState().byKey.get('gc:Sales')?.callsWaiting).toBe(1);
    expect(stores.queues.getState().byKey.has('gc:Support')).toBe(true);
    expect(stores.teams.getState().byKey.get('gc:5')?.name).toBe('Customer Care');
    expect(gc?.status).toBe('live');
    expect(gc?.lastMessageAt).toBe(T0 + 5);
  });

  it('all of them in one batch: one count each, in order, and nothing outside connection health changes', () => {
    const withBad = world();
    withBad.emitFor('gc')([...before, ...MALFORMED.map(([, e]) => e as DomainEvent), ...after]);
    withBad.flush();
    const clean = world();
    clean.emitFor('gc')([...before, ...after]);
    clean.flush();

    const gc = withBad.stores.connections.getState().bySource.gc;
    expect(gc?.errorCounts).toEqual({ 'invalid-event': MALFORMED.length });
    expect(gc?.recentErrors.map((e) => e.message)).toEqual(MALFORMED.map(([, , reason]) => reason).reverse());
    // The invalid events changed nothing outside connection health.
    expect(entityStates(withBad.stores)).toEqual(entityStates(clean.stores));
    const { errorCounts: _e, recentErrors: _r, ...restBad } = gc ?? ({} as NonNullable<typeof gc>);
    const cleanGc = clean.stores.connections.getState().bySource.gc;
    const { errorCounts: _e2, recentErrors: _r2, ...restClean } = cleanGc ?? ({} as NonNullable<typeof cleanGc>);
    expect(restBad).toEqual(restClean);
    expect(withBad.bus.stats().unrouted).toBe(0);
  });
});
