import { describe, expect, it } from 'vitest';
import { FORMATS, isFormat, render } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

describe('report formats', () => {
  it('lists table, json, csv and markdown', () => {
    expect([...FORMATS]).toEqual(['table', 'json', 'csv', 'markdown']);
    expect(isFormat('csv')).toBe(true);
    expect(isFormat('html')).toBe(false);
    expect(isFormat('toString')).toBe(false);
  });

  it('renders every format to non-empty text ending with a newline, without colour unless asked', () => {
    for (const format of FORMATS) {
      const text = render(fixtureReport(), format, { color: false });
      expect(text.length, format).toBeGreaterThan(100);
      expect(text.endsWith('\n'), format).toBe(true);
      expect(text, format).not.toMatch(/\x1b\[/);
    }
  });

  it('colours only the table', () => {
    for (const format of ['json', 'csv', 'markdown'] as const) {
      expect(render(fixtureReport(), format, { color: true }), format).not.toMatch(/\x1b\[/);
    }
  });

  it('rejects a KPI missing from a strategy as an internal error', () => {
    const report = fixtureReport();
    delete (report.strategies[1].metrics as Partial<typeof report.strategies[1]['metrics']>).csat;
    for (const format of FORMATS) expect(() => render(report, format, { color: false }), format).toThrow(/all-ai.*csat/);
  });
});
