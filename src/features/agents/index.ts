export { AgentGrid, loadVirtualAgentRows } from './AgentGrid';
export { AgentTile, loadAgentCommands } from './AgentTile';
export { TeamView } from './TeamView';
