// The command line end to end: formats, files and exit codes in-process
// through main() with injected streams; a real child process (the built
// binary) where only a process shows it: the exit code it hands the shell,
// byte-identical output across processes, worker threads, a closed pipe.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BY_GROUP_KPIS, BY_TYPE_KPIS, KPI_NAMES } from '../../src/metrics/kpis.js';
import { BIN, scratch, staffsim, staffsimInProcess, type CliResult } from '../support/cli.js';

// The default scenario shortened so each run takes a fraction of a second.
const SHORT = ['--set', 'horizon=6h', '--set', 'warmup=1h', '--replications', '2'];

describe('staffsim run', () => {
  // The JSON report of SHORT with one worker thread, simulated once and read by
  // the tests of its shape, of --jobs and --out, and of another seed.
  let shortJson: Promise<CliResult> | undefined;
  const json = () => (shortJson ??= staffsimInProcess('run', ...SHORT, '--format', 'json', '--jobs', '1'));

  it('prints the JSON shape of DESIGN.md with every KPI for every strategy', async () => {
    const { code, stdout } = await json();
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.staffsim).toMatch(/^\d+\.\d+\.\d+$/);
    expect(out.scenario.name).toBe('klarna-2024');
    expect(out.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out.seed).toBe(2024);
    expect(out.replications).toBe(2);
    // all-human@target: the baseline staffed by auto to just meet the target, beside it by default.
    expect(out.strategies.map((s: { name: string }) => s.name)).toEqual(['all-human', 'all-human@target', 'all-ai', 'hybrid', 'hybrid-gig']);
    expect(out.verdict.baseline).toBe('all-human');
    expect(out.verdict.at_target).toBe('all-human@target');
    for (const s of out.strategies) {
      expect(Object.keys(s.metrics)).toEqual(KPI_NAMES);
      for (const m of Object.values(s.metrics) as Array<{ mean: number; ci95: number[] }>) {
        expect(Number.isFinite(m.mean)).toBe(true);
        expect(m.ci95).toHaveLength(2);
      }
    }
  });

  it('gives byte-identical output for the same seed and different output for another', async () => {
    const a = staffsim('run', ...SHORT, '--format', 'json', '--seed', '5');
    const b = staffsim('run', ...SHORT, '--format', 'json', '--seed', '5');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    // Another seed (the scenario's, 2024): other figures, not only another `seed` field.
    const other = JSON.parse((await json()).stdout);
    expect(other.seed).toBe(2024);
    expect(other.strategies).not.toEqual(JSON.parse(a.stdout).strategies);
  });

  it('gives the same bytes whatever the number of worker threads, and --out writes them to the file and nothing to stdout', async () => {
    const one = await json();
    const file = join(scratch(), 'r.json');
    const two = await staffsimInProcess('run', ...SHORT, '--format', 'json', '--jobs', '2', '--out', file);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(one.stdout);
    expect(JSON.parse(readFileSync(file, 'utf8')).strategies).toHaveLength(5);
    // Without --jobs this small run stays on the main thread (experiment/run.ts, workerThreads).
    const unset = await staffsimInProcess('run', ...SHORT, '--format', 'json');
    expect(unset.stdout).toBe(one.stdout);
  });

  it('prints the comparison table without colour when not on a terminal', async () => {
    const { code, stdout } = await staffsimInProcess('run', ...SHORT);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/\x1b\[/);
    for (const word of ['all-human', 'all-ai', 'hybrid', 'Customers', 'Cost', 'Workers']) expect(stdout).toContain(word);
  });

  it('runs only the strategies asked for, in that order', async () => {
    const { stdout } = await staffsimInProcess('run', ...SHORT, '--format', 'json', '--strategy', 'hybrid', '--strategy', 'all-human');
    expect(JSON.parse(stdout).strategies.map((s: { name: string }) => s.name)).toEqual(['hybrid', 'all-human']);
  });

  it('writes csv and markdown', async () => {
    const csv = await staffsimInProcess('run', ...SHORT, '--format', 'csv', '--strategy', 'all-ai');
    expect(csv.code).toBe(0);
    // The KPIs, then the year's three costs, mean on shift and payroll (all-ai is its own baseline),
    // then by type (five types) and by group (all-ai has one: `employees`).
    expect(csv.stdout.trim().split('\n')).toHaveLength(1 + KPI_NAMES.length + 5 + 5 * BY_TYPE_KPIS.length + BY_GROUP_KPIS.length);
    expect(csv.stdout).toContain('\nall-ai,abandon_rate.fraud_security,');
    expect(csv.stdout).toContain('\nall-ai,utilization.employees,');
    const md = await staffsimInProcess('run', ...SHORT, '--format', 'markdown');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^\|/m);
  });

  it('compares against the baseline named, and only as staffed with --as-staffed', async () => {
    const { code, stdout } = await staffsimInProcess('run', ...SHORT, '--format', 'json', '--baseline', 'hybrid', '--as-staffed');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.strategies.map((s: { name: string }) => s.name)).toEqual(['all-human', 'all-ai', 'hybrid', 'hybrid-gig']);
    expect(out.verdict.baseline).toBe('hybrid');
    expect(out.strategies[2].against_baseline).toBeNull();
    expect(out.strategies[0].against_baseline.payroll_change).toBe(out.strategies[0].payroll_headcount - out.strategies[2].payroll_headcount);
  });

  it('prints the verdict first in markdown and the sensitivity cases under it', async () => {
    const md = await staffsimInProcess('run', ...SHORT, '--format', 'markdown', '--strategy', 'all-human', '--strategy', 'all-ai', '--as-staffed', '--sensitivity-input', 'customers.lifetime_value=1,10000');
    expect(md.code).toBe(0);
    const lines = md.stdout.split('\n');
    expect(lines[0]).toMatch(/^\*\*Verdict:\*\* /);
    expect(lines[2]).toMatch(/^- Sensitivity: the verdict (holds in all 2|changes in \d of 2) cases below/);
    expect(lines[3]).toMatch(/^- customers.lifetime\\_value = 1 \(scenario 90\): /);
    expect(lines[4]).toMatch(/^- customers.lifetime\\_value = 10000 \(scenario 90\): /);
  });
});

