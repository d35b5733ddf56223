import { describe, expect, it } from 'vitest';
import {
  QUEUE_ID,
  QUEUE_STATUS_PASCAL,
  USER_AVAILABILITY_PASCAL,
  USER_ID,
  USER_STATUS_PASCAL,
  VENDOR_SUBSCRIPTION_RESULT,
  VENDOR_UNSUBSCRIBE_RESULT,
  camelCased,
  message,
} from './rte-fixtures.test-data';
import { parseDotNetDate, parseMessageReceived, parseSubscriptionResults } from './rte-wire';

describe('parseSubscriptionResults (rte doc "Subscription validation and authorization")', () => {
  it('reads the vendor\'s validation result example', () => {
    expect(parseSubscriptionResults(JSON.parse(VENDOR_SUBSCRIPTION_RESULT))).toEqual({
      results: [
        { subscribed: true, entityId: 'c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3', eventName: 'usercallincoming' },
        { subscribed: false, message: 'Unauthorized', entityId: 'c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3', eventName: 'queuecallinuserallocated' },
      ],
      issues: [],
    });
  });

  it('reads the vendor\'s unsubscribe result example', () => {
    expect(parseSubscriptionResults(JSON.parse(VENDOR_UNSUBSCRIBE_RESULT))).toEqual({
      results: [
        { subscribed: false, entityId: 'c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3', eventName: 'useravailability' },
        { subscribed: false, entityId: 'c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3', eventName: 'queuecallincoming' },
      ],
      issues: [],
    });
  });

  it('reads PascalCase items too', () => {
    const r = parseSubscriptionResults([{ Subscribed: true, Message: null, EntityId: 'x', EventName: 'QueueStatus' }]);
    expect(r.results).toEqual([{ subscribed: true, entityId: 'x', eventName: 'QueueStatus' }]);
  });

  it('skips wrong-typed items, keeps the rest', () => {
    const r = parseSubscriptionResults([
      { subscribed: 'yes', entityId: 'a', eventName: 'e' },
      null,
      { subscribed: true, message: 5, entityId: 'b', eventName: 'e' },
      { subscribed: true, message: null, entityId: 'c', eventName: 'queuestatus' },
    ]);
    expect(r.results.map((x) => x.entityId)).toEqual(['c']);
    expect(r.issues.map((i) => i.code)).toEqual(['wrong-type', 'wrong-type', 'wrong-type']);
    expect(parseSubscriptionResults({ not: 'an array' }).issues.map((i) => i.code)).toEqual(['malformed-frame']);
  });
});

