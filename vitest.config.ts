import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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
const ALL_TEST_FILES = testFiles('test');
const CLI_FILES = ALL_TEST_FILES.filter(runsTheCli);

// Order (docs/testing.md, "Wall time of `npm test`"): the two workers take
// files in the order given, so a long file taken last leaves one core idle
// while it ends. vitest runs the `cli` project's files, then the `shared`
// project's (a worker of `shared` is reused only while the next file is
// `shared` too, so the projects are not interleaved); within each, these
// files go first, longest first (vitest's time per file, 3 December 2026),
// and every other file follows in vitest's own order (a fresh clone has no
// duration cache: by size). A file missing from the list still runs.
const LONGEST_FIRST = [
  'test/cli/sweep.test.ts',
  'test/cli/faults.test.ts',
  'test/experiment/optimize.test.ts',
  'test/report/html-browser.test.ts',
  'test/cli/optimize.test.ts',
  'test/api/api.test.ts',
  'test/properties/fuzz.test.ts',
  'test/cli/cli.test.ts',
  'test/properties/invariants.test.ts',
  'test/cli/cluster.test.ts',
  'test/cli/code-cache.test.ts',
  'test/model/groups.test.ts',
  'test/cli/output-errors.test.ts',
  'test/cli/html.test.ts',
  'test/model/chat-agents.test.ts',
  'test/cli/bad-input.test.ts',
  'test/model/contact-centre.test.ts',
  'test/validation/fast.test.ts',
  'test/experiment/sweep-crn.test.ts',
  'test/experiment/auto-staffing.test.ts',
];
const unknown = LONGEST_FIRST.filter((f) => !ALL_TEST_FILES.includes(f));
if (unknown.length > 0) throw new Error(`vitest.config.ts: LONGEST_FIRST names no test file: ${unknown.join(', ')}`);
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = LONGEST_FIRST.indexOf(relative(spec.project.config.root, spec.moduleId));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    const byProject = new Map<string, TestSpecification[]>();
    for (const spec of await super.sort(files)) {
      const specs = byProject.get(spec.project.name);
      if (specs === undefined) byProject.set(spec.project.name, [spec]);
      else specs.push(spec);
    }
    // Array.prototype.sort is stable: files of equal rank keep vitest's order.
    return [...byProject.values()].flatMap((specs) => specs.sort((a, b) => rank(a) - rank(b)));
  }
}

export default defineConfig({
  test: {
    globalSetup: ['test/support/fresh-dist.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    sequence: { sequencer: LongestFirst },
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'cli', include: CLI_FILES, isolate: true } },
      { extends: true, test: { name: 'shared', include: [TEST_FILES], exclude: CLI_FILES, isolate: false } },
    ],
  },
});
