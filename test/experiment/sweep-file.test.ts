// Sweep files without simulating: rows made up here, rendered, read back,
// resumed and merged. The end-to-end checks (real runs, kills, shards as
// processes) are in test/cli/sweep.test.ts.

import { describe, expect, it } from 'vitest';
import { mergeSweepParts, resumeState } from '../../src/experiment/sweep-file.js';
import type { SweepMeta, SweepPlan, SweepRow } from '../../src/experiment/sweep.js';
import { BY_GROUP_KPIS, BY_TYPE_KPIS, KPI_NAMES, type Estimate, type KpiName } from '../../src/metrics/kpis.js';
import {
  readSweepFile,
  renderSweepHead,
  renderSweepRows,
  sweepColumns,
  SweepFileError,
  SWEEP_FORMATS,
  type SweepFormat,
} from '../../src/report/sweep.js';

const STRATEGIES = ['all-human', 'hybrid'];
const POINTS = 5;

function meta(shard?: string): SweepMeta {
  return {
    staffsim: '0.1.0',
    scenario: { name: 'made-up', sha256: 'a'.repeat(64) },
    sweep: 'b'.repeat(64),
    combine: 'cross',
    keys: ['ai.cost_per_conversation', 'customers.patience'],
    points: POINTS,
    strategies: STRATEGIES,
    seed: 7,
    replications: 3,
    ...(shard ? { shard } : {}),
  };
}

function rows(point: number): SweepRow[] {
  const values = { 'ai.cost_per_conversation': point / 10, 'customers.patience': { dist: 'exponential', mean: '4m' } };
  return STRATEGIES.map((strategy, s) => {
    const metrics = {} as Record<KpiName, Estimate>;
    KPI_NAMES.forEach((k, i) => (metrics[k] = { mean: point + s + i / 3, ci95: s === 0 ? [point - 1, point + 1] : [null, null] }));
    return { point, point_seed: 1000 + point, values, strategy, metrics, by_type: {}, by_group: {} };
  });
}

function whole(format: SweepFormat): string {
  let text = renderSweepHead(meta(), format);
  for (let p = 0; p < POINTS; p++) text += renderSweepRows(rows(p), meta(), format);
  return text;
}

function part(format: SweepFormat, k: number, n: number, upTo = Infinity): string {
  let text = renderSweepHead(meta(`${k}/${n}`), format);
  let written = 0;
  for (let p = k; p < POINTS && written < upTo; p += n, written++) text += renderSweepRows(rows(p), meta(), format);
  return text;
}

function plan(shard?: string): SweepPlan {
  const [k, n] = shard ? shard.split('/').map(Number) : [0, 1];
  const points: number[] = [];
  for (let p = k; p < POINTS; p += n) points.push(p);
  return { meta: meta(shard), strategies: STRATEGIES, points } as unknown as SweepPlan;
}

describe('sweep file formats', () => {
  it('CSV: a # metadata line, the header, then one line per point and strategy', () => {
    const lines = whole('csv').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# staffsim-sweep \{"staffsim":"0\.1\.0"/);
    expect(lines[1].split(',')).toEqual(sweepColumns(meta()));
    expect(lines[1].split(',').slice(0, 8)).toEqual([
      'point',
      'point_seed',
      'ai.cost_per_conversation',
      'customers.patience',
      'strategy',
      KPI_NAMES[0],
      `${KPI_NAMES[0]}_lo`,
      `${KPI_NAMES[0]}_hi`,
    ]);
    expect(lines).toHaveLength(2 + POINTS * STRATEGIES.length);
    // A mapping value is JSON in one quoted cell; missing interval bounds are empty cells.
    expect(lines[3]).toMatch(/^0,1000,0,"\{""dist"":""exponential"",""mean"":""4m""\}",hybrid,1,,,/);
  });

  // On disk the record is in FILE.meta.json and the rows in FILE (src/cli/sweep.ts); read joined.
  it('JSON lines: the metadata record (kept beside the rows), then one object per row with the same columns', () => {
    const lines = whole('jsonl').trimEnd().split('\n');
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(['staffsim_sweep']);
    const row = JSON.parse(lines[2]);
    expect(Object.keys(row)).toEqual(sweepColumns(meta()));
    expect(row['customers.patience']).toEqual({ dist: 'exponential', mean: '4m' });
    expect(row[`${KPI_NAMES[0]}_lo`]).toBeNull();
  });

  it('Markdown: the metadata in an HTML comment, then a table', () => {
    const lines = whole('markdown').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^<!-- staffsim-sweep \{.*\} -->$/);
    expect(lines[1].startsWith('| point | point\\_seed |')).toBe(true);
    expect(lines[2]).toMatch(/^\| --: \| --: \|/);
    expect(lines[3].startsWith('| 0 | 1000 | 0 |')).toBe(true);
  });

  it('keeps a row on one line even when a value holds a line break', () => {
    const meta1 = { ...meta(), keys: ['description'] };
    const row = { ...rows(0)[0], values: { description: 'two\nlines' } };
    for (const format of SWEEP_FORMATS) expect(renderSweepRows([row], meta1, format).split('\n')).toHaveLength(2);
  });

  it.each(SWEEP_FORMATS)('%s reads back to its metadata and point blocks', (format) => {
    const file = readSweepFile(whole(format), 'w');
    expect(file.format).toBe(format);
    expect(file.meta).toEqual(meta());
    expect(file.blocks.map((b) => [b.point, b.rows])).toEqual(Array.from({ length: POINTS }, (_, p) => [p, 2]));
    expect(file.head + file.blocks.map((b) => b.text).join('')).toBe(whole(format));
  });

  it('refuses files that are not sweeps, or whose header was edited', () => {
    expect(() => readSweepFile('strategy,kpi,mean\n', 'run.csv')).toThrow(/not a staffsim sweep file/);
    expect(() => readSweepFile(whole('csv').replace('point_seed', 'seed'), 'x.csv')).toThrow(/header does not match/);
    expect(() => readSweepFile(`${whole('csv')}garbage\n`, 'x.csv')).toThrow(/x\.csv:13: not a row/);
  });
});

