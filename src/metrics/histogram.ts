// A streaming quantile sketch for non-negative values (waits in minutes).
//
// Layout (fixed, shared by every instance, so any two sketches merge):
// - an exact zero bucket: many waits are exactly 0 and must stay exactly 0;
// - log-spaced buckets in the style of DDSketch: bucket k >= 1 holds
//   (MIN_VALUE·γ^(k−1), MIN_VALUE·γ^k] and answers with the point whose
//   relative distance to both ends is α = (γ−1)/(γ+1), so any quantile that
//   falls in it is returned within relative error α;
// - bucket 0 holds (0, MIN_VALUE] and the last bucket everything above
//   MAX_VALUE (clamped).
// The exact minimum and maximum are tracked too, and every answer is clamped
// to [min, max], which makes q = 0 and q = 1 exact and keeps clamped values
// honest.
//
// α is 0.95% rather than 1% so that floating-point rounding of the bucket
// index at a bucket edge cannot push the error over the promised 1%.
// 10 decades at γ ≈ 1.0192 is 1 212 buckets: about 10 KB per sketch.
//
// add() allocates nothing and usually needs no Math.log: a table indexed by
// the value's binary exponent and leading mantissa bits gives the bucket
// wherever that slice of the number line lies inside one bucket; only slices
// that straddle a bucket edge (about 4%) fall back to the logarithm, so every
// value lands in exactly the bucket the logarithm gives. quantile() scans the
// buckets once.

/** Smallest positive value resolved by its own bucket, minutes (6 ms). */
export const SKETCH_MIN_VALUE = 1e-4;
/** Largest value resolved by its own bucket, minutes (~694 days); larger values are clamped. */
export const SKETCH_MAX_VALUE = 1e6;
/** Guaranteed relative error of any quantile of values inside [SKETCH_MIN_VALUE, SKETCH_MAX_VALUE]. */
export const SKETCH_RELATIVE_ERROR = 0.0095;

const GAMMA = (1 + SKETCH_RELATIVE_ERROR) / (1 - SKETCH_RELATIVE_ERROR);
const INV_LOG_GAMMA = 1 / Math.log(GAMMA);
const LOG_MIN = Math.log(SKETCH_MIN_VALUE);
/** Index of the last bucket. */
const LAST = Math.ceil((Math.log(SKETCH_MAX_VALUE) - LOG_MIN) * INV_LOG_GAMMA);
const BUCKETS = LAST + 1;

/** The value each bucket answers with (read-only, shared). */
const REPRESENTATIVE: Float64Array = (() => {
  const reps = new Float64Array(BUCKETS);
  reps[0] = SKETCH_MIN_VALUE;
  for (let k = 1; k < BUCKETS; k++) {
    reps[k] = (SKETCH_MIN_VALUE * 2 * Math.pow(GAMMA, k)) / (GAMMA + 1);
  }
  return reps;
})();

/** The bucket the logarithm gives a positive value: the definition every other route must agree with (exported for its test). */
export function bucketByLog(x: number): number {
  const k = Math.ceil((Math.log(x) - LOG_MIN) * INV_LOG_GAMMA);
  return k <= 0 ? 0 : k > LAST ? LAST : k;
}

// The bucket table. A positive double's high 32 bits are its biased exponent
// and the top 20 bits of its mantissa; their top SLICE_BITS mantissa bits cut
// each octave into 2^SLICE_BITS slices of relative width at most 2^-10, half
// a bucket (γ − 1 ≈ 1.9%). A slice whose ends, widened by a relative 1e-12
// (far beyond any rounding of the logarithm), fall in one bucket gets that
// bucket; a slice holding an edge gets NEEDS_LOG.
const SLICE_BITS = 10;
const NEEDS_LOG = -1;
/** Biased exponents of the octaves the table covers: SKETCH_MIN_VALUE's to SKETCH_MAX_VALUE's. */
const FIRST_EXPONENT = Math.floor(Math.log2(SKETCH_MIN_VALUE)) + 1023;
const LAST_EXPONENT = Math.floor(Math.log2(SKETCH_MAX_VALUE)) + 1023;
const SLICE_BASE = FIRST_EXPONENT << SLICE_BITS;
const SLICES = (LAST_EXPONENT - FIRST_EXPONENT + 1) << SLICE_BITS;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** Which of the two 32-bit words holds the exponent: 1 on little-endian machines. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

