import { describe, expect, it } from 'vitest';
import type { AgentState, DomainEvent } from '../domain';
import { createClock } from '../lib/clock';
import { createFakeScheduler } from '../lib/scheduler';
import { createWallboardStores, type WallboardStores } from './create';
import { createIngestBus } from './ingest/bus';
import { agentStateGroup, createAgentKeysView, createQueueKeysView, sortAgentKeys } from './views';

const EPOCH = 1_763_777_000_000;

/** Applies `events` to `stores` through a bus (routing by the slice list), flushed at once. */
function apply(stores: WallboardStores, events: DomainEvent[]): void {
  const bus = createIngestBus({ flushIntervalMs: 250, stores, scheduler: createFakeScheduler(EPOCH) });
  bus.publish(events);
  bus.flushNow();
  bus.dispose();
}
const ag = (id: string, name: string, state: AgentState, extra: Partial<{ teamId: string; source: 'gc' | 'rte' }> = {}): DomainEvent => ({
  kind: 'agent.upsert',
  source: extra.source ?? 'gc',
  id,
  name,
  state,
  teamId: extra.teamId,
  at: EPOCH,
});

describe('sortAgentKeys', () => {
  it('sorts by state group, then name (numeric-aware, case-insensitive), and filters', () => {
    const stores = createWallboardStores();
    apply(stores, [
      ag('1', 'zed', 'READY'),
      ag('2', 'Amy', 'NOT_READY', { teamId: '5' }),
      ag('3', 'agent 10', 'TALKING', { teamId: '5' }),
      ag('4', 'agent 9', 'HOLD'),
      ag('5', 'Bob', 'READY', { source: 'rte' }),
      ag('6', 'Cy', 'LOGOUT'),
      { kind: 'team.upsert', source: 'gc', id: '7', memberIds: ['6'], at: EPOCH },
    ]);
    const a = stores.agents.getState().byKey.values();
    expect(sortAgentKeys(a)).toEqual(['rte:5', 'gc:1', 'gc:4', 'gc:3', 'gc:2', 'gc:6']);
    expect(sortAgentKeys(stores.agents.getState().byKey.values(), { source: 'rte' })).toEqual(['rte:5']);
    expect(sortAgentKeys(stores.agents.getState().byKey.values(), { teamId: '5' })).toEqual(['gc:3', 'gc:2']);
    expect(sortAgentKeys(stores.agents.getState().byKey.values(), { teamId: '7' }, stores.teams.getState())).toEqual(['gc:6']);
    expect(agentStateGroup('TALKING')).toBe(agentStateGroup('HOLD'));
    expect(agentStateGroup('READY')).toBeLessThan(agentStateGroup('NOT_READY'));
  });
});

describe('createAgentKeysView', () => {
  function setup() {
    const sched = createFakeScheduler(EPOCH + 100);
    const clock = createClock({ now: sched.now, scheduler: sched });
    const stores = createWallboardStores();
    apply(stores, [ag('a', 'A', 'READY'), ag('b', 'B', 'READY')]);
    const view = createAgentKeysView(stores, {}, { clock });
    return { sched, clock, stores, view };
  }

  it('re-sorts at most once per second, on the clock tick, however many changes arrive', () => {
    const { sched, stores, view } = setup();
    let notified = 0;
    view.subscribe(() => notified++);
    const first = view.getSnapshot();
    expect(first).toEqual(['gc:a', 'gc:b']);
    const c0 = view.computeCount();
    // 50 flushes within the same second, each reordering the list
    for (let i = 0; i < 50; i++) {
      apply(stores, [ag('a', 'A', i % 2 ? 'READY' : 'TALKING'), ag('b', 'B', i % 2 ? 'TALKING' : 'READY'), ag(`n${i}`, `N${i}`, 'READY')]);
      sched.advance(10);
      expect(view.getSnapshot()).toBe(first);
    }
    expect(view.computeCount()).toBe(c0);
    sched.advance(1000 - 100 - 500); // reach the whole-second tick
    expect(view.computeCount()).toBe(c0 + 1);
    expect(notified).toBe(1);
    expect(view.getSnapshot()).toHaveLength(52);
    // ticks without changes do not recompute and keep the identity
    const after = view.getSnapshot();
    sched.advance(5000);
    expect(view.computeCount()).toBe(c0 + 1);
    expect(view.getSnapshot()).toBe(after);
  });

  it('does not recompute for changes that do not affect order or membership, and keeps identity when the order is the same', () => {
    const { sched, stores, view } = setup();
    view.subscribe(() => {});
    const first = view.getSnapshot();
    const c0 = view.computeCount();
    apply(stores, [{ kind: 'agent.upsert', source: 'gc', id: 'a', extension: '123', at: EPOCH }]);
    sched.advance(1000);
    expect(view.computeCount()).toBe(c0);
    apply(stores, [ag('a', 'A', 'TALKING'), ag('a', 'A', 'READY')]); // state changed and back: sortVersion moved
    sched.advance(1000);
    expect(view.computeCount()).toBe(c0 + 1);
    expect(view.getSnapshot()).toBe(first);
  });

  it('subscribes to the clock only while it has subscribers', () => {
    const { clock, view } = setup();
    expect(clock.subscriberCount()).toBe(0);
    const un1 = view.subscribe(() => {});
    const un2 = view.subscribe(() => {});
    expect(clock.subscriberCount()).toBe(1);
    un1();
    un2();
    expect(clock.subscriberCount()).toBe(0);
  });

  it('recomputes on demand while unsubscribed (mounting sees current data)', () => {
    const { stores, view } = setup();
    expect(view.getSnapshot()).toEqual(['gc:a', 'gc:b']);
    apply(stores, [{ kind: 'agent.remove', source: 'gc', id: 'a', at: EPOCH }]);
    expect(view.getSnapshot()).toEqual(['gc:b']);
  });
});

