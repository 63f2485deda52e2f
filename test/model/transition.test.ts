// transition.baseline_payroll_headcount is people on the payroll: the
// strategy that is today's set-up must cost nothing to move to itself.

import { describe, expect, it } from 'vitest';
import { baselineTransitionWarning } from '../../src/experiment/warnings.js';
import { warningText } from '../../src/report/warnings.js';
import { baselineMismatch, payrollHeadcount, transitionCost } from '../../src/model/transition.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/load.js';
import { starterScenario } from '../../src/scenario/starter.js';

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
