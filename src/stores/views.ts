/**
 * Sorted key lists for the agent and queue grids, as external stores React can read with
 * `useSyncExternalStore` (and tests can drive without React).
 *
 * - Agent keys are sorted by state group then name and re-sorted AT MOST ONCE PER SECOND
 *   (ARCHITECTURE.md rule 4): the view re-checks on the shared clock's 1 Hz tick and
 *   re-sorts only when membership, a state, a name or a team changed (`sortVersion`).
 *   A listed key may therefore name an agent removed less than a second ago, and a new
 *   agent appears within a second: tiles must accept `useAgent(key) === undefined`.
 * - Queue keys are sorted by source then name and recomputed as soon as membership or a
 *   name changes (rare; no clock needed).
 * Both keep the same array identity while the list's content is unchanged.
 */
import {
  SOURCE_IDS,
  entityKey,
  type Agent,
  type AgentState,
  type EntityKey,
  type Queue,
  type SourceId,
} from '../domain';
import { getClock, type Clock } from '../lib/clock';
import type { WallboardStores } from './create';
import type { TeamsState } from './teams';

/** A list that React reads through `useSyncExternalStore(view.subscribe, view.getSnapshot)`. */
export interface KeysView {
  /** Registers a change listener; the first one starts the view's own subscriptions, the last unsubscribe stops them. */
  subscribe(listener: () => void): () => void;
  /** The current sorted keys (same array while unchanged). */
  getSnapshot(): readonly EntityKey[];
  /** How many times the list was recomputed (tests, perf probe). */
  computeCount(): number;
  /** Current number of listeners (an unlistened view holds no subscription and may be dropped). */
  listenerCount(): number;
}

/** Filter of {@link createAgentKeysView} / `useAgentKeys`. */
export interface AgentKeysFilter {
  /** Only agents of this source. */
  readonly source?: SourceId;
  /** Only agents whose `teamId` is this, or whom a team with this id lists in `memberIds`. */
  readonly teamId?: string;
  /** Only agents in this state. */
  readonly state?: AgentState;
  /**
   * Only agents whose name, id, extension or team id contains this text (compared
   * lower-cased; the caller passes it trimmed and lower-cased; empty matches everyone).
   */
  readonly query?: string;
  /**
   * Order: `state` (default) = state group, then name; `timeInState` = longest in their
   * current state first (earliest `stateSince`), then name. Either is re-ranked at most once
   * a second by the view (every agent's time grows alike, so only a state change re-ranks).
   */
  readonly sortBy?: AgentSortBy;
  /**
   * Only agents in their current state for at least this many seconds (at the view's clock
   * time). A view with it re-filters on every clock tick (at most once a second).
   */
  readonly minTimeInStateSec?: number;
  /**
   * A designed board's panel filter (issue 13, `PanelFilters`): only agents of these
   * sources (absent or empty: all).
   */
  readonly sources?: readonly SourceId[];
  /** Panel filter: only agents of these teams (by `teamId` or a listed team's `memberIds`; absent or empty: all). */
  readonly teams?: readonly string[];
  /** Panel filter: only agents in one of these states (absent or empty: all). */
  readonly states?: readonly AgentState[];
}

/** The orders an agent keys view offers (see {@link AgentKeysFilter.sortBy}). */
export type AgentSortBy = 'state' | 'timeInState';

/** True when an agent passes the `state` and `query` parts of a filter. */
export function agentMatches(a: Agent, state: AgentState | undefined, query: string | undefined): boolean {
  if (state !== undefined && a.state !== state) return false;
  if (!query) return true;
  return (
    a.name.toLowerCase().includes(query) ||
    a.id.toLowerCase().includes(query) ||
    (a.extension !== undefined && a.extension.toLowerCase().includes(query)) ||
    (a.teamId !== undefined && a.teamId.toLowerCase().includes(query))
  );
}

/** Filter of {@link createQueueKeysView} / `useQueueKeys`. */
export interface QueueKeysFilter {
  /** Only queues of this source. */
  readonly source?: SourceId;
  /** A designed board's panel filter (issue 13): only queues of these sources (absent or empty: all). */
  readonly sources?: readonly SourceId[];
  /** Panel filter: only queues whose vendor id is listed (absent or empty: all). */
  readonly ids?: readonly string[];
}

/** True when `list` is absent or empty (an allow-list that lets everything through). */
function open<T>(list: readonly T[] | undefined): list is undefined {
  return list === undefined || list.length === 0;
}

/**
 * A stable text for a filter list, for the shared views' cache ids: the sorted, de-duplicated
 * values joined by U+0001 (empty for absent or empty).
 */
export function listId(list: readonly string[] | undefined): string {
  return open(list) ? '' : [...new Set(list)].sort().join('\u0001');
}

