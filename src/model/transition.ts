// One-off costs of getting from today's staffing to a strategy's: severance
// for employees let go, hiring and training for employees taken on. They are
// reported apart from running cost, which covers the measured window only.

import type { StrategyScenario } from '../scenario/types.js';

/** People on the payroll a strategy needs: its mean on-shift level times people per seat, in whole people. */
export function payrollHeadcount(s: StrategyScenario): number {
  const schedule = s.staff.employees.schedule;
  const meanOnShift = schedule.reduce((a, b) => a + b, 0) / schedule.length;
  return Math.round(meanOnShift * s.transition.people_per_seat);
}

export function transitionCost(s: StrategyScenario): number {
  const t = s.transition;
  // A baseline of 0 means no transition is being costed (the default).
  if (t.baseline_headcount === 0) return 0;
  const change = payrollHeadcount(s) - t.baseline_headcount;
  return change < 0 ? -change * t.severance_per_head : change * (t.hiring_per_head + t.training_per_head);
}
