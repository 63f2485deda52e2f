import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '../../src/metrics/kpis.js';
import { render } from '../../src/report/index.js';
import { fixtureReport, withMean } from './fixture.js';

const json = (report = fixtureReport()) => render(report, 'json', { color: false });

describe('json report', () => {
  it('parses and has the DESIGN.md shape with every KPI of every strategy in catalogue order', () => {
    const out = JSON.parse(json());
    expect(out.staffsim).toBe('0.1.0');
    expect(out.scenario).toEqual({ name: 'klarna-like', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(out.seed).toBe(42);
    expect(out.replications).toBe(10);
    expect(out.strategies.map((s: { name: string }) => s.name)).toEqual(['all-human', 'all-ai', 'hybrid']);
    for (const s of out.strategies) {
      expect(Object.keys(s.metrics)).toEqual([...KPI_NAMES]);
      for (const kpi of KPI_NAMES) {
        expect(typeof s.metrics[kpi].mean).toBe('number');
        expect(s.metrics[kpi].ci95).toHaveLength(2);
      }
    }
    const abandon = out.strategies[2].metrics.abandon_rate;
    expect(abandon.mean).toBe(0.044);
    expect(abandon.ci95[0]).toBeCloseTo(0.038, 12);
    expect(abandon.ci95[1]).toBeCloseTo(0.05, 12);
  });

  it('keeps the extensions: routing, measured days, service level and warnings', () => {
    const out = JSON.parse(json());
    expect(out.strategies[2].routing).toBe('ai-first');
    expect(out.measured_days).toBe(13);
    expect(out.service_level).toEqual({ answer_within: 1, target: 0.8, max_occupancy: null });
    // Warnings are records with their figures, not sentences.
    expect(out.warnings).toEqual([
      { code: 'human_queue_overloaded', strategy: 'all-human', offered_load: 30.4, agents: 28, gig_capacity: 0, share: 30.4 / 28, abandonment: true },
    ]);
  });

  it('carries the verdict: the recommended strategy, the baseline and the figures it quotes', () => {
    const out = JSON.parse(json());
    const v = out.verdict;
    expect(Object.keys(out).indexOf('verdict')).toBeLessThan(Object.keys(out).indexOf('strategies'));
    expect(v.text).toMatch(/^hybrid is recommended/);
    expect(v).toMatchObject({ recommended: 'hybrid', basis: 'meets-target', baseline: 'all-human', at_target: null, qualifying: ['all-human', 'hybrid'] });
    // all-ai has no queue and hybrid is cheaper and better for customers.
    expect(v.excluded_no_queue).toEqual([{ strategy: 'all-ai', cheaper_and_no_worse_for_customers: 'hybrid' }]);
    // $1,397,300 over 13 days; $2,779,600 for all-human; a one-off $840,000; payroll 140 against 420.
    expect(v.cost_total_per_year.mean).toBeCloseTo((1_397_300 * 365) / 13, 6);
    const saving = (1_382_300 * 7) / 13;
    expect(v.against_baseline.saving_per_week.mean).toBeCloseTo(saving, 6);
    expect(v.against_baseline.saving_per_week.distinguishable).toBe(true);
    expect(v.against_baseline.payback_weeks.mean).toBeCloseTo(840_000 / saving, 9);
    expect(v.against_baseline.payroll_change).toBe(-280);
    expect(v.payroll_headcount).toBe(140);
    expect(v.cost_transition).toBe(840_000);
    expect(v.runner_up.strategy).toBe('all-human');
    expect(v.over_occupancy_cap).toBeNull();
  });

  it('gives each strategy its year, its payroll and its figures against the baseline', () => {
    const out = JSON.parse(json());
    const [human, ai] = out.strategies;
    expect(human.against_baseline).toBeNull();
    expect(human.payroll_headcount).toBe(420);
    expect(ai.year.cost_churn.mean).toBeCloseTo((1_603_000 * 365) / 13, 6);
    expect(ai.against_baseline.payroll_change).toBe(-420);
    expect(ai.against_baseline.saving_per_year.mean).toBeCloseTo(((2_779_600 - 1_947_900) * 365) / 13, 6);
  });

  it('is pretty-printed with two spaces and ends with a newline', () => {
    const text = json();
    expect(text.startsWith('{\n  "staffsim": "0.1.0",\n  "scenario"')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes null bounds of a single replication as null', () => {
    const report = fixtureReport();
    report.replications = 1;
    for (const s of report.strategies) for (const kpi of KPI_NAMES) s.metrics[kpi].ci95 = [null, null];
    const out = JSON.parse(json(report));
    expect(out.strategies[0].metrics.csat.ci95).toEqual([null, null]);
  });

  it('refuses to print NaN or Infinity instead of silently writing null', () => {
    expect(() => json(withMean(fixtureReport(), 'hybrid', 'csat', Number.NaN))).toThrow(/hybrid.*csat/);
    const report = fixtureReport();
    report.strategies[0].metrics.cost_total.ci95 = [1, Infinity];
    expect(() => json(report)).toThrow(/all-human.*cost_total/);
  });
});