describe('parseMessageReceived (rte doc "Subscribing to events", event tables)', () => {
  it('QueueStatus with every property, PascalCase and camelCase, give the same result', () => {
    const pascal = parseMessageReceived(message('QueueStatus', QUEUE_ID, QUEUE_STATUS_PASCAL, true));
    const camel = parseMessageReceived(message('QueueStatus', QUEUE_ID, camelCased(QUEUE_STATUS_PASCAL)));
    expect(pascal).toEqual({
      ok: true,
      issues: [],
      message: {
        eventName: 'QueueStatus',
        entityId: QUEUE_ID,
        maxWaitTime: 42,
        nbrOfAgentsCheckedInQueue: 7,
        nbrOfAgentsImmediatelyFree: 3,
        nbrOfAgentsLongTermAway: 1,
        nbrOfAgentsOnWrapUp: 1,
        nbrOfAgentsShortTermAway: 2,
        nbrOfAllocated: 1,
        nbrOfConnected: 2,
        nbrOfNotServedRequesters: 4,
        nbrOfProviders: 7,
        nbrOfQueuingRequesters: 4,
        nbrOfRequesters: 6,
        nbrOfServingAgentsEstimate: 5,
        openStatus: 5,
        organizationId: '0a0a0a0a-0000-4000-8000-000000000001',
        queueId: QUEUE_ID,
        queueName: 'Switchboard',
      },
    });
    expect(camel).toEqual(pascal);
  });

  it('UserStatus with every property, both spellings', () => {
    const pascal = parseMessageReceived(message('UserStatus', USER_ID, USER_STATUS_PASCAL, true));
    const camel = parseMessageReceived(message('userstatus', USER_ID, camelCased(USER_STATUS_PASCAL)));
    expect(pascal).toEqual({
      ok: true,
      issues: [],
      message: {
        eventName: 'UserStatus',
        entityId: USER_ID,
        activeQueues: 2,
        available: true,
        canBeAllocatedTo: true,
        organizationId: '0a0a0a0a-0000-4000-8000-000000000001',
        parkedCalls: 0,
        schedule: true,
        serviceTerminals: 1,
        serving: true,
        servingCallback: false,
        talking: false,
        userId: USER_ID,
        wrapUpEnd: null,
      },
    });
    expect(camel).toEqual(pascal);
  });

  it('UserAvailability with every property, both spellings', () => {
    const pascal = parseMessageReceived(message('UserAvailability', USER_ID, USER_AVAILABILITY_PASCAL, true));
    const camel = parseMessageReceived(message('USERAVAILABILITY', USER_ID, camelCased(USER_AVAILABILITY_PASCAL)));
    expect(pascal).toEqual({
      ok: true,
      issues: [],
      message: {
        eventName: 'UserAvailability',
        entityId: USER_ID,
        availability: 'Available',
        endTime: '9999-12-31T23:59:59.9999999',
        eventSource: 'User',
        note: '',
        organizationId: '0a0a0a0a-0000-4000-8000-000000000001',
        profileId: '0b0b0b0b-0000-4000-8000-000000000002',
        startTime: '2026-11-22T02:00:00Z',
        userId: USER_ID,
        userName: 'ann.lee@example.com',
      },
    });
    expect(camel).toEqual(pascal);
  });

  it('wrong-typed properties are left out and reported, the rest is kept', () => {
    const r = parseMessageReceived(message('QueueStatus', QUEUE_ID, { ...QUEUE_STATUS_PASCAL, NbrOfQueuingRequesters: '4', OpenStatus: null, QueueName: 12 }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(['wrong-type', 'wrong-type', 'wrong-type']);
    expect(r.message).not.toHaveProperty('nbrOfQueuingRequesters');
    expect(r.message).not.toHaveProperty('queueName');
    expect(r.message).toMatchObject({ nbrOfAgentsImmediatelyFree: 3 });
    const u = parseMessageReceived(message('UserStatus', USER_ID, { Talking: 'true', WrapUpEnd: 'soon', Serving: true }));
    expect(u.ok && u.issues.map((i) => i.code)).toEqual(['wrong-type', 'wrong-type']);
    // every field wrong: no message at all (creates nothing), one counted problem
    const none = parseMessageReceived(message('QueueStatus', QUEUE_ID, { NbrOfQueuingRequesters: '4', QueueName: 12 }));
    expect(none.ok ? 'ok' : none.issue.code).toBe('no-valid-field');
  });

  it('__proto__ / constructor / prototype keys are reported and never read', () => {
    const raw = JSON.parse(
      `{"subscription":{"entityId":"${QUEUE_ID}","eventName":"queuestatus","__proto__":{"x":1}},"data":{"__proto__":{"polluted":true},"constructor":{"prototype":{"p":1}},"NbrOfQueuingRequesters":2}}`,
    ) as unknown;
    const r = parseMessageReceived(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(['hostile-key', 'hostile-key', 'hostile-key']);
    expect(r.message).toMatchObject({ nbrOfQueuingRequesters: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.message)).toBe(Object.prototype);
  });

  it('keeps hostile strings as plain text', () => {
    const r = parseMessageReceived(message('UserAvailability', USER_ID, { Availability: 'Busy', Note: '<img src=x onerror=alert(1)>' }));
    expect(r.ok && r.message.eventName === 'UserAvailability' && r.message.note).toBe('<img src=x onerror=alert(1)>');
  });

  it('typed failures, never throws', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'malformed-frame'],
      ['text', 'malformed-frame'],
      [[], 'malformed-frame'],
      [{ data: {} }, 'malformed-frame'],
      [{ subscription: { entityId: 'x' }, data: {} }, 'malformed-frame'],
      [{ subscription: { eventName: 'queuestatus' }, data: {} }, 'malformed-frame'],
      [{ subscription: { entityId: 'x', eventName: 'queuestatus' } }, 'malformed-frame'],
      [{ subscription: { entityId: 'x', eventName: 'queuestatus' }, data: 'not json' }, 'malformed-frame'],
      [message('UserCallInSomewhere', USER_ID, {}), 'unknown-event'],
      [message('UserCallInComing', USER_ID, {}), 'no-valid-field'],
      [message('__proto__', USER_ID, {}), 'unknown-event'],
      [message('constructor', USER_ID, {}), 'unknown-event'],
      [message('toString', USER_ID, {}), 'unknown-event'],
    ];
    for (const [arg, code] of cases) {
      const r = parseMessageReceived(arg);
      expect(r.ok ? 'ok' : r.issue.code, JSON.stringify(arg)).toBe(code);
    }
  });

  it('accepts data sent as a JSON string', () => {
    const r = parseMessageReceived(message('QueueStatus', QUEUE_ID, JSON.stringify({ nbrOfQueuingRequesters: 1 })));
    expect(r.ok && r.message).toMatchObject({ nbrOfQueuingRequesters: 1 });
  });

  it('parses .NET DateTimes', () => {
    expect(parseDotNetDate('9999-12-31T23:59:59.9999999Z')).toBe(Date.parse('9999-12-31T23:59:59.999Z'));
    expect(parseDotNetDate('2026-11-22T02:00:00+02:00')).toBe(Date.parse('2026-11-22T00:00:00Z'));
    expect(parseDotNetDate('soon')).toBeUndefined();
  });
});
