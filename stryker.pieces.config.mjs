// The quickest mutation score (docs/testing.md): stryker.config.json with
// each mutant run against unit tests that do not run the simulator
// (vitest.mutation-pieces.config.ts).
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
// Two runs at once need their own reports: MUTATION_REPORT=name.
const name = process.env.MUTATION_REPORT ?? 'pieces';

export default {
  ...base,
  vitest: { ...base.vitest, configFile: 'vitest.mutation-pieces.config.ts' },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  incrementalFile: `reports/stryker-incremental-${name}.json`,
};
