/**
 * The wallboard's vanilla zustand stores (`zustand/vanilla`, so they also run in Node for
 * the benchmark). Only the ingest bus writes to them, once per store per flush.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialAgentsState, type AgentsState } from './agents';
import { initialConnectionsState, type ConnectionsState } from './connections';
import { initialQueuesState, type QueuesState } from './queues';
import { initialTeamsState, type TeamsState } from './teams';

/** The four stores the bus writes and the hooks read. */
export interface WallboardStores {
  readonly agents: StoreApi<AgentsState>;
  readonly queues: StoreApi<QueuesState>;
  readonly connections: StoreApi<ConnectionsState>;
  readonly teams: StoreApi<TeamsState>;
}

/** Creates a fresh, empty set of stores (the app uses the singleton `stores`; tests and the bench make their own). */
export function createWallboardStores(): WallboardStores {
  return {
    agents: createStore<AgentsState>()(() => initialAgentsState()),
    queues: createStore<QueuesState>()(() => initialQueuesState()),
    connections: createStore<ConnectionsState>()(() => initialConnectionsState()),
    teams: createStore<TeamsState>()(() => initialTeamsState()),
  };
}
