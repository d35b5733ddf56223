import { describe, expect, it } from 'vitest';
import { initialPhonebooksState, reducePhonebooks } from './phonebooks';

const T0 = 1_763_777_000_000;

describe('reducePhonebooks', () => {
  it('stores own and team lists apart, replaces a list as a whole, keeps identity when unchanged', () => {
    const s0 = reducePhonebooks(initialPhonebooksState(), [
      { kind: 'phonebook.list', source: 'gc', owner: 'agent2001', scope: 'agent', phonebooks: [{ id: '1', name: 'Company', type: 'GLOBAL' }], at: T0 },
      { kind: 'phonebook.list', source: 'gc', owner: 'agent2001', scope: 'team', phonebooks: [], at: T0 },
    ]);
    expect(s0.lists.get('gc:agent2001:agent')).toEqual([{ id: '1', name: 'Company', type: 'GLOBAL' }]);
    expect(s0.lists.get('gc:agent2001:team')).toEqual([]);
    const same = reducePhonebooks(s0, [
      { kind: 'phonebook.list', source: 'gc', owner: 'agent2001', scope: 'agent', phonebooks: [{ id: '1', name: 'Company', type: 'GLOBAL' }], at: T0 + 1 },
    ]);
    expect(same).toBe(s0);
    const s1 = reducePhonebooks(s0, [{ kind: 'phonebook.list', source: 'gc', owner: 'agent2001', scope: 'agent', phonebooks: [], at: T0 + 2 }]);
    expect(s1.lists.get('gc:agent2001:agent')).toEqual([]);
    expect(s1.version).toBe(s0.version + 1);
  });

  it('stores contacts per phonebook; "not found" is an empty list, not an absent one', () => {
    const c = { id: '101', firstName: 'Nina', lastName: 'Berg', phoneNumber: '2005', description: 'Front desk' };
    const s0 = reducePhonebooks(initialPhonebooksState(), [
      { kind: 'phonebook.contacts', source: 'gc', phonebookId: '1', contacts: [c], at: T0 },
      { kind: 'phonebook.contacts', source: 'gc', phonebookId: '2', contacts: [], at: T0 },
    ]);
    expect(s0.contacts.get('gc:1')).toEqual([c]);
    expect(s0.contacts.get('gc:2')).toEqual([]);
    expect(s0.contacts.has('gc:3')).toBe(false);
  });
});
