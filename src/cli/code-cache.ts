// Loads the bundle of the scenario commands (dist/bundle/scenario.cjs) with
// V8's code cache, which `npm run build` writes beside it
// (scripts/code-cache.mjs): V8 then deserialises the bytecode of the
// functions a validate ran at build time instead of parsing and compiling
// them again, about a third of what loading the bundle cost
// (docs/performance.md, "Start-up: a code cache and a CommonJS entry point").
// Node 20 has no compile cache for modules (module.enableCompileCache is
// Node 22's), and an ES module takes no cached data, so that bundle is
// CommonJS, run here through vm.Script as Node runs a CommonJS file.
//
// A cache that does not fit is never an error: the bundle is compiled from
// its source as without one. V8 refuses data from another V8 version or
// other flags, but it checks only the source's length, so the cache file
// starts with a SHA-256 of the source and the data together, and data whose
// digest differs (a bundle rebuilt without its cache, a truncated or
// damaged file) is not handed to V8 at all.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundle of the scenario commands and its code cache (scripts/bundle.mjs writes both). */
export const SCENARIO_BUNDLE = fileURLToPath(new URL('../bundle/scenario.cjs', import.meta.url));
export const SCENARIO_CODE_CACHE = `${SCENARIO_BUNDLE}.v8cache`;

/** What happened to the cache: used, refused by V8, refused here (digest), or none found. */
export type CodeCacheUse = 'accepted' | 'rejected by V8' | 'stale' | 'absent';

export interface LoadedBundle {
  /** The bundle's module.exports. */
  exports: Record<string, unknown>;
  cache: CodeCacheUse;
  /** V8's cache of the bundle as it is now, with the functions run so far (for scripts/code-cache.mjs). */
  createCodeCache(): Buffer;
}

const DIGEST_BYTES = 32;

function digest(source: Buffer, data: Uint8Array): Buffer {
  // Required here, not imported: this module is bundled into what --version
  // loads (dist/bundle/entry.cjs), which needs no crypto.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(source).update(data).digest();
}

/**
 * Runs the CommonJS bundle `file` as Node would, with the cache in
 * `cacheFile` if it is there and was made from this very bundle.
 */
export function loadBundle(file: string, cacheFile: string): LoadedBundle {
  const bytes = readFileSync(file);
  let cachedData: Buffer | undefined;
  let cache: CodeCacheUse = 'absent';
  try {
    const stored = readFileSync(cacheFile);
    const data = stored.subarray(DIGEST_BYTES);
    if (stored.length > DIGEST_BYTES && digest(bytes, data).equals(stored.subarray(0, DIGEST_BYTES))) cachedData = data;
    else cache = 'stale';
  } catch {
    // No cache file (or none readable): compiled from the source.
  }
  // The bundle is ASCII (scripts/bundle.mjs checks), so latin1 reads it
  // exactly, without UTF-8 decoding.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('latin1')}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData });
  if (cachedData) cache = script.cachedDataRejected ? 'rejected by V8' : 'accepted';
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cache,
    createCodeCache() {
      const data = script.createCachedData();
      return Buffer.concat([digest(bytes, data), data]);
    },
  };
}
