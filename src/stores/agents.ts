/**
 * Agents: pure reducer over one flush's batch of events (ARCHITECTURE.md rules 1 and 2).
 * The Map is copied at most once per batch, an Agent object is replaced only when one
 * of its fields changes, and the per-state counts are kept up to date incrementally.
 */
import {
  AGENT_STATES,
  SOURCE_IDS,
  emptyStateCounts,
  entityKey,
  type Agent,
  type AgentState,
  type AgentUpsertEvent,
  type EntityKey,
  type EventOfKind,
  type SourceId,
  type StateCounts,
} from '../domain';
import { defineSlice } from './slice';

/** Agent counts per {@link AgentState}: over all sources and per source (every source present, zero when none). */
export interface AgentCounts {
  readonly total: StateCounts;
  readonly bySource: Readonly<Record<SourceId, StateCounts>>;
}

/** State of the agents store. Replaced as a whole, once per flush, only when something changed. */
export interface AgentsState {
  /** Every known agent by `"<source>:<id>"`. Never mutated: a changed batch yields a new Map. */
  readonly byKey: ReadonlyMap<EntityKey, Agent>;
  /** Agents per state. A counts object keeps its identity while its numbers do not change. */
  readonly counts: AgentCounts;
  /** Increments whenever `byKey` changes. */
  readonly version: number;
  /**
   * Increments when membership or a sort/filter field changed (an agent added or removed,
   * or its `state`, `name`, `teamId` or `stateSince` changed): the sorted key lists recompute only then.
   */
  readonly sortVersion: number;
}

const STATE_INDEX = new Map<AgentState, number>(AGENT_STATES.map((s, i) => [s, i]));
const SOURCE_INDEX = new Map<SourceId, number>(SOURCE_IDS.map((s, i) => [s, i]));

function zeroCounts(): AgentCounts {
  const bySource = {} as Record<SourceId, StateCounts>;
  for (const s of SOURCE_IDS) bySource[s] = emptyStateCounts();
  return { total: emptyStateCounts(), bySource };
}

/** A fresh, empty agents state (version 0). */
export function initialAgentsState(): AgentsState {
  return { byKey: new Map(), counts: zeroCounts(), version: 0, sortVersion: 0 };
}

/** The event without its state and presence groups (an out-of-order event's other fields still apply). */
function withoutStateGroup(e: AgentUpsertEvent): AgentUpsertEvent {
  const { kind, source, at, id, name, extension, teamId, isSupervisor } = e;
  return { kind, source, at, id, ...(name !== undefined ? { name } : {}), ...(extension !== undefined ? { extension } : {}), ...(teamId !== undefined ? { teamId } : {}), ...(isSupervisor !== undefined ? { isSupervisor } : {}) };
}

/**
 * Applies one `agent.upsert` to `prev`, following the patch semantics of
 * events.ts: absent fields keep their values; when `state` is present, the state group
 * (`state`, `vendorState`, `reasonCodeId`, `reasonLabel`, `pendingState`) is replaced
 * together, absent members cleared (`vendorState` defaults to the state's name);
 * `stateSince` is the event's `stateSince`, else `vendorTime ?? at` when the state
 * changes, else kept. A new agent without a state is `UNKNOWN` since `vendorTime ?? at`.
 *
 * Out of order (issue 15 fault injection): an event whose state group is dated by the
 * vendor (`vendorTime` and `stateSince` both given, as the Generic Connector's State event
 * is, gc doc "State", field 7 epoch ms) and began before the agent's current state began is
 * older than what the board shows: its state group is ignored (other fields still apply).
 * A duplicate (same time) re-applies the same values and changes nothing.
 * @returns `prev` itself when no field changed (then `updatedAt` is not touched either)
 */
