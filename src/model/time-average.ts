// The time-average of a level that changes in steps (such as the number of
// contacts waiting), clipped to the measured window: a running integral, so
// memory stays flat. Validation uses the queue's time-average for Little's law
// (L = lambda W), which ties the waits the model records to the queue it
// actually held.

import { DOUBLE_ZERO } from '../engine/double-field.js';
import { overlap } from './window.js';

export class TimeAverage {
  private level = 0;
  private since = DOUBLE_ZERO;
  private integral = DOUBLE_ZERO;

  constructor(
    private readonly windowStart: number,
    private readonly windowEnd: number,
  ) {}

  /** The level becomes `level` at time t (times never decrease). */
  set(t: number, level: number): void {
    if (this.level !== 0) this.integral += this.level * overlap(this.since, t, this.windowStart, this.windowEnd);
    this.level = level;
    this.since = t;
  }

  /** Closes the integral at t (the end of the run) and returns the mean level over the window. */
  close(t: number): number {
    this.set(t, this.level);
    return this.mean;
  }

  /** Mean level over the window, counting time up to the last set() or close(). */
  get mean(): number {
    const length = this.windowEnd - this.windowStart;
    return length > 0 ? this.integral / length : 0;
  }
}
