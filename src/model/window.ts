// The measured window: statistics cover [warm-up, horizon), so time-based
// figures are clipped to it.

/** Length of the overlap of [a, b) with [start, end). */
export function overlap(a: number, b: number, start: number, end: number): number {
  const lo = a > start ? a : start;
  const hi = b < end ? b : end;
  return hi > lo ? hi - lo : 0;
}