export function applyAgentUpsert(prev: Agent | undefined, event: AgentUpsertEvent): Agent {
  const older = prev !== undefined && event.state !== undefined && event.vendorTime !== undefined && event.stateSince !== undefined && event.stateSince < prev.stateSince;
  const e: AgentUpsertEvent = older ? withoutStateGroup(event) : event;
  const state = e.state;
  const eventTime = e.vendorTime ?? e.at;

  if (prev === undefined) {
    return {
      key: entityKey(e.source, e.id),
      source: e.source,
      id: e.id,
      name: e.name ?? e.id,
      state: state ?? 'UNKNOWN',
      vendorState: e.vendorState ?? state ?? '',
      reasonCodeId: e.reasonCodeId,
      reasonLabel: e.reasonLabel,
      stateSince: e.stateSince ?? eventTime,
      pendingState: e.pendingState,
      extension: e.extension,
      teamId: e.teamId,
      isSupervisor: e.isSupervisor,
      presence: e.presence,
      presenceNote: e.presenceNote,
      presenceUntil: e.presenceUntil,
      callSince: e.callSince,
      stateSinceSeen: e.stateSinceSeen,
      serving: e.serving,
      updatedAt: e.at,
    };
  }

  let nextState = prev.state;
  let vendorState = prev.vendorState;
  let reasonCodeId = prev.reasonCodeId;
  let reasonLabel = prev.reasonLabel;
  let pendingState = prev.pendingState;
  let stateSince = prev.stateSince;
  if (state !== undefined) {
    nextState = state;
    vendorState = e.vendorState ?? state;
    reasonCodeId = e.reasonCodeId;
    reasonLabel = e.reasonLabel;
    pendingState = e.pendingState;
    stateSince = e.stateSince ?? (state !== prev.state ? eventTime : prev.stateSince);
  } else {
    vendorState = e.vendorState ?? vendorState;
    reasonCodeId = e.reasonCodeId ?? reasonCodeId;
    reasonLabel = e.reasonLabel ?? reasonLabel;
    pendingState = e.pendingState ?? pendingState;
    stateSince = e.stateSince ?? stateSince;
  }
  const name = e.name ?? prev.name;
  const extension = e.extension ?? prev.extension;
  const teamId = e.teamId ?? prev.teamId;
  const isSupervisor = e.isSupervisor ?? prev.isSupervisor;
  // The presence group (events.ts): replaced together with the state group.
  const group = state !== undefined;
  const presence = group ? e.presence : (e.presence ?? prev.presence);
  const presenceNote = group ? e.presenceNote : (e.presenceNote ?? prev.presenceNote);
  const presenceUntil = group ? e.presenceUntil : (e.presenceUntil ?? prev.presenceUntil);
  const callSince = group ? e.callSince : (e.callSince ?? prev.callSince);
  const stateSinceSeen = group ? e.stateSinceSeen : (e.stateSinceSeen ?? prev.stateSinceSeen);
  const serving = group ? e.serving : (e.serving ?? prev.serving);

  if (
    nextState === prev.state &&
    vendorState === prev.vendorState &&
    reasonCodeId === prev.reasonCodeId &&
    reasonLabel === prev.reasonLabel &&
    pendingState === prev.pendingState &&
    stateSince === prev.stateSince &&
    name === prev.name &&
    extension === prev.extension &&
    teamId === prev.teamId &&
    isSupervisor === prev.isSupervisor &&
    presence === prev.presence &&
    presenceNote === prev.presenceNote &&
    presenceUntil === prev.presenceUntil &&
    callSince === prev.callSince &&
    stateSinceSeen === prev.stateSinceSeen &&
    serving === prev.serving
  ) {
    return prev;
  }
  return {
    key: prev.key,
    source: prev.source,
    id: prev.id,
    name,
    state: nextState,
    vendorState,
    reasonCodeId,
    reasonLabel,
    stateSince,
    pendingState,
    extension,
    teamId,
    isSupervisor,
    presence,
    presenceNote,
    presenceUntil,
    callSince,
    stateSinceSeen,
    serving,
    updatedAt: e.at,
  };
}

/** The kinds the agents store takes. */
export type AgentEvent = EventOfKind<'agent.upsert' | 'agent.remove' | 'snapshot'>;

