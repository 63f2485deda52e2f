// transition.baseline_payroll_headcount is people on the payroll: the
// strategy that is today's set-up must cost nothing to move to itself.

import { describe, expect, it } from 'vitest';
import { baselineTransitionWarning } from '../../src/experiment/warnings.js';
import { warningText } from '../../src/report/warnings.js';
import { baselineMismatch, meanOnShift, payrollHeadcount, transitionCost } from '../../src/model/transition.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/load.js';
import { starterScenario } from '../../src/scenario/starter.js';
import { strategyOf } from './build.js';

const STARTER_SCENARIO = starterScenario('scenario.yaml');

const SHIPPED = ['scenarios/klarna-2024.yaml', 'scenarios/bank-sensitive.yaml', 'scenarios/ecommerce-shop.yaml'];

function error(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('transition of the baseline', () => {
  it.each(SHIPPED)('%s: its first strategy, today\'s set-up, costs no transition', (file) => {
    const baseline = loadScenarioFile(file).scenario.strategies[0];
    expect(transitionCost(baseline)).toBe(0);
    expect(baselineMismatch(baseline)).toBeNull();
  });

  it('the init starter: its all-human strategy costs no transition', () => {
    const baseline = parseScenarioText(STARTER_SCENARIO, null).scenario.strategies[0];
    expect(baseline.name).toBe('all-human');
    expect(transitionCost(baseline)).toBe(0);
  });

  it('warns, with the people the baseline needs, when the file gives agents on shift instead', () => {
    // The bank's schedule averages 188.33 agents on shift: 188.33 × 4.2 = 791 people. Stated 188:
    // 603 hires at $8,000 + $6,000 = $8,442,000 (the "$8.44M one-off cost").
    const bank = loadScenarioFile('scenarios/bank-sensitive.yaml', { set: ['transition.baseline_payroll_headcount=188'] }).scenario.strategies[0];
    expect(payrollHeadcount(bank)).toBe(791);
    expect(warningText(baselineTransitionWarning(bank)!)).toBe(
      'all-human (the baseline) pays a one-off transition of $8,442,000 to move to itself: transition.baseline_payroll_headcount is 188 people, ' +
        'but its staffing needs 791 (188.3 agents on shift on average × people_per_seat 4.2); if all-human is today\'s set-up, set baseline_payroll_headcount to 791.',
    );
  });

  it('refuses the old key name, saying what it became and what it counts', () => {
    const text = STARTER_SCENARIO.replace('baseline_payroll_headcount: 238', 'baseline_headcount: 57');
    const e = error(() => parseScenarioText(text, 'old.yaml'));
    expect(e.format()).toMatch(/^old\.yaml:\d+:\d+: transition\.baseline_headcount: unknown key `baseline_headcount` \(`baseline_headcount` is now `baseline_payroll_headcount`: people on the payroll today, not agents on shift/);
  });

  it('refuses the old key name in --set too', () => {
    const e = error(() => parseScenarioText(STARTER_SCENARIO, 'a.yaml', { set: ['transition.baseline_headcount=57'] }));
    expect(e.format()).toContain('`baseline_headcount` is now `baseline_payroll_headcount`');
  });
});

describe('transition cost, worked by hand', () => {
  // 12 hours at 10 agents and 12 at 20: 15 on shift on average; 1.5 people a seat: 22.5 people, 23 whole.
  const staffed = (transition: Record<string, unknown>) =>
    strategyOf(
      {
        horizon: '1d',
        demand: { contacts_per_day: 100 },
        ticket_types: [{ name: 'any', handle_time: '5m' }],
        staff: { employees: { schedule: [...Array(12).fill(10), ...Array(12).fill(20)], hourly_cost: 30 } },
        transition: { people_per_seat: 1.5, severance_per_head: 1000, hiring_per_head: 300, training_per_head: 200, ...transition },
      },
      { routing: 'human' },
    );

  it('people needed: the mean on-shift level times people per seat, rounded to whole people', () => {
    const s = staffed({});
    expect(meanOnShift(s)).toBe(15);
    expect(payrollHeadcount(s)).toBe(23);
  });

  it('no baseline, no cost', () => {
    expect(transitionCost(staffed({}))).toBe(0);
  });

  it('more people than today pay hiring and training each; fewer pay severance each; the same pay nothing', () => {
    expect(transitionCost(staffed({ baseline_payroll_headcount: 20 }))).toBe(3 * (300 + 200));
    expect(transitionCost(staffed({ baseline_payroll_headcount: 30 }))).toBe(7 * 1000);
    expect(transitionCost(staffed({ baseline_payroll_headcount: 23 }))).toBe(0);
  });

  it('the mismatch of a baseline that does not staff itself: what was stated, what is needed, and why', () => {
    expect(baselineMismatch(staffed({ baseline_payroll_headcount: 23 }))).toBeNull();
    expect(baselineMismatch(staffed({ baseline_payroll_headcount: 25 }))).toEqual({ stated: 25, needed: 23, onShift: 15, peoplePerSeat: 1.5, cost: 2000 });
  });
});
