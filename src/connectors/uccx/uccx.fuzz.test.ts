/**
 * Property-based tests of the OpenMethods UCCX report events (issue 15, "Fuzzing"): the properties
 * live in uccx-fuzz.test-support.ts so that `npm run bench:fuzz` runs the same ones with
 * ≥ 100,000 cases. `FUZZ_RUNS` overrides the unit run's case count.
 */
import { describe, it } from 'vitest';
import { fuzzRuns } from '../transport/fuzz.test-support';
import { UCCX_FUZZ_PROPERTIES } from './uccx-fuzz.test-support';

describe('UCCX report events fuzz', () => {
  for (const p of UCCX_FUZZ_PROPERTIES) it(p.name, () => p.run(fuzzRuns()), 30_000);
});
