// The measured window: statistics cover [warm-up, horizon), so time-based
// figures are clipped to it.

/** Length of the overlap of [a, b) with [start, end). */
export function overlap(a: number, b: number, start: number, end: number): number {
  // Math.max and Math.min rather than `a > start ? a : start`: the window's
  // ends are whole minutes, small integers to V8, and a conditional that
  // yields either a fraction or a small integer is compiled to a boxed
  // number, so every busy interval a pool clipped allocated two heap numbers
  // (docs/performance.md, "Boxed numbers"). For numbers that are never NaN
  // both forms give the same length.
  const lo = Math.max(a, start);
  const hi = Math.min(b, end);
  return hi > lo ? hi - lo : 0;
}
