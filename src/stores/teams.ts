/**
 * Teams: a small pure reducer over `team.upsert` (GC AgentInfo supervisor form).
 * Teams are not removed (the vendors send no removal and no team snapshot).
 */
import { entityKey, type EntityKey, type Team, type TeamUpsertEvent } from '../domain';
import { defineSlice } from './slice';

export type { Team } from '../domain';

/** State of the teams store. */
export interface TeamsState {
  readonly byKey: ReadonlyMap<EntityKey, Team>;
  /** Increments whenever `byKey` changes. */
  readonly version: number;
}

/** A fresh, empty teams state. */
export function initialTeamsState(): TeamsState {
  return { byKey: new Map(), version: 0 };
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Reduces one flush's batch of `team.upsert` events into the teams state (absent fields
 * keep their values; `memberIds`, when present, replaces the list). Events are trusted to
 * match their types (validated once at the connector edge).
 * @returns the same `state` object when nothing changed
 */
export function reduceTeams(state: TeamsState, events: readonly TeamUpsertEvent[]): TeamsState {
  let map: Map<EntityKey, Team> | undefined;
  for (const e of events) {
    const key = entityKey(e.source, e.id);
    const prev = (map ?? state.byKey).get(key);
    const name = e.name ?? prev?.name ?? e.id;
    const memberIds = e.memberIds !== undefined && !sameList(e.memberIds, prev?.memberIds) ? [...e.memberIds] : prev?.memberIds;
    if (prev && prev.name === name && prev.memberIds === memberIds) continue;
    (map ??= new Map(state.byKey)).set(key, { key, source: e.source, id: e.id, name, memberIds, updatedAt: e.at });
  }
  if (!map) return state;
  return { byKey: map, version: state.version + 1 };
}

/** The teams store: `team.upsert` only; nothing urgent. */
export const teamsSlice = defineSlice({
  name: 'teams',
  kinds: ['team.upsert'],
  initial: initialTeamsState,
  reduce: reduceTeams,
  urgentKinds: [],
});
