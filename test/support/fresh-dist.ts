// Vitest global setup: worker threads (run --jobs, sweeps, the validation
// subset) load the compiled dist/ files, since Node cannot load src/*.ts in a
// worker without a loader. A test importing src/ while its workers run an
// older dist/ would test two versions of the code at once. So before any test
// runs, dist/ is rebuilt when any source file is newer than its compiled copy
// (or has none): `npx vitest run test/x.test.ts` is then as safe as `npm test`.

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Source files (relative to src/) whose compiled dist/ file is missing or older. */
export function staleSources(root = ROOT): string[] {
  const stale: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const source = relative(join(root, 'src'), path);
        const compiled = join(root, 'dist', source.replace(/\.ts$/, '.js'));
        let compiledAt = -1;
        try {
          compiledAt = statSync(compiled).mtimeMs;
        } catch {
          // missing: stale
        }
        if (compiledAt < statSync(path).mtimeMs) stale.push(source);
      }
    }
  };
  walk(join(root, 'src'));
  // The CLI's bundle (scripts/bundle.mjs) is stale when any source is newer.
  if (stale.length === 0) {
    let bundledAt = -1;
    try {
      bundledAt = statSync(join(root, 'dist/bundle/cli.js')).mtimeMs;
    } catch {
      // missing: stale
    }
    const newest = (dir: string): number =>
      Math.max(
        ...readdirSync(dir, { withFileTypes: true }).map((e) =>
          e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
        ),
      );
    if (bundledAt < newest(join(root, 'src'))) stale.push('dist/bundle/cli.js');
  }
  return stale;
}

export default function setup(): void {
  const stale = staleSources();
  if (stale.length === 0) return;
  process.stderr.write(`dist/ is older than ${stale.length} source file(s) (${stale.slice(0, 3).join(', ')}...): building\n`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  // bin/staffsim.js loads the bundle of the command line, made from dist/.
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs')], { stdio: 'inherit' });
}
