import { describe, expect, it } from 'vitest';
import { EmployeePool } from '../../src/model/employees.js';
import { netOnShift, scheduledFor } from '../../src/model/shrinkage.js';

const SHRINKAGES = [0, 0.1, 0.25, 0.3, 0.33, 0.5, 0.75, 0.9, 0.95];

describe('shrinkage', () => {
  it('netOnShift is the rule the employee pool staffs by', () => {
    for (const s of SHRINKAGES) {
      const levels = Array.from({ length: 24 }, (_, h) => h * 7 + 3);
      const pool = new EmployeePool({ schedule: levels, shrinkage: s, hourly_cost: 0 }, 0, 1440);
      expect(Array.from(pool.netLevels), `shrinkage ${s}`).toEqual(levels.map((l) => netOnShift(l, s)));
    }
  });

  it('scheduledFor is the fewest scheduled agents giving at least the net agents', () => {
    for (const s of SHRINKAGES) {
      for (let net = 0; net <= 300; net++) {
        const scheduled = scheduledFor(net, s);
        expect(netOnShift(scheduled, s), `net ${net}, shrinkage ${s}`).toBeGreaterThanOrEqual(net);
        if (scheduled > 0) expect(netOnShift(scheduled - 1, s), `net ${net}, shrinkage ${s}`).toBeLessThan(net);
      }
    }
  });

  it('is exact where floating point is not', () => {
    // Call Centre Helper: 14 agents after 30% shrinkage are 20 to schedule.
    expect(scheduledFor(14, 0.3)).toBe(20);
    // 21 / 0.7 is 30.000000000000004 in floating point: ceil() would say 31.
    expect(Math.ceil(21 / (1 - 0.3))).toBe(31);
    expect(scheduledFor(21, 0.3)).toBe(30);
  });

  it('refuses impossible inputs', () => {
    expect(() => scheduledFor(-1, 0.3)).toThrow(RangeError);
    expect(() => scheduledFor(2.5, 0.3)).toThrow(RangeError);
    expect(() => scheduledFor(10, 1)).toThrow(RangeError);
  });
});
