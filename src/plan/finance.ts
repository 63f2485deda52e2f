// Money over months: present values and the payback month.

/**
 * Discount factor of a cost paid at the end of month `index` (0 = the
 * plan's first month) at a yearly rate: (1 + rate)^-((index + 1) / 12).
 */
export function discountFactor(rate: number, index: number): number {
  return (1 + rate) ** (-(index + 1) / 12);
}

/** Present value at the plan's start of monthly costs. */
export function presentValue(costs: readonly number[], rate: number): number {
  return costs.reduce((sum, cost, i) => sum + cost * discountFactor(rate, i), 0);
}

/**
 * The payback month (0-based index) of a strategy against a baseline, from
 * their cumulative costs: the first month from which the strategy's
 * cumulative cost stays at or below the baseline's to the end of the plan;
 * null when it is above at the end.
 */
export function paybackIndex(cumulative: readonly number[], baselineCumulative: readonly number[]): number | null {
  let payback: number | null = null;
  for (let i = 0; i < cumulative.length; i++) {
    if (cumulative[i] <= baselineCumulative[i]) payback ??= i;
    else payback = null;
  }
  return payback;
}
