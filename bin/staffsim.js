#!/usr/bin/env node
// The command line, bundled by `npm run build` (scripts/bundle.mjs): the
// whole of it in dist/bundle/cli.js, the scenario commands (validate, schema,
// init) alone in dist/bundle/scenario.cjs, loaded with V8's code cache
// (src/cli/code-cache.ts). A lone --version is answered without loading
// either (src/cli/entry.ts). This file is CommonJS (bin/package.json), as is
// what it requires, so that a lone --version and the scenario commands start
// without Node's loader of ES modules; the whole command line is an ES module.
'use strict';
const { asksOnlyForVersion, namesScenarioCommand, printVersion, scenarioCommands } = require('../dist/bundle/entry.cjs');

const args = process.argv.slice(2);
if (asksOnlyForVersion(args)) {
  printVersion();
} else {
  (async () => {
    const { main } = namesScenarioCommand(args) ? scenarioCommands() : await import('../dist/bundle/cli.js');
    process.exitCode = await main(process.argv);
  })();
}
