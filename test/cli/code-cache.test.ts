// The scenario commands' bundle runs with V8's code cache when the cache fits
// and exactly as without it when it does not (src/cli/code-cache.ts): a cache
// missing, damaged, made for other bytes, or refused by V8 never changes what
// a command prints or its exit code. Each case runs in a Node process of its
// own, as the entry point does, on the built bundle and a copy of its cache.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badFixtures } from '../support/bad-fixtures.js';
import { BIN, REPO_ROOT, scratch, staffsim } from '../support/cli.js';

const CODE_CACHE_MODULE = join(REPO_ROOT, 'dist', 'cli', 'code-cache.js');
const BUNDLE = join(REPO_ROOT, 'dist', 'bundle', 'scenario.cjs');
const SHIPPED_CACHE = `${BUNDLE}.v8cache`;

// What bin/staffsim.js does for a scenario command, with the cache file named
// on the command line; the cache's fate goes to stderr after everything else.
const LOADER = `
const { loadBundle, SCENARIO_BUNDLE } = await import(${JSON.stringify(CODE_CACHE_MODULE)});
const loaded = loadBundle(SCENARIO_BUNDLE, process.argv[1]);
process.on('exit', () => process.stderr.write('\\ncache: ' + loaded.cache + '\\n'));
process.exitCode = await loaded.exports.main([process.execPath, ${JSON.stringify(BIN)}, ...process.argv.slice(2)]);
`;

function withCache(cacheFile: string, args: string[], nodeArgs: string[] = []) {
  const child = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', LOADER, cacheFile, ...args], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', NODE_OPTIONS: '' },
  });
  const cut = child.stderr.lastIndexOf('\ncache: ');
  return {
    cache: child.stderr.slice(cut + '\ncache: '.length).trim(),
    result: { code: child.status, stdout: child.stdout, stderr: child.stderr.slice(0, cut) },
  };
}

function cacheFile(bytes: Buffer): string {
  const file = join(scratch(), 'scenario.cjs.v8cache');
  writeFileSync(file, bytes);
  return file;
}

const good = ['validate', 'test/fixtures/minimal.yaml'];
const bad = ['validate', `test/fixtures/bad/${badFixtures()[0]!.name}`];
const shipped = () => readFileSync(SHIPPED_CACHE);

describe('the code cache of the scenario commands', () => {
  it('the cache the build writes is taken by plain Node, and the command answers as the entry point does', () => {
    const copy = join(scratch(), 'copy.v8cache');
    copyFileSync(SHIPPED_CACHE, copy);
    for (const args of [good, bad]) {
      const run = withCache(copy, args);
      expect(run.cache).toBe('accepted');
      expect(run.result).toEqual(staffsim(...args));
    }
  });

  it.each([
    ['no cache file', () => join(scratch(), 'missing.v8cache'), 'absent'],
    ['an empty file', () => cacheFile(Buffer.alloc(0)), 'stale'],
    ['the cache cut in half', () => cacheFile(shipped().subarray(0, shipped().length >> 1)), 'stale'],
    [
      'one byte of the data changed',
      () => {
        const bytes = shipped();
        bytes[bytes.length - 100]! ^= 0xff;
        return cacheFile(bytes);
      },
      'stale',
    ],
    [
      // The digest fits, so V8 is handed the bytes and must refuse them itself.
      'bytes that are no cache, with a digest that fits them',
      () => {
        const junk = Buffer.alloc(4096, 0xab);
        const digest = createHash('sha256').update(readFileSync(BUNDLE)).update(junk).digest();
        return cacheFile(Buffer.concat([digest, junk]));
      },
      'rejected by V8',
    ],
  ] as const)('%s: compiled from the source, the same output', (_name, file, fate) => {
    const cache = file();
    for (const args of [good, bad]) {
      const run = withCache(cache, args);
      expect(run.cache).toBe(fate);
      expect(run.result).toEqual(staffsim(...args));
    }
  });

  it('V8 under other flags refuses the cache, and the command answers the same', () => {
    // V8 keeps a hash of its flags in the cache; a heap limit is one of them.
    const run = withCache(SHIPPED_CACHE, good, ['--max-old-space-size=300']);
    expect(run.cache).toBe('rejected by V8');
    expect(run.result).toEqual(staffsim(...good));
  });
});
