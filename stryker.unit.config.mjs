// The quick mutation score (docs/testing.md): stryker.config.json with each
// mutant run against the unit tests of its folder only
// (vitest.mutation-unit.config.ts). A lower bound of the full score.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.mutation-unit.config.ts' },
  htmlReporter: { fileName: 'reports/mutation/unit.html' },
  jsonReporter: { fileName: 'reports/mutation/unit.json' },
  incrementalFile: 'reports/stryker-incremental-unit.json',
};
