import type { DomainEvent, SettableAgentState, SourceId } from '../../domain';

/**
 * Where a connector delivers what it parsed: the ingest bus's `publish`. Called with
 * one or more events per vendor message; never throws back into the connector.
 */
export type Emit = (events: readonly DomainEvent[]) => void;

/**
 * The only public face of a backend connector (ARCHITECTURE.md "Rooms"). A connector owns
 * its transport and reconnection: after `start()` it connects, and retries forever with
 * backoff and jitter, reporting `connection.status` events for its source until `stop()`.
 */
export interface Connector {
  readonly source: SourceId;
  /** Begins connecting. Idempotent. Never throws; failures become status/error events. */
  start(): void;
  /** Closes the link and stops retrying; resolves when closed. */
  stop(): Promise<void>;
}

/** A request to put an agent into a state (a supervisor may set READY, NOT_READY, LOGOUT). */
export interface AgentStateCommand {
  /** Vendor agent id (GC: agent login id). */
  readonly agentId: string;
  readonly state: SettableAgentState;
  /** Reason code id for NOT_READY / LOGOUT (configured reason codes); none for READY. */
  readonly reasonCodeId?: string;
}

/** Why a command failed. */
export type CommandErrorCode = 'not-connected' | 'vendor-error' | 'timeout' | 'invalid';

/** A command that failed; `message` is plain text fit to show the user. */
export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
    /** Vendor error code where the vendor sent one (GC `Error` event code). */
    readonly vendorCode?: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * Command side of a connector that can change agent state. The promise resolves only when
 * the vendor's own event confirms the new state (ARCHITECTURE.md data flow), and rejects
 * with {@link CommandError} on a vendor error, when not connected, or after the configured
 * timeout.
 */
export interface AgentCommandPort {
  setAgentState(cmd: AgentStateCommand): Promise<void>;
}
