import { afterEach, describe, expect, it } from 'vitest';
import { embeddedTransport } from './gc-transport';
import { SimModel, manualClock } from './model';
import { StompBroker } from './stomp-broker';
import { UCCX_EVENTS_DESTINATION, UCCX_REQUESTS_DESTINATION, UCCX_SUPERVISOR, UccxAdapter, UccxControlError } from './uccx-adapter';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const model = new SimModel({ seed: 42, clock: manualClock() });
  const broker = new StompBroker({ port: 0 });
  const uccx = new UccxAdapter({ model, transport: embeddedTransport(broker) });
  const client = broker.connectLocal();
  const events: { name: string; data: { agentId: string; team: Record<string, unknown> } }[] = [];
  const replies: { headers: Readonly<Record<string, string>>; body: Record<string, unknown> }[] = [];
  client.subscribe(UCCX_EVENTS_DESTINATION, (_h, body) => events.push(JSON.parse(body)));
  client.subscribe('/queue/test.replies', (headers, body) => replies.push({ headers, body: JSON.parse(body) }));
  uccx.start();
  let n = 0;
  const send = async (command: string, data: Record<string, unknown>) => {
    client.send(UCCX_REQUESTS_DESTINATION, JSON.stringify({ command, data }), { 'reply-to': '/queue/test.replies', 'correlation-id': `c${++n}` });
    await flush();
  };
  const route = (key: string) => uccx.routes().find(([k]) => k === key)![1];
  return { uccx, events, replies, send, route, stop: () => uccx.stop() };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('UCCX report server simulator', () => {
  it('begin: success {} with the correlation id, then one teamadded per team of the supervisor; no events before', async () => {
    const s = setup();
    stop = s.stop;
    s.route('POST /sim/control/uccx/member/status')({ memberId: 'ag1001', status: 'ACW' });
    await flush();
    expect(s.events).toEqual([]);
    await s.send('report.teamstatus.begin', { agentId: UCCX_SUPERVISOR });
    expect(s.replies[0]).toEqual({ headers: expect.objectContaining({ 'correlation-id': 'c1' }), body: { command: 'report.teamstatus.begin', result: 'success', data: {} } });
    expect(s.events.map((e) => [e.name, e.data.agentId, e.data.team['teamId']])).toEqual([
      ['report.teamstatus.teamadded', 'sup1001', 'T100'],
      ['report.teamstatus.teamadded', 'sup1001', 'T200'],
    ]);
    expect(s.events[0]!.data.team['members']).toContainEqual({ memberId: 'ag1001', memberType: 'Agent', memberName: 'Alice Adams', status: 'ACW', reason: '' });
    expect(s.uccx.truth().begins).toEqual({ sup1001: 1 });
  });

  it('controls emit memberadded, memberstatuschanged, memberremoved (ids only), teamchanged, teamremoved; end stops them', async () => {
    const s = setup();
    stop = s.stop;
    await s.send('report.teamstatus.begin', { agentId: UCCX_SUPERVISOR });
    s.events.length = 0;
    s.route('POST /sim/control/uccx/member/add')({ teamId: 'T100', memberId: 'ag1004', memberName: 'Dirk Dorn', status: 'not_ready', reason: '33' });
    s.route('POST /sim/control/uccx/member/status')({ memberId: 'ag1002', status: 'ready' });
    s.route('POST /sim/control/uccx/member/remove')({ teamId: 'T100', memberId: 'ag1003' });
    s.route('POST /sim/control/uccx/team/rename')({ teamId: 'T100', teamName: 'Sales East' });
    s.route('POST /sim/control/uccx/team/remove')({ teamId: 'T200' });
    await flush();
    expect(s.events.map((e) => e.name.replace('report.teamstatus.', ''))).toEqual(['memberadded', 'memberstatuschanged', 'memberremoved', 'teamchanged', 'teamremoved']);
    expect(s.events[2]!.data.team).toEqual({ teamId: 'T100', teamName: 'Sales', members: [{ memberId: 'ag1003' }] });
    expect(s.events[3]!.data.team).toEqual({ teamId: 'T100', teamName: 'Sales East' });
    expect(s.uccx.truth().teams.map((t) => [t.teamName, t.members.map((m) => m.memberId)])).toEqual([['Sales East', ['sup1001', 'ag1001', 'ag1002', 'ag1004']]]);
    await s.send('report.teamstatus.end', { agentId: UCCX_SUPERVISOR });
    s.events.length = 0;
    s.route('POST /sim/control/uccx/member/status')({ memberId: 'ag1001', status: 'ACW' });
    await flush();
    expect(s.events).toEqual([]);
    expect(() => s.route('POST /sim/control/uccx/member/remove')({ teamId: 'T100', memberId: 'nobody' })).toThrow(UccxControlError);
  });

  it('call journeys: the seeded steps; unknown call and the failure control answer failure with code, message, context and original', async () => {
    const s = setup();
    stop = s.stop;
    await s.send('report.calljourney', { CallId: '16777345' });
    expect(s.replies[0]!.body).toMatchObject({ command: 'report.calljourney', result: 'success', data: { CallJourney: [{ Device: 'CTI_Port_1001', Duration: '00:00:42' }, {}, {}] } });
    await s.send('report.calljourney', { CallId: 'nope' });
    expect(s.replies[1]!.body).toMatchObject({ result: 'failure', failure: { code: 'CALL_NOT_FOUND' }, original: { command: 'report.calljourney', data: { CallId: 'nope' } } });
    s.route('POST /sim/control/uccx/failure')({ code: 'REPORT_UNAVAILABLE', message: 'Report server busy' });
    await s.send('report.calljourney', { CallId: '16777345' });
    await s.send('report.calljourney', { CallId: '16777345' });
    expect(s.replies[2]!.body).toMatchObject({ result: 'failure', failure: { code: 'REPORT_UNAVAILABLE', message: 'Report server busy', context: expect.any(String) } });
    expect(s.replies[3]!.body).toMatchObject({ result: 'success' });
  });
});
