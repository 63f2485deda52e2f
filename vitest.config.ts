import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Timeouts are a safety net against a hung test, not a speed check: no test
// may depend on wall-clock speed, so both are generous enough for a loaded
// 2-core machine (docs/testing.md). 300 s: at a load average of 30 on two
// cores, cluster.test.ts's Slurm recipe (five processes) passed 120 s.
//
// Speed (docs/testing.md, "Speed and robustness"): vitest's default on a
// 2-core machine is one worker (cores − 1), which runs the files one after
// another; two keep both cores busy while a file waits on a child process or
// a worker thread.
//
// Isolation (docs/testing.md, "Suite time"): a file that runs the command
// line in-process (it imports test/support/cli.ts) gets a fresh module graph
// of its own: without isolation a test that timed out left its in-process CLI
// call running, and its output reached the next file's calls through the
// CLI's module-level streams. The other files (unit, mechanism and
// statistical tests, none of which mocks a module or changes a global) share
// each worker's modules, so src/ is evaluated once per worker instead of once
// per file.
const TEST_FILES = 'test/**/*.test.ts';
const runsTheCli = (file: string) => /from '(\.\.\/)+support\/cli\.js'/.test(readFileSync(file, 'utf8'));
const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
const CLI_FILES = testFiles('test').filter(runsTheCli);

export default defineConfig({
  test: {
    globalSetup: ['test/support/fresh-dist.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'cli', include: CLI_FILES, isolate: true } },
      { extends: true, test: { name: 'shared', include: [TEST_FILES], exclude: CLI_FILES, isolate: false } },
    ],
  },
});
