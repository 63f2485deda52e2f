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
    expect(out.service_level).toEqual({ answer_within: 1, target: 0.8 });
    // Warnings are records with their figures, not sentences.
    expect(out.warnings).toEqual([
      { code: 'human_queue_overloaded', strategy: 'all-human', offered_load: 30.4, agents: 28, gig_capacity: 0, share: 30.4 / 28, abandonment: true },
    ]);
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
