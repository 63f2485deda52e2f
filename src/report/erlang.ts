// `staffsim erlang` output in the four formats of `run`. The JSON figures
// carry the names of run's KPIs (p_wait, abandon_rate, wait_mean, asa,
// service_level, utilization) as plain numbers, times in minutes, so a script
// can put a closed form beside a simulation without renaming anything.

import Table from 'cli-table3';
import type { ErlangReport, ErlangRow, ErlangStaffingReport } from '../analytic/erlang-report.js';
import { VERSION } from '../experiment/version.js';
import { formatMinutes, formatShare, formatTargetShare, formatDuration } from './format.js';
import type { Format } from './index.js';

/** The figures of a row, in output order, with how a person reads each. */
const FIGURES = [
  { key: 'p_wait', label: 'Had to wait', unit: 'share' },
  { key: 'answered_immediately', label: 'Answered at once', unit: 'share' },
  { key: 'abandon_rate', label: 'Abandoned', unit: 'share' },
  { key: 'wait_mean', label: 'Mean wait, all offered', unit: 'minutes' },
  { key: 'asa', label: 'ASA (mean wait of answered)', unit: 'minutes' },
  { key: 'service_level', label: 'Service level', unit: 'share' },
  { key: 'utilization', label: 'Occupancy', unit: 'share' },
  { key: 'erlang_b', label: 'Lost if nobody could wait (Erlang B)', unit: 'share' },
] as const satisfies ReadonlyArray<{ key: keyof ErlangRow; label: string; unit: 'share' | 'minutes' }>;

/** Shares with two decimals of a percent; waits as "7.8 s" or "3:07" and, in text, also in minutes. */
function formatFigure(unit: 'share' | 'minutes', value: number): string {
  return unit === 'share' ? formatShare(value, 2) : formatMinutes(value);
}

/** A number for prose without float noise: 3.3333333 → "3.333", 10 → "10". */
export function short(x: number): string {
  return String(Number(x.toPrecision(4)));
}

function modelLine(report: ErlangReport): string {
  const q = report.question;
  const model =
    report.model === 'erlang-c'
      ? 'Erlang C (M/M/c, nobody abandons)'
      : `Erlang A (M/M/c+M, mean patience ${formatDuration(q.patience as number)})`;
  const load = `${short(q.arrivalsPerMinute)} contacts/min × AHT ${formatDuration(q.aht)} = ${short(q.arrivalsPerMinute * q.aht)} Erlangs`;
  const on = report.kind === 'figures' ? ` on ${report.row.agents} agents` : '';
  return `${model}: ${load}${on}.`;
}

function targetPhrase(report: ErlangStaffingReport): string {
  const c = report.constraints;
  const parts: string[] = [];
  if (c.target !== undefined) {
    parts.push(`${formatTargetShare(c.target)} answered within ${formatDuration(report.question.answerWithin)}`);
  }
  if (c.maxAbandon !== undefined) parts.push(`at most ${formatTargetShare(c.maxAbandon)} abandoned`);
  if (c.maxOccupancy !== undefined) parts.push(`occupancy at most ${formatTargetShare(c.maxOccupancy)}`);
  return parts.length > 0 ? parts.join(', ') : 'a stable queue';
}

function scheduleNote(report: ErlangReport, row: ErlangRow): string {
  const s = report.question.shrinkage;
  return s > 0 ? ` (schedule ${row.scheduled} at ${formatTargetShare(s)} shrinkage)` : '';
}

function shrinkageLine(report: ErlangReport, row: ErlangRow): string | null {
  const s = report.question.shrinkage;
  return s > 0 ? `Agents to schedule at ${formatTargetShare(s)} shrinkage: ${row.scheduled}.` : null;
}

function answerLine(report: ErlangStaffingReport): string {
  return `Fewest agents meeting ${targetPhrase(report)}: ${report.answer.agents}${scheduleNote(report, report.answer)}.`;
}

function serviceLevelLabel(report: ErlangReport): string {
  return `Service level (answered within ${formatDuration(report.question.answerWithin)})`;
}

function label(report: ErlangReport, key: (typeof FIGURES)[number]['key'], fallback: string): string {
  return key === 'service_level' ? serviceLevelLabel(report) : fallback;
}

// ---------------------------------------------------------------------------
// Formats.

const TABLE_STYLE = { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 };

