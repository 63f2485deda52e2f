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

  it('rounds halves up exactly, whatever floating point makes of the product', () => {
    // 45 × 0.7 is 31.499999999999996 and 35 × 0.7 is 24.5 in floating point.
    expect(netOnShift(45, 0.3)).toBe(32);
    expect(netOnShift(35, 0.3)).toBe(25);
    expect(netOnShift(1, 0.5)).toBe(1);
    expect(netOnShift(3, 0.5)).toBe(2);
    // Just below and above a half: the tolerance does not reach these.
    expect(netOnShift(1, 0.5000001)).toBe(0);
    expect(netOnShift(1, 0.4999999)).toBe(1);
    expect(netOnShift(0, 0.3)).toBe(0);
  });

  it('agrees with integer arithmetic for every whole-percent shrinkage', () => {
    // scheduled × (100 − p) / 100 rounded half up, in integers: floor((2 n (100 − p) + 100) / 200).
    for (let p = 0; p < 100; p++) {
      for (let scheduled = 0; scheduled <= 400; scheduled++) {
        const exact = Math.floor((2 * scheduled * (100 - p) + 100) / 200);
        expect(netOnShift(scheduled, p / 100), `${scheduled} at ${p}%`).toBe(exact);
      }
    }
  });

  it('refuses impossible inputs', () => {
    expect(() => scheduledFor(-1, 0.3)).toThrow(RangeError);
    expect(() => scheduledFor(2.5, 0.3)).toThrow(RangeError);
    expect(() => scheduledFor(10, 1)).toThrow(RangeError);
  });
});
