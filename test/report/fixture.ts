// A RunReport as a 10-replication run of a 20,000-contacts-a-day centre
// might produce: all-human, all-ai (nothing offered to humans) and hybrid.
// Hybrid is the cheapest strategy meeting the 80% in 60 s target; all-ai
// meets it by definition (no queue) but loses more to churn.

import type { RunReport, StrategyResult } from '../../src/experiment/result.js';
import { KPI_NAMES, type Estimate, type KpiName, type KpiValues } from '../../src/metrics/kpis.js';
import { estimateKpis } from '../../src/metrics/replications.js';
import type { Routing } from '../../src/scenario/types.js';

function est(mean: number, halfWidth: number): Estimate {
  return { mean, ci95: [mean - halfWidth, mean + halfWidth] };
}

type Row = Record<KpiName, [mean: number, halfWidth: number]>;

function strategy(name: string, routing: Routing, payroll: number, row: Row): StrategyResult {
  // Payroll of a seat staffed around the clock by 40-hour weeks: 4.2 people (transition.people_per_seat's default).
  const metrics = {} as Record<KpiName, Estimate>;
  for (const [kpi, [mean, hw]] of Object.entries(row) as [KpiName, [number, number]][]) metrics[kpi] = est(mean, hw);
  return { name, routing, metrics, mean_on_shift: payroll / 4.2, payroll_headcount: payroll };
}

