// Sweeps with common random numbers, and prices applied after simulation:
// points that differ only in a price measure the same physical outcome, and
// pricing them from one simulation gives the rows simulating each would.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KPIS, KPI_NAMES, type KpiName } from '../../src/metrics/kpis.js';
import { parseVary, type SweepAxes } from '../../src/experiment/sweep-axes.js';
import { planSweep, runSweep, type PointRows, type SweepRunOptions } from '../../src/experiment/sweep.js';
import { parseScenarioText } from '../../src/scenario/load.js';
import { runScenario } from '../../src/experiment/run.js';

const fixture = new URL('../fixtures/sweep.yaml', import.meta.url).pathname;
const loaded = parseScenarioText(readFileSync(fixture, 'utf8'), fixture);
const cross = (...vary: string[]): SweepAxes => ({ combine: 'cross', axes: vary.map(parseVary) });

/** KPIs in money, by the catalogue's units: the only ones a price may move. */
const MONEY = new Set<KpiName>(KPIS.filter((k) => k.unit === 'money' || k.unit === 'money_per_hour').map((k) => k.name));
const PHYSICAL = KPI_NAMES.filter((k) => !MONEY.has(k));

async function rows(axes: SweepAxes, options: SweepRunOptions = {}, independentSeeds = false): Promise<PointRows[]> {
  const plan = planSweep(loaded, axes, { independentSeeds });
  const out: PointRows[] = [];
  for await (const point of runSweep(plan, { jobs: 2, ...options })) out.push(point);
  return out;
}

describe('sweeps with common random numbers', () => {
  it('two points differing only in a price have identical physical KPIs, and costs that differ by the price', async () => {
    const [a, b] = await rows(cross('ai.cost_per_conversation=0.5,1'));
    expect([a.point_seed, b.point_seed]).toEqual([7, 7]);
    for (let s = 0; s < a.rows.length; s++) {
      for (const kpi of PHYSICAL) expect(b.rows[s].metrics[kpi], `${a.rows[s].strategy} ${kpi}`).toEqual(a.rows[s].metrics[kpi]);
    }
    // hybrid (routing ai-first): every AI conversation costs 0.5 more; all-human has none.
    const [human, hybrid] = [0, 1].map((s) => [a.rows[s].metrics, b.rows[s].metrics]);
    expect(human[1].cost_operating.mean).toBe(human[0].cost_operating.mean);
    const contacts = hybrid[0].contacts.mean;
    const containment = hybrid[0].ai_containment.mean;
    expect(hybrid[1].cost_operating.mean - hybrid[0].cost_operating.mean).toBeGreaterThan(0.5 * contacts * containment);
  });

  it('prices points from one simulation to the rows simulating every point gives, in a mixed sweep too', async () => {
    const axes = cross('staff.employees.headcount=8,12', 'ai.cost_per_conversation=0.25,0.75', 'customers.lifetime_value=100,900');
    const priced = await rows(axes);
    const simulated = await rows(axes, { simulateEveryPoint: true });
    expect(priced).toEqual(simulated);
    // And the headcount still matters: physical KPIs differ between its values.
    expect(priced[0].rows[0].metrics.wait_mean.mean).toBeGreaterThan(priced[4].rows[0].metrics.wait_mean.mean);
  });

  it('carries each strategy\'s by_type and by_group KPIs, those `staffsim run` reports for the point; a price moves only the groups\' payroll', async () => {
    const [a, b] = await rows(cross('staff.employees.hourly_cost=38,57'));
    const atA = runScenario(parseScenarioText(loaded.text, loaded.file, { set: ['staff.employees.hourly_cost=38'] }).scenario, loaded.sha256);
    expect(planSweep(loaded, cross('staff.employees.hourly_cost=38,57')).meta).toMatchObject({ by_type: ['order_status', 'billing'], by_group: ['employees'] });
    for (let s = 0; s < a.rows.length; s++) {
      const run = atA.strategies[s];
      expect(a.rows[s].by_type).toEqual(Object.fromEntries(Object.entries(run.by_type!).map(([name, part]) => [name, part.metrics])));
      expect(a.rows[s].by_group).toEqual(Object.fromEntries(Object.entries(run.by_group!).map(([name, part]) => [name, part.metrics])));
      // The second point is priced from the first's simulation: the same queues, the payroll at 57 / 38 = 1.5 times.
      expect(b.rows[s].by_type).toEqual(a.rows[s].by_type);
      const [payA, payB] = [a, b].map((p) => p.rows[s].by_group.employees);
      expect(payB.utilization).toEqual(payA.utilization);
      expect(payB.cost_operating.mean).toBeCloseTo(1.5 * payA.cost_operating.mean, 6);
    }
  });

  it('with independent seeds, each point draws its own random numbers', async () => {
    const [a, b] = await rows(cross('ai.cost_per_conversation=0.5,1'), {}, true);
    expect(a.point_seed).not.toBe(b.point_seed);
    expect(b.rows[0].metrics.wait_mean.mean).not.toBe(a.rows[0].metrics.wait_mean.mean);
    expect(planSweep(loaded, cross('seed=1,2'), { independentSeeds: true }).meta.seeds).toBe('independent');
    expect(planSweep(loaded, cross('seed=1,2')).meta.seeds).toBeUndefined();
  });
});