describe('resume', () => {
  it('keeps whole points and drops a line cut short by a kill', () => {
    const full = whole('csv');
    const twoPoints = renderSweepHead(meta(), 'csv') + renderSweepRows(rows(0), meta(), 'csv') + renderSweepRows(rows(1), meta(), 'csv');
    const cut = twoPoints + renderSweepRows(rows(2), meta(), 'csv').slice(0, 40);
    expect(resumeState(cut, 'x.csv', plan(), 'csv')).toEqual({ skip: 2, keepBytes: Buffer.byteLength(twoPoints) });
    expect(resumeState(full, 'x.csv', plan(), 'csv').skip).toBe(POINTS);
    expect(resumeState(renderSweepHead(meta(), 'csv'), 'x.csv', plan(), 'csv')).toEqual({ skip: 0, keepBytes: Buffer.byteLength(renderSweepHead(meta(), 'csv')) });
  });

  it('drops a point that has only some of its strategies', () => {
    const one = renderSweepHead(meta(), 'jsonl') + renderSweepRows(rows(0), meta(), 'jsonl');
    const half = one + renderSweepRows(rows(1).slice(0, 1), meta(), 'jsonl');
    expect(resumeState(half, 'x.jsonl', plan(), 'jsonl')).toEqual({ skip: 1, keepBytes: Buffer.byteLength(one) });
  });

  it('refuses a file of another sweep, shard or format', () => {
    const other = whole('csv').replace('"seed":7', '"seed":8');
    expect(() => resumeState(other, 'x.csv', plan(), 'csv')).toThrow(/another sweep \(seed differs: 8 against 7\)/);
    expect(() => resumeState(whole('csv'), 'x.csv', plan('0/2'), 'csv')).toThrow(/shard differs/);
    expect(() => resumeState(whole('csv'), 'x.csv', plan(), 'jsonl')).toThrow(/--format csv/);
  });
});