/**
 * Sort group of an agent state, in {@link AGENT_STATES} order but with states a
 * supervisor reads as one kept together so that, e.g., TALKING → HOLD does not move a
 * tile: 0 READY; 1 RESERVED, TALKING, HOLD (on a call); 2 WORK, WORK_READY (wrap-up);
 * 3 NOT_READY; 4 LOGOUT; 5 UNKNOWN.
 */
export function agentStateGroup(state: AgentState): number {
  return STATE_GROUP[state] ?? 5;
}

const STATE_GROUP: Readonly<Record<AgentState, number>> = {
  READY: 0,
  RESERVED: 1,
  TALKING: 1,
  HOLD: 1,
  WORK: 2,
  WORK_READY: 2,
  NOT_READY: 3,
  LOGOUT: 4,
  UNKNOWN: 5,
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const EMPTY: readonly EntityKey[] = Object.freeze([]);

function sameKeys(a: readonly EntityKey[], b: readonly EntityKey[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Filters and sorts agents by {@link agentStateGroup}, then name (case-insensitive,
 * numeric-aware), then key; or with `sortBy: 'timeInState'` by `stateSince` (longest first). Pure; the filter runs first, so only the matching agents are
 * sorted: O(n + m log m) for m matches.
 * @param teams needed only for a `teamId` filter (team `memberIds`)
 * @param nowMs the time a `minTimeInStateSec` filter measures from (epoch ms; default now)
 */
export function sortAgentKeys(agents: Iterable<Agent>, filter: AgentKeysFilter = {}, teams?: TeamsState, nowMs: number = Date.now()): EntityKey[] {
  const { source, teamId, state, query, sortBy, minTimeInStateSec } = filter;
  const sources = open(filter.sources) ? undefined : new Set(filter.sources);
  const states = open(filter.states) ? undefined : new Set(filter.states);
  const teamIds = open(filter.teams) ? undefined : new Set(filter.teams);
  const sinceAtMost = minTimeInStateSec === undefined ? undefined : nowMs - minTimeInStateSec * 1000;
  let members: Set<EntityKey> | undefined;
  if (teamId !== undefined && teams) {
    for (const t of teams.byKey.values()) {
      if (t.id !== teamId || !t.memberIds || (source !== undefined && t.source !== source)) continue;
      members ??= new Set();
      for (const m of t.memberIds) members.add(entityKey(t.source, m));
    }
  }
  let panelMembers: Set<EntityKey> | undefined;
  if (teamIds && teams) {
    for (const t of teams.byKey.values()) {
      if (!teamIds.has(t.id) || !t.memberIds) continue;
      panelMembers ??= new Set();
      for (const m of t.memberIds) panelMembers.add(entityKey(t.source, m));
    }
  }
  const rows: { key: EntityKey; group: number; name: string; since: number }[] = [];
  for (const a of agents) {
    if (source !== undefined && a.source !== source) continue;
    if (sources && !sources.has(a.source)) continue;
    if (states && !states.has(a.state)) continue;
    if (teamId !== undefined && a.teamId !== teamId && !members?.has(a.key)) continue;
    if (teamIds && !(a.teamId !== undefined && teamIds.has(a.teamId)) && !panelMembers?.has(a.key)) continue;
    if (!agentMatches(a, state, query)) continue;
    if (sinceAtMost !== undefined && a.stateSince > sinceAtMost) continue;
    rows.push({ key: a.key, group: agentStateGroup(a.state), name: a.name, since: a.stateSince });
  }
  const byKey = (x: { key: EntityKey }, y: { key: EntityKey }) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  if (sortBy === 'timeInState') rows.sort((x, y) => x.since - y.since || collator.compare(x.name, y.name) || byKey(x, y));
  else rows.sort((x, y) => x.group - y.group || collator.compare(x.name, y.name) || byKey(x, y));
  return rows.map((r) => r.key);
}

/**
 * Listener bookkeeping shared by the views: `start` runs when the first listener arrives
 * and returns what to run when the last one leaves. Unsubscribing twice is harmless.
 */
function createListeners(start: () => () => void) {
  const listeners = new Set<() => void>();
  let stop: (() => void) | undefined;
  return {
    get size(): number {
      return listeners.size;
    },
    notify(): void {
      for (const l of [...listeners]) l();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      if (listeners.size === 1) stop = start();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        listeners.delete(listener);
        if (listeners.size === 0) {
          stop?.();
          stop = undefined;
        }
      };
    },
  };
}

/** Filters and sorts queues by source ({@link SOURCE_IDS} order), then name, then key. Pure. */
export function sortQueueKeys(queues: Iterable<Queue>, filter: QueueKeysFilter = {}): EntityKey[] {
  const rank = (s: SourceId): number => SOURCE_IDS.indexOf(s);
  const sources = open(filter.sources) ? undefined : new Set(filter.sources);
  const ids = open(filter.ids) ? undefined : new Set(filter.ids);
  const rows: Queue[] = [];
  for (const q of queues) {
    if (filter.source !== undefined && q.source !== filter.source) continue;
    if (sources && !sources.has(q.source)) continue;
    if (ids && !ids.has(q.id)) continue;
    rows.push(q);
  }
  rows.sort((x, y) => rank(x.source) - rank(y.source) || collator.compare(x.name, y.name) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return rows.map((q) => q.key);
}

/** Options of {@link createAgentKeysView}. */
export interface AgentKeysViewOptions {
  /** Clock whose tick paces re-sorting; default the shared clock (resolved at subscribe time). */
  clock?: Clock;
}

/**
 * A view of the agent keys matching `filter` (source, team, state, search text), re-sorted
 * at most once per clock tick (1 s) and only when `agents.sortVersion` (or, with a team
 * filter, `teams.version`) moved: the filtered and sorted roster lives here, in the stores,
 * not in a component (ARCHITECTURE.md rule 4).
 * While nobody subscribes, `getSnapshot` recomputes on demand (a mounting component sees
 * current data); while subscribed it returns the cached list, and the clock tick is the
 * only thing that re-sorts.
 */
export function createAgentKeysView(
  stores: Pick<WallboardStores, 'agents' | 'teams'>,
  filter: AgentKeysFilter = {},
  options: AgentKeysViewOptions = {},
): KeysView {
  const f: AgentKeysFilter = {
    source: filter.source,
    teamId: filter.teamId,
    state: filter.state,
    query: filter.query || undefined,
    sortBy: filter.sortBy,
    minTimeInStateSec: filter.minTimeInStateSec,
    sources: open(filter.sources) ? undefined : [...filter.sources],
    teams: open(filter.teams) ? undefined : [...filter.teams],
    states: open(filter.states) ? undefined : [...filter.states],
  };
  const timed = f.minTimeInStateSec !== undefined;
  let keys: readonly EntityKey[] = EMPTY;
  let computed = false;
  let agentsVersion = -1;
  let teamsVersion = -1;
  let computes = 0;

  const stale = (): boolean =>
    !computed ||
    timed ||
    stores.agents.getState().sortVersion !== agentsVersion ||
    ((f.teamId !== undefined || f.teams !== undefined) && stores.teams.getState().version !== teamsVersion);

  /** Recomputes; true when the list's content changed. */
  function compute(): boolean {
    computes++;
    const a = stores.agents.getState();
    const t = stores.teams.getState();
    agentsVersion = a.sortVersion;
    teamsVersion = t.version;
    computed = true;
    const next = sortAgentKeys(a.byKey.values(), f, t, (options.clock ?? getClock()).now());
    if (sameKeys(next, keys)) return false;
    keys = next.length === 0 ? EMPTY : next;
    return true;
  }

  const listeners = createListeners(() => {
    if (stale()) compute();
    return (options.clock ?? getClock()).subscribe(() => {
      if (stale() && compute()) listeners.notify();
    });
  });

  return {
    subscribe: listeners.subscribe,
    getSnapshot() {
      if (listeners.size === 0 && stale()) compute();
      return keys;
    },
    computeCount: () => computes,
    listenerCount: () => listeners.size,
  };
}

/**
 * A view of the queue keys matching `filter`, recomputed as soon as `queues.sortVersion`
 * moves (a queue added, removed or renamed).
 */
export function createQueueKeysView(stores: Pick<WallboardStores, 'queues'>, filter: QueueKeysFilter = {}): KeysView {
  const f: QueueKeysFilter = {
    source: filter.source,
    sources: open(filter.sources) ? undefined : [...filter.sources],
    ids: open(filter.ids) ? undefined : [...filter.ids],
  };
  let keys: readonly EntityKey[] = EMPTY;
  let version = -1;
  let computes = 0;

  function refresh(): boolean {
    const s = stores.queues.getState();
    if (s.sortVersion === version) return false;
    computes++;
    version = s.sortVersion;
    const next = sortQueueKeys(s.byKey.values(), f);
    if (sameKeys(next, keys)) return false;
    keys = next.length === 0 ? EMPTY : next;
    return true;
  }

  const listeners = createListeners(() => {
    refresh();
    return stores.queues.subscribe(() => {
      if (refresh()) listeners.notify();
    });
  });

  return {
    subscribe: listeners.subscribe,
    getSnapshot() {
      if (listeners.size === 0) refresh();
      return keys;
    },
    computeCount: () => computes,
    listenerCount: () => listeners.size,
  };
}
