import { memo } from 'react';
import {
  Ban,
  CircleCheck,
  CircleHelp,
  ClipboardCheck,
  LogOut,
  NotebookPen,
  Pause,
  Phone,
  PhoneIncoming,
  type LucideIcon,
} from 'lucide-react';
import type { AgentState } from '../../domain';

/** One icon per agent state, so a state is never told by colour alone (besides its word). */
export const STATE_ICONS: Readonly<Record<AgentState, LucideIcon>> = {
  READY: CircleCheck,
  RESERVED: PhoneIncoming,
  TALKING: Phone,
  HOLD: Pause,
  WORK: NotebookPen,
  WORK_READY: ClipboardCheck,
  NOT_READY: Ban,
  LOGOUT: LogOut,
  UNKNOWN: CircleHelp,
};

/**
 * The icon of an agent state (decorative: always shown next to the state word). Memoised:
 * an agent tile re-renders on every change of its agent, the icon only when the state does.
 */
export const StateIcon = memo(function StateIcon({ state, size = 14 }: { state: AgentState; size?: number | string }) {
  const Icon = STATE_ICONS[state];
  return <Icon aria-hidden="true" size={size} className="state-icon" data-state-icon={state} />;
});
