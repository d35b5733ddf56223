/**
 * Every event of the vendor document (rte-enreach-realtime-engine-signalr.txt, "User",
 * "Queue", "CallList" sections) parsed and mapped from a payload built from its table, in
 * PascalCase, in camelCase, and with lower- and upper-cased event names (issue 7,
 * acceptance 1); unknown, malformed and unsubscribed-entity events are counted and create
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import { checkDomainEvent, type DomainEvent } from '../../domain';
import { camelCased } from './rte-fixtures.test-data';
import { createRteMapper } from './rte-mapper';
import { RTE_EVENT_NAMES, RTE_EVENT_TABLES, RTE_MISC_TABLES, type RteEventName, type RteKind, type RteTable } from './rte-tables';
import { parseMessageReceived } from './rte-wire';

const AT = 1_800_000_000_000;
const ENTITY = 'c0ffee00-0000-4000-8000-000000000001';
const GUID = '5a5a5a5a-0000-4000-8000-000000000007';

/** A value of the vendor type (nullable types get a value, not null). */
function sample(kind: RteKind, prop: string): unknown {
  if (kind.startsWith('list:')) {
    const misc = RTE_MISC_TABLES[kind.slice(5) as keyof typeof RTE_MISC_TABLES] as RteTable;
    return [build(misc, false)];
  }
  switch (kind.replace('?', '')) {
    case 'guid':
      return GUID;
    case 'int':
      return prop === 'OpenStatus' ? 5 : 3;
    case 'boolean':
      return true;
    case 'datetime':
      return '2026-11-22T02:00:00Z';
    default:
      return prop === 'Availability' ? 'DoNotDisturb' : prop.endsWith('Number') ? '+49 170 1234567' : `${prop} text`;
  }
}

/** A payload with every property of a table, PascalCase (or camelCase). */
function build(table: RteTable, camel: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [prop, kind] of Object.entries(table)) o[prop] = sample(kind, prop);
  if (!camel) return o;
  const c = camelCased(o);
  for (const [k, v] of Object.entries(c)) if (Array.isArray(v)) c[k] = v.map((x) => camelCased(x as Record<string, unknown>));
  return c;
}

/** What each event maps to (kinds of the emitted DomainEvents). */
const EXPECTED: Record<RteEventName, string[]> = {
  UserActionMobileCall: ['vendor.notice'],
  UserAlert: ['alarm.raise'],
  UserAssistedCallbackRequest: ['vendor.notice'],
  UserAvailability: ['agent.upsert'],
  UserCallbackChanged: ['vendor.notice'],
  UserCallInArrived: ['vendor.notice'],
  UserCallInComing: ['vendor.notice'],
  UserCallInDisconnected: ['vendor.notice'],
  UserCallInOverflow: ['vendor.notice'],
  UserCallInTransferCancelled: ['vendor.notice'],
  UserCallInTransferConnected: ['vendor.notice'],
  UserCallInTransferStarted: ['vendor.notice'],
  UserCallInUserAllocated: ['vendor.notice'],
  UserCallInUserCancelled: ['vendor.notice'],
  UserCallInUserConnected: ['vendor.notice'],
  UserCallInUserOverflow: ['vendor.notice'],
  UserCallOutConnected: ['vendor.notice'],
  UserCallOutDisconnected: ['vendor.notice'],
  UserCallOutGoing: ['vendor.notice'],
  UserConfigurationSetNextCLI: ['vendor.notice'],
  UserMissedCallNotification: ['vendor.notice'],
  UserQueueAlert: ['alarm.raise'],
  UserStatus: ['agent.upsert'],
  UserVoiceMailNotification: ['vendor.notice'],
  QueueAttachedUsers: ['queue.members'],
  QueueCallInArrived: ['queue.call'],
  QueueCallInComing: ['queue.call'],
  QueueCallInDisconnected: ['queue.call'],
  QueueCallInOverflow: ['queue.call'],
  QueueCallInTransferCancelled: ['queue.call'],
  QueueCallInTransferConnected: ['queue.call'],
  QueueCallInTransferStarted: ['queue.call'],
  QueueCallInUserAllocated: ['queue.call'],
  QueueCallInUserCancelled: ['queue.call'],
  QueueCallInUserConnected: ['queue.call'],
  QueueStatus: ['queue.upsert'],
  CallbackChanged: ['callback.changed'],
  CallbackListStatus: ['callbackList.status'],
  CallbackRequestNotification: ['vendor.notice'],
  CallbackRequestReceivedNotification: ['vendor.notice'],
  CallListNotification: ['vendor.notice'],
};

