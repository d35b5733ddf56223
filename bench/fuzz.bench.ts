/**
 * Fuzz benchmark (`npm run bench:fuzz`, part of `npm run bench`; issue 15 "Fuzzing"): runs
 * the SAME fast-check properties as the unit project's `*.fuzz.test.ts` files, with at
 * least 100,000 generated cases per protocol (RTE, GC, BCT, CIL through the bridge, UCCX), split
 * evenly over that protocol's properties.
 *
 * Env: `FUZZ_BENCH_CASES` cases per protocol (default 100,000; e.g. 2000 for a smoke run).
 * Exits 1 on the first counter-example (fast-check prints its seed and path to replay).
 */
import { BCT_FUZZ_PROPERTIES } from '../src/connectors/bct/bct-fuzz.test-support';
import { CIL_FUZZ_PROPERTIES } from '../src/connectors/cil/cil-fuzz.test-support';
import { GC_FUZZ_PROPERTIES } from '../src/connectors/gc/gc-fuzz.test-support';
import { RTE_FUZZ_PROPERTIES } from '../src/connectors/rte/rte-fuzz.test-support';
import { UCCX_FUZZ_PROPERTIES } from '../src/connectors/uccx/uccx-fuzz.test-support';
import type { FuzzProperty } from '../src/connectors/transport/fuzz.test-support';

const PROTOCOLS: ReadonlyArray<readonly [string, readonly FuzzProperty[]]> = [
  ['rte', RTE_FUZZ_PROPERTIES],
  ['gc', GC_FUZZ_PROPERTIES],
  ['bct', BCT_FUZZ_PROPERTIES],
  ['cil', CIL_FUZZ_PROPERTIES],
  ['uccx', UCCX_FUZZ_PROPERTIES],
];

const perProtocol = Math.max(1, Number(process.env.FUZZ_BENCH_CASES ?? 100_000) || 100_000);
let failed = false;
const t0 = performance.now();
for (const [name, props] of PROTOCOLS) {
  const each = Math.ceil(perProtocol / props.length);
  const start = performance.now();
  for (const p of props) {
    const s = performance.now();
    try {
      p.run(each);
      console.info(`${name.padEnd(4)} ${String(each).padStart(7)} cases  ${((performance.now() - s) / 1000).toFixed(1).padStart(6)} s  ok    ${p.name}`);
    } catch (e) {
      failed = true;
      console.error(`${name.padEnd(4)} ${String(each).padStart(7)} cases  FAILED ${p.name}\n${e instanceof Error ? e.message : String(e)}`);
    }
  }
  console.info(`${name}: ${each * props.length} cases in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
console.info(`fuzz: ${((performance.now() - t0) / 1000).toFixed(1)} s${failed ? ', FAILED' : ', all properties hold'}`);
process.exit(failed ? 1 : 0);
