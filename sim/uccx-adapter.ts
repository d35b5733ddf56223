/**
 * The OpenMethods UCCX side of the simulator: plays Harmony's UCCX Report Server resource on
 * the broker (NOTES.md §5 "our contract"; openmethods-uccx-report-server.txt;
 * docs/CONTRACTS.md "UCCX simulator"). Takes requests from `/queue/openmethods.requests` and
 * answers each on its `reply-to` with the same `correlation-id`, bodies exactly the vendor's
 * JSON: `report.teamstatus.begin` (success, then one teamadded per team of that supervisor),
 * `report.teamstatus.end`, `report.calljourney` (the seeded journeys). Publishes the team
 * status events on `/topic/openmethods.events` for every supervisor whose report is begun and
 * not ended. Test controls change the teams (add / change / remove members, rename, add /
 * remove teams) and make the next requests fail. Deterministic: no timers, no randomness.
 */
import type { GcTransport } from './gc-transport';
import type { SimModel } from './model';

/** Where the report server takes requests and publishes events (NOTES.md §5). */
export const UCCX_REQUESTS_DESTINATION = '/queue/openmethods.requests';
export const UCCX_EVENTS_DESTINATION = '/topic/openmethods.events';

/** The vendor's member types and statuses. */
export const UCCX_MEMBER_TYPES = ['Agent', 'Supervisor', 'TeamLead'] as const;
export const UCCX_STATUSES = ['ready', 'not_ready', 'ACW'] as const;

/** A team member as the vendor sends it. */
export interface UccxMemberTruth {
  memberId: string;
  memberType: (typeof UCCX_MEMBER_TYPES)[number];
  memberName: string;
  status: (typeof UCCX_STATUSES)[number];
  reason: string;
}

/** A team as the truth lists it (members in insertion order). */
export interface UccxTeamTruth {
  teamId: string;
  teamName: string;
  /** Supervisor agent ids whose report lists this team. */
  supervisors: string[];
  members: UccxMemberTruth[];
}

/** One step of a seeded call journey (the vendor's fields). */
export interface UccxJourneyStep {
  CallId: string;
  Device: string;
  DeviceType: string;
  Description: string;
  Duration: string;
}

/** A request as received, for `GET /sim/uccx/requests`. */
export interface UccxRequestLogEntry {
  readonly at: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** `success` or `failure:<code>`. */
  readonly answered: string;
}

/** A control answered with an HTTP status (the control server turns it into `{"error":…}`). */
export class UccxControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The seeded supervisor (UCCX agent id) whose teams the demo board follows. */
export const UCCX_SUPERVISOR = 'sup1001';

function seedTeams(): UccxTeamTruth[] {
  const m = (memberId: string, memberName: string, memberType: UccxMemberTruth['memberType'], status: UccxMemberTruth['status'], reason = ''): UccxMemberTruth => ({
    memberId,
    memberType,
    memberName,
    status,
    reason,
  });
  return [
    {
      teamId: 'T100',
      teamName: 'Sales',
      supervisors: [UCCX_SUPERVISOR],
      members: [
        m('sup1001', 'Sam Supervisor', 'Supervisor', 'ready'),
        m('ag1001', 'Alice Adams', 'Agent', 'ready'),
        m('ag1002', 'Bob Brown', 'Agent', 'not_ready', '32'),
        m('ag1003', 'Carla Cruz', 'TeamLead', 'ACW'),
      ],
    },
    {
      teamId: 'T200',
      teamName: 'Service',
      supervisors: [UCCX_SUPERVISOR],
      members: [m('ag2001', 'Dana Diaz', 'Agent', 'ready'), m('ag2002', 'Erik Eng', 'Agent', 'not_ready', '7')],
    },
  ];
}

/** The seeded call journeys, by UCCX call id (durations `HH:MM:SS`). */
export const UCCX_JOURNEYS: Readonly<Record<string, readonly UccxJourneyStep[]>> = {
  '16777345': [
    { CallId: '16777345', Device: 'CTI_Port_1001', DeviceType: 'CTI Port', Description: 'Main menu IVR', Duration: '00:00:42' },
    { CallId: '16777345', Device: 'CSQ_Sales', DeviceType: 'CSQ', Description: 'Queued for Sales', Duration: '00:01:05' },
    { CallId: '16777346', Device: 'ag1001', DeviceType: 'Agent', Description: 'Answered by Alice Adams', Duration: '00:04:13' },
  ],
  '16777400': [
    { CallId: '16777400', Device: 'CTI_Port_1002', DeviceType: 'CTI Port', Description: 'After-hours message', Duration: '00:00:20' },
  ],
};

