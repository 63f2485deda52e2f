// What `--help` says, for every command: each default once, none that says
// nothing, and `init`'s starter naming the file it was written to.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch, staffsimInProcess as staffsim } from '../support/cli.js';

const COMMANDS = ['run', 'validate', 'schema', 'init', 'erlang', 'sweep', 'merge'];

/** The help text with its line wrapping undone, so one option's description is one run of text. */
async function help(command: string): Promise<string> {
  const { code, stdout } = await staffsim(command, '--help');
  expect(code).toBe(0);
  return stdout.replace(/\s+/g, ' ');
}

describe('--help', () => {
  for (const command of COMMANDS) {
    it(`${command}: every default once, and none for a repeatable flag or a switch`, async () => {
      const text = await help(command);
      expect(text).not.toMatch(/\(default: [^)]*\) \(default:/);
      expect(text).not.toContain('(default: [])');
      expect(text).not.toContain('(default: false)');
      // One "(default:" per option at most: split at each option's flags.
      for (const option of text.split(/ (?=--[a-z])/)) expect(option.match(/default:/g)?.length ?? 0).toBeLessThanOrEqual(1);
    });
  }

  it('names the default of --jobs in words, not as the cores of the machine that printed it', async () => {
    for (const command of ['run', 'sweep']) {
      const jobs = (await help(command)).split(/ (?=--[a-z])/).find((option) => option.startsWith('--jobs <n>'));
      expect(jobs).toMatch(/\(default: the number of cores\)$/);
    }
  });
});

describe('init', () => {
  it("names the file it wrote in the starter's header", async () => {
    const file = join(scratch(), 'my-centre.yaml');
    expect((await staffsim('init', file)).code).toBe(0);
    const header = readFileSync(file, 'utf8').split('\n').slice(0, 5).join('\n');
    expect(header).toContain(`#   staffsim validate ${file}\n#   staffsim run ${file}`);
    expect(header).not.toContain('scenario.yaml');
  });

  it('quotes a name the shell would split', async () => {
    const file = join(scratch(), 'my centre.yaml');
    expect((await staffsim('init', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(`#   staffsim run '${file}'\n`);
    expect((await staffsim('validate', file)).code).toBe(0);
  });
});
