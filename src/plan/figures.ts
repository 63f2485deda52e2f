// The figures `staffsim plan` reports for each strategy and month: names
// are a public contract (JSON, CSV, rule conditions), so reports and rule
// checks read them from here.

import type { KpiUnit } from '../metrics/kpis.js';

export interface PlanFigureInfo {
  name: string;
  label: string;
  unit: KpiUnit;
  description: string;
}

export const PLAN_FIGURES = [
  { name: 'customers', label: 'Customers', unit: 'count', description: 'The customer base at the start of the month.' },
  { name: 'contacts', label: 'Contacts', unit: 'count', description: 'Contacts in the month: first contacts, retries and repeats.' },
  { name: 'resolved_rate', label: 'Resolved', unit: 'share', description: 'Share of ended episodes that ended resolved (as in `run`).' },
  { name: 'csat', label: 'CSAT (1-5)', unit: 'score', description: 'Mean satisfaction of ended episodes (as in `run`).' },
  { name: 'churned', label: 'Churned customers', unit: 'count', description: 'Customers lost in the month: the sum of each ended episode\'s churn probability, scaled to the month. They leave the base.' },
  { name: 'ai_resolution', label: 'AI resolution (input)', unit: 'share', description: 'The AI resolution the month applies (plan.ai): the share-weighted mean of the ticket types\' ai_resolution.' },
  { name: 'ai_containment', label: 'AI containment', unit: 'share', description: 'Share of contacts closed by the AI without a human (as in `run`).' },
  { name: 'service_level', label: 'Service level', unit: 'share', description: 'Answered within answer_within / offered to humans (as in `run`).' },
  { name: 'cost_operating', label: 'Operating cost', unit: 'money', description: 'Employees, gig workers and AI in the month.' },
  { name: 'cost_churn', label: 'Churn loss', unit: 'money', description: 'Churned customers times lifetime value.' },
  { name: 'cost_severance', label: 'Severance', unit: 'money', description: 'Employees laid off in the month times transition.severance_per_head.' },
  { name: 'cost_hiring', label: 'Hiring', unit: 'money', description: 'Hires decided in the month times transition.hiring_per_head.' },
  { name: 'cost_training', label: 'Training', unit: 'money', description: 'Hires starting in the month times the training cost per hire.' },
  { name: 'cost_total', label: 'Total cost', unit: 'money', description: 'Operating cost, churn loss and the one-off costs of the month.' },
  { name: 'cost_cumulative', label: 'Cumulative cost', unit: 'money', description: 'Total cost from the first month to this one.' },
  { name: 'npv_cost', label: 'Present value of cost', unit: 'money', description: 'Total costs to this month, each discounted to the plan\'s start at discount_rate a year (docs/plan.md).' },
  { name: 'employees', label: 'Employees on payroll', unit: 'count', description: 'Employees working in the month (after the month\'s leavers, lay-offs and hires who started).' },
  { name: 'hired', label: 'Hired', unit: 'count', description: 'Hires decided in the month (they start hiring_lead_time later).' },
  { name: 'laid_off', label: 'Laid off', unit: 'count', description: 'Employees laid off in the month.' },
  { name: 'left', label: 'Left', unit: 'count', description: 'Employees who left on their own in the month (attrition_per_month).' },
  { name: 'gig_active', label: 'Gig workers active', unit: 'count', description: 'On-demand workers who earned anything in the month.' },
  { name: 'gig_earnings_median', label: 'Gig monthly earnings, median', unit: 'money', description: 'Median monthly earnings of the active on-demand workers (0 with none).' },
  { name: 'gig_earnings_p10', label: 'Gig monthly earnings, lowest tenth', unit: 'money', description: 'The 10th percentile of the active on-demand workers\' monthly earnings (0 with none).' },
  { name: 'gig_below_threshold', label: 'Gig workers below the threshold', unit: 'count', description: 'Active on-demand workers who earned less than plan.workforce.living_wage_per_month in the month (0 without a threshold).' },
] as const satisfies readonly PlanFigureInfo[];

export type PlanFigure = (typeof PLAN_FIGURES)[number]['name'];
export const PLAN_FIGURE_NAMES: readonly PlanFigure[] = PLAN_FIGURES.map((f) => f.name);

/** One path's value of every figure in one month. */
export type PlanFigureValues = Record<PlanFigure, number>;
