/**
 * Property-based tests of the Generic Connector wire (issue 15, "Fuzzing"): the properties
 * live in gc-fuzz.test-support.ts so that `npm run bench:fuzz` runs the same ones with
 * ≥ 100,000 cases. `FUZZ_RUNS` overrides the unit run's case count.
 */
import { describe, it } from 'vitest';
import { fuzzRuns } from '../transport/fuzz.test-support';
import { GC_FUZZ_PROPERTIES } from './gc-fuzz.test-support';

describe('GC wire fuzz', () => {
  for (const p of GC_FUZZ_PROPERTIES) it(p.name, () => p.run(fuzzRuns()), 30_000);
});
