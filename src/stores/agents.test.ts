import { describe, expect, it } from 'vitest';
import type { AgentUpsertEvent, SourceId } from '../domain';
import { initialAgentsState, reduceAgents, type AgentEvent, type AgentsState } from './agents';

const T0 = 1_763_777_000_000;

function up(id: string, fields: Partial<Omit<AgentUpsertEvent, 'kind' | 'id'>> = {}): AgentUpsertEvent {
  return { kind: 'agent.upsert', source: 'gc', id, at: T0, ...fields };
}

function run(events: readonly AgentEvent[], state: AgentsState = initialAgentsState()): AgentsState {
  return reduceAgents(state, events);
}

describe('reduceAgents: patch semantics (events.ts)', () => {
  it('creates an agent with defaults: name = id, UNKNOWN without a state, stateSince = vendorTime ?? at', () => {
    const s = run([up('a1', { at: T0 + 5 }), up('a2', { state: 'READY', vendorTime: T0 - 100 })]);
    const a1 = s.byKey.get('gc:a1');
    expect(a1).toMatchObject({ key: 'gc:a1', source: 'gc', id: 'a1', name: 'a1', state: 'UNKNOWN', stateSince: T0 + 5, updatedAt: T0 + 5 });
    expect(s.byKey.get('gc:a2')).toMatchObject({ state: 'READY', vendorState: 'READY', stateSince: T0 - 100 });
  });

  it('replaces the state group together: absent reason/pending are cleared', () => {
    let s = run([
      up('a', { state: 'NOT_READY', vendorState: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch', pendingState: 'LOGOUT', stateSince: T0 }),
    ]);
    s = run([up('a', { state: 'READY', at: T0 + 1000 })], s);
    const a = s.byKey.get('gc:a');
    expect(a?.state).toBe('READY');
    expect(a?.reasonCodeId).toBeUndefined();
    expect(a?.reasonLabel).toBeUndefined();
    expect(a?.pendingState).toBeUndefined();
    expect(a?.vendorState).toBe('READY');
  });

  it('fields other than the state group are patches: absent keeps, present replaces', () => {
    let s = run([up('a', { name: 'Ann Lee', extension: '2001', teamId: '5', isSupervisor: false, state: 'READY' })]);
    s = run([up('a', { state: 'TALKING', at: T0 + 10 })], s);
    expect(s.byKey.get('gc:a')).toMatchObject({ name: 'Ann Lee', extension: '2001', teamId: '5', isSupervisor: false, state: 'TALKING' });
    s = run([up('a', { name: 'Ann B. Lee', at: T0 + 20 })], s);
    expect(s.byKey.get('gc:a')).toMatchObject({ name: 'Ann B. Lee', state: 'TALKING', extension: '2001' });
  });

  it('without state, reason fields are patched individually and the state is kept', () => {
    let s = run([up('a', { state: 'NOT_READY', reasonCodeId: '1', stateSince: T0 })]);
    s = run([up('a', { reasonLabel: 'Break', at: T0 + 50 })], s);
    expect(s.byKey.get('gc:a')).toMatchObject({ state: 'NOT_READY', reasonCodeId: '1', reasonLabel: 'Break', stateSince: T0 });
  });

  it('stateSince: vendorTime ?? at on a change; kept when the same state repeats without a time; explicit wins', () => {
    let s = run([up('a', { state: 'READY', stateSince: T0 })]);
    s = run([up('a', { state: 'READY', at: T0 + 5000, vendorTime: T0 + 4000 })], s);
    expect(s.byKey.get('gc:a')?.stateSince).toBe(T0);
    s = run([up('a', { state: 'TALKING', at: T0 + 6000, vendorTime: T0 + 5900 })], s);
    expect(s.byKey.get('gc:a')?.stateSince).toBe(T0 + 5900);
    s = run([up('a', { state: 'WORK', at: T0 + 7000 })], s);
    expect(s.byKey.get('gc:a')?.stateSince).toBe(T0 + 7000);
    s = run([up('a', { state: 'WORK', at: T0 + 8000, stateSince: T0 + 6500 })], s);
    expect(s.byKey.get('gc:a')?.stateSince).toBe(T0 + 6500);
  });

  it('keeps the vendor spelling in vendorState next to the normalised state', () => {
    const s = run([up('a', { state: 'RESERVED', vendorState: 'RESERVED_OUTBOUND' })]);
    expect(s.byKey.get('gc:a')).toMatchObject({ state: 'RESERVED', vendorState: 'RESERVED_OUTBOUND' });
  });
});

describe('reduceAgents: identity', () => {
  it('returns the same state object when nothing changed (empty batch, queue snapshot, repeats)', () => {
    const s0 = run([up('a', { state: 'READY', name: 'Ann', stateSince: T0 })]);
    expect(run([], s0)).toBe(s0);
    expect(run([{ kind: 'snapshot', entity: 'queue', source: 'gc', ids: [], at: T0 }], s0)).toBe(s0);
    expect(run([up('a', { state: 'READY', name: 'Ann', at: T0 + 999 })], s0)).toBe(s0);
    expect(run([{ kind: 'agent.remove', source: 'gc', id: 'nobody', at: T0 }], s0)).toBe(s0);
  });

  it('never replaces an agent whose fields did not change; replaces only the changed one', () => {
    const s0 = run([up('a', { state: 'READY', name: 'A' }), up('b', { state: 'READY', name: 'B' })]);
    const a0 = s0.byKey.get('gc:a');
    const s1 = run([up('a', { state: 'READY', name: 'A', at: T0 + 1 }), up('b', { state: 'TALKING', at: T0 + 1 })], s0);
    expect(s1).not.toBe(s0);
    expect(s1.byKey).not.toBe(s0.byKey);
    expect(s1.byKey.get('gc:a')).toBe(a0);
    expect(s1.byKey.get('gc:b')).not.toBe(s0.byKey.get('gc:b'));
    expect(s1.byKey.get('gc:b')?.updatedAt).toBe(T0 + 1);
    expect(s0.byKey.get('gc:b')?.state).toBe('READY'); // the old map was not mutated
    expect(s1.version).toBe(s0.version + 1);
  });

  it('bumps sortVersion only for membership, state, name or team changes', () => {
    const s0 = run([up('a', { state: 'READY', name: 'A' })]);
    const s1 = run([up('a', { extension: '1234' })], s0);
    expect(s1.version).toBe(s0.version + 1);
    expect(s1.sortVersion).toBe(s0.sortVersion);
    const s2 = run([up('a', { state: 'TALKING' })], s1);
    expect(s2.sortVersion).toBe(s1.sortVersion + 1);
  });
});

describe('reduceAgents: snapshot and remove', () => {
  it('snapshot removes agents of that source not listed, and leaves other sources alone', () => {
    const s0 = run([
      up('a'),
      up('b'),
      up('c'),
      { kind: 'agent.upsert', source: 'rte', id: 'x', at: T0, state: 'READY' },
    ]);
    const s1 = run([{ kind: 'snapshot', entity: 'agent', source: 'gc', ids: ['a', 'c'], at: T0 + 1 }], s0);
    expect([...s1.byKey.keys()].sort()).toEqual(['gc:a', 'gc:c', 'rte:x']);
    expect(s1.byKey.get('gc:a')).toBe(s0.byKey.get('gc:a'));
    // a queue snapshot does not touch agents
    expect(run([{ kind: 'snapshot', entity: 'queue', source: 'gc', ids: [], at: T0 }], s1)).toBe(s1);
  });

  it('snapshot listing everything changes nothing; upserts in the same batch are kept', () => {
    const s0 = run([up('a'), up('b')]);
    expect(run([{ kind: 'snapshot', entity: 'agent', source: 'gc', ids: ['a', 'b'], at: T0 }], s0)).toBe(s0);
    const s1 = run([{ kind: 'snapshot', entity: 'agent', source: 'gc', ids: ['b', 'n'], at: T0 }, up('n', { state: 'READY' })], s0);
    expect([...s1.byKey.keys()].sort()).toEqual(['gc:b', 'gc:n']);
  });

  it('agent.remove removes', () => {
    const s0 = run([up('a', { state: 'READY' })]);
    const s1 = run([{ kind: 'agent.remove', source: 'gc', id: 'a', at: T0 }], s0);
    expect(s1.byKey.size).toBe(0);
    expect(s1.counts.total.READY).toBe(0);
  });
});

describe('reduceAgents: counts', () => {
  function expectCountsConsistent(s: AgentsState): void {
    const total: Record<string, number> = {};
    const per: Record<string, Record<string, number>> = {};
    for (const a of s.byKey.values()) {
      total[a.state] = (total[a.state] ?? 0) + 1;
      per[a.source] ??= {};
      const row = per[a.source] as Record<string, number>;
      row[a.state] = (row[a.state] ?? 0) + 1;
    }
    for (const [state, n] of Object.entries(s.counts.total)) expect(n, state).toBe(total[state] ?? 0);
    for (const [source, counts] of Object.entries(s.counts.bySource)) {
      for (const [state, n] of Object.entries(counts)) expect(n, `${source} ${state}`).toBe(per[source]?.[state] ?? 0);
    }
  }

  it('keeps per-source and total counts equal to a recount through adds, changes, removes, snapshots', () => {
    let s = initialAgentsState();
    const states = ['READY', 'TALKING', 'NOT_READY', 'WORK', 'LOGOUT'] as const;
    const sources: SourceId[] = ['gc', 'rte'];
    for (let round = 0; round < 20; round++) {
      const batch: AgentEvent[] = [];
      for (let i = 0; i < 30; i++) {
        const source = sources[(i + round) % 2] as SourceId;
        batch.push({ kind: 'agent.upsert', source, id: `a${(i * 7 + round) % 25}`, at: T0 + round, state: states[(i + round * 3) % 5] });
      }
      if (round % 5 === 4) batch.push({ kind: 'agent.remove', source: 'rte', id: `a${round}`, at: T0 });
      if (round % 7 === 6) batch.push({ kind: 'snapshot', entity: 'agent', source: 'gc', ids: ['a1', 'a2', 'a3'], at: T0 });
      s = run(batch, s);
      expectCountsConsistent(s);
    }
    expect(s.counts.total.READY + s.counts.total.TALKING + s.counts.total.NOT_READY + s.counts.total.WORK + s.counts.total.LOGOUT).toBe(s.byKey.size);
  });

  it('keeps the identity of counts objects whose numbers did not change', () => {
    const s0 = run([
      up('a', { state: 'READY' }),
      up('b', { state: 'TALKING' }),
      { kind: 'agent.upsert', source: 'rte', id: 'r', at: T0, state: 'READY' },
    ]);
    // a and b swap states: gc and total numbers are unchanged
    const s1 = run([up('a', { state: 'TALKING' }), up('b', { state: 'READY' })], s0);
    expect(s1.byKey).not.toBe(s0.byKey);
    expect(s1.counts).toBe(s0.counts);
    const s2 = run([{ kind: 'agent.upsert', source: 'rte', id: 'r', at: T0, state: 'NOT_READY' }], s1);
    expect(s2.counts.bySource.gc).toBe(s1.counts.bySource.gc);
    expect(s2.counts.bySource.rte).not.toBe(s1.counts.bySource.rte);
    expect(s2.counts.total).toMatchObject({ READY: 1, TALKING: 1, NOT_READY: 1 });
  });
});

describe('reduceAgents: state keys', () => {
  it('holds only agents, their counts and versions (no error counters: those live in connection health)', () => {
    const s = run([up('a', { state: 'READY' }), { kind: 'agent.remove', source: 'gc', id: 'a', at: T0 }]);
    expect(Object.keys(s).sort()).toEqual(['byKey', 'counts', 'sortVersion', 'version']);
  });
});

describe('reduceAgents: duplicated and out-of-order vendor-dated events (issue 15)', () => {
  const ready = up('a', { state: 'READY', vendorTime: T0 + 1_000, stateSince: T0 + 1_000, at: T0 + 1_100, name: 'Ann' });
  const talking = up('a', { state: 'TALKING', vendorTime: T0 + 2_000, stateSince: T0 + 2_000, at: T0 + 2_100 });
  const notReady = up('a', { state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch', vendorTime: T0 + 3_000, stateSince: T0 + 3_000, at: T0 + 3_100 });

  it('every duplicate, swapped pair and any order ends in the newest state', () => {
    const inOrder = run([ready, talking, notReady]).byKey.get('gc:a');
    expect(inOrder).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2', stateSince: T0 + 3_000 });
    const orders = [
      [ready, ready, talking, talking, notReady, notReady],
      [talking, talking, ready, ready, notReady, notReady],
      [ready, notReady, notReady, talking, talking],
      [notReady, talking, ready],
    ];
    for (const order of orders) {
      expect(run(order).byKey.get('gc:a')).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch', stateSince: T0 + 3_000 });
    }
  });

  it('an older state event changes nothing in the state group but still patches other fields', () => {
    const s = run([notReady]);
    const s2 = run([{ ...ready, name: 'Ann Berg' }], s);
    expect(s2.byKey.get('gc:a')).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch', stateSince: T0 + 3_000, name: 'Ann Berg' });
    // A duplicate is idempotent: the same object back.
    expect(run([notReady], s).byKey.get('gc:a')).toBe(s.byKey.get('gc:a'));
  });

  it('events without a vendor time (RTE, snapshots) are applied in arrival order as before', () => {
    const s = run([up('a', { state: 'NOT_READY', stateSince: T0 + 3_000 }), up('a', { state: 'READY', stateSince: T0 + 1_000 })]);
    expect(s.byKey.get('gc:a')).toMatchObject({ state: 'READY', stateSince: T0 + 1_000 });
  });
});
