import type { Agent, AgentState } from '../../domain';

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

/** Whether an agent passes the filter: its state, and the query in its name, id, extension or team. */
export function matchesFilter(a: Agent, f: AgentFilter): boolean {
  if (f.state !== null && a.state !== f.state) return false;
  if (f.query === '') return true;
  return [a.name, a.id, a.extension, a.teamId].some((v) => v !== undefined && v.toLowerCase().includes(f.query));
}
