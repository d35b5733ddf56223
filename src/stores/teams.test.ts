import { describe, expect, it } from 'vitest';
import { initialTeamsState, reduceTeams } from './teams';
import type { TeamMembersEvent } from '../domain';

const T0 = 1_763_777_000_000;

describe('reduceTeams', () => {
  it('creates, patches and keeps identity when unchanged', () => {
    const s0 = reduceTeams(initialTeamsState(), [{ kind: 'team.upsert', source: 'gc', id: '5', name: 'Customer Care', at: T0 }]);
    expect(s0.byKey.get('gc:5')).toMatchObject({ name: 'Customer Care', memberIds: undefined });
    const same = reduceTeams(s0, [{ kind: 'team.upsert', source: 'gc', id: '5', at: T0 + 1 }]);
    expect(same).toBe(s0);
    const s1 = reduceTeams(s0, [{ kind: 'team.upsert', source: 'gc', id: '5', memberIds: ['agent2001'], at: T0 + 2 }]);
    expect(s1.byKey.get('gc:5')).toMatchObject({ name: 'Customer Care', memberIds: ['agent2001'], updatedAt: T0 + 2 });
    expect(reduceTeams(s1, [{ kind: 'team.upsert', source: 'gc', id: '5', memberIds: ['agent2001'], at: T0 + 3 }])).toBe(s1);
  });

  it('holds only teams and a version (no error counters: those live in connection health)', () => {
    const s = reduceTeams(initialTeamsState(), [{ kind: 'team.upsert', source: 'gc', id: '5', at: T0 }]);
    expect(Object.keys(s).sort()).toEqual(['byKey', 'version']);
  });
});

describe('teams with member lists (UCCX team status report)', () => {
  const at = 1_000;
  const members = (over: Partial<TeamMembersEvent> = {}): TeamMembersEvent => ({
    kind: 'team.members',
    source: 'uccx',
    at,
    id: 't1',
    name: 'Sales',
    owner: 'sup1',
    members: [
      { id: 'a1', name: 'Zoe', type: 'Agent', status: 'ready' },
      { id: 'a2', name: 'Adam', type: 'TeamLead', status: 'not_ready', reasonCode: '32', reasonLabel: 'Lunch' },
    ],
    replace: true,
    ...over,
  });

  it('keeps members sorted by name, counts per status, and moves statusSince only when status or reason change', () => {
    let s = reduceTeams(initialTeamsState(), [members()]);
    let t = s.byKey.get('uccx:t1')!;
    expect(t.members!.map((m) => m.id)).toEqual(['a2', 'a1']);
    expect(t.statusCounts).toEqual({ ready: 1, not_ready: 1, ACW: 0 });
    expect(t.owners).toEqual(['sup1']);
    s = reduceTeams(s, [members({ at: 2_000, replace: false, members: [{ id: 'a1', status: 'ready' }, { id: 'a2', status: 'not_ready', reasonCode: '7' }] })]);
    t = s.byKey.get('uccx:t1')!;
    expect(t.members!.map((m) => [m.id, m.statusSince, m.reasonCode, m.reasonLabel, m.type])).toEqual([
      ['a2', 2_000, '7', undefined, 'TeamLead'],
      ['a1', 1_000, undefined, undefined, 'Agent'],
    ]);
    const same = reduceTeams(s, [members({ at: 3_000, replace: false, members: [{ id: 'a1', status: 'ready' }] })]);
    expect(same).toBe(s);
  });

  it('removes members, removes a team when its last owner drops it, and forgets an owner', () => {
    let s = reduceTeams(initialTeamsState(), [members(), members({ id: 't2', owner: 'sup2' }), members({ id: 't2', owner: 'sup1' })]);
    s = reduceTeams(s, [{ kind: 'team.membersRemove', source: 'uccx', at, id: 't1', memberIds: ['a1', 'nobody'] }]);
    expect(s.byKey.get('uccx:t1')!.members!.map((m) => m.id)).toEqual(['a2']);
    expect(s.byKey.get('uccx:t1')!.statusCounts).toEqual({ ready: 0, not_ready: 1, ACW: 0 });
    s = reduceTeams(s, [{ kind: 'team.remove', source: 'uccx', at, id: 't2', owner: 'sup2' }]);
    expect(s.byKey.get('uccx:t2')!.owners).toEqual(['sup1']);
    s = reduceTeams(s, [{ kind: 'team.forget', source: 'uccx', at, owner: 'sup1' }]);
    expect([...s.byKey.keys()]).toEqual([]);
  });

  it('a rename by team.upsert keeps the members', () => {
    let s = reduceTeams(initialTeamsState(), [members()]);
    s = reduceTeams(s, [{ kind: 'team.upsert', source: 'uccx', at, id: 't1', name: 'Sales East', owner: 'sup1' }]);
    expect(s.byKey.get('uccx:t1')).toMatchObject({ name: 'Sales East', owners: ['sup1'] });
    expect(s.byKey.get('uccx:t1')!.members).toHaveLength(2);
  });
});
