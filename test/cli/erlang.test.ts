// `staffsim erlang` end to end, in-process through the CLI's main() with its
// own streams (test/support/cli.ts; test/cli/bad-input.test.ts shows the exit
// code reaching the shell from a real process). The worked examples are those of
// docs/sources.md ("Published queueing examples"), checked to the digits published.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectShown } from '../analytic/helpers.js';

import { staffsimInProcess as staffsim } from '../support/cli.js';

interface Figures {
  agents: number;
  scheduled: number;
  offered_load: number;
  p_wait: number;
  answered_immediately: number;
  abandon_rate: number;
  wait_mean: number;
  asa: number;
  service_level: number;
  utilization: number;
  erlang_b: number;
}

async function json(...args: string[]) {
  const { code, stdout, stderr } = await staffsim('erlang', ...args, '--format', 'json');
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

const figures = async (...args: string[]): Promise<Figures> => (await json(...args)).figures;

// Call Centre Helper: 100 calls per 30 minutes, AHT 3 min, 20 s threshold.
const CCH = ['--arrivals', '100/30m', '--aht', '3m', '--answer-within', '20s'];

describe('the published worked examples', () => {
  it('Call Centre Helper "Erlang C formula made simple" (c = 14)', async () => {
    const f = await figures(...CCH, '--agents', '14');
    expect(f.offered_load).toBeCloseTo(10, 12);
    expectShown(f.p_wait, '0.1741');
    expectShown(f.service_level * 100, '88.8');
    expectShown(f.asa * 60, '7.8'); // seconds
    expectShown(f.answered_immediately * 100, '82.6');
    expectShown(f.utilization * 100, '71.4');
    expect(f.abandon_rate).toBe(0);
  });

  it('Call Centre Helper: 14 agents for 80% in 20 s are 20 to schedule after 30% shrinkage', async () => {
    const out = await json(...CCH, '--target', '0.8', '--shrinkage', '0.3');
    expect(out.answer.agents).toBe(14);
    expect(out.answer.scheduled).toBe(20);
    expect((await figures(...CCH, '--agents', '14', '--shrinkage', '0.3')).scheduled).toBe(20);
  });

  it('the same example in the table a person reads', async () => {
    const { code, stdout } = await staffsim('erlang', ...CCH, '--agents', '14');
    expect(code).toBe(0);
    expect(stdout).toContain('Erlang C');
    expect(stdout).toContain('10 Erlangs on 14 agents');
    for (const shown of ['17.41%', '88.84%', '7.8 s', '82.59%', '71.43%']) expect(stdout).toContain(shown);
  });

  it('pyworkforce test_erlang.py (Erlang C, c = 15)', async () => {
    const f = await figures(...CCH, '--agents', '15');
    expectShown(f.service_level, '0.941');
    expectShown(f.utilization, '0.667');
    expectShown(f.p_wait, '0.102');
  });

  it('pyworkforce test_abandonment.py (Erlang A, c = 14, mean patience 5 min)', async () => {
    const out = await json(...CCH, '--agents', '14', '--patience', '5m');
    expect(out.model).toBe('erlang-a');
    const f: Figures = out.figures;
    expectShown(f.p_wait, '0.14526');
    expectShown(f.abandon_rate, '0.013984');
    expectShown(f.utilization, '0.704297');
    expectShown(f.wait_mean, '0.069919');
    expectShown(f.service_level, '0.916792');
  });

  it('Call Centre Helper forum (50 calls / 30 min, AHT 4 min, c = 9)', async () => {
    const f = await figures('--arrivals', '50/30m', '--aht', '4m', '--agents', '9');
    expectShown(f.service_level * 100, '74.2');
  });

  it('Erlang B tables (10 Erlangs on 14 lines; 2 Erlangs on 5 lines)', async () => {
    expectShown((await figures('--arrivals', '10', '--aht', '1m', '--agents', '14')).erlang_b, '0.0568');
    expectShown((await figures('--arrivals', '2/min', '--aht', '60s', '--agents', '5')).erlang_b, '0.0367');
  });
});

describe('rates and durations', () => {
  it('reads a rate per hour, per minute, per day, per second and per any duration alike', async () => {
    const perMinute = await figures('--arrivals', '3', '--aht', '5m', '--agents', '20');
    for (const rate of ['180/h', '3/m', '3/min', '4320/d', '0.05/s', '90/30m', '9/3m']) {
      expect((await figures('--arrivals', rate, '--aht', '5m', '--agents', '20')).p_wait, rate).toBeCloseTo(perMinute.p_wait, 12);
    }
  });

  it('defaults the threshold to 20 s and reports times in minutes', async () => {
    const out = await json('--arrivals', '200/h', '--aht', '300s', '--agents', '20');
    expect(out.inputs.answer_within).toBeCloseTo(1 / 3, 12);
    expect(out.inputs.aht).toBe(5);
    expect(out.inputs.patience).toBeNull();
  });
});

describe('staffing for a target', () => {
  it('answers the fewest agents meeting the target and shows the table around it', async () => {
    const out = await json('--arrivals', '200/h', '--aht', '5m', '--target', '0.8');
    expect(out.constraints.service_level_target).toBe(0.8);
    const rows: Array<Figures & { meets: boolean; answer: boolean }> = out.table;
    const answer = rows.filter((r) => r.answer);
    expect(answer).toHaveLength(1);
    expect(answer[0].agents).toBe(out.answer.agents);
    // Every row below the answer misses, the answer and every row above meet.
    for (const r of rows) expect(r.meets, `agents ${r.agents}`).toBe(r.agents >= out.answer.agents);
    expect(rows[0].agents).toBe(out.answer.agents - 3);
    expect(rows.at(-1)!.agents).toBe(out.answer.agents + 3);
    const below = rows.find((r) => r.agents === out.answer.agents - 1)!;
    expect(below.service_level).toBeLessThan(0.8);
    expect(out.answer.service_level).toBeGreaterThanOrEqual(0.8);
  });

  it('meets an abandonment cap and an occupancy cap together with the target', async () => {
    const base = ['--arrivals', '200/h', '--aht', '5m', '--patience', '3m'];
    const sl = (await json(...base, '--target', '0.8')).answer;
    const capped = (await json(...base, '--target', '0.8', '--max-abandon', '0.005', '--max-occupancy', '0.7')).answer;
    expect(capped.agents).toBeGreaterThan(sl.agents);
    expect(capped.abandon_rate).toBeLessThanOrEqual(0.005);
    expect(capped.utilization).toBeLessThanOrEqual(0.7);
  });

  it('prints the table with the answer marked', async () => {
    const { code, stdout } = await staffsim('erlang', ...CCH, '--target', '0.8');
    expect(code).toBe(0);
    expect(stdout).toContain('Fewest agents meeting 80% answered within 20 s: 14.');
    expect(stdout).toMatch(/│\s+14 │.*◀ answer/);
  });
});

describe('formats and files', () => {
  it('writes one csv row per staffing, with the KPI names as columns', async () => {
    const { code, stdout } = await staffsim('erlang', ...CCH, '--target', '0.8', '--format', 'csv');
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trim().split('\n');
    for (const kpi of ['p_wait', 'abandon_rate', 'wait_mean', 'asa', 'service_level', 'utilization']) {
      expect(header.split(',')).toContain(kpi);
    }
    expect(rows).toHaveLength(7);
  });

  it('writes markdown', async () => {
    const { code, stdout } = await staffsim('erlang', ...CCH, '--agents', '14', '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\| figure \| KPI \| value \|$/m);
    expect(stdout).toContain('| `service_level` | 88.84% |');
  });

  it('writes --out to a file and nothing to stdout', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'staffsim-erlang-')), 'e.json');
    const { code, stdout } = await staffsim('erlang', ...CCH, '--agents', '14', '--format', 'json', '--out', file);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).figures.agents).toBe(14);
  });

  it('--help shows the examples and exits 0', async () => {
    const { code, stdout } = await staffsim('erlang', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('--patience');
  });
});

