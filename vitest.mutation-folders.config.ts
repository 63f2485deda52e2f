import { defineConfig } from 'vitest/config';

// The mutation score of src/engine and src/metrics (docs/testing.md,
// "Mutation score"): each file's mutants against the unit tests of those two
// folders only. The pieces set (vitest.mutation-pieces.config.ts) also runs
// the model's unit tests, and every one of them draws from a RandomStream
// and pushes events, so each mutant of random.ts or event-queue.ts re-ran
// most of them (an estimate of 6.5 hours at concurrency 1). A lower bound:
// the model's and the reports' tests still run these folders in npm test.
export default defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts', 'test/metrics/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
