import type { PhonebookScope } from './phonebook';
import type { SourceId } from './source';

/**
 * A mobile agent login (gc-generic-connector-activemq.txt "Command: Mobile Agent Login").
 * The password is kept in memory only for the one command, never logged, never stored.
 */
export interface MobileLoginRequest {
  /** Finesse agent login id. */
  readonly loginId: string;
  readonly password: string;
  /** The agent's extension. */
  readonly extension: string;
  /** The phone number the system calls to connect the mobile agent. */
  readonly dialNumber: string;
  /** Connection mode: true = call by call, false = nailed connection. */
  readonly callByCall: boolean;
}

/**
 * The agent desk's commands through the Generic Connector (issue 9, `/agent` when the agent
 * backend is GC). Every method refuses a value with `,` `#` `|` before sending
 * (`CommandError` `invalid`) and rejects with `CommandError` (`not-connected`, `timeout`,
 * `vendor-error` with the GC error code in `vendorCode`, e.g. `WRONG_EXTENSION`). The desk's
 * own Ready / Not Ready goes through the agent-state port of the same source.
 */
export interface GcDeskPort {
  readonly source: SourceId;
  /**
   * `MOBILEAGENTLOGIN#<loginId>`; from now on the desk maps only this login id's events.
   * Resolves when the agent's State event arrives (GC answers with AgentInfo and State).
   */
  mobileLogin(req: MobileLoginRequest): Promise<void>;
  /** Asks for the agent's own or team phonebooks; resolves when the list (or "not found") arrives. */
  requestPhonebooks(scope: PhonebookScope): Promise<void>;
  /** Asks for one phonebook's contacts; resolves when they (or "not found") arrive. */
  requestContacts(phonebookId: string): Promise<void>;
  /** `TransferCall#<loginId>` `<extension>,<dialogId>`; resolves on the agent's next State event. */
  transfer(targetExtension: string, dialogId: string): Promise<void>;
  /** `Conferencecall#<loginId>` `<extension>,<dialogId>`; resolves on the agent's next State event. */
  conference(targetExtension: string, dialogId: string): Promise<void>;
}
