/**
 * Command builder for the Generic Connector (gc-generic-connector-activemq.txt, commands:
 * "JMS-Type `<VERB>#<agent_login_Id>`, JMS-Body the comma-separated arguments"; NOTES.md §3:
 * over STOMP the `type` header becomes JMSType; the verbs for ready / not-ready / logout are
 * not published, so they come from configuration: defaults `READY` (empty body),
 * `NOT_READY` (`<reasonCodeId>`), `LOGOUT` (`<reasonCodeId>`)).
 */
import type { SettableAgentState } from '../../domain';
import { CommandError } from '../transport/types';

/** A STOMP SEND to make: destination, headers (`type` = JMSType) and text body. */
export interface GcCommandFrame {
  readonly destination: string;
  readonly headers: { readonly type: string };
  /** Comma-separated arguments; empty string for none. */
  readonly body: string;
}

/** The configured verbs (`GcSourceConfig.verbs`). */
export interface GcVerbs {
  readonly ready: string;
  readonly notReady: string;
  readonly logout: string;
}

/** The characters GC uses as delimiters and forbids in names, ids and passwords (NOTES.md §3). */
const DELIMITERS = /[,#|]/;

/**
 * Checks a value that goes into a command: non-empty, no `,` `#` `|`, no control characters.
 * @throws CommandError('invalid') naming `what`
 */
export function assertCommandToken(value: string | undefined, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CommandError('invalid', `${what} is empty`);
  // eslint-disable-next-line no-control-regex
  if (DELIMITERS.test(value) || /[\u0000-\u001f\u007f]/.test(value))
    throw new CommandError('invalid', `${what} must not contain , # | or control characters`);
  return value;
}

/**
 * Builds the command that puts `agentId` into `state`:
 * READY → `type: <ready>#<id>`, empty body (a reason code given for READY is ignored);
 * NOT_READY → `type: <notReady>#<id>`, body `<reasonCodeId>` (empty when none: a supervisor may
 * set NOT_READY without a reason, NOTES.md §3); LOGOUT → `type: <logout>#<id>`, body `<reasonCodeId>` or empty.
 * @throws CommandError('invalid') for an empty id / verb, or an id, verb or reason containing `,` `#` `|`,
 *   or an empty-string reason code
 */
export function buildAgentStateCommand(
  destination: string,
  verbs: GcVerbs,
  agentId: string,
  state: SettableAgentState,
  reasonCodeId?: string,
): GcCommandFrame {
  if (state !== 'READY' && state !== 'NOT_READY' && state !== 'LOGOUT')
    throw new CommandError('invalid', `cannot set an agent to ${String(state)}`);
  const id = assertCommandToken(agentId, 'agent login id');
  const verb = assertCommandToken(state === 'READY' ? verbs.ready : state === 'NOT_READY' ? verbs.notReady : verbs.logout, 'command verb');
  if (typeof destination !== 'string' || destination.trim() === '') throw new CommandError('invalid', 'commands destination is empty');
  let body = '';
  if (state !== 'READY' && reasonCodeId !== undefined) body = assertCommandToken(reasonCodeId, 'reason code id');
  return { destination, headers: { type: `${verb}#${id}` }, body };
}
