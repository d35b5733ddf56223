import type { SourceId } from './source';

/**
 * Phonebooks and their contacts, as an agent picks a transfer or conference target from them
 * (gc-generic-connector-activemq.txt "Event: Phonebook" `Phonebooks` / `PhonebookContacts`,
 * and `TeamPhoneBooks`). Vendor text throughout: render as text only.
 */
export interface Phonebook {
  /** Vendor phonebook id (`id:<phonebook_id>`). */
  readonly id: string;
  /** Vendor name (`name:<phonebook_name>`); may be empty. */
  readonly name: string;
  /** Vendor type (`type:<phonebook_type>`), as sent; may be empty. */
  readonly type: string;
}

/** One contact of a phonebook (`PhonebookContacts`). Absent vendor keys are empty strings. */
export interface PhonebookContact {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  /** The number to dial / transfer to, as sent. */
  readonly phoneNumber: string;
  readonly description: string;
}

/** Whose phonebooks: the agent's own (`Phonebooks`) or their team's (`TeamPhoneBooks`). */
export type PhonebookScope = 'agent' | 'team';

/** Store key of a phonebook list: `"<source>:<owner login id>:<scope>"`. */
export type PhonebookListKey = `${SourceId}:${string}:${PhonebookScope}`;

/** Builds a {@link PhonebookListKey}. */
export function phonebookListKey(source: SourceId, owner: string, scope: PhonebookScope): PhonebookListKey {
  return `${source}:${owner}:${scope}`;
}
