import { describe, expect, it } from 'vitest';
import { gcAgentInfo, gcError, gcQueueFigures, gcQueueList, gcState, gcSupervisorInfo, gcTeamUsersList, parseGcCommand } from './gc-wire';
import { SimModel, manualClock } from './model';
import { gcAgents } from './roster';
import { buildTruth } from './truth';

const T0 = Date.UTC(2026, 10, 22, 2, 30, 0);

function pausedModel(): SimModel {
  const m = new SimModel({ seed: 42, clock: manualClock(T0) });
  m.pause();
  return m;
}

describe('GC wire formats (CONTRACTS.md "GC wire")', () => {
  it('AgentInfo agent form has 9 fields', () => {
    const a = gcAgents()[0];
    if (!a) throw new Error('no agent');
    expect(gcAgentInfo(a)).toBe('agent2001#AgentInfo#Ann#Lee#false#OPTIONAL#5#Ann Lee#ann.lee');
    expect(gcAgentInfo(a).split('#')).toHaveLength(9);
    const last = gcAgents()[31];
    if (!last) throw new Error('no agent');
    expect(gcAgentInfo(last).split('#')[6]).toBe('7');
  });

  it('AgentInfo supervisor form has 11 fields with <id><name> team entries', () => {
    expect(gcSupervisorInfo()).toBe('sup9001#AgentInfo#Sam#Carter#true#OPTIONAL#TotalNumberOfTeams:2#5Customer Care|7Billing Desk#5#Sam Carter#sam.carter');
    expect(gcSupervisorInfo().split('#')).toHaveLength(11);
  });

  it('State has 13 fields: reason code, ISO time, pending state, epoch ms, label', () => {
    const m = pausedModel();
    const id = m.agents('gc').find((a) => a.state === 'READY')?.id ?? '';
    expect(m.setAgentState(id, 'NOT_READY', '2').ok).toBe(true);
    const a = m.agent(id);
    if (!a) throw new Error('no agent');
    const r = a.roster;
    expect(gcState(a)).toBe(`${id}#State#NOT_READY#2#2026-11-22T02:30:00.000Z##${T0}#${r.fullName}#${id}#${r.extension}#Lunch#${r.fullName}#${r.loginName}`);
    expect(gcState(a).split('#')).toHaveLength(13);
    m.setAgentState(id, 'READY');
    const ready = m.agent(id);
    if (!ready) throw new Error('no agent');
    const f = gcState(ready).split('#');
    expect(f).toHaveLength(13);
    expect([f[2], f[3], f[5], f[10]]).toEqual(['READY', '', '', '']);
    m.setAgentState(id, 'NOT_READY');
    const f2 = gcState(m.agent(id) ?? ready).split('#');
    expect([f2[2], f2[3], f2[10]]).toEqual(['NOT_READY', '-1', '']);
    const talking = m.agents('gc').find((x) => x.state === 'TALKING');
    if (!talking) throw new Error('no talking agent');
    m.setAgentState(talking.id, 'LOGOUT', '20');
    expect(gcState(talking).split('#').slice(2, 6)).toEqual(['TALKING', '', new Date(talking.stateSince).toISOString(), 'LOGOUT']);
  });

  it('QueueList is the UCCE payload for the six skill groups and equals the truth', () => {
    const m = pausedModel();
    const body = gcQueueList(m);
    expect(body.startsWith('sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:')).toBe(true);
    const queues = body.slice('sup9001#QueueList#'.length).split('|');
    expect(queues).toHaveLength(6);
    const keys = queues[0]?.split(',').map((kv) => kv.split(':')[0]);
    expect(keys).toEqual([
      'queue_name', 'Number_of_CallsInQueue', 'Number_of_Agents_Ready', 'Number_of_Agents_NotReady',
      'number_of_agents_talking_inbound', 'number_of_agents_talking_outbound', 'number_of_agents_talking_internal',
      'number_of_agents_in_wrapup_ready_state', 'number_of_agents_in_wrapup_notready_state', 'StartTimeOfLongestCallInQueue',
    ]);
    const truth = buildTruth(m).gc.queues;
    for (const [i, q] of queues.entries()) {
      const kv = Object.fromEntries(q.split(',').map((p) => [p.slice(0, p.indexOf(':')), Number(p.slice(p.indexOf(':') + 1))])) as Record<string, number>;
      const t = truth[i];
      expect(t?.callsWaiting).toBe(kv['Number_of_CallsInQueue']);
      expect(t?.agentsReady).toBe(kv['Number_of_Agents_Ready']);
      expect(t?.agentsNotReady).toBe(kv['Number_of_Agents_NotReady']);
      expect(t?.agentsTalking).toBe((kv['number_of_agents_talking_inbound'] ?? 0) + (kv['number_of_agents_talking_outbound'] ?? 0) + (kv['number_of_agents_talking_internal'] ?? 0));
      expect(t?.agentsWrapUp).toBe((kv['number_of_agents_in_wrapup_ready_state'] ?? 0) + (kv['number_of_agents_in_wrapup_notready_state'] ?? 0));
    }
    expect(gcQueueFigures(m, 'Sales').talkingOutbound).toBe(0);
  });

  it('TeamUsersList lists all 32 agents with the contract keys', () => {
    const m = pausedModel();
    const body = gcTeamUsersList(m);
    expect(body.startsWith('sup9001#TeamUsersList#FirstName:Ann,LastName:Lee,Extension:2001,LoginID:agent2001,State:')).toBe(true);
    const users = body.slice('sup9001#TeamUsersList#'.length).split('|');
    expect(users).toHaveLength(32);
    for (const u of users) {
      const kv = Object.fromEntries(u.split(',').map((p) => [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1)]));
      expect(Object.keys(kv)).toEqual(['FirstName', 'LastName', 'Extension', 'LoginID', 'State', 'PendingState', 'MediaType', 'StateChangeTime', 'StateChangeLabel']);
      expect(kv['MediaType']).toBe('voice');
      expect(Number.isNaN(Date.parse(kv['StateChangeTime'] ?? ''))).toBe(false);
      expect(m.agent(kv['LoginID'] ?? '')?.state).toBe(kv['State']);
    }
  });

  it('Error events and command parsing', () => {
    expect(gcError('agent2001', 'GENERAL_ERROR', 'boom')).toBe('agent2001#Error#GENERAL_ERROR#boom');
    expect(gcError('agent2001', 'X', 'a#b|c')).toBe('agent2001#Error#X#a b c');
    expect(parseGcCommand('NOT_READY#agent2001', '2')).toEqual({ verb: 'NOT_READY', loginId: 'agent2001', args: ['2'] });
    expect(parseGcCommand('READY#agent2001', '')).toEqual({ verb: 'READY', loginId: 'agent2001', args: [] });
    expect(parseGcCommand('LOGIN#agent2001', 'secret, 2001')).toEqual({ verb: 'LOGIN', loginId: 'agent2001', args: ['secret', '2001'] });
    expect(parseGcCommand(undefined, '')).toMatchObject({ error: expect.any(String) });
    expect(parseGcCommand('READY', '')).toMatchObject({ error: expect.any(String) });
  });
});

