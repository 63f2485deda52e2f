import { describe, expect, it } from 'vitest';
import { EmployeePool } from '../../src/model/employees.js';

const schedule = (levels: number[]) => ({ schedule: levels, shrinkage: 0, hourly_cost: 20 });

describe('employees', () => {
  it('on-shift levels are the schedule net of shrinkage', () => {
    const pool = new EmployeePool({ schedule: new Array(24).fill(10), shrinkage: 0.25, hourly_cost: 20 }, 0, 1440);
    expect(pool.levelAt(5)).toBe(8); // 7.5 rounds to 8
    expect(pool.flat).toBe(true);
  });

  it('an agent whose shift ends finishes the ticket in hand, then leaves', () => {
    const pool = new EmployeePool(schedule([2, ...new Array(23).fill(0)]), 0, 1440);
    pool.setLevel(0, 2);
    pool.startWork(10, 100);
    expect(pool.idle).toBe(1);
    pool.setLevel(60, 0);
    expect(pool.present).toBe(1); // the idle one left at once
    expect(pool.leaving).toBe(1);
    expect(pool.finishWork(110)).toBe(false); // and the busy one leaves after its ticket
    expect(pool.present).toBe(0);
    pool.close(1440);
    // Staffed: 2 agents for 60 min, then 1 until 110.
    expect(pool.staffedMinutes).toBe(120 + 50);
    expect(pool.busyMinutes).toBe(100);
  });

  it('a shift that grows keeps agents who were about to leave before calling new ones', () => {
    const pool = new EmployeePool(schedule(new Array(24).fill(1)), 0, 1440);
    pool.setLevel(0, 1);
    pool.startWork(0, 200);
    pool.setLevel(60, 0);
    expect(pool.leaving).toBe(1);
    expect(pool.setLevel(120, 2)).toBe(1);
    expect(pool.leaving).toBe(0);
    expect(pool.present).toBe(2);
  });

  it('pays scheduled hours inside the measured window only', () => {
    const pool = new EmployeePool(schedule([...new Array(12).fill(0), ...new Array(12).fill(4)]), 360, 1440 + 360);
    // Window 06:00 to 06:00 next day: one full day of the schedule, 12 h x 4 agents.
    expect(pool.paidHours()).toBeCloseTo(48, 9);
  });
});
