// Bundles the command line, which bin/staffsim.js loads: Node then reads and
// compiles one file instead of resolving and loading some two hundred
// modules (docs/performance.md, "Start-up"). Two bundles: dist/bundle/cli.js,
// the whole command line, and dist/bundle/scenario.cjs, the scenario commands
// alone (validate, schema, init: src/cli/scenario-main.ts), built on their
// own so that neither shares a chunk with the other: the simulator stays in
// one scope-hoisted file, as fast as before. The second is CommonJS and
// minified, with V8's code cache beside it (scripts/code-cache.mjs,
// src/cli/code-cache.ts); dist/bundle/entry.cjs is what the entry point
// needs before it picks one (src/cli/entry.ts). Run after tsc (`npm run build` does both);
// dist/index.js stays the library's entry, unbundled.
//
// The bundle sits two folders below the package root, as every dist module
// does, so the paths its modules take from import.meta.url (package.json,
// scenarios/, the worker files in dist/experiment/) resolve as they do
// unbundled. tinypool stays outside: it starts workers from files next to its
// own module.

import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// zod exports every locale as z.locales, so a bundler keeps all sixty-odd of
// them (a fifth of the bundle) though staffsim's messages are its own and
// zod's English default is all it uses. The bundle's z.locales has English only.
const englishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'/node_modules/zod/'}`) ? { path: 'zod-locales', namespace: 'english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'english-only' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: root,
    }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  plugins: [englishOnly],
  logLevel: 'warning',
};

await build({
  ...common,
  format: 'esm',
  external: ['tinypool'],
  // CommonJS dependencies (cli-table3, seedrandom, ...) call require() on Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  entryPoints: ['dist/cli/main.js'],
  // The HTML report's modules (and vega with them, most of the weight) are
  // imported lazily; splitting puts them in a chunk of their own, loaded
  // only for --format html, so every other command starts without them.
  outdir: 'dist/bundle',
  entryNames: 'cli',
  chunkNames: 'chunk-[hash]',
  splitting: true,
});

// CommonJS: what bin/staffsim.js requires first (the version, the choice of
// bundle, the loader below) and the scenario commands, which V8's code cache
// can be handed to only as a script (src/cli/code-cache.ts runs it as Node
// runs a CommonJS file). A CommonJS entry point starts without Node's loader
// of ES modules. Minified (whitespace and syntax; names kept, so messages
// and error names are the same): the scenario bundle is 0.64 MB to read
// instead of 0.95 MB, and has no comments, so it is ASCII.
const commonJs = {
  ...common,
  format: 'cjs',
  inject: ['scripts/import-meta-url.js'],
  define: { 'import.meta.url': 'importMetaUrl' },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
};
await build({ ...commonJs, entryPoints: ['dist/cli/entry.js'], outfile: 'dist/bundle/entry.cjs' });
const scenarioBundle = 'dist/bundle/scenario.cjs';
await build({ ...commonJs, entryPoints: ['dist/cli/scenario-main.js'], outfile: scenarioBundle });
// The loader reads the bundle as latin1, which is exact for ASCII only.
if (/[^\x00-\x7f]/.test(readFileSync(`${root}/${scenarioBundle}`, 'latin1'))) {
  throw new Error(`${scenarioBundle} is not ASCII; src/cli/code-cache.ts reads it as latin1`);
}
// In a Node of its own, started without this process's flags: V8 accepts a
// cache only under the flags it was made with.
execFileSync(process.execPath, [`${root}/scripts/code-cache.mjs`], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } });
