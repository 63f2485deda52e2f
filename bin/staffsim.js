#!/usr/bin/env node
// The command line, bundled by `npm run build` (scripts/bundle.mjs): the
// whole of it in dist/bundle/cli.js, the scenario commands (validate, schema,
// init) alone in dist/bundle/scenario.js. A lone --version is answered
// without loading either (src/cli/entry.ts).
import { asksOnlyForVersion, namesScenarioCommand, printVersion } from '../dist/cli/entry.js';

const args = process.argv.slice(2);
if (asksOnlyForVersion(args)) {
  printVersion();
} else {
  const { main } = await import(namesScenarioCommand(args) ? '../dist/bundle/scenario.js' : '../dist/bundle/cli.js');
  process.exitCode = await main(process.argv);
}
