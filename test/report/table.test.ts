import { describe, expect, it } from 'vitest';
import { render } from '../../src/report/index.js';
import { fixtureReport, withMean } from './fixture.js';

const ANSI = /\x1b\[/;

function table(report = fixtureReport(), color = false): string {
  return render(report, 'table', { color });
}

/** The cells of the table line whose label is `label` (label first). */
function row(text: string, label: string): string[] {
  const line = text.split('\n').find((l) => l.split('│')[1]?.trim() === label);
  if (line === undefined) throw new Error(`no row ${label} in\n${text}`);
  return line.split('│').slice(1, -1).map((c) => c.trim());
}

describe('table report', () => {
  it('has no ANSI escape codes at all when colour is off', () => {
    expect(table()).not.toMatch(ANSI);
  });

  it('colours when colour is on', () => {
    expect(table(fixtureReport(), true)).toMatch(ANSI);
  });

  it('shows strategies as columns with their routing', () => {
    const lines = table().split('\n');
    const names = lines.find((l) => l.includes('all-human'));
    expect(names).toMatch(/all-human.*all-ai.*hybrid/);
    expect(lines.find((l) => l.includes('(ai-first)'))).toMatch(/\(human\).*\(ai\).*\(ai-first\)/);
  });

  it('groups rows under Customers, Cost and Workers, in that order', () => {
    const text = table();
    const at = (s: string) => text.search(new RegExp(`│ ${s} +│`));
    expect(at('Customers')).toBeGreaterThan(0);
    expect(at('Customers')).toBeLessThan(at('Cost'));
    expect(at('Cost')).toBeLessThan(at('Workers'));
  });

  it('shows n/a for the queue KPIs of a strategy that offers nothing to humans', () => {
    const text = table();
    for (const label of ['Abandoned', 'Had to wait', 'Mean wait', 'ASA', 'Wait p90', 'Service level']) {
      expect(row(text, label)[2], label).toBe('n/a');
    }
    expect(row(text, 'CSAT (1-5)')[2]).toBe('3.62 ± 0.02');
  });

  it('shows n/a for the by-AI resolution times of a strategy whose AI closed nothing, not a time of 0', () => {
    const text = table();
    // all-human's AI contains nothing (ai_containment 0): no episode was resolved by it.
    for (const label of ['Resolution time, by AI', 'Resolution p90, by AI']) {
      expect(row(text, label)[1], label).toBe('n/a');
      expect(row(text, label)[2], label).not.toBe('n/a');
    }
    expect(row(text, 'Resolution time, by human')[1]).not.toBe('n/a');
  });

  it('formats each cell as mean ± half-width in human units', () => {
    const text = table();
    expect(row(text, 'Contacts')[1]).toBe('271,840 ± 1,210');
    expect(row(text, 'Abandoned')[3]).toBe('4.4% ± 0.6%');
    expect(row(text, 'Wait p90')[3]).toBe('2:54 ± 19 s');
    expect(row(text, 'Total economic cost')[1]).toBe('$2.78M ± 0.02M');
    expect(row(text, 'Operating cost')[3]).toBe('$948,300 ± 15,200');
    expect(row(text, 'Cost per contact')[3]).toBe('$3.39 ± 0.05');
  });

  it('marks the best strategy per row by the KPI direction', () => {
    const text = table();
    expect(row(text, 'Total economic cost')[3]).toBe('$1.40M ± 0.03M *'); // lower is better
    expect(row(text, 'CSAT (1-5)')[1]).toBe('4.35 ± 0.01 *'); // higher is better
    expect(row(text, 'Total economic cost').filter((c) => c.endsWith('*'))).toHaveLength(1);
  });

  it('marks nothing on rows without a better direction or where all values are equal', () => {
    const text = table();
    for (const label of ['Contacts', 'Episodes', 'Offered to humans', 'Employee utilisation']) {
      expect(row(text, label).some((c) => c.endsWith('*')), label).toBe(false);
    }
    const equal = withMean(withMean(fixtureReport(), 'all-ai', 'csat', 4.35), 'hybrid', 'csat', 4.35);
    expect(row(table(equal), 'CSAT (1-5)').some((c) => c.endsWith('*'))).toBe(false);
  });

  it('never marks a strategy with no queue as best on a queue KPI', () => {
    const text = table();
    // all-ai's 0% abandonment is n/a, so all-human (3.1%) beats hybrid (4.4%).
    expect(row(text, 'Abandoned')).toEqual(['Abandoned', '3.1% ± 0.4% *', 'n/a', '4.4% ± 0.6%']);
  });

  it('lines up the ± signs within a column', () => {
    const lines = table().split('\n').filter((l) => l.startsWith('│') && l.includes(' ± '));
    const column = (l: string, i: number) => l.split('│')[i];
    for (const i of [2, 3, 4]) {
      const positions = new Set(lines.map((l) => column(l, i)).filter((c) => c.includes('±')).map((c) => c.indexOf('±')));
      expect(positions.size, `column ${i}`).toBe(1);
    }
  });

  it('prints the verdict, the warnings and a legend after the table', () => {
    const lines = table().trimEnd().split('\n');
    const end = lines.findIndex((l) => l.startsWith('└'));
    expect(lines[end + 1]).toMatch(/^hybrid is recommended: it meets the 80% in 60 s target/);
    expect(lines[end + 2]).toBe('Warning: all-human: the human queue is overloaded: offered load 30.4 Erlangs against 28.0 agents on shift on average (109% of capacity); only abandonment holds the queue in check.');
    expect(lines[end + 3]).toMatch(/^± is the 95% confidence interval half-width over 10 replications; \* best/);
    expect(lines).toHaveLength(end + 4);
  });

  it('shows the year, the payback and the jobs beside the window\'s totals', () => {
    const text = table();
    // hybrid: $1,397,300 over 13 days × 365 = $39.23M; payback $840,000 / ($1,382,300 × 7 / 13) = 1.1 weeks; 140 − 420 people.
    expect(row(text, 'Total economic cost a year')).toEqual(['Total economic cost a year', '$78.04M ± 0.69M', '$54.69M ± 1.38M', '$39.23M ± 0.97M *']);
    expect(row(text, 'Payback (weeks)')).toEqual(['Payback (weeks)', 'n/a', '2.8 wk', '1.1 wk']);
    expect(row(text, 'People on payroll')).toEqual(['People on payroll', '420', '0', '140']);
    expect(row(text, 'Payroll change')).toEqual(['Payroll change', 'n/a', '-420', '-280']);
  });

  it('fits in 120 columns with four strategies', () => {
    const report = fixtureReport();
    const extra = structuredClone(report.strategies[2]);
    extra.name = 'hybrid-gig';
    report.strategies.push(extra);
    const width = Math.max(...table(report).split('\n').filter((l) => /^[┌│├└]/.test(l)).map((l) => l.length));
    expect(width).toBeLessThanOrEqual(120);
  });

  it('shows plain means without ± with a single replication', () => {
    const report = fixtureReport();
    report.replications = 1;
    for (const s of report.strategies) for (const e of Object.values(s.metrics)) e.ci95 = [null, null];
    const text = table(report);
    expect(text).not.toContain('±');
    expect(row(text, 'Contacts')[1]).toBe('271,840');
    expect(text).toContain('one replication: no confidence intervals');
  });
});
