// staffsim optimize against answers known without the simulator: the
// cheapest headcount of one Erlang A queue meeting a service level (the
// closed form, src/analytic/erlang-a.ts), and a gig pool that beats the
// hour-by-hour Erlang A schedule. And the problem's parsing.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { oneSided, optimize } from '../../src/experiment/optimize.js';
import { OptimizeError, parseConstraint, parseDecide, problemOf } from '../../src/experiment/optimize-problem.js';
import { runScenario } from '../../src/experiment/run.js';
import { bindingConstraint } from '../../src/report/optimize.js';
import { parseScenarioText } from '../../src/scenario/load.js';

const load = (name: string, set: string[] = []) => {
  const file = new URL(`../fixtures/${name}`, import.meta.url).pathname;
  return parseScenarioText(readFileSync(file, 'utf8'), file, { set });
};

describe('optimize: one Erlang A queue', () => {
  it('finds the closed-form cheapest headcount meeting 80% within 20 s, and the headcount below fails', async () => {
    // The closed form: the fewest agents whose Erlang A service level reaches 0.8.
    const sl = (agents: number) => erlangA({ arrivalsPerMinute: 1, aht: 4, agents, patience: 2, answerWithin: 20 / 60 }).serviceLevel;
    let answer = 1;
    while (sl(answer) < 0.8) answer++;
    expect(answer).toBe(6);
    // Well separated relative to the simulation's noise (half-widths of about 2 points here).
    expect(sl(answer) - 0.8).toBeGreaterThan(0.05);
    expect(0.8 - sl(answer - 1)).toBeGreaterThan(0.05);

    const loaded = load('erlang-a-queue.yaml');
    const problem = problemOf(null, { strategy: 'staffed', constraint: ['service_level >= 0.8'], decide: ['staff.employees.headcount=1:30'] });
    const result = await optimize(loaded, problem, { jobs: 2 });
    expect(result.best?.values).toEqual({ 'staff.employees.headcount': answer });
    expect(result.stopped).toBe('converged');
    const below = result.candidates.find((c) => c.values['staff.employees.headcount'] === answer - 1)!;
    expect(below.feasible).toBe(false);
    // It fails outright: even its 95% upper bound is under the target.
    expect(below.kpis.service_level!.hi95).toBeLessThan(0.8);
    // The simulated service levels agree with the closed form within their intervals (two one-sided 95% bounds: a 90% interval).
    for (const c of [result.best!, below]) {
      const agents = c.values['staff.employees.headcount'] as number;
      const k = c.kpis.service_level!;
      expect(sl(agents)).toBeGreaterThan(k.lo95 - 0.01);
      expect(sl(agents)).toBeLessThan(k.hi95 + 0.01);
    }
    // Auto staffing (Erlang A) was the start.
    expect(result.start).toEqual({ 'staff.employees.headcount': answer });
  }, 120_000);

  it('walks from the Erlang A start to a stricter target: 90% needs 7 agents, and 6 fail', async () => {
    const sl = (agents: number) => erlangA({ arrivalsPerMinute: 1, aht: 4, agents, patience: 2, answerWithin: 20 / 60 }).serviceLevel;
    expect([sl(6) < 0.9, sl(7) >= 0.9]).toEqual([true, true]);
    const loaded = load('erlang-a-queue.yaml');
    // Auto staffing starts at 6 (the file's target is 80%); the search must move.
    const problem = problemOf(null, { strategy: 'staffed', constraint: ['service_level >= 0.9'], decide: ['staff.employees.headcount=1:30'] });
    const result = await optimize(loaded, problem, { jobs: 2 });
    expect(result.start).toEqual({ 'staff.employees.headcount': 6 });
    expect(result.best?.values).toEqual({ 'staff.employees.headcount': 7 });
    expect(result.candidates.find((c) => c.values['staff.employees.headcount'] === 6)!.kpis.service_level!.hi95).toBeLessThan(0.9);
  }, 120_000);

  it('scales a schedule: the cheapest factor of a 10-agent day meeting 80% rounds to the closed form\'s 6 agents', async () => {
    const loaded = load('erlang-a-queue.yaml');
    const problem = problemOf(null, { strategy: 'staffed', constraint: ['service_level >= 0.8'], decide: ['staff.employees.schedule@scale=0.1:1.0'] });
    const result = await optimize(loaded, problem, { jobs: 2 });
    const factor = result.best!.values['staff.employees.schedule@scale'] as number;
    expect(Math.round(10 * factor)).toBe(6);
    expect(result.best!.set).toEqual([`strategies.staffed.staff.employees.schedule=${JSON.stringify(Array(24).fill(6))}`]);
  }, 120_000);

  it('says which constraint binds when no candidate meets them (the range stops short)', async () => {
    const loaded = load('erlang-a-queue.yaml', ['horizon=26h']);
    const problem = problemOf(null, { strategy: 'staffed', constraint: ['service_level >= 0.8', 'abandon_rate <= 0.5'], decide: ['staff.employees.headcount=1:4'] });
    const result = await optimize(loaded, problem, { jobs: 2 });
    expect(result.best).toBeNull();
    // The closest is the most staffed; service level binds (Erlang A: 57% at 4 agents).
    expect(result.candidates[0].values).toEqual({ 'staff.employees.headcount': 4 });
    expect(result.candidates[0].kpis.service_level!.hi95).toBeLessThan(0.8);
    expect(bindingConstraint(result.candidates[0], problem.constraints)).toEqual({ kpi: 'service_level', op: '>=', bound: 0.8 });
  }, 120_000);
});

