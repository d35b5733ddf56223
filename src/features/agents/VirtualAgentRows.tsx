import type { EntityKey } from '../../domain';
import { VirtualTileRows, type VirtualTileLayout } from '../../lib/virtual-rows';
import { AgentTile } from './AgentTile';

/** Agent tiles: at least 14 rem wide, rows about 7.5 rem high. */
const LAYOUT: VirtualTileLayout = { tileMinRem: 14, rowEstimateRem: 7.5, scrollClass: 'agent-scroll', rowClass: 'agent-row', testId: 'agent-virtual' };

/**
 * The agent tiles in rows, rendering only the rows in (and near) view (`data-testid="agent-virtual"`).
 * Loaded lazily by the agent grid (its own chunk, with the virtualiser).
 *
 * While the browser skips the scroller (`content-visibility: auto`, far off screen, e.g.
 * below 300 queue tiles) its tiles do not tick and it keeps showing the order it had: the
 * once-a-second re-sort is applied when it comes back near the screen. Agents' own changes
 * (state, reason) still reach their tiles at once.
 */
export function VirtualAgentRows({ keys }: { keys: readonly EntityKey[] }) {
  return <VirtualTileRows keys={keys} layout={LAYOUT} tile={agentTile} />;
}

/**
 * Keyed by slot, not by agent: the once-a-second re-sort moves agents between slots and
 * rows, and a slot then shows its new agent in place instead of unmounting one tile and
 * mounting another (docs/PERFORMANCE.md "Browser benchmark"). State that belongs to one
 * agent (a command in flight, an open menu) is keyed by the agent inside AgentTile, so it
 * never passes to another agent; like an agent moving to another row, it does not follow
 * the agent to its new slot.
 */
function agentTile(k: EntityKey, slot: number) {
  return <AgentTile key={slot} agentKey={k} />;
}
