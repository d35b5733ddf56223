/**
 * Teams: a small pure reducer over the team events: `team.upsert` (GC AgentInfo supervisor
 * form; UCCX teamadded / teamchanged), and the member-list events of vendors that list members
 * with their status (UCCX team status report, openmethods-uccx-report-server.txt "Report
 * Events"): `team.members`, `team.membersRemove`, `team.remove`, `team.forget`.
 * Work per event is proportional to one team's size (or the number of teams for
 * `team.forget`), never to the roster.
 */
import {
  entityKey,
  TEAM_MEMBER_STATUSES,
  type EntityKey,
  type SourceId,
  type Team,
  type TeamForgetEvent,
  type TeamMember,
  type TeamMemberPatch,
  type TeamMembersEvent,
  type TeamMembersRemoveEvent,
  type TeamRemoveEvent,
  type TeamStatusCounts,
  type TeamUpsertEvent,
} from '../domain';
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

/** The events the teams store takes. */
export type TeamEvent = TeamUpsertEvent | TeamMembersEvent | TeamMembersRemoveEvent | TeamRemoveEvent | TeamForgetEvent;

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `owners` with `owner` added (the same array when already there or no owner). */
function withOwner(owners: readonly string[] | undefined, owner: string | undefined): readonly string[] | undefined {
  if (owner === undefined || owners?.includes(owner)) return owners;
  return [...(owners ?? []), owner];
}

function byName(a: TeamMember, b: TeamMember): number {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function countStatuses(members: readonly TeamMember[]): TeamStatusCounts {
  const counts = Object.fromEntries(TEAM_MEMBER_STATUSES.map((s) => [s, 0])) as Record<(typeof TEAM_MEMBER_STATUSES)[number], number>;
  for (const m of members) if (m.status !== undefined) counts[m.status] += 1;
  return counts;
}

/** One member after `p` (see `TeamMemberPatch`): the same object when nothing changed. */
function patchMember(prev: TeamMember | undefined, p: TeamMemberPatch, at: number): TeamMember {
  const name = p.name ?? prev?.name ?? p.id;
  const type = p.type ?? prev?.type;
  const status = p.status ?? prev?.status;
  const reasonCode = p.status !== undefined ? p.reasonCode : (p.reasonCode ?? prev?.reasonCode);
  const reasonLabel = p.status !== undefined ? p.reasonLabel : (p.reasonLabel ?? prev?.reasonLabel);
  if (prev && prev.name === name && prev.type === type && prev.status === status && prev.reasonCode === reasonCode && prev.reasonLabel === reasonLabel) return prev;
  const changed = !prev || prev.status !== status || prev.reasonCode !== reasonCode;
  return { id: p.id, name, type, status, reasonCode, reasonLabel, statusSince: changed ? at : prev.statusSince };
}

function withMembers(team: Team, members: TeamMember[], at: number): Team {
  members.sort(byName);
  return { ...team, members, statusCounts: countStatuses(members), updatedAt: at };
}

function emptyTeam(source: SourceId, id: string, at: number): Team {
  return { key: entityKey(source, id), source, id, name: id, memberIds: undefined, updatedAt: at };
}

/**
 * Reduces one flush's batch of team events into the teams state. Events are trusted to
 * match their types (validated once at the connector edge).
 * - `team.upsert`: absent fields keep their values; `memberIds`, when present, replaces the
 *   list; `owner` is added to the owners.
 * - `team.members`: creates the team if unknown, upserts the members (with `replace`, the
 *   list is complete: others are removed), keeps members sorted by name and `statusCounts`.
 * - `team.membersRemove`: drops those members; `team.remove`: drops the owner, or the team
 *   (no owner given, or none left); `team.forget`: drops the owner from every team of the source.
 * @returns the same `state` object when nothing changed
 */
export function reduceTeams(state: TeamsState, events: readonly TeamEvent[]): TeamsState {
  let map: Map<EntityKey, Team> | undefined;
  const get = (key: EntityKey) => (map ?? state.byKey).get(key);
  const put = (key: EntityKey, team: Team) => void (map ??= new Map(state.byKey)).set(key, team);
  const drop = (key: EntityKey) => void (map ??= new Map(state.byKey)).delete(key);
  for (const e of events) {
    switch (e.kind) {
      case 'team.upsert': {
        const key = entityKey(e.source, e.id);
        const prev = get(key);
        const name = e.name ?? prev?.name ?? e.id;
        const memberIds = e.memberIds !== undefined && !sameList(e.memberIds, prev?.memberIds) ? [...e.memberIds] : prev?.memberIds;
        const owners = withOwner(prev?.owners, e.owner);
        if (prev && prev.name === name && prev.memberIds === memberIds && prev.owners === owners) continue;
        put(key, { ...prev, key, source: e.source, id: e.id, name, memberIds, updatedAt: e.at, ...(owners ? { owners } : {}) });
        break;
      }
      case 'team.members': {
        const key = entityKey(e.source, e.id);
        const prev = get(key) ?? emptyTeam(e.source, e.id, e.at);
        const old = new Map((prev.members ?? []).map((m) => [m.id, m]));
        const next = e.replace ? new Map<string, TeamMember>() : new Map(old);
        for (const p of e.members) next.set(p.id, patchMember(next.get(p.id) ?? old.get(p.id), p, e.at));
        const owners = withOwner(prev.owners, e.owner);
        const name = e.name ?? prev.name;
        const same = prev.members !== undefined && next.size === old.size && [...next].every(([id, m]) => old.get(id) === m);
        if (same && owners === prev.owners && name === prev.name && get(key)) continue;
        put(key, withMembers({ ...prev, name, ...(owners ? { owners } : {}) }, [...next.values()], e.at));
        break;
      }
      case 'team.membersRemove': {
        const key = entityKey(e.source, e.id);
        const prev = get(key);
        if (!prev?.members) continue;
        const gone = new Set(e.memberIds);
        const members = prev.members.filter((m) => !gone.has(m.id));
        if (members.length === prev.members.length) continue;
        put(key, withMembers(prev, members, e.at));
        break;
      }
      case 'team.remove': {
        const key = entityKey(e.source, e.id);
        const prev = get(key);
        if (!prev) continue;
        const owners = e.owner === undefined ? [] : (prev.owners ?? []).filter((o) => o !== e.owner);
        if (owners.length === 0) drop(key);
        else if (owners.length !== prev.owners?.length) put(key, { ...prev, owners, updatedAt: e.at });
        break;
      }
      case 'team.forget': {
        for (const [key, team] of map ?? state.byKey) {
          if (team.source !== e.source || !team.owners?.includes(e.owner)) continue;
          const owners = team.owners.filter((o) => o !== e.owner);
          if (owners.length === 0) drop(key);
          else put(key, { ...team, owners, updatedAt: e.at });
        }
        break;
      }
    }
  }
  if (!map) return state;
  return { byKey: map, version: state.version + 1 };
}

/** The teams store; nothing urgent. */
export const teamsSlice = defineSlice({
  name: 'teams',
  kinds: ['team.upsert', 'team.members', 'team.membersRemove', 'team.remove', 'team.forget'],
  initial: initialTeamsState,
  reduce: reduceTeams,
  urgentKinds: [],
});
