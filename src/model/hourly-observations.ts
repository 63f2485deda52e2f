// What one replication observed in the human queue, hour of day by hour of
// day: a centre that meets its daily target while failing every evening shows
// it here. Running sums in fixed typed arrays (24 slots each), so nothing is
// allocated per event and memory does not grow with the horizon.
//
// Which hour a contact counts in: the hour of day it was offered to humans
// (entered the human queue), for its answer or abandonment too, so each hour's
// service level and waits are those of the contacts that arrived to the queue
// in it. Contacts count when they count for the run (arrived in the measured
// window), so the hours add up to the run's own counts. Time-based figures
// (agents on shift, busy time) are split at the hour boundaries and clipped to
// the measured window. Time 0 is midnight of the first day (as the schedule's
// hour 0).

import { DOUBLE_ZERO } from '../engine/double-field.js';
import { HOURS_A_DAY, type HourlyValues } from '../metrics/hourly.js';
import { ratio, utilization } from './ratios.js';
import { overlap } from './window.js';

const MINUTES_A_HOUR = 60;
const MINUTES_A_DAY = HOURS_A_DAY * MINUTES_A_HOUR;

export class HourlyObservations {
  private readonly offered = new Float64Array(HOURS_A_DAY);
  private readonly answered = new Float64Array(HOURS_A_DAY);
  private readonly abandoned = new Float64Array(HOURS_A_DAY);
  private readonly answeredWithinTarget = new Float64Array(HOURS_A_DAY);
  private readonly waitSumAnswered = new Float64Array(HOURS_A_DAY);
  private readonly waitSumAbandoned = new Float64Array(HOURS_A_DAY);
  /** Agent-minutes on shift and agent-minutes busy, inside the window. */
  private readonly staffedMinutes = new Float64Array(HOURS_A_DAY);
  private readonly busyMinutes = new Float64Array(HOURS_A_DAY);

  // The hour last looked up: nearly every event falls in the hour of the one
  // before, so its hour of day is kept with the span of times that share it,
  // [cachedFrom, cachedTo), instead of a division, a floor and a
  // floating-point remainder (an fmod call) per event. The span is exact:
  // for a double t below 60 (n + 1), t / 60 never rounds up to n + 1 (doubles
  // near 60 (n + 1) are at least 30 times as far apart as near n + 1), so
  // Math.floor(t / 60) is n for every t in [60 n, 60 (n + 1)).
  private cachedFrom = DOUBLE_ZERO;
  private cachedTo = -Infinity; // nothing cached yet
  private cachedHour = 0;

  constructor(
    private readonly answerWithin: number,
    private readonly windowStart: number,
    private readonly windowEnd: number,
  ) {}

  /**
   * A counted contact reached the human queue at t; returns the hour of day
   * it counts in, which the caller keeps with the contact and hands to
   * answer() or abandon(): one lookup per contact instead of one in each of
   * the three (docs/performance.md, "Cold speed and the model split: the
   * same work").
   */
  offer(t: number): number {
    const h = this.hourOf(t);
    this.offered[h]++;
    return h;
  }

  /** A counted contact offered in hour of day h (offer's answer) was answered after `wait` minutes. */
  answer(h: number, wait: number): void {
    this.answered[h]++;
    this.waitSumAnswered[h] += wait;
    if (wait <= this.answerWithin) this.answeredWithinTarget[h]++;
  }

  /** A counted contact offered in hour of day h (offer's answer) abandoned (or was turned away) after `wait` minutes. */
  abandon(h: number, wait: number): void {
    this.abandoned[h]++;
    this.waitSumAbandoned[h] += wait;
  }

  /** `level` agents were on shift over [from, to). */
  staffed(from: number, to: number, level: number): void {
    if (level !== 0) this.spread(this.staffedMinutes, from, to, level);
  }

  /**
   * One agent was busy over [from, to), of which `minutes` fall inside the
   * window: overlap(from, to, window), which the pool has just computed for
   * its own busy total, so the window is clipped once.
   */
  busy(from: number, to: number, minutes: number): void {
    // Most contacts are served inside the hour they start in: one addition,
    // the same one spread() makes for them (the clipped part of an interval
    // inside the cached hour lies in that hour too; a part outside the window
    // adds zero). The window is clipped by the caller, once for both totals
    // (docs/performance.md, "What the figures cost, and V8's inlining budget").
    if (from >= this.cachedFrom && to <= this.cachedTo) this.busyMinutes[this.cachedHour] += minutes;
    else this.spread(this.busyMinutes, from, to, 1);
  }

