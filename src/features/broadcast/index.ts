export { BroadcastTicker } from './BroadcastTicker';
export { LazyBroadcastForm } from './LazyBroadcastForm';
