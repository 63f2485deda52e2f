// The repository stands on its own: nothing it tracks points at files outside
// it (a folder beside the checkout named "shared", with its reference and
// bench folders, that users do not have). Sources are in docs/sources.md, the
// speed yardstick in bench/yardstick.mjs. The pattern is built from pieces so
// this file does not match it itself.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli.js';

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((file) => file !== '' && file !== 'package-lock.json');

const SHARED = 'shared';
const OUTSIDE = new RegExp(`\\.\\./${SHARED}|\\b${SHARED}/(reference|bench)\\b|/work/${SHARED}`);

describe('the repository', () => {
  it('has files to check', () => {
    expect(tracked).toContain('docs/sources.md');
    expect(tracked).toContain('bench/yardstick.mjs');
  });

  it('points at nothing outside itself', () => {
    const pointers: string[] = [];
    for (const file of tracked) {
      readFileSync(join(REPO_ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (OUTSIDE.test(line)) pointers.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(pointers).toEqual([]);
  });

  it('runs its own yardstick in npm run bench', () => {
    const bench = readFileSync(join(REPO_ROOT, 'bench', 'bench.mjs'), 'utf8');
    expect(bench).toContain("join(here, 'yardstick.mjs')");
  });
});
