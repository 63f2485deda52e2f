// What `staffsim plan` returns: per plan strategy and month, every figure
// (figures.ts) as a mean over the plan's paths with its 95% interval.

import type { Estimate } from '../metrics/kpis.js';
import type { PlanFigure } from './figures.js';

export interface PlanMonth {
  /** YYYY-MM. */
  month: string;
  days: number;
  /** The scenario strategy the month ran. */
  strategy: string;
  figures: Record<PlanFigure, Estimate>;
  /** Paths on which a rule's condition held this month (its changes start next month). */
  rules_fired: number;
}

export interface PlanStrategyResult {
  name: string;
  description: string;
  months: PlanMonth[];
  /** Present value of all the plan's costs. */
  npv_cost: Estimate;
  /** Against the baseline (null for the baseline itself): its present value of cost less this one's, paired over paths. */
  npv_saving: Estimate | null;
  /** Cumulative cost at the end, baseline's less this one's (null for the baseline). */
  cumulative_saving: Estimate | null;
  /** The month from which the mean cumulative cost stays at or below the baseline's (finance.ts); null when it never does or for the baseline. */
  payback_month: string | null;
  /** Paths whose own cumulative costs pay back (null for the baseline). */
  paid_back_paths: number | null;
}

export interface PlanReport {
  staffsim: string;
  scenario: { name: string; sha256: string };
  seed: number;
  /** Independent plan paths: each month of path r runs replication r of that month. */
  paths: number;
  start: string;
  months: number;
  /** Days simulated per month after the warm-up, and the warm-up (minutes). */
  stretch: { days: number; warmup: number };
  discount_rate: number;
  living_wage_per_month: number | null;
  baseline: string;
  strategies: PlanStrategyResult[];
}