describe('bad flags exit 2 with one clear message and no stack trace', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unstable Erlang C queue, giving the load', ['--arrivals', '200/h', '--aht', '5m', '--agents', '16'], /unstable.*16\.67 Erlangs.*at least 17 agents/],
    ['a rate with an unknown unit', ['--arrivals', '200/week', '--aht', '5m', '--agents', '20'], /--arrivals.*200\/week/],
    ['a rate that is not a number', ['--arrivals', 'many', '--aht', '5m', '--agents', '20'], /--arrivals.*many/],
    ['a zero rate', ['--arrivals', '0/h', '--aht', '5m', '--agents', '20'], /--arrivals.*above 0/],
    ['a zero handle time', ['--arrivals', '200/h', '--aht', '0s', '--agents', '20'], /--aht.*longer than 0/],
    ['a bad duration unit', ['--arrivals', '200/h', '--aht', '5 minutes', '--agents', '20'], /--aht.*unit/],
    ['a zero patience', ['--arrivals', '200/h', '--aht', '5m', '--patience', '0', '--agents', '20'], /--patience.*longer than 0/],
    ['fractional agents', ['--arrivals', '200/h', '--aht', '5m', '--agents', '2.5'], /--agents.*whole number/],
    ['a target above 1', ['--arrivals', '200/h', '--aht', '5m', '--target', '1.2'], /--target.*1\.2/],
    ['a negative abandonment cap', ['--arrivals', '200/h', '--aht', '5m', '--patience', '3m', '--max-abandon', '-0.1'], /--max-abandon/],
    ['an abandonment cap without --patience (nobody abandons)', ['--arrivals', '200/h', '--aht', '5m', '--max-abandon', '0.05'], /^staffsim: --max-abandon needs --patience: without it nobody abandons/],
    ['shrinkage of 1', ['--arrivals', '200/h', '--aht', '5m', '--agents', '20', '--shrinkage', '1'], /--shrinkage/],
    ['both --agents and --target', ['--arrivals', '200/h', '--aht', '5m', '--agents', '20', '--target', '0.8'], /not both/],
    ['neither --agents nor --target', ['--arrivals', '200/h', '--aht', '5m'], /--agents.*--target/],
    ['no --arrivals', ['--aht', '5m', '--agents', '20'], /--arrivals/],
    ['an unknown format', ['--arrivals', '200/h', '--aht', '5m', '--agents', '20', '--format', 'pdf'], /pdf/],
  ];
  for (const [what, args, pattern] of cases) {
    it(what, async () => {
      const { code, stdout, stderr } = await staffsim('erlang', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(pattern);
      expect(stderr).not.toMatch(/^\s+at /m);
    });
  }
});
