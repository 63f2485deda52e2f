import { defineConfig } from 'vitest/config';

// The tests `npm run mutation` runs against each mutant of src/model,
// src/engine and src/metrics (stryker.config.json): the in-process unit and
// mechanism tests of those folders. Left out: the long statistical checks
// (test/model/contact-centre.test.ts's queueing theory, the validation
// subset), which instrumented code runs ~100x slower (one timed out at 120 s
// in the dry run); they stay in npm test. No global setup: nothing here
// runs worker threads, and Stryker's sandbox holds mutated src/.
export default defineConfig({
  test: {
    include: ['test/model/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/metrics/**/*.test.ts'],
    exclude: ['test/model/contact-centre.test.ts', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
