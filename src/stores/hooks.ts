/**
 * React hooks over the singleton stores: narrow selectors so a tile re-renders only when
 * its own entity (or count, or health) is replaced. Components never subscribe to whole
 * stores and never run timers (use `useNow` from `src/lib/clock`).
 */
import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import {
  SOURCE_IDS,
  entityKey,
  phonebookListKey,
  type Agent,
  type EntityKey,
  type Phonebook,
  type PhonebookContact,
  type PhonebookScope,
  type Queue,
  type SourceHealth,
  type SourceId,
  type StateCounts,
  type Team,
} from '../domain';
import { idleHealth, type ConnectionsState } from './connections';
import type { AgentKeysFilter, QueueKeysFilter } from './views';
import { agentKeysView, queueKeysView, stores } from './wallboard';

/**
 * Keys of the agents matching `filter`, sorted by state group then name (see
 * `agentStateGroup`). Re-sorted at most once per second, on the shared clock's tick, and
 * only when membership, a state, a name or a team changed; the same array otherwise.
 * A key can outlive its agent by up to a second: `useAgent(key)` may return undefined.
 * Pass the filter inline freely; only its values matter (`state`, and `query` trimmed and
 * lower-cased, narrow the list in the store, not in the component).
 */
export function useAgentKeys(filter?: AgentKeysFilter): readonly EntityKey[] {
  const view = agentKeysView({ source: filter?.source, teamId: filter?.teamId, state: filter?.state, query: filter?.query, sortBy: filter?.sortBy, minTimeInStateSec: filter?.minTimeInStateSec });
  return useSyncExternalStore(view.subscribe, view.getSnapshot, view.getSnapshot);
}

/** The agent with this key, re-rendering only when that agent object is replaced or removed. */
export function useAgent(key: EntityKey): Agent | undefined {
  return useStore(stores.agents, (s) => s.byKey.get(key));
}

/**
 * Keys of the queues matching `filter`, sorted by source then name; recomputed when a
 * queue is added, removed or renamed; the same array otherwise.
 */
export function useQueueKeys(filter?: QueueKeysFilter): readonly EntityKey[] {
  const view = queueKeysView({ source: filter?.source });
  return useSyncExternalStore(view.subscribe, view.getSnapshot, view.getSnapshot);
}

/** The queue with this key, re-rendering only when that queue object is replaced or removed. */
export function useQueue(key: EntityKey): Queue | undefined {
  return useStore(stores.queues, (s) => s.byKey.get(key));
}

/**
 * Agents per state (computed in the reducer), over all sources or for one source. The
 * object keeps its identity while its numbers do not change.
 */
export function useStateCounts(source?: SourceId): StateCounts {
  return useStore(stores.agents, (s) => (source === undefined ? s.counts.total : s.counts.bySource[source]));
}

/** Health of one source; a shared `idle` default (since 0, no errors) when nothing was heard from it. */
export function useSourceHealth(source: SourceId): SourceHealth {
  return useStore(stores.connections, (s) => s.bySource[source] ?? idleHealth(source));
}

let lastBySource: ConnectionsState['bySource'] | undefined;
let lastList: readonly SourceHealth[] = [];

/** Health entries of every source heard from, in `SOURCE_IDS` order; memoised per state. */
export function selectHealthList(s: ConnectionsState): readonly SourceHealth[] {
  if (s.bySource !== lastBySource) {
    lastBySource = s.bySource;
    lastList = Object.values(s.bySource)
      .filter((h): h is SourceHealth => h !== undefined)
      .sort((a, b) => SOURCE_IDS.indexOf(a.source) - SOURCE_IDS.indexOf(b.source));
  }
  return lastList;
}

/**
 * Health of every source that has a status (configured sources report `connecting`
 * first; any source heard from is listed), in display order. The same array while
 * nothing changed.
 */
export function useSourceHealthList(): readonly SourceHealth[] {
  return useStore(stores.connections, selectHealthList);
}

/** True while the source's status is `live`. Re-renders only when that flips. */
export function useIsSourceLive(source: SourceId): boolean {
  return useStore(stores.connections, (s) => s.bySource[source]?.status === 'live');
}

/** The team with this key (e.g. `gc:5`), or undefined. */
export function useTeam(key: EntityKey): Team | undefined {
  return useStore(stores.teams, (s) => s.byKey.get(key));
}

let lastTeamsMap: ReadonlyMap<EntityKey, Team> | undefined;
let lastTeams: readonly Team[] = [];

/** Every known team, sorted by source then name; the same array while teams do not change. */
export function useTeams(): readonly Team[] {
  return useStore(stores.teams, (s) => {
    if (s.byKey !== lastTeamsMap) {
      lastTeamsMap = s.byKey;
      lastTeams = [...s.byKey.values()].sort(
        (a, b) => SOURCE_IDS.indexOf(a.source) - SOURCE_IDS.indexOf(b.source) || a.name.localeCompare(b.name),
      );
    }
    return lastTeams;
  });
}

/** The phonebook list of `owner` (own or team's), or undefined until it was received. */
export function usePhonebooks(source: SourceId, owner: string, scope: PhonebookScope): readonly Phonebook[] | undefined {
  return useStore(stores.phonebooks, (s) => s.lists.get(phonebookListKey(source, owner, scope)));
}

/** The contacts of one phonebook, or undefined until they were received (empty: "not found"). */
export function useContacts(source: SourceId, phonebookId: string): readonly PhonebookContact[] | undefined {
  return useStore(stores.phonebooks, (s) => s.contacts.get(entityKey(source, phonebookId)));
}
