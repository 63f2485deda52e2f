import { defineConfig } from 'vitest/config';
import unit from './vitest.mutation-unit.config.ts';

// The quickest mutation score (docs/testing.md, "Mutation score"): the
// pieces of the model (router, human queue, pools, load estimate, arrivals,
// outcomes) against their own unit tests only, with none that runs the
// simulator: vitest.mutation-unit.config.ts less hourly-observations.test.ts
// and gig-earnings-by-worker.test.ts, whose replications cover every mutant
// on the simulator's path and cost seconds each. A lower bound of the unit
// score, as that is of the full one.
export default defineConfig({
  test: {
    ...unit.test,
    exclude: [...(unit.test?.exclude ?? []), 'test/model/hourly-observations.test.ts', 'test/model/gig-earnings-by-worker.test.ts'],
  },
});