const kinds = (es: DomainEvent[]) => es.map((e) => (e.kind === 'ingest.error' ? `error:${e.error.code}` : e.kind));

describe('every RTE event, from its vendor table', () => {
  it('the document lists 41 events', () => {
    expect(RTE_EVENT_NAMES).toHaveLength(41);
  });

  it.each(RTE_EVENT_NAMES.map((n) => [n]))('%s: PascalCase, camelCase, lower- and upper-cased names parse alike and map', (name) => {
    const table = RTE_EVENT_TABLES[name] as RteTable;
    const pascal = parseMessageReceived({ Subscription: { EntityId: ENTITY, EventName: name }, Data: build(table, false) });
    const camel = parseMessageReceived({ subscription: { entityId: ENTITY, eventName: name.toLowerCase() }, data: build(table, true) });
    const upper = parseMessageReceived({ subscription: { entityId: ENTITY, eventName: name.toUpperCase() }, data: build(table, true) });
    expect(pascal.ok, JSON.stringify(pascal)).toBe(true);
    if (!pascal.ok) return;
    expect(pascal.issues).toEqual([]);
    expect(camel).toEqual(pascal);
    expect(upper).toEqual(pascal);
    expect(pascal.message.eventName).toBe(name);
    const mapped = createRteMapper({ maxWaitTimeUnit: 'seconds' }).message(pascal, AT);
    expect(kinds(mapped)).toEqual(EXPECTED[name]);
    for (const e of mapped) expect(checkDomainEvent(e), JSON.stringify(e)).toMatchObject({ ok: true });
  });

  it.each(RTE_EVENT_NAMES.map((n) => [n]))('%s for an entity the board did not subscribe: one counted error, nothing else', (name) => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds', isSubscribed: (ev, id) => ev === 'queuestatus' && id === 'subscribed-only' });
    const out = m.message(parseMessageReceived({ subscription: { entityId: ENTITY, eventName: name.toLowerCase() }, data: build(RTE_EVENT_TABLES[name] as RteTable, true) }), AT);
    expect(kinds(out)).toEqual(['error:unsubscribed']);
  });

  it.each(RTE_EVENT_NAMES.map((n) => [n]))('%s with every property of the wrong type: counted once, creates nothing', (name) => {
    const table = RTE_EVENT_TABLES[name] as RteTable;
    const wrong: Record<string, unknown> = {};
    for (const [prop, kind] of Object.entries(table)) wrong[prop] = kind === 'string' ? 17 : { nested: 'object' };
    const out = createRteMapper({ maxWaitTimeUnit: 'seconds' }).message(parseMessageReceived({ subscription: { entityId: ENTITY, eventName: name }, data: wrong }), AT);
    expect(kinds(out)).toEqual(['error:no-valid-field']);
  });

  it('an unknown event and a malformed frame are counted, never thrown', () => {
    const m = createRteMapper({ maxWaitTimeUnit: 'seconds' });
    expect(kinds(m.message(parseMessageReceived({ subscription: { entityId: ENTITY, eventName: 'QueueCallInTeleported' }, data: { CallId: GUID } }), AT))).toEqual(['error:unknown-event']);
    expect(kinds(m.message(parseMessageReceived({ subscription: { entityId: ENTITY, eventName: 'queuecallinarrived' }, data: [1, 2] }), AT))).toEqual(['error:malformed-frame']);
  });
});