/**
 * Reduces one flush's batch into the agents state. Handles `agent.upsert`,
 * `agent.remove` and `snapshot` with `entity: 'agent'` (agents of that source whose id is
 * not listed are removed); a queue snapshot is ignored. Events are applied in order and
 * trusted to match their types (validated once at the connector edge).
 * @returns the same `state` object when nothing changed
 */
export function reduceAgents(state: AgentsState, events: readonly AgentEvent[]): AgentsState {
  let map: Map<EntityKey, Agent> | undefined;
  let changed = false;
  let sortChanged = false;
  // Count deltas per source, indexed [sourceIndex][stateIndex]; allocated on first change.
  let deltas: number[][] | undefined;

  const current = (): ReadonlyMap<EntityKey, Agent> => map ?? state.byKey;
  const writable = (): Map<EntityKey, Agent> => (map ??= new Map(state.byKey));
  const count = (a: Agent, by: number): void => {
    deltas ??= SOURCE_IDS.map(() => AGENT_STATES.map(() => 0));
    const row = deltas[SOURCE_INDEX.get(a.source) ?? 0];
    const i = STATE_INDEX.get(a.state);
    if (row && i !== undefined) row[i] = (row[i] ?? 0) + by;
  };

  for (const e of events) {
    if (e.kind === 'agent.upsert') {
      const key = entityKey(e.source, e.id);
      const prev = current().get(key);
      const next = applyAgentUpsert(prev, e);
      if (next === prev) continue;
      writable().set(key, next);
      changed = true;
      if (prev) count(prev, -1);
      count(next, +1);
      if (!prev || prev.state !== next.state || prev.name !== next.name || prev.teamId !== next.teamId || prev.stateSince !== next.stateSince)
        sortChanged = true;
    } else if (e.kind === 'agent.remove') {
      const key = entityKey(e.source, e.id);
      const prev = current().get(key);
      if (!prev) continue;
      writable().delete(key);
      count(prev, -1);
      changed = sortChanged = true;
    } else if (e.kind === 'snapshot' && e.entity === 'agent') {
      const keep = new Set<string>(e.ids);
      for (const [key, a] of current()) {
        if (a.source !== e.source || keep.has(a.id)) continue;
        writable().delete(key);
        count(a, -1);
        changed = sortChanged = true;
      }
    }
  }

  if (!changed) return state;
  return {
    byKey: map ?? state.byKey,
    counts: deltas ? applyDeltas(state.counts, deltas) : state.counts,
    version: state.version + 1,
    sortVersion: sortChanged ? state.sortVersion + 1 : state.sortVersion,
  };
}

function applyDeltas(counts: AgentCounts, deltas: number[][]): AgentCounts {
  let bySource: Record<SourceId, StateCounts> | undefined;
  const totalDelta = AGENT_STATES.map(() => 0);
  SOURCE_IDS.forEach((source, si) => {
    const row = deltas[si];
    if (!row || row.every((d) => d === 0)) return;
    const next = { ...counts.bySource[source] };
    AGENT_STATES.forEach((st, i) => {
      const d = row[i] ?? 0;
      if (d !== 0) {
        next[st] += d;
        totalDelta[i] = (totalDelta[i] ?? 0) + d;
      }
    });
    bySource ??= { ...counts.bySource };
    bySource[source] = next;
  });
  if (!bySource) return counts;
  let total = counts.total;
  if (totalDelta.some((d) => d !== 0)) {
    const t = { ...counts.total };
    AGENT_STATES.forEach((st, i) => {
      t[st] += totalDelta[i] ?? 0;
    });
    total = t;
  }
  return { total, bySource };
}

/** The agents store: agent events and agent snapshots; nothing urgent. */
export const agentsSlice = defineSlice({
  name: 'agents',
  kinds: ['agent.upsert', 'agent.remove', 'snapshot'],
  initial: initialAgentsState,
  reduce: reduceAgents,
  urgentKinds: [],
});
