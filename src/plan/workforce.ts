// The workforce ledger of one plan path: employees on the payroll month by
// month. Each month, in this order: hires decided hiring_lead_time ago
// start; a share of the payroll leaves on its own (attrition, rounded to
// whole people); the payroll is then brought toward the month's target (the
// people the strategy's staffing needs): an excess is laid off at once, a
// shortfall (counting hires already on their way) is hired, starting
// hiring_lead_time months later (at once with a lead time of 0).

export interface WorkforceRules {
  attritionPerMonth: number;
  /** Whole months. */
  leadTime: number;
}

export interface WorkforceMonth {
  /** Employees working this month: on the payroll after the month's moves. */
  working: number;
  hired: number;
  /** Hires starting this month (decided leadTime months ago, or now with no lead time). */
  started: number;
  laidOff: number;
  left: number;
}

export class WorkforceLedger {
  private payroll: number;
  /** Hires on their way: index = months from now until they start. */
  private pipeline: number[] = [];

  constructor(
    private readonly rules: WorkforceRules,
    initialPayroll: number,
  ) {
    this.payroll = initialPayroll;
  }

  /** The month's moves toward `target` people (whole people). */
  step(target: number): WorkforceMonth {
    let started = this.pipeline.shift() ?? 0;
    this.payroll += started;
    const left = Math.round(this.payroll * this.rules.attritionPerMonth);
    this.payroll -= left;
    const coming = this.pipeline.reduce((a, b) => a + b, 0);
    let hired = 0;
    let laidOff = 0;
    const gap = target - this.payroll - coming;
    if (gap < 0) {
      // Hires on their way are not cancelled: only people working can be laid off.
      laidOff = Math.min(this.payroll, -gap);
      this.payroll -= laidOff;
    } else if (gap > 0) {
      hired = gap;
      if (this.rules.leadTime === 0) {
        this.payroll += hired;
        started += hired;
      } else {
        while (this.pipeline.length < this.rules.leadTime) this.pipeline.push(0);
        this.pipeline[this.rules.leadTime - 1] += hired;
      }
    }
    return { working: this.payroll, hired, started, laidOff, left };
  }
}
