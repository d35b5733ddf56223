/**
 * Prototype keys as vendor data (issue 15, "Hostile text": keys like `__proto__` and
 * `constructor` change no object prototype). Every backend's valid vendor messages (the
 * fuzz fixtures, built from the vendor documents) are sent again with their entity ids —
 * agents, queues, routers, alarms, chat sessions, work items, UCCX teams and members — replaced by `__proto__`,
 * `constructor` and `prototype`, through the whole path: connector → edge → every store
 * slice's reducer. Nothing may touch `Object.prototype`; each such id is an ordinary id in
 * the stores (or refused with a counted error), and no reducer throws.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../domain';
import { SLICES, SLICES_BY_KIND } from '../stores/slices';
import { BCT_VALID, bctBoard } from './bct/bct-fuzz.test-support';
import { CIL_VALID, cilBoard } from './cil/cil-fuzz.test-support';
import { GC_VALID, gcBoard } from './gc/gc-fuzz.test-support';
import { RTE_VALID, rteBoard } from './rte/rte-fuzz.test-support';
import { UCCX_VALID, uccxBoard } from './uccx/uccx-fuzz.test-support';
import { QUEUE_ID, USER_ID } from './rte/rte-fixtures.test-data';
import { PROTO_KEYS, assertNoPrototypePollution, prototypeSnapshot } from './transport/fuzz.test-support';

/** Runs events through every slice's reducer, one event at a time (as many flushes). */
function reduceAll(events: readonly DomainEvent[]): Map<string, unknown> {
  const states = new Map<string, unknown>(SLICES.map((s) => [s.name, s.initial()]));
  for (const e of events) for (const s of SLICES_BY_KIND.get(e.kind) ?? []) states.set(s.name, s.reduce(states.get(s.name), [e]));
  return states;
}

/** Every entity id (`id` or `sessionId` of a Map value) held by the store's maps, deep. */
function idsIn(v: unknown, out = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof v !== 'object' || v === null || seen.has(v)) return out;
  seen.add(v);
  if (v instanceof Map) {
    for (const [k, x] of v) {
      if (typeof k === 'string') out.add(k);
      idsIn(x, out, seen);
    }
    return out;
  }
  for (const [k, x] of Object.entries(v)) {
    if ((k === 'id' || k === 'sessionId' || k === 'name') && typeof x === 'string') out.add(x);
    idsIn(x, out, seen);
  }
  return out;
}

const swap = (text: string, pairs: ReadonlyArray<readonly [string, string]>) => pairs.reduce((t, [a, b]) => t.replaceAll(a, b), text);
const swapJson = (v: unknown, pairs: ReadonlyArray<readonly [string, string]>): unknown => JSON.parse(swap(JSON.stringify(v), pairs));

afterEach(() => {
  assertNoPrototypePollution();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe.each(PROTO_KEYS)('%s as an entity id', (K) => {
  const before = prototypeSnapshot();

  it('GC: as an agent login id and a queue name → ordinary agent and queue', () => {
    const b = gcBoard({ agentLoginIds: [K] });
    // (without the UCCX QueueList, whose snapshot would replace the UCCE queues)
    for (const body of GC_VALID.filter((x) => !x.includes('queue_1_'))) b.deliver(swap(body, [['agent2001', K], ['queue_name:Sales', `queue_name:${K}`]]));
    const ids = idsIn(reduceAll(b.out).get('agents'));
    expect(ids).toContain(K);
    expect(idsIn(reduceAll(b.out).get('queues'))).toContain(K);
    expect(prototypeSnapshot()).toBe(before);
  });

  it('RTE: as a queue id and a user id → ordinary queue and agent', () => {
    const b = rteBoard(() => true);
    for (const m of RTE_VALID) b.deliver(swapJson(m, [[QUEUE_ID, K], [USER_ID, K]]));
    const states = reduceAll(b.out);
    expect(idsIn(states.get('queues'))).toContain(K);
    expect(idsIn(states.get('agents'))).toContain(K);
  });

  it('BCT: as a router name, an alarm id and source, and a chat session id → ordinary entities', () => {
    const b = bctBoard();
    for (const body of BCT_VALID) b.deliver(swap(body, [['"routerName":"Sales"', `"routerName":"${K}"`], ['"id":"2101"', `"id":"${K}"`], ['"c-1"', `"${K}"`]]));
    const states = reduceAll(b.out);
    expect(idsIn(states.get('routers'))).toContain(K);
    expect([...idsIn(states.get('alarms'))].some((id) => id.includes(K))).toBe(true);
    expect(idsIn(states.get('chats'))).toContain(K);
  });

  it('CIL: as a work item id, a channel id, a queue id and a call variable name → ordinary desk entries', () => {
    const b = cilBoard();
    for (const d of CIL_VALID) b.deliver(swapJson(d, [['"16777321"', `"${K}"`], ['"voice_5000"', `"${K}"`], ['"q1"', `"${K}"`], ['"callVariable1"', `"${K}"`]]) as typeof d);
    const desk = reduceAll(b.out).get('desk');
    const ids = idsIn(desk);
    expect(ids).toContain(K);
    expect(JSON.stringify(b.out.filter((e) => e.kind === 'ingest.error'))).not.toMatch(/TypeError/);
  });

  it('UCCX: as a team id and a member id → ordinary team and member', () => {
    const b = uccxBoard();
    for (const body of UCCX_VALID) b.deliver(swap(body, [['"t1"', `"${K}"`], ['"a1"', `"${K}"`]]));
    const teams = reduceAll(b.out).get('teams');
    expect(idsIn(teams)).toContain(K);
    expect(JSON.stringify(b.out.filter((e) => e.kind === 'ingest.error'))).toBe('[]');
  });

  it('own __proto__ / constructor keys inside vendor objects are data or counted, never a prototype', () => {
    const b = cilBoard();
    const hostile = JSON.parse(`{"channel":"cil-bridge","v":1,"kind":"event","name":"workitemCreate","data":${JSON.stringify(CIL_VALID[2]!.data && (CIL_VALID[2]!.data as { data: unknown }).data).replace('"ctiData":{', `"ctiData":{"${K}":{"polluted":"yes"},`)}}`) as unknown;
    const emitted = b.deliver({ origin: 'https://acme.service-now.com', from: 'parent', data: hostile });
    expect(emitted.length).toBeGreaterThan(0);
    reduceAll(b.out);
  });
});
