/**
 * Fuzz properties of the OpenMethods UCCX Report Server events as the broker carries them
 * (openmethods-uccx-report-server.txt "Report Events": `{"name":"report.teamstatus.…","data":
 * {"agentId":…,"team":{"teamId":…,"teamName":…,"members":[{memberId, memberType, memberName,
 * status, reason}]}}}`; NOTES.md §5), shared by `uccx.fuzz.test.ts` and `bench/fuzz.bench.ts`.
 * The whole board path: a broker body → `parseUccxEvent` → UCCX mapper → the connector edge
 * (`guardEmit`) → the events the teams store receives.
 */
import fc from 'fast-check';
import type { DomainEvent } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import { fakeStompSession } from '../stomp/fake-session.test-support';
import { guardEmit } from '../transport/edge';
import { PROTO_KEYS, dataEvents, fuzzProperty, hostileJson, hostileString, interleaved, withOwnProto, type FuzzProperty } from '../transport/fuzz.test-support';
import { uccxConfigSchema } from './config';
import { createUccxConnector } from './uccx-connector';
import { UCCX_EVENT_NAMES, parseUccxEvent } from './uccx-wire';

const EVENTS = '/topic/openmethods.events';

const member = (memberId: string, status: string, reason: string | number = '', memberType = 'Agent') => ({ memberId, memberType, memberName: `Name ${memberId}`, status, reason });
/** A report event of supervisor `sup1`, with the vendor document's fields. */
export const uccxEvent = (name: string, team: unknown, agentId: unknown = 'sup1'): string => JSON.stringify({ name, data: { agentId, team } });

/** Valid bodies: each of the six events of the vendor document, with its fields. */
export const UCCX_VALID: readonly string[] = [
  uccxEvent('report.teamstatus.teamadded', { teamId: 't1', teamName: 'Sales', members: [member('a1', 'ready'), member('a2', 'not_ready', '32'), member('s1', 'ready', '', 'Supervisor')] }),
  uccxEvent('report.teamstatus.memberadded', { teamId: 't1', teamName: 'Sales', members: [member('a3', 'ACW', '', 'TeamLead')] }),
  uccxEvent('report.teamstatus.memberstatuschanged', { teamId: 't1', teamName: 'Sales', members: [member('a1', 'not_ready', 99)] }),
  uccxEvent('report.teamstatus.memberremoved', { teamId: 't1', teamName: 'Sales', members: [{ memberId: 's1' }] }),
  uccxEvent('report.teamstatus.teamchanged', { teamId: 't1', teamName: 'Sales East' }),
  uccxEvent('report.teamstatus.teamadded', { teamId: 't2', teamName: 'Care', members: [member('b1', 'ready')] }),
  uccxEvent('report.teamstatus.teamremoved', { teamId: 't2', teamName: 'Care' }),
];

const notJson = fc.string().filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});

/**
 * Garbage the connector must reject as a whole (one counted `ingest.error`, nothing
 * applied): not JSON, not an object, no or an unknown event name, no supervisor id, a team
 * that is not an object or has no id, members that are not a list.
 */
export const uccxRejected: fc.Arbitrary<string> = fc.oneof(
  notJson,
  fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)).map((v) => JSON.stringify(v)),
  fc.dictionary(fc.string().filter((k) => k !== 'name'), fc.jsonValue(), { maxKeys: 3 }).map((o) => JSON.stringify(o)),
  fc.tuple(hostileString.filter((n) => !(UCCX_EVENT_NAMES as readonly string[]).includes(n)), fc.jsonValue()).map(([n, t]) => uccxEvent(n, t)),
  fc.tuple(fc.constantFrom(...UCCX_EVENT_NAMES), fc.oneof(fc.constant(''), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }))).map(([n, id]) => uccxEvent(n, { teamId: 't1', members: [] }, id)),
  fc.tuple(fc.constantFrom(...UCCX_EVENT_NAMES), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 2 }))).map(([n, t]) => uccxEvent(n, t)),
  fc.tuple(fc.constantFrom(...UCCX_EVENT_NAMES), fc.oneof(fc.constant(''), fc.integer(), fc.constant(null))).map(([n, id]) => uccxEvent(n, { teamId: id, teamName: 'x', members: [] })),
  fc.tuple(fc.constantFrom('report.teamstatus.teamadded', 'report.teamstatus.memberadded', 'report.teamstatus.memberstatuschanged', 'report.teamstatus.memberremoved'), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }))).map(([n, m]) =>
    uccxEvent(n, { teamId: 't1', teamName: 'Sales', members: m }),
  ),
);

