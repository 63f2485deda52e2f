// The mutation score of src/model/chat-slots.ts and src/model/chat-agents.ts
// (docs/testing.md): stryker.config.json with each mutant run against the
// exact chat tests (vitest.mutation-chat.config.ts says which).
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  mutate: ['src/model/chat-slots.ts', 'src/model/chat-agents.ts'],
  vitest: { ...base.vitest, configFile: 'vitest.mutation-chat.config.ts' },
  htmlReporter: { fileName: 'reports/mutation/chat.html' },
  jsonReporter: { fileName: 'reports/mutation/chat.json' },
  incrementalFile: 'reports/stryker-incremental-chat.json',
};
