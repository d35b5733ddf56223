import { AGENT_STATES, type Agent, type AgentState, type SettableAgentState } from '../../domain';
import type { TFunction } from '../../i18n';
import type { AgentStateRequest, BoardSettings } from '../../ui';

/**
 * The state word of an agent state in the current language (catalogue `agents:state.*`).
 * @param t a `t` function bound to the `agents` namespace
 */
export function stateLabel(state: AgentState, t: TFunction): string {
  return t(`state.${state}`);
}

/**
 * The state word of an agent; an unmapped vendor state (UNKNOWN) is shown as the vendor's
 * own text, untranslated, or "Unknown" when the vendor sent none.
 * @param t a `t` function bound to the `agents` namespace
 */
export function stateLabelOf(a: Agent, t: TFunction): string {
  if (a.state === 'UNKNOWN' && a.vendorState) return a.vendorState;
  return stateLabel(a.state, t);
}

/**
 * The vendor's pending-state text (Finesse `pendingState`) in the board's words where it
 * names a known settable or displayed state, else the vendor's text as sent.
 */
export function pendingLabel(vendor: string, t: TFunction): string {
  return (AGENT_STATES as readonly string[]).includes(vendor) && vendor !== 'UNKNOWN' ? stateLabel(vendor as AgentState, t) : vendor;
}

/**
 * "Not Ready (Lunch)", "Ready", "Log out (End of shift)": a command in words. The reason
 * label is the configured one (configuration text, shown as given); an id with no
 * configured label reads "reason <id>".
 * @param t a `t` function bound to the `agents` namespace
 */
export function describeCommand(
  cmd: AgentStateRequest,
  reasonCodes: BoardSettings['reasonCodes'],
  t: TFunction,
): string {
  const command = t(`command.${cmd.state satisfies SettableAgentState}`);
  if (cmd.reasonCodeId === undefined) return command;
  const reasons = cmd.state === 'LOGOUT' ? reasonCodes.logout : reasonCodes.notReady;
  const reason = reasons.find((r) => r.id === cmd.reasonCodeId)?.label ?? t('reasonFallback', { id: cmd.reasonCodeId });
  return t('commandWithReason', { command, reason });
}
