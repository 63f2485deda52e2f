// `staffsim plan` on the command line, in-process: the formats, the
// --months shorthand, and refusals (exit 2, one message naming the file).

import { describe, expect, it } from 'vitest';
import { PLAN_CSV_HEADER } from '../../src/report/plan.js';
import { staffsimInProcess } from '../support/cli.js';

const STEADY = 'test/fixtures/plan/steady.yaml';

describe('staffsim plan', () => {
  it('prints every month of every strategy as csv, --months cutting the plan short', async () => {
    const result = await staffsimInProcess('plan', STEADY, '--months', '1', '--format', 'csv', '--jobs', '1');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(PLAN_CSV_HEADER.join(','));
    const months = new Set(lines.slice(1).map((l) => l.split(',')[1]));
    expect([...months]).toEqual(['2026-02', 'plan']);
    expect(lines.some((l) => l.startsWith('hybrid,plan,payback_month,'))).toBe(true);
    expect(result.stdout).not.toMatch(/NaN|Infinity|undefined|\[object/);
  });

  it('json, markdown and table; the same bytes whatever --jobs', async () => {
    const json = await staffsimInProcess('plan', STEADY, '--months', '1', '--format', 'json', '--jobs', '1');
    const again = await staffsimInProcess('plan', STEADY, '--months', '1', '--format', 'json', '--jobs', '2');
    expect(json.stdout).toBe(again.stdout);
    const report = JSON.parse(json.stdout);
    expect(report.strategies.map((s: { name: string }) => s.name)).toEqual(['all-human', 'hybrid']);
    const markdown = await staffsimInProcess('plan', STEADY, '--months', '1', '--format', 'markdown', '--jobs', '1');
    expect(markdown.stdout).toContain('### all-human');
    expect(markdown.stdout).toContain('| 2026-02 |');
    const table = await staffsimInProcess('plan', STEADY, '--months', '1', '--jobs', '1');
    expect(table.stdout).toContain('hybrid: present value of cost');
  });

  it('refuses a scenario without a plan, naming the file', async () => {
    const result = await staffsimInProcess('plan', 'test/fixtures/minimal.yaml');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('staffsim: test/fixtures/minimal.yaml: the scenario has no `plan:` section (docs/plan.md describes it; scenarios/klarna-2024.yaml has one)\n');
  });

  it('refuses --months beyond the limit as the key it stands for', async () => {
    const result = await staffsimInProcess('plan', STEADY, '--months', '121');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^staffsim: test\/fixtures\/plan\/steady\.yaml: --set plan\.months=121: plan\.months: /);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('refuses a month whose value breaks a limit, naming the month, the strategy and the key (not as a --set of the user)', async () => {
    const result = await staffsimInProcess('plan', STEADY, '--jobs', '1', '--set', 'plan.strategies.hybrid.by_month={2026-03: {staff.employees.headcount: -3}}');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'staffsim: test/fixtures/plan/steady.yaml: strategies.hybrid.staff.employees.headcount: plan month 2026-03, strategy hybrid, ' +
        'which sets strategies.hybrid.staff.employees.headcount=-3: must be a whole number ≥ 0, got -3\n',
    );
  });
});
