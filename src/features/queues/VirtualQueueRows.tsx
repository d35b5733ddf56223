import type { EntityKey } from '../../domain';
import { VirtualTileRows, type VirtualTileLayout } from '../../lib/virtual-rows';
import { QueueTile } from './QueueTile';

/** Queue tiles: at least 16 rem wide (as `.queue-grid`), rows about 8.5 rem high. */
const LAYOUT: VirtualTileLayout = { tileMinRem: 16, rowEstimateRem: 8.5, scrollClass: 'queue-scroll', rowClass: 'queue-row', testId: 'queue-virtual' };

/**
 * The queue tiles in rows inside their own scroller, rendering only the rows in (and near)
 * view (`data-testid="queue-virtual"`): a centre with hundreds of queues pays for the
 * tiles on screen, not for all of them, at every flush (docs/PERFORMANCE.md "Browser
 * benchmark"). Loaded lazily by the queue panel (its own chunk, with the virtualiser).
 */
export function VirtualQueueRows({ keys }: { keys: readonly EntityKey[] }) {
  return <VirtualTileRows keys={keys} layout={LAYOUT} tile={queueTile} />;
}

/** Keyed by queue: the queues' order is stable, so a tile stays with its queue (and its flash). */
function queueTile(k: EntityKey) {
  return <QueueTile key={k} queueKey={k} />;
}
