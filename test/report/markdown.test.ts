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

  it('puts the verdict first, the warnings and legend below the table', () => {
    const text = markdown();
    expect(text).toMatch(/^\*\*Verdict:\*\* hybrid is recommended: it meets the 80% in 60 s target/);
    expect(text.indexOf('**Verdict:**')).toBeLessThan(text.indexOf('| KPI |'));
    expect(text).toContain('- **Warning:** all-human: the human queue is overloaded: offered load 30.4 Erlangs');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^_± is the 95% confidence interval/);
  });

  it('lists the sensitivity cases under the verdict', () => {
    const report = fixtureReport();
    report.sensitivity = [
      { key: 'customers.lifetime_value', value: 45, scenario_value: 90, recommended: 'hybrid', changed: false },
      { key: 'customers.lifetime_value', value: 180, scenario_value: 90, recommended: 'all-human', changed: true },
    ];
    const lines = markdown(report).split('\n');
    expect(lines.slice(2, 5)).toEqual([
      '- Sensitivity: the verdict changes in 1 of 2 cases below (one input moved at a time, the same random streams).',
      '- customers.lifetime\\_value = 45 (scenario 90): hybrid recommended, as in the run.',
      '- customers.lifetime\\_value = 180 (scenario 90): all-human recommended — the verdict changes.',
    ]);
  });

  it('escapes a pipe in a strategy name so the table stays intact', () => {
    const report = fixtureReport();
    report.strategies[0].name = 'human|plus';
    expect(markdown(report)).toContain('| KPI | human\\|plus (human) |');
  });
});
