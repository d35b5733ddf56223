import { describe, expect, it } from 'vitest';
import { checkDomainEvent, type DomainEvent } from '../../domain';
import {
  ERROR_EVENT,
  QUEUELIST_UCCE,
  QUEUELIST_UCCX,
  TEAMUSERSLIST,
  agentInfoAgentBody,
  agentInfoSupervisorBody,
  stateBody,
} from './gc-fixtures.test-data';
import { createGcMapper, normalizeFinesseState, parseVendorTime } from './gc-mapper';
import { parseGcEvent } from './gc-wire';

const AT = 1_800_000_000_000;
const mapper = (agentLoginIds: string[] = []) =>
  createGcMapper({
    supervisorLoginId: 'sup9001',
    agentLoginIds,
    reasonCodes: { notReady: [{ id: '2', label: 'Lunch (configured)' }, { id: '3', label: 'Meeting' }], logout: [{ id: '20', label: 'End of shift' }] },
  });
const run = (m: ReturnType<typeof mapper>, body: string, pending?: (id: string) => boolean): DomainEvent[] =>
  m.map(parseGcEvent(body), AT, pending ? { commandPending: pending } : undefined);
const kinds = (es: DomainEvent[]) => es.map((e) => (e.kind === 'ingest.error' ? `error:${e.error.code}` : e.kind));

describe('GC State → agent.upsert (CONTRACTS.md "GC mappings")', () => {
  it('maps every field', () => {
    expect(run(mapper(), stateBody({ agent_PendingState: 'READY' }))).toEqual([
      {
        kind: 'agent.upsert',
        source: 'gc',
        at: AT,
        id: 'agent2001',
        name: 'Ann Lee',
        state: 'NOT_READY',
        vendorState: 'NOT_READY',
        reasonCodeId: '2',
        reasonLabel: 'Lunch',
        stateSince: 1795314600000,
        vendorTime: 1795314600000,
        pendingState: 'READY',
        extension: '2001',
      },
    ]);
  });

  it('RESERVED_OUTBOUND* → RESERVED, vendorState kept; unknown → UNKNOWN', () => {
    for (const s of ['RESERVED_OUTBOUND', 'RESERVED_OUTBOUND_PREVIEW']) {
      const [e] = run(mapper(), stateBody({ agent_current_state: s, resonCodeId: '' }));
      expect(e).toMatchObject({ state: 'RESERVED', vendorState: s });
    }
    expect(normalizeFinesseState('work_ready')).toBe('WORK_READY');
    expect(normalizeFinesseState('DANCING')).toBe('UNKNOWN');
  });

  it('reasonCodeId -1 or empty is absent; configured label used when field 11 is empty', () => {
    const [a] = run(mapper(), stateBody({ resonCodeId: '-1', agent_StateChangeReasonLabel: '' }));
    expect(a).not.toHaveProperty('reasonCodeId');
    expect(a).not.toHaveProperty('reasonLabel');
    const [b] = run(mapper(), stateBody({ agent_current_state: 'READY', resonCodeId: '', agent_StateChangeReasonLabel: '' }));
    expect(b).not.toHaveProperty('reasonCodeId');
    const [c] = run(mapper(), stateBody({ resonCodeId: '3', agent_StateChangeReasonLabel: '' }));
    expect(c).toMatchObject({ reasonCodeId: '3', reasonLabel: 'Meeting' });
    const [d] = run(mapper(), stateBody({ agent_current_state: 'LOGOUT', resonCodeId: '20', agent_StateChangeReasonLabel: '' }));
    expect(d).toMatchObject({ state: 'LOGOUT', reasonLabel: 'End of shift' });
  });

  it('stateSince: field 7 epoch ms, else field 5 ISO, else absent', () => {
    const [a] = run(mapper(), stateBody({ agent_StateChangeTime: '' }));
    expect(a).toMatchObject({ stateSince: Date.parse('2026-11-22T02:30:00.000Z') });
    const [b] = run(mapper(), stateBody({ agent_StateChangeTime: '', agent_StateChangeTimeString: '' }));
    expect(b).not.toHaveProperty('stateSince');
    expect(parseVendorTime('2026-11-22T02:30:00.1234567Z')).toBe(Date.parse('2026-11-22T02:30:00.123Z'));
    expect(parseVendorTime('x')).toBeUndefined();
  });

  it('filters State events by agentLoginIds when configured', () => {
    expect(run(mapper(['agent2002']), stateBody())).toEqual([]);
    expect(kinds(run(mapper(['agent2001']), stateBody()))).toEqual(['agent.upsert']);
  });

  it('keeps hostile names as plain text', () => {
    const [e] = run(mapper(), stateBody({ agent_full_name: '<img src=x onerror=alert(1)>' }));
    expect(e).toMatchObject({ name: '<img src=x onerror=alert(1)>' });
  });
});