describe('merge', () => {
  it.each(SWEEP_FORMATS)('joins %s parts, in any order, into the bytes of a whole run', (format) => {
    const parts = [2, 0, 1].map((k) => ({ name: `part-${k}`, text: part(format, k, 3) }));
    expect(mergeSweepParts(parts)).toBe(whole(format));
  });

  it('refuses parts of different sweeps, missing or repeated shards, unfinished parts and whole files', () => {
    const p = (k: number, n = 3) => ({ name: `part-${k}`, text: part('csv', k, n) });
    const foreign = { name: 'foreign', text: p(2).text.replace('"replications":3', '"replications":4') };
    expect(() => mergeSweepParts([p(0), p(1), foreign])).toThrow(/different sweeps \(replications differs: 4 against 3\)/);
    expect(() => mergeSweepParts([p(0), p(2)])).toThrow(/shard 1\/3 missing/);
    expect(() => mergeSweepParts([p(0), p(1), p(1), p(2)])).toThrow(/both shard 1\/3/);
    expect(() => mergeSweepParts([p(0), p(1), p(1, 2)])).toThrow(/one of 3 shards/);
    expect(() => mergeSweepParts([p(0), p(1), { name: 'short', text: part('csv', 2, 3, 0) }])).toThrow(/short is unfinished: 0 of its 1 points/);
    expect(() => mergeSweepParts([{ name: 'whole', text: whole('csv') }])).toThrow(/not a part/);
    expect(() => mergeSweepParts([p(0), p(1), { name: 'md', text: part('markdown', 2, 3) }])).toThrow(/md is markdown but part-0 is csv/);
    expect(() => mergeSweepParts([])).toThrow(SweepFileError);
  });

  // Issue 11, item 10: "0/0" looped until V8 died, "x/y" said "shard NaN/NaN".
  it.each(['0/0', 'x/y', '3/3', '-1/2', '1/1e3'])('refuses a part whose header says shard %s, at once', (shard) => {
    const edited = { name: 'edited', text: part('csv', 0, 1).replace('"shard":"0/1"', `"shard":${JSON.stringify(shard)}`) };
    expect(edited.text).toContain(`"shard":${JSON.stringify(shard)}`);
    expect(() => mergeSweepParts([edited])).toThrow(
      `edited: its header's shard ${JSON.stringify(shard)} is not K/N with N ≥ 1 and K from 0 to N − 1; was the file edited or cut?`,
    );
  });

  it('names the first missing shards of a million without listing them all', () => {
    const p = (k: number, n: number) => ({ name: `part-${k}`, text: part('csv', k, n) });
    expect(() => mergeSweepParts([p(0, 1_000_000), p(2, 1_000_000)])).toThrow(
      'shards 1/1000000, 3/1000000, 4/1000000, 5/1000000, 6/1000000 and 999993 more missing',
    );
  });
});

describe('sweep files with --kpi', () => {
  const chosen = { ...meta(), kpis: ['cost_total', 'csat'] as KpiName[] };
  const row = (): SweepRow => {
    const [first] = rows(0);
    return {
      ...first,
      metrics: { ...first.metrics, cost_total: { mean: 1_234_567, ci95: [1_200_000, 1_269_134] }, csat: { mean: 3.8512, ci95: [3.8, 3.9024] } },
    };
  };

  it('CSV and JSON lines: the point columns, then mean and bounds of the chosen KPIs only, in order', () => {
    const columns = ['point', 'point_seed', 'ai.cost_per_conversation', 'customers.patience', 'strategy'];
    const kpiColumns = ['cost_total', 'cost_total_lo', 'cost_total_hi', 'csat', 'csat_lo', 'csat_hi'];
    expect(renderSweepHead(chosen, 'csv').split('\n')[1]).toBe([...columns, ...kpiColumns].join(','));
    const line = JSON.parse(renderSweepRows([row()], chosen, 'jsonl'));
    expect(Object.keys(line)).toEqual([...columns, ...kpiColumns]);
    expect(line.cost_total).toBe(1_234_567);
    expect(line.csat_hi).toBe(3.9024);
  });

  it('Markdown: one column per chosen KPI, rounded as the run table rounds it', () => {
    const [, header] = renderSweepHead(chosen, 'markdown').split('\n');
    expect(header).toBe('| point | point\\_seed | ai.cost\\_per\\_conversation | customers.patience | strategy | cost\\_total | csat |');
    // $1,234,567 ± 34,567 is "$1.23M ± 0.03M"; 3.8512 ± 0.0512 is "3.85 ± 0.05".
    expect(renderSweepRows([row()], chosen, 'markdown')).toMatch(/ \| all-human \| \$1\.23M ± 0\.03M \| 3\.85 ± 0\.05 \|\n$/);
  });

  it('Markdown: "n/a" for a queue KPI of a strategy with nothing offered to humans', () => {
    const noQueue = row();
    noQueue.metrics.offered_to_humans = { mean: 0, ci95: [0, 0] };
    const text = renderSweepRows([noQueue], { ...meta(), kpis: ['service_level', 'csat'] }, 'markdown');
    expect(text).toMatch(/ \| n\/a \| 3\.85 ± 0\.05 \|\n$/);
  });

  it('a resume with other KPIs is refused: the columns would differ', () => {
    const text = renderSweepHead(chosen, 'csv') + renderSweepRows(rows(0), chosen, 'csv');
    expect(() => resumeState(text, 'x.csv', plan(), 'csv')).toThrow(/kpis differs: \["cost_total","csat"\] against null/);
  });
});

