// The mutation score of src/model/contact-centre.ts (docs/testing.md):
// stryker.config.json with each mutant run against the model's exact
// simulation-level tests (vitest.mutation-centre.config.ts says which).
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  mutate: ['src/model/contact-centre.ts'],
  vitest: { ...base.vitest, configFile: 'vitest.mutation-centre.config.ts' },
  htmlReporter: { fileName: 'reports/mutation/centre.html' },
  jsonReporter: { fileName: 'reports/mutation/centre.json' },
  incrementalFile: 'reports/stryker-incremental-centre.json',
};
