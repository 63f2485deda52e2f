import { defineConfig } from 'vitest/config';

// The mutation score of src/model/contact-centre.ts (docs/testing.md,
// "Mutation score"): the event loop against the model's exact
// simulation-level tests with short runs: hand-worked timelines (the gig
// centre, a gig worker holding two chats, shifts, documented rules, overflow) and outcomes made certain (by
// type and by group, the episode table, the fixed-duration traces). Left out, for their cost: the statistical
// mechanism tests (routing, follow-ups, the AI line, groups, the queue
// against Erlang in contact-centre.test.ts, the hours) and the heartbeat
// (65,536 steps and more), whose thousands of contacts every surviving
// mutant would re-run, instrumented. They stay in npm test, so this score
// is a lower bound.
export default defineConfig({
  test: {
    include: [
      'test/model/contact-centre.by-type.test.ts',
      'test/model/contact-centre.draws.test.ts',
      'test/model/contact-centre.gig-chat.test.ts',
      'test/model/contact-centre.loop.test.ts',
      'test/model/contact-centre.mutants.test.ts',
      'test/model/contact-centre.traces.test.ts',
      'test/model/documented-rules.test.ts',
      'test/model/gig-centre.test.ts',
      'test/model/gig-earnings-by-worker.test.ts',
      'test/model/overflow.test.ts',
      'test/model/overflow-steps.test.ts',
      'test/model/shifts.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
