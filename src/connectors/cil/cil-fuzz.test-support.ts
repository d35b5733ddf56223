/**
 * Fuzz properties of the b+s Connects CIL wire as the wallboard receives it through the CIL
 * bridge (cil-bs-connects-integration-api.txt "Events", "Data reference"; the bridge
 * envelope of NOTES.md §2), shared by `cil.fuzz.test.ts` and `bench/fuzz.bench.ts`. The
 * whole desk path: a `message` event on the window → bridge transport (origin, window,
 * envelope checks) → CIL client (`parseCilEvent`) → CIL mapper → the connector edge
 * (`guardEmit`) → the events the desk store receives.
 */
import fc from 'fast-check';
import type { DomainEvent } from '../../domain';
import { createFakeScheduler } from '../../lib/scheduler';
import { guardEmit } from '../transport/edge';
import { PROTO_KEYS, dataEvents, fuzzProperty, hostileJson, hostileString, interleaved, withOwnProto, type FuzzProperty } from '../transport/fuzz.test-support';
import type { CilConnectorConfig } from './config';
import { createCilConnector } from './cil-connector';
import { AGENT_STATE_CHANGE_CCX_READY, AGENT_STATE_CHANGE_NOT_READY, errorEvent, queue, queueDataUpdate, workitem } from './cil-fixtures.test-data';
import { bridgeTransport, type CilWindow } from './cil-transport';
import { CIL_EVENT_NAMES, parseCilEvent } from './cil-wire';

const HOST = 'https://acme.service-now.com';
const CONFIG: CilConnectorConfig = { enabled: true, mode: 'bridge', allowedOrigin: HOST, channelId: 'voice', requestTimeoutMs: 10_000 };

/** A bridge message as the host page posts it (NOTES.md §2). */
export interface BridgeDelivery {
  readonly origin: string;
  /** `parent`: from the host window; `other`: another window of the same origin. */
  readonly from: 'parent' | 'other';
  readonly data: unknown;
}

const ev = (name: string, data: unknown): BridgeDelivery => ({ origin: HOST, from: 'parent', data: { channel: 'cil-bridge', v: 1, kind: 'event', name, data } });

/** Valid deliveries: every event of the vendor document, built from its tables (cil-fixtures.test-data.ts). */
export const CIL_VALID: readonly BridgeDelivery[] = [
  ev('agentStateChange', AGENT_STATE_CHANGE_NOT_READY),
  ev('queueDataUpdate', queueDataUpdate('ENABLED', [queue('q1', 'Sales', 'Normal', 2), queue('q2', 'Support', 'Warn', 5)])),
  ev('workitemCreate', workitem('workitemCreate', 'Offered')),
  ev('workitemConnect', workitem('workitemConnect', 'Active')),
  ev('queueDataUpdate', queueDataUpdate('UPDATED', [queue('q1', 'Sales', 'Critical', 9)])),
  ev('workitemWrapup', workitem('workitemWrapup', 'Wrapup')),
  ev('workitemEnd', workitem('workitemEnd', 'Ended')),
  ev('agentStateChange', AGENT_STATE_CHANGE_CCX_READY),
  ev('error', errorEvent('req-unclaimed', 'Agent is not logged in')),
];

const ENVELOPE_KEYS = ['channel', 'v', 'kind', 'name', 'data', 'id', 'ok', 'result', 'error'] as const;

/**
 * Garbage the desk must reject as a whole (one counted `ingest.error`, nothing applied): a
 * foreign origin, another window, not our envelope, an own `__proto__` key, an unknown kind,
 * a response nobody asked for, an event CIL does not have, a payload of the wrong shape.
 */
export const cilRejected: fc.Arbitrary<BridgeDelivery> = fc.oneof(
  fc.tuple(hostileString.filter((o) => o !== HOST), fc.constantFrom(...CIL_VALID)).map(([origin, d]) => ({ ...d, origin })),
  fc.constantFrom(...CIL_VALID).map((d): BridgeDelivery => ({ ...d, from: 'other' })),
  fc.oneof(hostileJson, fc.record({ channel: hostileString, v: fc.jsonValue(), kind: fc.constant('event') })).map((data): BridgeDelivery => ({ origin: HOST, from: 'parent', data })),
  fc.constantFrom(...CIL_VALID).map((d): BridgeDelivery => ({ ...d, data: withOwnProto(d.data as Record<string, unknown>) })),
  hostileString.filter((k) => k !== 'event' && k !== 'response').map((kind): BridgeDelivery => ({ origin: HOST, from: 'parent', data: { channel: 'cil-bridge', v: 1, kind } })),
  hostileJson.map((id): BridgeDelivery => ({ origin: HOST, from: 'parent', data: { channel: 'cil-bridge', v: 1, kind: 'response', id, ok: true, result: null } })),
  fc.tuple(hostileString.filter((n) => !(CIL_EVENT_NAMES as readonly string[]).includes(n)), fc.jsonValue()).map(([n, d]) => ev(n, d)),
  fc.tuple(fc.constantFrom(...CIL_EVENT_NAMES), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }))).map(([n, d]) => ev(n, d)),
);