/** Options of {@link UccxAdapter}. */
export interface UccxAdapterOptions {
  readonly model: SimModel;
  readonly transport: GcTransport;
}

const MAX_LOG = 500;

/** The simulated report server. Construct, then `start()`. */
export class UccxAdapter {
  private teams = new Map<string, UccxTeamTruth>();
  /** Open reports per supervisor (begins minus ends, never below 0). */
  private reports = new Map<string, number>();
  /** `report.teamstatus.begin` requests received per supervisor (since the last reset). */
  private begins = new Map<string, number>();
  private log: UccxRequestLogEntry[] = [];
  private failure: { code: string; message: string; count: number } | null = null;
  private started = false;

  constructor(private readonly opts: UccxAdapterOptions) {
    this.seed();
  }

  /** Startup log line. */
  get description(): string {
    return `${this.opts.transport.description} (requests ${UCCX_REQUESTS_DESTINATION}, events ${UCCX_EVENTS_DESTINATION}, supervisor ${UCCX_SUPERVISOR})`;
  }

  /** Subscribes the requests queue. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.opts.transport.subscribe(UCCX_REQUESTS_DESTINATION, (headers, body) => this.onRequest(headers, body));
    this.opts.transport.start(() => {});
  }

  /** Disconnects. */
  async stop(): Promise<void> {
    this.started = false;
    await this.opts.transport.stop();
  }

  /** Re-seeds the teams and clears reports, counts, the log and the failure mode (`POST /sim/control/reset`). */
  reset(): void {
    this.seed();
  }

  private seed(): void {
    this.teams = new Map(seedTeams().map((t) => [t.teamId, t]));
    this.reports.clear();
    this.begins.clear();
    this.log = [];
    this.failure = null;
  }

  private teamOf(teamId: string): UccxTeamTruth {
    const t = this.teams.get(teamId);
    if (!t) throw new UccxControlError(404, `No team ${teamId}`);
    return t;
  }

  /** Publishes `name` for `team` to every supervisor of it whose report is open. */
  private publish(name: string, team: UccxTeamTruth, teamBody: Record<string, unknown>, only?: string): void {
    for (const agentId of team.supervisors) {
      if (only !== undefined && agentId !== only) continue;
      if ((this.reports.get(agentId) ?? 0) <= 0) continue;
      const body = JSON.stringify({ name, data: { agentId, team: { teamId: team.teamId, teamName: team.teamName, ...teamBody } } });
      this.opts.transport.publish(UCCX_EVENTS_DESTINATION, body);
    }
  }

