// `staffsim sweep` and `staffsim merge` end to end: byte-identical output
// whatever --jobs and sharding, resume, bad input, in-process through main()
// (test/support/cli.ts; --jobs 2 still runs worker threads); a real process
// only for what only a process shows: SIGKILL, SIGINT and SIGTERM, a closed
// pipe (test/cli/cluster.test.ts runs shards as separate processes).
// Scenarios are short (test/fixtures/sweep.yaml) so each point takes a
// fraction of a second.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KPI_NAMES } from '../../src/metrics/kpis.js';
import { BIN, REPO_ROOT, scratch, staffsimInProcess as staffsim, startStaffsim, type CliResult } from '../support/cli.js';

const FIXTURE = 'test/fixtures/sweep.yaml';
// 2 × 3 = 6 points, 2 strategies each: 12 rows.
const VARY = ['--vary', 'staff.employees.headcount=8,12', '--vary', 'ai.cost_per_conversation=0.25:0.75:0.25'];
const HEAD_LINES = 2; // CSV: the metadata line and the column header

function dataLines(text: string): string[] {
  return text.split('\n').slice(HEAD_LINES, -1);
}

/** Runs command lines in-process one after the other (main() has one set of streams at a time). */
async function inTurn(argsList: readonly (readonly string[])[]): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const args of argsList) results.push(await staffsim(...args));
  return results;
}

