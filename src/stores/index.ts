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
export { chatsSlice, initialChatsState, reduceChats, restoreChats, MAX_ENDED_CHATS, MAX_CHAT_LINES } from './chats';
export type { ChatsState, ChatSession, ChatLine } from './chats';
export { alarmsSlice, initialAlarmsState, reduceAlarms, MAX_CLEARED_ALARMS } from './alarms';
export type { AlarmsState } from './alarms';
export { callbacksSlice, initialCallbacksState, reduceCallbacks, MAX_CALLBACK_ITEMS } from './callbacks';
export type { CallbacksState } from './callbacks';
export {
  queueCallsSlice,
  queueDayStatsSlice,
  queueMembersSlice,
  initialQueueCallsState,
  reduceQueueCalls,
  reduceQueueDayStats,
  reduceQueueMembers,
  applyCallStep,
  MAX_ENDED_CALLS,
} from './calls';
export type { QueueCallList, QueueCallsState, QueueDayStatsState, QueueMembersState } from './calls';
export type { Team, TeamsState } from './teams';
export { routersSlice, initialRoutersState, reduceRouters, applyRouterUpsert } from './routers';
export type { RoutersState } from './routers';
export { emergenciesSlice, initialEmergenciesState, reduceEmergencies, MAX_EMERGENCY_CALLS } from './emergencies';
export type { EmergenciesState } from './emergencies';
export { phonebooksSlice, initialPhonebooksState, reducePhonebooks } from './phonebooks';
export type { PhonebooksState, PhonebookEvent } from './phonebooks';
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
export type { AgentKeysFilter, AgentKeysViewOptions, AgentSortBy, KeysView, QueueKeysFilter } from './views';
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
  useStateCountsOf,
  useSourceHealth,
  useSourceHealthList,
  useIsSourceLive,
  useTeam,
  useTeams,
  useTeamKeys,
  useRouterKeys,
  useRouter,
  useEmergencyCalls,
  selectHealthList,
  useQueueCalls,
  useQueueLiveCallCount,
  useQueueDayStats,
  useQueueMembers,
  useAlarmKeys,
  useRaisedAlarmCount,
  useRaisedCriticalAlarmKeys,
  useAlarm,
  useCallbackListKeys,
  useCallbackList,
  usePhonebooks,
  useContacts,
  useChatKeys,
  useChatSession,
  useWaitingChatCount,
} from './hooks';
export { startChatPersistence, CHAT_STORAGE_KEY } from './chat-persist';
export {
  broadcastStore,
  applyBroadcastEvents,
  resetBroadcast,
  reduceBroadcast,
  initialBroadcastState,
  useBroadcastMessages,
  useBroadcastState,
  MAX_BROADCAST_ERRORS,
} from './broadcast';
export type { BroadcastState } from './broadcast';
export { historyStore, sampleHistory, startHistorySampler, useHistorySeries, queuePoint, routerPoint } from './history';
export type { HistoryPoint, HistorySeries, HistoryState } from './history';
export { queueTotals, useQueueTotals, agentTotals, useAgentTotal } from './totals';
export type { QueueTotals, AgentTotals } from './totals';
