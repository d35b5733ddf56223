export { RouterPanel, RouterTile } from './RouterPanel';
