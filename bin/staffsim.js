#!/usr/bin/env node
// The command line, bundled into one file by `npm run build` (scripts/bundle.mjs).
// A lone --version is answered without loading it (src/cli/quick-version.ts).
import { asksOnlyForVersion, printVersion } from '../dist/cli/quick-version.js';

if (asksOnlyForVersion(process.argv.slice(2))) {
  printVersion();
} else {
  const { main } = await import('../dist/bundle/cli.js');
  process.exitCode = await main(process.argv);
}
