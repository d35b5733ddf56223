export { AgentGrid, loadVirtualAgentRows } from './AgentGrid';
export { AgentTile, loadAgentCommands } from './AgentTile';
export { LazyTeamView } from './LazyTeamView';
