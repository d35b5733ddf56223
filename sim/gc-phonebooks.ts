/**
 * The simulator's Generic Connector phonebooks (gc-generic-connector-activemq.txt "Event:
 * Phonebook", "Event: TeamUsersList" for TeamPhoneBooks): fixed data, independent of the seed.
 * Every agent sees the global phonebooks; team 5 has a team phonebook, team 7 none (so its
 * agents get `NoTeamPhoneBookFound`); phonebook 2 is empty (`NoContactFound`).
 */

/** One phonebook as the events carry it. */
export interface SimPhonebook {
  readonly id: string;
  readonly name: string;
  readonly type: 'GLOBAL' | 'TEAM';
}

/** One contact. `phoneNumber` is what a transfer / conference dials. */
export interface SimContact {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly phoneNumber: string;
  readonly description: string;
}

/** Global phonebooks (every agent's `Phonebooks`). */
export const GLOBAL_PHONEBOOKS: readonly SimPhonebook[] = [
  { id: '1', name: 'Company directory', type: 'GLOBAL' },
  { id: '2', name: 'Suppliers', type: 'GLOBAL' },
];

/** Team phonebooks by team id (`TeamPhoneBooks`); a team absent here has none. */
export const TEAM_PHONEBOOKS: Readonly<Record<string, readonly SimPhonebook[]>> = {
  '5': [{ id: '10', name: 'Customer Care escalation', type: 'TEAM' }],
};

/** Contacts by phonebook id; a phonebook absent here (or empty) answers `NoContactFound`. */
export const PHONEBOOK_CONTACTS: Readonly<Record<string, readonly SimContact[]>> = {
  '1': [
    { id: '101', firstName: 'Nina', lastName: 'Berg', phoneNumber: '2017', description: 'Billing Desk lead' },
    { id: '102', firstName: 'Omar', lastName: 'Said', phoneNumber: '2002', description: 'Customer Care' },
    { id: '103', firstName: 'Reception', lastName: '', phoneNumber: '9000', description: 'Front desk' },
  ],
  '10': [{ id: '110', firstName: 'Sam', lastName: 'Carter', phoneNumber: '9001', description: 'Supervisor' }],
};

/** Numbers a transfer or conference may dial besides agent extensions (the phonebook numbers). */
export function phonebookNumbers(): Set<string> {
  return new Set(Object.values(PHONEBOOK_CONTACTS).flatMap((cs) => cs.map((c) => c.phoneNumber)));
}