describe('bad input exits 2 with one clear message and no stack trace', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['run', 'no/such/file.yaml'], /no\/such\/file\.yaml/],
    ['an unknown strategy', ['run', ...SHORT, '--strategy', 'hybird'], /hybird/],
    ['an unknown format', ['run', '--format', 'pdf'], /pdf/],
    ['an unknown flag', ['run', '--replicatons', '3'], /replicatons/],
    ['a bad replications value', ['run', '--replications', '0'], /replications/],
    ['a --set path that does not exist', ['run', '--set', 'demand.contacts_per_dya=5'], /contacts_per_dya/],
    ['an unknown baseline', ['run', ...SHORT, '--baseline', 'hybird'], /--baseline hybird: unknown strategy `hybird` \(did you mean `hybrid`\?/],
    ['a baseline not run', ['run', ...SHORT, '--baseline', 'hybrid', '--strategy', 'all-ai'], /`hybrid` is not among the strategies run \(add --strategy hybrid\)/],
    ['a malformed sensitivity input', ['run', ...SHORT, '--sensitivity-input', 'customers.lifetime_value=5'], /KEY=LOW,HIGH/],
    ['a sensitivity input that is no key', ['run', ...SHORT, '--sensitivity-input', 'customers.lifetime_valu=1,2'], /lifetime_valu/],
  ];
  for (const [what, args, pattern] of cases) {
    it(what, async () => {
      const { code, stderr } = await staffsimInProcess(...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(pattern);
      expect(stderr).not.toMatch(/^\s+at /m);
    });
  }

  it('a bad key in a file names the file, the line and the key path', async () => {
    const file = join(scratch(), 'bad.yaml');
    writeFileSync(
      file,
      ['name: x', 'horizon: 1d', 'demand:', '  contacts_per_day: 100', 'ticket_types:', '  - name: a', '    handle_tme: 5m', 'strategies:', '  h: { routing: human }', ''].join('\n'),
    );
    const { code, stderr } = await staffsimInProcess('validate', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:7`);
    expect(stderr).toContain('handle_tme');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('the other commands', () => {
  it('validate says what a good file holds', async () => {
    const { code, stdout } = await staffsimInProcess('validate', 'scenarios/ecommerce-shop.yaml');
    expect(code).toBe(0);
    expect(stdout).toContain('valid');
    // The file's horizon (15d) includes its warm-up (1d): 14 days are measured.
    expect(stdout).toContain('horizon 15d (a 1d warm-up, then 14d measured)');
  });

  it('schema prints a JSON Schema', async () => {
    const { code, stdout } = await staffsimInProcess('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.properties).toHaveProperty('demand');
  });

  it('init writes a starter that validates, and refuses to overwrite it', async () => {
    const file = join(scratch(), 'starter.yaml');
    expect((await staffsimInProcess('init', file)).code).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect((await staffsimInProcess('validate', file)).code).toBe(0);
    expect((await staffsimInProcess('init', file)).code).toBe(2);
  });

  it('help shows examples and exits 0', async () => {
    const { code, stdout } = await staffsimInProcess('run', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
  });
});

describe('output into a closed pipe', () => {
  it('ends quietly when the reader stops early (| head)', async () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" run --set horizon=6h --set warmup=1h --replications 2 --format csv | head -1`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.stdout).toBe('strategy,kpi,mean,ci95_low,ci95_high\n');
    expect(result.stderr).not.toMatch(/EPIPE|^\s+at /m);
  });
});
