// Bundles the command line into one file, dist/bundle/cli.js, which
// bin/staffsim.js loads: Node then reads and compiles one file instead of
// resolving and loading some two hundred modules (docs/performance.md,
// "Start-up"). Run after tsc (`npm run build` does both); dist/index.js stays
// the library's entry, unbundled.
//
// The bundle sits two folders below the package root, as every dist module
// does, so the paths its modules take from import.meta.url (package.json,
// scenarios/, the worker files in dist/experiment/) resolve as they do
// unbundled. tinypool stays outside: it starts workers from files next to its
// own module.

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js'],
  outfile: 'dist/bundle/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['tinypool'],
  // CommonJS dependencies (cli-table3, seedrandom, ...) call require() on Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
