export { QueuePanel, loadVirtualQueueRows } from './QueuePanel';
export { QueueTile } from './QueueTile';
