/**
 * Fuzz properties of the Business ConneCT relay wire (bct-business-connect-adapter.txt
 * "Events"; the envelope of NOTES.md §4), shared by `bct.fuzz.test.ts` and
 * `bench/fuzz.bench.ts`. The whole board path: a broker body → `parseBctEvent` → BCT mapper
 * → the connector edge (`guardEmit`) → the events the stores receive.
 */
import fc from 'fast-check';
import type { DomainEvent } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import { fakeStompSession } from '../stomp/fake-session.test-support';
import { guardEmit } from '../transport/edge';
import { PROTO_KEYS, dataEvents, fuzzProperty, hostileJson, hostileString, interleaved, withOwnProto, type FuzzProperty } from '../transport/fuzz.test-support';
import { bctConfigSchema } from './config';
import { createBctConnector } from './bct-connector';
import { BCT_EVENT_NAMES, parseBctEvent } from './bct-wire';

const EVENTS = '/topic/uip.bct.events';

/** The relay's envelope (NOTES.md §4) around one adapter event. */
export const bctEnvelope = (event: string, properties: unknown, instance = 'BCT1'): string =>
  JSON.stringify({ adapter: 'BusinessConnect', instance, event, timestamp: '2026-12-01T09:00:00.000Z', properties });

/**
 * Valid bodies: every event of the vendor document with the fields of its table, as the
 * adapter sends them (numbers as strings, dates `M/d/yyyy h:mm:ss a`), the alarm text the
 * document gives as its example.
 */
export const BCT_VALID: readonly string[] = [
  bctEnvelope('RouterStatus', { routerName: 'Sales', maxWaitingTime: '42', queueLength: '3', idleAgents: '1', loggedOnAgents: '7', notReadyAgents: '2', workingAgents: '4', activeAgents: '3', inactiveAgents: '0' }),
  bctEnvelope('ConnectionStatus', { status: true, bctServerAddress: '10.128.122.67', bctServerPort: '32011' }),
  bctEnvelope('AlarmNotification', { id: '2101', source: '[Monitoring Service]', message: 'Connection failed to PBX: Headq1 - 10.128.122.67', dateTime: '8/5/2018 3:37:13 PM', resolved: false, activeAlarms: '1' }),
  bctEnvelope('EmergencyCall', { calledEmergencyNumber: '112', callingNumber: '2001', callerName: 'Ann Lee', callerLocation: 'Floor 2' }),
  bctEnvelope('WebChatRequest', { sessionId: 'c-1', initiator: 'Max Muster', email: 'max@example.com', router: 'Chat', language: 'en' }),
  bctEnvelope('WebChatMessage', { sessionId: 'c-1', message: 'Hello?', senderName: 'Max Muster', isSenderAgent: false, agentRequested: true, agentJoined: false, externalId: 'x-9' }),
  bctEnvelope('RouterStatus', { routerName: 'Sales', maxWaitingTime: '0', queueLength: '0' }),
  bctEnvelope('WebChatChoiceAnswer', { sessionId: 'c-1', choiceAnswer: 'Invoice', senderName: 'Max Muster', externalId: 'x-9' }),
  bctEnvelope('AlarmNotification', { id: '2101', source: '[Monitoring Service]', message: 'Connection failed to PBX: Headq1 - 10.128.122.67', dateTime: '8/5/2018 3:39:00 PM', resolved: true, activeAlarms: '0' }),
  bctEnvelope('WebChatSessionEnded', { sessionId: 'c-1', externalId: 'x-9' }),
];

const KNOWN = new Set(BCT_EVENT_NAMES.map((n) => n.toLowerCase()));

/**
 * Garbage the connector must reject as a whole (one counted `ingest.error`, nothing
 * applied): not JSON, JSON that is not an object, no event name, an unknown event, an own
 * `__proto__` key in the envelope or its properties, properties that are not an object, an
 * event without its identifying field (routerName, sessionId, alarm id).
 */
export const bctRejected: fc.Arbitrary<string> = fc.oneof(
  fc.string().filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
  fc.oneof(fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))).map((v) => JSON.stringify(v)),
  fc.record({ adapter: hostileString, instance: fc.constant('BCT1'), properties: fc.jsonValue() }).map((o) => JSON.stringify(o)),
  fc.tuple(hostileString.filter((n) => n.trim() !== '' && !KNOWN.has(n.trim().toLowerCase())), fc.jsonValue()).map(([n, p]) => bctEnvelope(n, p)),
  fc.tuple(fc.constantFrom(...BCT_VALID)).map(([b]) => JSON.stringify(withOwnProto(JSON.parse(b) as Record<string, unknown>))),
  fc.tuple(fc.constantFrom(...BCT_VALID)).map(([b]) => {
    const o = JSON.parse(b) as { properties: Record<string, unknown> };
    return JSON.stringify({ ...o, properties: withOwnProto(o.properties) });
  }),
  fc.tuple(fc.constantFrom(...BCT_EVENT_NAMES), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.jsonValue(), { maxLength: 3 }))).map(([n, p]) => bctEnvelope(n, p)),
  fc.constantFrom('RouterStatus', 'WebChatRequest', 'WebChatMessage', 'WebChatChoiceAnswer', 'WebChatSessionEnded', 'AlarmNotification').map((n) => bctEnvelope(n, { message: 'no id' })),
);

