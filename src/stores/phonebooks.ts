/**
 * Phonebooks: the phonebook lists of agents (own and team, GC `Phonebooks` / `TeamPhoneBooks`)
 * and the contacts of each phonebook (GC `PhonebookContacts`), as the agent desk picks a
 * transfer or conference target from them. Each event carries a full list that replaces the
 * stored one; a list is replaced only when its content changed.
 */
import {
  entityKey,
  phonebookListKey,
  type EntityKey,
  type EventOfKind,
  type Phonebook,
  type PhonebookContact,
  type PhonebookListKey,
} from '../domain';
import { defineSlice } from './slice';

/** State of the phonebooks store. */
export interface PhonebooksState {
  /** Phonebook lists by `"<source>:<owner>:<scope>"` (absent: never received). */
  readonly lists: ReadonlyMap<PhonebookListKey, readonly Phonebook[]>;
  /** Contacts by phonebook key `"<source>:<phonebook id>"` (absent: never received). */
  readonly contacts: ReadonlyMap<EntityKey, readonly PhonebookContact[]>;
  /** Increments whenever anything changes. */
  readonly version: number;
}

/** A fresh, empty phonebooks state. */
export function initialPhonebooksState(): PhonebooksState {
  return { lists: new Map(), contacts: new Map(), version: 0 };
}

function sameRows<T extends object>(a: readonly T[] | undefined, b: readonly T[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    const keys = Object.keys(y);
    if (Object.keys(x).length !== keys.length) return false;
    for (const k of keys) if (x[k] !== y[k]) return false;
  }
  return true;
}

/** The kinds the phonebooks store takes. */
export type PhonebookEvent = EventOfKind<'phonebook.list' | 'phonebook.contacts'>;

/**
 * Reduces one flush's batch (events trusted: validated at the connector edge).
 * @returns the same `state` object when nothing changed
 */
export function reducePhonebooks(state: PhonebooksState, events: readonly PhonebookEvent[]): PhonebooksState {
  let lists: Map<PhonebookListKey, readonly Phonebook[]> | undefined;
  let contacts: Map<EntityKey, readonly PhonebookContact[]> | undefined;
  for (const e of events) {
    if (e.kind === 'phonebook.list') {
      const key = phonebookListKey(e.source, e.owner, e.scope);
      if (sameRows((lists ?? state.lists).get(key), e.phonebooks)) continue;
      (lists ??= new Map(state.lists)).set(key, e.phonebooks.map((p) => ({ id: p.id, name: p.name, type: p.type })));
    } else {
      const key = entityKey(e.source, e.phonebookId);
      if (sameRows((contacts ?? state.contacts).get(key), e.contacts)) continue;
      (contacts ??= new Map(state.contacts)).set(
        key,
        e.contacts.map((c) => ({ id: c.id, firstName: c.firstName, lastName: c.lastName, phoneNumber: c.phoneNumber, description: c.description })),
      );
    }
  }
  if (!lists && !contacts) return state;
  return { lists: lists ?? state.lists, contacts: contacts ?? state.contacts, version: state.version + 1 };
}

/** The phonebooks store; nothing urgent. */
export const phonebooksSlice = defineSlice({
  name: 'phonebooks',
  kinds: ['phonebook.list', 'phonebook.contacts'],
  initial: initialPhonebooksState,
  reduce: reducePhonebooks,
  urgentKinds: [],
});
