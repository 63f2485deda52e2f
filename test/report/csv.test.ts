import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '../../src/metrics/kpis.js';
import { csvField } from '../../src/report/csv.js';
import { render } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

describe('csv report', () => {
  it('has the header and one row per strategy and KPI', () => {
    const lines = render(fixtureReport(), 'csv', { color: false }).trimEnd().split('\n');
    expect(lines[0]).toBe('strategy,kpi,mean,ci95_low,ci95_high');
    expect(lines).toHaveLength(1 + 3 * KPI_NAMES.length);
    expect(lines[1]).toBe('all-human,contacts,271840,270630,273050');
    expect(lines.filter((l) => l.startsWith('hybrid,')).map((l) => l.split(',')[1])).toEqual([...KPI_NAMES]);
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
