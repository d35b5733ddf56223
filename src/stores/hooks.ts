/**
 * React hooks over the singleton stores: narrow selectors so a tile re-renders only when
 * its own entity (or count, or health) is replaced. Components never subscribe to whole
 * stores and never run timers (use `useNow` from `src/lib/clock`).
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import {
  AGENT_STATES,
  SOURCE_IDS,
  countStates,
  type Agent,
  type Alarm,
  type CallbackList,
  type EmergencyCall,
  type EntityKey,
  type Queue,
  type QueueDayStats,
  type QueueMember,
  type Router,
  entityKey,
  phonebookListKey,
  type Phonebook,
  type PhonebookContact,
  type PhonebookScope,
  type SourceHealth,
  type SourceId,
  type StateCounts,
  type Team,
} from '../domain';
import type { QueueCallList } from './calls';
import type { ChatSession } from './chats';
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
  const view = agentKeysView({ source: filter?.source, teamId: filter?.teamId, state: filter?.state, query: filter?.query, sortBy: filter?.sortBy, minTimeInStateSec: filter?.minTimeInStateSec, sources: filter?.sources, teams: filter?.teams, states: filter?.states });
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
  const view = queueKeysView({ source: filter?.source, sources: filter?.sources, ids: filter?.ids });
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

/**
 * Agents per state among `keys` (a filtered panel's agents, e.g. `useAgentKeys` with a team
 * filter on a designed board), counted from each agent's current state; keys whose agent is
 * gone (at most a second) are not counted. Undefined when `keys` is undefined (use
 * {@link useStateCounts} then: the reducer's counts, without a pass over the agents).
 * Recounted when `keys` or the agents change, O(keys); the same object while the numbers
 * do not change.
 */
export function useStateCountsOf(keys: readonly EntityKey[] | undefined): StateCounts | undefined {
  const last = useRef<{ keys?: readonly EntityKey[]; byKey?: ReadonlyMap<EntityKey, Agent>; counts?: StateCounts }>({});
  const select = useCallback(
    (s: { readonly byKey: ReadonlyMap<EntityKey, Agent> }): StateCounts | undefined => {
      if (keys === undefined) return undefined;
      const c = last.current;
      if (c.keys === keys && c.byKey === s.byKey) return c.counts;
      const next = countStates(agentsOf(keys, s.byKey));
      const prev = c.counts;
      last.current = { keys, byKey: s.byKey, counts: prev && AGENT_STATES.every((st) => prev[st] === next[st]) ? prev : next };
      return last.current.counts;
    },
    [keys],
  );
  return useStore(stores.agents, select);
}

