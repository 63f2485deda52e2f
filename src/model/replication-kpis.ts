// A replication's KPIs from what its monitor observed and what its server
// pools accrued: the prices (payroll, AI, gig pay, churn's lifetime value)
// are applied here, after the simulation, not in the event loop.

import type { KpiValues } from '../metrics/kpis.js';
import type { StrategyScenario } from '../scenario/types.js';
import type { EmployeePool } from './employees.js';
import type { GigPool } from './gig-pool.js';
import type { Observations } from './observations.js';
import { transitionCost } from './transition.js';

export function replicationKpis(s: StrategyScenario, observations: Observations, employees: EmployeePool, gig: GigPool | null): KpiValues {
  const measuredMinutes = s.horizon - s.warmup;
  return observations.kpis({
    employeePaidHours: employees.paidHours(),
    employeeHourlyCost: s.staff.employees.hourly_cost,
    aiCostPerConversation: s.ai.cost_per_conversation,
    // A strategy that never uses the AI pays nothing for its platform.
    aiPlatformCostPerDay: s.routing === 'human' ? 0 : s.ai.platform_cost_per_day,
    measuredDays: measuredMinutes / 1440,
    lifetimeValue: s.customers.lifetime_value,
    employeeStaffedMinutes: employees.staffedMinutes,
    employeeBusyMinutes: employees.busyMinutes,
    gigPaidHours: gig ? gig.paidMinutes / 60 : 0,
    gigBusyHours: gig ? gig.busyMinutes / 60 : 0,
    gigEarnings: gig ? gig.earnings : 0,
    gigCalls: gig ? gig.calls : 0,
    gigDeclines: gig ? gig.declines : 0,
    gigEarningsCv: gig ? gig.earningsVolatility() : 0,
    transitionCost: transitionCost(s),
  });
}