  /** The hour of day (0-23) of time t, minutes: from the cached hour when t falls in its span. */
  private hourOf(t: number): number {
    return t >= this.cachedFrom && t < this.cachedTo ? this.cachedHour : this.enterHour(t);
  }

  /**
   * The hour of day of time t without moving the cache: a contact's service
   * that runs into the next hour must not make the events after it, still in
   * this hour, miss the cache one by one.
   */
  private hourAt(t: number): number {
    // `| 0`: Math.floor's result is a double, and an index V8 has seen only as a small integer would deoptimise the code it is in.
    return t >= this.cachedFrom && t < this.cachedTo ? this.cachedHour : (Math.floor(t / MINUTES_A_HOUR) % HOURS_A_DAY) | 0;
  }

  /** Caches the hour t falls in and returns its hour of day. */
  private enterHour(t: number): number {
    const n = Math.floor(t / MINUTES_A_HOUR);
    this.cachedFrom = n * MINUTES_A_HOUR;
    this.cachedTo = (n + 1) * MINUTES_A_HOUR;
    this.cachedHour = (n % HOURS_A_DAY) | 0; // an integer, as hourAt() says
    return this.cachedHour;
  }

  /**
   * Adds `level` × the minutes of [from, to) inside the window to each hour
   * of day they fall in. Whole days add to every hour at once, so a long
   * interval (a flat schedule accrues once per run) costs at most two days
   * of hour steps.
   */
  private spread(into: Float64Array, from: number, to: number, level: number): void {
    // Math.max and Math.min, not conditionals: the window's ends are small
    // integers to V8, and a conditional yielding a fraction or one of them
    // is boxed (window.ts, overlap()).
    let a = Math.max(from, this.windowStart);
    const b = Math.min(to, this.windowEnd);
    if (b <= a) return;
    // Step to the next hour boundary, then skip whole days, then step again.
    while (a < b) {
      const hourEnd = (Math.floor(a / MINUTES_A_HOUR) + 1) * MINUTES_A_HOUR;
      if (hourEnd === a + MINUTES_A_HOUR && b - a >= MINUTES_A_DAY) {
        const days = Math.floor((b - a) / MINUTES_A_DAY) | 0; // an integer: hourAt() says why
        for (let h = 0; h < HOURS_A_DAY; h++) into[h] += level * days * MINUTES_A_HOUR;
        a += days * MINUTES_A_DAY;
        continue;
      }
      const end = hourEnd < b ? hourEnd : b;
      into[this.hourAt(a)] += level * (end - a);
      a = end;
    }
  }

  /** The window's minutes in each hour of day. */
  private measuredMinutes(h: number): number {
    let minutes = 0;
    const firstDay = Math.floor(this.windowStart / MINUTES_A_DAY);
    for (let day = firstDay; day * MINUTES_A_DAY < this.windowEnd; day++) {
      const start = day * MINUTES_A_DAY + h * MINUTES_A_HOUR;
      minutes += overlap(start, start + MINUTES_A_HOUR, this.windowStart, this.windowEnd);
    }
    return minutes;
  }

  /** Each hour's figures (HOURLY_KPIS), hour 0 first. */
  values(): HourlyValues[] {
    if (!Number.isFinite(this.windowEnd)) throw new Error('internal error: hourly figures need a measured window with an end');
    return Array.from({ length: HOURS_A_DAY }, (_, h) => {
      const finished = this.answered[h] + this.abandoned[h];
      const measured = this.measuredMinutes(h);
      return {
        offered: this.offered[h],
        abandoned: this.abandoned[h],
        abandon_rate: ratio(this.abandoned[h], this.offered[h]),
        service_level: ratio(this.answeredWithinTarget[h], this.offered[h]),
        wait_mean: ratio(this.waitSumAnswered[h] + this.waitSumAbandoned[h], finished),
        asa: ratio(this.waitSumAnswered[h], this.answered[h]),
        agents_on_shift: ratio(this.staffedMinutes[h], measured),
        // Busy time is booked whole when a contact starts, so within one hour it
        // can round a few ulps past staffed time; the run's rule clamps that and refuses more.
        utilization: utilization(this.busyMinutes[h], this.staffedMinutes[h]),
      };
    });
  }
}
