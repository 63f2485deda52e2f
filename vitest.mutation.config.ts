import { defineConfig } from 'vitest/config';

// The in-process tests of the mutated folders (src/model, src/engine,
// src/metrics), for `npm run mutation` (stryker.config.json). No global
// setup: Stryker's sandbox mutates src/ in memory, and these tests import
// src/ directly, with no worker threads loading dist/.
export default defineConfig({
  test: {
    include: ['test/model/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/metrics/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
