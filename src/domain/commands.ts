import type { SettableAgentState } from './agent';
import type { SourceId } from './source';
import type { ReasonCodeLabels } from './ports';

/**
 * A request to put an agent into a state. A supervisor may set READY, NOT_READY or LOGOUT
 * (gc-generic-connector-activemq.txt; NOTES.md §3).
 */
export interface AgentStateCommand {
  /** Vendor agent id (GC: agent login id). */
  readonly agentId: string;
  readonly state: SettableAgentState;
  /** Reason code id for NOT_READY / LOGOUT (configured reason codes); none for READY. */
  readonly reasonCodeId?: string;
}

/** Why a command failed. */
export type CommandErrorCode = 'not-connected' | 'vendor-error' | 'timeout' | 'invalid' | 'read-only';

/**
 * The refusal of a command on a screen that may send none (the kiosk, issue 14): thrown
 * (as a rejected promise) by every command path started read-only, before anything is sent.
 */
export function readOnlyRefusal(): CommandError {
  return new CommandError('read-only', 'This screen is read-only: it sends no commands');
}

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
 * Command side of a connector that can change agent state; `source` says whose agents it
 * commands. The promise resolves only when the vendor's own event confirms the new state
 * (ARCHITECTURE.md data flow), and rejects with {@link CommandError} on a vendor error,
 * when not connected, or after the configured timeout. The UI holds one of these only
 * where commands are allowed (never on the kiosk route).
 */
export interface AgentCommandPort {
  readonly source: SourceId;
  setAgentState(cmd: AgentStateCommand): Promise<void>;
  /**
   * The states this backend can set (default all of Ready, Not Ready and Logout; Business
   * ConneCT has no logout command). The menu offers only these.
   */
  readonly states?: readonly SettableAgentState[];
  /**
   * The backend's own reasons, when they are not the board's configured reason codes
   * (Business ConneCT: reason names known to the BCT system, `sources.bct.notReadyReasons`).
   */
  readonly reasonCodes?: ReasonCodeLabels;
}

/** What a message routed to a contact-centre router carries (Business ConneCT RouteMessage). */
export interface RouteMessageRequest {
  readonly message: string;
  /** A starter (takes precedence) or a router is required. */
  readonly starterName?: string;
  readonly routerName?: string;
  readonly senderName?: string;
  readonly senderEmail?: string;
}

/**
 * Routes a text message to an agent through a starter or router (Business ConneCT
 * RouteMessage). Resolves when the backend accepted it; rejects with {@link CommandError}.
 */
export interface RouteMessagePort {
  readonly source: SourceId;
  /** Routers the form may offer (configured names; free text is allowed too). */
  readonly routerNames: readonly string[];
  routeMessage(req: RouteMessageRequest): Promise<void>;
}
