/**
 * Fuzz properties of the Generic Connector wire (gc-generic-connector-activemq.txt "Events";
 * NOTES.md §3), shared by `gc.fuzz.test.ts` and `bench/fuzz.bench.ts`. The whole board path
 * is exercised: a broker body → `parseGcEvent` → GC mapper → the connector edge
 * (`guardEmit`) → the events the stores receive.
 */
import fc from 'fast-check';
import type { DomainEvent } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import { fakeStompSession } from '../stomp/fake-session.test-support';
import { guardEmit } from '../transport/edge';
import { PROTO_KEYS, dataEvents, fuzzProperty, hostileJson, hostileString, interleaved, type FuzzProperty } from '../transport/fuzz.test-support';
import type { GcConnectorConfig } from './config';
import { createGcConnector } from './gc-connector';
import {
  CONTACTS_TEMPLATE,
  ERROR_EVENT,
  PHONEBOOKS_TEMPLATE,
  PHONEBOOK_VALUES,
  QUEUELIST_UCCE,
  QUEUELIST_UCCX,
  TEAMUSERSLIST,
  agentInfoAgentBody,
  agentInfoSupervisorBody,
  fill,
  stateBody,
} from './gc-fixtures.test-data';
import { parseGcEvent } from './gc-wire';

const TOPIC = '/topic/gc.events';

const CONFIG: GcConnectorConfig = {
  enabled: true,
  brokerUrls: ['ws://broker.invalid:61614'],
  eventsDestination: TOPIC,
  commandsDestination: '/queue/gc.requests',
  supervisorLoginId: 'sup9001',
  agentLoginIds: ['agent2001'],
  verbs: { ready: 'READY', notReady: 'NOT_READY', logout: 'LOGOUT', login: 'LOGIN', phonebooks: 'GETPHONEBOOKS', teamPhonebooks: 'GETTEAMPHONEBOOKS', phonebookContacts: 'GETPHONEBOOKCONTACTS' },
  agentDesk: false,
  commandTimeoutMs: 8_000,
  heartbeatMs: 10_000,
  staleAfterMs: 30_000,
};

/** Valid bodies, every one built from the vendor document's own templates (gc-fixtures.test-data.ts). */
export const GC_VALID: readonly string[] = [
  agentInfoSupervisorBody(),
  agentInfoAgentBody(),
  agentInfoAgentBody({ agent_login_Id: 'agent2002', agent_first_name: 'Bob', agent_full_name: 'Bob Ray', agent_login_name: 'bob.ray' }),
  TEAMUSERSLIST,
  QUEUELIST_UCCE,
  stateBody(),
  stateBody({ agent_login_Id: 'agent2002', agent_current_state: 'READY', resonCodeId: '', agent_StateChangeReasonLabel: '' }),
  stateBody({ agent_current_state: 'TALKING', resonCodeId: '-1', agent_StateChangeReasonLabel: '', agent_StateChangeTime: '1795314700000' }),
  fill(PHONEBOOKS_TEMPLATE, PHONEBOOK_VALUES),
  fill(CONTACTS_TEMPLATE, PHONEBOOK_VALUES),
  ERROR_EVENT,
  QUEUELIST_UCCX,
];

const KNOWN_EVENTS = new Set(['State', 'AgentInfo', 'QueueList', 'TeamUsersList', 'Error', 'Phonebooks', 'TeamPhoneBooks', 'PhonebookContacts']);
const noHash = (s: string) => !s.includes('#');

/**
 * Garbage the connector must reject as a whole (one counted `ingest.error`, nothing
 * applied): text without `#`, an empty login id, an event name GC does not have, a
 * State / AgentInfo with the wrong number of fields, an empty body.
 */
export const gcRejected: fc.Arbitrary<string> = fc.oneof(
  fc.string().filter(noHash),
  fc.constantFrom('', '   ', '\n'),
  fc.tuple(hostileString.filter(noHash), hostileString.filter((s) => noHash(s) && !KNOWN_EVENTS.has(s)), fc.array(hostileString, { maxLength: 4 })).map(
    ([id, name, rest]) => [id.trim() === '' ? 'x' : id, name, ...rest].join('#'),
  ),
  fc.tuple(fc.constantFrom(...PROTO_KEYS, 'agent2001', 'sup9001'), fc.array(hostileString.filter(noHash), { maxLength: 20 }).filter((a) => a.length !== 11)).map(
    ([id, fields]) => [id, 'State', ...fields].join('#'),
  ),
  fc.tuple(fc.constantFrom('agent2001', 'sup9001'), fc.array(hostileString.filter(noHash), { maxLength: 14 }).filter((a) => a.length !== 7 && a.length !== 9)).map(
    ([id, fields]) => [id, 'AgentInfo', ...fields].join('#'),
  ),
  fc.tuple(hostileString.filter(noHash), fc.constantFrom(...KNOWN_EVENTS)).map(([name, ev]) => ` #${ev}#${name}`),
);

