/**
 * UCCX team status events → domain events on the teams store
 * (openmethods-uccx-report-server.txt "Report Events"; NOTES.md §5):
 * - teamadded → `team.members` with `replace` (the team's complete membership), owner = `agentId`;
 * - teamchanged → `team.upsert` (the new name), owner = `agentId`;
 * - teamremoved → `team.remove` for that owner (the team goes when no configured supervisor lists it);
 * - memberadded / memberstatuschanged → `team.members` (upsert);
 * - memberremoved → `team.membersRemove` (ids only).
 * Reason codes get the configured label (`reasonLabels`; the code is shown where none).
 * An event of a supervisor this board did not begin is a `vendor.notice`
 * (`<event> (supervisor not configured)`); a member with a wrong value one `ingest.error`
 * (`wrong-type`) while the rest of the event applies.
 */
import type { DomainEvent, TeamMemberPatch } from '../../domain';
import { ingestErrorEvent } from '../transport/events';
import type { UccxEvent, UccxEventParse, UccxMember } from './uccx-wire';

/** What the mapper needs from the configuration. */
export interface UccxMapperOptions {
  readonly supervisorAgentIds: readonly string[];
  readonly reasonLabels: Readonly<Record<string, string>>;
}

function label(labels: Readonly<Record<string, string>>, code: string | undefined): string | undefined {
  if (code === undefined || !Object.prototype.hasOwnProperty.call(labels, code)) return undefined;
  return labels[code];
}

function patch(m: UccxMember, labels: Readonly<Record<string, string>>): TeamMemberPatch {
  const reasonLabel = label(labels, m.reason);
  return {
    id: m.memberId,
    ...(m.memberName !== undefined ? { name: m.memberName } : {}),
    ...(m.memberType !== undefined ? { type: m.memberType } : {}),
    ...(m.status !== undefined ? { status: m.status } : {}),
    ...(m.reason !== undefined ? { reasonCode: m.reason } : {}),
    ...(reasonLabel !== undefined ? { reasonLabel } : {}),
  };
}

/** Maps one read event (see the module comment). */
export function mapUccxEvent(ev: UccxEvent, at: number, opts: UccxMapperOptions): DomainEvent[] {
  const source = 'uccx' as const;
  if (!opts.supervisorAgentIds.includes(ev.agentId)) {
    return [{ kind: 'vendor.notice', source, at, eventName: `${ev.name} (supervisor not configured)`, entityId: ev.agentId }];
  }
  const out: DomainEvent[] = ev.memberErrors.map((m) => ingestErrorEvent(source, 'wrong-type', `${ev.name}: ${m}`, at));
  const name = ev.teamName !== undefined && ev.teamName !== '' ? { name: ev.teamName } : {};
  const members = (ev.members ?? []).map((m) => patch(m, opts.reasonLabels));
  switch (ev.name) {
    case 'report.teamstatus.teamadded':
      out.push({ kind: 'team.members', source, at, id: ev.teamId, ...name, owner: ev.agentId, members, replace: true });
      break;
    case 'report.teamstatus.teamchanged':
      out.push({ kind: 'team.upsert', source, at, id: ev.teamId, ...name, owner: ev.agentId });
      break;
    case 'report.teamstatus.teamremoved':
      out.push({ kind: 'team.remove', source, at, id: ev.teamId, owner: ev.agentId });
      break;
    case 'report.teamstatus.memberadded':
    case 'report.teamstatus.memberstatuschanged':
      out.push({ kind: 'team.members', source, at, id: ev.teamId, ...name, owner: ev.agentId, members, replace: false });
      break;
    case 'report.teamstatus.memberremoved':
      out.push({ kind: 'team.membersRemove', source, at, id: ev.teamId, memberIds: members.map((m) => m.id) });
      break;
  }
  return out;
}

/** Maps a parse outcome: a failed parse is one counted `ingest.error` with its code and reason. */
export function mapUccxMessage(result: UccxEventParse, at: number, opts: UccxMapperOptions): DomainEvent[] {
  if (!result.ok) return [ingestErrorEvent('uccx', result.code, result.message, at)];
  return mapUccxEvent(result.event, at, opts);
}
