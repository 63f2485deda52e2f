import { defineConfig } from 'vitest/config';

// The quickest mutation score (docs/testing.md, "Mutation score"): the
// pieces of the model (router, human queue, pools, load estimate, arrivals,
// outcomes) against their own unit tests only, with none that runs the
// simulator: vitest.mutation-unit.config.ts less hourly-observations.test.ts
// and gig-earnings-by-worker.test.ts, whose replications cover every mutant
// on the simulator's path and cost seconds each. A lower bound of the unit
// score, as that is of the full one.
export default defineConfig({
  test: {
    include: ['test/model/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/metrics/**/*.test.ts'],
    exclude: [
      'test/model/contact-centre.test.ts',
      'test/model/ai-line.test.ts',
      'test/model/documented-rules.test.ts',
      'test/model/follow-ups.test.ts',
      'test/model/gig-centre.test.ts',
      'test/model/groups.test.ts',
      'test/model/routing.test.ts',
      'test/model/shifts.test.ts',
      'test/model/hourly-observations.test.ts',
      'test/model/gig-earnings-by-worker.test.ts',
      'test/model/contact-centre.*.test.ts',
      '**/node_modules/**',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