describe('what the RTE events mean on the board', () => {
  const mapper = () => createRteMapper({ maxWaitTimeUnit: 'seconds', callerNumberDigits: 4 });
  const msg = (name: string, entityId: string, data: Record<string, unknown>) =>
    parseMessageReceived({ subscription: { entityId, eventName: name.toLowerCase() }, data });
  const CALL = { CallId: GUID, CallerNumber: '+49 170 1234567', QueueId: ENTITY, QueueName: 'Switchboard', LegId: 'leg-1' };

  it('a queue call\'s life becomes queue.call steps; the caller number is masked as configured', () => {
    const m = mapper();
    const steps = [
      ['QueueCallInComing', {}],
      ['QueueCallInArrived', {}],
      ['QueueCallInUserAllocated', { UserId: 'u1', UserName: 'ann' }],
      ['QueueCallInUserCancelled', { UserId: 'u1', Reason: 'remote' }],
      ['QueueCallInUserConnected', { UserId: 'u2', UserName: 'bob' }],
      ['QueueCallInTransferStarted', { TransferTarget: '+4930999' }],
      ['QueueCallInTransferCancelled', { Reason: 'busy' }],
      ['QueueCallInTransferConnected', { ConnectedTarget: '+4930999' }],
      ['QueueCallInOverflow', { TechQueueName: 'Overflow line' }],
      ['QueueCallInDisconnected', { Reason: 'remote' }],
    ] as const;
    const out = steps.flatMap(([name, extra]) => m.message(msg(name, ENTITY, { ...CALL, ...extra }), AT));
    expect(out.map((e) => (e.kind === 'queue.call' ? e.step : e.kind))).toEqual([
      'coming', 'arrived', 'allocated', 'allocationCancelled', 'connected', 'transferStarted', 'transferCancelled', 'transferConnected', 'overflow', 'disconnected',
    ]);
    expect(out[2]).toEqual({ kind: 'queue.call', source: 'rte', at: AT, queueId: ENTITY, callId: GUID, step: 'allocated', callerNumber: '+•• ••• •••4567', agentId: 'u1', agentName: 'ann' });
    expect(out[5]).toMatchObject({ detail: '+4930999' });
    expect(out[9]).toMatchObject({ detail: 'remote' });
    const whole = createRteMapper({ maxWaitTimeUnit: 'seconds', callerNumberDigits: -1 }).message(msg('QueueCallInArrived', ENTITY, CALL), AT);
    expect(whole[0]).toMatchObject({ callerNumber: '+49 170 1234567' });
  });

  it('UserAvailability gives presence, note and end; DateTime.MaxValue means no end', () => {
    const m = mapper();
    const [a] = m.message(msg('UserAvailability', 'u1', { Availability: 'Busy', Note: 'Dentist', StartTime: '2026-11-22T02:00:00Z', EndTime: '2026-11-22T03:30:00Z', UserName: 'ann' }), AT);
    expect(a).toMatchObject({ state: 'NOT_READY', reasonLabel: 'Dentist', presence: 'Busy', presenceNote: 'Dentist', presenceUntil: Date.parse('2026-11-22T03:30:00Z'), stateSince: Date.parse('2026-11-22T02:00:00Z') });
    expect(a).not.toHaveProperty('stateSinceSeen');
    const [b] = m.message(msg('UserAvailability', 'u1', { Availability: 'OffWork', EndTime: '9999-12-31T23:59:59.9999999', StartTime: '2026-11-22T04:00:00Z' }), AT);
    expect(b).toMatchObject({ state: 'LOGOUT', presence: 'OffWork' });
    expect(b).not.toHaveProperty('presenceUntil');
  });

  it('time on call comes from the user\'s call events; a state only seen begin is marked "since seen"', () => {
    const m = mapper();
    const [first] = m.message(msg('UserStatus', 'u1', { Talking: true, Serving: true }), AT);
    expect(first).toMatchObject({ state: 'TALKING', stateSince: AT, stateSinceSeen: true });
    const [conn] = m.message(msg('UserCallInUserConnected', 'u1', { CallId: GUID, UserId: 'u1' }), AT + 5_000);
    // the board saw the call connect: time on call from then, no longer "since seen"
    expect(conn).toMatchObject({ state: 'TALKING', callSince: AT + 5_000, stateSince: AT + 5_000 });
    expect(conn).not.toHaveProperty('stateSinceSeen');
    const [end] = m.message(msg('UserCallInDisconnected', 'u1', { CallId: GUID, UserId: 'u1', Reason: 'remote' }), AT + 65_000);
    expect(end).toMatchObject({ kind: 'agent.upsert', state: 'TALKING' });
    expect(end).not.toHaveProperty('callSince');
    const [wrap] = m.message(msg('UserStatus', 'u1', { Talking: false, WrapUpEnd: '2026-11-22T02:01:00Z', Serving: true }), AT + 66_000);
    expect(wrap).toMatchObject({ state: 'WORK', stateSince: AT + 66_000 });
    expect(wrap).not.toHaveProperty('stateSinceSeen');
  });

  it('UserAlert and UserQueueAlert raise alarms with the vendor\'s condition and value', () => {
    const m = mapper();
    const [a] = m.message(msg('UserAlert', 'u1', { AlertId: GUID, ConditionName: 'Queue length', ConditionExpression: 'NbrOfQueuingRequesters > 5', ConditionValue: '5', Value: '7', UserId: 'u1' }), AT);
    expect(a).toEqual({ kind: 'alarm.raise', source: 'rte', at: AT, id: GUID, condition: 'Queue length', expression: 'NbrOfQueuingRequesters > 5', threshold: '5', value: '7', entityId: 'u1', severity: 'alarm' });
    const [q] = m.message(msg('UserQueueAlert', 'u1', { QueueId: ENTITY, QueueName: 'Switchboard' }), AT);
    expect(q).toEqual({ kind: 'alarm.raise', source: 'rte', at: AT, id: `queue:${ENTITY}`, condition: 'Switchboard', entityId: ENTITY, entityName: 'Switchboard', severity: 'warn' });
  });

  it('CallbackListStatus and CallbackChanged feed the callback list', () => {
    const m = mapper();
    const [s] = m.message(msg('CallbackListStatus', 'l1', { CallListId: 'l1', TotalOpenRequests: 9, TotalAssigned: 2, TotalFreeForAllocation: 7, TotalOverDueDate: 1, NextHourOverDueDate: 3, ExpiresIn24h: 4, TotalServingAgents: 5, TotalActiveAgents: 6, IsAutoAllocate: false }), AT);
    expect(s).toEqual({ kind: 'callbackList.status', source: 'rte', at: AT, id: 'l1', figures: { open: 9, assigned: 2, freeForAllocation: 7, overdue: 1, dueNextHour: 3, expiringToday: 4, servingAgents: 5, activeAgents: 6, autoAllocate: false } });
    const [c] = m.message(msg('CallbackChanged', 'l1', {
      CallBackId: GUID, CallListId: 'l1', ContactName: 'Eve', ContactNumber: '0301234567', Modified: '2026-11-22T02:00:00Z',
      LastAttemptTimestamp: '2026-11-22T01:59:00Z', LastAttemptNote: 'no answer', CallbackAttempts: [{ Id: GUID, Note: 'no answer' }], DueDate: null,
    }), AT);
    expect(c).toEqual({
      kind: 'callback.changed', source: 'rte', at: AT, id: 'l1',
      item: { id: GUID, contactName: 'Eve', contactNumber: '••••••4567', attempts: 1, modifiedAt: Date.parse('2026-11-22T02:00:00Z'), lastAttemptAt: Date.parse('2026-11-22T01:59:00Z'), lastAttemptNote: 'no answer' },
    });
  });

  it('QueueAttachedUsers lists who serves the queue and whether active', () => {
    const [e] = mapper().message(msg('QueueAttachedUsers', ENTITY, { QueueId: ENTITY, AttachedUsers: [{ UserId: 'u1', Active: true, Priority: 1 }, { UserId: 'u2', Active: false }, { Active: true }] }), AT);
    expect(e).toEqual({ kind: 'queue.members', source: 'rte', at: AT, queueId: ENTITY, members: [{ agentId: 'u1', active: true, priority: 1 }, { agentId: 'u2', active: false }] });
  });
});
