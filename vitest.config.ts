import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Timeouts are a safety net against a hung test, not a speed check: no test
// may depend on wall-clock speed, so both are generous enough for a loaded
// 2-core machine (docs/testing.md). 300 s: at a load average of 30 on two
// cores, cluster.test.ts's Slurm recipe (five processes) passed 120 s.
//
// Speed (docs/testing.md, "Speed and robustness"): vitest's default on a
// 2-core machine is one worker (cores − 1), which runs the files one after
// another; two keep both cores busy while a file waits on a child process or
// a worker thread. Files stay isolated: without isolation a test that timed
// out left its in-process CLI call running, and its output reached the next
// file's calls through the CLI's module-level streams.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/fresh-dist.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
