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

/**
 * The configured verbs the vendor's published copy leaves open (NOTES.md §3, guesses):
 * desk login (`<password>,<extension>`) and the three phonebook requests. Defaults `LOGIN`,
 * `GETPHONEBOOKS`, `GETTEAMPHONEBOOKS`, `GETPHONEBOOKCONTACTS` (`<phonebookId>`).
 */
export interface GcDeskVerbs {
  readonly login: string;
  readonly phonebooks: string;
  readonly teamPhonebooks: string;
  readonly phonebookContacts: string;
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

/** One named argument of a command (the name is used in error messages; the value never is). */
type Arg = readonly [what: string, value: string | undefined];

/**
 * Builds `type: <verb>#<loginId>` with the arguments joined by `,` (gc doc, every command:
 * "JMS-Type `<VERB>#<agent_login_Id>`", "JMS-Body `<arg1>,<arg2>,…`"). Every argument is
 * checked by {@link assertCommandToken} BEFORE anything is built, so a value with `,` `#` `|`
 * never reaches the wire. Error messages name the argument, never its value (passwords).
 * @throws CommandError('invalid') for an empty or delimiter-carrying login id, verb, destination or argument
 */
export function buildGcCommand(destination: string, verb: string, loginId: string, args: readonly Arg[] = []): GcCommandFrame {
  if (typeof destination !== 'string' || destination.trim() === '') throw new CommandError('invalid', 'commands destination is empty');
  const v = assertCommandToken(verb, 'command verb');
  const id = assertCommandToken(loginId, 'agent login id');
  const values = args.map(([what, value]) => assertCommandToken(value, what));
  return { destination, headers: { type: `${v}#${id}` }, body: values.join(',') };
}

/** Mobile agent login arguments (gc doc "Command: Mobile Agent Login"). Kept in memory only, never logged. */
export interface MobileAgentLogin {
  readonly password: string;
  readonly extension: string;
  /** The phone number the system calls to connect the mobile agent. */
  readonly dialNumber: string;
  /** Connection mode: true = call by call, false = nailed connection (sent as `true` / `false`). */
  readonly callByCall: boolean;
}

/** `MOBILEAGENTLOGIN#<id>`, body `<agent_password>,<agent_extension>,<dialNumber>,<connection_mode>` (gc doc "Command: Mobile Agent Login"). */
export function buildMobileAgentLogin(destination: string, loginId: string, a: MobileAgentLogin): GcCommandFrame {
  return buildGcCommand(destination, 'MOBILEAGENTLOGIN', loginId, [
    ['password', a.password],
    ['extension', a.extension],
    ['dial number', a.dialNumber],
    ['connection mode', a.callByCall ? 'true' : 'false'],
  ]);
}

/** The configurable desk login (NOTES.md §3 guess `LOGIN`, body `<password>,<extension>`). */
export function buildLogin(destination: string, verb: string, loginId: string, password: string, extension: string): GcCommandFrame {
  return buildGcCommand(destination, verb, loginId, [
    ['password', password],
    ['extension', extension],
  ]);
}

/** `TransferCall#<id>`, body `<Agent_Extension>,<Dialog_ID>` (gc doc "Command: TransferCall"). */
export function buildTransferCall(destination: string, loginId: string, targetExtension: string, dialogId: string): GcCommandFrame {
  return buildGcCommand(destination, 'TransferCall', loginId, [
    ['target extension', targetExtension],
    ['dialog id', dialogId],
  ]);
}

/** `Conferencecall#<id>` (vendor spelling), body `<Agent_Extension>,<Dialog_ID>` (gc doc "Command: ConferenceCall"). */
export function buildConferenceCall(destination: string, loginId: string, targetExtension: string, dialogId: string): GcCommandFrame {
  return buildGcCommand(destination, 'Conferencecall', loginId, [
    ['target extension', targetExtension],
    ['dialog id', dialogId],
  ]);
}

/** `RejectOutboundPreview#<id>`, body `<dialog_id>,REJECT` (gc doc "Command: BargIn_Call" / "Reject_Outbound_Call"). */
export function buildRejectOutboundPreview(destination: string, loginId: string, dialogId: string): GcCommandFrame {
  return buildGcCommand(destination, 'RejectOutboundPreview', loginId, [
    ['dialog id', dialogId],
    ['action', 'REJECT'],
  ]);
}

/** `CloseOutboundPreview#<id>`, body `<dialog_id>,CLOSE` (gc doc "Command: BargIn_Call", second). */
export function buildCloseOutboundPreview(destination: string, loginId: string, dialogId: string): GcCommandFrame {
  return buildGcCommand(destination, 'CloseOutboundPreview', loginId, [
    ['dialog id', dialogId],
    ['action', 'CLOSE'],
  ]);
}

/** `GETSKILLGROPU#<id>` (vendor spelling), empty body (gc doc "Command: SkillGroup"). */
export function buildGetSkillGroups(destination: string, loginId: string): GcCommandFrame {
  return buildGcCommand(destination, 'GETSKILLGROPU', loginId);
}

/** `GETSUPERVISOR#<id>`, empty body (gc doc "Command: supervisors"). */
export function buildGetSupervisor(destination: string, loginId: string): GcCommandFrame {
  return buildGcCommand(destination, 'GETSUPERVISOR', loginId);
}

/** Callback arguments (gc doc "Command: Schedule_callback_Call" / "Update_callback_Call"). */
export interface CallbackArgs {
  /** The extension of the agent making the request (`<targetMediaAddress>`). */
  readonly targetMediaAddress: string;
  readonly dialogId: string;
  /** Callback time as the vendor takes it (format not published; sent as given). */
  readonly callbackTime: string;
  readonly callbackNumber: string;
}

const callbackArgs = (a: CallbackArgs): Arg[] => [
  ['target media address', a.targetMediaAddress],
  ['dialog id', a.dialogId],
  ['callback time', a.callbackTime],
  ['callback number', a.callbackNumber],
];

/** `SHCEDULECALLBACK#<id>` (vendor spelling), body `<targetMediaAddress>,<dialog_id>,<callbackTime>,<callbackNumber>`. */
export function buildScheduleCallback(destination: string, loginId: string, a: CallbackArgs): GcCommandFrame {
  return buildGcCommand(destination, 'SHCEDULECALLBACK', loginId, callbackArgs(a));
}

/** `UPDATECALLBACK#<id>`, body `<targetMediaAddress>,<dialog_id>,<callbackTime>,<callbackNumber>`. */
export function buildUpdateCallback(destination: string, loginId: string, a: CallbackArgs): GcCommandFrame {
  return buildGcCommand(destination, 'UPDATECALLBACK', loginId, callbackArgs(a));
}

/** `CANCELSHCEDULECALLBACK#<id>` (vendor spelling), body `<targetMediaAddress>,<dialog_id>`. */
export function buildCancelScheduledCallback(destination: string, loginId: string, targetMediaAddress: string, dialogId: string): GcCommandFrame {
  return buildGcCommand(destination, 'CANCELSHCEDULECALLBACK', loginId, [
    ['target media address', targetMediaAddress],
    ['dialog id', dialogId],
  ]);
}

/** `RECLASSIFYCALL#<id>`, body `<targetMediaAddress>,<dialog_id>,<Value>` (gc doc "Command: Reclassify _Call"). */
export function buildReclassifyCall(destination: string, loginId: string, targetMediaAddress: string, dialogId: string, value: string): GcCommandFrame {
  return buildGcCommand(destination, 'RECLASSIFYCALL', loginId, [
    ['target media address', targetMediaAddress],
    ['dialog id', dialogId],
    ['reclassify value', value],
  ]);
}

/** The phonebook requests (configured verbs, NOTES.md §3 guesses): own, team, and one phonebook's contacts. */
export function buildPhonebooksRequest(destination: string, verbs: GcDeskVerbs, loginId: string, scope: 'agent' | 'team'): GcCommandFrame {
  return buildGcCommand(destination, scope === 'team' ? verbs.teamPhonebooks : verbs.phonebooks, loginId);
}

/** Asks for the contacts of `phonebookId` (configured verb, body `<phonebookId>`). */
export function buildContactsRequest(destination: string, verbs: GcDeskVerbs, loginId: string, phonebookId: string): GcCommandFrame {
  return buildGcCommand(destination, verbs.phonebookContacts, loginId, [['phonebook id', phonebookId]]);
}
