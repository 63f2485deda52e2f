// The library API (src/index.ts): the example of docs/api.md type-checked
// against the built package and run as a user would, and the library's
// sweep() checked against the command line's.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { KPI_NAMES, KPIS, loadScenario, runScenario, sweep, SweepError, type SweepRow } from '../../src/index.js';
import { REPO_ROOT, staffsimInProcess } from '../support/cli.js';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/sweep.yaml');

function exampleSource(): string {
  const doc = readFileSync(join(REPO_ROOT, 'docs/api.md'), 'utf8');
  const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks).toHaveLength(1);
  return blocks[0];
}

/** A directory where `import ... from 'staffsim'` resolves to this checkout, as for an installed package. */
function consumerDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'staffsim-api-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'staffsim'), 'dir');
  return dir;
}

describe('docs/api.md', () => {
  it('has an example that type-checks against the built package and runs', () => {
    const dir = consumerDir();
    const source = exampleSource();
    const file = join(dir, 'example.mts');
    writeFileSync(file, source);

    const program = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(REPO_ROOT, 'node_modules/@types')],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    // The types come from the package's declarations, not from the sources.
    const resolved = program.getSourceFiles().map((f) => f.fileName);
    expect(resolved.some((f) => f.endsWith('/dist/index.d.ts'))).toBe(true);

    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(join(dir, 'example.mjs'), js);
    const run = spawnSync(process.execPath, [join(dir, 'example.mjs')], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^all-human: cost per contact \d+\.\d\d \(95% CI \d+\.\d\d to \d+\.\d\d\)$/);
    expect(lines[1]).toMatch(/^hybrid: cost per contact /);
    expect(lines.slice(2, 5).map((l) => l.replace(/ -> .*/, ''))).toEqual([
      'point 0: ai_resolution 0.5',
      'point 1: ai_resolution 0.7',
      'point 2: ai_resolution 0.9',
    ]);
    expect(lines[5]).toMatch(/^P\(wait\) = 0\.\d{3}; service level within 60 s: exact 0\.\d{3}, simulated 0\.\d{3}$/);
    expect(lines[6]).toBe(`3 sweep rows, ${KPIS.length} KPIs each`);
  });
});

describe('the library', () => {
  it('sweep() yields the rows `staffsim sweep` prints, in point order', async () => {
    const loaded = loadScenario(FIXTURE, { set: ['replications=2'] });
    const rows: SweepRow[] = [];
    for await (const row of sweep(loaded, { vary: { 'staff.employees.headcount': [8, 12], 'ai.cost_per_conversation': '0.5:1:0.5' } }, { jobs: 2 })) {
      rows.push(row);
    }
    const cli = await staffsimInProcess(
      'sweep', FIXTURE, '--replications', '2', '--format', 'jsonl',
      '--vary', 'staff.employees.headcount=8,12', '--vary', 'ai.cost_per_conversation=0.5:1:0.5',
    );
    expect(cli.code).toBe(0);
    const printed = cli.stdout.trimEnd().split('\n').map((l) => JSON.parse(l)); // rows only: the metadata goes to FILE.meta.json
    expect(rows).toHaveLength(8);
    expect(printed).toHaveLength(8);
    rows.forEach((row, i) => {
      expect(row.point).toBe(Math.floor(i / 2));
      expect(printed[i]).toMatchObject({
        point: row.point,
        point_seed: row.point_seed,
        strategy: row.strategy,
        'staff.employees.headcount': row.values['staff.employees.headcount'],
        'ai.cost_per_conversation': row.values['ai.cost_per_conversation'],
      });
      for (const kpi of KPI_NAMES) {
        expect(printed[i][kpi]).toBe(row.metrics[kpi].mean);
        expect([printed[i][`${kpi}_lo`], printed[i][`${kpi}_hi`]]).toEqual(row.metrics[kpi].ci95);
      }
    });
  });

  it('sweep() with only a shard yields that shard\'s points; the scenario\'s own section is the default spec', async () => {
    const loaded = loadScenario(FIXTURE, { set: ['replications=2'] });
    const points: number[] = [];
    for await (const row of sweep(loaded, undefined, { strategies: ['hybrid'], shard: { index: 1, count: 4 }, jobs: 1 })) points.push(row.point);
    // The fixture's section: 3 × 2 = 6 points; shard 1 of 4 has points 1 and 5.
    expect(points).toEqual([1, 5]);
  });

  it('gives the same rows whatever the pool size and however the points are chunked into pools', async () => {
    const loaded = loadScenario(FIXTURE, { set: ['replications=2', 'horizon=6h'] });
    const spec = { vary: { 'staff.employees.headcount': '4:10:1' } };
    const collect = async (options: Parameters<typeof sweep>[2]) => {
      const rows: SweepRow[] = [];
      for await (const row of sweep(loaded, spec, { strategies: ['all-human'], ...options })) rows.push(row);
      return rows;
    };
    const whole = await collect({ jobs: 1 });
    expect(whole.map((r) => r.point)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const progress: number[] = [];
    expect(await collect({ jobs: 2, chunkPoints: 3, onProgress: (done) => progress.push(done) })).toEqual(whole);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses a malformed spec with a SweepError', async () => {
    const loaded = loadScenario(FIXTURE);
    const bad = sweep(loaded, { vary: { 'ai.cost_per_conversation': 'half' } });
    await expect(bad.next()).rejects.toThrow(SweepError);
  });

  it('loads an object exactly as the same scenario in a file', () => {
    const fromFile = loadScenario(join(REPO_ROOT, 'test/fixtures/minimal.yaml'));
    const fromObject = loadScenario({
      name: 'minimal',
      horizon: '2d',
      demand: { contacts_per_day: 1440 },
      ticket_types: [{ name: 'general', handle_time: { dist: 'exponential', mean: '5m' } }],
      staff: { employees: { headcount: 6 } },
      strategies: { 'all-human': { routing: 'human' } },
    });
    expect(fromObject.sha256).toBe(fromFile.sha256);
    const a = runScenario(fromObject, { strategies: ['all-human'] });
    expect(a.strategies[0].metrics.contacts.mean).toBeGreaterThan(0);
  });
});
