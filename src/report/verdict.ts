// The one line an executive reads: which strategy is cheapest while meeting
// the service-level target, and what it gives up.
//
// Rules (by means; the table beside it shows the intervals):
// - a strategy meets the target when its service_level mean ≥ the target, or
//   when it offers nothing to humans (no queue, so nobody waits for a human);
// - the pick is the one with the lowest cost_total among those meeting it
//   (the first listed on a tie);
// - it is compared with the best other strategy for customers: the highest
//   CSAT, then the lowest churn, then the lowest total cost;
// - when none meets the target, the line names the one with the highest
//   service level and its cost;
// - a strategy staffed with `auto` adds how many agents it chose.

import type { RunReport, StrategyResult } from '../experiment/result.js';
import { hasNoQueue } from './comparison.js';
import {
  formatChange,
  formatCount,
  formatDuration,
  formatMoney,
  formatPoints,
  formatShare,
  formatTargetShare,
  formatValue,
} from './format.js';

function meetsTarget(s: StrategyResult, target: number): boolean {
  return hasNoQueue(s) || s.metrics.service_level.mean >= target;
}

/** The strategy the verdict recommends: the cheapest in total meeting the service-level target; null when none meets it. */
export function recommended(report: RunReport): StrategyResult | null {
  const meeting = report.strategies.filter((s) => meetsTarget(s, report.service_level.target));
  return meeting.length > 0 ? argmin(meeting, (s) => [cost(s)]) : null;
}

/** The first element minimising `key` lexicographically. */
function argmin<T>(items: readonly T[], key: (item: T) => number[]): T {
  let best = items[0];
  let bestKey = key(best);
  for (const item of items.slice(1)) {
    const k = key(item);
    const i = k.findIndex((v, j) => v !== bestKey[j]);
    if (i >= 0 && k[i] < bestKey[i]) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

const cost = (s: StrategyResult) => s.metrics.cost_total.mean;

/** "2.1 pts more churn" / "2.1 pts less churn" / "the same churn" (as displayed). */
function diffPhrase(diff: number, more: string, less: string, same: string): string {
  const pts = formatPoints(diff);
  if (pts === formatPoints(0)) return same;
  return `${pts} ${diff > 0 ? more : less}`;
}

export function verdict(report: RunReport): string {
  const line = choice(report);
  const staffing = autoStaffingNote(report);
  return staffing ? `${line} ${staffing}` : line;
}

/** "Auto staffing chose 612 agents on shift on average for hybrid (peak 880)." or '' when no strategy used it. */
function autoStaffingNote(report: RunReport): string {
  const chosen = report.strategies.flatMap((s) => {
    if (!s.staffing) return [];
    const some = s.staffing.hours.every((h) => h) ? '' : ', auto hours only';
    const mean = formatCount(Math.round(s.staffing.mean_on_shift));
    return [`${mean} agents on shift on average for ${s.name} (peak ${formatCount(s.staffing.peak_on_shift)}${some})`];
  });
  return chosen.length > 0 ? `Auto staffing chose ${chosen.join('; ')}.` : '';
}

/** The choice between strategies, without the staffing note. */
function choice(report: RunReport): string {
  const { strategies } = report;
  const { target, answer_within } = report.service_level;
  const targetName = `the ${formatTargetShare(target)} in ${formatDuration(answer_within)} target`;
  if (strategies.length === 0) return 'No strategy was run.';

  const meeting = strategies.filter((s) => meetsTarget(s, target));
  if (meeting.length === 0) {
    const closest = argmin(strategies, (s) => [-s.metrics.service_level.mean, cost(s)]);
    const level = `${formatShare(closest.metrics.service_level.mean)} answered within ${formatDuration(answer_within)}`;
    if (strategies.length === 1) {
      return `${closest.name} misses ${targetName}: ${level}, at ${formatMoney(cost(closest))} total.`;
    }
    return `No strategy meets ${targetName}; the closest is ${closest.name} with ${level}, at ${formatMoney(cost(closest))} total.`;
  }

  const pick = recommended(report)!;
  const how = hasNoQueue(pick) ? 'no queue: nothing goes to humans' : `${formatShare(pick.metrics.service_level.mean)} in time`;
  if (strategies.length === 1) {
    return `${pick.name} meets ${targetName} (${how}) at ${formatMoney(cost(pick))} total; there is no other strategy to compare.`;
  }

  const others = strategies.filter((s) => s !== pick);
  const rival = argmin(others, (s) => [-s.metrics.csat.mean, s.metrics.churn_rate.mean, cost(s)]);
  const head = meeting.length === 1 ? `${pick.name} is the only strategy meeting ${targetName}` : `${pick.name} is cheapest meeting ${targetName}`;
  const change = cost(rival) > 0 ? ` (${formatChange(cost(pick) / cost(rival) - 1)})` : '';
  const m = pick.metrics;
  const r = rival.metrics;
  const resolved = diffPhrase(m.resolved_rate.mean - r.resolved_rate.mean, 'higher resolution', 'lower resolution', 'the same resolution');
  const churn = diffPhrase(m.churn_rate.mean - r.churn_rate.mean, 'more churn', 'less churn', 'the same churn');
  return (
    `${head} (${how}): ${formatMoney(cost(pick))} total vs ${formatMoney(cost(rival))} for ${rival.name}${change}, ` +
    `at CSAT ${formatValue('score', m.csat.mean)} vs ${formatValue('score', r.csat.mean)}, ${resolved} and ${churn}.`
  );
}
