import { Client, type IMessage, type IStompSocket } from '@stomp/stompjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulator, type SimulatorHandle } from './main';
import { manualClock } from './model';
import { waitFor } from './test-support';
import type { Truth } from './truth';

const EVENTS = '/topic/gc.events';
const COMMANDS = '/queue/gc.requests';

describe('simulator in-process: HTTP API and GC over the embedded broker with @stomp/stompjs', () => {
  let sim: SimulatorHandle;
  let stomp: Client;
  const events: string[] = [];
  const get = async <T>(path: string): Promise<T> => (await (await fetch(`${sim.urls.http}${path}`)).json()) as T;
  const post = async <T>(path: string, body?: unknown): Promise<T> =>
    (await (await fetch(`${sim.urls.http}${path}`, { method: 'POST', ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) })).json()) as T;
  const command = (type: string, body = ''): void =>
    stomp.publish({ destination: COMMANDS, body, headers: { type }, skipContentLengthHeader: true });

  beforeAll(async () => {
    sim = await startSimulator({ seed: 42, httpPort: 0, hubPort: 0, stompPort: 0, clock: manualClock(), autoTick: false, log: false,
      gcIntervals: { agentInfoMs: 300, teamUsersMs: 300, queueListMs: 300 } });
    stomp = new Client({
      webSocketFactory: () => new WebSocket(sim.urls.stomp, ['v12.stomp']) as unknown as IStompSocket,
      reconnectDelay: 100,
      debug: () => {},
    });
    const connected = new Promise<void>((resolve) => {
      stomp.onConnect = () => {
        stomp.subscribe(EVENTS, (m: IMessage) => events.push(m.body));
        resolve();
      };
    });
    stomp.activate();
    await connected;
    await post('/sim/control/pause');
  });

  afterAll(async () => {
    await stomp.deactivate();
    await sim.stop();
  });

  it('serves the truth in the contract shape', async () => {
    const t = await get<Truth>('/sim/truth');
    expect(Object.keys(t)).toEqual(['at', 'paused', 'rte', 'gc']);
    expect(t.paused).toBe(true);
    expect(t.rte.queues).toHaveLength(6);
    expect(Object.keys(t.rte.queues[0] ?? {})).toEqual(['id', 'name', 'callsWaiting', 'longestWaitingSec', 'agentsReady', 'agentsTalking', 'agentsWrapUp', 'agentsNotReady', 'agentsLoggedIn', 'callsConnected']);
    expect(Object.keys(t.rte.users[0] ?? {})).toEqual(['id', 'name', 'state', 'reasonLabel', 'stateSince']);
    expect(Object.keys(t.gc.queues[0] ?? {})).toEqual([
      'id', 'name', 'callsWaiting', 'longestWaitingSec', 'agentsReady', 'agentsNotReady', 'agentsTalking', 'agentsWrapUp',
      'talkingInbound', 'talkingOutbound', 'talkingInternal', 'wrapUpReady', 'wrapUpNotReady',
    ]);
    expect(Object.keys(t.gc.agents[0] ?? {})).toEqual(['id', 'name', 'state', 'reasonCodeId', 'reasonLabel', 'stateSince']);
    expect(t.gc.agents).toHaveLength(32);
  });

  it('hands out tokens with CORS', async () => {
    const res = await fetch(`${sim.urls.http}/api/rte/token`, { method: 'POST', headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    const { token } = (await res.json()) as { token: string };
    expect(token.split('.')).toHaveLength(3);
    expect((await fetch(`${sim.urls.http}/nope`)).status).toBe(404);
  });

  it('publishes AgentInfo, TeamUsersList and QueueList on start', async () => {
    events.length = 0;
    await waitFor(() => (events.filter((e) => e.includes('#AgentInfo#')).length >= 33 ? true : undefined));
    await waitFor(() => (events.some((e) => e.startsWith('sup9001#QueueList#')) ? true : undefined));
    const infos = events.filter((e) => e.includes('#AgentInfo#'));
    const first = infos.findIndex((e) => e.startsWith('sup9001#'));
    await waitFor(() => (events.filter((e) => e.includes('#AgentInfo#')).length >= first + 33 ? true : undefined));
    expect(events.filter((e) => e.includes('#AgentInfo#')).slice(first, first + 33).map((e) => e.split('#')[0])).toEqual(['sup9001', ...Array.from({ length: 32 }, (_, i) => `agent${2001 + i}`)]);
    expect(events.some((e) => e.startsWith('sup9001#TeamUsersList#'))).toBe(true);
  });

  it('executes a NOT_READY command and answers with the State event', async () => {
    const t = await get<Truth>('/sim/truth');
    const ready = t.gc.agents.find((a) => a.state === 'READY' || a.state === 'NOT_READY');
    if (!ready) throw new Error('no READY/NOT_READY agent');
    const reason = ready.reasonCodeId === '3' ? '4' : '3';
    await post('/sim/control/reset-logs');
    events.length = 0;
    command(`NOT_READY#${ready.id}`, reason);
    const state = await waitFor(() => events.find((e) => e.startsWith(`${ready.id}#State#`)));
    const f = state.split('#');
    expect(f).toHaveLength(13);
    expect([f[2], f[3], f[10]]).toEqual(['NOT_READY', reason, reason === '3' ? 'Meeting' : 'Training']);
    const after = await get<Truth>('/sim/truth');
    expect(after.gc.agents.find((a) => a.id === ready.id)).toMatchObject({ state: 'NOT_READY', reasonCodeId: reason, stateSince: Number(f[6]) });
    const log = await get<{ at: number; headers: Record<string, string>; body: string }[]>('/sim/gc/commands');
    expect(log).toHaveLength(1);
    expect(log[0]?.headers['type']).toBe(`NOT_READY#${ready.id}`);
    expect(log[0]?.body).toBe(reason);

    events.length = 0;
    command(`READY#${ready.id}`);
    const back = await waitFor(() => events.find((e) => e.startsWith(`${ready.id}#State#READY#`)));
    expect(back.split('#')[3]).toBe('');
  });

  it('answers fail-next-command, unknown verbs and unknown agents with Error events', async () => {
    events.length = 0;
    await post('/sim/control/fail-next-command', { code: 'GENERAL_ERROR', message: 'Finesse is down' });
    command('READY#agent2003');
    expect(await waitFor(() => events.find((e) => e.includes('#Error#')))).toBe('agent2003#Error#GENERAL_ERROR#Finesse is down');
    events.length = 0;
    command('FROBNICATE#agent2003');
    expect(await waitFor(() => events.find((e) => e.includes('#Error#')))).toBe('agent2003#Error#UNKNOWN_COMMAND#Unknown command FROBNICATE');
    events.length = 0;
    command('READY#agent9999');
    expect(await waitFor(() => events.find((e) => e.includes('#Error#')))).toMatch(/^agent9999#Error#USER_NOT_FOUND#/);
  });

  it('answers every documented command: mobile login (wrong extension, success with AgentInfo + State + Phonebooks)', async () => {
    await post('/sim/control/agent-state', { id: 'agent2006', state: 'LOGOUT', force: true });
    const errorOf = async (type: string, body: string) => {
      events.length = 0;
      command(type, body);
      return waitFor(() => events.find((e) => e.includes('#Error#')));
    };
    expect(await errorOf('MOBILEAGENTLOGIN#agent2006', 'pw,9999,5551234,true')).toMatch(/^agent2006#Error#WRONG_EXTENSION#/);
    expect(await errorOf('MOBILEAGENTLOGIN#agent2006', ',2006,5551234,true')).toMatch(/^agent2006#Error#INVALID_PASSWORD#/);
    expect(await errorOf('MOBILEAGENTLOGIN#agent2006', 'pw,2006')).toMatch(/^agent2006#Error#INVALID_COMMAND#/);
    events.length = 0;
    command('MOBILEAGENTLOGIN#agent2006', 'pw,2006,5551234,false');
    await waitFor(() => events.find((e) => e.startsWith('agent2006#Phonebooks#')));
    expect(events.find((e) => e.startsWith('agent2006#AgentInfo#'))).toBeDefined();
    expect(events.find((e) => e.startsWith('agent2006#State#NOT_READY#-1#'))).toBeDefined();
    expect(events.find((e) => e.startsWith('agent2006#Phonebooks#'))).toBe('agent2006#Phonebooks#name:Company directory,type:GLOBAL,id:1|name:Suppliers,type:GLOBAL,id:2');
  });

  it('phonebooks, team phonebooks (incl. not found), contacts (incl. not found), skill groups, supervisor', async () => {
    const answer = async (type: string, body: string, prefix: string) => {
      events.length = 0;
      command(type, body);
      return waitFor(() => events.find((e) => e.startsWith(prefix)));
    };
    expect(await answer('GETTEAMPHONEBOOKS#agent2001', '', 'agent2001#TeamPhoneBooks#')).toBe('agent2001#TeamPhoneBooks#name:Customer Care escalation,type:TEAM,id:10');
    expect(await answer('GETTEAMPHONEBOOKS#agent2020', '', 'agent2020#TeamPhoneBooks#')).toBe('agent2020#TeamPhoneBooks#NoTeamPhoneBookFound');
    expect(await answer('GETPHONEBOOKCONTACTS#agent2001', '1', 'agent2001#PhonebookContacts#')).toMatch(/^agent2001#PhonebookContacts#description:Billing Desk lead,firstName:Nina,lastName:Berg,phoneNumber:2017,id:101\|/);
    expect(await answer('GETPHONEBOOKCONTACTS#agent2001', '2', 'agent2001#PhonebookContacts#')).toBe('agent2001#PhonebookContacts#NoContactFound');
    expect(await answer('GETSKILLGROPU#agent2001', '', 'agent2001#QueueList#')).toMatch(/^agent2001#QueueList#queue_name:Sales,.*\|queue_name:Billing,/);
    expect(await answer('GETSUPERVISOR#agent2001', '', 'sup9001#AgentInfo#')).toMatch(/#true#/);
  });

  it('transfer / conference need a call with that dialog id and a reachable extension; callbacks and previews check their arguments', async () => {
    const errorOf = async (type: string, body: string) => {
      events.length = 0;
      command(type, body);
      return waitFor(() => events.find((e) => e.includes('#Error#') || e.startsWith(`${type.split('#')[1]}#State#`)));
    };
    await post('/sim/control/agent-state', { id: 'agent2007', state: 'READY', force: true });
    expect(await errorOf('TransferCall#agent2007', '2017,gc-call-1')).toMatch(/#Error#INVALID_STATE#/);
    await post('/sim/control/agent-call', { id: 'agent2007', durationSec: 60 });
    const dialog = sim.model.callOf('agent2007')?.id ?? '';
    expect(dialog).not.toBe('');
    expect(await errorOf('Conferencecall#agent2007', `2017,nope`)).toMatch(/#Error#DIALOG_NOT_FOUND#/);
    expect(await errorOf('Conferencecall#agent2007', `4444,${dialog}`)).toMatch(/#Error#WRONG_EXTENSION#/);
    expect(await errorOf('Conferencecall#agent2007', `2017,${dialog}`)).toMatch(/^agent2007#State#TALKING#/);
    expect(await errorOf('TransferCall#agent2007', `2017,${dialog}`)).toMatch(/^agent2007#State#WORK/);
    expect(await errorOf('SHCEDULECALLBACK#agent2007', '2007,d1,2026-12-01T10:00:00Z')).toMatch(/#Error#INVALID_COMMAND#/);
    expect(await errorOf('SHCEDULECALLBACK#agent2007', '2007,d1,2026-12-01T10:00:00Z,5551234')).toMatch(/^agent2007#State#/);
    expect(await errorOf('UPDATECALLBACK#agent2007', '2007,d1,2026-12-01T11:00:00Z,5551234')).toMatch(/^agent2007#State#/);
    expect(await errorOf('CANCELSHCEDULECALLBACK#agent2007', '2007,d1')).toMatch(/^agent2007#State#/);
    expect(await errorOf('RECLASSIFYCALL#agent2007', '2007,d1,FAX')).toMatch(/^agent2007#State#/);
    expect(await errorOf('RejectOutboundPreview#agent2007', 'd1,CLOSE')).toMatch(/#Error#INVALID_COMMAND#/);
    expect(await errorOf('RejectOutboundPreview#agent2007', 'd1,REJECT')).toMatch(/^agent2007#State#/);
    expect(await errorOf('CloseOutboundPreview#agent2007', 'd1,CLOSE')).toMatch(/^agent2007#State#/);
  });

  it('gc-queue-list control switches the payload to UCCX and back (reset restores UCCE)', async () => {
    events.length = 0;
    expect(await post('/sim/control/gc-queue-list', { format: 'uccx', omit: ['AbandonedCalls'] })).toEqual({ ok: true, format: 'uccx', omit: ['AbandonedCalls'] });
    const body = await waitFor(() => events.find((e) => e.startsWith('sup9001#QueueList#queue_1_CSQName:CSQ_Sales,')));
    expect(body).not.toContain('AbandonedCalls');
    const t = await get<Truth>('/sim/truth');
    expect(t.gc.queues[0]).toMatchObject({ id: 'queue_1', name: 'CSQ_Sales' });
    const bad = await fetch(`${sim.urls.http}/sim/control/gc-queue-list`, { method: 'POST', body: '{"format":"xml"}' });
    expect(bad.status).toBe(400);
    await post('/sim/control/reset', { paused: true });
    expect((await get<Truth>('/sim/truth')).gc.queues[0]).toMatchObject({ id: 'Sales' });
  });

  it('drops and restarts the STOMP server; stompjs reconnects', async () => {
    let connects = 0;
    stomp.onConnect = () => {
      connects += 1;
      stomp.subscribe(EVENTS, (m: IMessage) => events.push(m.body));
    };
    await post('/sim/control/drop-connections');
    await waitFor(() => (connects >= 1 && stomp.connected ? true : undefined));
    expect(await post('/sim/control/stop/stomp')).toEqual({ ok: true });
    const started = await post<{ ok: boolean; port: number }>('/sim/control/start/stomp');
    expect(started.port).toBe(sim.ports.stomp);
    await waitFor(() => (connects >= 2 && stomp.connected ? true : undefined), 8000);
    events.length = 0;
    command('READY#agent2004');
    await waitFor(() => events.find((e) => e.startsWith('agent2004#') && (e.includes('#State#') || e.includes('#Error#'))));
  });
});
