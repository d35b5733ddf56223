/**
 * Property-based tests of the Enreach RTE wire (issue 15, "Fuzzing"): the properties
 * live in rte-fuzz.test-support.ts so that `npm run bench:fuzz` runs the same ones with
 * ≥ 100,000 cases. `FUZZ_RUNS` overrides the unit run's case count.
 */
import { describe, it } from 'vitest';
import { fuzzRuns } from '../transport/fuzz.test-support';
import { RTE_FUZZ_PROPERTIES } from './rte-fuzz.test-support';

describe('RTE wire fuzz', () => {
  for (const p of RTE_FUZZ_PROPERTIES) it(p.name, () => p.run(fuzzRuns()), 30_000);
});
