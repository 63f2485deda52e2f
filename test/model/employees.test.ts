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

  // Steps of more than one agent, worked by hand: five on, three busy (A 0-100,
  // B 0-200, C 10-60); down to 1 at 30, up to 3 at 80, down to 0 at 300.
  function trace(windowStart: number, windowEnd: number) {
    const pool = new EmployeePool(schedule(new Array(24).fill(5)), windowStart, windowEnd);
    const steps: Array<[string, number | boolean, number, number, number]> = [];
    const note = (what: string, result: number | boolean) => steps.push([what, result, pool.present, pool.busy, pool.leaving]);
    note('to 5', pool.setLevel(0, 5));
    pool.startWork(0, 100);
    pool.startWork(0, 200);
    pool.startWork(10, 50);
    note('to 1', pool.setLevel(30, 1));
    note('C done', pool.finishWork(60));
    note('to 3', pool.setLevel(80, 3));
    note('A done', pool.finishWork(100));
    note('B done', pool.finishWork(200));
    note('to 0', pool.setLevel(300, 0));
    pool.close(1440);
    return { pool, steps };
  }

  it('a step down of four with three busy: the two idle leave at once, two busy leave after their tickets', () => {
    expect(trace(0, 1440).steps).toEqual([
      // [step, returned, present, busy, leaving]
      ['to 5', 5, 5, 0, 0],
      ['to 1', 0, 3, 3, 2], // on duty: 3 − 2 = 1
      ['C done', false, 2, 2, 1], // C's agent leaves
      ['to 3', 1, 3, 2, 0], // the one still leaving stays on, one new agent logs in
      ['A done', true, 3, 1, 0],
      ['B done', true, 3, 0, 0],
      ['to 0', 0, 0, 0, 0], // all idle: all leave at once
    ]);
  });

  it('staffed and busy minutes of that trace, whole and clipped to a window', () => {
    // Staffed: 5 × 30 + 3 × 30 + 2 × 20 + 3 × 220 = 940; busy 100 + 200 + 50.
    const whole = trace(0, 1440).pool;
    expect(whole.staffedMinutes).toBe(940);
    expect(whole.busyMinutes).toBe(350);
    // Window [20, 250): 5 × 10 + 90 + 40 + 3 × 170 = 690; busy 80 + 180 + 40.
    const clipped = trace(20, 250).pool;
    expect(clipped.staffedMinutes).toBe(690);
    expect(clipped.busyMinutes).toBe(300);
  });

  it('nobody on the schedule is never staffed; a level in one hour is', () => {
    expect(new EmployeePool(schedule(new Array(24).fill(0)), 0, 1440).everStaffed).toBe(false);
    const one = new EmployeePool(schedule([...new Array(23).fill(0), 1]), 0, 1440);
    expect(one.everStaffed).toBe(true);
    expect(one.flat).toBe(false);
    expect(one.levelAt(23)).toBe(1);
  });

  it('pays part-hours at the edges of the window and wraps the schedule past midnight', () => {
    const levels = Array.from({ length: 24 }, (_, h) => h + 1); // hour h has h + 1 agents
    // [90, 150): half of hour 1 (2 agents) and half of hour 2 (3): 60 + 90 minutes.
    expect(new EmployeePool(schedule(levels), 90, 150).paidHours()).toBeCloseTo(150 / 60, 12);
    // [1410, 1500): the last half of hour 23 (24 agents), then all of hour 0 of the next day (1).
    expect(new EmployeePool(schedule(levels), 1410, 1500).paidHours()).toBeCloseTo((30 * 24 + 60 * 1) / 60, 12);
  });

  it('refuses a schedule whose auto levels were never resolved', () => {
    expect(() => new EmployeePool({ ...schedule(new Array(24).fill(0)), auto: new Array(24).fill(true) }, 0, 1440)).toThrow(/auto staffing is not resolved/);
    // One auto hour among given ones is just as unresolved.
    const partly = Array.from({ length: 24 }, (_, h) => h === 9);
    expect(() => new EmployeePool({ ...schedule(new Array(24).fill(2)), auto: partly }, 0, 1440)).toThrow(/auto staffing is not resolved/);
  });

  it('close() books the staffed time since the last change, up to the end of the run', () => {
    const pool = new EmployeePool(schedule(new Array(24).fill(3)), 0, 1440);
    pool.setLevel(0, 3);
    pool.close(100);
    expect(pool.staffedMinutes).toBe(300);
  });
});
