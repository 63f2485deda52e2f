// staffsim optimize against answers known without the simulator: the
// cheapest headcount of one Erlang A queue meeting a service level (the
// closed form, src/analytic/erlang-a.ts), two agent groups with disjoint
// skills decided together, each at its own closed form, and a gig pool that
// beats the hour-by-hour Erlang A schedule. A time limit on an injected
// clock. And the problem's parsing.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { oneSided, optimize } from '../../src/experiment/optimize.js';
import { OptimizeError, parseConstraint, parseDecide, parseTimeLimit, problemOf } from '../../src/experiment/optimize-problem.js';
import { runScenario } from '../../src/experiment/run.js';
import { bindingConstraint, verdict } from '../../src/report/optimize.js';
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
    expect(bindingConstraint(result.candidates[0], problem.constraints)).toEqual({ metric: 'service_level', kpi: 'service_level', op: '>=', bound: 0.8 });
  }, 120_000);
});

describe('optimize: two agent groups with disjoint skills, decided together', () => {
  it('puts each group at its own closed-form headcount for its ticket type\'s target, and each neighbour below fails', async () => {
    // Each type is its own Erlang A queue (1 a minute, patience 2 minutes, 20 s): the fewest agents reaching its target.
    const sl = (aht: number, agents: number) => erlangA({ arrivalsPerMinute: 1, aht, agents, patience: 2, answerWithin: 20 / 60 }).serviceLevel;
    const fewest = (aht: number, target: number) => {
      let n = 1;
      while (sl(aht, n) < target) n++;
      return n;
    };
    const [callers, resolvers] = [fewest(4, 0.8), fewest(6, 0.78)];
    expect([callers, resolvers]).toEqual([6, 8]);
    // Well separated relative to the simulation's noise (about 2 points here).
    expect(Math.min(sl(4, 6) - 0.8, 0.8 - sl(4, 5), sl(6, 8) - 0.78, 0.78 - sl(6, 7))).toBeGreaterThan(0.04);

    const loaded = load('optimize-disjoint-groups.yaml');
    // The file's optimize: section: service_level.calls >= 0.8, service_level.disputes >= 0.78, both headcounts 1:30.
    const problem = problemOf(loaded.optimize, { constraint: [], decide: [] });
    expect(problem.constraints.map((c) => [c.metric, c.type])).toEqual([['service_level.calls', 'calls'], ['service_level.disputes', 'disputes']]);
    const result = await optimize(loaded, problem, { jobs: 2 });
    const CALLERS = 'staff.groups.callers.headcount';
    const RESOLVERS = 'staff.groups.resolvers.headcount';
    // Auto staffing at the file's 90% target starts each group above its answer: 7 and 9 agents (Erlang A: 92.8% and 90.3%).
    expect([sl(4, 7) >= 0.9, sl(4, 6) < 0.9, sl(6, 9) >= 0.9, sl(6, 8) < 0.9]).toEqual([true, true, true, true]);
    expect(result.start).toEqual({ [CALLERS]: 7, [RESOLVERS]: 9 });
    expect(result.stopped).toBe('converged');
    expect(result.best?.values).toEqual({ [CALLERS]: callers, [RESOLVERS]: resolvers });
    // Each neighbour below fails outright on its own group's type (its 95% upper bound is under the target), and the other type still passes.
    const at = (a: number, b: number) => result.candidates.find((c) => c.values[CALLERS] === a && c.values[RESOLVERS] === b)!;
    expect(at(callers - 1, resolvers).kpis['service_level.calls'].hi95).toBeLessThan(0.8);
    expect(at(callers - 1, resolvers).kpis['service_level.disputes'].lo95).toBeGreaterThanOrEqual(0.78);
    expect(at(callers, resolvers - 1).kpis['service_level.disputes'].hi95).toBeLessThan(0.78);
    expect(at(callers, resolvers - 1).kpis['service_level.calls'].lo95).toBeGreaterThanOrEqual(0.8);
    // The simulated by_type service levels agree with each queue's closed form within their intervals.
    for (const c of [result.best!, at(callers - 1, resolvers), at(callers, resolvers - 1)]) {
      for (const [type, aht, key] of [['calls', 4, CALLERS], ['disputes', 6, RESOLVERS]] as const) {
        const k = c.kpis[`service_level.${type}`];
        const exact = sl(aht, c.values[key] as number);
        expect(exact).toBeGreaterThan(k.lo95 - 0.01);
        expect(exact).toBeLessThan(k.hi95 + 0.01);
      }
    }
    // Payroll only (no lifetime value): 120 measured hours at $30 and $40 an agent-hour.
    expect(result.best!.objective).toBeCloseTo(120 * (30 * callers + 40 * resolvers), 6);
  }, 240_000);
});