describe('GC QueueList → queue.upsert + snapshot', () => {
  it('UCCE: sums of talking and wrap-up counts, snapshot of listed ids', () => {
    const es = run(mapper(), QUEUELIST_UCCE);
    expect(es).toEqual([
      {
        kind: 'queue.upsert',
        source: 'gc',
        at: AT,
        id: 'Sales',
        name: 'Sales',
        stats: {
          callsWaiting: 1,
          agentsReady: 2,
          agentsNotReady: 1,
          agentsTalkingInbound: 3,
          agentsTalkingOutbound: 0,
          agentsTalkingInternal: 0,
          agentsWrapUpReady: 0,
          agentsWrapUpNotReady: 1,
          agentsTalking: 3,
          agentsWrapUp: 1,
        },
        replaceStats: true,
      },
      {
        kind: 'queue.upsert',
        source: 'gc',
        at: AT,
        id: 'Support',
        name: 'Support',
        stats: {
          callsWaiting: 4,
          agentsReady: 0,
          agentsNotReady: 2,
          agentsTalkingInbound: 1,
          agentsTalkingOutbound: 1,
          agentsTalkingInternal: 1,
          agentsWrapUpReady: 1,
          agentsWrapUpNotReady: 1,
          agentsTalking: 3,
          agentsWrapUp: 2,
        },
        replaceStats: true,
      },
      { kind: 'snapshot', source: 'gc', at: AT, entity: 'queue', ids: ['Sales', 'Support'] },
    ]);
  });

  it('UCCX: queue_<n> ids, documented keys mapped, unknown keys kept in extra, missing keys absent', () => {
    const es = run(mapper(), QUEUELIST_UCCX);
    expect(es).toEqual([
      {
        kind: 'queue.upsert',
        source: 'gc',
        at: AT,
        id: 'queue_1',
        name: 'Sales CSQ',
        stats: {
          callsWaiting: 2,
          agentsLoggedIn: 9,
          agentsWrapUp: 1,
          agentsTalking: 4,
          agentsReserved: 1,
          callsHandled: 120,
          callsAbandoned: 6,
          callsOffered: 126,
          longestHandleTimeSec: 845,
          serviceLevelPct: (120 / 126) * 100,
        },
        replaceStats: true,
      },
      { kind: 'queue.upsert', source: 'gc', at: AT, id: 'queue_2', name: 'queue_2', stats: { callsWaiting: 0, agentsLoggedIn: 3 }, replaceStats: true },
      { kind: 'snapshot', source: 'gc', at: AT, entity: 'queue', ids: ['queue_1', 'queue_2'] },
    ]);
  });

  it('missing keys are absent, never zero; unknown keys kept; wrong numbers reported', () => {
    const es = run(mapper(), 'sup9001#QueueList#queue_name:VIP,Number_of_CallsInQueue:,Number_of_Agents_Ready:lots,Service_Level:93');
    expect(kinds(es)).toEqual(['error:wrong-type', 'queue.upsert', 'snapshot']);
    const q = es[1];
    expect(q).toMatchObject({ kind: 'queue.upsert', id: 'VIP', stats: {}, extra: { Service_Level: '93' } });
    if (q?.kind === 'queue.upsert') {
      expect(q.stats).not.toHaveProperty('callsWaiting');
      expect(q.stats).not.toHaveProperty('agentsTalking');
    }
  });

  it('UCCE: a payload with only some talking / wrap-up counts sums only those; none → no sum at all', () => {
    const [q1] = run(mapper(), 'sup9001#QueueList#queue_name:VIP,number_of_agents_talking_outbound:2');
    expect(q1).toMatchObject({ stats: { agentsTalkingOutbound: 2, agentsTalking: 2 } });
    if (q1?.kind === 'queue.upsert') {
      expect(q1.stats).not.toHaveProperty('agentsTalkingInbound');
      expect(q1.stats).not.toHaveProperty('agentsWrapUp');
      expect(q1.stats).not.toHaveProperty('longestWaitingSince');
    }
  });

  it('UCCE: startTimeOfLongestCallInQueue (epoch ms or ISO) gives longest waiting while calls wait; empty or no calls → none', () => {
    const t = AT - 42_000;
    const [a] = run(mapper(), `sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:2,StartTimeOfLongestCallInQueue:${t}`);
    expect(a).toMatchObject({ stats: { callsWaiting: 2, longestWaitingSince: t } });
    const [b] = run(mapper(), `sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:2,startTimeOfLongestCallInQueue:${new Date(t).toISOString()}`);
    expect(b).toMatchObject({ stats: { longestWaitingSince: t } });
    const [c] = run(mapper(), 'sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:0,StartTimeOfLongestCallInQueue:');
    expect(c).toMatchObject({ stats: { callsWaiting: 0 } });
    if (c?.kind === 'queue.upsert') expect(c.stats).not.toHaveProperty('longestWaitingSince');
    expect(kinds(run(mapper(), 'sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:1,StartTimeOfLongestCallInQueue:soon'))).toEqual([
      'error:wrong-type',
      'queue.upsert',
      'snapshot',
    ]);
  });

  it('UCCX: the CSQ name is the queue name; service level only when total > 0; longest waiting from LongestWaitingTime (s)', () => {
    const es = run(
      mapper(),
      'sup9001#QueueList#queue_1_CSQName:Billing CSQ,queue_1_WaitingCalls:1,queue_1_LongestWaitingTime:30,queue_1_HandledCalls:0,queue_1_TotalCalls:0',
    );
    expect(es[0]).toMatchObject({ id: 'queue_1', name: 'Billing CSQ', stats: { callsWaiting: 1, longestWaitingSince: AT - 30_000, callsHandled: 0, callsOffered: 0 } });
    if (es[0]?.kind === 'queue.upsert') expect(es[0].stats).not.toHaveProperty('serviceLevelPct');
  });

  it('a queue without an id is reported and the snapshot withheld (no tile is removed on bad data)', () => {
    const es = run(mapper(), 'sup9001#QueueList#queue_name:Sales,Number_of_CallsInQueue:1|Number_of_CallsInQueue:9');
    expect(kinds(es)).toEqual(['queue.upsert', 'error:missing-id']);
  });

  it('only from the configured supervisor', () => {
    expect(run(mapper(), QUEUELIST_UCCE.replace('sup9001', 'sup9999'))).toEqual([]);
  });
});

