import { describe, expect, it } from 'vitest';
import { checkDomainEvent, type DomainEvent } from '../../domain';
import {
  QUEUE_ID,
  QUEUE_STATUS_PASCAL,
  USER_AVAILABILITY_PASCAL,
  USER_ID,
  USER_STATUS_PASCAL,
  VENDOR_SUBSCRIPTION_RESULT,
  camelCased,
  message,
} from './rte-fixtures.test-data';
import { createRteMapper, deriveRteAgentState } from './rte-mapper';
import { parseMessageReceived, parseSubscriptionResults } from './rte-wire';

const AT = 1_800_000_000_000;
const kinds = (es: DomainEvent[]) => es.map((e) => (e.kind === 'ingest.error' ? `error:${e.error.code}` : e.kind));

describe('RTE QueueStatus → queue.upsert (CONTRACTS.md "RTE mappings")', () => {
  it('maps the table, both spellings', () => {
    for (const data of [QUEUE_STATUS_PASCAL, camelCased(QUEUE_STATUS_PASCAL)]) {
      const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
      expect(m.message(parseMessageReceived(message('QueueStatus', QUEUE_ID, data)), AT)).toEqual([
        {
          kind: 'queue.upsert',
          source: 'rte',
          at: AT,
          id: QUEUE_ID,
          name: 'Switchboard',
          stats: {
            callsWaiting: 4,
            longestWaitingSince: AT - 42_000,
            agentsReady: 3,
            agentsTalking: 2,
            agentsNotReady: 1,
            agentsWrapUp: 1,
            agentsLoggedIn: 7,
            callsConnected: 2,
            openStatus: 5,
          },
          extra: { NbrOfAllocated: '1', NbrOfNotServedRequesters: '4', NbrOfProviders: '7', NbrOfRequesters: '6', NbrOfServingAgentsEstimate: '5' },
        },
      ]);
    }
  });

  it('a call that has just started queuing (MaxWaitTime 0, NbrOfQueuingRequesters 1) starts the longest-waiting timer now', () => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    const [a] = m.message(parseMessageReceived(message('QueueStatus', QUEUE_ID, { MaxWaitTime: 0, NbrOfQueuingRequesters: 1 })), AT);
    expect(a).toMatchObject({ stats: { callsWaiting: 1, longestWaitingSince: AT } });
    const [b] = m.message(parseMessageReceived(message('QueueStatus', QUEUE_ID, { MaxWaitTime: 7, NbrOfQueuingRequesters: 0 })), AT);
    expect(b?.kind === 'queue.upsert' && Object.hasOwn(b.stats, 'longestWaitingSince')).toBe(true);
    expect(b?.kind === 'queue.upsert' && b.stats.longestWaitingSince).toBeUndefined();
  });

  it('MaxWaitTime in milliseconds when configured; 0 clears longestWaitingSince explicitly; absent leaves it', () => {
    const ms = createRteMapper({ maxWaitTimeUnit: 'milliseconds' });
    const [a] = ms.message(parseMessageReceived(message('QueueStatus', QUEUE_ID, { MaxWaitTime: 1500 })), AT);
    expect(a).toMatchObject({ stats: { longestWaitingSince: AT - 1500 } });
    const [b] = ms.message(parseMessageReceived(message('QueueStatus', QUEUE_ID, { MaxWaitTime: 0 })), AT);
    expect(b?.kind === 'queue.upsert' && 'longestWaitingSince' in b.stats && b.stats.longestWaitingSince).toBeUndefined();
    expect(b?.kind === 'queue.upsert' && Object.hasOwn(b.stats, 'longestWaitingSince')).toBe(true);
    const [c] = ms.message(parseMessageReceived(message('QueueStatus', QUEUE_ID, { NbrOfQueuingRequesters: 0 })), AT);
    expect(c?.kind === 'queue.upsert' && Object.hasOwn(c.stats, 'longestWaitingSince')).toBe(false);
  });
});

