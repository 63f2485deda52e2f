#!/usr/bin/env node
// The command line, bundled by `npm run build` (scripts/bundle.mjs): the
// whole of it in dist/bundle/cli.js, the scenario commands (validate, schema,
// init) alone in dist/bundle/scenario.cjs, loaded with V8's code cache
// (src/cli/code-cache.ts). A lone --version is answered without loading
// either (src/cli/entry.ts).
import { asksOnlyForVersion, namesScenarioCommand, printVersion } from '../dist/cli/entry.js';

const args = process.argv.slice(2);
if (asksOnlyForVersion(args)) {
  printVersion();
} else {
  const { main } = namesScenarioCommand(args) ? await scenarioCommands() : await import('../dist/bundle/cli.js');
  process.exitCode = await main(process.argv);
}

async function scenarioCommands() {
  const { loadBundle, SCENARIO_BUNDLE, SCENARIO_CODE_CACHE } = await import('../dist/cli/code-cache.js');
  return loadBundle(SCENARIO_BUNDLE, SCENARIO_CODE_CACHE).exports;
}