export function fixtureReport(): RunReport {
  return {
    staffsim: '0.1.0',
    scenario: { name: 'klarna-like', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    seed: 42,
    replications: 10,
    measured_days: 13,
    service_level: { answer_within: 1, target: 0.8, max_occupancy: null },
    baseline: 'all-human',
    warnings: [
      { code: 'human_queue_overloaded', strategy: 'all-human', offered_load: 30.4, agents: 28, gig_capacity: 0, share: 30.4 / 28, abandonment: true },
    ],
    strategies: [
      strategy('all-human', 'human', 420, {
        contacts: [271_840, 1_210],
        episodes: [259_310, 1_105],
        resolved_rate: [0.947, 0.002],
        resolution_time: [6.1, 0.05],
        resolution_time_p90: [14.2, 0.3],
        resolution_time_ai: [0, 0],
        resolution_time_human: [6.1, 0.05],
        resolution_time_p90_ai: [9.8, 0.1],
        resolution_time_p90_human: [12.9, 0.2],
        ai_containment: [0, 0],
        escalation_rate: [0, 0],
        ai_abandon_rate: [0, 0],
        ai_wait_mean: [0, 0],
        offered_to_humans: [271_840, 1_210],
        abandon_rate: [0.031, 0.004],
        p_wait: [0.412, 0.018],
        wait_mean: [0.71, 0.06],
        asa: [0.62, 0.05],
        time_in_service: [8.1, 0.04],
        handoff_wait_mean: [0, 0],
        direct_wait_mean: [0.71, 0.06],
        wait_p90: [2.35, 0.21],
        service_level: [0.836, 0.011],
        csat: [4.35, 0.01],
        churn_rate: [0.012, 0.0008],
        cost_operating: [2_402_600, 0],
        cost_employees: [2_402_600, 0],
        cost_gig: [0, 0],
        cost_ai: [0, 0],
        cost_churn: [377_000, 24_500],
        cost_total: [2_779_600, 24_500],
        cost_per_contact: [8.84, 0.04],
        cost_per_resolution: [9.78, 0.05],
        cost_transition: [0, 0],
        employee_share: [1, 0],
        gig_share: [0, 0],
        utilization: [0.874, 0.006],
        slot_occupancy: [0.874, 0.006],
        gig_hours: [0, 0],
        gig_earnings_per_hour: [0, 0],
        gig_busy_hours: [0, 0],
        gig_slot_occupancy: [0, 0],
        gig_earnings_per_busy_hour: [0, 0],
        gig_decline_rate: [0, 0],
        gig_earnings_cv: [0, 0],
      }),
      strategy('all-ai', 'ai', 0, {
        contacts: [298_450, 1_530],
        episodes: [259_310, 1_105],
        resolved_rate: [0.712, 0.004],
        resolution_time: [2.4, 0.01],
        resolution_time_p90: [3.9, 0.04],
        resolution_time_ai: [2.4, 0.01],
        resolution_time_human: [0, 0],
        resolution_time_p90_ai: [3.9, 0.04],
        resolution_time_p90_human: [0, 0],
        ai_containment: [0.781, 0.003],
        escalation_rate: [0, 0],
        ai_abandon_rate: [0, 0],
        ai_wait_mean: [0, 0],
        offered_to_humans: [0, 0],
        abandon_rate: [0, 0],
        p_wait: [0, 0],
        wait_mean: [0, 0],
        asa: [0, 0],
        time_in_service: [0, 0],
        handoff_wait_mean: [0, 0],
        direct_wait_mean: [0, 0],
        wait_p90: [0, 0],
        service_level: [0, 0],
        csat: [3.62, 0.02],
        churn_rate: [0.049, 0.0015],
        cost_operating: [344_900, 760],
        cost_employees: [0, 0],
        cost_gig: [0, 0],
        cost_ai: [344_900, 760],
        cost_churn: [1_603_000, 48_900],
        cost_total: [1_947_900, 49_100],
        cost_per_contact: [1.16, 0.01],
        cost_per_resolution: [1.87, 0.01],
        cost_transition: [1_260_000, 0],
        employee_share: [0, 0],
        gig_share: [0, 0],
        utilization: [0, 0],
        slot_occupancy: [0, 0],
        gig_hours: [0, 0],
        gig_earnings_per_hour: [0, 0],
        gig_busy_hours: [0, 0],
        gig_slot_occupancy: [0, 0],
        gig_earnings_per_busy_hour: [0, 0],
        gig_decline_rate: [0, 0],
        gig_earnings_cv: [0, 0],
      }),
      strategy('hybrid', 'ai-first', 140, {
        contacts: [280_120, 1_340],
        episodes: [259_310, 1_105],
        resolved_rate: [0.931, 0.003],
        resolution_time: [3.8, 0.04],
        resolution_time_p90: [11.5, 0.3],
        resolution_time_ai: [1.9, 0.01],
        resolution_time_human: [8.7, 0.09],
        resolution_time_p90_ai: [4.4, 0.06],
        resolution_time_p90_human: [15.6, 0.3],
        ai_containment: [0.642, 0.004],
        escalation_rate: [0.305, 0.005],
        ai_abandon_rate: [0, 0],
        ai_wait_mean: [0, 0],
        offered_to_humans: [100_280, 910],
        abandon_rate: [0.044, 0.006],
        p_wait: [0.468, 0.025],
        wait_mean: [0.93, 0.11],
        asa: [0.81, 0.09],
        time_in_service: [8.3, 0.05],
        handoff_wait_mean: [0.97, 0.12],
        direct_wait_mean: [0.88, 0.1],
        wait_p90: [2.9, 0.32],
        service_level: [0.812, 0.016],
        csat: [4.21, 0.02],
        churn_rate: [0.0157, 0.0011],
        cost_operating: [948_300, 15_200],
        cost_employees: [652_300, 9_800],
        cost_gig: [96_000, 4_100],
        cost_ai: [200_000, 1_300],
        cost_churn: [449_000, 31_000],
        cost_total: [1_397_300, 34_500],
        cost_per_contact: [3.39, 0.05],
        cost_per_resolution: [3.93, 0.06],
        cost_transition: [840_000, 0],
        employee_share: [0.82, 0.01],
        gig_share: [0.18, 0.01],
        utilization: [0.851, 0.009],
        slot_occupancy: [0.851, 0.009],
        gig_hours: [3_412, 240],
        gig_earnings_per_hour: [23.4, 0.6],
        gig_busy_hours: [2_150, 160],
        gig_slot_occupancy: [0.53, 0.02],
        gig_earnings_per_busy_hour: [37.1, 1.2],
        gig_decline_rate: [0.31, 0.02],
        gig_earnings_cv: [0.62, 0.04],
      }),
    ],
  };
}

/** A copy of the fixture with one KPI mean of one strategy changed (the interval moves with it). */
export function withMean(report: RunReport, strategyName: string, kpi: KpiName, mean: number): RunReport {
  const copy = structuredClone(report);
  const s = copy.strategies.find((x) => x.name === strategyName);
  if (s === undefined) throw new Error(`no strategy ${strategyName} in the fixture`);
  const e = s.metrics[kpi];
  const shift = mean - e.mean;
  s.metrics[kpi] = { mean, ci95: [e.ci95[0] === null ? null : e.ci95[0] + shift, e.ci95[1] === null ? null : e.ci95[1] + shift] };
  return copy;
}

/** A copy of the fixture keeping only the named strategies. */
export function onlyStrategies(report: RunReport, ...names: string[]): RunReport {
  const copy = structuredClone(report);
  copy.strategies = copy.strategies.filter((s) => names.includes(s.name));
  return copy;
}

/**
 * A strategy from hand-written replications: each row gives the KPIs a test
 * cares about (the others are 0), and the metrics are their estimates, as a
 * run computes them. Replication i of every strategy built so is paired.
 */
export function fromReplications(
  name: string,
  routing: Routing,
  rows: readonly Partial<KpiValues>[],
  extra: Partial<StrategyResult> = {},
): StrategyResult {
  const full = rows.map((r) => Object.fromEntries(KPI_NAMES.map((k) => [k, r[k] ?? 0])) as KpiValues);
  const metrics = estimateKpis(full);
  return { name, routing, metrics, mean_on_shift: 0, payroll_headcount: 0, per_replication: full, ...extra };
}

/** A report of hand-built strategies (seven measured days, the 80% in 60 s target, no cap; baseline the first). */
export function handReport(strategies: StrategyResult[], overrides: Partial<RunReport> = {}): RunReport {
  return {
    staffsim: '0.1.0',
    scenario: { name: 'by-hand', sha256: '0'.repeat(64) },
    seed: 1,
    replications: strategies[0]?.per_replication?.length ?? 1,
    measured_days: 7,
    service_level: { answer_within: 1, target: 0.8, max_occupancy: null },
    baseline: strategies[0]?.name ?? '',
    strategies,
    warnings: [],
    ...overrides,
  };
}
