// The two rules every KPI formula shares: a share or mean with nothing to
// divide by is 0, and utilisation may pass 1 only by rounding. One copy,
// used by the run's KPIs (pricing.ts) and the hour-by-hour figures
// (hourly-observations.ts).

/**
 * How far above 1 busy / staffed time may come by rounding alone: both are
 * sums of many clipped intervals of floating-point times, so the ratio of a
 * fully busy pool can land a few ulps above 1 (relative error ~1e-12 over a
 * year of minutes). Anything beyond is a bug in the bookkeeping.
 */
export const UTILIZATION_ROUNDING = 1e-9;

/** Employees' busy time over staffed time: over 1 only by rounding, which is clamped; more is refused. */
export function utilization(busyMinutes: number, staffedMinutes: number): number {
  const raw = ratio(busyMinutes, staffedMinutes);
  if (raw > 1 + UTILIZATION_ROUNDING) {
    throw new Error(`employees were busy ${busyMinutes} minutes of ${staffedMinutes} staffed: busy time exceeds staffed time`);
  }
  return Math.min(1, raw);
}

/** A share or mean whose denominator may be zero: a KPI that does not apply is 0 (DESIGN.md). */
export function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}
