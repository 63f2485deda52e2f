// staffsim plan against answers derived without the code: with every
// dynamic off a month is a plain run over that month's days; churn moves
// the base by exactly the churned customers; the AI follows the curve
// given; a rule compounds the staffing; the payback month and the present
// values follow from the cumulative costs reported.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Estimate } from '../../src/metrics/kpis.js';
import { runScenario } from '../../src/experiment/run.js';
import { runPlan } from '../../src/plan/run.js';
import type { PlanReport } from '../../src/plan/result.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'plan', name);

const halfWidth = (e: Estimate) => (e.ci95[0] === null || e.ci95[1] === null ? Infinity : (e.ci95[1] - e.ci95[0]) / 2);

/** Two estimates agree when their 95% intervals overlap. */
function expectAgree(a: Estimate, b: Estimate, what: string): void {
  const gap = Math.abs(a.mean - b.mean);
  expect(gap, `${what}: ${a.mean} vs ${b.mean}`).toBeLessThanOrEqual(halfWidth(a) + halfWidth(b) + 1e-9 * Math.abs(b.mean));
}

const strategy = (report: PlanReport, name: string) => report.strategies.find((s) => s.name === name)!;

describe('with every dynamic off', () => {
  it('each month equals a plain run over that month\'s days, scaled', async () => {
    const loaded = loadScenarioFile(fixture('steady.yaml'));
    const report = await runPlan(loaded, { jobs: 1 });
    // February 2026 has 28 days, March 31; the base of 11,200 customers making one contact a month each.
    for (const [index, days] of [[0, 28], [1, 31]] as const) {
      const plain = loadScenarioFile(fixture('steady.yaml'), {
        set: [`horizon=${60 + days * 1440}`, 'warmup=60', `demand.contacts_per_day=${11200 / days}`],
      });
      const run = runScenario(plain.scenario, plain.sha256);
      for (const name of ['all-human', 'hybrid']) {
        const month = strategy(report, name).months[index];
        const metrics = run.strategies.find((s) => s.name === name)!.metrics;
        expect(month.days).toBe(days);
        for (const kpi of ['contacts', 'cost_operating', 'cost_churn', 'csat', 'resolved_rate', 'ai_containment', 'service_level'] as const) {
          expectAgree(month.figures[kpi], metrics[kpi], `${name} ${month.month} ${kpi}`);
        }
        // No churn, no acquisition: the base never moves.
        expect(month.figures.customers.mean).toBe(11200);
        expect(month.figures.churned.mean).toBe(0);
      }
    }
  });
});

describe('a plan with churn, an AI curve, a rule and severance', async () => {
  const loaded = loadScenarioFile(fixture('dynamics.yaml'));
  const report = await runPlan(loaded, { jobs: 1 });

  it('next month\'s base is this month\'s less its churned customers (no acquisition), and first contacts follow the base', () => {
    for (const s of report.strategies) {
      let churnedSomewhere = false;
      for (let m = 0; m + 1 < s.months.length; m++) {
        const now = s.months[m].figures;
        const next = s.months[m + 1].figures;
        if (now.churned.mean > 0) churnedSomewhere = true;
        expect(next.customers.mean).toBeCloseTo(now.customers.mean - now.churned.mean, 6);
      }
      expect(churnedSomewhere).toBe(true);
      for (const month of s.months) {
        // contacts_per_customer_month 1, no retries or repeats: a month's contacts are its base, within the interval.
        expectAgree(month.figures.contacts, { mean: month.figures.customers.mean, ci95: [month.figures.customers.mean, month.figures.customers.mean] }, `${s.name} ${month.month} contacts`);
      }
    }
  });

  it('the AI\'s resolution follows the curve given, and the AI alone contains that share', () => {
    const bot = strategy(report, 'bot');
    // 0.4 in 2025-11 to 0.7 in 2026-02, linear: 0.1 a month.
    expect(bot.months.map((m) => m.figures.ai_resolution.mean)).toEqual([0.4, 0.5, 0.6, 0.7].map((x) => expect.closeTo(x, 12)));
    for (const month of bot.months) {
      expectAgree(month.figures.ai_containment, { mean: month.figures.ai_resolution.mean, ci95: [month.figures.ai_resolution.mean, month.figures.ai_resolution.mean] }, `bot ${month.month} containment`);
    }
  });

  it('a rule that always holds adds 10% to the headcount each next month, compounding, and the ledger hires for it', () => {
    const growing = strategy(report, 'growing');
    // 10 agents on shift × 4.2 people per seat = 42 on the payroll; then 11, 12.1, 13.31 agents: 46.2, 50.82, 55.902 people.
    expect(growing.months.map((m) => m.figures.employees.mean)).toEqual([42, 46, 51, 56]);
    expect(growing.months.map((m) => m.figures.hired.mean)).toEqual([0, 4, 5, 5]);
    expect(growing.months.map((m) => m.figures.cost_hiring.mean)).toEqual([0, 4000, 5000, 5000]);
    expect(growing.months.map((m) => m.figures.cost_training.mean)).toEqual([0, 2000, 2500, 2500]);
    expect(growing.months.map((m) => m.rules_fired)).toEqual([4, 4, 4, 4]);
  });

  it('severance when the payroll falls, and the payback month is where the cumulative costs cross for good', () => {
    const lean = strategy(report, 'lean');
    const big = strategy(report, 'big');
    // 4 agents × 4.2 = 16.8, i.e. 17 people: 25 of the 42 laid off in the first month at $10,000.
    expect(lean.months[0].figures.laid_off.mean).toBe(25);
    expect(lean.months[0].figures.cost_severance.mean).toBe(250000);
    const cumulative = (s: typeof lean) => s.months.map((m) => m.figures.cost_cumulative.mean);
    const above = cumulative(lean).map((c, i) => c > cumulative(big)[i]);
    const first = above.lastIndexOf(true) + 1;
    expect(first).toBeGreaterThan(0); // the severance puts it above the baseline at first
    expect(first).toBeLessThan(lean.months.length);
    expect(lean.payback_month).toBe(lean.months[first].month);
    // Each month's cumulative cost is the sum of its total costs.
    let sum = 0;
    for (const month of lean.months) {
      sum += month.figures.cost_total.mean;
      expect(month.figures.cost_cumulative.mean).toBeCloseTo(sum, 4);
    }
  });

  it('present values discount each month\'s total cost by (1 + rate)^-(months/12)', () => {
    for (const s of report.strategies) {
      const npv = s.months.reduce((sum, m, i) => sum + m.figures.cost_total.mean / 1.1 ** ((i + 1) / 12), 0);
      expect(s.npv_cost.mean).toBeCloseTo(npv, 4);
      expect(s.months.at(-1)!.figures.npv_cost.mean).toBeCloseTo(npv, 4);
    }
    const lean = strategy(report, 'lean');
    expect(lean.npv_saving!.mean).toBeCloseTo(strategy(report, 'big').npv_cost.mean - lean.npv_cost.mean, 4);
  });

  it('is the same whatever the number of jobs', async () => {
    const again = await runPlan(loaded, { jobs: 2 });
    expect(again).toEqual(report);
  });
});
