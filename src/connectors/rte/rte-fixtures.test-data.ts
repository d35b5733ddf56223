/**
 * RTE test fixtures (rte-enreach-realtime-engine-signalr.txt). The two result examples are
 * copied verbatim from the vendor document ("Subscription validation and authorization",
 * "Unsubscribing"); the event data carry every property of the vendor tables ("Event:
 * QueueStatus", "Event: UserStatus", "Event: UserAvailability") in the documented
 * PascalCase, and {@link camelCased} gives the ASP.NET Core default spelling.
 */

/** "Validation result example", verbatim. */
export const VENDOR_SUBSCRIPTION_RESULT =
  '[{"subscribed":true,"message":null,"entityId":"c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3","eventName":"usercallincoming"},{"subscribed":false,"message":"Unauthorized","entityId":"c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3","eventName":"queuecallinuserallocated"}]';

/** "Unsubscribe result example", verbatim. */
export const VENDOR_UNSUBSCRIBE_RESULT =
  '[{"subscribed":false,"message":null,"entityId":"c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3","eventName":"useravailability"},{"subscribed":false,"message":null,"entityId":"c9eeb030-ff4b-ea11-ac9c-00155d4fdcf3","eventName":"queuecallincoming"}]';

export const ORG = '0a0a0a0a-0000-4000-8000-000000000001';
export const QUEUE_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const USER_ID = 'a9e47000-0000-4000-8000-000000000001';

/** Every property of "Event: QueueStatus", PascalCase. MaxWaitTime in seconds. */
export const QUEUE_STATUS_PASCAL = {
  MaxWaitTime: 42,
  NbrOfAgentsCheckedInQueue: 7,
  NbrOfAgentsImmediatelyFree: 3,
  NbrOfAgentsLongTermAway: 1,
  NbrOfAgentsOnWrapUp: 1,
  NbrOfAgentsShortTermAway: 2,
  NbrOfAllocated: 1,
  NbrOfConnected: 2,
  NbrOfNotServedRequesters: 4,
  NbrOfProviders: 7,
  NbrOfQueuingRequesters: 4,
  NbrOfRequesters: 6,
  NbrOfServingAgentsEstimate: 5,
  OpenStatus: 5,
  OrganizationId: ORG,
  QueueId: QUEUE_ID,
  QueueName: 'Switchboard',
} as const;

/** Every property of "Event: UserStatus", PascalCase. */
export const USER_STATUS_PASCAL = {
  ActiveQueues: 2,
  Available: true,
  CanBeAllocatedTo: true,
  OrganizationId: ORG,
  ParkedCalls: 0,
  Schedule: true,
  ServiceTerminals: 1,
  Serving: true,
  ServingCallback: false,
  Talking: false,
  UserId: USER_ID,
  WrapUpEnd: null,
} as const;

/** Every property of "Event: UserAvailability", PascalCase. EndTime = DateTime.MaxValue (continuous state). */
export const USER_AVAILABILITY_PASCAL = {
  Availability: 'Available',
  EndTime: '9999-12-31T23:59:59.9999999',
  EventSource: 'User',
  Note: '',
  OrganizationId: ORG,
  ProfileId: '0b0b0b0b-0000-4000-8000-000000000002',
  StartTime: '2026-11-22T02:00:00Z',
  UserId: USER_ID,
  UserName: 'ann.lee@example.com',
} as const;

/** The same object with each property name's first letter lower-cased (ASP.NET Core default). */
export function camelCased(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k.charAt(0).toLowerCase() + k.slice(1)] = v;
  return out;
}

/** A `MessageReceived` argument; `eventName` lower-cased like the hub sends it unless given otherwise. */
export function message(eventName: string, entityId: string, data: unknown, pascalEnvelope = false): Record<string, unknown> {
  return pascalEnvelope
    ? { Subscription: { EntityId: entityId, EventName: eventName }, Data: data }
    : { subscription: { entityId, eventName: eventName.toLowerCase() }, data };
}
