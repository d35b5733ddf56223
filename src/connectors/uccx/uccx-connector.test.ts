/**
 * The UCCX connector on a fake broker session, with the vendor document's payloads
 * (openmethods-uccx-report-server.txt; issue 12, acceptance 1): the team report begun per
 * supervisor on every connect, ended on stop; the six events applied to the teams store;
 * failure responses counted; call journeys with success, failure, timeout and cancel.
 */
import { describe, expect, it } from 'vitest';
import { fakeStompSession } from '../stomp/fake-session.test-support';
import { CommandError, type DomainEvent, type Team } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import { initialTeamsState, reduceTeams, type TeamEvent } from '../../stores/teams';
import { uccxConfigSchema } from './config';
import { createUccxConnector } from './uccx-connector';

const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const REPLIES = '/queue/wallboard.replies.board';
const EVENTS = '/topic/openmethods.events';

const member = (memberId: string, status: string, reason = '', memberType = 'Agent') => ({ memberId, memberType, memberName: `Name ${memberId}`, status, reason });
const event = (name: string, team: Record<string, unknown>, agentId = 'sup1') => JSON.stringify({ name, data: { agentId, team } });

function setup(over: Record<string, unknown> = {}) {
  const scheduler = createFakeScheduler(T0);
  const s = fakeStompSession({ state: 'idle', connects: 0 });
  const events: DomainEvent[] = [];
  const config = uccxConfigSchema.parse({ brokerUrls: ['/stomp'], supervisorAgentIds: ['sup1', 'sup2'], reasonLabels: { '32': 'Lunch' }, requestTimeoutMs: 2_000, ...over });
  const c = createUccxConnector(config, (es) => events.push(...es), { session: s.session, scheduler, clientId: 'board' });
  c.start();
  const reply = (i: number, body: unknown) => s.deliver(REPLIES, typeof body === 'string' ? body : JSON.stringify(body), { 'correlation-id': s.sent[i]!.headers!['correlation-id']! });
  const deliver = (body: string) => s.deliver(EVENTS, body);
  const teams = () => {
    const st = reduceTeams(initialTeamsState(), events.filter((e): e is TeamEvent => e.kind.startsWith('team.')));
    return [...st.byKey.values()];
  };
  const errors = () => events.filter((e) => e.kind === 'ingest.error').map((e) => (e as { error: { code: string; message: string } }).error);
  return { scheduler, s, c, events, reply, deliver, teams, errors };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const shape = (t: Team) => ({ id: t.id, name: t.name, members: t.members?.map((m) => [m.id, m.type, m.status, m.reasonCode ?? '', m.reasonLabel ?? '']), counts: t.statusCounts });

describe('UCCX connector', () => {
  it('begins the team status report per supervisor on connect, and again after every reconnect', () => {
    const { s, events } = setup();
    expect(s.sent).toHaveLength(0);
    s.setStatus({ state: 'connected', connects: 1 });
    expect(s.sent.map((m) => [m.destination, JSON.parse(m.body)])).toEqual([
      ['/queue/openmethods.requests', { command: 'report.teamstatus.begin', data: { agentId: 'sup1' } }],
      ['/queue/openmethods.requests', { command: 'report.teamstatus.begin', data: { agentId: 'sup2' } }],
    ]);
    expect(s.sent[0]!.headers).toMatchObject({ 'reply-to': REPLIES, 'correlation-id': expect.any(String) });
    expect(events.filter((e) => e.kind === 'connection.status').map((e) => (e as { status: string }).status)).toEqual(['connecting', 'live']);
    s.setStatus({ state: 'down', connects: 1, reason: 'socket closed' });
    s.setStatus({ state: 'connected', connects: 2 });
    expect(s.sent.map((m) => JSON.parse(m.body).command)).toEqual(Array(4).fill('report.teamstatus.begin'));
    expect(events.filter((e) => e.kind === 'team.forget').map((e) => (e as { owner: string }).owner)).toEqual(['sup1', 'sup2', 'sup1', 'sup2']);
  });

  it('applies the six events to the teams store: members with type, status and reason label; a rename; removals', () => {
    const { s, deliver, teams, errors } = setup();
    s.setStatus({ state: 'connected', connects: 1 });
    deliver(event('report.teamstatus.teamadded', { teamId: 't1', teamName: 'Sales', members: [member('a1', 'ready'), member('a2', 'not_ready', '32'), member('s1', 'ready', '', 'Supervisor')] }));
    deliver(event('report.teamstatus.memberadded', { teamId: 't1', teamName: 'Sales', members: [member('a3', 'ACW', '', 'TeamLead')] }));
    deliver(event('report.teamstatus.memberstatuschanged', { teamId: 't1', teamName: 'Sales', members: [member('a1', 'not_ready', '99')] }));
    deliver(event('report.teamstatus.memberremoved', { teamId: 't1', teamName: 'Sales', members: [{ memberId: 's1' }] }));
    deliver(event('report.teamstatus.teamchanged', { teamId: 't1', teamName: 'Sales East' }));
    deliver(event('report.teamstatus.teamadded', { teamId: 't2', teamName: 'Care', members: [member('b1', 'ready')] }));
    deliver(event('report.teamstatus.teamremoved', { teamId: 't2', teamName: 'Care' }));
    expect(errors()).toEqual([]);
    expect(teams().map(shape)).toEqual([
      {
        id: 't1',
        name: 'Sales East',
        members: [
          ['a1', 'Agent', 'not_ready', '99', ''],
          ['a2', 'Agent', 'not_ready', '32', 'Lunch'],
          ['a3', 'TeamLead', 'ACW', '', ''],
        ],
        counts: { ready: 0, not_ready: 2, ACW: 1 },
      },
    ]);
  });

  it('a reconnect replaces the teams: a member removed while disconnected leaves no ghost', () => {
    const { s, deliver, teams } = setup({ supervisorAgentIds: ['sup1'] });
    s.setStatus({ state: 'connected', connects: 1 });
    deliver(event('report.teamstatus.teamadded', { teamId: 't1', teamName: 'Sales', members: [member('a1', 'ready'), member('a2', 'ready')] }));
    deliver(event('report.teamstatus.teamadded', { teamId: 't9', teamName: 'Gone', members: [member('z1', 'ready')] }));
    s.setStatus({ state: 'down', connects: 1, reason: 'socket closed' });
    s.setStatus({ state: 'connected', connects: 2 });
    deliver(event('report.teamstatus.teamadded', { teamId: 't1', teamName: 'Sales', members: [member('a2', 'ACW')] }));
    expect(teams().map(shape)).toEqual([{ id: 't1', name: 'Sales', members: [['a2', 'Agent', 'ACW', '', '']], counts: { ready: 0, not_ready: 0, ACW: 1 } }]);
  });

  it('a failure response to begin is counted in connection health with its code and message', async () => {
    const { s, reply, errors } = setup({ supervisorAgentIds: ['sup1'] });
    s.setStatus({ state: 'connected', connects: 1 });
    reply(0, { command: 'report.teamstatus.begin', result: 'failure', failure: { code: 'AGENT_NOT_SUPERVISOR', message: 'sup1 supervises no team', context: '' }, original: { command: 'report.teamstatus.begin', data: { agentId: 'sup1' } } });
    await flush();
    expect(errors()).toEqual([{ code: 'report-failed', message: expect.stringContaining('AGENT_NOT_SUPERVISOR: sup1 supervises no team'), at: T0 }]);
  });

  it('a success or confirm to begin counts nothing; bad events and other supervisors are counted, valid ones kept', async () => {
    const { s, reply, deliver, errors, events, teams } = setup();
    s.setStatus({ state: 'connected', connects: 1 });
    reply(0, { command: 'report.teamstatus.begin', result: 'success', data: {} });
    reply(1, { command: 'report.teamstatus.begin', result: 'confirm', data: {} });
    await flush();
    deliver('garbage');
    deliver(JSON.stringify({ name: 'report.teamstatus.unknown', data: {} }));
    deliver(event('report.teamstatus.teamadded', { teamId: 't1', teamName: 'Sales', members: [member('a1', 'ready'), member('a2', 'lunch')] }));
    deliver(event('report.teamstatus.teamadded', { teamId: 'x', teamName: 'X', members: [] }, 'someone-else'));
    expect(errors().map((e) => e.code)).toEqual(['malformed-frame', 'unknown-event', 'wrong-type']);
    expect(events.find((e) => e.kind === 'vendor.notice')).toMatchObject({ eventName: 'report.teamstatus.teamadded (supervisor not configured)', entityId: 'someone-else' });
    expect(teams().map(shape)).toEqual([{ id: 't1', name: 'Sales', members: [['a1', 'Agent', 'ready', '', '']], counts: { ready: 1, not_ready: 0, ACW: 0 } }]);
  });

  it('ends the report per supervisor when stopped', async () => {
    const { s, c } = setup();
    s.setStatus({ state: 'connected', connects: 1 });
    await c.stop();
    expect(s.sent.slice(2).map((m) => JSON.parse(m.body))).toEqual([
      { command: 'report.teamstatus.end', data: { agentId: 'sup1' } },
      { command: 'report.teamstatus.end', data: { agentId: 'sup2' } },
    ]);
    expect(s.subscribers(EVENTS)).toBe(0);
  });

  it('call journey: the steps and the total; a failure rejects with the vendor code and message', async () => {
    const { s, c, reply } = setup({ supervisorAgentIds: [] });
    s.setStatus({ state: 'connected', connects: 1 });
    const p = c.callJourney('16777345');
    expect(JSON.parse(s.sent[0]!.body)).toEqual({ command: 'report.calljourney', data: { CallId: '16777345' } });
    reply(0, {
      command: 'report.calljourney',
      result: 'success',
      data: {
        CallJourney: [
          { CallId: '16777345', Device: 'CTI_Port_1001', DeviceType: 'CTI Port', Description: 'Main IVR', Duration: '00:00:42' },
          { CallId: '16777345', Device: '2001', DeviceType: 'Agent', Description: 'Talked', Duration: 'n/a' },
        ],
      },
    });
    const j = await p;
    expect(j).toMatchObject({ callId: '16777345', totalMs: 42_000, totalComplete: false });
    expect(j.steps.map((x) => x.device)).toEqual(['CTI_Port_1001', '2001']);

    const f = c.callJourney('999');
    reply(1, { command: 'report.calljourney', result: 'failure', failure: { code: 'CALL_NOT_FOUND', message: 'No call with id 999', context: 'trace' }, original: { command: 'report.calljourney', data: { CallId: '999' } } });
    await expect(f).rejects.toMatchObject({ code: 'vendor-error', vendorCode: 'CALL_NOT_FOUND', message: 'No call with id 999' });
    await expect(c.callJourney('')).rejects.toMatchObject({ code: 'invalid' });
  });

  it('call journey: no reply is a timeout; an aborted wait stops waiting at once', async () => {
    const { s, c, scheduler } = setup({ supervisorAgentIds: [] });
    s.setStatus({ state: 'connected', connects: 1 });
    const t = c.callJourney('1');
    const tAssert = expect(t).rejects.toMatchObject({ code: 'timeout' });
    scheduler.advance(2_000);
    await tAssert;
    const ac = new AbortController();
    const a = c.callJourney('2', ac.signal);
    ac.abort();
    await expect(a).rejects.toBeInstanceOf(CommandError);
    await expect(a).rejects.toMatchObject({ vendorCode: 'cancelled' });
  });
});