  private onRequest(headers: Readonly<Record<string, string>>, body: string): void {
    const replyTo = headers['reply-to'];
    const correlationId = headers['correlation-id'] ?? '';
    let original: unknown = body;
    let command = '';
    let data: Record<string, unknown> = {};
    try {
      original = JSON.parse(body);
      const o = original as { command?: unknown; data?: unknown };
      command = typeof o.command === 'string' ? o.command : '';
      data = typeof o.data === 'object' && o.data !== null ? (o.data as Record<string, unknown>) : {};
    } catch {
      /* answered as a failure below */
    }
    const fail = (code: string, message: string) => ({ command, result: 'failure', failure: { code, message, context: `com.openmethods.sim.UccxReportServer: ${code}` }, original });
    let answer: Record<string, unknown>;
    let after: (() => void) | undefined;
    if (this.failure && this.failure.count > 0) {
      this.failure.count -= 1;
      answer = fail(this.failure.code, this.failure.message);
      if (this.failure.count === 0) this.failure = null;
    } else if (command === '') {
      answer = fail('BAD_REQUEST', 'Malformed request');
    } else {
      const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : '');
      switch (command) {
        case 'report.teamstatus.begin': {
          const agentId = str('agentId');
          this.begins.set(agentId, (this.begins.get(agentId) ?? 0) + 1);
          const own = [...this.teams.values()].filter((t) => t.supervisors.includes(agentId));
          if (!agentId || own.length === 0) {
            answer = fail('AGENT_NOT_SUPERVISOR', `Agent ${agentId || '(none)'} supervises no team`);
            break;
          }
          this.reports.set(agentId, (this.reports.get(agentId) ?? 0) + 1);
          answer = { command, result: 'success', data: {} };
          after = () => {
            for (const t of own) this.publish('report.teamstatus.teamadded', t, { members: t.members.map((m) => ({ ...m })) }, agentId);
          };
          break;
        }
        case 'report.teamstatus.end': {
          const agentId = str('agentId');
          this.reports.set(agentId, Math.max(0, (this.reports.get(agentId) ?? 0) - 1));
          answer = { command, result: 'success', data: {} };
          break;
        }
        case 'report.calljourney': {
          const callId = str('CallId');
          const journey = Object.prototype.hasOwnProperty.call(UCCX_JOURNEYS, callId) ? UCCX_JOURNEYS[callId] : undefined;
          answer = journey ? { command, result: 'success', data: { CallJourney: journey } } : fail('CALL_NOT_FOUND', `No call journey for call ${callId || '(none)'}`);
          break;
        }
        default:
          answer = fail('UNKNOWN_COMMAND', `Unknown command ${command}`);
      }
    }
    const f = answer['failure'] as { code?: string } | undefined;
    this.log.push({ at: this.opts.model.now(), headers: { ...headers }, body, answered: f ? `failure:${f.code ?? ''}` : 'success' });
    if (this.log.length > MAX_LOG) this.log.shift();
    if (replyTo) this.opts.transport.publish(replyTo, JSON.stringify(answer), { 'correlation-id': correlationId });
    after?.();
  }

  /** Adds a member to a team (memberadded). */
  addMember(teamId: string, m: Partial<UccxMemberTruth> & { memberId: string }): UccxMemberTruth {
    const team = this.teamOf(teamId);
    if (team.members.some((x) => x.memberId === m.memberId)) throw new UccxControlError(409, `Member ${m.memberId} is in team ${teamId}`);
    const member: UccxMemberTruth = { memberId: m.memberId, memberType: m.memberType ?? 'Agent', memberName: m.memberName ?? m.memberId, status: m.status ?? 'ready', reason: m.reason ?? '' };
    team.members.push(member);
    this.publish('report.teamstatus.memberadded', team, { members: [{ ...member }] });
    return member;
  }

  /** Changes a member's status and reason in every team it is in, or in `teamId` only (memberstatuschanged). */
  setStatus(memberId: string, status: UccxMemberTruth['status'], reason: string, teamId?: string): number {
    let n = 0;
    for (const team of this.teams.values()) {
      if (teamId !== undefined && team.teamId !== teamId) continue;
      const m = team.members.find((x) => x.memberId === memberId);
      if (!m) continue;
      m.status = status;
      m.reason = status === 'ready' ? '' : reason;
      n += 1;
      this.publish('report.teamstatus.memberstatuschanged', team, { members: [{ ...m }] });
    }
    if (n === 0) throw new UccxControlError(404, `No member ${memberId}${teamId ? ` in team ${teamId}` : ''}`);
    return n;
  }

  /** Removes a member from a team (memberremoved: ids only). */
  removeMember(teamId: string, memberId: string): void {
    const team = this.teamOf(teamId);
    const i = team.members.findIndex((x) => x.memberId === memberId);
    if (i < 0) throw new UccxControlError(404, `No member ${memberId} in team ${teamId}`);
    team.members.splice(i, 1);
    this.publish('report.teamstatus.memberremoved', team, { members: [{ memberId }] });
  }

  /** Renames a team (teamchanged). */
  renameTeam(teamId: string, teamName: string): void {
    const team = this.teamOf(teamId);
    team.teamName = teamName;
    this.publish('report.teamstatus.teamchanged', team, {});
  }

  /** Adds a team for supervisors (teamadded). */
  addTeam(t: { teamId: string; teamName: string; supervisors?: string[]; members?: UccxMemberTruth[] }): UccxTeamTruth {
    if (this.teams.has(t.teamId)) throw new UccxControlError(409, `Team ${t.teamId} exists`);
    const team: UccxTeamTruth = { teamId: t.teamId, teamName: t.teamName, supervisors: t.supervisors ?? [UCCX_SUPERVISOR], members: t.members ?? [] };
    this.teams.set(team.teamId, team);
    this.publish('report.teamstatus.teamadded', team, { members: team.members.map((m) => ({ ...m })) });
    return team;
  }

  /** Removes a team (teamremoved, to each of its supervisors). */
  removeTeam(teamId: string): void {
    const team = this.teamOf(teamId);
    this.publish('report.teamstatus.teamremoved', team, {});
    this.teams.delete(teamId);
  }

  /** The next `count` requests are answered with a failure response (`code`, `message`). */
  setFailure(code: string, message: string, count = 1): void {
    this.failure = { code, message, count };
  }

  /** Ground truth now. */
  truth(): { teams: UccxTeamTruth[]; reports: Record<string, number>; begins: Record<string, number>; journeys: string[] } {
    return {
      teams: [...this.teams.values()].map((t) => ({ ...t, supervisors: [...t.supervisors], members: t.members.map((m) => ({ ...m })) })),
      reports: Object.fromEntries(this.reports),
      begins: Object.fromEntries(this.begins),
      journeys: Object.keys(UCCX_JOURNEYS),
    };
  }

  /** The control routes (`"<METHOD> <path>"` → handler of the JSON body), for the control server. */
  routes(): [string, (body: unknown) => unknown][] {
    const obj = (b: unknown) => (typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : {});
    const str = (b: Record<string, unknown>, k: string) => (typeof b[k] === 'string' && b[k] !== '' ? (b[k] as string) : undefined);
    const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list as readonly unknown[]).includes(v) ? (v as T) : undefined;
    return [
      ['GET /sim/uccx/truth', () => this.truth()],
      ['GET /sim/uccx/requests', () => this.log],
      ['POST /sim/control/uccx/member/add', (body) => {
        const b = obj(body);
        const teamId = str(b, 'teamId');
        const memberId = str(b, 'memberId');
        const memberType = b['memberType'] === undefined ? 'Agent' : oneOf(UCCX_MEMBER_TYPES, b['memberType']);
        const status = b['status'] === undefined ? 'ready' : oneOf(UCCX_STATUSES, b['status']);
        if (!teamId || !memberId || !memberType || !status) {
          throw new UccxControlError(400, 'Body must be {"teamId":"T100","memberId":"ag1004","memberName":"…","memberType":"Agent|Supervisor|TeamLead","status":"ready|not_ready|ACW","reason":"…"}');
        }
        return { ok: true, member: this.addMember(teamId, { memberId, memberType, status, ...(str(b, 'memberName') ? { memberName: str(b, 'memberName') } : {}), ...(str(b, 'reason') ? { reason: str(b, 'reason') } : {}) }) };
      }],
      ['POST /sim/control/uccx/member/status', (body) => {
        const b = obj(body);
        const memberId = str(b, 'memberId');
        const status = oneOf(UCCX_STATUSES, b['status']);
        if (!memberId || !status) throw new UccxControlError(400, 'Body must be {"memberId":"ag1001","status":"ready|not_ready|ACW","reason":"32","teamId":"optional"}');
        return { ok: true, teams: this.setStatus(memberId, status, str(b, 'reason') ?? '', str(b, 'teamId')) };
      }],
      ['POST /sim/control/uccx/member/remove', (body) => {
        const b = obj(body);
        const teamId = str(b, 'teamId');
        const memberId = str(b, 'memberId');
        if (!teamId || !memberId) throw new UccxControlError(400, 'Body must be {"teamId":"T100","memberId":"ag1002"}');
        this.removeMember(teamId, memberId);
        return { ok: true };
      }],
      ['POST /sim/control/uccx/team/rename', (body) => {
        const b = obj(body);
        const teamId = str(b, 'teamId');
        const teamName = str(b, 'teamName');
        if (!teamId || !teamName) throw new UccxControlError(400, 'Body must be {"teamId":"T100","teamName":"…"}');
        this.renameTeam(teamId, teamName);
        return { ok: true };
      }],
      ['POST /sim/control/uccx/team/add', (body) => {
        const b = obj(body);
        const teamId = str(b, 'teamId');
        const teamName = str(b, 'teamName');
        if (!teamId || !teamName) throw new UccxControlError(400, 'Body must be {"teamId":"T300","teamName":"…"}');
        return { ok: true, team: this.addTeam({ teamId, teamName }) };
      }],
      ['POST /sim/control/uccx/team/remove', (body) => {
        const teamId = str(obj(body), 'teamId');
        if (!teamId) throw new UccxControlError(400, 'Body must be {"teamId":"T200"}');
        this.removeTeam(teamId);
        return { ok: true };
      }],
      ['POST /sim/control/uccx/failure', (body) => {
        const b = obj(body);
        const count = b['count'] ?? 1;
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100) throw new UccxControlError(400, 'Body must be {"code":"…","message":"…","count":1..100}');
        this.setFailure(str(b, 'code') ?? 'SIMULATED_FAILURE', str(b, 'message') ?? 'Simulated failure', count);
        return { ok: true };
      }],
    ];
  }
}
