// `--kpi`: the KPIs a report shows, in the order asked, in every format; the
// verdict still reads every KPI.

import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '../../src/metrics/kpis.js';
import { render, selectKpis, UnknownKpiError, verdict } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

const CHOSEN = selectKpis(['cost_total,csat', 'service_level']);

describe('choosing KPIs', () => {
  it('reads names and comma lists, in order, each once; nothing chosen means every KPI', () => {
    expect(CHOSEN).toEqual(['cost_total', 'csat', 'service_level']);
    expect(selectKpis(['csat', 'csat, cost_total'])).toEqual(['csat', 'cost_total']);
    expect(selectKpis([])).toEqual([...KPI_NAMES]);
    expect(selectKpis(undefined)).toEqual([...KPI_NAMES]);
  });

  it('refuses an unknown name with the nearest one, and an empty name', () => {
    expect(() => selectKpis(['cost_totl'])).toThrow(UnknownKpiError);
    expect(() => selectKpis(['csat,cost_totl'])).toThrow(/^unknown KPI `cost_totl` \(did you mean `cost_total`\? the KPIs are: `contacts`, /);
    expect(() => selectKpis(['csat,'])).toThrow(/an empty KPI name/);
  });
});

describe('every format shows the chosen KPIs only', () => {
  const report = fixtureReport();

  it('CSV: one row per strategy and chosen KPI, in the order asked', () => {
    const lines = render(report, 'csv', { color: false, kpis: CHOSEN }).trimEnd().split('\n');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(
      report.strategies.flatMap((s) => CHOSEN.map((k) => `${s.name},${k}`)),
    );
    expect(lines[1]).toBe('all-human,cost_total,2779600,2755100,2804100');
  });

  it('JSON: the chosen metrics, in the order asked', () => {
    const out = JSON.parse(render(report, 'json', { color: false, kpis: CHOSEN }));
    for (const s of out.strategies) expect(Object.keys(s.metrics)).toEqual(CHOSEN);
    expect(out.strategies[0].metrics.csat.mean).toBe(4.35);
    expect(out.strategies[0].metrics.csat.ci95[1]).toBeCloseTo(4.36, 12);
  });

  it('table and Markdown: the chosen rows under their groups, empty groups left out, the same verdict', () => {
    for (const format of ['table', 'markdown'] as const) {
      const text = render(report, format, { color: false, kpis: CHOSEN });
      expect(text).toContain('CSAT (1-5)');
      expect(text).toContain('Service level');
      expect(text).toContain('Total economic cost');
      expect(text).not.toContain('Operating cost');
      expect(text).not.toContain('Abandoned');
      expect(text).not.toContain('Workers');
      expect(text).toContain(verdict(report).slice(0, 40));
    }
    const markdown = render(report, 'markdown', { color: false, kpis: ['cost_total'] });
    expect(markdown).toContain('| Total economic cost | $2.78M ± 0.02M |');
    expect(markdown).not.toContain('**Customers**');
  });
});
