import { defineConfig } from 'vitest/config';

// Timeouts are a safety net against a hung test, not a speed check: no test
// may depend on wall-clock speed, so both are generous enough for a loaded
// 2-core machine (docs/testing.md).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/fresh-dist.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
