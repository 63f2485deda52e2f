// The human queue hour of day by hour of day (by_hour) as text: the rows
// the terminal table (--detail) and Markdown print per strategy, and the
// terminal's small chart of service level by hour. The HTML report charts
// the same figures (html/charts.ts).

import type { RunReport, StrategyResult } from '../experiment/result.js';
import { HOURLY_KPIS, type HourEstimate } from '../metrics/hourly.js';
import { hasNoQueue } from './comparison.js';
import { formatEstimate, formatShare } from './format.js';

/** The strategies whose hours mean something: they have them, and a human queue. */
export function hourlyStrategies(report: RunReport): (StrategyResult & { by_hour: HourEstimate[] })[] {
  return report.strategies.filter((s): s is StrategyResult & { by_hour: HourEstimate[] } => s.by_hour !== undefined && !hasNoQueue(s));
}

/** Column headers of the hours' table. */
export const HOURLY_COLUMNS: readonly string[] = ['Hour', ...HOURLY_KPIS.map((k) => k.label)];

/** Figures about the contacts offered in the hour: none when nothing was (the JSON's 0 is the ratio rule, not a measurement). */
const PER_CONTACT: ReadonlySet<string> = new Set(['abandon_rate', 'service_level', 'wait_mean', 'asa']);

/** The hours' table rows of one strategy: the hour ("09:00"), then each figure as "mean ± half-width" ("n/a" for rates of an hour nothing was offered in). */
export function hourlyRows(hours: readonly HourEstimate[]): string[][] {
  return hours.map((h) => [
    hourLabel(h.hour),
    ...HOURLY_KPIS.map((k) => (h.offered.mean === 0 && PER_CONTACT.has(k.name) ? 'n/a' : formatEstimate(k.unit, h[k.name]))),
  ]);
}

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Eighths of a block, from empty to full: one character per hour. */
const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One hour's bar: 0% a space, 100% a full block, in eighths (rounded). */
function block(share: number): string {
  return BLOCKS[Math.round(Math.min(1, Math.max(0, share)) * 8)];
}

/**
 * Service level by hour of day, one line of 24 bars per strategy, and under
 * each the hours below the target marked "^"; an axis of hours on top.
 */
export function serviceLevelChart(report: RunReport): string[] {
  const shown = hourlyStrategies(report);
  if (shown.length === 0) return [];
  const target = report.service_level.target;
  const width = Math.max(...shown.map((s) => s.name.length));
  const pad = (text: string) => text.padEnd(width);
  const axis = `${pad('')}  ${Array.from({ length: 24 }, (_, h) => (h % 6 === 0 ? String(h).padEnd(6) : '')).join('')}`.trimEnd();
  const lines = [`Service level by hour of day (bar height 0 to 100%; ^ below the ${formatShare(target, 0)} target; · nothing offered):`, axis];
  for (const s of shown) {
    lines.push(`${pad(s.name)} |${s.by_hour.map((h) => (h.offered.mean > 0 ? block(h.service_level.mean) : '·')).join('')}|`);
    const below = s.by_hour.map((h) => (h.offered.mean > 0 && h.service_level.mean < target ? '^' : ' ')).join('');
    if (below.trim() !== '') lines.push(`${pad('')}  ${below}`.trimEnd());
  }
  return lines;
}
