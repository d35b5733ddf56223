export { QueuePanel } from './QueuePanel';
export { QueueTile } from './QueueTile';
