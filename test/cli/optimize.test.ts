// `staffsim optimize` on the command line, in process: the answer and its
// patch, which `staffsim run --set` reproduces; the same output whatever
// --jobs; no feasible candidate (exit 0); bad flags (exit 2).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { scratch, staffsimInProcess } from '../support/cli.js';

const FIXTURE = 'test/fixtures/erlang-a-queue.yaml';
// A day is enough here: these tests are about the command, not the answer's precision.
const SHORT = ['--set', 'horizon=26h'];
const ARGS = ['optimize', FIXTURE, ...SHORT, '--strategy', 'staffed', '--constraint', 'service_level >= 0.8', '--decide', 'staff.employees.headcount=1:30'];

const GROUPS = 'test/fixtures/optimize-disjoint-groups.yaml';

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
    // The frontier against service level, by candidate order: the cheapest first, each higher than the one before.
    const frontier = json.frontiers[0];
    expect(frontier.constraint).toBe('service_level >= 0.8');
    const byOrder = new Map(json.candidates.map((c: { order: number }) => [c.order, c]));
    const levels = frontier.candidates.map((o: number) => (byOrder.get(o) as { kpis: { service_level: { mean: number } } }).kpis.service_level.mean);
    expect(levels.length).toBeGreaterThan(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]).toBeGreaterThan(levels[i - 1]);
    expect(frontier.candidates).toContain(json.best.order);
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
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcount=1:30', '--time-limit', '10'], '--time-limit 10: needs a unit: write `10s` or `10m`, not a plain number'],
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcount=1:30', '--time-limit', '0m'], '--time-limit 0m: the time limit must be above 0'],
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcount=1:30', '--constraint', 'service_level.call >= 0.8'],
        "--constraint 'service_level.call >= 0.8': `call` is not a ticket type of strategy `staffed` (did you mean `calls`? its ticket types are: `calls`)"],
      [['--strategy', 'staffed', '--decide', 'staff.employees.headcount=1:30', '--constraint', 'utilization.calls <= 0.9'],
        "--constraint 'utilization.calls <= 0.9': `utilization` is not reported per ticket type (by_type KPIs are contacts,"],
    ];
    // A flat staff.employees key on a strategy with groups would drop their pay (the file has no staff.employees: it would be free).
    const groups = await staffsimInProcess('optimize', 'test/fixtures/two-groups.yaml', '--strategy', 'staffed', '--decide', 'staff.employees.headcount=1:30');
    expect(groups.code).toBe(2);
    expect(groups.stderr).toContain('`staff.employees.headcount`: strategy `staffed` has agent groups (team_a, team_b), which this key would replace with one team without their pay');
    for (const [flags, message] of cases) {
      const result = await staffsimInProcess('optimize', FIXTURE, ...flags);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr, flags.join(' ')).toContain(message);
      expect(result.stderr).not.toMatch(/at \w+ \(|NaN|\[object Object\]/);
      expect(result.stdout).toBe('');
    }
  }, 120_000);

  it('constrains one ticket type\'s KPI from the command line, named as the run\'s CSV names it, and shows it in every format', async () => {
    // One day, few candidates: this is about the names, the disjoint-groups answer is test/experiment/optimize.test.ts's.
    const args = ['optimize', GROUPS, '--set', 'horizon=26h', '--budget', '5', '--constraint', 'service_level.disputes >= 0.78', '--decide', 'staff.groups.resolvers.headcount=1:30'];
    const table = await staffsimInProcess(...args);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Constraints: service_level.disputes >= 0.78');
    expect(table.stdout).toContain('Frontier: cost_total against service_level.disputes');
    expect(table.stdout).toContain('The budget of 5 candidates ran out before the search converged; this is the best of the 5 candidates evaluated so far');
    const csv = await staffsimInProcess(...args, '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toContain(',service_level.disputes,service_level.disputes_lo95,service_level.disputes_hi95,');
    // The run's CSV names the same figure the same way, with the same value for the same configuration and replications.
    const json = JSON.parse((await staffsimInProcess(...args, '--format', 'json')).stdout);
    const best = json.best ?? json.candidates[0];
    const run = await staffsimInProcess('run', GROUPS, '--set', 'horizon=26h', ...best.set.flatMap((s: string) => ['--set', s]), '--replications', String(best.replications), '--format', 'csv');
    const row = run.stdout.split('\n').find((l) => l.startsWith('split,service_level.disputes,'))!;
    expect(Number(row.split(',')[2])).toBe(best.kpis['service_level.disputes'].mean);
  }, 120_000);

  it('refuses a bad entry of the file\'s optimize: section with file, line, key and exit 2', async () => {
    const text = readFileSync(GROUPS, 'utf8');
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const cases: Array<[string, string, string]> = [
      ["'service_level.disputes >= 0.78'", "'service_level.dispute >= 0.78'",
        `:${lineOf("'service_level.disputes")}:${text.split('\n')[lineOf("'service_level.disputes") - 1].indexOf("'service_level.disputes") + 1}: optimize.constraints.1: 'service_level.dispute >= 0.78': \`dispute\` is not a ticket type of strategy \`split\` (did you mean \`disputes\`?`],
      ["'service_level.calls >= 0.8'", "'servce_level.calls >= 0.8'", `:${lineOf("'service_level.calls")}:`],
      ['staff.groups.callers.headcount: 1:30', 'staff.groups.callers.headcount: 30:1',
        `:${lineOf('staff.groups.callers.headcount')}:37: optimize.decide.staff.groups.callers.headcount: the range's low end must be below its high end`],
      ['  strategy: split\n', '  strategy: split\n  minimize: csat\n', `:${lineOf('  strategy: split') + 1}:13: optimize.minimize: the objective must be a cost KPI, not \`csat\``],
    ];
    for (const [from, to, message] of cases) {
      expect(text).toContain(from);
      const file = join(scratch(), 'bad-optimize.yaml');
      writeFileSync(file, text.replace(from, to));
      const result = await staffsimInProcess('optimize', file);
      expect(result.code, to).toBe(2);
      expect(result.stderr, to).toContain(`staffsim: ${file}${message}`);
      expect(result.stdout).toBe('');
    }
  }, 60_000);
});