describe('optimize: a time limit, on an injected clock', () => {
  const loaded = () => load('erlang-a-queue.yaml', ['horizon=26h']);
  const problem = (timeLimit: string | undefined) =>
    problemOf(null, { strategy: 'staffed', constraint: ['service_level >= 0.8'], decide: ['staff.employees.headcount=1:30'], ...(timeLimit ? { timeLimit } : {}) });

  it('past the limit at once: only the start is simulated, with the figures of a plain run of it, and the report says the time ran out', async () => {
    // Every reading of the clock is an hour later: the limit has passed at the first look after the start.
    let t = 0;
    const result = await optimize(loaded(), problem('10m'), { jobs: 2, now: () => (t += 3_600_000) });
    expect(result.stopped).toBe('time-limit');
    expect(result.candidates.map((c) => c.values)).toEqual([{ 'staff.employees.headcount': 6 }]);
    const start = result.candidates[0];
    // Common random numbers: the start's 4 replications are a plain run of that configuration with the scenario's seed.
    const plain = load('erlang-a-queue.yaml', ['horizon=26h', 'strategies.staffed.staff.employees.headcount=6']);
    const run = runScenario(plain.scenario, plain.sha256, { strategies: ['staffed'] }).strategies[0].metrics;
    expect(start.replications).toBe(4);
    expect(start.objective).toBe(run.cost_total.mean);
    expect(start.kpis.service_level.mean).toBe(run.service_level.mean);
    const words = verdict(result).join('\n');
    expect(words).toContain('The time limit of 10m ran out before the search converged; this is the best of the 1 candidate evaluated so far');
  }, 120_000);

  it('starts no batch once the clock reads past the limit, and a clock that never gets there changes nothing', async () => {
    const unlimited = await optimize(loaded(), problem(undefined), { jobs: 2 });
    // A clock standing still: the same search, figure for figure.
    const still = await optimize(loaded(), problem('1m'), { jobs: 2, now: () => 0 });
    expect(still.stopped).toBe('converged');
    expect(still.candidates).toEqual(unlimited.candidates);

    // A minute a reading, a 3-minute limit: the deadline is read at 1 min (limit at 4 min); the looks before
    // batches 2 and 3 read 2 and 3 min, the look before batch 4 reads 4 min and stops the search.
    let readings = 0;
    const limited = await optimize(loaded(), problem('3m'), { jobs: 2, now: () => ++readings * 60_000 });
    expect(limited.stopped).toBe('time-limit');
    expect(readings).toBe(4);
    expect(limited.candidates.length).toBeGreaterThan(1);
    expect(limited.candidates.length).toBeLessThan(unlimited.candidates.length);
    // What it reports is what the unlimited search had found by then: each candidate was met on the same path.
    const seen = new Set(unlimited.candidates.map((c) => JSON.stringify(c.values)));
    for (const c of limited.candidates) expect(seen.has(JSON.stringify(c.values))).toBe(true);
    expect(limited.best).toEqual(limited.candidates.find((c) => c.feasible) ?? null);
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
    expect(parseConstraint('service_level >= 0.8')).toEqual({ metric: 'service_level', kpi: 'service_level', op: '>=', bound: 0.8 });
    expect(parseConstraint(' abandon_rate<=5e-2 ')).toEqual({ metric: 'abandon_rate', kpi: 'abandon_rate', op: '<=', bound: 0.05 });
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

  it('reads constraints on one ticket type\'s KPI (kpi.type, as the run\'s CSV names it) and time limits', () => {
    expect(parseConstraint('service_level.disputes >= 0.8')).toEqual({ metric: 'service_level.disputes', kpi: 'service_level', type: 'disputes', op: '>=', bound: 0.8 });
    expect(parseConstraint('abandon_rate.order-status<=0.05')).toEqual({ metric: 'abandon_rate.order-status', kpi: 'abandon_rate', type: 'order-status', op: '<=', bound: 0.05 });
    expect(() => parseConstraint('utilization.calls <= 0.9')).toThrow(/`utilization` is not reported per ticket type \(by_type KPIs are contacts, episodes/);
    expect(() => parseConstraint('service_levle.calls >= 0.8')).toThrow(/`service_levle` is not a KPI.*service_level/);
    expect(parseTimeLimit('10m')).toBe(10);
    expect(parseTimeLimit('1.5h')).toBe(90);
    expect(parseTimeLimit('90s')).toBe(1.5);
    expect(() => parseTimeLimit('10')).toThrow('--time-limit 10: needs a unit: write `10s` or `10m`, not a plain number');
    expect(() => parseTimeLimit('0s')).toThrow('--time-limit 0s: the time limit must be above 0');
    expect(() => parseTimeLimit('soon')).toThrow(/--time-limit soon: .*is not a duration/);
  });

  it('one-sided bounds are mean ± t(0.95, n − 1)·s/√n', () => {
    // 1, 2, 3: mean 2, s 1, t(0.95, 2) = 2.919986 (tables).
    const k = oneSided([1, 2, 3]);
    expect(k.mean).toBe(2);
    expect(k.lo95).toBeCloseTo(2 - 2.919986 / Math.sqrt(3), 5);
    expect(k.hi95).toBeCloseTo(2 + 2.919986 / Math.sqrt(3), 5);
  });
});
