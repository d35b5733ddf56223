export { LazyTrendPanel } from './LazyTrendPanel';
