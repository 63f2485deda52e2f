// Contact arrivals: a non-homogeneous Poisson process whose rate is the daily
// volume shaped by an hour-of-day and a day-of-week multiplier and by surge
// events. The rate is piecewise constant (it changes only at hour boundaries
// and at the edges of surges), so arrivals are generated exactly by inverting
// the cumulative rate: one unit-exponential draw per arrival, walked across
// segments, with no thinning and no rejected draws.

import { DOUBLE_ZERO } from '../engine/double-field.js';
import type { Demand } from '../scenario/types.js';

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;
/**
 * No further arrival. A module constant rather than the global `Infinity`:
 * in a branch that has never run, V8 reads the global through a generic
 * lookup, so the merged result is a tagged value and every arrival time
 * returned beside it is allocated as a heap number.
 */
const NO_ARRIVAL = Infinity;

export class ArrivalProcess {
  private readonly baseRate: number;
  private readonly hourFactor: Float64Array;
  /** Surge edges in time order, with the multiplier in force from each edge on. */
  private readonly edgeTimes: Float64Array;
  private readonly edgeFactor: Float64Array;
  /** True when the rate never changes: arrivals are then t + e / rate. */
  private readonly flat: boolean;

  constructor(demand: Demand) {
    this.baseRate = demand.contacts_per_day / MINUTES_PER_DAY;
    // One factor per hour of the week: intraday times weekly.
    this.hourFactor = new Float64Array(24 * 7);
    for (let day = 0; day < 7; day++) {
      for (let hour = 0; hour < 24; hour++) {
        this.hourFactor[day * 24 + hour] = demand.intraday[hour] * demand.weekly[day];
      }
    }
    const edges = surgeEdges(demand);
    this.edgeTimes = Float64Array.from(edges.map((e) => e.time));
    this.edgeFactor = Float64Array.from(edges.map((e) => e.factor));
    this.flat = edges.length === 0 && this.hourFactor.every((f) => f === this.hourFactor[0]);
    // A run's first arrival is drawn from t = 0. Entered here, its segment
    // leaves next()'s own enterSegment(t) to a t that jumps out of the
    // segment, which a run never makes, instead of every run's first call
    // (docs/performance.md, "Loads that every event makes").
    if (!this.flat) this.enterSegment(0);
  }

  /** Arrivals per minute at time t. */
  rate(t: number): number {
    return this.baseRate * this.shapeAt(t) * this.surgeAt(t);
  }

  /**
   * The next arrival after time t, given a unit-exponential draw.
   * Returns Infinity when the rate stays zero until `limit`.
   */
  next(t: number, unitExponential: number, limit: number): number {
    if (this.flat) {
      const rate = this.baseRate * this.hourFactor[0];
      return rate > 0 ? t + unitExponential / rate : NO_ARRIVAL;
    }
    // Most arrivals fall in the segment of the previous one: its end and rate are kept.
    if (t < this.segmentStart || t >= this.segmentStop) this.enterSegment(t);
    let remaining = unitExponential;
    let now = t;
    while (now < limit) {
      const mass = this.segmentRate * (this.segmentStop - now);
      if (mass > remaining) return now + remaining / this.segmentRate;
      remaining -= mass;
      now = this.segmentStop;
      this.enterSegment(now);
    }
    return NO_ARRIVAL;
  }

  private segmentStart = DOUBLE_ZERO;
  private segmentStop = -Infinity; // no segment entered yet (a double, as segment ends are)
  private segmentRate = DOUBLE_ZERO;

  private enterSegment(t: number): void {
    this.segmentStart = t;
    this.segmentStop = this.segmentEnd(t);
    this.segmentRate = this.rate(t);
  }

  private shapeAt(t: number): number {
    const hourOfWeek = Math.floor(t / MINUTES_PER_HOUR) % (24 * 7);
    return this.hourFactor[hourOfWeek];
  }

  private surgeAt(t: number): number {
    let factor = 1;
    // Surges are few; the last edge at or before t holds the product in force.
    for (let i = 0; i < this.edgeTimes.length && this.edgeTimes[i] <= t; i++) factor = this.edgeFactor[i];
    return factor;
  }

  private segmentEnd(t: number): number {
    let end = (Math.floor(t / MINUTES_PER_HOUR) + 1) * MINUTES_PER_HOUR;
    for (let i = 0; i < this.edgeTimes.length; i++) {
      const edge = this.edgeTimes[i];
      if (edge > t) {
        if (edge < end) end = edge;
        break;
      }
    }
    return end;
  }
}

/** Times where the surge multiplier changes, with the product of active surges from then on. */
function surgeEdges(demand: Demand): Array<{ time: number; factor: number }> {
  const times = new Set<number>();
  for (const s of demand.surges) {
    times.add(s.at);
    times.add(s.at + s.duration);
  }
  return [...times]
    .sort((a, b) => a - b)
    .map((time) => ({
      time,
      factor: demand.surges
        .filter((s) => s.at <= time && time < s.at + s.duration)
        .reduce((product, s) => product * s.multiplier, 1),
    }));
}
