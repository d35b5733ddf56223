/**
 * Fuzz properties of the Enreach RTE wire (rte-enreach-realtime-engine-signalr.txt
 * "Subscription validation and authorization", "Event: QueueStatus", "Event: UserStatus",
 * "Event: UserAvailability"; NOTES.md §1), shared by `rte.fuzz.test.ts` and
 * `bench/fuzz.bench.ts`. The board path behind the SignalR client: a `MessageReceived`
 * argument → `parseMessageReceived` → RTE mapper (with the board's subscriptions) → the
 * connector edge (`guardEmit`) → the events the stores receive; and a `Subscribe` answer →
 * `parseSubscriptionResults` → mapper.
 */
import fc from 'fast-check';
import type { DomainEvent } from '../../domain';
import { guardEmit } from '../transport/edge';
import { PROTO_KEYS, dataEvents, fuzzProperty, hostileJson, hostileString, interleaved, withOwnProto, type FuzzProperty } from '../transport/fuzz.test-support';
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
import { createRteMapper } from './rte-mapper';
import { RTE_EVENT_NAMES } from './rte-tables';
import { parseMessageReceived, parseSubscriptionResults } from './rte-wire';

const AT = 1_795_314_800_000;
const OTHER_ID = 'deadbeef-0000-4000-8000-000000000000';

/** Valid `MessageReceived` arguments: the vendor tables' every property, PascalCase and camelCase (ASP.NET Core). */
export const RTE_VALID: readonly unknown[] = [
  message('QueueStatus', QUEUE_ID, camelCased({ ...QUEUE_STATUS_PASCAL })),
  message('UserAvailability', USER_ID, camelCased({ ...USER_AVAILABILITY_PASCAL })),
  message('UserStatus', USER_ID, { ...USER_STATUS_PASCAL }, true),
  message('QueueStatus', QUEUE_ID, { ...QUEUE_STATUS_PASCAL, NbrOfQueuingRequesters: 0, MaxWaitTime: 0 }, true),
  message('UserStatus', USER_ID, camelCased({ ...USER_STATUS_PASCAL, Talking: true })),
  message('UserAvailability', USER_ID, { ...USER_AVAILABILITY_PASCAL, Availability: 'DoNotDisturb', Note: 'Dentist' }),
  message('QueueStatus', QUEUE_ID, camelCased({ ...QUEUE_STATUS_PASCAL, NbrOfQueuingRequesters: 7, QueueName: 'Switchboard & Co <b>' })),
];

const KNOWN = new Set(RTE_EVENT_NAMES.map((n) => n.toLowerCase()));
const SUBSCRIBED = new Set([`queuestatus|${QUEUE_ID}`, `useravailability|${USER_ID}`, `userstatus|${USER_ID}`]);

/**
 * Garbage the mapper must reject as a whole (one counted `ingest.error`, nothing created):
 * not an object, no subscription, no event name or entity id, an event the document does
 * not have, no data object, data without one valid documented property, and a valid
 * message for an entity the board did not subscribe.
 */
export const rteRejected: fc.Arbitrary<unknown> = fc.oneof(
  fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 3 })),
  fc.dictionary(fc.string().filter((k) => k.toLowerCase() !== 'subscription'), fc.jsonValue(), { maxKeys: 3 }),
  fc.record({ subscription: fc.oneof(fc.jsonValue(), fc.record({ entityId: fc.constant(QUEUE_ID), eventName: fc.constantFrom('', '  ', 7, null) })), data: fc.jsonValue() }),
  fc.tuple(hostileString.filter((n) => n.trim() !== '' && !KNOWN.has(n.toLowerCase())), fc.jsonValue()).map(([n, d]) => message(n, QUEUE_ID, d)),
  fc.tuple(fc.constantFrom('QueueStatus', 'UserStatus', 'UserAvailability'), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer()), fc.constant('not json'))).map(([n, d]) =>
    message(n, n === 'QueueStatus' ? QUEUE_ID : USER_ID, d),
  ),
  fc.constantFrom('QueueStatus', 'UserStatus', 'UserAvailability').map((n) => message(n, n === 'QueueStatus' ? QUEUE_ID : USER_ID, { nbrOfQueuingRequesters: 'many', talking: 'yes', availability: 42, bogus: 1 })),
  fc.constantFrom(...RTE_VALID).map((m) => {
    const o = m as { subscription?: Record<string, unknown>; Subscription?: Record<string, unknown> };
    const sub = o.subscription ?? o.Subscription ?? {};
    return { ...o, ...(o.subscription ? { subscription: { ...sub, entityId: OTHER_ID } } : { Subscription: { ...sub, EntityId: OTHER_ID } }) };
  }),
);

