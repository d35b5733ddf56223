import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOMAIN_EVENT_KINDS, type DomainEvent, type DomainEventKind } from '../domain';
import { createFakeScheduler } from '../lib/scheduler';
import { agentsSlice } from './agents';
import { connectionsSlice } from './connections';
import { createWallboardStores } from './create';
import { createIngestBus } from './ingest/bus';
import { queuesSlice } from './queues';
import { KNOWN_EVENT_KINDS, SLICES, SLICES_BY_KIND, URGENT_KINDS, type EveryKindTaken } from './slices';
import { teamsSlice } from './teams';
import { resetWallboard, stores } from './wallboard';

const T0 = 1_763_777_000_000;

/** One valid event of every kind (the record type makes a missing kind a compile error). */
const ONE_OF_EACH: { readonly [K in DomainEventKind]: Extract<DomainEvent, { kind: K }> } = {
  'agent.upsert': { kind: 'agent.upsert', source: 'gc', id: 'a1', state: 'READY', at: T0 },
  'agent.remove': { kind: 'agent.remove', source: 'gc', id: 'a0', at: T0 },
  'queue.upsert': { kind: 'queue.upsert', source: 'rte', id: 'q1', stats: { callsWaiting: 1 }, at: T0 },
  'queue.remove': { kind: 'queue.remove', source: 'rte', id: 'q0', at: T0 },
  'team.upsert': { kind: 'team.upsert', source: 'gc', id: '5', name: 'Care', at: T0 },
  snapshot: { kind: 'snapshot', entity: 'agent', source: 'gc', ids: ['a1'], at: T0 },
  'connection.status': { kind: 'connection.status', source: 'gc', status: 'live', at: T0 },
  'ingest.error': { kind: 'ingest.error', source: 'gc', error: { code: 'malformed-frame', message: 'x', at: T0 }, at: T0 },
  'subscription.result': { kind: 'subscription.result', source: 'rte', results: [{ entityId: 'u', eventName: 'userstatus', subscribed: true }], at: T0 },
  'router.upsert': { kind: 'router.upsert', source: 'bct', id: 'Sales', stats: { queueLength: 2 }, at: T0 },
  'emergency.call': { kind: 'emergency.call', source: 'bct', id: 'bct:1', calledNumber: '112', callingNumber: '2001', at: T0 },
  'alarm.reconcile': { kind: 'alarm.reconcile', source: 'bct', activeIds: ['2101|[Monitoring Service]'], at: T0 },
  'adapter.status': { kind: 'adapter.status', source: 'bct', adapter: 'Business ConneCT adapter BCT1', connected: true, at: T0 },
  'queue.call': { kind: 'queue.call', source: 'rte', queueId: 'q1', callId: 'c1', step: 'arrived', at: T0 },
  'queue.dayStats': {
    kind: 'queue.dayStats', source: 'rte', at: T0,
    stats: { queueId: 'q1', day: '2025-11-22', since: T0 - 1000, offered: 1, answered: 0, abandoned: 0, shortAbandoned: 0, overflowed: 0, transferred: 0, answeredWithinThreshold: 0, thresholdSec: 20, shortAbandonSec: 5, unseen: [] },
  },
  'queue.members': { kind: 'queue.members', source: 'rte', queueId: 'q1', members: [{ agentId: 'u1', active: true }], at: T0 },
  'alarm.raise': { kind: 'alarm.raise', source: 'rte', id: 'al1', condition: 'Queue length', severity: 'alarm', at: T0 },
  'alarm.clear': { kind: 'alarm.clear', source: 'rte', id: 'al0', at: T0 },
  'callbackList.status': { kind: 'callbackList.status', source: 'rte', id: 'l1', figures: { open: 3 }, at: T0 },
  'callback.changed': { kind: 'callback.changed', source: 'rte', id: 'l1', item: { id: 'cb1', attempts: 0, modifiedAt: T0 }, at: T0 },
  'vendor.notice': { kind: 'vendor.notice', source: 'rte', eventName: 'UserActionMobileCall', entityId: 'u1', at: T0 },
  'phonebook.list': { kind: 'phonebook.list', source: 'gc', owner: 'agent2001', scope: 'agent', phonebooks: [{ id: '1', name: 'Company', type: 'GLOBAL' }], at: T0 },
  'phonebook.contacts': { kind: 'phonebook.contacts', source: 'gc', phonebookId: '1', contacts: [], at: T0 },
  'desk.channel': { kind: 'desk.channel', source: 'cil', id: 'voice_5000', state: 'Ready', at: T0 },
  'desk.workitem': { kind: 'desk.workitem', source: 'cil', id: 'w1', state: 'Offered', at: T0 },
  'desk.queues': { kind: 'desk.queues', source: 'cil', dataState: 'ENABLED', queues: [{ id: 'q1' }], at: T0 },
  'desk.sync': { kind: 'desk.sync', source: 'cil', workItemIds: ['w1'], at: T0 },
  'desk.notice': { kind: 'desk.notice', source: 'cil', message: 'x', at: T0 },
  'chat.request': { kind: 'chat.request', source: 'bct', sessionId: 's1', instance: 'i1', initiator: 'Max', email: 'm@x', router: 'R', language: 'en', at: T0 },
  'chat.message': { kind: 'chat.message', source: 'bct', sessionId: 's1', instance: 'i1', message: 'hi', senderName: 'Max', isSenderAgent: false, agentRequested: false, agentJoined: false, at: T0 },
  'chat.choiceAnswer': { kind: 'chat.choiceAnswer', source: 'bct', sessionId: 's1', instance: 'i1', choiceAnswer: 'A', senderName: 'Max', at: T0 },
  'chat.ended': { kind: 'chat.ended', source: 'bct', sessionId: 's1', instance: 'i1', at: T0 },
  'chat.action': { kind: 'chat.action', source: 'bct', sessionId: 's1', instance: 'i1', action: 'left', senderName: 'Desk', at: T0 },
  'team.members': { kind: 'team.members', source: 'uccx', id: 't1', members: [{ id: 'a1', status: 'ready' }], replace: true, at: T0 },
  'team.membersRemove': { kind: 'team.membersRemove', source: 'uccx', id: 't1', memberIds: ['a1'], at: T0 },
  'team.remove': { kind: 'team.remove', source: 'uccx', id: 't1', owner: 'sup1', at: T0 },
  'team.forget': { kind: 'team.forget', source: 'uccx', owner: 'sup1', at: T0 },
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the slice list drives routing', () => {
  it('every DomainEvent kind is taken by some slice (compile time and run time)', () => {
    const taken: EveryKindTaken = true; // fails to compile when a kind is taken by no slice
    expect(taken).toBe(true);
    for (const kind of DOMAIN_EVENT_KINDS) expect(SLICES_BY_KIND.get(kind)?.length ?? 0, kind).toBeGreaterThan(0);
    expect([...KNOWN_EVENT_KINDS].sort()).toEqual([...DOMAIN_EVENT_KINDS].sort());
  });

  it("names are unique; urgent kinds are a subset of each slice own kinds; connection loss, alarms, emergency calls and the agent's own desk state are urgent", () => {
    const names = SLICES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of SLICES) for (const k of s.urgentKinds) expect((s.kinds as readonly string[]).includes(k), `${s.name} ${k}`).toBe(true);
    expect([...URGENT_KINDS].sort()).toEqual([
      'alarm.raise',
      'chat.action',
      'chat.choiceAnswer',
      'chat.ended',
      'chat.message',
      'chat.request',
      'connection.status',
      'desk.channel',
      'desk.notice',
      'emergency.call',
    ]);
  });

  it('each event reaches only the reducers of the slices that take its kind, once per flush', () => {
    const spies = new Map(SLICES.map((s) => [s.name, vi.spyOn(s, 'reduce')] as const));
    const bus = createIngestBus({ flushIntervalMs: 250, stores: createWallboardStores(), scheduler: createFakeScheduler(0) });
    const all = Object.values(ONE_OF_EACH);
    bus.publish(all);
    bus.flushNow();
    for (const slice of SLICES) {
      const spy = spies.get(slice.name);
      expect(spy?.mock.calls.length, slice.name).toBe(1);
      const received = (spy?.mock.calls[0]?.[1] ?? []) as readonly DomainEvent[];
      expect(received, slice.name).toEqual(all.filter((e) => (slice.kinds as readonly string[]).includes(e.kind)));
    }
    // The expected routes, spelled out, so a wrong kinds list fails here too.
    expect(spies.get('teams')?.mock.calls[0]?.[1]).toEqual(teamsSlice.kinds.map((k) => ONE_OF_EACH[k]));
    expect((spies.get('agents')?.mock.calls[0]?.[1] as DomainEvent[]).map((e) => e.kind)).toEqual(['agent.upsert', 'agent.remove', 'snapshot']);
    expect((spies.get('queues')?.mock.calls[0]?.[1] as DomainEvent[]).map((e) => e.kind)).toEqual(['queue.upsert', 'queue.remove', 'snapshot']);
    expect((spies.get('desk')?.mock.calls[0]?.[1] as DomainEvent[]).map((e) => e.kind)).toEqual(['desk.channel', 'desk.workitem', 'desk.queues', 'desk.sync', 'desk.notice']);
    expect(spies.get('connections')?.mock.calls[0]?.[1]).toHaveLength(all.length);
    bus.dispose();
  });

  it('a slice that receives no event in a flush is not reduced and its store not set', () => {
    const teams = vi.spyOn(teamsSlice, 'reduce');
    const queues = vi.spyOn(queuesSlice, 'reduce');
    const s = createWallboardStores();
    const setTeams = vi.spyOn(s.teams, 'setState');
    const bus = createIngestBus({ flushIntervalMs: 250, stores: s, scheduler: createFakeScheduler(0) });
    bus.publish([ONE_OF_EACH['agent.upsert']]);
    bus.flushNow();
    expect(teams).not.toHaveBeenCalled();
    expect(queues).not.toHaveBeenCalled();
    expect(setTeams).not.toHaveBeenCalled();
    bus.dispose();
  });

  it('the store record, its initial states and resetWallboard come from the slice list', () => {
    const s = createWallboardStores();
    expect(Object.keys(s).sort()).toEqual(SLICES.map((x) => x.name).sort());
    for (const slice of SLICES) expect(s[slice.name].getState()).toEqual(slice.initial());
    stores.agents.setState(agentsSlice.reduce(stores.agents.getState(), [ONE_OF_EACH['agent.upsert']]), true);
    stores.connections.setState(connectionsSlice.reduce(stores.connections.getState(), [ONE_OF_EACH['connection.status']]), true);
    resetWallboard();
    for (const slice of SLICES) expect(stores[slice.name].getState()).toEqual(slice.initial());
  });
});