describe('RTE user state derivation (CONTRACTS.md rules 1–7)', () => {
  const S = (talking: boolean, serving: boolean, wrapUpEnd: string | null = null) => ({ talking, serving, wrapUpEnd });
  const A = (availability: string, note = '') => ({ availability, note, startTime: '2026-11-22T02:00:00Z' });
  it.each([
    ['1 OffWork', S(true, true), A('OffWork'), 'LOGOUT', undefined],
    ['2 Talking', S(true, true), A('DoNotDisturb'), 'TALKING', undefined],
    ['3 WrapUpEnd', S(false, true, '2026-11-22T02:01:00Z'), A('Busy'), 'WORK', undefined],
    ['4 DND no note', S(false, true), A('DoNotDisturb'), 'NOT_READY', 'Do not disturb'],
    ['4 Busy no note', S(false, true), A('Busy'), 'NOT_READY', 'Busy'],
    ['4 Busy with note', S(false, true), A('busy', 'Dentist'), 'NOT_READY', 'Dentist'],
    ['5 Available serving', S(false, true), A('Available'), 'READY', undefined],
    ['6 Available not serving', S(false, false), A('available'), 'NOT_READY', 'Not serving'],
    ['7 status alone talking', S(true, false), undefined, 'TALKING', undefined],
    ['7 status alone wrap-up', S(false, false, '2026-11-22T02:01:00Z'), undefined, 'WORK', undefined],
    ['7 status alone serving', S(false, true), undefined, 'READY', undefined],
    ['7 status alone idle', S(false, false), undefined, 'NOT_READY', undefined],
    ['7 availability alone OffWork', undefined, A('OffWork'), 'LOGOUT', undefined],
    ['7 availability alone DND', undefined, A('DoNotDisturb', 'Away'), 'NOT_READY', 'Away'],
    ['7 availability alone Available', undefined, A('Available'), 'READY', undefined],
    ['unknown availability, nothing else', undefined, A('Holiday'), 'UNKNOWN', undefined],
  ] as const)('%s', (_n, status, avail, state, label) => {
    const d = deriveRteAgentState(status, avail);
    expect(d.state).toBe(state);
    expect(d.reasonLabel).toBe(label);
  });
});

describe('RTE UserStatus + UserAvailability → agent.upsert', () => {
  it('keeps the last values per user and derives one state; stateSince per the contract', () => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    const av = m.message(parseMessageReceived(message('UserAvailability', USER_ID, camelCased(USER_AVAILABILITY_PASCAL))), AT);
    expect(av).toEqual([
      {
        kind: 'agent.upsert', source: 'rte', at: AT, id: USER_ID, name: 'ann.lee@example.com', state: 'READY', vendorState: 'Available', stateSince: AT,
        // the first state heard: its time is "since seen"; DateTime.MaxValue EndTime = no presenceUntil
        presence: 'Available', stateSinceSeen: true,
      },
    ]);
    const st = m.message(parseMessageReceived(message('UserStatus', USER_ID, { ...USER_STATUS_PASCAL, Serving: false })), AT + 1_000);
    expect(st).toEqual([
      {
        kind: 'agent.upsert',
        source: 'rte',
        at: AT + 1_000,
        id: USER_ID,
        name: 'ann.lee@example.com',
        state: 'NOT_READY',
        vendorState: 'Available, Not serving',
        reasonLabel: 'Not serving',
        stateSince: AT + 1_000,
        presence: 'Available',
        serving: false,
      },
    ]);
    // same derived state again: stateSince kept
    const again = m.message(parseMessageReceived(message('UserStatus', USER_ID, { ...USER_STATUS_PASCAL, Serving: false, ParkedCalls: 1 })), AT + 5_000);
    expect(again[0]).toMatchObject({ state: 'NOT_READY', stateSince: AT + 1_000 });
    // DND decides by availability: stateSince = StartTime
    const dnd = m.message(parseMessageReceived(message('UserAvailability', USER_ID, { ...USER_AVAILABILITY_PASCAL, Availability: 'DoNotDisturb', StartTime: '2026-11-22T02:10:00Z' })), AT + 9_000);
    expect(dnd[0]).toMatchObject({ state: 'NOT_READY', reasonLabel: 'Do not disturb', stateSince: Date.parse('2026-11-22T02:10:00Z'), vendorState: 'DoNotDisturb' });
    // talking wins over DND
    const talk = m.message(parseMessageReceived(message('UserStatus', USER_ID, { ...USER_STATUS_PASCAL, Talking: true })), AT + 10_000);
    expect(talk[0]).toMatchObject({ state: 'TALKING', stateSince: AT + 10_000 });
    expect(talk[0]).not.toHaveProperty('reasonLabel');
  });

  it('keeps a hostile Note as plain text in the reason label', () => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    const [e] = m.message(parseMessageReceived(message('UserAvailability', USER_ID, { Availability: 'Busy', Note: '<img src=x onerror=alert(1)>' })), AT);
    expect(e).toMatchObject({ reasonLabel: '<img src=x onerror=alert(1)>' });
  });
});

