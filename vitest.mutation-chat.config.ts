import { defineConfig } from 'vitest/config';

// The mutation score of src/model/chat-slots.ts and chat-agents.ts
// (docs/testing.md, "Mutation score"): the exact chat tests with short runs:
// ChatSlots' hand-worked traces and its long run against the rule worked the
// long way, ChatAgents' changes of level worked by hand, and the centre's
// fixed-duration traces with chat agents and a gig worker holding two chats
// (and the binomial fcr draws of a chat agent). Left out, for their cost:
// chat-agents.test.ts and gig-chat.test.ts, whose statistical runs against
// the exact chain (100,000 minutes, 8 to 10 replications each, ~7 s
// uninstrumented) every mutant they cover would re-run, instrumented; their
// hand-worked traces go with them, as a file is the unit here. They stay in
// npm test, so this score is a lower bound.
export default defineConfig({
  test: {
    include: [
      'test/model/chat-slots.test.ts',
      'test/model/chat-agents.shifts.test.ts',
      'test/model/contact-centre.gig-chat.test.ts',
      'test/model/contact-centre.traces.test.ts',
      'test/model/contact-centre.draws.test.ts',
    ],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
