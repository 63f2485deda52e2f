// Sweep files: one row per point × strategy, as CSV, JSON lines or Markdown.
// Rendering and reading live together because resume and merge depend on
// them agreeing to the byte.
//
// Layout, for every format:
//   line 1   a metadata record (scenario hash, sweep hash, points,
//            strategies, shard) written where readers of the format skip
//            it: a `#` comment in CSV (pandas: comment='#'), an HTML comment
//            in Markdown; JSON lines has no comments, so there the record
//            lives in a file of its own beside the rows (FILE.meta.json,
//            see jsonlMetaFile) and every line of FILE is a row;
//   then     the column header (CSV: one line; Markdown: header and rule;
//            JSON lines: none, every row names its columns);
//   then     the rows, the point index first, every point's rows (one per
//            strategy) consecutive and written with a single write.
// Columns: point, point_seed, the varied keys, strategy, then for each KPI
// (all, or those of --kpi in its order, recorded in the metadata)
// `<kpi>`, `<kpi>_lo`, `<kpi>_hi` (mean and 95% interval bounds; empty or
// null bounds with one replication), numbers at full precision, for
// programs; then, unless --kpi chose the KPIs, the same three columns for
// each ticket type's and each employee group's KPIs, named as the run's CSV
// names its rows: `<kpi>.<type>` for every type (metadata `by_type`) and
// BY_TYPE_KPIS, then `<kpi>.<group>` for every group (`by_group`) and
// BY_GROUP_KPIS; all three empty (null) for a strategy without that group.
// Markdown is for reading: one column per KPI, "mean ± half-width"
// rounded as the run's table rounds it (report/comparison.ts, kpiCellText),
// without the by-type and by-group columns.

import type { SweepMeta, SweepRow } from '../experiment/sweep.js';
import { BY_GROUP_KPIS, BY_TYPE_KPIS, KPI_NAMES, type Estimate, type KpiName } from '../metrics/kpis.js';
import { canonicalJson } from '../scenario/load.js';
import { kpiCellText } from './comparison.js';
import { csvField } from './csv.js';
import { kpiInfos } from './kpi-selection.js';
import { escapeMarkdown } from './markdown.js';

export const SWEEP_FORMATS = ['csv', 'jsonl', 'markdown'] as const;
export type SweepFormat = (typeof SWEEP_FORMATS)[number];

const META_PREFIX: Record<SweepFormat, string> = { csv: '# staffsim-sweep ', jsonl: '{"staffsim_sweep":', markdown: '<!-- staffsim-sweep ' };
const META_SUFFIX: Record<SweepFormat, string> = { csv: '', jsonl: '}', markdown: ' -->' };

/** The KPIs a sweep file shows: those of its metadata (--kpi), or all. */
function shownKpis(meta: SweepMeta): readonly KpiName[] {
  return meta.kpis ?? KPI_NAMES;
}

/** The columns of every row, in order: a mean and two bounds per KPI, or (Markdown) one rounded cell. */
export function sweepColumns(meta: SweepMeta, format: SweepFormat = 'csv'): string[] {
  const columns = ['point', 'point_seed', ...meta.keys, 'strategy'];
  for (const kpi of shownKpis(meta)) {
    if (format === 'markdown') columns.push(kpi);
    else columns.push(kpi, `${kpi}_lo`, `${kpi}_hi`);
  }
  if (format !== 'markdown') {
    for (const { column } of breakdownCells(meta)) columns.push(column, `${column}_lo`, `${column}_hi`);
  }
  return columns;
}

/** The by-type and by-group columns of a file, in order: `<kpi>.<name>` and where a row keeps its value. */
function breakdownCells(meta: SweepMeta): Array<{ column: string; part: 'by_type' | 'by_group'; name: string; kpi: string }> {
  const cells: Array<{ column: string; part: 'by_type' | 'by_group'; name: string; kpi: string }> = [];
  for (const name of meta.by_type ?? []) for (const kpi of BY_TYPE_KPIS) cells.push({ column: `${kpi}.${name}`, part: 'by_type', name, kpi });
  for (const name of meta.by_group ?? []) for (const kpi of BY_GROUP_KPIS) cells.push({ column: `${kpi}.${name}`, part: 'by_group', name, kpi });
  return cells;
}

/**
 * Where a JSON-lines sweep FILE keeps its metadata record: `FILE.meta.json`.
 * Resume and merge read it; readers of the rows never see it.
 */
export function jsonlMetaFile(file: string): string {
  return `${file}.meta.json`;
}

/**
 * The metadata line and the column header: everything before the first row.
 * For JSON lines this is the metadata record alone, which is written to
 * jsonlMetaFile(FILE), not to FILE; readSweepFile reads the two joined.
 */
export function renderSweepHead(meta: SweepMeta, format: SweepFormat): string {
  const lines = [`${META_PREFIX[format]}${JSON.stringify(meta)}${META_SUFFIX[format]}`];
  const columns = sweepColumns(meta, format);
  if (format === 'csv') lines.push(columns.map(csvField).join(','));
  if (format === 'markdown') {
    lines.push(markdownRow(columns.map(escapeMarkdown)));
    lines.push(markdownRow(columns.map((c) => (c === 'strategy' ? ':--' : '--:'))));
  }
  return `${lines.join('\n')}\n`;
}

function markdownRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function finite(value: number, where: string): number {
  if (!Number.isFinite(value)) throw new Error(`internal error: ${where} is ${value}, not a finite number`);
  return value;
}

