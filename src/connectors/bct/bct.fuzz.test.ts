/**
 * Property-based tests of the Business ConneCT relay wire (issue 15, "Fuzzing"): the properties
 * live in bct-fuzz.test-support.ts so that `npm run bench:fuzz` runs the same ones with
 * ≥ 100,000 cases. `FUZZ_RUNS` overrides the unit run's case count.
 */
import { describe, it } from 'vitest';
import { fuzzRuns } from '../transport/fuzz.test-support';
import { BCT_FUZZ_PROPERTIES } from './bct-fuzz.test-support';

describe('BCT wire fuzz', () => {
  for (const p of BCT_FUZZ_PROPERTIES) it(p.name, () => p.run(fuzzRuns()), 30_000);
});