/** Anything a broken or hostile hub may send: valid messages with properties replaced by hostile values, own __proto__ keys, free input. */
export const rteHostile: fc.Arbitrary<unknown> = fc.oneof(
  rteRejected,
  hostileJson,
  fc.constantFrom(...RTE_VALID).map((m) => withOwnProto(m as Record<string, unknown>)),
  fc.tuple(fc.constantFrom(...RTE_VALID), fc.array(fc.tuple(fc.constantFrom('nbrOfQueuingRequesters', 'maxWaitTime', 'queueName', 'talking', 'wrapUpEnd', 'availability', 'startTime', 'note', 'userName', 'userId', ...PROTO_KEYS), fc.oneof(hostileJson, hostileString)), { minLength: 1, maxLength: 3 })).map(
    ([m, edits]) => {
      const o = m as { subscription?: unknown; Subscription?: unknown; data?: Record<string, unknown>; Data?: Record<string, unknown> };
      const data: Record<string, unknown> = { ...(o.data ?? o.Data) };
      for (const [k, v] of edits) Object.defineProperty(data, k, { value: v, enumerable: true, writable: true, configurable: true });
      return o.data ? { ...o, data } : { ...o, Data: data };
    },
  ),
);

/** A fresh RTE pipeline (parser → mapper with the board's subscriptions → edge); `deliver` returns what one message emitted. */
export function rteBoard(isSubscribed: (ev: string, id: string) => boolean = (ev, id) => SUBSCRIBED.has(`${ev}|${id}`)) {
  const out: DomainEvent[] = [];
  const emit = guardEmit('rte', (es) => out.push(...es), () => AT);
  const mapper = createRteMapper({ maxWaitTimeUnit: 'seconds', isSubscribed });
  const deliver = (arg: unknown): DomainEvent[] => {
    const from = out.length;
    emit(mapper.message(parseMessageReceived(arg), AT));
    return out.slice(from);
  };
  return { deliver, out, mapper, emit };
}

function run(args: readonly unknown[]): string {
  const b = rteBoard();
  for (const a of args) b.deliver(a);
  return JSON.stringify(dataEvents(b.out));
}

const GARBAGE_FREE = run(RTE_VALID);

/** The RTE properties (names are the test names). */
export const RTE_FUZZ_PROPERTIES: readonly FuzzProperty[] = [
  fuzzProperty('parseMessageReceived and parseSubscriptionResults never throw on any value', fc.oneof(rteHostile, fc.constantFrom(JSON.parse(VENDOR_SUBSCRIPTION_RESULT) as unknown, JSON.parse(VENDOR_UNSUBSCRIBE_RESULT) as unknown)), (arg) => {
    const r = parseMessageReceived(arg);
    if (!r.ok && !r.issue.code) throw new Error('failure without a code');
    const s = parseSubscriptionResults(arg);
    const b = rteBoard();
    b.emit(b.mapper.subscriptionResults(s, AT));
    if (s.issues.length > 0 && !b.out.some((e) => e.kind === 'ingest.error')) throw new Error('a bad subscription answer was not counted');
  }),
  fuzzProperty('every message the parser rejects or finds fault with is counted in connection health, never thrown', rteHostile, (arg) => {
    const emitted = rteBoard().deliver(arg);
    const r = parseMessageReceived(arg);
    if ((!r.ok || r.issues.length > 0) && !emitted.some((e) => e.kind === 'ingest.error')) throw new Error(`not counted: ${String(JSON.stringify(arg)).slice(0, 200)}`);
  }),
  fuzzProperty('a rejected message emits exactly one ingest.error and nothing else', rteRejected, (arg) => {
    const emitted = rteBoard().deliver(arg);
    if (emitted.length !== 1 || emitted[0]?.kind !== 'ingest.error') throw new Error(`emitted ${JSON.stringify(emitted).slice(0, 300)}`);
  }),
  fuzzProperty('valid vendor messages interleaved with garbage are ALL applied, exactly as without the garbage', interleaved(RTE_VALID.length, rteRejected), (steps) => {
    const b = rteBoard();
    let garbage = 0;
    let errors = 0;
    for (const st of steps) {
      if ('valid' in st) b.deliver(RTE_VALID[st.valid]);
      else {
        garbage += 1;
        errors += b.deliver(st.garbage).filter((e) => e.kind === 'ingest.error').length;
      }
    }
    if (errors !== garbage) throw new Error(`${garbage} garbage messages, ${errors} counted`);
    if (JSON.stringify(dataEvents(b.out)) !== GARBAGE_FREE) throw new Error('the valid messages were not applied as in the garbage-free run');
  }),
];
