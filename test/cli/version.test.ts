// `staffsim --version`: the version in package.json, however it is asked
// for. A lone --version or -V is answered by the entry point before the
// command line loads (src/cli/entry.ts); anywhere else on the line
// commander answers it. Both must print the same, and a failed write to
// stdout is refused as for every command.

import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asksOnlyForVersion } from '../../src/cli/entry.js';
import { BIN, REPO_ROOT, staffsim, staffsimInProcess } from '../support/cli.js';

const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('--version', () => {
  it('the entry point answers only a lone --version or -V itself', () => {
    expect([['--version'], ['-V']].map(asksOnlyForVersion)).toEqual([true, true]);
    expect([[], ['--version', 'extra'], ['run', '-V'], ['-v'], ['--Version']].map(asksOnlyForVersion)).toEqual([false, false, false, false, false]);
  });

  it.each([[['--version']], [['-V']], [['--version', 'extra']], [['validate', 'no-such-file.yaml', '--version']], [['run', '-V']]])(
    'commander, in-process, staffsim %j: the package version and exit 0',
    async (args) => {
      expect(await staffsimInProcess(...args)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    },
  );

  it.each([['--version'], ['-V'], ['run', '--version']])('the built entry point, in a process, staffsim %s: the package version and exit 0', (...args) => {
    expect(staffsim(...args)).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it.skipIf(!existsSync('/dev/full'))('a lone --version into a full disk: exit 2, "cannot write the output (stdout)"', async () => {
    const fd = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN, '--version'], { cwd: REPO_ROOT, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('staffsim: cannot write the output (stdout): no space left on device\n');
    expect(code).toBe(2);
  });
});
