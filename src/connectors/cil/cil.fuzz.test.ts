/**
 * Property-based tests of the b+s Connects CIL wire through the bridge (issue 15,
 * "Fuzzing"): the properties live in cil-fuzz.test-support.ts so that `npm run bench:fuzz`
 * runs the same ones with ≥ 100,000 cases. `FUZZ_RUNS` overrides the unit run's case count.
 */
import { describe, expect, it } from 'vitest';
import { fuzzRuns } from '../transport/fuzz.test-support';
import { CIL_FUZZ_PROPERTIES } from './cil-fuzz.test-support';
import { bridgeTransport, type CilTransportHandlers } from './cil-transport';
import { parseCilEvent } from './cil-wire';

describe('CIL bridge fuzz', () => {
  for (const p of CIL_FUZZ_PROPERTIES) it(p.name, () => p.run(fuzzRuns()), 30_000);
});

describe('CIL: values without a prototype (found by the fuzz run)', () => {
  const bare = Object.assign(Object.create(null) as object, { x: 1 });

  it('an event name that is an object without toString is an unknown event, not a TypeError', () => {
    const r = parseCilEvent(bare, {});
    expect(r).toEqual({ ok: false, error: { code: 'unknown-event', message: 'unknown CIL event "{\\"x\\":1}"' } });
  });

  it('a bridge response or kind that is such an object is refused and counted, not thrown', () => {
    const listeners: ((e: MessageEvent) => void)[] = [];
    const parent = { postMessage() {} };
    const t = bridgeTransport({ parent, addEventListener: (_t, l) => void listeners.push(l), removeEventListener() {} }, { allowedOrigin: 'https://h', newId: () => '1' });
    const rejected: string[] = [];
    const h: CilTransportHandlers = { onReady() {}, onDown() {}, onEvent() {}, onRejected: (code) => void rejected.push(code) };
    t.start(h);
    const post = (data: unknown) => listeners.forEach((l) => l({ origin: 'https://h', source: parent, data } as unknown as MessageEvent));
    post({ channel: 'cil-bridge', v: 1, kind: 'response', id: bare, ok: true });
    post({ channel: 'cil-bridge', v: 1, kind: bare });
    expect(rejected).toEqual(['bridge-unknown-response', 'bridge-malformed']);
  });
});