describe('sweep files by ticket type and by group', () => {
  // Two types, two groups; the second strategy has no specialists (as an AI-first strategy
  // may staff generalists only): its specialists' cells are empty.
  const broken = { ...meta(), by_type: ['billing', 'fraud'], by_group: ['generalists', 'specialists'] };
  const estimate = (mean: number, half: number | null): Estimate => ({ mean, ci95: half === null ? [null, null] : [mean - half, mean + half] });
  const row = (s: number): SweepRow => {
    const [first, second] = rows(0);
    const by = <K extends string>(names: readonly K[], base: number) =>
      Object.fromEntries(names.map((k, i) => [k, estimate(base + i, s === 0 ? 0.5 : null)])) as Record<K, Estimate>;
    return {
      ...(s === 0 ? first : second),
      by_type: { billing: by(BY_TYPE_KPIS, 100), fraud: by(BY_TYPE_KPIS, 200) },
      by_group: s === 0 ? { generalists: by(BY_GROUP_KPIS, 300), specialists: by(BY_GROUP_KPIS, 400) } : { generalists: by(BY_GROUP_KPIS, 300) },
    };
  };
  const named = (names: readonly string[], kpis: readonly string[]) => names.flatMap((n) => kpis.flatMap((k) => [`${k}.${n}`, `${k}.${n}_lo`, `${k}.${n}_hi`]));
  const extra = [...named(['billing', 'fraud'], BY_TYPE_KPIS), ...named(['generalists', 'specialists'], BY_GROUP_KPIS)];

  it('CSV: after the KPIs, <kpi>.<type> then <kpi>.<group>, each with its bounds, names in the metadata\'s order', () => {
    const header = renderSweepHead(broken, 'csv').split('\n')[1].split(',');
    expect(header).toEqual([...sweepColumns(meta()), ...extra]);
    expect(header.length).toBe(sweepColumns(meta()).length + 3 * (2 * BY_TYPE_KPIS.length + 2 * BY_GROUP_KPIS.length));
    // Split at commas outside quotes (the patience value is quoted JSON with a comma in it).
    const fields = (line: string) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const [withBoth, withOne] = renderSweepRows([row(0), row(1)], broken, 'csv').trimEnd().split('\n').map(fields);
    expect(withBoth).toHaveLength(header.length);
    const cell = (line: string[], column: string) => line[header.indexOf(column)];
    // wait_mean is the 16th type KPI (index 15, after the six resolution times and ai_abandon_rate): billing's base 100 + 15, fraud's 200 + 15.
    expect(BY_TYPE_KPIS.indexOf('wait_mean')).toBe(15);
    expect([cell(withBoth, 'wait_mean.billing'), cell(withBoth, 'wait_mean.billing_lo'), cell(withBoth, 'wait_mean.billing_hi')]).toEqual(['115', '114.5', '115.5']);
    expect(cell(withBoth, 'wait_mean.fraud')).toBe('215');
    // Group KPIs count from 400 for the specialists, by their place in BY_GROUP_KPIS.
    expect(cell(withBoth, 'cost_operating.specialists')).toBe(String(400 + BY_GROUP_KPIS.indexOf('cost_operating')));
    // One replication's worth of bounds (null) are empty; a group the strategy lacks is empty throughout.
    expect([cell(withOne, 'wait_mean.billing'), cell(withOne, 'wait_mean.billing_lo')]).toEqual(['115', '']);
    expect(['', '', '']).toEqual(['cost_operating.specialists', 'cost_operating.specialists_lo', 'cost_operating.specialists_hi'].map((c) => cell(withOne, c)));
    expect(cell(withOne, 'utilization.generalists')).toBe(String(300 + BY_GROUP_KPIS.indexOf('utilization')));
  });

  it('JSON lines: the same columns as keys, null where the CSV cell is empty', () => {
    const line = JSON.parse(renderSweepRows([row(1)], broken, 'jsonl'));
    expect(Object.keys(line)).toEqual(sweepColumns(broken, 'jsonl'));
    expect(line['csat.fraud']).toBe(200 + BY_TYPE_KPIS.indexOf('csat'));
    expect(line['employee_share.specialists']).toBeNull();
  });

  it('Markdown stays one column per KPI; a file without the names (--kpi, or an earlier version) has no such columns', () => {
    expect(sweepColumns(broken, 'markdown')).toEqual(sweepColumns(meta(), 'markdown'));
    expect(sweepColumns(meta()).some((c) => c.includes('.billing'))).toBe(false);
  });

  it('reads back, resumes and refuses a resume whose names differ', () => {
    const text = renderSweepHead(broken, 'csv') + renderSweepRows([row(0), row(1)], broken, 'csv');
    expect(readSweepFile(text, 'x.csv').blocks).toHaveLength(1);
    const same = { ...plan(), meta: broken } as SweepPlan;
    expect(resumeState(text, 'x.csv', same, 'csv').skip).toBe(1);
    expect(() => resumeState(text, 'x.csv', plan(), 'csv')).toThrow(/by_type differs: \["billing","fraud"\] against null/);
  });
});
