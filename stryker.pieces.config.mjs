// The quickest mutation score (docs/testing.md): stryker.config.json with
// each mutant run against unit tests that do not run the simulator
// (vitest.mutation-pieces.config.ts).
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.mutation-pieces.config.ts' },
  htmlReporter: { fileName: 'reports/mutation/pieces.html' },
  jsonReporter: { fileName: 'reports/mutation/pieces.json' },
  incrementalFile: 'reports/stryker-incremental-pieces.json',
};
