import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/experiment/result.js';
import { HOURLY_KPI_NAMES, type HourEstimate } from '../../src/metrics/hourly.js';
import { render, renderReport } from '../../src/report/index.js';
import { fixtureReport } from './fixture.js';

/** all-human's day: 90% answered on time but 18:00-20:59 (50%), nothing offered 03:00-03:59. */
function withHours(): RunReport {
  const report = fixtureReport();
  const hours: HourEstimate[] = Array.from({ length: 24 }, (_, hour) => {
    const sl = hour >= 18 && hour <= 20 ? 0.5 : 0.9;
    const offered = hour === 3 ? 0 : 1000;
    const e = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });
    return {
      hour,
      offered: e(offered),
      abandoned: e(offered * 0.02),
      abandon_rate: e(offered > 0 ? 0.02 : 0),
      service_level: e(offered > 0 ? sl : 0),
      wait_mean: e(offered > 0 ? 0.5 : 0),
      asa: e(offered > 0 ? 0.4 : 0),
      agents_on_shift: e(20),
      utilization: e(0.8),
    };
  });
  report.strategies[0].by_hour = hours;
  // all-ai has hours too, but no queue: it shows none.
  report.strategies[1].by_hour = hours;
  return report;
}

describe('the hours in the text formats', () => {
  it('the table shows them only under --detail', () => {
    expect(render(withHours(), 'table', { color: false })).not.toContain('by hour of day');
    const text = render(withHours(), 'table', { color: false, detail: true });
    expect(text).toContain('all-human: the human queue by hour of day');
    expect(text).not.toContain('all-ai: the human queue');
    for (const hour of ['00:00', '12:00', '23:00']) expect(text).toContain(`│ ${hour}`);
  });

  it('--detail charts service level by hour: a bar per hour, the hours below target marked, empty hours dotted', () => {
    const lines = render(withHours(), 'table', { color: false, detail: true }).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Service level by hour of day'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toContain('80% target');
    const bars = lines[at + 2];
    // 90% is 7 eighths of a block (▇), 50% is 4 (▄); hour 3 had nothing offered.
    expect(bars).toBe(`all-human |▇▇▇·▇▇▇▇▇▇▇▇▇▇▇▇▇▇▄▄▄▇▇▇|`);
    const marks = lines[at + 3];
    expect(marks.indexOf('^')).toBe(bars.indexOf('|') + 1 + 18);
    expect(marks.trim()).toBe('^^^');
  });

  it('Markdown shows each queue strategy\'s hours as a table', () => {
    const text = render(withHours(), 'markdown', { color: false });
    expect(text).toContain('**all-human: the human queue by hour of day**');
    expect(text).toContain('| 18:00 | 1,000 ± 0 | 20 ± 0 | 2.0% ± 0.0% | 50.0% ± 0.0% | 30 s ± 0 s | 24 s ± 0 s | 20 ± 0 | 80.0% ± 0.0% |');
    // Nothing offered at 03:00: no rate or wait to show.
    expect(text).toContain('| 03:00 | 0 ± 0 | 0 ± 0 | n/a | n/a | n/a | n/a | 20 ± 0 | 80.0% ± 0.0% |');
    expect(text).not.toContain('**all-ai: the human queue');
  });

  it('JSON carries by_hour: 24 entries, each figure a mean and interval', () => {
    const out = JSON.parse(render(withHours(), 'json', { color: false }));
    const hours = out.strategies[0].by_hour;
    expect(hours).toHaveLength(24);
    expect(Object.keys(hours[18])).toEqual(['hour', ...HOURLY_KPI_NAMES]);
    expect(hours[18]).toMatchObject({ hour: 18, service_level: { mean: 0.5, ci95: [0.5, 0.5] } });
    // A report without hours (a hand-made one) says nothing rather than a made-up day.
    expect(out.strategies[2].by_hour).toBeUndefined();
  });

  it('HTML leaves out the hours nothing was offered in, and says so in the chart\'s table', async () => {
    const html = await renderReport(withHours(), 'html', { color: false, command: 'staffsim run' });
    const figure = html.slice(html.indexOf('<figure id="service-level-by-hour"'), html.indexOf('</figure>', html.indexOf('<figure id="service-level-by-hour"')));
    expect(figure).toContain('<th scope="row">03:00</th><td>nothing offered</td>');
    expect(figure).toContain('<th scope="row">18:00</th><td>50.0%');
  });
});

describe('loading the HTML renderer', () => {
  it('only report/html imports vega, and nothing imports report/html but lazily', () => {
    const src = new URL('../../src/', import.meta.url).pathname;
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      if (!file.startsWith('report/html/')) {
        expect(text, file).not.toMatch(/from '(vega|vega-lite)'/);
        expect(text, file).not.toMatch(/^import [^;]*html\/index\.js'/m);
      }
    }
    expect(readFileSync(join(src, 'report/index.ts'), 'utf8')).toContain("await import('./html/index.js')");
  });
});
