/**
 * Shared pieces of the protocol fuzz properties (issue 15, "Fuzzing"): hostile inputs as
 * fast-check arbitraries, the interleaving of valid messages with garbage, and the checks
 * every protocol's property makes. Used by each connector's `*.fuzz.test.ts` (unit project,
 * a few hundred cases per property) and by `bench/fuzz.bench.ts` (≥ 100,000 cases per
 * protocol, `npm run bench:fuzz`). Test support only: nothing in the app imports it.
 */
import fc from 'fast-check';
import type { DomainEvent } from '../../domain';

/** Keys that reach `Object.prototype` when an object is built carelessly from wire data. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Cases per property in the unit run: `FUZZ_RUNS` env, default 300 (keeps the unit project fast). */
export function fuzzRuns(fallback = 300): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const n = Number(env?.FUZZ_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/** Strings a hostile or broken vendor may send: markup, scripts, RTL override, zero-width, huge, proto keys, delimiters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    ...PROTO_KEYS,
    '',
    ' ',
    '<img src=x onerror=window.__pwned=1>',
    '<script>window.__pwned=1</script>',
    'javascript:window.__pwned=1',
    '"><svg onload=window.__pwned=1>',
    '\u202Egnp.exe',
    'a\u200Bb\u200C\u200D\uFEFF',
    '#',
    '|',
    ',',
    ':',
    '\u0000',
    'NaN',
    '-1',
    '1e309',
    'x'.repeat(10_000),
  ),
);

/** Any JSON-like value, including own `__proto__` / `constructor` / `prototype` keys and deep nesting. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue(),
  fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true, maxDepth: 4 }),
  fc.dictionary(fc.constantFrom(...PROTO_KEYS, 'data', 'subscription', 'event', 'properties'), fc.jsonValue(), { maxKeys: 4 }).map(withOwnProto),
  fc.constant(deep(200)),
);

/** A value `depth` levels deep (`{a:[{a:[…]}]}`). */
export function deep(depth: number): unknown {
  let o: unknown = 1;
  for (let i = 0; i < depth; i++) o = i % 2 ? { a: o } : [o];
  return o;
}

/** The same object with an OWN `__proto__` key (as `JSON.parse` makes it), not a prototype change. */
export function withOwnProto(o: Record<string, unknown>): Record<string, unknown> {
  const body = JSON.stringify(o);
  const rest = body === '{}' ? '}' : `,${body.slice(1)}`;
  return JSON.parse(`{"__proto__":{"polluted":"yes"}${rest}`) as Record<string, unknown>;
}

/** One step of an interleaved run: a valid message (by index into the valid list) or a garbage input. */
export type Step<G> = { readonly valid: number } | { readonly garbage: G };

/**
 * Valid messages (indices `0..validCount-1`, in order, each exactly once) with garbage
 * inserted anywhere between them. Every valid message stays in its order.
 */
export function interleaved<G>(validCount: number, garbage: fc.Arbitrary<G>, maxGarbage = 12): fc.Arbitrary<Step<G>[]> {
  return fc.array(fc.tuple(fc.nat({ max: validCount }), garbage), { maxLength: maxGarbage }).map((inserts) => {
    const steps: Step<G>[] = [];
    for (let i = 0; i <= validCount; i++) {
      for (const [at, g] of inserts) if (at === i) steps.push({ garbage: g });
      if (i < validCount) steps.push({ valid: i });
    }
    return steps;
  });
}

/** `true` for the events that count bad input (`ingest.error`), which the garbage-free run does not have. */
export function isError(e: DomainEvent): boolean {
  return e.kind === 'ingest.error';
}

/** The events minus `ingest.error`: what reaches the stores as data. */
export function dataEvents(events: readonly DomainEvent[]): DomainEvent[] {
  return events.filter((e) => !isError(e));
}

/** A snapshot of `Object.prototype`'s own property names, to prove no input changed it. */
export function prototypeSnapshot(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',');
}

const PROTO_AT_LOAD = prototypeSnapshot();

/**
 * Throws when any input polluted a prototype: `({}).polluted` set, or `Object.prototype`
 * / `Array.prototype` has an own property it did not have when this module loaded.
 */
export function assertNoPrototypePollution(): void {
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || ([] as unknown as Record<string, unknown>).polluted !== undefined) throw new Error('Object.prototype polluted');
  if (prototypeSnapshot() !== PROTO_AT_LOAD) throw new Error(`Object.prototype changed: ${prototypeSnapshot()}`);
}

/**
 * The unit-run parameters of every fuzz property: a fixed seed per run is NOT set (each run
 * explores new cases; a failure prints its seed and path to replay).
 */
export function params(numRuns = fuzzRuns()): fc.Parameters<unknown> {
  return { numRuns };
}

/** One named property of a protocol, runnable by vitest (`fc.assert`) and by the bench. */
export interface FuzzProperty {
  readonly name: string;
  /** Runs the property with `numRuns` cases; throws (fast-check's report) on a counter-example. */
  run(numRuns: number): void;
}

/** Wraps `fc.property` for {@link FuzzProperty}. */
export function fuzzProperty<T>(name: string, arb: fc.Arbitrary<T>, check: (v: T) => void): FuzzProperty {
  return {
    name,
    run(numRuns) {
      fc.assert(
        fc.property(arb, (v) => {
          check(v);
          assertNoPrototypePollution();
        }),
        { numRuns, endOnFailure: true },
      );
    },
  };
}