/** Anything a broken or hostile GC may send: valid bodies with fields replaced, added or removed, and free text. */
export const gcHostile: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  gcRejected,
  fc.tuple(fc.constantFrom(...GC_VALID), fc.array(fc.tuple(fc.nat(), hostileString), { minLength: 1, maxLength: 3 }), fc.integer({ min: -2, max: 2 })).map(
    ([body, edits, grow]) => {
      const f = body.split('#');
      for (const [i, v] of edits) f[i % f.length] = v;
      if (grow > 0) f.push(...Array.from({ length: grow }, () => 'x'));
      if (grow < 0) f.length = Math.max(1, f.length + grow);
      return f.join('#');
    },
  ),
  // Hostile keys and values inside the key:value lists (QueueList, TeamUsersList, phonebooks).
  fc.tuple(fc.constantFrom(QUEUELIST_UCCE, TEAMUSERSLIST, QUEUELIST_UCCX), fc.constantFrom(...PROTO_KEYS, 'queue_name', 'LoginID', 'queue_1_Name'), hostileString.filter(noHash)).map(
    ([body, key, value]) => `${body},${key}:${value}|${key}:${value.replaceAll('|', '')}`,
  ),
);

/** A fresh gc pipeline (connector → edge); `deliver` returns what one input emitted, `out` everything so far. */
export function gcBoard(over: Partial<GcConnectorConfig> = {}) {
  const scheduler = createFakeScheduler(1_795_314_800_000);
  const s = fakeStompSession({ state: 'idle', connects: 0 });
  const out: DomainEvent[] = [];
  const c = createGcConnector({ ...CONFIG, ...over }, guardEmit('gc', (es) => out.push(...es), scheduler.wallNow), { session: s.session, scheduler });
  c.start();
  s.setStatus({ state: 'connected', connects: 1 });
  out.length = 0;
  /** Delivers one body; returns what it emitted. */
  const deliver = (body: string): DomainEvent[] => {
    const from = out.length;
    s.deliver(TOPIC, body);
    return out.slice(from);
  };
  return { deliver, out };
}

/** The data events of a run over `bodies`, as JSON (order and content must match exactly). */
function run(bodies: readonly string[]): string {
  const b = gcBoard();
  for (const body of bodies) b.deliver(body);
  return JSON.stringify(dataEvents(b.out));
}

const GARBAGE_FREE = run(GC_VALID);

/** The GC properties (names are the test names). */
export const GC_FUZZ_PROPERTIES: readonly FuzzProperty[] = [
  fuzzProperty('parseGcEvent never throws on any value, and a failure names a code', fc.oneof(hostileJson, gcHostile), (body) => {
    const r = parseGcEvent(body);
    if (!r.ok && !r.issue.code) throw new Error('failure without a code');
  }),
  fuzzProperty('every body the parser rejects or finds fault with is counted in connection health, never thrown', gcHostile, (body) => {
    const b = gcBoard();
    const emitted = b.deliver(body);
    const r = parseGcEvent(body);
    const faulty = !r.ok || r.issues.length > 0;
    if (faulty && !emitted.some((e) => e.kind === 'ingest.error')) throw new Error(`not counted: ${JSON.stringify(body).slice(0, 200)}`);
  }),
  fuzzProperty('a rejected body emits exactly one ingest.error and nothing else', gcRejected, (body) => {
    const emitted = gcBoard().deliver(body);
    if (emitted.length !== 1 || emitted[0]?.kind !== 'ingest.error') throw new Error(`emitted ${JSON.stringify(emitted).slice(0, 300)}`);
  }),
  fuzzProperty('valid vendor messages interleaved with garbage are ALL applied, exactly as without the garbage', interleaved(GC_VALID.length, gcRejected), (steps) => {
    const b = gcBoard();
    let garbage = 0;
    let errors = 0;
    for (const st of steps) {
      if ('valid' in st) b.deliver(GC_VALID[st.valid]!);
      else {
        garbage += 1;
        errors += b.deliver(st.garbage).filter((e) => e.kind === 'ingest.error').length;
      }
    }
    if (errors !== garbage) throw new Error(`${garbage} garbage bodies, ${errors} counted`);
    const got = JSON.stringify(dataEvents(b.out));
    if (got !== GARBAGE_FREE) throw new Error('the valid messages were not applied as in the garbage-free run');
  }),
];