/** Anything a broken or hostile relay may send: valid bodies with properties replaced by hostile values, and free input. */
export const bctHostile: fc.Arbitrary<string> = fc.oneof(
  bctRejected,
  hostileString,
  hostileJson.map((v) => JSON.stringify(v) ?? 'undefined'),
  fc.tuple(fc.constantFrom(...BCT_VALID), fc.array(fc.tuple(fc.constantFrom('routerName', 'queueLength', 'maxWaitingTime', 'status', 'id', 'source', 'message', 'dateTime', 'resolved', 'sessionId', 'initiator', 'callerName', 'callingNumber', ...PROTO_KEYS), hostileJson), { minLength: 1, maxLength: 3 })).map(
    ([b, edits]) => {
      const o = JSON.parse(b) as { properties: Record<string, unknown> };
      const props: Record<string, unknown> = { ...o.properties };
      for (const [k, v] of edits) Object.defineProperty(props, k, { value: v, enumerable: true, writable: true, configurable: true });
      return JSON.stringify({ ...o, properties: props });
    },
  ),
);

/** A fresh bct pipeline (connector → edge); `deliver` returns what one input emitted, `out` everything so far. */
export function bctBoard() {
  const scheduler = createFakeScheduler(Date.parse('2026-12-01T09:00:00.000Z'));
  const s = fakeStompSession({ state: 'idle', connects: 0 });
  const out: DomainEvent[] = [];
  const config = bctConfigSchema.parse({ brokerUrls: ['/stomp'], instance: 'BCT1', agentNames: ['anna.berg'], notReadyReasons: ['Lunch'], timeZone: 'Europe/Berlin', webChat: { agentName: 'Service Desk', routerName: 'Chat' } });
  const c = createBctConnector(config, guardEmit('bct', (es) => out.push(...es), scheduler.wallNow), { session: s.session, scheduler, clientId: 'board' });
  c.start();
  s.setStatus({ state: 'connected', connects: 1 });
  out.length = 0;
  const deliver = (body: string): DomainEvent[] => {
    const from = out.length;
    s.deliver(EVENTS, body);
    return out.slice(from);
  };
  return { deliver, out };
}

function run(bodies: readonly string[]): string {
  const b = bctBoard();
  for (const body of bodies) b.deliver(body);
  return JSON.stringify(dataEvents(b.out));
}

const GARBAGE_FREE = run(BCT_VALID);

/** The BCT properties (names are the test names). */
export const BCT_FUZZ_PROPERTIES: readonly FuzzProperty[] = [
  fuzzProperty('parseBctEvent never throws on any text, and a failure names a code', bctHostile, (body) => {
    const r = parseBctEvent(body);
    if (!r.ok && !r.issue.code) throw new Error('failure without a code');
  }),
  fuzzProperty('every body the parser rejects or finds fault with is counted in connection health, never thrown', bctHostile, (body) => {
    const emitted = bctBoard().deliver(body);
    const r = parseBctEvent(body);
    if ((!r.ok || r.issues.length > 0) && !emitted.some((e) => e.kind === 'ingest.error')) throw new Error(`not counted: ${body.slice(0, 200)}`);
  }),
  fuzzProperty('a rejected body emits exactly one ingest.error and nothing else', bctRejected, (body) => {
    const emitted = bctBoard().deliver(body);
    if (emitted.length !== 1 || emitted[0]?.kind !== 'ingest.error') throw new Error(`emitted ${JSON.stringify(emitted).slice(0, 300)}`);
  }),
  fuzzProperty('valid vendor messages interleaved with garbage are ALL applied, exactly as without the garbage', interleaved(BCT_VALID.length, bctRejected), (steps) => {
    const b = bctBoard();
    let garbage = 0;
    let errors = 0;
    for (const st of steps) {
      if ('valid' in st) b.deliver(BCT_VALID[st.valid]!);
      else {
        garbage += 1;
        errors += b.deliver(st.garbage).filter((e) => e.kind === 'ingest.error').length;
      }
    }
    if (errors !== garbage) throw new Error(`${garbage} garbage bodies, ${errors} counted`);
    if (JSON.stringify(dataEvents(b.out)) !== GARBAGE_FREE) throw new Error('the valid messages were not applied as in the garbage-free run');
  }),
];