function renderText(report: ErlangReport): string {
  const lines = [modelLine(report)];
  if (report.kind === 'figures') {
    const table = new Table({ colAligns: ['left', 'left', 'right'], style: TABLE_STYLE });
    for (const f of FIGURES) {
      const value = report.row[f.key];
      const text = f.unit === 'minutes' ? `${formatFigure(f.unit, value)} (${short(value)} min)` : formatFigure(f.unit, value);
      table.push([label(report, f.key, f.label), f.key, text]);
    }
    lines.push(table.toString());
    const note = shrinkageLine(report, report.row);
    if (note) lines.push(note);
    return `${lines.join('\n')}\n`;
  }
  lines.push(answerLine(report));
  const shrinkage = report.question.shrinkage > 0;
  const head = ['agents', ...(shrinkage ? ['schedule'] : []), 'service level', 'abandoned', 'occupancy', 'had to wait', 'ASA', 'meets', ''];
  const table = new Table({ head, colAligns: head.map((_, i) => (i >= head.length - 2 ? 'left' : 'right')), style: TABLE_STYLE });
  for (const r of report.rows) {
    table.push([
      String(r.agents),
      ...(shrinkage ? [String(r.scheduled)] : []),
      formatShare(r.service_level, 2),
      formatShare(r.abandon_rate, 2),
      formatShare(r.utilization, 2),
      formatShare(r.p_wait, 2),
      formatMinutes(r.asa),
      r.meets ? 'yes' : 'no',
      r.agents === report.answer.agents ? '◀ answer' : '',
    ]);
  }
  lines.push(table.toString());
  return `${lines.join('\n')}\n`;
}

const NUMBER_KEYS = ['agents', 'scheduled', 'offered_load', ...FIGURES.map((f) => f.key)] as const;

function rowJson(r: ErlangRow): Record<string, number> {
  return Object.fromEntries(NUMBER_KEYS.map((k) => [k, r[k]]));
}

function renderJsonReport(report: ErlangReport): string {
  const q = report.question;
  const base = {
    staffsim: VERSION,
    model: report.model,
    inputs: {
      arrivals_per_minute: q.arrivalsPerMinute,
      aht: q.aht,
      patience: q.patience,
      answer_within: q.answerWithin,
      shrinkage: q.shrinkage,
      offered_load: q.arrivalsPerMinute * q.aht,
    },
  };
  const out =
    report.kind === 'figures'
      ? { ...base, figures: rowJson(report.row) }
      : {
          ...base,
          constraints: {
            service_level_target: report.constraints.target ?? null,
            max_abandon: report.constraints.maxAbandon ?? null,
            max_occupancy: report.constraints.maxOccupancy ?? null,
          },
          answer: rowJson(report.answer),
          table: report.rows.map((r) => ({ ...rowJson(r), meets: r.meets, answer: r.agents === report.answer.agents })),
        };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function rowsOf(report: ErlangReport): Array<ErlangRow & { meets?: boolean }> {
  return report.kind === 'figures' ? [report.row] : report.rows;
}

function renderCsvReport(report: ErlangReport): string {
  const staffing = report.kind === 'staffing';
  const header = [...NUMBER_KEYS, ...(staffing ? ['meets', 'answer'] : [])];
  const lines = [header.join(',')];
  for (const r of rowsOf(report)) {
    const cells = NUMBER_KEYS.map((k) => String(r[k]));
    if (report.kind === 'staffing') cells.push(String(r.meets), String(r.agents === report.answer.agents));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function renderMarkdownReport(report: ErlangReport): string {
  const lines = [modelLine(report), ''];
  if (report.kind === 'figures') {
    lines.push('| figure | KPI | value |', '|---|---|---:|');
    for (const f of FIGURES) lines.push(`| ${label(report, f.key, f.label)} | \`${f.key}\` | ${formatFigure(f.unit, report.row[f.key])} |`);
    const note = shrinkageLine(report, report.row);
    if (note) lines.push('', note);
    return `${lines.join('\n')}\n`;
  }
  lines.push(answerLine(report), '');
  lines.push('| agents | schedule | service level | abandoned | occupancy | had to wait | ASA | meets |', '|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of report.rows) {
    const agents = r.agents === report.answer.agents ? `**${r.agents}**` : String(r.agents);
    lines.push(
      `| ${agents} | ${r.scheduled} | ${formatShare(r.service_level, 2)} | ${formatShare(r.abandon_rate, 2)} | ` +
        `${formatShare(r.utilization, 2)} | ${formatShare(r.p_wait, 2)} | ${formatMinutes(r.asa)} | ${r.meets ? 'yes' : 'no'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderErlang(report: ErlangReport, format: Format): string {
  switch (format) {
    case 'table':
      return renderText(report);
    case 'json':
      return renderJsonReport(report);
    case 'csv':
      return renderCsvReport(report);
    case 'markdown':
      return renderMarkdownReport(report);
  }
}
