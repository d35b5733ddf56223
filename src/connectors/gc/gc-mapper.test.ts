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
        stats: { callsWaiting: 1, agentsReady: 2, agentsNotReady: 1, agentsTalking: 3, agentsWrapUp: 1 },
      },
      {
        kind: 'queue.upsert',
        source: 'gc',
        at: AT,
        id: 'Support',
        name: 'Support',
        stats: { callsWaiting: 4, agentsReady: 0, agentsNotReady: 2, agentsTalking: 3, agentsWrapUp: 2 },
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
        },
        extra: { queue_1_LongestHandleTime: '845' },
      },
      { kind: 'queue.upsert', source: 'gc', at: AT, id: 'queue_2', name: 'queue_2', stats: { callsWaiting: 0, agentsLoggedIn: 3 } },
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
