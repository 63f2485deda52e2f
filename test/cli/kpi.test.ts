// `--kpi` on the command line: the columns of `run` and `sweep`, and a
// misspelt name refused (exit 2) before anything is simulated.

import { describe, expect, it } from 'vitest';
import { staffsimInProcess as staffsim } from '../support/cli.js';

const SHORT = ['--set', 'horizon=6h', '--set', 'warmup=1h', '--replications', '2'];
const SWEEP = ['sweep', 'test/fixtures/sweep.yaml', '--replications', '2', '--vary', 'customers.lifetime_value=100,900'];

describe('--kpi', () => {
  it('run: only the chosen KPIs, in the order given', async () => {
    const { code, stdout } = await staffsim('run', ...SHORT, '--format', 'csv', '--kpi', 'cost_total,csat', '--kpi', 'service_level');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    // Five strategies: the four of the file and all-human@target, the baseline staffed to just meet the target.
    expect(lines).toHaveLength(1 + 5 * 3);
    expect(lines.slice(1, 4).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'all-human,cost_total',
      'all-human,csat',
      'all-human,service_level',
    ]);
  });

  it('sweep: the chosen columns, rounded in Markdown', async () => {
    const { code, stdout } = await staffsim(...SWEEP, '--kpi', 'cost_total,service_level', '--format', 'markdown');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[1]).toBe('| point | point\\_seed | customers.lifetime\\_value | strategy | cost\\_total | service\\_level |');
    expect(lines).toHaveLength(3 + 2 * 2);
    for (const row of lines.slice(3)) expect(row).toMatch(/^\| \d \| \d+ \| \d+ \| [a-z-]+ \| \$[\d,]+ ± [\d,]+ \| \d+\.\d% ± \d+\.\d% \|$/);
  });

  it('refuses a misspelt KPI with the nearest name, exit 2, for run and sweep', async () => {
    for (const args of [['run', ...SHORT], SWEEP]) {
      const { code, stdout, stderr } = await staffsim(...args, '--kpi', 'csat,servce_level');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^staffsim: unknown KPI `servce_level` \(did you mean `service_level`\? the KPIs are: /);
    }
  });
});