const SLICE_BUCKET: Int16Array = (() => {
  const table = new Int16Array(SLICES);
  for (let j = 0; j < SLICES; j++) {
    const slice = SLICE_BASE + j;
    const exponent = slice >> SLICE_BITS;
    const fraction = slice & ((1 << SLICE_BITS) - 1);
    const low = 2 ** (exponent - 1023) * (1 + fraction / (1 << SLICE_BITS));
    const high = 2 ** (exponent - 1023) * (1 + (fraction + 1) / (1 << SLICE_BITS));
    const first = bucketByLog(low * (1 - 1e-12));
    table[j] = first === bucketByLog(high * (1 + 1e-12)) ? first : NEEDS_LOG;
  }
  return table;
})();

/** The bucket of a positive finite value: the table's, or the logarithm's where the table has none (exported for its test). */
export function bucketOf(x: number): number {
  bits[0] = x;
  const j = (words[HIGH] >>> (20 - SLICE_BITS)) - SLICE_BASE;
  if (j >= 0 && j < SLICES) {
    const k = SLICE_BUCKET[j];
    if (k !== NEEDS_LOG) return k;
  }
  return bucketByLog(x);
}

export class QuantileSketch {
  private readonly buckets = new Float64Array(BUCKETS);
  private zeros = 0;
  private n = 0;
  private lo = Infinity;
  private hi = -Infinity;

  /** Number of values added (including merged ones). */
  get count(): number {
    return this.n;
  }

  /** Exact smallest value added; 0 when empty. */
  get min(): number {
    return this.n === 0 ? 0 : this.lo;
  }

  /** Exact largest value added; 0 when empty. */
  get max(): number {
    return this.n === 0 ? 0 : this.hi;
  }

  /**
   * Adds a zero, as add(0) does. Most waits are zero: the caller that knows
   * it passes no number, and this stays small enough for V8 to inline.
   */
  addZero(): void {
    this.n++;
    // Stored every time, not under an `if` that only a run's first values take
    // (docs/performance.md, "Loads that every event makes").
    this.lo = this.lo > 0 ? 0 : this.lo;
    this.hi = this.hi < 0 ? 0 : this.hi;
    this.zeros++;
  }

  /** Adds one value. Throws a RangeError on a negative, NaN or infinite value (a model bug). */
  add(x: number): void {
    // The message is built out of line: a small add() is one V8 inlines into the model's handlers.
    if (!(x >= 0) || x === Infinity) refuse(x);
    this.n++;
    this.lo = x < this.lo ? x : this.lo; // stored every time: addZero() says why
    this.hi = x > this.hi ? x : this.hi;
    if (x === 0) {
      this.zeros++;
      return;
    }
    this.buckets[bucketOf(x)]++;
  }

  /**
   * The q-quantile of the values added, as the inverse empirical CDF: an
   * estimate of the smallest added value x such that at least q·count values
   * are ≤ x (0-based sorted index ceil(q·count) − 1, index 0 for q = 0).
   * Exactly 0 when that value is 0; 0 when the sketch is empty.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) {
      throw new RangeError(`QuantileSketch.quantile: q must be in [0, 1], got ${q}`);
    }
    if (this.n === 0) return 0;
    // 1-based rank of the wanted order statistic; the epsilon absorbs q·n
    // landing a hair above an integer (0.3 · 10 = 3.0000000000000004).
    const rank = Math.max(1, Math.ceil(q * this.n - 1e-9));
    if (rank === 1) return this.lo;
    if (rank >= this.n) return this.hi;
    let seen = this.zeros;
    if (seen >= rank) return 0;
    for (let k = 0; k < BUCKETS; k++) {
      seen += this.buckets[k];
      if (seen >= rank) return Math.min(this.hi, Math.max(this.lo, REPRESENTATIVE[k]));
    }
    return this.hi; // unreachable: the counts add up to n
  }

  /** Forgets every value; keeps the memory. */
  reset(): void {
    this.buckets.fill(0);
    this.zeros = 0;
    this.n = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  /** Adds every value of `other` to this sketch (as if added one by one). */
  merge(other: QuantileSketch): void {
    if (other.n === 0) return;
    const mine = this.buckets;
    const theirs = other.buckets;
    for (let k = 0; k < BUCKETS; k++) mine[k] += theirs[k];
    this.zeros += other.zeros;
    this.n += other.n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }
}

function refuse(x: number): never {
  throw new RangeError(`QuantileSketch.add: expected a finite non-negative value, got ${x}`);
}
