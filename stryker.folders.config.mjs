// The mutation score of src/engine and src/metrics (docs/testing.md):
// stryker.config.json with each mutant run against those folders' own unit
// tests (vitest.mutation-folders.config.ts). MUTATION_REPORT=name gives a
// run its own report and incremental file, so engine and metrics can be
// scored separately:
//   MUTATION_REPORT=engine npx stryker run stryker.folders.config.mjs --mutate 'src/engine/**/*.ts,!src/engine/index.ts' --concurrency 1 --incremental
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));
const name = process.env.MUTATION_REPORT ?? 'folders';

export default {
  ...base,
  mutate: ['src/engine/**/*.ts', 'src/metrics/**/*.ts', '!src/**/index.ts'],
  // Another run's sandbox (its own --tempDirName) is not part of this one's.
  ignorePatterns: ['/.stryker-tmp*'],
  vitest: { ...base.vitest, configFile: 'vitest.mutation-folders.config.ts' },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  incrementalFile: `reports/stryker-incremental-${name}.json`,
};
