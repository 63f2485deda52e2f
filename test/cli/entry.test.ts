// The entry point sends validate, schema and init to a command line of the
// scenario commands alone (src/cli/scenario-main.ts, bundled apart so that
// they start without the simulator; src/cli/entry.ts). For those commands it
// must answer exactly as the whole command line (src/cli/main.ts) does:
// every bad fixture, the good files, help, bad flags and arguments.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namesScenarioCommand, SCENARIO_COMMANDS } from '../../src/cli/entry.js';
import { badFixtures } from '../support/bad-fixtures.js';
import { REPO_ROOT, scratch, staffsim, staffsimInProcess, staffsimScenarioInProcess } from '../support/cli.js';

const scenarioFiles = readdirSync(join(REPO_ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join(REPO_ROOT, 'scenarios', f));

const fixture = join(REPO_ROOT, 'test', 'fixtures', 'minimal.yaml');

describe('the entry point picks the scenario commands by the first word only', () => {
  it('validate, schema and init, first on the line; nothing else', () => {
    expect(SCENARIO_COMMANDS).toEqual(['validate', 'schema', 'init']);
    expect([['validate', 'x.yaml'], ['schema'], ['init', 'a.yaml', '--force'], ['validate', '--help']].map(namesScenarioCommand)).toEqual([true, true, true, true]);
    expect([[], ['run', 'validate'], ['--help', 'validate'], ['-V', 'schema'], ['help', 'init'], ['Validate'], ['sweep']].map(namesScenarioCommand)).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });
});

describe('the scenario command line answers as the whole one', () => {
  it.each(badFixtures().map((f) => [f.name, f] as const))('validate %s: the same refusal', async (_name, f) => {
    const args = ['validate', f.relative, ...f.set.flatMap((s) => ['--set', s])];
    const whole = await staffsimInProcess(...args);
    expect(whole.code).toBe(2);
    expect(await staffsimScenarioInProcess(...args)).toEqual(whole);
  });

  it.each(scenarioFiles.map((file) => [file]))('validate %s: the same summary', async (file) => {
    const whole = await staffsimInProcess('validate', file);
    expect(whole.code).toBe(0);
    expect(await staffsimScenarioInProcess('validate', file)).toEqual(whole);
  });

  it.each([
    [['validate', '--help']],
    [['schema', '--help']],
    [['init', '--help']],
    [['validate']],
    [['validate', fixture, 'extra']],
    [['validate', fixture, '--bogus']],
    [['validate', fixture, '--sett', 'horizon=1d']],
    [['validate', fixture, '--set', 'horizon=-1']],
    [['validate', fixture, '--set', 'nonsense']],
    [['validate', fixture, '--version']],
    [['validate', join(REPO_ROOT, 'no-such-file.yaml')]],
    [['validate', REPO_ROOT]],
    [['schema']],
    [['schema', 'extra']],
    [['init', fixture]],
  ])('staffsim %j: the same output and exit code', async (args) => {
    expect(await staffsimScenarioInProcess(...args)).toEqual(await staffsimInProcess(...args));
  });

  it('init writes the same starter file', async () => {
    const dir = scratch();
    const [a, b] = [join(dir, 'whole.yaml'), join(dir, 'scenario.yaml')];
    const whole = await staffsimInProcess('init', a);
    const alone = await staffsimScenarioInProcess('init', b);
    expect(alone).toEqual({ ...whole, stdout: whole.stdout.replaceAll(a, b) });
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8').replaceAll('whole.yaml', 'scenario.yaml'));
  });
});

describe('the built entry point, in a process', () => {
  it.each([[['validate', 'test/fixtures/minimal.yaml']], [['validate', 'test/fixtures/bad/' + badFixtures()[0]!.name]], [['schema']]])(
    'staffsim %j: what the whole command line prints in-process',
    async (args) => {
      expect(staffsim(...args)).toEqual(await staffsimInProcess(...args));
    },
  );
});