describe('GC TeamUsersList → agent.upsert + snapshot', () => {
  it('maps users and emits the snapshot of listed login ids', () => {
    const es = run(mapper(), TEAMUSERSLIST);
    expect(es).toEqual([
      {
        kind: 'agent.upsert',
        source: 'gc',
        at: AT,
        id: 'agent2001',
        name: 'Ann Lee',
        extension: '2001',
        state: 'NOT_READY',
        vendorState: 'NOT_READY',
        reasonLabel: 'Lunch',
        stateSince: Date.parse('2026-11-22T02:30:00.000Z'),
      },
      {
        kind: 'agent.upsert',
        source: 'gc',
        at: AT,
        id: 'agent2002',
        name: 'Bob Ray',
        extension: '2002',
        state: 'TALKING',
        vendorState: 'TALKING',
        pendingState: 'NOT_READY',
        stateSince: Date.parse('2026-11-22T02:31:00.000Z'),
      },
      { kind: 'snapshot', source: 'gc', at: AT, entity: 'agent', ids: ['agent2001', 'agent2002'] },
    ]);
  });

  it('keeps the reason code of the last State event when the list shows the same state', () => {
    const m = mapper();
    run(m, stateBody());
    const [e] = run(m, TEAMUSERSLIST);
    expect(e).toMatchObject({ id: 'agent2001', state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch' });
  });

  it('a user without LoginID is reported and the snapshot withheld', () => {
    const es = run(mapper(), 'sup9001#TeamUsersList#FirstName:X,State:READY|FirstName:Ann,LoginID:agent2001,State:READY');
    expect(kinds(es)).toEqual(['error:missing-id', 'agent.upsert']);
  });

  it('only from the configured supervisor', () => {
    expect(run(mapper(), TEAMUSERSLIST.replace('sup9001', 'sup1'))).toEqual([]);
  });
});

describe('GC AgentInfo → team.upsert / agent.upsert', () => {
  it('supervisor form gives team.upsert per team', () => {
    const es = run(mapper(), agentInfoSupervisorBody());
    expect(es.filter((e) => e.kind === 'team.upsert')).toEqual([
      { kind: 'team.upsert', source: 'gc', at: AT, id: '5', name: 'Customer Care' },
      { kind: 'team.upsert', source: 'gc', at: AT, id: '7', name: 'Billing Desk' },
    ]);
  });

  it('agent form: held back until the agent is known, then merged; later ones upsert directly', () => {
    const m = mapper();
    expect(run(m, agentInfoAgentBody())).toEqual([]);
    const [first] = run(m, stateBody());
    expect(first).toMatchObject({ id: 'agent2001', teamId: '5', isSupervisor: false, state: 'NOT_READY' });
    expect(run(m, agentInfoAgentBody({ agent_teamId: '7' }))).toEqual([
      { kind: 'agent.upsert', source: 'gc', at: AT, id: 'agent2001', name: 'Ann Lee', teamId: '7', isSupervisor: false },
    ]);
  });
});

describe('GC Error events and failures', () => {
  it('counts an Error event for a login id with a pending command, ignores others', () => {
    expect(run(mapper(), ERROR_EVENT)).toEqual([]);
    const es = run(mapper(), ERROR_EVENT, (id) => id === 'agent2001');
    expect(kinds(es)).toEqual(['error:vendor-error']);
    expect(run(mapper(), 'sup9001#Error#GENERAL_ERROR#boom')).toHaveLength(1);
  });

  it('turns each parse failure into one counted ingest.error', () => {
    const m = mapper();
    for (const body of ['x', 'a#Nope#1', stateBody().slice(0, 30)]) {
      const es = run(m, body);
      expect(es).toHaveLength(1);
      expect(es[0]?.kind).toBe('ingest.error');
    }
  });
});

describe('GC mapper output passes the domain schema at the edge (guardEmit would drop nothing valid)', () => {
  it('every event mapped from the vendor templates is a valid DomainEvent', () => {
    const m = mapper();
    const bodies = [
      stateBody(),
      stateBody({ agent_current_state: 'READY', resonCodeId: '-1', agent_StateChangeReasonLabel: '', agent_PendingState: 'NOT_READY' }),
      QUEUELIST_UCCE,
      QUEUELIST_UCCX,
      TEAMUSERSLIST,
      agentInfoAgentBody(),
      agentInfoSupervisorBody(),
      ERROR_EVENT,
      'garbage',
    ];
    const events = bodies.flatMap((b) => run(m, b, () => true));
    expect(events.length).toBeGreaterThan(10);
    for (const e of events) expect(checkDomainEvent(e), JSON.stringify(e)).toMatchObject({ ok: true });
  });
});

describe('GC Phonebooks / TeamPhoneBooks / PhonebookContacts → phonebook events', () => {
  const own = () => createGcMapper({ supervisorLoginId: 'agent2001', agentLoginIds: ['agent2001'] });
  it('own and team lists; "not found" is an empty list', () => {
    expect(run(own(), 'agent2001#Phonebooks#name:Company,type:GLOBAL,id:1')).toEqual([
      { kind: 'phonebook.list', source: 'gc', at: AT, owner: 'agent2001', scope: 'agent', phonebooks: [{ id: '1', name: 'Company', type: 'GLOBAL' }] },
    ]);
    expect(run(own(), 'agent2001#TeamPhoneBooks#NoTeamPhoneBookFound')).toEqual([
      { kind: 'phonebook.list', source: 'gc', at: AT, owner: 'agent2001', scope: 'team', phonebooks: [] },
    ]);
  });

  it('contacts belong to the phonebook last asked for; without a request they are not mapped', () => {
    const body = 'agent2001#PhonebookContacts#description:Front desk,firstName:Nina,lastName:Berg,phoneNumber:2005,id:101';
    expect(own().map(parseGcEvent(body), AT, { contactsPhonebookId: () => '1' })).toEqual([
      {
        kind: 'phonebook.contacts',
        source: 'gc',
        at: AT,
        phonebookId: '1',
        contacts: [{ id: '101', firstName: 'Nina', lastName: 'Berg', phoneNumber: '2005', description: 'Front desk' }],
      },
    ]);
    expect(own().map(parseGcEvent(body), AT)).toEqual([]);
    expect(own().map(parseGcEvent('agent2001#PhonebookContacts#NoContactFound'), AT, { contactsPhonebookId: () => '2' })).toEqual([
      { kind: 'phonebook.contacts', source: 'gc', at: AT, phonebookId: '2', contacts: [] },
    ]);
  });

  it('events for other login ids on the shared topic are filtered out (State, AgentInfo, phonebooks, lists)', () => {
    const m = own();
    expect(run(m, stateBody({ agent_login_Id: 'agent2002' }))).toEqual([]);
    expect(run(m, agentInfoAgentBody({ agent_login_Id: 'agent2002' }))).toEqual([]);
    expect(run(m, 'agent2002#Phonebooks#name:Company,type:GLOBAL,id:1')).toEqual([]);
    expect(run(m, QUEUELIST_UCCE)).toEqual([]);
    expect(run(m, TEAMUSERSLIST)).toEqual([]);
    expect(kinds(run(m, stateBody()))).toEqual(['agent.upsert']);
  });

  it('every phonebook event is a valid DomainEvent', () => {
    const es = [
      ...run(own(), 'agent2001#Phonebooks#name:Company,type:GLOBAL,id:1|name:,type:,id:2'),
      ...own().map(parseGcEvent('agent2001#PhonebookContacts#id:9'), AT, { contactsPhonebookId: () => '1' }),
    ];
    for (const e of es) expect(checkDomainEvent(e)).toMatchObject({ ok: true });
  });
});

describe('GC State duplicated and out of order, through the agents store (issue 15)', () => {
  it('vendor State events twice and swapped end in the newest state (gc doc "State", field 7 epoch ms)', async () => {
    const { initialAgentsState, reduceAgents } = await import('../../stores/agents');
    const older = stateBody({ agent_current_state: 'READY', resonCodeId: '', agent_StateChangeReasonLabel: '', agent_StateChangeTimeString: '2026-11-22T02:30:00.000Z', agent_StateChangeTime: '1795314600000' });
    const newer = stateBody({ agent_current_state: 'NOT_READY', resonCodeId: '2', agent_StateChangeReasonLabel: 'Lunch', agent_StateChangeTimeString: '2026-11-22T02:31:00.000Z', agent_StateChangeTime: '1795314660000' });
    const m = mapper();
    const events = [newer, newer, older, older].flatMap((b) => run(m, b)).filter((e) => e.kind === 'agent.upsert');
    expect(events).toHaveLength(4);
    const s = reduceAgents(initialAgentsState(), events);
    expect(s.byKey.get('gc:agent2001')).toMatchObject({ state: 'NOT_READY', reasonCodeId: '2', reasonLabel: 'Lunch', stateSince: 1795314660000 });
  });
});
