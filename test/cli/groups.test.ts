// Agent groups through the commands that read a strategy's staffing: run
// (each group priced at its own hourly cost, by_hour's agents summed over
// groups) and optimize (a decision on `staff.groups.NAME.headcount`, its
// patch reproduced by `staffsim run --set`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { scratch, staffsimInProcess } from '../support/cli.js';

const FIXTURE = 'test/fixtures/two-groups.yaml';

describe('two agent groups', () => {
  it('run: each group paid at its own cost, cost_employees their sum, agents on shift summed by hour', async () => {
    const result = await staffsimInProcess('run', FIXTURE, '--replications', '2', '--format', 'json');
    expect(result.code).toBe(0);
    const s = JSON.parse(result.stdout).strategies[0];
    // 10 agents each, on shift the whole 24 measured hours: 240 paid hours at $30 and at $50.
    expect(s.by_group.team_a.metrics.cost_operating.mean).toBeCloseTo(240 * 30, 6);
    expect(s.by_group.team_b.metrics.cost_operating.mean).toBeCloseTo(240 * 50, 6);
    expect(s.metrics.cost_employees.mean).toBeCloseTo(240 * 80, 6);
    for (const hour of s.by_hour) expect(hour.agents_on_shift.mean).toBe(20);
    expect(Object.keys(s.by_type)).toEqual(['a', 'b']);
  });

  it('optimize decides one group\'s headcount by name; its patch reproduces the candidate', async () => {
    const out = join(scratch(), 'best.yaml');
    // What is tested is the key's name, the patch and its reproduction, the same for any feasible best, so a budget of
    // 3 candidates bounds the search (7 to converge). The first is the start, auto staffing at the file's 80% target:
    // 6 agents for team_a, whose Erlang A service level is more than 5 points above 80%
    // (test/experiment/optimize.test.ts), so a feasible best is among them.
    const args = ['optimize', FIXTURE, '--strategy', 'staffed', '--constraint', 'service_level >= 0.8', '--decide', 'staff.groups.team_a.headcount=1:30', '--budget', '3'];
    const result = await staffsimInProcess(...args, '--format', 'json', '--out', out);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const n = json.best.values['staff.groups.team_a.headcount'];
    expect(Number.isInteger(n)).toBe(true);
    expect(YAML.parse(readFileSync(out, 'utf8'))).toEqual({ strategies: { staffed: { staff: { groups: { team_a: { headcount: n } } } } } });
    const run = await staffsimInProcess('run', FIXTURE, '--set', `strategies.staffed.staff.groups.team_a.headcount=${n}`, '--replications', String(json.best.replications), '--format', 'json');
    expect(run.code).toBe(0);
    const metrics = JSON.parse(run.stdout).strategies[0].metrics;
    expect(metrics.cost_total.mean).toBe(json.best.objective);
  }, 120_000);
});
