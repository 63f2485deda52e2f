// `staffsim plan`: the month stepper. Every plan strategy runs R
// independent paths (R = the scenario's replications); month m of path r
// simulates the month's stretch as replication m·R + r, so strategies share
// random numbers month by month (common random numbers) while months and
// paths are independent. A month's outcomes move its path on: churned
// customers leave the base, acquisitions join, the workforce ledger moves
// the payroll, and rules whose condition held change the next months.
// Figures are estimated over paths, so each interval carries every earlier
// month's uncertainty too (docs/plan.md).

import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { quantileSorted } from 'simple-statistics';
import { UNIT_RANGES, type Estimate } from '../metrics/kpis.js';
import { estimate, pairedDifference } from '../metrics/replications.js';
import { resolveAutoStaffing } from '../experiment/auto-staffing.js';
import { pricesOf } from '../model/pricing.js';
import { payrollHeadcount } from '../model/transition.js';
import { inTaskOrder, openPool, workerUrl } from '../experiment/pool.js';
import runReplication, { type ReplicationTask } from '../experiment/replication-worker.js';
import type { ReplicationSummary } from '../experiment/run.js';
import { VERSION } from '../experiment/version.js';
import { scenarioError } from '../scenario/errors.js';
import type { LoadedScenario } from '../scenario/load.js';
import { groupKey, type PlanSection } from '../scenario/schema.js';
import type { StrategyScenario } from '../scenario/types.js';
import { scaledResolutions, mixResolution, targetResolution } from './ai-curve.js';
import { daysInMonth, monthLabel, monthOrdinal } from './calendar.js';
import { applyChange, keepWhole, parseChange, type Change } from './changes.js';
import { holds, parseCondition, type Condition } from './condition.js';
import { PLAN_FIGURES, type PlanFigure, type PlanFigureValues } from './figures.js';
import { discountFactor, paybackIndex } from './finance.js';
import { MonthScenarios, resolvedValue, type Override } from './month-scenario.js';
import type { PlanMonth, PlanReport, PlanStrategyResult } from './result.js';
import { WorkforceLedger } from './workforce.js';

export type Plan = NonNullable<PlanSection>;

export interface PlanOptions {
  /** Months to plan instead of plan.months. */
  months?: number;
  /** Paths instead of the scenario's replications. */
  paths?: number;
  /** Worker threads (default every core); the same output whatever the number. */
  jobs?: number;
  signal?: AbortSignal;
  /** Called with the month-simulations done and the total. */
  onProgress?: (done: number, total: number) => void;
}

interface Rule {
  condition: Condition;
  changes: Array<[key: string, change: Change]>;
  from: number;
}

/** One plan strategy on one path: what carries from month to month. */
interface PathState {
  customers: number;
  ledger: WorkforceLedger | null;
  /** Rule changes in force: key -> changes in firing order. */
  changes: Map<string, Change[]>;
  cumulative: number;
  npv: number;
  months: PlanFigureValues[];
  fired: boolean[];
}