describe('RTE subscription results → subscription.result + counted refusals', () => {
  it('the vendor example gives one result event and one unauthorized error', () => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    const es = m.subscriptionResults(parseSubscriptionResults(JSON.parse(VENDOR_SUBSCRIPTION_RESULT)), AT);
    expect(kinds(es)).toEqual(['subscription.result', 'error:unauthorized']);
    expect(es[0]).toMatchObject({ results: [{ subscribed: true }, { subscribed: false, message: 'Unauthorized' }] });
  });

  it('other refusals are subscription-refused', () => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    const es = m.subscriptionResults(
      parseSubscriptionResults([
        { subscribed: false, message: 'Unknown event', entityId: 'x', eventName: 'nope' },
        { subscribed: false, message: null, entityId: 'y', eventName: 'queuestatus' },
      ]),
      AT,
    );
    expect(kinds(es)).toEqual(['subscription.result', 'error:subscription-refused', 'error:subscription-refused']);
  });
});

describe('a batch with malformed messages between valid ones', () => {
  it('counts every bad one and delivers every good one, in order, never throwing', () => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    const hostile = JSON.parse(`{"subscription":{"entityId":"${QUEUE_ID}","eventName":"queuestatus"},"data":{"__proto__":{"polluted":1},"nbrOfQueuingRequesters":3}}`) as unknown;
    const batch: unknown[] = [
      message('QueueStatus', QUEUE_ID, QUEUE_STATUS_PASCAL),
      { subscription: { entityId: QUEUE_ID } },
      message('QueueStatus', QUEUE_ID, { ...QUEUE_STATUS_PASCAL, NbrOfQueuingRequesters: 'four' }),
      message('UserCallInSomewhere', USER_ID, {}),
      hostile,
      'garbage',
      undefined,
      message('UserStatus', USER_ID, camelCased(USER_STATUS_PASCAL)),
    ];
    const out: DomainEvent[] = [];
    for (const arg of batch) out.push(...m.message(parseMessageReceived(arg), AT));
    expect(kinds(out)).toEqual([
      'queue.upsert',
      'error:malformed-frame',
      'error:wrong-type',
      'queue.upsert',
      'error:unknown-event',
      'error:hostile-key',
      'queue.upsert',
      'error:malformed-frame',
      'error:malformed-frame',
      'agent.upsert',
    ]);
  });
});

describe('RTE mapper output passes the domain schema at the edge (guardEmit would drop nothing valid)', () => {
  it('every event mapped from the vendor payloads is a valid DomainEvent, an emptied queue included', () => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    const emptied = { ...QUEUE_STATUS_PASCAL, NbrOfQueuingRequesters: 0, MaxWaitTime: 0 };
    const events = [
      ...m.message(parseMessageReceived(message('QueueStatus', QUEUE_ID, QUEUE_STATUS_PASCAL)), AT),
      ...m.message(parseMessageReceived(message('QueueStatus', QUEUE_ID, emptied)), AT),
      ...m.message(parseMessageReceived(message('UserStatus', USER_ID, USER_STATUS_PASCAL)), AT),
      ...m.message(parseMessageReceived(message('UserAvailability', USER_ID, USER_AVAILABILITY_PASCAL)), AT),
      ...m.message(parseMessageReceived({ nonsense: true }), AT),
      ...m.subscriptionResults(parseSubscriptionResults(JSON.parse(VENDOR_SUBSCRIPTION_RESULT)), AT),
    ];
    expect(events.length).toBeGreaterThan(4);
    for (const e of events) expect(checkDomainEvent(e), JSON.stringify(e)).toMatchObject({ ok: true });
  });
});
