// Acceptance tests of the klarna-2024 scenario, not of the model: the default
// scenario's calibrated inputs reproduce the published figures of the 2024
// case (docs/sources.md) within the tolerances of issue 5. A failure here
// means the scenario file (or a change of the model's behaviour) moved the
// calibration; that the mechanisms are right is shown by test/model/
// (docs/testing.md).

import { describe, expect, it } from 'vitest';
import { resolveAutoStaffing } from '../../src/experiment/auto-staffing.js';
import { runScenario } from '../../src/experiment/run.js';
import { humanMinutesPerAiClosedContact } from '../../src/model/human-load.js';
import { payrollHeadcount } from '../../src/model/transition.js';
import { DEFAULT_SCENARIO, loadScenarioFile } from '../../src/scenario/load.js';

// Two measured days are plenty for shares of ~115,000 chats a day.
const { scenario, sha256 } = loadScenarioFile(DEFAULT_SCENARIO, { set: ['horizon=49h', 'replications=2'] });
const report = runScenario(scenario, sha256);
const byName = Object.fromEntries(report.strategies.map((s) => [s.name, s.metrics]));

/** A full-time agent's paid minutes per calendar day: 40 hours a week. */
const FTE_MINUTES_PER_DAY = (40 * 60) / 7;

describe('acceptance: the klarna-2024 scenario reproduces the published case', () => {
  it('has the four strategies of the case', () => {
    expect(report.strategies.map((s) => s.name)).toEqual(['all-human', 'all-ai', 'hybrid', 'hybrid-gig']);
  });

  it('the AI closes about two thirds of chats (within 10%)', () => {
    for (const name of ['all-ai', 'hybrid', 'hybrid-gig']) {
      expect(Math.abs(byName[name].ai_containment.mean / (2 / 3) - 1), name).toBeLessThan(0.1);
    }
  });

  it('the work the AI takes off humans is that of about 700 full-time agents (within 10%)', () => {
    // Contained chats a day times the agent time of the chats the AI closes (their work over k / s_k).
    const hybrid = byName.hybrid;
    const containedPerDay = (hybrid.ai_containment.mean * hybrid.contacts.mean) / report.measured_days;
    const strategy = scenario.strategies.find((s) => s.name === 'hybrid')!;
    const fte = (containedPerDay * humanMinutesPerAiClosedContact(strategy)) / FTE_MINUTES_PER_DAY;
    expect(Math.abs(fte / 700 - 1), `${fte.toFixed(0)} FTE`).toBeLessThan(0.1);
  });

  it('repeat contacts fall by about a quarter with the AI first (published -25%, within 10 points)', () => {
    const repeats = (m: (typeof byName)[string]) => m.contacts.mean / m.episodes.mean - 1;
    const change = repeats(byName.hybrid) / repeats(byName['all-human']) - 1;
    expect(Math.abs(change - -0.25), `${(100 * change).toFixed(1)}%`).toBeLessThan(0.1);
  });

  it('satisfaction with the AI first is on par with all-human (within 0.1 on the 1-5 scale)', () => {
    expect(Math.abs(byName.hybrid.csat.mean - byName['all-human'].csat.mean)).toBeLessThan(0.1);
  });

  it('the hybrid with a gig pool pays gig workers for real hours at the pilot rate', () => {
    const g = byName['hybrid-gig'];
    expect(g.gig_hours.mean).toBeGreaterThan(0);
    expect(g.gig_earnings_per_hour.mean).toBeCloseTo(41, 6);
    expect(g.gig_share.mean).toBeGreaterThan(0);
  });

  it('staffing as published: all-human is today\'s 3,000 agents, so it costs no transition', () => {
    expect(byName['all-human'].cost_transition.mean).toBe(0);
  });

  it('the auto-staffed hybrid pays severance for the agents it no longer needs', () => {
    const hybrid = scenario.strategies.find((s) => s.name === 'hybrid')!;
    const payroll = payrollHeadcount(resolveAutoStaffing(hybrid).strategy);
    expect(payroll).toBeLessThan(3000);
    expect(byName.hybrid.cost_transition.mean).toBe((3000 - payroll) * 4000);
    expect(report.strategies.find((s) => s.name === 'hybrid')!.staffing?.auto).toBe(true);
  });
});
