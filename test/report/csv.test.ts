import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '../../src/metrics/kpis.js';
import { csvField } from '../../src/report/csv.js';
import { render } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

describe('csv report', () => {
  it('has the header and one row per strategy and KPI', () => {
    const lines = render(fixtureReport(), 'csv', { color: false }).trimEnd().split('\n');
    expect(lines[0]).toBe('strategy,kpi,mean,ci95_low,ci95_high');
    // Per strategy: the KPIs, the year's three costs, mean on shift and payroll; but for the baseline, four figures against it.
    expect(lines).toHaveLength(1 + 3 * (KPI_NAMES.length + 5) + 2 * 4);
    expect(lines[1]).toBe('all-human,contacts,271840,270630,273050');
    expect(lines.filter((l) => l.startsWith('hybrid,')).map((l) => l.split(',')[1])).toEqual([
      ...KPI_NAMES,
      'cost_operating_per_year', 'cost_churn_per_year', 'cost_total_per_year', 'mean_on_shift', 'payroll_headcount',
      'saving_per_week', 'saving_per_year', 'payback_weeks', 'payroll_change',
    ]);
  });

  it('writes the year, the payback and the jobs against the baseline', () => {
    const lines = render(fixtureReport(), 'csv', { color: false }).split('\n');
    const field = (strategy: string, name: string) => lines.find((l) => l.startsWith(`${strategy},${name},`))!.split(',').slice(2);
    // $1,397,300 over 13 days; all-human $2,779,600; a one-off $840,000; payroll 140 against 420.
    expect(Number(field('hybrid', 'cost_total_per_year')[0])).toBeCloseTo((1_397_300 * 365) / 13, 6);
    expect(Number(field('hybrid', 'saving_per_week')[0])).toBeCloseTo((1_382_300 * 7) / 13, 6);
    expect(Number(field('hybrid', 'payback_weeks')[0])).toBeCloseTo(840_000 / ((1_382_300 * 7) / 13), 9);
    expect(field('hybrid', 'payroll_change')).toEqual(['-280', '', '']);
    expect(lines.some((l) => l.startsWith('all-human,payback_weeks,'))).toBe(false);
  });

  it('ends with a newline', () => {
    expect(render(fixtureReport(), 'csv', { color: false }).endsWith('\n')).toBe(true);
  });

  it('leaves null bounds empty', () => {
    const report = fixtureReport();
    report.strategies[0].metrics.csat = { mean: 4.3, ci95: [null, null] };
    const lines = render(report, 'csv', { color: false }).split('\n');
    expect(lines).toContain('all-human,csat,4.3,,');
  });

  it('quotes names holding commas, quotes or line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const report = fixtureReport();
    report.strategies[2].name = 'hybrid, "gig"';
    expect(render(report, 'csv', { color: false })).toContain('\n"hybrid, ""gig""",contacts,');
  });

  it('refuses non-finite numbers', () => {
    const report = fixtureReport();
    report.strategies[1].metrics.wait_p90.mean = Number.NaN;
    expect(() => render(report, 'csv', { color: false })).toThrow(/all-ai.*wait_p90/);
  });
});