describe('GC QueueList formats (test control gc-queue-list) and the truth', () => {
  it('UCCE: StartTimeOfLongestCallInQueue is the oldest waiting call (empty when none); truth longestWaitingSec from it', () => {
    const m = pausedModel();
    const body = gcQueueList(m);
    for (const [i, q] of body.slice('sup9001#QueueList#'.length).split('|').entries()) {
      const kv = Object.fromEntries(q.split(',').map((p) => [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1)]));
      const waiting = m.waitingCalls(kv['queue_name'] ?? '');
      expect(kv['StartTimeOfLongestCallInQueue']).toBe(waiting.length === 0 ? '' : String(waiting[0]?.arrivedAt));
      const t = buildTruth(m).gc.queues[i];
      expect(t?.longestWaitingSec).toBe(waiting.length === 0 ? 0 : Math.floor((m.now() - (waiting[0]?.arrivedAt ?? 0)) / 1000));
    }
  });

  it('UCCX: queue_<n>_ keys with the CSQ name; the truth uses the board data-stat names; omitted keys absent in both', () => {
    const m = pausedModel();
    const fmt = { format: 'uccx' as const, omit: ['AbandonedCalls', 'AgentsReserved'] };
    const body = gcQueueList(m, fmt);
    const first = body.slice('sup9001#QueueList#'.length).split('|')[0] ?? '';
    expect(first.split(',').map((kv) => kv.split(':')[0])).toEqual([
      'queue_1_CSQName', 'queue_1_WaitingCalls', 'queue_1_AgentsLoggedIn', 'queue_1_AgentsInAfterCallWork', 'queue_1_AgentsTalking',
      'queue_1_HandledCalls', 'queue_1_TotalCalls', 'queue_1_LongestHandleTime',
    ]);
    expect(first.startsWith('queue_1_CSQName:CSQ_Sales,')).toBe(true);
    const t = buildTruth(m, {}, fmt).gc.queues[0];
    expect(t).toMatchObject({ id: 'queue_1', name: 'CSQ_Sales' });
    expect(t).not.toHaveProperty('abandoned');
    expect(t).not.toHaveProperty('agentsReserved');
    expect(t).not.toHaveProperty('agentsReady');
    expect(Object.keys(t ?? {})).toEqual(expect.arrayContaining(['callsWaiting', 'agentsLoggedIn', 'agentsWrapUp', 'agentsTalking', 'handled', 'total', 'longestHandleTimeSec']));
  });

  it('UCCE omit: a talking count left out is absent, and the talking sum covers only the counts sent', () => {
    const m = pausedModel();
    const fmt = { format: 'ucce' as const, omit: ['number_of_agents_talking_internal', 'number_of_agents_in_wrapup_ready_state', 'number_of_agents_in_wrapup_notready_state'] };
    expect(gcQueueList(m, fmt)).not.toMatch(/talking_internal|wrapup/);
    const t = buildTruth(m, {}, fmt).gc.queues[0];
    expect(t).not.toHaveProperty('talkingInternal');
    expect(t).not.toHaveProperty('agentsWrapUp');
    expect(t?.agentsTalking).toBe((t?.talkingInbound ?? 0) + (t?.talkingOutbound ?? 0));
  });
});
