export { LazyUccxPanels } from './LazyUccxPanels';
