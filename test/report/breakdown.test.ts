// A strategy's by_type and by_group as rows of text (src/report/breakdown.ts),
// the layout --detail and the HTML report show: one column per type or group,
// one row per KPI, "mean ± half-width" in the KPI's unit, worked by hand.

import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/experiment/result.js';
import { breakdowns } from '../../src/report/breakdown.js';

const report = {
  strategies: [
    {
      name: 'hybrid',
      by_type: {
        billing: { metrics: { wait_mean: { mean: 1.5, ci95: [1.25, 1.75] }, csat: { mean: 4.1, ci95: [4, 4.2] } } },
        fraud: { metrics: { wait_mean: { mean: 0.1, ci95: [null, null] }, csat: { mean: 3.456, ci95: [3.4, 3.512] } } },
      },
      by_group: { generalists: { metrics: { utilization: { mean: 0.8234, ci95: [0.8, 0.8468] } } } },
    },
    // A report rebuilt from older summaries: no breakdown, no table.
    { name: 'all-human' },
  ],
} as unknown as RunReport;

describe('breakdowns', () => {
  it('one table per strategy and part, names as columns, a KPI per row in its unit', () => {
    expect(breakdowns(report)).toEqual([
      {
        title: 'hybrid, by ticket type',
        names: ['billing', 'fraud'],
        rows: [
          // 1.5 min ± 0.25 min: 1:30 ± 15 s; 0.1 min is 6 s, with no interval (one replication).
          ['Mean wait', '1:30 ± 15 s', '6 s'],
          // Scores at two decimals: 4.10 ± 0.10; 3.456 ± 0.056 → 3.46 ± 0.06.
          ['CSAT (1-5)', '4.10 ± 0.10', '3.46 ± 0.06'],
        ],
      },
      // 0.8234 ± 0.0234 as shares: 82.3% ± 2.3%.
      { title: 'hybrid, by group', names: ['generalists'], rows: [['Employee utilisation', '82.3% ± 2.3%']] },
    ]);
  });
});
