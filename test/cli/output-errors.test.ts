// Issue 11, item 12: a full disk or a permission error on any output of any
// command is the user's to fix: exit 2 with "cannot write FILE: REASON", never
// an internal error. The rule lives in one place (src/cli/output.ts); the
// commands are checked through /dev/full (every write fails with ENOSPC), and
// the rule itself with the errors Node raises, including EACCES, which a test
// running as root cannot provoke.

import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cannotWrite, writingTo } from '../../src/cli/output.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { BIN, REPO_ROOT, scratch, staffsimInProcess, type CliResult } from '../support/cli.js';

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('the rule for a file that cannot be written', () => {
  it.each([
    ['ENOSPC', 'no space left on device'],
    ['EDQUOT', 'disk quota exceeded'],
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'read-only file system'],
    ['EISDIR', 'it is a directory'],
  ])('%s is bad input: cannot write FILE: %s', (code, reason) => {
    const refusal = cannotWrite('out.csv', errno(code));
    expect(refusal).toBeInstanceOf(UsageError);
    expect((refusal as Error).message).toBe(`cannot write out.csv: ${reason}`);
    expect(() => writingTo('out.csv', () => { throw errno(code); })).toThrow(`cannot write out.csv: ${reason}`);
  });

  it('leaves any other error as it is (a bug stays a bug)', () => {
    const bug = new TypeError('x is undefined');
    expect(cannotWrite('out.csv', bug)).toBe(bug);
  });
});

/** `staffsim ...args` with its stdout on /dev/full. */
function intoFullDisk(args: string[]): Promise<CliResult> {
  const fd = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  closeSync(fd);
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: '', stderr })));
}

describe.skipIf(!existsSync('/dev/full'))('every command on a full disk', () => {
  const minimal = 'test/fixtures/minimal.yaml';
  const dir = scratch();
  const part = join(dir, 'part-0.csv');

  it('writes a sweep part to merge later', async () => {
    expect((await staffsimInProcess('sweep', minimal, '--vary', 'replications=1', '--set', 'horizon=1h', '--shard', '0/1', '--out', part)).code).toBe(0);
  });

  const outs: Array<[string, string[]]> = [
    ['run --out', ['run', minimal, '--replications', '1', '--set', 'horizon=1h', '--out', '/dev/full']],
    ['sweep --out', ['sweep', minimal, '--vary', 'replications=1', '--set', 'horizon=1h', '--out', '/dev/full']],
    ['init', ['init', '/dev/full', '--force']],
    ['merge --out', ['merge', part, '--out', '/dev/full']],
    ['erlang --out', ['erlang', '--arrivals', '1/m', '--aht', '5m', '--agents', '9', '--out', '/dev/full']],
  ];
  // In-process: the file is the command's own to open. Below, stdout on a full disk takes a process.
  it.each(outs)('%s /dev/full: exit 2, "cannot write /dev/full: no space left on device"', async (_what, args) => {
    const result = await staffsimInProcess(...args);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('staffsim: cannot write /dev/full: no space left on device\n');
    expect(result.code).toBe(2);
  });

  const stdouts: Array<[string, string[]]> = [
    ['run', ['run', minimal, '--replications', '1', '--set', 'horizon=1h']],
    ['sweep', ['sweep', minimal, '--vary', 'replications=1', '--set', 'horizon=1h']],
    ['validate', ['validate', minimal]],
    ['schema', ['schema']],
    ['merge', ['merge', part]],
    ['erlang', ['erlang', '--arrivals', '1/m', '--aht', '5m', '--agents', '9']],
  ];
  it.each(stdouts)('%s > /dev/full: exit 2, "cannot write the output (stdout): no space left on device"', async (_what, args) => {
    const result = await intoFullDisk(args);
    expect(result.stderr).toBe('staffsim: cannot write the output (stdout): no space left on device\n');
    expect(result.code).toBe(2);
  });
});
