// The verdict on reports built by hand, where the right answer follows from
// the rule in docs/verdict.md without the code.

import { describe, expect, it } from 'vitest';
import type { AutoStaffing } from '../../src/experiment/auto-staffing.js';
import type { KpiValues } from '../../src/metrics/kpis.js';
import { decide, verdict } from '../../src/report/verdict.js';
import { fixtureReport, fromReplications, handReport, onlyStrategies, withMean } from './fixture.js';

/** Three replications of a strategy with a human queue: costs as given, the rest fixed. */
function queued(costs: number[], serviceLevel: number, csat: number, churn: number, more: Partial<KpiValues> = {}) {
  return costs.map((c) => ({ cost_total: c, offered_to_humans: 100, service_level: serviceLevel, csat, churn_rate: churn, ...more }));
}

/** The same with nothing offered to humans. */
function queueless(costs: number[], csat: number, churn: number) {
  return costs.map((c) => ({ cost_total: c, offered_to_humans: 0, csat, churn_rate: churn }));
}

describe('verdict: a strategy with no human queue (issue 12, item 1)', () => {
  it('is never recommended when another strategy is cheaper and no worse for customers, even one missing the target', () => {
    // The case: all-ai 38% dearer than hybrid, CSAT 3.17 vs 3.85, and hybrid misses the target.
    const report = handReport([
      fromReplications('all-human', 'human', queued([2000, 2010, 1990], 0.6, 3.9, 0.015)),
      fromReplications('all-ai', 'ai', queueless([1380, 1390, 1370], 3.17, 0.05)),
      fromReplications('hybrid', 'ai-first', queued([1000, 1010, 990], 0.7, 3.85, 0.02)),
    ]);
    const d = decide(report);
    expect(d.recommended).toBeNull();
    expect(d.dominated.map(({ strategy, by }) => [strategy.name, by.name])).toEqual([['all-ai', 'hybrid']]);
    expect(verdict(report)).toBe(
      'No strategy can be recommended: none with a human queue meets the 80% in 60 s target; the closest is hybrid with 70.0% answered within 60 s, at $1,000 total; ' +
        'all-ai, with no human queue, has no service level to meet but costs more than hybrid ($1,380 vs $1,000 total) and serves customers no better ' +
        '(CSAT 3.17 vs 3.85, the same resolution and 3.0 pts more churn). Staff a strategy to the target with `headcount: auto`.',
    );
  });

  it('is not credited with meeting the target: a dearer queue-less strategy loses to a strategy that meets it', () => {
    const report = handReport([
      fromReplications('all-human', 'human', queued([2000, 2010, 1990], 0.9, 3.9, 0.015)),
      fromReplications('all-ai', 'ai', queueless([2500, 2510, 2490], 3.17, 0.05)),
    ]);
    expect(decide(report).recommended?.name).toBe('all-human');
    expect(decide(report).qualifying.map((s) => s.name)).toEqual(['all-human']);
    expect(verdict(report)).toMatch(/^all-human is recommended: the only strategy meeting the 80% in 60 s target \(90\.0% in time\)/);
  });

  it('is recommended on cost and customer outcomes when it is cheapest and nothing cheaper serves customers as well', () => {
    const report = handReport([
      fromReplications('hybrid', 'ai-first', queued([1000, 1010, 990], 0.85, 3.85, 0.02)),
      fromReplications('all-ai', 'ai', queueless([500, 510, 490], 3.17, 0.05)),
    ]);
    // $500 over 7 days is $500 × 365 / 7 = $26,071 a year.
    expect(verdict(report)).toMatch(
      /^all-ai is recommended: it sends nothing to humans, so it has no queue and no service level to meet; compared on cost and customer outcomes, it has the lowest total economic cost, \$500 over 7 days \(\$26,071 a year\), and no cheaper strategy serves customers as well\. Against the baseline hybrid, as staffed: \$500 vs \$1,000 total \(\$500 ± 0 less, −50%\)/,
    );
  });

  it('loses a tie on cost to the strategy better for customers (cost indistinguishable at 95%)', () => {
    // all-ai − hybrid per replication: −10, +10, −3: mean −1, far inside its interval.
    const report = handReport([
      fromReplications('all-human', 'human', queued([3000, 3000, 3000], 0.9, 4.2, 0.01)),
      fromReplications('all-ai', 'ai', queueless([990, 1010, 1000], 3.75, 0.024)),
      fromReplications('hybrid-gig', 'ai-first', queued([1000, 1000, 1003], 0.99, 4.15, 0.011)),
    ]);
    const d = decide(report);
    expect(d.recommended?.name).toBe('hybrid-gig');
    expect(d.cheaperTie?.strategy.name).toBe('all-ai');
    expect(d.cheaperTie?.difference.distinguishable).toBe(false);
    // d = −10, +10, −3: sd √103 = 10.149, half-width 4.3027 × 10.149 / √3 = 25.21.
    expect(verdict(report)).toContain('; all-ai costs $1.00 ± 25.21 less, indistinguishable at 95%, and hybrid-gig serves customers better (CSAT 4.15 vs 3.75).');
  });
});

