// Shrinkage (breaks, training, absence) between the agents scheduled and the
// agents on shift answering contacts. The simulator puts
// round(scheduled × (1 − shrinkage)) agents on shift, halves rounded up, (employees.ts); staffing
// suggestions invert that rule, so what they tell an analyst to schedule is
// exactly what the simulator will staff.

/**
 * Relative slack for a product that is a half in exact arithmetic: 45 × (1 − 0.3)
 * is 31.5, but 31.499999999999996 in floating point, and Math.round gives 31.
 * Real shrinkages have a few decimals, so a product within this of a half is
 * a half; the error of one multiplication is about 1e-16 of it.
 */
const HALF_TOLERANCE = 1e-9;

/** Agents on shift for `scheduled` agents at a given shrinkage: round(scheduled × (1 − shrinkage)), halves up. */
export function netOnShift(scheduled: number, shrinkage: number): number {
  const exact = scheduled * (1 - shrinkage);
  return Math.floor(exact + 0.5 + HALF_TOLERANCE * Math.max(1, exact));
}

/**
 * The fewest whole agents to schedule so that, net of `shrinkage` and rounded
 * as the simulator rounds, at least `net` agents are on shift.
 */
export function scheduledFor(net: number, shrinkage: number): number {
  if (!Number.isInteger(net) || net < 0) throw new RangeError(`net agents must be a whole number ≥ 0 (got ${net})`);
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(`shrinkage must be in [0, 1) (got ${shrinkage})`);
  // Rounding half up, the answer is the first whole number at or above
  // (net − 0.5) / (1 − shrinkage); start just below it and step up, so that
  // floating-point error (14 / 0.7 = 20.000000000000004) can never make the
  // answer one too many or one too few.
  let scheduled = Math.max(0, Math.floor((net - 0.5) / (1 - shrinkage)) - 1);
  while (netOnShift(scheduled, shrinkage) < net) scheduled++;
  return scheduled;
}
