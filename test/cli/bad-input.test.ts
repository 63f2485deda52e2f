// Bad input through the command line, as an analyst or a pipeline meets it,
// run in-process through main() (test/support/cli.ts); one file also goes
// through a real process, to show the exit code reaches the shell: every file of test/fixtures/bad/ given to `staffsim validate` and
// to `staffsim run`, the cases a committed fixture cannot hold (a missing
// file, a directory, files too large or too deep, generated here), and bad
// flags. Each must exit 2 with exactly one message on stderr, naming the
// file, the line and the key path, with a suggestion for a misspelling, and
// never a stack trace (DESIGN.md, "External contracts").

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES } from '../../src/scenario/load.js';
import { badFixtures } from '../support/bad-fixtures.js';
import { REPO_ROOT, scratch, staffsim, staffsimInProcess, type CliResult } from '../support/cli.js';

const STACK_TRACE = /^\s+at /m;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The checks every refusal passes; returns the message's first line. */
function expectRefused(result: CliResult): string {
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).not.toContain('internal error');
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^staffsim: \S/);
  // One message: no second report of the same or of another error.
  expect(lines.filter((line) => line.startsWith('staffsim:'))).toHaveLength(1);
  return lines[0];
}

describe('every bad fixture is refused by validate and run with one clear message', () => {
  const fixtures = badFixtures();
  const commands = ['validate', 'run'] as const;
  const argsOf = (command: string, f: (typeof fixtures)[number]) => [command, f.relative, ...f.set.flatMap((s) => ['--set', s])];

  fixtures.forEach((fixture) => {
    commands.forEach((command) => {
      it(`${command} ${fixture.name}`, async () => {
        const result = await staffsimInProcess(...argsOf(command, fixture));
        const message = expectRefused(result);
        // Each fixture holds one mistake, reported on one line.
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(message).toContain(fixture.expect);
        expect(message.startsWith(`staffsim: ${fixture.relative}`), message).toBe(true);
        if (fixture.at) expect(message).toContain(`staffsim: ${fixture.relative}:${fixture.at.line}:${fixture.at.column}: `);
        if (fixture.key !== undefined) expect(message).toContain(fixture.key);
        if (fixture.suggests !== undefined) expect(message).toContain(`did you mean \`${fixture.suggests}\`?`);
        if (fixture.set.length > 0) expect(message).toContain(`--set ${fixture.set[0]}`);
      });
    });
  });

  it('validate and run say the same thing about each file', async () => {
    for (const fixture of fixtures) {
      const [validate, run] = [await staffsimInProcess(...argsOf('validate', fixture)), await staffsimInProcess(...argsOf('run', fixture))];
      expect(run.stderr, fixture.name).toBe(validate.stderr);
    }
  });

  it('a real process exits 2 with the same message', () => {
    const fixture = fixtures[0];
    const result = staffsim(...argsOf('run', fixture));
    expect(expectRefused(result)).toContain(fixture.expect);
  });
});

describe('files no fixture can hold, and bad flags', () => {
  const dir = scratch();
  const tooLarge = join(dir, 'too-large.yaml');
  const tooDeep = join(dir, 'too-deep.yaml');
  // Generated rather than committed: a megabyte, and a nesting deep enough to overflow the YAML parser.
  writeFileSync(tooLarge, `name: big\n# ${'x'.repeat(MAX_SCENARIO_BYTES)}\n`);
  writeFileSync(tooDeep, `name: deep\nhorizon: 2d\ndemand: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  const minimal = 'test/fixtures/minimal.yaml';

  // What, the command line, and what its message must contain or match.
  const cases: Array<[string, string[], string | RegExp]> = [
    ['a missing file', ['run', 'test/fixtures/bad/no-such-scenario.yaml'], 'staffsim: test/fixtures/bad/no-such-scenario.yaml: no such file'],
    ['a missing file to validate', ['validate', 'no-such-dir/s.yaml'], 'staffsim: no-such-dir/s.yaml: no such file'],
    ['a directory', ['validate', 'test/fixtures'], 'staffsim: test/fixtures: is a directory, not a scenario file'],
    ['a file over 1 MiB, refused before parsing', ['run', tooLarge], `staffsim: ${tooLarge}: the scenario is 1.0 MiB; scenarios larger than 1 MiB are refused`],
    // The column is where the parser ran out of stack, which depends on the stack size.
    ['a document nested too deeply', ['validate', tooDeep], new RegExp(`^staffsim: ${escapeRegExp(tooDeep)}:3:\\d+: YAML syntax error: the document is nested too deeply$`)],
    ['a negative seed', ['run', minimal, '--seed', '-1'], /--seed takes a whole number of 0 or more/],
    ['replications below 1', ['run', minimal, '--replications', '0'], /--replications takes a whole number of at least 1/],
    ['a misspelt strategy, with a suggestion', ['run', minimal, '--strategy', 'al-human'], /unknown strategy `al-human` \(did you mean `all-human`\?/],
    ['validate without a file', ['validate'], /missing required argument 'file'/],
    ['an unknown command', ['rn', minimal], /unknown command 'rn'/],
    ['--out in a directory that does not exist', ['run', minimal, '--out', 'no-such-dir/r.json'], 'staffsim: cannot write no-such-dir/r.json: the directory no-such-dir does not exist'],
    ['--out naming a directory', ['run', minimal, '--out', 'test'], 'staffsim: cannot write test: it is a directory'],
    // Issue 11, item 7: values past the documented limits are refused wherever they come from.
    ['sweep --vary past a limit, validated like the file', ['sweep', minimal, '--vary', 'demand.contacts_per_day=1e308:1.7e308:1e307'], 'staffsim: test/fixtures/minimal.yaml: --set demand.contacts_per_day=1e+308: demand.contacts_per_day: must be at most 100,000,000, got 1e+308'],
    // Issue 11, item 8: auto staffing past the Erlang A state limit was an internal error.
    ['auto staffing past the Erlang A state limit', ['run', minimal, '--set', 'staff.employees.headcount=auto', '--set', 'customers.patience=3650d', '--set', 'demand.contacts_per_day=1e8', '--set', 'horizon=1m'], /^staffsim: test\/fixtures\/minimal\.yaml: strategies\.all-human\.staff\.employees: auto staffing cannot staff this strategy: Erlang A: about \d+ customers would be waiting/],
    ['init in a directory that does not exist', ['init', 'no-such-dir/s.yaml'], 'staffsim: cannot write no-such-dir/s.yaml: the directory no-such-dir does not exist'],
  ];
  cases.forEach(([what, args, expected]) => {
    it(what, async () => {
      expect(expectRefused(await staffsimInProcess(...args))).toMatch(expected);
    });
  });
});

describe('the messages shown in the README', () => {
  // Each `$ staffsim ...` line of the Errors section's console block, with the lines it prints.
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = /^## Errors\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? '';
  const block = /```console\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const examples: Array<{ args: string[]; output: string }> = [];
  for (const line of block.split('\n').filter((l) => l !== '')) {
    if (line.startsWith('$ staffsim ')) examples.push({ args: line.slice('$ staffsim '.length).split(' '), output: '' });
    else examples[examples.length - 1].output += `${line}\n`;
  }
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  examples.forEach((example) => {
    it(`are what \`staffsim ${example.args.join(' ')}\` prints`, async () => {
      const result = await staffsimInProcess(...example.args);
      expectRefused(result);
      expect(result.stderr).toBe(example.output);
    });
  });
});