async function waitForRows(file: string, rows: number, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (existsSync(file) && dataLines(readFileSync(file, 'utf8')).length >= rows) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${file} did not reach ${rows} rows in ${timeoutMs} ms`);
}

describe('staffsim sweep', () => {
  // The CSV of the 6-point sweep with one thread, run once: the reference of
  // --jobs and shards, and the complete file a torn resume must restore.
  let varyCsv: Promise<CliResult> | undefined;
  const varyOneJob = () => (varyCsv ??= staffsim('sweep', FIXTURE, ...VARY, '--jobs', '1'));

  it('writes the same bytes with --jobs 1, --jobs 2, and as 3 shards merged', async () => {
    const dir = scratch();
    const parts = [0, 1, 2].map((k) => join(dir, `part-${k}.csv`));
    const one = await varyOneJob();
    const results = await inTurn([
      ['sweep', FIXTURE, ...VARY, '--jobs', '2'],
      ...parts.map((out, k) => ['sweep', FIXTURE, ...VARY, '--jobs', '1', '--shard', `${k}/3`, '--out', out]),
    ]);
    for (const r of [one, ...results]) expect(r.stderr).toBe('');
    const [two] = results;
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);

    const merged = join(dir, 'merged.csv');
    const merge = await staffsim('merge', ...parts, '--out', merged);
    expect(merge.code).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(one.stdout);

    // And the output is what it claims: 6 points × 2 strategies, every KPI with its bounds.
    const lines = one.stdout.split('\n');
    const meta = JSON.parse(lines[0].replace(/^# staffsim-sweep /, ''));
    expect(meta).toMatchObject({ scenario: { name: 'sweep-fixture' }, points: 6, strategies: ['all-human', 'hybrid'], replications: 3 });
    const header = lines[1].split(',');
    expect(header.slice(0, 5)).toEqual(['point', 'point_seed', 'staff.employees.headcount', 'ai.cost_per_conversation', 'strategy']);
    for (const kpi of KPI_NAMES) expect(header).toEqual(expect.arrayContaining([kpi, `${kpi}_lo`, `${kpi}_hi`]));
    const rows = dataLines(one.stdout).map((l) => l.split(','));
    expect(rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual(
      [8, 12].flatMap((h) => [0.25, 0.5, 0.75].flatMap((c) => ['all-human', 'hybrid'].map((s) => [String(h), String(c), s]))).map(
        (r, i) => [String(Math.floor(i / 2)), ...r],
      ),
    );
    // Common random numbers: every point runs with the scenario's seed (7).
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['7']));
    // A part carries its shard in its metadata; the merged file does not.
    expect(readFileSync(parts[1], 'utf8').split('\n')[0]).toContain('"shard":"1/3"');
    expect(lines[0]).not.toContain('shard');
  });

  it('JSON lines: every line a row with the same keys (as pandas.read_json(lines=True) wants), the metadata beside the file, and shards merged to the same bytes', async () => {
    const dir = scratch();
    const whole = join(dir, 'sweep.jsonl');
    const parts = [0, 1].map((k) => join(dir, `part-${k}.jsonl`));
    const results = await inTurn([
      ['sweep', FIXTURE, ...VARY, '--format', 'jsonl'],
      ['sweep', FIXTURE, ...VARY, '--format', 'jsonl', '--out', whole],
      ...parts.map((out, k) => ['sweep', FIXTURE, ...VARY, '--format', 'jsonl', '--shard', `${k}/2`, '--out', out]),
    ]);
    for (const r of results) expect(r.code).toBe(0);
    const stdout = results[0].stdout;
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const keys = Object.keys(rows[0]);
    expect(keys.slice(0, 5)).toEqual(['point', 'point_seed', 'staff.employees.headcount', 'ai.cost_per_conversation', 'strategy']);
    for (const row of rows) expect(Object.keys(row)).toEqual(keys);
    expect(rows.map((r) => r.point)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(readFileSync(whole, 'utf8')).toBe(stdout);
    const meta = JSON.parse(readFileSync(`${whole}.meta.json`, 'utf8')).staffsim_sweep;
    expect(meta).toMatchObject({ points: 6, strategies: ['all-human', 'hybrid'] });
    expect(JSON.parse(readFileSync(`${parts[1]}.meta.json`, 'utf8')).staffsim_sweep.shard).toBe('1/2');

    const merged = join(dir, 'merged.jsonl');
    expect((await staffsim('merge', ...parts, '--out', merged)).code).toBe(0);
    expect(readFileSync(merged, 'utf8')).toBe(stdout);
    expect(readFileSync(`${merged}.meta.json`, 'utf8')).toBe(readFileSync(`${whole}.meta.json`, 'utf8'));
  });

  it('JSON lines: a part without its metadata file, or a shard to stdout, is refused (exit 2)', async () => {
    const dir = scratch();
    const part = join(dir, 'part-0.jsonl');
    writeFileSync(part, '{"point":0}\n');
    const merge = await staffsim('merge', part);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain(`${part}: its metadata file ${part}.meta.json is missing`);
    const shard = await staffsim('sweep', FIXTURE, ...VARY, '--format', 'jsonl', '--shard', '0/2');
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('--shard with --format jsonl needs --out FILE');
  });

  it('changes the output when a varied value changes the result (more staff, shorter waits)', async () => {
    const { code, stdout } = await staffsim('sweep', FIXTURE, '--vary', 'staff.employees.headcount=6,14', '--strategy', 'all-human', '--format', 'jsonl');
    expect(code).toBe(0);
    const rows = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((r) => r['staff.employees.headcount'])).toEqual([6, 14]);
    expect(rows[0].wait_mean).toBeGreaterThan(rows[1].wait_mean);
    expect(rows[0].wait_mean_lo).toBeLessThanOrEqual(rows[0].wait_mean);
    expect(rows[0].wait_mean_hi).toBeGreaterThanOrEqual(rows[0].wait_mean);
  });

  it('gives each row the seed that `staffsim run` needs to reproduce it alone', async () => {
    const sweep = await staffsim('sweep', FIXTURE, '--vary', 'staff.employees.headcount=8,12', '--format', 'jsonl');
    const row = JSON.parse(sweep.stdout.split('\n')[3]); // point 1, hybrid
    expect([row.point, row.strategy]).toEqual([1, 'hybrid']);
    const run = await staffsim('run', FIXTURE, '--set', 'staff.employees.headcount=12', '--seed', String(row.point_seed), '--format', 'json');
    const metrics = JSON.parse(run.stdout).strategies.find((s: { name: string }) => s.name === 'hybrid').metrics;
    for (const kpi of KPI_NAMES) expect([row[kpi], row[`${kpi}_lo`], row[`${kpi}_hi`]], kpi).toEqual([metrics[kpi].mean, ...metrics[kpi].ci95]);
  });

  // The interrupted sweeps: 10 points of a longer horizon, so rows arrive a
  // point at a time; one uninterrupted run (in-process) is the reference of each.
  const LONG = ['sweep', FIXTURE, '--vary', 'staff.employees.headcount=5:14:1', '--set', 'horizon=2d'];
  let longReference: Promise<CliResult> | undefined;
  const uninterrupted = () => (longReference ??= staffsim(...LONG, '--jobs', '2'));

  it('resumes a sweep killed with SIGKILL to the bytes of an uninterrupted run', async () => {
    const dir = scratch();
    const out = join(dir, 'sweep.csv');
    const reference = await uninterrupted();
    expect(reference.code).toBe(0);
    const total = dataLines(reference.stdout).length;
    expect(total).toBe(20);

    // One thread: rows arrive one point at a time.
    const run = startStaffsim([...LONG, '--jobs', '1', '--out', out]);
    await waitForRows(out, 4);
    run.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.code).toBeNull(); // killed, not finished
    const partial = readFileSync(out, 'utf8');
    const partialRows = dataLines(partial).length;
    expect(partialRows).toBeGreaterThanOrEqual(4);
    expect(partialRows).toBeLessThan(total);
    // Whole rows only, each exactly as in the uninterrupted output.
    expect(reference.stdout.startsWith(partial)).toBe(true);

    const resumed = await staffsim(...LONG, '--jobs', '2', '--out', out, '--resume');
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(reference.stdout);
  });

  it('drops a point cut short on resume, and does nothing more when the file is complete', async () => {
    const dir = scratch();
    const out = join(dir, 'sweep.csv');
    const args = ['sweep', FIXTURE, ...VARY, '--jobs', '2', '--out', out];
    // The complete file is the sweep's CSV (the same bytes on stdout and in --out, whatever --jobs: above).
    const reference = await varyOneJob();
    expect(reference.code).toBe(0);
    const full = reference.stdout;
    // As if killed in the middle of writing point 3: two points and a torn line.
    const cut = full.indexOf('\n3,');
    writeFileSync(out, full.slice(0, cut + 30));
    expect((await staffsim(...args, '--resume')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(full);
    expect((await staffsim(...args, '--resume')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(full);
  });

  it.each([
    ['SIGINT', 130, true],
    ['SIGTERM', 143, false],
  ] as const)('stops promptly on %s with exit code %i, keeping finished rows for --resume', async (signal, code, resume) => {
    const dir = scratch();
    const out = join(dir, 'sweep.csv');
    const run = startStaffsim([...LONG, '--jobs', '2', '--out', out]);
    await waitForRows(out, 2);
    const sent = Date.now();
    run.kill(signal);
    const result = await run.done;
    // Within a point or two, not after the sweep (generous: the machine may be loaded).
    expect(Date.now() - sent).toBeLessThan(15_000);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(`interrupted by ${signal}; finished points are in ${out}`);
    // Whole rows only, each exactly as in the uninterrupted output.
    const kept = readFileSync(out, 'utf8');
    const reference = await uninterrupted();
    expect(kept.endsWith('\n')).toBe(true);
    expect(dataLines(kept).length).toBeLessThan(20);
    expect(reference.stdout.startsWith(kept)).toBe(true);
    if (!resume) return;

    expect((await staffsim(...LONG, '--jobs', '2', '--out', out, '--resume')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(reference.stdout);
  });

  it('stops quietly, and early, when the reader of stdout goes away (| head)', async () => {
    const started = Date.now();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      // 400 points, a minute of work: only an early stop ends it in seconds.
      const args = ['sweep', FIXTURE, '--vary', 'staff.employees.headcount=5:24:1', '--vary', 'customers.lifetime_value=1:20:1', '--set', 'horizon=3d', '--jobs', '1'];
      const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      child.stdout.once('data', () => child.stdout.destroy()); // like `head -1`: read, then close the pipe
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The 400 points are a minute of work on a quiet machine; an early stop is seconds.
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses bad keys and values before running anything, with the --set messages (exit 2)', async () => {
    const dir = scratch();
    const out = join(dir, 'never.csv');
    const typo = await staffsim('sweep', FIXTURE, '--vary', 'ticket_types.0.ai_resolutoin=0.1,0.2', '--out', out);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('`ai_resolutoin` is not a key of `ticket_types.0` (did you mean `ai_resolution`?');
    // The last value of the range is out of bounds: refused before the first point runs.
    const range = await staffsim('sweep', FIXTURE, '--vary', 'ticket_types.0.ai_resolution=0.8:1.2:0.2', '--out', out);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('--set ticket_types.0.ai_resolution=1.2: ticket_types.0.ai_resolution: must be a probability between 0 and 1, got 1.2');
    expect(existsSync(out)).toBe(false);

    const cases = [
      [['--vary', 'seed'], 'needs key.path=values'],
      [['--vary', 'seed=1:5:0'], 'the step must not be 0'],
      [['--vary', 'seed=1,2', '--vary', 'seed=3'], 'varied twice'],
      [['--vary', 'seed=1,2', '--vary', 'replications=1', '--combine', 'zip'], 'every key needs as many values'],
      [['--shard', '3/3'], 'shards are numbered from 0 to 2'],
      [['--shard', 'a/b'], 'write K/N'],
      [['--resume'], '--resume needs --out FILE'],
      [['--strategy', 'nope'], 'unknown strategy `nope`'],
      [['--vary', 'contacts=1,2'], '`contacts` is not a key of the scenario'],
      [['--out', 'no/such/dir/sweep.csv'], 'cannot write no/such/dir/sweep.csv: the directory no/such/dir does not exist'],
    ] as const;
    const results = await inTurn(cases.map(([args]) => ['sweep', FIXTURE, ...args]));
    cases.forEach(([args, message], i) => {
      expect(results[i].code, args.join(' ')).toBe(2);
      expect(results[i].stderr, args.join(' ')).toContain(message);
      expect(results[i].stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  });

  it('without --vary, runs the scenario file\'s sweep: section', async () => {
    const { code, stdout } = await staffsim('sweep', FIXTURE, '--strategy', 'hybrid', '--replications', '2');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[1].split(',').slice(2, 4)).toEqual(['ticket_types.0.ai_resolution', 'customers.lifetime_value']);
    expect(dataLines(stdout)).toHaveLength(6);
    const minimal = await staffsim('sweep', 'test/fixtures/minimal.yaml');
    expect(minimal.code).toBe(2);
    expect(minimal.stderr).toContain('nothing to vary');
  });

  it('refuses to resume into, or merge, files of another sweep (exit 2), leaving them untouched', async () => {
    const dir = scratch();
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    // Two points, one a shard: what is refused is the files' sweeps (scenario, spec), not their rows.
    const TWO = ['--vary', 'staff.employees.headcount=8,12'];
    expect((await staffsim('sweep', FIXTURE, ...TWO, '--shard', '0/2', '--out', a)).code).toBe(0);
    expect((await staffsim('sweep', FIXTURE, ...TWO, '--shard', '1/2', '--set', 'demand.contacts_per_day=2100', '--out', b)).code).toBe(0);
    const merged = await staffsim('merge', a, b);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain('are parts of different sweeps (scenario (name and sha256) differs');
    const before = readFileSync(a, 'utf8');
    const resumed = await staffsim('sweep', FIXTURE, ...TWO, '--replications', '4', '--shard', '0/2', '--out', a, '--resume');
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain('holds another sweep');
    expect(readFileSync(a, 'utf8')).toBe(before);
    expect((await staffsim('merge', a)).stderr).toContain('shard 1/2 missing');
  });
});
