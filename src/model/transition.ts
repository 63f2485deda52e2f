// One-off costs of getting from today's staffing to a strategy's: severance
// for employees let go, hiring and training for employees taken on. They are
// reported apart from running cost, which covers the measured window only.
//
// Today's staffing is `transition.baseline_payroll_headcount`, people on the
// payroll (not agents on shift). The strategy that is today's set-up should
// need exactly that many people, so that it costs nothing to move to itself:
// baselineMismatch says when it does not.

import type { StrategyScenario } from '../scenario/types.js';

/** Employees on shift in an average hour of the day (before shrinkage), every group together. */
export function meanOnShift(s: StrategyScenario): number {
  let total = 0;
  for (const group of s.staff.groups) total += group.schedule.reduce((a, b) => a + b, 0) / group.schedule.length;
  return total;
}

/** People on the payroll a strategy needs: its mean on-shift level times people per seat, in whole people. */
export function payrollHeadcount(s: StrategyScenario): number {
  return Math.round(meanOnShift(s) * s.transition.people_per_seat);
}

export function transitionCost(s: StrategyScenario): number {
  const t = s.transition;
  // A baseline of 0 means no transition is being costed (the default).
  if (t.baseline_payroll_headcount === 0) return 0;
  const change = payrollHeadcount(s) - t.baseline_payroll_headcount;
  return change < 0 ? -change * t.severance_per_head : change * (t.hiring_per_head + t.training_per_head);
}

/** Today's strategy as the file staffs it, when moving to it would cost something: the figures a warning needs. */
export interface BaselineMismatch {
  /** transition.baseline_payroll_headcount. */
  stated: number;
  /** People the strategy's own staffing needs. */
  needed: number;
  /** Its mean on-shift level (agents), and the people per seat. */
  onShift: number;
  peoplePerSeat: number;
  cost: number;
}

/** Null when the baseline strategy's own transition costs nothing (as it should). */
export function baselineMismatch(baseline: StrategyScenario): BaselineMismatch | null {
  const cost = transitionCost(baseline);
  if (cost === 0) return null;
  return {
    stated: baseline.transition.baseline_payroll_headcount,
    needed: payrollHeadcount(baseline),
    onShift: meanOnShift(baseline),
    peoplePerSeat: baseline.transition.people_per_seat,
    cost,
  };
}