describe('createQueueKeysView', () => {
  it('sorts by source then name, recomputes only on membership/name changes, keeps identity', () => {
    const stores = createWallboardStores();
    const q = (source: 'gc' | 'rte', id: string, name: string, callsWaiting = 0): DomainEvent => ({
      kind: 'queue.upsert',
      source,
      id,
      name,
      at: EPOCH,
      stats: { callsWaiting },
    });
    apply(stores, [q('gc', 'Sales', 'Sales'), q('rte', 'x1', 'Orders'), q('rte', 'x2', 'Helpdesk')]);
    const view = createQueueKeysView(stores);
    let notified = 0;
    view.subscribe(() => notified++);
    const first = view.getSnapshot();
    expect(first).toEqual(['rte:x2', 'rte:x1', 'gc:Sales']);
    apply(stores, [q('rte', 'x1', 'Orders', 5)]);
    expect(view.getSnapshot()).toBe(first);
    expect(view.computeCount()).toBe(1);
    apply(stores, [q('rte', 'x3', 'Billing')]);
    expect(notified).toBe(1);
    expect(view.getSnapshot()).toEqual(['rte:x3', 'rte:x2', 'rte:x1', 'gc:Sales']);
    const gcOnly = createQueueKeysView(stores, { source: 'gc' });
    expect(gcOnly.getSnapshot()).toEqual(['gc:Sales']);
  });
});

describe('the filtered roster lives in the stores', () => {
  it('filters by state and search text before sorting, and moves an agent in or out on the next tick', () => {
    const sched = createFakeScheduler(EPOCH + 100);
    const clock = createClock({ now: sched.now, scheduler: sched });
    const stores = createWallboardStores();
    apply(stores, [ag('agent2001', 'Ann Lee', 'READY', { teamId: '5' }), ag('agent2002', 'Bo Berg', 'NOT_READY'), ag('agent2019', 'Cy Dee', 'READY')]);
    const a = () => stores.agents.getState().byKey.values();
    expect(sortAgentKeys(a(), { state: 'READY' })).toEqual(['gc:agent2001', 'gc:agent2019']);
    expect(sortAgentKeys(a(), { query: 'berg' })).toEqual(['gc:agent2002']);
    expect(sortAgentKeys(a(), { query: '2019' })).toEqual(['gc:agent2019']);
    expect(sortAgentKeys(a(), { state: 'READY', query: '5' })).toEqual(['gc:agent2001']); // team id
    expect(sortAgentKeys(a(), { state: 'TALKING' })).toEqual([]);

    const ready = createAgentKeysView(stores, { state: 'READY' }, { clock });
    let notified = 0;
    const off = ready.subscribe(() => notified++);
    expect(ready.getSnapshot()).toEqual(['gc:agent2001', 'gc:agent2019']);
    apply(stores, [ag('agent2002', 'Bo Berg', 'READY')]);
    expect(ready.getSnapshot()).toEqual(['gc:agent2001', 'gc:agent2019']); // not before the tick
    sched.advance(1_000);
    expect(notified).toBe(1);
    expect(ready.getSnapshot()).toEqual(['gc:agent2001', 'gc:agent2002', 'gc:agent2019']);
    expect(ready.listenerCount()).toBe(1);
    off();
    expect(ready.listenerCount()).toBe(0);
  });
});