/** The agents of `keys` that exist in `byKey`, in key order. */
function* agentsOf(keys: readonly EntityKey[], byKey: ReadonlyMap<EntityKey, Agent>): Generator<Agent> {
  for (const k of keys) {
    const a = byKey.get(k);
    if (a) yield a;
  }
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

const teamKeysCache = new Map<SourceId, { map: ReadonlyMap<EntityKey, Team>; keys: readonly EntityKey[] }>();

/**
 * Keys of the teams of `source`, sorted by name then id; the same array while no team of the
 * source is added, removed or renamed (members changing do not change it). Work per teams
 * change is proportional to the number of teams, never to the roster.
 */
export function useTeamKeys(source: SourceId): readonly EntityKey[] {
  return useStore(stores.teams, (s) => {
    const cached = teamKeysCache.get(source);
    if (cached?.map === s.byKey) return cached.keys;
    const teams = [...s.byKey.values()].filter((t) => t.source === source).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const keys = teams.map((t) => t.key);
    const same = cached && cached.keys.length === keys.length && cached.keys.every((k, i) => k === keys[i]) && teams.every((t) => cached.map.get(t.key)?.name === t.name);
    const out = same ? cached.keys : keys;
    teamKeysCache.set(source, { map: s.byKey, keys: out });
    return out;
  });
}

let lastRoutersMap: ReadonlyMap<EntityKey, Router> | undefined;
let lastRouterKeys: readonly EntityKey[] = [];

/**
 * Keys of every router, sorted by source then name; the same array while no router is
 * added (figures changing do not change it).
 */
export function useRouterKeys(): readonly EntityKey[] {
  return useStore(stores.routers, (s) => {
    if (s.byKey !== lastRoutersMap) {
      const keys = [...s.byKey.values()]
        .sort((a, b) => SOURCE_IDS.indexOf(a.source) - SOURCE_IDS.indexOf(b.source) || a.name.localeCompare(b.name))
        .map((r) => r.key);
      lastRoutersMap = s.byKey;
      if (keys.length !== lastRouterKeys.length || keys.some((k, i) => k !== lastRouterKeys[i])) lastRouterKeys = keys;
    }
    return lastRouterKeys;
  });
}

/** The router with this key, re-rendering only when that router object is replaced. */
export function useRouter(key: EntityKey): Router | undefined {
  return useStore(stores.routers, (s) => s.byKey.get(key));
}

/** Every emergency call the board has seen (bounded), newest first; a new array only when one arrives. */
export function useEmergencyCalls(): readonly EmergencyCall[] {
  return useStore(stores.emergencies, (s) => s.calls);
}

const NO_CALLS: QueueCallList = { live: [], ended: [] };
const NO_MEMBERS: readonly QueueMember[] = [];

/** The calls of one queue (live and recently ended); re-renders only when that queue's list changes. */
export function useQueueCalls(queueKey: EntityKey): QueueCallList {
  return useStore(stores.queueCalls, (s) => s.byQueue.get(queueKey) ?? NO_CALLS);
}

/** Number of live calls of one queue (for a button label; the list itself loads on demand). */
export function useQueueLiveCallCount(queueKey: EntityKey): number {
  return useStore(stores.queueCalls, (s) => s.byQueue.get(queueKey)?.live.length ?? 0);
}

/** The wallboard's day statistics of one queue, if it computes any for it. */
export function useQueueDayStats(queueKey: EntityKey): QueueDayStats | undefined {
  return useStore(stores.queueDayStats, (s) => s.byKey.get(queueKey));
}

/** Who serves one queue (RTE QueueAttachedUsers), empty when not known. */
export function useQueueMembers(queueKey: EntityKey): readonly QueueMember[] {
  return useStore(stores.queueMembers, (s) => s.byQueue.get(queueKey) ?? NO_MEMBERS);
}

/** Keys of every alarm: raised ones (most recently raised first), then recently cleared. */
export function useAlarmKeys(): readonly EntityKey[] {
  return useStore(stores.alarms, (s) => s.order);
}

/** Number of raised alarms. */
export function useRaisedAlarmCount(): number {
  return useStore(stores.alarms, (s) => {
    let n = 0;
    for (const k of s.order) if (s.byKey.get(k)?.state === 'raised') n += 1;
    return n;
  });
}

let lastCriticalKeys: readonly EntityKey[] = [];

/**
 * Keys of the raised alarms of severity `alarm` (critical), oldest first (the kiosk's rotation
 * interrupt, issue 14); the same array while that set does not change.
 */
export function useRaisedCriticalAlarmKeys(): readonly EntityKey[] {
  return useStore(stores.alarms, (s) => {
    const keys: EntityKey[] = [];
    for (const k of s.order) {
      const a = s.byKey.get(k);
      if (a?.state === 'raised' && a.severity === 'alarm') keys.push(k);
    }
    if (keys.length === lastCriticalKeys.length && keys.every((k, i) => k === lastCriticalKeys[i])) return lastCriticalKeys;
    lastCriticalKeys = keys;
    return keys;
  });
}

/** One alarm, re-rendering only when it is replaced. */
export function useAlarm(key: EntityKey): Alarm | undefined {
  return useStore(stores.alarms, (s) => s.byKey.get(key));
}

let lastCallbackMapVersion = -1;
let lastCallbackKeys: readonly EntityKey[] = [];

/** Keys of every callback list, sorted by source then id; the same array until a list is added. */
export function useCallbackListKeys(): readonly EntityKey[] {
  return useStore(stores.callbacks, (s) => {
    if (s.sortVersion !== lastCallbackMapVersion) {
      lastCallbackMapVersion = s.sortVersion;
      lastCallbackKeys = [...s.byKey.values()]
        .sort((a, b) => SOURCE_IDS.indexOf(a.source) - SOURCE_IDS.indexOf(b.source) || a.id.localeCompare(b.id))
        .map((l) => l.key);
    }
    return lastCallbackKeys;
  });
}

/** One callback list, re-rendering only when it is replaced. */
export function useCallbackList(key: EntityKey): CallbackList | undefined {
  return useStore(stores.callbacks, (s) => s.byKey.get(key));
}

/** The phonebook list of `owner` (own or team's), or undefined until it was received. */
export function usePhonebooks(source: SourceId, owner: string, scope: PhonebookScope): readonly Phonebook[] | undefined {
  return useStore(stores.phonebooks, (s) => s.lists.get(phonebookListKey(source, owner, scope)));
}

/** The contacts of one phonebook, or undefined until they were received (empty: "not found"). */
export function useContacts(source: SourceId, phonebookId: string): readonly PhonebookContact[] | undefined {
  return useStore(stores.phonebooks, (s) => s.contacts.get(entityKey(source, phonebookId)));
}

const CHAT_ORDER = { requested: 0, active: 1, ended: 2 } as const;
let chatKeysCache: { version: number; keys: readonly EntityKey[] } = { version: -1, keys: [] };

/**
 * Keys of every web chat session: waiting requests first (oldest first), then active ones
 * (oldest first), then ended ones (most recently ended first). A new array only when the
 * chats store changed.
 */
export function useChatKeys(): readonly EntityKey[] {
  return useStore(stores.chats, (s) => {
    if (chatKeysCache.version === s.version) return chatKeysCache.keys;
    const list = [...s.byKey.values()].sort(
      (a, b) => CHAT_ORDER[a.state] - CHAT_ORDER[b.state] || (a.state === 'ended' ? (b.endedAt ?? 0) - (a.endedAt ?? 0) : a.requestedAt - b.requestedAt),
    );
    const keys = list.map((c) => c.key);
    const same = keys.length === chatKeysCache.keys.length && keys.every((k, i) => k === chatKeysCache.keys[i]);
    chatKeysCache = { version: s.version, keys: same ? chatKeysCache.keys : keys };
    return chatKeysCache.keys;
  });
}

/** One web chat session, re-rendering only when it is replaced. */
export function useChatSession(key: EntityKey): ChatSession | undefined {
  return useStore(stores.chats, (s) => s.byKey.get(key));
}

/** Number of chat requests waiting for an answer (the kiosk's read-only count). */
export function useWaitingChatCount(): number {
  return useStore(stores.chats, (s) => {
    let n = 0;
    for (const c of s.byKey.values()) if (c.state === 'requested') n += 1;
    return n;
  });
}
