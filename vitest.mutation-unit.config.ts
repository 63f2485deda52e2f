import { defineConfig } from 'vitest/config';

// The quick mutation score (docs/testing.md, "Mutation score"): each
// module's mutants against the unit tests of its own folder only, none of the
// simulation-level mechanism tests (routing, follow-ups, the gig centre, the
// AI line, shifts), which every mutant of a module the simulator uses would
// otherwise run. On a loaded machine that is the difference between minutes
// and hours. groups.test.ts is left out too: its statistical runs (8 s, more
// instrumented) cover every mutant of the simulator's path, and
// router.test.ts pins the same routing rules on hand-worked set-ups. A mutant
// these tests miss may still be killed by a mechanism test, so this score is
// a lower bound of vitest.mutation.config.ts's.
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
      'test/model/contact-centre.*.test.ts',
      '**/node_modules/**',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
