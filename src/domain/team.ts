import type { EntityKey, SourceId } from './source';

/**
 * One team (GC AgentInfo supervisor form, `<teamId><teamName>` entries;
 * gc-generic-connector-activemq.txt "Event: AgentInfo") as the teams store holds it.
 * Immutable: replaced only when something changes. Times are epoch milliseconds.
 */
export interface Team extends TeamMemberFields {
  readonly key: EntityKey;
  readonly source: SourceId;
  /** Vendor team id, e.g. GC `5`. Agents carry it as `Agent.teamId`. */
  readonly id: string;
  /** Display name (vendor text, render as text only); defaults to the id. */
  readonly name: string;
  /** Agent ids of the same source, when the vendor lists them; undefined otherwise. */
  readonly memberIds: readonly string[] | undefined;
  /** Epoch ms of the last event that changed this team. */
  readonly updatedAt: number;
}

/**
 * The member types of a UCCX team, in the vendor's spelling
 * (openmethods-uccx-report-server.txt "Report Events", `memberType`).
 */
export const TEAM_MEMBER_TYPES = ['Agent', 'Supervisor', 'TeamLead'] as const;

/** One of {@link TEAM_MEMBER_TYPES}. */
export type TeamMemberType = (typeof TEAM_MEMBER_TYPES)[number];

/**
 * A UCCX team member's status, in the vendor's spelling
 * (openmethods-uccx-report-server.txt "Report Events", `status`): Ready, Not Ready, after-call work.
 */
export const TEAM_MEMBER_STATUSES = ['ready', 'not_ready', 'ACW'] as const;

/** One of {@link TEAM_MEMBER_STATUSES}. */
export type TeamMemberStatus = (typeof TEAM_MEMBER_STATUSES)[number];

/**
 * One member of a team whose vendor lists members with their status (UCCX team status
 * report, openmethods-uccx-report-server.txt "report.teamstatus.memberadded" …). Immutable.
 */
export interface TeamMember {
  /** Vendor member id (`memberId`). */
  readonly id: string;
  /** Vendor name (`memberName`; render as text only); defaults to the id. */
  readonly name: string;
  /** `memberType`, when the vendor sent one. */
  readonly type: TeamMemberType | undefined;
  /** `status`, when the vendor sent one. */
  readonly status: TeamMemberStatus | undefined;
  /** The vendor's reason code (`reason`); undefined when none (e.g. ready). */
  readonly reasonCode: string | undefined;
  /** The configured label of {@link reasonCode}; undefined when none is configured (show the code). */
  readonly reasonLabel: string | undefined;
  /**
   * Epoch ms at which the wallboard first saw the current status and reason (the vendor
   * sends no time): "since" is as seen by the wallboard, not when the agent changed.
   */
  readonly statusSince: number;
}

/** Members per status of one team (computed in the reducer). */
export type TeamStatusCounts = Readonly<Record<TeamMemberStatus, number>>;

/**
 * The member-list fields of a {@link Team} whose vendor lists members with their status
 * (UCCX): absent on other teams (GC). Additive to {@link Team}.
 */
export interface TeamMemberFields {
  /** The members, sorted by name then id; undefined when the vendor gives no member list. */
  readonly members?: readonly TeamMember[];
  /** Members per status (same presence as `members`). */
  readonly statusCounts?: TeamStatusCounts;
  /**
   * The supervisor agent ids whose team status report lists this team (UCCX `agentId`);
   * the team goes when the last of them no longer lists it.
   */
  readonly owners?: readonly string[];
}
