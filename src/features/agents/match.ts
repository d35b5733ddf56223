import type { AgentState } from '../../domain';

/** What the agent grid is narrowed to: one state (or all) and a free-text search. */
export interface AgentFilter {
  readonly state: AgentState | null;
  /** Lower-cased, trimmed search text; empty matches everyone. */
  readonly query: string;
}

/** True when no filter narrows the list. */
export function isOpenFilter(f: AgentFilter): boolean {
  return f.state === null && f.query === '';
}