/** A row's values in column order: numbers, text, or null for a missing interval bound. */
function rowValues(row: SweepRow, meta: SweepMeta): unknown[] {
  const values: unknown[] = [row.point, row.point_seed, ...meta.keys.map((k) => row.values[k]), row.strategy];
  for (const kpi of shownKpis(meta)) {
    const e = row.metrics[kpi];
    const where = `point ${row.point}, strategy ${row.strategy}, KPI ${kpi}`;
    if (e === undefined) throw new Error(`internal error: ${where} is missing`);
    values.push(finite(e.mean, where), ...e.ci95.map((b) => (b === null ? null : finite(b, where))));
  }
  for (const { column, part, name, kpi } of breakdownCells(meta)) {
    const e = (row[part][name] as Record<string, Estimate> | undefined)?.[kpi];
    // A group the strategy does not have: no figure, as the run's CSV has no row for it.
    if (e === undefined) values.push(null, null, null);
    else {
      const where = `point ${row.point}, strategy ${row.strategy}, ${column}`;
      values.push(finite(e.mean, where), ...e.ci95.map((b) => (b === null ? null : finite(b, where))));
    }
  }
  return values;
}

/**
 * A value as cell text: text as is, numbers in full, anything else (lists,
 * mappings) as JSON; null empty. Text with a line break is JSON too, so that
 * a row is always one line (resume and merge read the file line by line).
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && !/[\r\n]/.test(value)) return value;
  return JSON.stringify(value);
}

/** One point's rows (one per strategy), as one string to write at once. */
export function renderSweepRows(rows: readonly SweepRow[], meta: SweepMeta, format: SweepFormat): string {
  const columns = sweepColumns(meta, format);
  const lines = rows.map((row) => {
    switch (format) {
      case 'csv':
        return rowValues(row, meta).map((v) => csvField(cellText(v))).join(',');
      case 'jsonl': {
        const values = rowValues(row, meta);
        return JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null])));
      }
      case 'markdown': {
        const head = [row.point, row.point_seed, ...meta.keys.map((k) => row.values[k]), row.strategy].map(cellText);
        const kpis = kpiInfos(shownKpis(meta)).map((kpi) => kpiCellText(kpi, row));
        return markdownRow([...head, ...kpis].map(escapeMarkdown));
      }
    }
  });
  return lines.map((line) => `${line}\n`).join('');
}

/** A sweep file that cannot be used: not a sweep file, or its rows do not fit its header. Exit code 2. */
export class SweepFileError extends Error {}

/** The rows of one point as they appear in a file. */
export interface PointBlock {
  point: number;
  /** The exact text of its rows, line ends included. */
  text: string;
  /** Rows found: fewer than the strategies when the file was cut short. */
  rows: number;
}

export interface SweepFile {
  format: SweepFormat;
  meta: SweepMeta;
  /** The metadata line and the header, exactly as rendered. */
  head: string;
  /** The points' rows, complete lines only: a line cut short by a kill is left out. */
  blocks: PointBlock[];
}

const ROW_POINT: Record<SweepFormat, RegExp> = {
  csv: /^(0|[1-9][0-9]*),/,
  jsonl: /^\{"point":(0|[1-9][0-9]*),/,
  markdown: /^\| (0|[1-9][0-9]*) \|/,
};

/** Reads a sweep file written by renderSweepHead/renderSweepRows; `name` is used in messages. */
export function readSweepFile(text: string, name: string): SweepFile {
  const firstEnd = text.indexOf('\n');
  const first = firstEnd < 0 ? text : text.slice(0, firstEnd);
  const format = SWEEP_FORMATS.find((f) => first.startsWith(META_PREFIX[f]) && first.endsWith(META_SUFFIX[f]));
  let meta: SweepMeta | undefined;
  if (format && firstEnd >= 0) {
    try {
      meta = JSON.parse(first.slice(META_PREFIX[format].length, first.length - META_SUFFIX[format].length)) as SweepMeta;
    } catch {
      meta = undefined;
    }
  }
  if (!format || !meta || typeof meta !== 'object' || !Array.isArray(meta.keys) || !Array.isArray(meta.strategies)) {
    throw new SweepFileError(`${name} is not a staffsim sweep file (its first line is not a sweep's metadata)`);
  }
  const head = renderSweepHead(meta, format);
  if (!text.startsWith(head)) {
    throw new SweepFileError(`${name}: the column header does not match the sweep's metadata (was the file edited?)`);
  }
  const blocks: PointBlock[] = [];
  let at = head.length;
  let lineNumber = head.split('\n').length - 1;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    if (end < 0) break; // a line cut short by a kill: not a row
    const line = text.slice(at, end + 1);
    lineNumber++;
    const m = ROW_POINT[format].exec(line);
    if (!m) throw new SweepFileError(`${name}:${lineNumber}: not a row of this sweep`);
    const point = Number(m[1]);
    const last = blocks[blocks.length - 1];
    if (last && last.point === point) {
      last.text += line;
      last.rows++;
    } else blocks.push({ point, text: line, rows: 1 });
    at = end + 1;
  }
  return { format, meta, head, blocks };
}

/** The metadata without its shard: what every part of one sweep shares. */
export function sweepIdentity(meta: SweepMeta): string {
  const { shard: _shard, ...rest } = meta;
  return canonicalJson(rest);
}
