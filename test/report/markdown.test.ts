import { describe, expect, it } from 'vitest';
import { KPIS } from '../../src/metrics/kpis.js';
import { render } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

const markdown = (report = fixtureReport()) => render(report, 'markdown', { color: false });

describe('markdown report', () => {
  it('is a GitHub table with strategies as columns', () => {
    const lines = markdown().split('\n');
    expect(lines).toContain('| KPI | all-human (human) | all-ai (ai) | hybrid (ai-first) |');
    expect(lines).toContain('| :-- | --: | --: | --: |');
  });

  it('has a sub-header row per group and a row per KPI', () => {
    const lines = markdown().split('\n');
    for (const group of ['Customers', 'Cost', 'Workers']) expect(lines).toContain(`| **${group}** |  |  |  |`);
    for (const kpi of KPIS) expect(lines.some((l) => l.startsWith(`| ${kpi.label} |`)), kpi.label).toBe(true);
  });

  it('shows mean ± half-width, the best in bold and n/a where nothing went to humans', () => {
    const lines = markdown().split('\n');
    expect(lines).toContain('| Total economic cost | $2.78M ± 0.02M | $1.95M ± 0.05M | **$1.40M ± 0.03M** |');
    expect(lines).toContain('| Abandoned | **3.1% ± 0.4%** | n/a | 4.4% ± 0.6% |');
  });

  it('puts the verdict, warnings and legend below the table', () => {
    const text = markdown();
    expect(text).toMatch(/\n\*\*Verdict:\*\* hybrid is cheapest meeting the 80% in 60 s target/);
    expect(text).toContain('- **Warning:** all-human: the human queue is overloaded: offered load 30.4 Erlangs');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^_± is the 95% confidence interval/);
  });

  it('escapes a pipe in a strategy name so the table stays intact', () => {
    const report = fixtureReport();
    report.strategies[0].name = 'human|plus';
    expect(markdown(report)).toContain('| KPI | human\\|plus (human) |');
  });
});