export async function runPlan(loaded: LoadedScenario, options: PlanOptions = {}): Promise<PlanReport> {
  const plan = loaded.plan;
  if (!plan) throw scenarioError(loaded.file, '', 'the scenario has no `plan:` section', { hint: 'docs/plan.md describes it; scenarios/klarna-2024.yaml has one' });
  const months = options.months ?? plan.months;
  const paths = options.paths ?? loaded.scenario.replications;
  const start = monthOrdinal(plan.start);
  const names = Object.keys(plan.strategies);
  const baseline = plan.baseline ?? names[0];
  const scenarios = new MonthScenarios(loaded);
  const base = loaded.scenario;
  const rules = new Map(names.map((name) => [name, plan.strategies[name].rules.map(toRule)]));
  const states = new Map(names.map((name) => [name, Array.from({ length: paths }, (): PathState => ({
    customers: plan.customers.base, ledger: null, changes: new Map(), cumulative: 0, npv: 0, months: [], fired: [],
  }))]));
  const ranStrategy = new Map(names.map((name) => [name, [] as string[]]));
  const total = months * names.length * paths;
  let done = 0;
  const jobs = options.jobs ?? availableParallelism();
  // One pool for every month: its threads keep their optimised code.
  const pool = jobs > 1 && names.length * paths > 1 ? openPool(workerUrl('replication-worker'), Math.min(jobs, names.length * paths)) : null;
  try {
    for (let m = 0; m < months; m++) {
      const ordinal = start + m;
      const label = monthLabel(ordinal);
      const days = daysInMonth(ordinal);
      const scale = days / plan.stretch.days;
      const target = targetResolution(plan.ai, start, ordinal);
      const aiSets: Override[] = target === null ? [] : scaledResolutions(base.ticket_types, target).map((v, i) => [`ticket_types.${i}.ai_resolution`, v]);
      const aiApplied = mixResolution(target === null ? base.ticket_types : base.ticket_types.map((t, i) => ({ ...t, ai_resolution: aiSets[i][1] as number })));

      const tasks: ReplicationTask[] = [];
      const moves: Array<{ name: string; r: number; strategy: StrategyScenario; working: number; hired: number; started: number; laidOff: number; left: number }> = [];
      for (const name of names) {
        const { strategy: scenarioStrategy, sets } = monthStep(plan, name, ordinal);
        ranStrategy.get(name)!.push(scenarioStrategy);
        const prefix = `strategies.${scenarioStrategy}.`;
        for (let r = 0; r < paths; r++) {
          const state = states.get(name)![r];
          const where = `plan month ${label}, strategy ${name}`;
          const monthSets: Override[] = [
            ['horizon', plan.stretch.warmup + plan.stretch.days * 1440],
            ['warmup', plan.stretch.warmup],
            // The stretch is an average day of the month: the week's shape is averaged out.
            ['demand.weekly', [1, 1, 1, 1, 1, 1, 1]],
            ['demand.contacts_per_day', (state.customers * plan.customers.contacts_per_customer_month) / days],
            ...aiSets,
            ...sets.map(([key, value]): Override => [prefix + key, value]),
          ];
          const first = resolveAutoStaffing(scenarios.strategy(scenarioStrategy, monthSets, where)).strategy;
          // Rule changes act on the month's own values.
          const extra = new Map<string, unknown>();
          for (const [key, changes] of state.changes) {
            const found = resolvedValue(first, key);
            if (!found) throw scenarioError(loaded.file, `plan.strategies.${name}.rules`, `${where}: a rule changes \`${key}\`, which strategy \`${scenarioStrategy}\` does not have`);
            let value = found.value;
            for (const change of changes) {
              const next = applyChange(value, change);
              if (next === null) throw scenarioError(loaded.file, `plan.strategies.${name}.rules`, `${where}: a rule changes \`${key}\` by a relative amount, but its value is not a number`);
              value = keepWhole(found.value, next);
            }
            extra.set(found.path, value);
          }
          // The payroll the staffing needs, and the people the ledger has for it.
          // Each group's schedule, as a rule left it.
          const groupKeys = first.staff.groups.map((_, g) => `${groupKey(first.staff, g)}.schedule`);
          const groups = first.staff.groups.map((group, g) => ({ ...group, schedule: (extra.get(groupKeys[g]) as number[] | undefined) ?? group.schedule }));
          const needed = payrollHeadcount({ ...first, staff: { ...first.staff, groups } });
          state.ledger ??= new WorkforceLedger(
            { attritionPerMonth: plan.workforce.attrition_per_month, leadTime: plan.workforce.hiring_lead_time },
            base.transition.baseline_payroll_headcount > 0 ? base.transition.baseline_payroll_headcount : needed,
          );
          const move = state.ledger.step(needed);
          if (move.working !== needed && needed > 0) {
            groups.forEach((group, g) => extra.set(groupKeys[g], group.schedule.map((level) => (level * move.working) / needed)));
          }
          const strategy =
            extra.size === 0
              ? first
              : resolveAutoStaffing(scenarios.strategy(scenarioStrategy, [...monthSets, ...[...extra].map(([k, v]): Override => [prefix + k, v])], where)).strategy;
          tasks.push({ strategy, replication: m * paths + r });
          moves.push({ name, r, strategy, ...move });
        }
      }

      const summaries = await simulate(tasks, pool, jobs, options.signal, () => options.onProgress?.(++done, total));

      moves.forEach((move, i) => {
        const summary = summaries[i];
        const state = states.get(move.name)![move.r];
        const s = move.strategy;
        const k = summary.kpis;
        const training = plan.workforce.training_cost_per_hire ?? s.transition.training_per_head;
        const severance = move.laidOff * s.transition.severance_per_head;
        const hiring = move.hired * s.transition.hiring_per_head;
        const trainingCost = move.started * training;
        const operating = k.cost_operating * scale;
        const churnLoss = k.cost_churn * scale;
        const totalCost = operating + churnLoss + severance + hiring + trainingCost;
        state.cumulative += totalCost;
        state.npv += totalCost * discountFactor(plan.discount_rate, m);
        // Pay units priced at the strategy's rate (pricing.ts), scaled to the month.
      const rate = pricesOf(s).gigRate;
      const earnings = summary.gigPayByWorker.map((units) => units * rate * scale).sort((a, b) => a - b);
        const churned = summary.churned * scale;
        const figures: PlanFigureValues = {
          customers: state.customers,
          contacts: k.contacts * scale,
          resolved_rate: k.resolved_rate,
          csat: k.csat,
          churned,
          ai_resolution: aiApplied,
          ai_containment: k.ai_containment,
          service_level: k.service_level,
          cost_operating: operating,
          cost_churn: churnLoss,
          cost_severance: severance,
          cost_hiring: hiring,
          cost_training: trainingCost,
          cost_total: totalCost,
          cost_cumulative: state.cumulative,
          npv_cost: state.npv,
          employees: move.working,
          hired: move.hired,
          laid_off: move.laidOff,
          left: move.left,
          gig_active: earnings.length,
          gig_earnings_median: earnings.length > 0 ? quantileSorted(earnings, 0.5) : 0,
          gig_earnings_p10: earnings.length > 0 ? quantileSorted(earnings, 0.1) : 0,
          gig_below_threshold: plan.workforce.living_wage_per_month === undefined ? 0 : earnings.filter((e) => e < plan.workforce.living_wage_per_month!).length,
        };
        state.months.push(figures);
        state.customers = Math.max(0, state.customers - churned + plan.customers.acquisition_per_month);
        // Rules see the month just simulated; their changes start next month.
        const seen: Record<string, number> = { ...k, ...figures };
        let fired = false;
        for (const rule of rules.get(move.name)!) {
          if (ordinal < rule.from || !holds(rule.condition, seen)) continue;
          fired = true;
          for (const [key, change] of rule.changes) state.changes.set(key, [...(state.changes.get(key) ?? []), change]);
        }
        state.fired.push(fired);
      });
    }
  } finally {
    await pool?.destroy();
  }

  const baselineStates = states.get(baseline)!;
  const strategies = names.map((name): PlanStrategyResult => {
    const mine = states.get(name)!;
    const monthsOut: PlanMonth[] = Array.from({ length: months }, (_, m) => ({
      month: monthLabel(start + m),
      days: daysInMonth(start + m),
      strategy: ranStrategy.get(name)![m],
      figures: Object.fromEntries(PLAN_FIGURES.map((f) => [f.name, estimate(mine.map((p) => p.months[m][f.name]), UNIT_RANGES[f.unit])])) as Record<PlanFigure, Estimate>,
      rules_fired: mine.filter((p) => p.fired[m]).length,
    }));
    const npvCost = estimate(mine.map((p) => p.npv), UNIT_RANGES.money);
    if (name === baseline) {
      return { name, description: plan.strategies[name].description, months: monthsOut, npv_cost: npvCost, npv_saving: null, cumulative_saving: null, payback_month: null, paid_back_paths: null };
    }
    const cumulative = (states: PathState[]) => Array.from({ length: months }, (_, m) => states.reduce((sum, p) => sum + p.months[m].cost_cumulative, 0) / states.length);
    const payback = paybackIndex(cumulative(mine), cumulative(baselineStates));
    const paidBack = mine.filter((p, r) => paybackIndex(p.months.map((x) => x.cost_cumulative), baselineStates[r].months.map((x) => x.cost_cumulative)) !== null).length;
    const saving = (pick: (p: PathState) => number) => difference(baselineStates.map(pick), mine.map(pick));
    return {
      name,
      description: plan.strategies[name].description,
      months: monthsOut,
      npv_cost: npvCost,
      npv_saving: saving((p) => p.npv),
      cumulative_saving: saving((p) => p.cumulative),
      payback_month: payback === null ? null : monthLabel(start + payback),
      paid_back_paths: paidBack,
    };
  });
  return {
    staffsim: VERSION,
    scenario: { name: base.name, sha256: loaded.sha256 },
    seed: base.seed,
    paths,
    start: plan.start,
    months,
    stretch: { days: plan.stretch.days, warmup: plan.stretch.warmup },
    discount_rate: plan.discount_rate,
    living_wage_per_month: plan.workforce.living_wage_per_month ?? null,
    baseline,
    strategies,
  };
}

