import { describe, expect, it } from 'vitest';
import { initialTeamsState, reduceTeams } from './teams';

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
