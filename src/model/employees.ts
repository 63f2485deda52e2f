// Employed agents. They are interchangeable and the human queue is FIFO, so
// the pool is a set of counters rather than a list of agents: how many are on
// shift (present), how many of those are busy, and how many are due to leave
// as soon as the ticket in hand is done.
//
// The on-shift level follows the hourly schedule net of shrinkage. An agent
// whose shift ends while busy finishes the ticket, then leaves.

import { DOUBLE_ZERO } from '../engine/double-field.js';
import type { Employees } from '../scenario/types.js';
import type { HourlyObservations } from './hourly-observations.js';
import { netOnShift } from './shrinkage.js';
import { overlap } from './window.js';

export class EmployeePool {
  /** Agents on shift, busy or idle, including those finishing a last ticket. */
  present = 0;
  busy = 0;
  /** Busy agents who leave when their ticket ends. */
  leaving = 0;

  /** Minutes of staffed time and of busy time inside the measured window. */
  staffedMinutes = DOUBLE_ZERO;
  busyMinutes = DOUBLE_ZERO;
  private lastChange = DOUBLE_ZERO;

  /** Agents on shift per hour of day, net of shrinkage. */
  readonly netLevels: Int32Array;
  /** True when the level is the same every hour: no shift changes are scheduled. */
  readonly flat: boolean;

  constructor(
    protected readonly spec: Employees,
    protected readonly windowStart: number,
    protected readonly windowEnd: number,
    /** Where on-shift and busy time are also booked hour of day by hour of day (by_hour); none in unit tests of the pool. */
    protected readonly hourly: HourlyObservations | null = null,
  ) {
    if (spec.auto?.some(Boolean)) {
      throw new Error('EmployeePool: auto staffing is not resolved; call resolveAutoStaffing before simulating');
    }
    this.netLevels = Int32Array.from(spec.schedule, (level) => netOnShift(level, spec.shrinkage));
    this.flat = this.netLevels.every((level) => level === this.netLevels[0]);
  }

  get idle(): number {
    return this.present - this.busy;
  }

  /** Whether anyone could ever answer: used to refuse a human queue with nobody behind it. */
  get everStaffed(): boolean {
    return this.netLevels.some((level) => level > 0);
  }

  levelAt(hourOfDay: number): number {
    return this.netLevels[hourOfDay];
  }

  /**
   * Moves the on-shift level to `target` at time t. Returns how many agents
   * became newly available (the caller hands them waiting contacts).
   */
  setLevel(t: number, target: number): number {
    this.accrue(t);
    const onDuty = this.present - this.leaving;
    if (target > onDuty) {
      // Busy agents who were about to leave stay on first, then new agents log in.
      let needed = target - onDuty;
      const kept = Math.min(this.leaving, needed);
      this.leaving -= kept;
      needed -= kept;
      this.present += needed;
      return needed;
    }
    let surplus = onDuty - target;
    const idleLeaving = Math.min(this.idle, surplus);
    this.present -= idleLeaving;
    surplus -= idleLeaving;
    this.leaving += surplus;
    return 0;
  }

  /** An agent takes a contact at t for `duration` minutes. */
  startWork(t: number, duration: number): void {
    this.busy++;
    const minutes = overlap(t, t + duration, this.windowStart, this.windowEnd);
    this.busyMinutes += minutes;
    this.hourly?.busy(t, t + duration, minutes);
  }

  /**
   * An agent finishes a contact at t. Returns false when that agent leaves
   * (shift over) instead of becoming idle.
   */
  finishWork(t: number): boolean {
    this.busy--;
    if (this.leaving > 0) {
      this.accrue(t);
      this.leaving--;
      this.present--;
      return false;
    }
    return true;
  }

  /** Closes the staffed-time integral at the end of the run. */
  close(t: number): void {
    this.accrue(t);
  }

  /** Scheduled (paid) hours inside the measured window: gross of shrinkage. */
  paidHours(): number {
    let minutes = 0;
    const firstHour = Math.floor(this.windowStart / 60);
    for (let hour = firstHour; hour * 60 < this.windowEnd; hour++) {
      const span = overlap(hour * 60, hour * 60 + 60, this.windowStart, this.windowEnd);
      minutes += span * this.spec.schedule[hour % 24];
    }
    return minutes / 60;
  }

  protected accrue(t: number): void {
    this.staffedMinutes += this.present * overlap(this.lastChange, t, this.windowStart, this.windowEnd);
    this.hourly?.staffed(this.lastChange, t, this.present);
    this.lastChange = t;
  }
}