describe('verdict: differences inside the noise (item 4)', () => {
  it('calls a cost difference whose paired interval contains 0 indistinguishable, with the replications that would separate it', () => {
    // hybrid − hybrid-gig per replication: −1000, +1000, −2000: mean −667, sd 1527.5,
    // half-width t(0.975, 2) · 1527.5 / √3 = 3,795. Separated once t(0.975, n−1) · 1527.5 / √n < 667:
    // n = 22 gives 2.0796 · 1527.5 / 4.690 = 677 (not yet), n = 23 gives 2.0739 · 1527.5 / 4.796 = 661.
    const report = handReport([
      fromReplications('all-human', 'human', queued([30000, 30000, 30000], 0.9, 4.2, 0.01)),
      fromReplications('hybrid', 'ai-first', queued([10000, 12000, 14000], 0.85, 4.1, 0.012)),
      fromReplications('hybrid-gig', 'ai-first', queued([11000, 11000, 16000], 0.85, 4.1, 0.012)),
    ]);
    const d = decide(report);
    expect(d.recommended?.name).toBe('hybrid');
    expect(d.runnerUp?.strategy.name).toBe('hybrid-gig');
    expect(d.runnerUp?.difference.mean).toBeCloseTo(-2000 / 3, 9);
    expect(d.runnerUp?.difference.distinguishable).toBe(false);
    expect(d.runnerUp?.difference.replications_to_separate).toBe(23);
    expect(verdict(report)).toContain(
      'Next cheapest qualifying: hybrid-gig, $12,667 total (hybrid costs $667 ± 3,795 less) (indistinguishable at 95%; about 23 replications would separate them if it is what it seems).',
    );
  });

  it('says nothing of noise when the paired interval excludes 0, though the levels\' intervals overlap', () => {
    // Common random numbers: the levels swing by ±100 together, the difference is steady at 1 to 1.5.
    const report = handReport([
      fromReplications('all-human', 'human', queued([30000, 30000, 30000], 0.9, 4.2, 0.01)),
      fromReplications('hybrid', 'ai-first', queued([100, 200, 300], 0.85, 4.1, 0.012)),
      fromReplications('hybrid-gig', 'ai-first', queued([101, 201, 301.5], 0.85, 4.1, 0.012)),
    ]);
    const d = decide(report);
    expect(d.runnerUp?.difference.distinguishable).toBe(true);
    expect(verdict(report)).not.toContain('indistinguishable');
  });
});

