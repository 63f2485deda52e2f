import { defineConfig } from 'vitest/config';

// The mutation score of src/model/contact-centre.ts (docs/testing.md,
// "Mutation score"): the event loop against the model's exact,
// simulation-level tests: hand-worked timelines (the gig centre, shifts,
// documented rules), outcomes made certain (by type and by group, the
// episode table, the heartbeat) and the follow-ups' counts. Left out, for
// their cost: the statistical mechanism tests (routing.test.ts,
// ai-line.test.ts, groups.test.ts, contact-centre.test.ts,
// hourly-observations.test.ts), whose thousands of contacts per run every
// surviving mutant would re-run at ~100x the speed lost to
// instrumentation. They stay in npm test, so this score is a lower bound.
export default defineConfig({
  test: {
    include: [
      'test/model/contact-centre.by-type.test.ts',
      'test/model/contact-centre.loop.test.ts',
      'test/model/documented-rules.test.ts',
      'test/model/follow-ups.test.ts',
      'test/model/gig-centre.test.ts',
      'test/model/gig-earnings-by-worker.test.ts',
      'test/model/shifts.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
