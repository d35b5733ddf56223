/**
 * The state layer's public face: vanilla stores, pure reducers, the ingest bus, the app
 * singletons and the React hooks the panels use. Only `src/stores` imports zustand.
 */
export { agentsSlice, initialAgentsState, reduceAgents, applyAgentUpsert } from './agents';
export type { AgentsState, AgentCounts, AgentEvent } from './agents';
export { queuesSlice, initialQueuesState, reduceQueues, applyQueueUpsert, QUEUE_STAT_KEYS } from './queues';
export type { QueuesState, QueueEvent } from './queues';
export { connectionsSlice, initialConnectionsState, reduceConnections, idleHealth, MAX_RECENT_ERRORS, CONNECTION_STATUSES } from './connections';
export type { ConnectionsState } from './connections';
export { deskSlice, initialDeskState, reduceDesk, isEndedState } from './desk';
export type { DeskState, DeskEvent, DeskNotice } from './desk';
export { teamsSlice, initialTeamsState, reduceTeams } from './teams';
export type { Team, TeamsState } from './teams';
export { defineSlice } from './slice';
export type { StoreSlice } from './slice';
export { SLICES, SLICES_BY_KIND, KNOWN_EVENT_KINDS, URGENT_KINDS } from './slices';
export type { AnySlice, ErasedSlice, SliceName, SliceState, EveryKindTaken } from './slices';
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
export { agentMatches } from './views';
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