describe('verdict: the baseline (items 3 and 5)', () => {
  it('compares against the first strategy by default and says what the pick saves, repays and changes in jobs', () => {
    // Fixture: hybrid $1,397,300 and all-human $2,779,600 over 13 days: a saving of
    // $1,382,300 × 7 / 13 = $744,315 a week; payback $840,000 / $744,315 = 1.13 weeks; payroll 140 vs 420.
    expect(verdict(fixtureReport())).toBe(
      'hybrid is recommended: it meets the 80% in 60 s target (81.2% in time) at the lowest total economic cost, $1.40M over 13 days ($39.23M a year). ' +
        'Against the baseline all-human, as staffed: $1.40M vs $2.78M total ($1.38M ± 0.04M less, −50%), CSAT 4.21 vs 4.35, 1.6 pts lower resolution and 0.4 pts more churn. ' +
        'Payback: its $840,000 one-off transition pays back in 1.1 weeks (1.1-1.2 at 95%) out of $744,315 ± 22,785 a week saved against all-human. ' +
        "Jobs: 140 people on the payroll, 280 fewer than all-human's 420.",
    );
  });

  it('names the baseline given (--baseline) and measures payback and jobs against it', () => {
    const report = { ...fixtureReport(), baseline: 'all-ai' };
    // Saving against all-ai: ($1,947,900 − $1,397,300) × 7 / 13 = $296,477 a week; $840,000 / $296,477 = 2.8 weeks.
    const text = verdict(report);
    expect(text).toContain('Against the baseline all-ai, as staffed: $1.40M vs $1.95M total');
    expect(text).toContain('pays back in 2.8 weeks');
    expect(text).toContain("Jobs: 140 people on the payroll, 140 more than all-ai's 0.");
  });

  it('says so when the recommended strategy is the baseline', () => {
    const report = { ...fixtureReport(), baseline: 'hybrid' };
    expect(verdict(report)).toContain('It is the baseline, hybrid: nothing to move to.');
    expect(decide(report).against).toBeNull();
  });

  it('states the saving against the baseline staffed to just meet the target, and how the baseline as staffed differs', () => {
    const staffing = (mean: number): AutoStaffing => ({
      auto: true, hours: Array(24).fill(true), schedule: Array(24).fill(mean), net: Array(24).fill(mean),
      mean_on_shift: mean, peak_on_shift: mean, offered_erlangs: Array(24).fill(0), human_contacts_per_episode: 1,
    });
    const report = handReport([
      fromReplications('all-human', 'human', queued([4000, 4000, 4000], 1, 4.2, 0.01), { mean_on_shift: 100, payroll_headcount: 420 }),
      fromReplications('all-human@target', 'human', queued([3000, 3000, 3000], 0.82, 4.18, 0.011), {
        mean_on_shift: 80, payroll_headcount: 336, at_target_of: 'all-human', staffing: staffing(80),
      }),
      fromReplications('hybrid', 'ai-first', queued([2000, 2000, 2000], 0.85, 4.15, 0.012, { cost_transition: 2000 }), {
        mean_on_shift: 30, payroll_headcount: 126,
      }),
    ]);
    const text = verdict(report);
    expect(decide(report).recommended?.name).toBe('hybrid');
    expect(text).toContain('Against the baseline all-human staffed to just meet the target (all-human@target): $2,000 vs $3,000 total ($1,000 ± 0 less, −33%)');
    expect(text).toContain('against all-human as staffed (over-staffed: 100 agents on shift on average against the 80 auto staffing chooses for the target; 100.0% in time): $2,000 vs $4,000 total ($2,000 ± 0 less, −50%)');
    // Payback against today's cost: $2,000 one-off / $2,000 a week saved.
    expect(text).toContain('its $2,000 one-off transition pays back in 1.0 weeks (1.0-1.0 at 95%) out of $2,000 ± 0 a week saved against all-human as staffed');
    expect(text).toContain('Auto staffing chose 80 agents on shift on average for all-human@target (peak 80).');
  });

  it('names only the recommended strategy (and the baseline at target) in the auto-staffing note', () => {
    const report = fixtureReport();
    report.strategies[0].staffing = {
      auto: true, hours: Array(24).fill(true), schedule: Array(24).fill(100), net: Array(24).fill(70),
      mean_on_shift: 100, peak_on_shift: 100, offered_erlangs: Array(24).fill(60), human_contacts_per_episode: 1,
    };
    expect(verdict(report)).not.toContain('Auto staffing');
    report.strategies[2].staffing = { ...report.strategies[0].staffing, mean_on_shift: 33.4, peak_on_shift: 41 };
    expect(verdict(report)).toMatch(/Auto staffing chose 33 agents on shift on average for hybrid \(peak 41\)\.$/);
  });

  it('flags a recommended strategy whose employees are busier than the stated cap', () => {
    const capped = (cap: number) => ({ ...fixtureReport(), service_level: { answer_within: 1, target: 0.8, max_occupancy: cap } });
    expect(verdict(capped(0.85))).toContain('Caution: hybrid keeps its employees 85.1% busy, over the 85% cap on occupancy (service_level.max_occupancy).');
    expect(verdict(capped(0.9))).not.toContain('Caution');
  });

  it('measures the cap on chat slots when agents hold several chats (slot occupancy, not time with one chat)', () => {
    // hybrid's agents: never without a chat (utilisation 1) but with 70% of their slots in use: under a 0.85 cap.
    const report = { ...fixtureReport(), service_level: { answer_within: 1, target: 0.8, max_occupancy: 0.85 } };
    const hybrid = report.strategies[2].metrics;
    hybrid.utilization = { ...hybrid.utilization, mean: 1 };
    hybrid.slot_occupancy = { ...hybrid.slot_occupancy, mean: 0.7 };
    expect(decide(report).recommended?.name).toBe('hybrid');
    expect(verdict(report)).not.toContain('Caution');
    hybrid.slot_occupancy = { ...hybrid.slot_occupancy, mean: 0.9 };
    expect(verdict(report)).toContain("Caution: hybrid keeps its employees' chat slots 90.0% full, over the 85% cap on occupancy (service_level.max_occupancy).");
  });

  it('never recommends a strategy whose queue cannot settle', () => {
    const report = fixtureReport();
    report.strategies[2].unstable = ['human'];
    const d = decide(report);
    expect(d.recommended?.name).toBe('all-ai');
    expect(verdict(report)).toContain('hybrid is left out: its queue cannot settle.');
  });
});