describe('no store keeps state derivable from another', () => {
  it('each slice state has exactly its own keys (no per-store error counters next to connection health)', () => {
    const s = createWallboardStores();
    const bus = createIngestBus({ flushIntervalMs: 250, stores: s, scheduler: createFakeScheduler(0) });
    bus.publish(Object.values(ONE_OF_EACH));
    bus.flushNow();
    bus.dispose();
    expect(Object.keys(s.agents.getState()).sort()).toEqual(['byKey', 'counts', 'sortVersion', 'version']);
    expect(Object.keys(s.queues.getState()).sort()).toEqual(['byKey', 'sortVersion', 'version']);
    expect(Object.keys(s.teams.getState()).sort()).toEqual(['byKey', 'version']);
    expect(Object.keys(s.connections.getState()).sort()).toEqual(['bySource', 'version']);
    expect(Object.keys(s.desk.getState()).sort()).toEqual(['channels', 'notice', 'queues', 'version', 'workItems']);
    expect(Object.keys(s.routers.getState()).sort()).toEqual(['byKey', 'version']);
    expect(Object.keys(s.emergencies.getState()).sort()).toEqual(['calls', 'version']);
    expect(Object.keys(s.alarms.getState()).sort()).toEqual(['byKey', 'order', 'version']);
    expect(Object.keys(s.callbacks.getState()).sort()).toEqual(['byKey', 'sortVersion', 'version']);
    expect(Object.keys(s.queueCalls.getState()).sort()).toEqual(['byQueue', 'lostSources', 'version']);
    expect(Object.keys(s.phonebooks.getState()).sort()).toEqual(['contacts', 'lists', 'version']);
    expect(Object.keys(s.chats.getState()).sort()).toEqual(['byKey', 'version']);
    expect(SLICES.map((x) => x.name).sort()).toEqual(['agents', 'alarms', 'callbacks', 'chats', 'connections', 'desk', 'emergencies', 'phonebooks', 'queueCalls', 'queueDayStats', 'queueMembers', 'queues', 'routers', 'teams']);
  });
});