describe('sortBy timeInState (issue 9: team view)', () => {
  it('longest in their state first, then name; the state filter narrows it; re-ranked at most once per clock tick', () => {
    const stores = createWallboardStores();
    const at = (id: string, name: string, state: AgentState, since: number): DomainEvent => ({
      kind: 'agent.upsert', source: 'gc', id, name, state, stateSince: since, teamId: '5', at: EPOCH,
    });
    apply(stores, [at('1', 'Ann', 'READY', EPOCH - 10_000), at('2', 'Bob', 'NOT_READY', EPOCH - 90_000), at('3', 'Cy', 'READY', EPOCH - 90_000), at('4', 'Di', 'TALKING', EPOCH - 5_000)]);
    const all = () => stores.agents.getState().byKey.values();
    expect(sortAgentKeys(all(), { teamId: '5', sortBy: 'timeInState' })).toEqual(['gc:2', 'gc:3', 'gc:1', 'gc:4']);
    expect(sortAgentKeys(all(), { teamId: '5', sortBy: 'timeInState', state: 'READY' })).toEqual(['gc:3', 'gc:1']);
    expect(sortAgentKeys(all(), { teamId: '5' })).toEqual(['gc:1', 'gc:3', 'gc:4', 'gc:2']);

    const sched = createFakeScheduler(EPOCH);
    const clock = createClock({ now: sched.now, scheduler: sched });
    const view = createAgentKeysView(stores, { teamId: '5', sortBy: 'timeInState' }, { clock });
    let notified = 0;
    const off = view.subscribe(() => notified++);
    expect(view.getSnapshot()).toEqual(['gc:2', 'gc:3', 'gc:1', 'gc:4']);
    // Bob becomes READY now (same state group change and a new stateSince): not re-ranked until the tick.
    apply(stores, [at('2', 'Bob', 'READY', EPOCH + 1_000)]);
    expect(view.getSnapshot()).toEqual(['gc:2', 'gc:3', 'gc:1', 'gc:4']);
    sched.advance(1_000);
    expect(view.getSnapshot()).toEqual(['gc:3', 'gc:1', 'gc:4', 'gc:2']);
    expect(notified).toBe(1);
    off();
  });
});

describe("a designed board's panel filters (issue 13) are applied in the views", () => {
  it('queues: sources and vendor ids, as allow-lists (empty = all)', () => {
    const stores = createWallboardStores();
    const q = (source: 'gc' | 'rte', id: string, name: string): DomainEvent => ({ kind: 'queue.upsert', source, id, name, at: EPOCH, stats: { callsWaiting: 0 } });
    apply(stores, [q('gc', 'Sales', 'Sales'), q('rte', 'x1', 'Orders'), q('rte', 'x2', 'Helpdesk')]);
    expect(createQueueKeysView(stores, { sources: ['rte'] }).getSnapshot()).toEqual(['rte:x2', 'rte:x1']);
    expect(createQueueKeysView(stores, { ids: ['x1', 'Sales'] }).getSnapshot()).toEqual(['rte:x1', 'gc:Sales']);
    expect(createQueueKeysView(stores, { sources: ['gc'], ids: ['x1'] }).getSnapshot()).toEqual([]);
    expect(createQueueKeysView(stores, { sources: [], ids: [] }).getSnapshot()).toHaveLength(3);
  });

  it('agents: sources, teams (teamId or a team listing them) and states', () => {
    const stores = createWallboardStores();
    apply(stores, [
      ag('1', 'zed', 'READY', { teamId: 'a' }),
      ag('2', 'Amy', 'NOT_READY', { teamId: 'b' }),
      ag('3', 'Bob', 'TALKING'),
      ag('4', 'Cy', 'READY', { source: 'rte' }),
      { kind: 'team.upsert', source: 'gc', id: 'c', memberIds: ['3'], at: EPOCH },
    ]);
    const agents = () => stores.agents.getState().byKey.values();
    const teams = stores.teams.getState();
    expect(sortAgentKeys(agents(), { sources: ['rte'] }, teams)).toEqual(['rte:4']);
    expect(sortAgentKeys(agents(), { teams: ['a', 'c'] }, teams)).toEqual(['gc:1', 'gc:3']);
    expect(sortAgentKeys(agents(), { states: ['READY', 'NOT_READY'], sources: ['gc'] }, teams)).toEqual(['gc:1', 'gc:2']);
    const view = createAgentKeysView(stores, { states: ['TALKING'] });
    expect(view.getSnapshot()).toEqual(['gc:3']);
  });
});