describe('verdict: the edges', () => {
  it('says when only one strategy meets the target', () => {
    const report = onlyStrategies(withMean(fixtureReport(), 'hybrid', 'service_level', 0.75), 'all-human', 'hybrid');
    expect(verdict(report)).toMatch(/^all-human is recommended: the only strategy meeting the 80% in 60 s target \(83\.6% in time\), at \$2\.78M over 13 days \(\$78\.04M a year\) total\. It is the baseline, all-human: nothing to move to\./);
  });

  it('names the strategy with the highest service level and its cost when none meets the target', () => {
    let report = onlyStrategies(fixtureReport(), 'all-human', 'hybrid');
    report = withMean(withMean(report, 'all-human', 'service_level', 0.71), 'hybrid', 'service_level', 0.64);
    expect(verdict(report)).toBe(
      'No strategy can be recommended: none with a human queue meets the 80% in 60 s target; the closest is all-human with 71.0% answered within 60 s, at $2.78M total. ' +
        'Staff a strategy to the target with `headcount: auto`.',
    );
  });

  it('handles a single strategy that meets the target', () => {
    expect(verdict(onlyStrategies(fixtureReport(), 'hybrid'))).toBe(
      'hybrid is recommended: the only strategy meeting the 80% in 60 s target (81.2% in time), at $1.40M over 13 days ($39.23M a year) total. There is no other strategy to compare.',
    );
  });

  it('handles a single strategy that misses the target', () => {
    const report = withMean(onlyStrategies(fixtureReport(), 'all-human'), 'all-human', 'service_level', 0.5);
    expect(verdict(report)).toBe(
      'all-human misses the 80% in 60 s target: 50.0% answered within 60 s, at $2.78M total. Staff a strategy to the target with `headcount: auto`.',
    );
  });

  it('handles no strategy at all', () => {
    expect(verdict(onlyStrategies(fixtureReport()))).toBe('No strategy was run.');
  });

  it('says when the pick gives nothing up', () => {
    let report = withMean(fixtureReport(), 'hybrid', 'csat', 4.4);
    report = withMean(withMean(report, 'hybrid', 'churn_rate', 0.01), 'hybrid', 'resolved_rate', 0.947);
    expect(verdict(report)).toContain('CSAT 4.40 vs 4.35, the same resolution and 0.2 pts less churn.');
  });
});
