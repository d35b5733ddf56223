import { AGENT_STATE_LABELS, type Agent, type SettableAgentState } from '../../domain';
import type { AgentStateRequest, BoardSettings } from '../../ui';

/** The state word of an agent; an unmapped vendor state is shown as the vendor's own text. */
export function stateLabelOf(a: Agent): string {
  if (a.state === 'UNKNOWN') return a.vendorState || AGENT_STATE_LABELS.UNKNOWN;
  return AGENT_STATE_LABELS[a.state];
}

const COMMAND_WORDS: Readonly<Record<SettableAgentState, string>> = {
  READY: 'Ready',
  NOT_READY: 'Not Ready',
  LOGOUT: 'Log out',
};

/** "Not Ready (Lunch)", "Ready", "Log out (End of shift)": a command in words. */
export function describeCommand(cmd: AgentStateRequest, reasonCodes: BoardSettings['reasonCodes']): string {
  const word = COMMAND_WORDS[cmd.state];
  if (cmd.reasonCodeId === undefined) return word;
  const reasons = cmd.state === 'LOGOUT' ? reasonCodes.logout : reasonCodes.notReady;
  const label = reasons.find((r) => r.id === cmd.reasonCodeId)?.label ?? `reason ${cmd.reasonCodeId}`;
  return `${word} (${label})`;
}
