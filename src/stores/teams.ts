/**
 * Teams: a small pure reducer over `team.upsert` (GC AgentInfo supervisor form).
 * Teams are not removed (the vendors send no removal and no team snapshot).
 */
import { entityKey, type DomainEvent, type EntityKey, type SourceId } from '../domain';
import { envelopeProblem, isId, isRecord, optString } from './guards';

/** One team as the teams store holds it. Immutable: replaced only when something changes. */
export interface Team {
  readonly key: EntityKey;
  readonly source: SourceId;
  /** Vendor team id, e.g. GC `5`. Agents carry it as `Agent.teamId`. */
  readonly id: string;
  /** Display name (vendor text); defaults to the id. */
  readonly name: string;
  /** Agent ids of the same source, when the vendor lists them; undefined otherwise. */
  readonly memberIds: readonly string[] | undefined;
  /** Epoch ms of the last event that changed this team. */
  readonly updatedAt: number;
}

/** State of the teams store. */
export interface TeamsState {
  readonly byKey: ReadonlyMap<EntityKey, Team>;
  /** Increments whenever `byKey` changes. */
  readonly version: number;
  /** Team events skipped because they broke the DomainEvent contract (running total). */
  readonly rejected: number;
}

/** A fresh, empty teams state. */
export function initialTeamsState(): TeamsState {
  return { byKey: new Map(), version: 0, rejected: 0 };
}

/** What is wrong with a `team.upsert` event, or undefined when it is acceptable. */
export function teamEventProblem(e: unknown): string | undefined {
  if (!isRecord(e)) return 'not an object';
  const envelope = envelopeProblem(e);
  if (envelope) return envelope;
  if (!isId(e.id)) return '`id` is not a non-empty string';
  if (!optString(e.name)) return '`name` is not a string';
  if (e.memberIds != null && (!Array.isArray(e.memberIds) || !e.memberIds.every((m) => typeof m === 'string'))) {
    return '`memberIds` is not a list of strings';
  }
  return undefined;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Reduces one flush's batch into the teams state (`team.upsert` only; absent fields keep
 * their values; `memberIds`, when present, replaces the list). Never throws.
 * @returns the same `state` object when nothing changed
 */
export function reduceTeams(state: TeamsState, events: readonly DomainEvent[]): TeamsState {
  let map: Map<EntityKey, Team> | undefined;
  let rejected = 0;
  for (const e of events) {
    if (!isRecord(e) || e.kind !== 'team.upsert') continue;
    if (teamEventProblem(e) !== undefined) {
      rejected++;
      continue;
    }
    const key = entityKey(e.source, e.id);
    const prev = (map ?? state.byKey).get(key);
    const name = e.name ?? prev?.name ?? e.id;
    const memberIds = e.memberIds != null && !sameList(e.memberIds, prev?.memberIds) ? [...e.memberIds] : prev?.memberIds;
    if (prev && prev.name === name && prev.memberIds === memberIds) continue;
    (map ??= new Map(state.byKey)).set(key, { key, source: e.source, id: e.id, name, memberIds, updatedAt: e.at });
  }
  if (!map && rejected === 0) return state;
  return {
    byKey: map ?? state.byKey,
    version: map ? state.version + 1 : state.version,
    rejected: state.rejected + rejected,
  };
}
