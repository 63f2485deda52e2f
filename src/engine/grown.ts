// Growing the typed arrays the engine's structures live in: each grows by
// doubling, copied into a new array (a typed array cannot grow in place).

/** `bigger` with `old`'s values at its start. */
export function grown<T extends Float64Array | Int32Array>(bigger: T, old: T): T {
  bigger.set(old);
  return bigger;
}
