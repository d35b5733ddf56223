export { AgentGrid } from './AgentGrid';
export { AgentTile } from './AgentTile';