function toRule(rule: Plan['strategies'][string]['rules'][number]): Rule {
  return {
    condition: parseCondition(rule.when),
    changes: Object.entries(rule.change).map(([key, value]) => [key, parseChange(value)]),
    from: rule.from === undefined ? -Infinity : monthOrdinal(rule.from),
  };
}

/** The scenario strategy a plan strategy runs in a month, and its by_month values then (later months' steps win). */
export function monthStep(plan: Plan, name: string, ordinal: number): { strategy: string; sets: Override[] } {
  const spec = plan.strategies[name];
  let strategy = spec.strategy ?? name;
  const sets = new Map<string, unknown>();
  const steps = Object.entries(spec.by_month).sort((a, b) => monthOrdinal(a[0]) - monthOrdinal(b[0]));
  for (const [label, step] of steps) {
    if (monthOrdinal(label) > ordinal) break;
    for (const [key, value] of Object.entries(step)) {
      if (key === 'strategy') strategy = value as string;
      else sets.set(key, value);
    }
  }
  return { strategy, sets: [...sets] };
}

/** a − b paired over paths (common random numbers), or an interval-free difference of one path. */
function difference(a: number[], b: number[]): Estimate {
  const d = pairedDifference(a, b);
  return { mean: d.mean, ci95: d.ci95 };
}

/** The month's simulations, in task order: on worker threads, or in this thread with one job. */
async function simulate(
  tasks: ReplicationTask[],
  pool: ReturnType<typeof openPool> | null,
  jobs: number,
  signal: AbortSignal | undefined,
  onDone: () => void,
): Promise<ReplicationSummary[]> {
  const out: ReplicationSummary[] = [];
  if (pool) {
    const options = { jobs, pool, ...(signal ? { signal } : {}) };
    for await (const summary of inTaskOrder<ReplicationTask, ReplicationSummary>(workerUrl('replication-worker'), tasks, options)) {
      out.push(summary);
      onDone();
    }
    return out;
  }
  for (const task of tasks) {
    signal?.throwIfAborted();
    out.push(runReplication(task));
    onDone();
    await setImmediate();
  }
  return out;
}