/** Anything a broken or hostile host page (or another frame) may post: valid payloads with fields replaced by hostile values, and free input. */
export const cilHostile: fc.Arbitrary<BridgeDelivery> = fc.oneof(
  cilRejected,
  fc.tuple(
    fc.constantFrom(...CIL_VALID),
    fc.array(fc.tuple(fc.constantFrom('newState', 'newReasonCode', 'newReasonCodeLabel', 'channelId', 'id', 'state', 'ani', 'queueData', 'dataState', 'ctiData', 'connectedAt', 'requestId', 'message', ...PROTO_KEYS), fc.oneof(hostileJson, hostileString)), { minLength: 1, maxLength: 3 }),
  ).map(([d, edits]) => {
    const env = d.data as { data: Record<string, unknown> };
    const data: Record<string, unknown> = { ...env.data };
    for (const [k, v] of edits) Object.defineProperty(data, k, { value: v, enumerable: true, writable: true, configurable: true });
    return { ...d, data: { ...env, data } };
  }),
  fc.tuple(fc.constantFrom(...CIL_VALID), fc.constantFrom(...ENVELOPE_KEYS), fc.oneof(hostileJson, hostileString)).map(([d, k, v]) => ({ ...d, data: { ...(d.data as object), [k]: v } })),
);

/** A fresh cil pipeline (connector → edge); `deliver` returns what one input emitted, `out` everything so far. */
export function cilBoard() {
  const scheduler = createFakeScheduler(1_700_000_000_000);
  const listeners = new Set<(e: MessageEvent) => void>();
  const parent = { postMessage() {} };
  const other = { postMessage() {} };
  const win: CilWindow = {
    parent,
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
  };
  let n = 0;
  const newId = () => `req-${++n}`;
  const out: DomainEvent[] = [];
  const c = createCilConnector(CONFIG, guardEmit('cil', (es) => out.push(...es), scheduler.wallNow), {
    scheduler,
    transport: bridgeTransport(win, { allowedOrigin: HOST, newId }),
    newId,
  });
  c.start();
  out.length = 0;
  const deliver = (d: BridgeDelivery): DomainEvent[] => {
    const from = out.length;
    const e = { origin: d.origin, source: d.from === 'parent' ? parent : other, data: d.data } as unknown as MessageEvent;
    for (const l of [...listeners]) l(e);
    return out.slice(from);
  };
  return { deliver, out };
}

function run(ds: readonly BridgeDelivery[]): string {
  const b = cilBoard();
  for (const d of ds) b.deliver(d);
  return JSON.stringify(dataEvents(b.out));
}

const GARBAGE_FREE = run(CIL_VALID);

/** The CIL properties (names are the test names). */
export const CIL_FUZZ_PROPERTIES: readonly FuzzProperty[] = [
  fuzzProperty('parseCilEvent never throws on any name and payload', fc.tuple(fc.oneof(fc.constantFrom(...CIL_EVENT_NAMES), hostileString, hostileJson), hostileJson), ([name, data]) => {
    const r = parseCilEvent(name, data);
    if (!r.ok && !r.error.code) throw new Error('failure without a code');
  }),
  fuzzProperty('every bridge message is applied or counted in connection health, never thrown', cilHostile, (d) => {
    const emitted = cilBoard().deliver(d);
    if (emitted.length === 0) throw new Error(`neither applied nor counted: ${String(JSON.stringify(d)).slice(0, 200)}`);
  }),
  fuzzProperty('a rejected bridge message emits exactly one ingest.error and nothing else', cilRejected, (d) => {
    const emitted = cilBoard().deliver(d);
    if (emitted.length !== 1 || emitted[0]?.kind !== 'ingest.error') throw new Error(`emitted ${JSON.stringify(emitted).slice(0, 300)}`);
  }),
  fuzzProperty('valid CIL events interleaved with garbage are ALL applied, exactly as without the garbage', interleaved(CIL_VALID.length, cilRejected), (steps) => {
    const b = cilBoard();
    let garbage = 0;
    let errors = 0;
    for (const st of steps) {
      if ('valid' in st) b.deliver(CIL_VALID[st.valid]!);
      else {
        garbage += 1;
        errors += b.deliver(st.garbage).filter((e) => e.kind === 'ingest.error').length;
      }
    }
    if (errors !== garbage) throw new Error(`${garbage} garbage messages, ${errors} counted`);
    if (JSON.stringify(dataEvents(b.out)) !== GARBAGE_FREE) throw new Error('the valid events were not applied as in the garbage-free run');
  }),
];
