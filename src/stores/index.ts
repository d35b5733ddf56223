/**
 * The state layer's public face: vanilla stores, pure reducers, the ingest bus, the app
 * singletons and the React hooks the panels use. Only `src/stores` imports zustand.
 */
export { initialAgentsState, reduceAgents, applyAgentUpsert, agentEventProblem } from './agents';
export type { AgentsState, AgentCounts } from './agents';
export { initialQueuesState, reduceQueues, applyQueueUpsert, queueEventProblem, QUEUE_STAT_KEYS } from './queues';
export type { QueuesState } from './queues';
export { initialConnectionsState, reduceConnections, idleHealth, MAX_RECENT_ERRORS, CONNECTION_STATUSES } from './connections';
export type { ConnectionsState } from './connections';
export { initialTeamsState, reduceTeams, teamEventProblem } from './teams';
export type { Team, TeamsState } from './teams';
export { createWallboardStores } from './create';
export type { WallboardStores } from './create';
export { createIngestBus } from './ingest/bus';
export type { IngestBus, IngestBusOptions, IngestBusStats, FlushInfo } from './ingest/bus';
export {
  agentStateGroup,
  createAgentKeysView,
  createQueueKeysView,
  sortAgentKeys,
  sortQueueKeys,
} from './views';
export type { AgentKeysFilter, AgentKeysViewOptions, KeysView, QueueKeysFilter } from './views';
export {
  stores,
  initIngest,
  getBus,
  getAgent,
  subscribeAgents,
  agentKeysView,
  queueKeysView,
  resetWallboard,
} from './wallboard';
export {
  useAgentKeys,
  useAgent,
  useQueueKeys,
  useQueue,
  useStateCounts,
  useSourceHealth,
  useSourceHealthList,
  useIsSourceLive,
  useTeam,
  useTeams,
  selectHealthList,
} from './hooks';
