// `staffsim optimize` on the command line, in process: the answer and its
// patch, which `staffsim run --set` reproduces; the same output whatever
// --jobs; no feasible candidate (exit 0); bad flags (exit 2).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { scratch, staffsimInProcess } from '../support/cli.js';

const FIXTURE = 'test/fixtures/erlang-a-queue.yaml';
// A day is enough here: these tests are about the command, not the answer's precision.
const SHORT = ['--set', 'horizon=26h'];
const ARGS = ['optimize', FIXTURE, ...SHORT, '--strategy', 'staffed', '--constraint', 'service_level >= 0.8', '--decide', 'staff.employees.headcount=1:30'];

describe('staffsim optimize', () => {
  it('prints the best configuration and writes it as a patch that `staffsim run --set` reproduces', async () => {
    const dir = scratch();
    const out = join(dir, 'best.yaml');
    const result = await staffsimInProcess(...ARGS, '--format', 'json', '--out', out, '--jobs', '2');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.best.values).toEqual({ 'staff.employees.headcount': 6 });
    expect(json.verdict).toContain('meets every constraint with 95% one-sided confidence');
    const patch = readFileSync(out, 'utf8');
    expect(YAML.parse(patch)).toEqual({ strategies: { staffed: { staff: { employees: { headcount: 6 } } } } });
    expect(patch).toContain(`# Apply with: staffsim run ${FIXTURE} --set 'strategies.staffed.staff.employees.headcount=6'`);

    // The same replications (common random numbers: the scenario's seed) give the candidate's figures exactly.
    const run = await staffsimInProcess('run', FIXTURE, ...SHORT, '--set', 'strategies.staffed.staff.employees.headcount=6', '--replications', String(json.best.replications), '--format', 'json');
    expect(run.code).toBe(0);
    const metrics = JSON.parse(run.stdout).strategies.find((s: { name: string }) => s.name === 'staffed').metrics;
    expect(metrics.cost_total.mean).toBe(json.best.objective);
    expect(metrics.service_level.mean).toBe(json.best.kpis.service_level.mean);
  }, 120_000);

  it('gives the same answer, byte for byte, whatever --jobs', async () => {
    const [one, two] = [await staffsimInProcess(...ARGS, '--jobs', '1'), await staffsimInProcess(...ARGS, '--jobs', '2')];
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('Best: staff.employees.headcount=6');
    expect(one.stdout).toContain('Frontier: cost_total against service_level');
  }, 120_000);

  it('reads the problem from the file\'s optimize: section, and markdown and CSV formats', async () => {
    const args = ['optimize', 'test/fixtures/optimize-gig.yaml', '--set', 'horizon=26h', '--budget', '6'];
    const md = await staffsimInProcess(...args, '--format', 'markdown');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## staffsim optimize: optimize-gig, strategy flex, minimise cost\\_total');
    expect(md.stdout).toContain('stopped at the budget');
    const csv = await staffsimInProcess(...args, '--format', 'csv');
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('rank,staff.employees.headcount,staff.gig.pool,replications,cost_total,cost_total_lo95,cost_total_hi95,service_level,service_level_lo95,service_level_hi95,shortfall,meets_all,chosen');
    expect(lines).toHaveLength(1 + 6);
  }, 120_000);

  it('exits 0 with the closest candidate and the binding constraint when none meets the constraints', async () => {
    const result = await staffsimInProcess('optimize', FIXTURE, ...SHORT, '--strategy', 'staffed', '--constraint', 'service_level >= 0.8', '--decide', 'staff.employees.headcount=1:4');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No evaluated candidate meets every constraint with 95% one-sided confidence.');
    expect(result.stdout).toContain('Closest: staff.employees.headcount=4');
    expect(result.stdout).toContain('Binding constraint: service_level >= 0.8');
  }, 120_000);

  it('refuses bad flags with one clear message and exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['--constraint', 'service_level >= 0.8', '--decide', 'staff.employees.headcount=1:30'], 'name the strategy to optimise'],
      [['--strategy', 'nope', '--decide', 'staff.employees.headcount=1:30'], 'unknown strategy `nope`'],
      [['--strategy', 'staffed', '--constraint', 'service_level => 0.8', '--decide', 'staff.employees.headcount=1:30'], "write 'kpi >= number'"],
      [['--strategy', 'staffed', '--constraint', 'servce_level >= 0.8', '--decide', 'staff.employees.headcount=1:30'], '`servce_level` is not a KPI'],
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcont=1:30'], '`headcont` is not a key'],
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcount=1.5:30.5'], 'whole number'],
      [['--strategy', 'staffed'], 'nothing to decide'],
      [['--strategy', 'staffed', '--minimize', 'csat', '--decide', 'staff.employees.headcount=1:30'], 'must be a cost KPI'],
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcount=1:30', '--budget', '0'], '--budget takes a whole number'],
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcount=1:30', '--replications', '1'], 'at least 2 replications'],
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcount=1:30', '--format', 'yaml'], "Allowed choices are table, json, csv, markdown"],
    ];
    for (const [flags, message] of cases) {
      const result = await staffsimInProcess('optimize', FIXTURE, ...flags);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr, flags.join(' ')).toContain(message);
      expect(result.stderr).not.toMatch(/at \w+ \(|NaN|\[object Object\]/);
      expect(result.stdout).toBe('');
    }
  }, 120_000);
});