describe('optimize: a gig pool', () => {
  it('beats the cost of auto staffing, and the chosen configuration still meets the constraint with another seed', async () => {
    const loaded = load('optimize-gig.yaml');
    const problem = problemOf(loaded.optimize, { constraint: [], decide: [] });
    const result = await optimize(loaded, problem, { jobs: 2 });
    const best = result.best!;
    expect(best).not.toBeNull();
    expect(best.values['staff.gig.pool']).toBeGreaterThan(0);
    const auto = runScenario(loaded.scenario, loaded.sha256, { strategies: ['auto'] }).strategies[0].metrics;
    expect(auto.service_level.mean).toBeGreaterThanOrEqual(0.8);
    expect(best.objective).toBeLessThan(auto.cost_total.mean);

    // Another seed, more replications: the mean service level still meets the target.
    const rerun = load('optimize-gig.yaml', [...best.set, 'seed=99', 'replications=8']);
    const again = runScenario(rerun.scenario, rerun.sha256, { strategies: ['flex'] }).strategies[0].metrics;
    expect(again.service_level.mean).toBeGreaterThanOrEqual(0.8);
    expect(again.cost_total.mean).toBeLessThan(auto.cost_total.mean);
  }, 240_000);
});

describe('optimize problems', () => {
  it('reads constraints and decisions', () => {
    expect(parseConstraint('service_level >= 0.8')).toEqual({ kpi: 'service_level', op: '>=', bound: 0.8 });
    expect(parseConstraint(' abandon_rate<=5e-2 ')).toEqual({ kpi: 'abandon_rate', op: '<=', bound: 0.05 });
    expect(parseDecide('staff.gig.pool=0:2000')).toEqual({ key: 'staff.gig.pool', kind: 'integer', lo: 0, hi: 2000 });
    expect(parseDecide('staff.gig.trigger.wait=0.5:2.0')).toEqual({ key: 'staff.gig.trigger.wait', kind: 'real', lo: 0.5, hi: 2 });
    expect(parseDecide('routing=human,ai-first')).toEqual({ key: 'routing', kind: 'choice', values: ['human', 'ai-first'] });
    expect(parseDecide('staff.employees.schedule@scale=0.5:2')).toEqual({ key: 'staff.employees.schedule@scale', kind: 'real', lo: 0.5, hi: 2 });
    expect(() => parseDecide('staff.gig.pool@scale=0.5:2')).toThrow(/the only scaled key is staff.employees.schedule@scale/);
    expect(() => parseDecide('staff.employees.schedule@scale=a,b')).toThrow(/a range of factors/);
  });

  it('refuses bad constraints, decisions and objectives with a message naming them', () => {
    expect(() => parseConstraint('service_levle >= 0.8')).toThrow(/`service_levle` is not a KPI.*service_level/);
    expect(() => parseConstraint('service_level > 0.8')).toThrow(/write 'kpi >= number'/);
    expect(() => parseDecide('staff.gig.pool')).toThrow(/write key.path=lo:hi/);
    expect(() => parseDecide('staff.gig.pool=10:5')).toThrow(/low end must be below/);
    expect(() => parseDecide('staff.gig.pool=7')).toThrow(/at least two values/);
    const flags = { constraint: [], decide: ['staff.gig.pool=0:5'] };
    expect(() => problemOf(null, flags)).toThrow(/--strategy NAME/);
    expect(() => problemOf(null, { ...flags, strategy: 'x', minimize: 'csat' })).toThrow(/must be a cost KPI/);
    expect(() => problemOf(null, { strategy: 'x', constraint: [], decide: [] })).toThrow(OptimizeError);
    expect(() => problemOf(null, { strategy: 'x', constraint: [], decide: ['a=1:2', 'a=3:4'] })).toThrow(/decided twice/);
  });

  it('one-sided bounds are mean ± t(0.95, n − 1)·s/√n', () => {
    // 1, 2, 3: mean 2, s 1, t(0.95, 2) = 2.919986 (tables).
    const k = oneSided([1, 2, 3]);
    expect(k.mean).toBe(2);
    expect(k.lo95).toBeCloseTo(2 - 2.919986 / Math.sqrt(3), 5);
    expect(k.hi95).toBeCloseTo(2 + 2.919986 / Math.sqrt(3), 5);
  });
});