/** Anything a broken or hostile relay may send: valid bodies with fields replaced by hostile values, own __proto__ keys, free input. */
export const uccxHostile: fc.Arbitrary<string> = fc.oneof(
  uccxRejected,
  hostileString,
  hostileJson.map((v) => JSON.stringify(v) ?? 'undefined'),
  fc.constantFrom(...UCCX_VALID).map((b) => JSON.stringify(withOwnProto(JSON.parse(b) as Record<string, unknown>))),
  fc.tuple(fc.constantFrom(...UCCX_VALID), fc.array(fc.tuple(fc.constantFrom('memberId', 'memberType', 'memberName', 'status', 'reason', ...PROTO_KEYS), fc.oneof(hostileJson, hostileString)), { minLength: 1, maxLength: 3 })).map(([b, edits]) => {
    const o = JSON.parse(b) as { data: { team: { members?: Record<string, unknown>[] } } };
    const ms = o.data.team.members ?? [{}];
    const m: Record<string, unknown> = { ...ms[0] };
    for (const [k, v] of edits) Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
    return JSON.stringify({ ...o, data: { ...o.data, team: { ...o.data.team, members: [m, ...ms.slice(1)] } } });
  }),
  fc.tuple(fc.constantFrom(...UCCX_VALID), fc.constantFrom('teamId', 'teamName', ...PROTO_KEYS), fc.oneof(hostileJson, hostileString)).map(([b, k, v]) => {
    const o = JSON.parse(b) as { data: { team: Record<string, unknown> } };
    const team: Record<string, unknown> = { ...o.data.team };
    Object.defineProperty(team, k, { value: v, enumerable: true, writable: true, configurable: true });
    return JSON.stringify({ ...o, data: { ...o.data, team } });
  }),
);

/** A fresh uccx pipeline (connector → edge); `deliver` returns what one input emitted, `out` everything so far. */
export function uccxBoard() {
  const scheduler = createFakeScheduler(Date.parse('2026-12-01T09:00:00.000Z'));
  const s = fakeStompSession({ state: 'idle', connects: 0 });
  const out: DomainEvent[] = [];
  const config = uccxConfigSchema.parse({ brokerUrls: ['/stomp'], supervisorAgentIds: ['sup1'], reasonLabels: { '32': 'Lunch' }, requestTimeoutMs: 2_000 });
  const c = createUccxConnector(config, guardEmit('uccx', (es) => out.push(...es), scheduler.wallNow), { session: s.session, scheduler, clientId: 'board' });
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
  const b = uccxBoard();
  for (const body of bodies) b.deliver(body);
  return JSON.stringify(dataEvents(b.out));
}

const GARBAGE_FREE = run(UCCX_VALID);

/** The UCCX properties (names are the test names). */
export const UCCX_FUZZ_PROPERTIES: readonly FuzzProperty[] = [
  fuzzProperty('parseUccxEvent never throws on any text, and a failure names a code', uccxHostile, (body) => {
    const r = parseUccxEvent(body);
    if (!r.ok && !r.code) throw new Error('failure without a code');
  }),
  fuzzProperty('every body the parser rejects or finds fault with is counted in connection health, never thrown', uccxHostile, (body) => {
    const emitted = uccxBoard().deliver(body);
    const r = parseUccxEvent(body);
    if ((!r.ok || r.event.memberErrors.length > 0) && !emitted.some((e) => e.kind === 'ingest.error')) throw new Error(`not counted: ${body.slice(0, 200)}`);
  }),
  fuzzProperty('a rejected body emits exactly one ingest.error and nothing else', uccxRejected, (body) => {
    const emitted = uccxBoard().deliver(body);
    if (emitted.length !== 1 || emitted[0]?.kind !== 'ingest.error') throw new Error(`emitted ${JSON.stringify(emitted).slice(0, 300)}`);
  }),
  fuzzProperty('valid vendor messages interleaved with garbage are ALL applied, exactly as without the garbage', interleaved(UCCX_VALID.length, uccxRejected), (steps) => {
    const b = uccxBoard();
    let garbage = 0;
    let errors = 0;
    for (const st of steps) {
      if ('valid' in st) b.deliver(UCCX_VALID[st.valid]!);
      else {
        garbage += 1;
        errors += b.deliver(st.garbage).filter((e) => e.kind === 'ingest.error').length;
      }
    }
    if (errors !== garbage) throw new Error(`${garbage} garbage bodies, ${errors} counted`);
    if (JSON.stringify(dataEvents(b.out)) !== GARBAGE_FREE) throw new Error('the valid messages were not applied as in the garbage-free run');
  }),
];
