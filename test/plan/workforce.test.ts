// The workforce ledger against a hand-worked trace.

import { describe, expect, it } from 'vitest';
import { WorkforceLedger } from '../../src/plan/workforce.js';
import { discountFactor, paybackIndex, presentValue } from '../../src/plan/finance.js';

describe('the workforce ledger', () => {
  it('replaces leavers after the lead time and lays off an excess at once (hand-worked trace)', () => {
    const ledger = new WorkforceLedger({ attritionPerMonth: 0.1, leadTime: 2 }, 100);
    // Month 1: 10 leave (90), 10 hired, starting in month 3.
    expect(ledger.step(100)).toEqual({ working: 90, hired: 10, started: 0, laidOff: 0, left: 10 });
    // Month 2: 9 leave (81); 10 on their way, so 9 more hired.
    expect(ledger.step(100)).toEqual({ working: 81, hired: 9, started: 0, laidOff: 0, left: 9 });
    // Month 3: the 10 start (91), 9 leave (82, round(9.1)); 9 on their way: 9 hired.
    expect(ledger.step(100)).toEqual({ working: 82, hired: 9, started: 10, laidOff: 0, left: 9 });
    // Month 4: the target falls to 50. The 9 start (91), 9 leave (82); 9 more still coming: 82 + 9 - 50 = 41 laid off.
    expect(ledger.step(50)).toEqual({ working: 41, hired: 0, started: 9, laidOff: 41, left: 9 });
  });

  it('with no attrition and no lead time, the payroll is the target every month', () => {
    const ledger = new WorkforceLedger({ attritionPerMonth: 0, leadTime: 0 }, 20);
    expect(ledger.step(20)).toEqual({ working: 20, hired: 0, started: 0, laidOff: 0, left: 0 });
    expect(ledger.step(35)).toEqual({ working: 35, hired: 15, started: 15, laidOff: 0, left: 0 });
    expect(ledger.step(5)).toEqual({ working: 5, hired: 0, started: 0, laidOff: 30, left: 0 });
  });
});

describe('money over months', () => {
  it('present value by the formula, computed by hand', () => {
    // 1.08^(1/12) = 1.00643403, 1.08^(2/12) = 1.01290946: 100/1.00643403 + 100/1.01290946 = 99.36071 + 98.72551.
    expect(discountFactor(0.08, 0)).toBeCloseTo(1 / 1.00643403, 8);
    expect(presentValue([100, 100], 0.08)).toBeCloseTo(198.0862, 3);
    expect(presentValue([100, 100, 100], 0)).toBe(300);
  });

  it('the payback month is the first from which the cumulative cost stays at or below the baseline\'s', () => {
    expect(paybackIndex([5, 9, 12, 14], [4, 8, 12, 16])).toBe(2);
    // Below, then above again at the end: no payback.
    expect(paybackIndex([3, 9, 17], [4, 8, 12])).toBeNull();
    expect(paybackIndex([1, 2], [4, 8])).toBe(0);
  });
});
