// `--format html` and `--detail` on the command line (the page itself is
// tested in test/report/hourly.test.ts and, in a browser, html-browser.test.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch, staffsimInProcess } from '../support/cli.js';

const SHORT = ['--set', 'horizon=6h', '--set', 'warmup=1h', '--replications', '2'];
const SWEEP = ['test/fixtures/sweep.yaml', '--replications', '2', '--vary', 'ai.cost_per_conversation=0.25,0.75'];

describe('--format html', () => {
  it('run: one page on stdout, naming the command that reproduces it', async () => {
    const { code, stdout } = await staffsimInProcess('run', ...SHORT, '--strategy', 'hybrid', '--strategy', 'all-human', '--format', 'html');
    expect(code).toBe(0);
    expect(stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(stdout).toContain(
      '<pre><code>staffsim run --set horizon=6h --set warmup=1h --replications 2 --strategy hybrid --strategy all-human --format html</code></pre>',
    );
    expect(stdout).toMatch(/<dt>Scenario SHA-256<\/dt><dd>[0-9a-f]{64}<\/dd>/);
  });

  it('the same seed gives the same page, byte for byte', async () => {
    const dir = scratch();
    const [a, b] = [join(dir, 'a.html'), join(dir, 'b.html')];
    await staffsimInProcess('run', ...SHORT, '--strategy', 'hybrid', '--format', 'html', '--out', a, '--jobs', '1');
    await staffsimInProcess('run', ...SHORT, '--strategy', 'hybrid', '--format', 'html', '--out', a.replace('a.html', 'b.html'), '--jobs', '2');
    const strip = (f: string) => readFileSync(f, 'utf8').replace(/--out \S+/, '');
    expect(strip(a)).toBe(strip(b));
  });

  it('sweep: one page with a chart per KPI against the varied key', async () => {
    const { code, stdout } = await staffsimInProcess('sweep', ...SWEEP, '--kpi', 'cost_total,csat', '--format', 'html');
    expect(code).toBe(0);
    expect(stdout.match(/<svg[^>]*data-chart="sweep-(cost_total|csat)"/g)).toHaveLength(2);
  });

  it('sweep refuses --resume and --shard with html (exit 2): a page is written whole', async () => {
    const dir = scratch();
    const resume = await staffsimInProcess('sweep', ...SWEEP, '--format', 'html', '--out', join(dir, 's.html'), '--resume');
    expect(resume.code).toBe(2);
    expect(resume.stderr).toBe('staffsim: --resume works with the row formats (csv, jsonl, markdown), not html: an HTML page is written whole, at the end\n');
    const shard = await staffsimInProcess('sweep', ...SWEEP, '--format', 'html', '--shard', '0/2');
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard works with the row formats');
  });
});

describe('plan and optimize --format html', () => {
  const PLAN = ['plan', 'test/fixtures/plan/dynamics.yaml', '--months', '2', '--replications', '2'];
  const OPTIMIZE = ['optimize', 'test/fixtures/erlang-a-queue.yaml', '--set', 'horizon=26h', '--strategy', 'staffed',
    '--constraint', 'service_level >= 0.8', '--decide', 'staff.employees.headcount=1:30', '--budget', '8'];

  it('plan: one page naming its months, the payback, what identifies it and the command; the same whatever --jobs', async () => {
    const one = await staffsimInProcess(...PLAN, '--format', 'html', '--jobs', '1');
    const two = await staffsimInProcess(...PLAN, '--format', 'html', '--jobs', '2');
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toContain('<pre><code>staffsim plan test/fixtures/plan/dynamics.yaml --months 2 --replications 2 --format html</code></pre>');
    expect(one.stdout).toMatch(/<dt>Scenario SHA-256<\/dt><dd>[0-9a-f]{64}<\/dd>/);
    expect(one.stdout).toMatch(/<dt>Seed<\/dt><dd>\d+<\/dd>/);
    // The summary against the baseline is the one the table prints.
    const table = await staffsimInProcess(...PLAN, '--jobs', '1');
    const summary = table.stdout.split('\n').filter((l) => / \(baseline\): |pays back|does not pay back/.test(l));
    expect(summary.length).toBeGreaterThan(0);
    for (const line of summary) expect(one.stdout).toContain(`<li>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</li>`);
    expect(one.stdout.match(/<svg[^>]*data-chart="plan-[a-z-]+"/g)).toHaveLength(6);
  });

  it('optimize: the frontier and the best few, with the 95% statement and the command that reproduces it', async () => {
    const page = await staffsimInProcess(...OPTIMIZE, '--format', 'html', '--jobs', '1');
    const table = await staffsimInProcess(...OPTIMIZE, '--jobs', '1');
    expect(page.code, page.stderr).toBe(0);
    expect(page.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.stdout).toContain("staffsim optimize test/fixtures/erlang-a-queue.yaml --strategy staffed --constraint 'service_level &gt;= 0.8' --decide staff.employees.headcount=1:30 --budget 8 --set horizon=26h --format html");
    const run = /^Run it: (.*)$/m.exec(table.stdout)![1];
    expect(page.stdout).toContain(`<pre><code>${run.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code></pre>`);
    expect(page.stdout).toContain('It meets every constraint with 95% one-sided confidence');
    expect(page.stdout.match(/data-chart="frontier-service_level"/g)).toHaveLength(1);
  });
});

describe('--detail', () => {
  it('adds each queue strategy\'s hours and the service level chart to the table', async () => {
    const plain = await staffsimInProcess('run', ...SHORT, '--strategy', 'all-human');
    const detail = await staffsimInProcess('run', ...SHORT, '--strategy', 'all-human', '--detail');
    expect(plain.stdout).not.toContain('Service level by hour of day');
    expect(detail.code).toBe(0);
    expect(detail.stdout).toContain('all-human: the human queue by hour of day');
    // The 1-hour warm-up and 6-hour horizon measure hours 1-5 only: the rest are dotted.
    expect(detail.stdout).toMatch(/all-human +\|·[ ▁▂▃▄▅▆▇█]{5}·{18}\|/);
  });
});
