import type { DomainEvent, SourceId } from '../../domain';

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

// The command contract is shared with the UI, so it lives in the domain.
export { CommandError } from '../../domain';
export type { AgentCommandPort, AgentStateCommand, CommandErrorCode } from '../../domain';
