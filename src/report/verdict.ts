// The verdict an executive reads: which strategy to choose, against what,
// what it saves, repays and changes. docs/verdict.md gives the rule and why.
//
// The rule, in order:
// 1. A strategy whose queue cannot settle (`unstable`) is never recommended.
// 2. A strategy with a human queue qualifies when its service level (mean
//    over replications) meets service_level.target.
// 3. A strategy with no human queue (nothing offered to humans) has no service
//    level to meet and is not credited with meeting one: it is judged on cost
//    and customer outcomes. It qualifies unless another strategy, even one
//    missing the target, has a lower total economic cost with customer
//    outcomes at least as good (CSAT no lower, churn no higher): a strategy
//    dearer and worse for customers is never recommended for having no queue.
// 4. Of the qualifying strategies the one with the lowest total economic cost
//    (operating cost plus churn loss) is recommended. When the 95% interval of
//    the paired difference (replication by replication, on common random
//    numbers) between it and another qualifying strategy contains 0, the two
//    cost the same as far as the run can tell, and the better for customers
//    (higher CSAT, then lower churn) among those is recommended instead.
// 5. Differences are stated with that interval; one inside the noise is
//    called "indistinguishable at 95%", with the replications that would
//    separate it if it is what it seems.
// 6. The baseline is report.baseline (--baseline, default the first strategy).
//    When the run added the baseline staffed to just meet the target
//    (`<baseline>@target`), the recommendation's saving is stated against
//    that (a fair staffing), and also against the baseline as staffed, with
//    whether that is over- or under-staffed. Payback and jobs are against the
//    baseline as staffed: today's cost and payroll, which the transition cost
//    is measured from.
// 7. A recommended strategy whose employees are busier than
//    service_level.max_occupancy is flagged. Busy is slot_occupancy: the share
//    of the agents' capacity in use. Without chat concurrency it is the
//    utilisation; with it, utilisation (time with at least one chat) is near
//    1 whenever each agent holds one chat, which says nothing of spare slots.

import type { RunReport, StrategyResult } from '../experiment/result.js';
import type { Difference } from '../metrics/replications.js';
import { hasNoQueue } from './comparison.js';
import { againstBaseline, atTargetOf, baselineOf, difference, perYear, type AgainstBaseline } from './economics.js';
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

/** Why the recommended strategy qualified. */
export type Basis = 'meets-target' | 'no-queue';

export interface Decision {
  recommended: StrategyResult | null;
  basis: Basis | null;
  /** The strategies that qualified (rules 1-3), in run order. */
  qualifying: StrategyResult[];
  /** A cheaper qualifying strategy the recommended one ties with on cost and beats for customers (rule 4). */
  cheaperTie: { strategy: StrategyResult; difference: Difference } | null;
  /** The next qualifying strategy by total cost, and the recommended one's cost minus its. */
  runnerUp: { strategy: StrategyResult; difference: Difference } | null;
  /** Strategies without a queue left out by rule 3, each with the strategy that is cheaper and no worse for customers. */
  dominated: { strategy: StrategyResult; by: StrategyResult }[];
  /** Strategies left out by rule 1. */
  unstable: StrategyResult[];
  baseline: StrategyResult | null;
  /** The baseline staffed to just meet the target, when the run added it. */
  atTarget: StrategyResult | null;
  /** Against the baseline as staffed; null when the recommended is the baseline or there is none. */
  against: AgainstBaseline | null;
  /** The recommended strategy's employees are busier than the stated cap. */
  overCap: { occupancy: number; cap: number; chatSlots: boolean } | null;
}

const cost = (s: StrategyResult) => s.metrics.cost_total.mean;
const csat = (s: StrategyResult) => s.metrics.csat.mean;
const churn = (s: StrategyResult) => s.metrics.churn_rate.mean;

/** `a` does at least as well for customers as `b`: CSAT no lower and churn no higher. */
function noWorseForCustomers(a: StrategyResult, b: StrategyResult): boolean {
  return csat(a) >= csat(b) && churn(a) <= churn(b);
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

export function decide(report: RunReport): Decision {
  const { target, max_occupancy: cap } = report.service_level;
  const unstable = report.strategies.filter((s) => (s.unstable?.length ?? 0) > 0);
  const stable = report.strategies.filter((s) => !unstable.includes(s));
  const dominated: Decision['dominated'] = [];
  const qualifying = stable.filter((s) => {
    if (!hasNoQueue(s)) return s.metrics.service_level.mean >= target;
    const by = stable.find((o) => o !== s && cost(o) < cost(s) && noWorseForCustomers(o, s));
    if (by) dominated.push({ strategy: s, by });
    return by === undefined;
  });
  const baseline = baselineOf(report);
  const atTarget = atTargetOf(report);
  const none: Decision = {
    recommended: null,
    basis: null,
    qualifying,
    cheaperTie: null,
    runnerUp: null,
    dominated,
    unstable,
    baseline,
    atTarget,
    against: null,
    overCap: null,
  };
  if (qualifying.length === 0) return none;

  const cheapest = argmin(qualifying, (s) => [cost(s)]);
  // Rule 4: those the run cannot tell from the cheapest on cost; the best for customers of them.
  const tied = qualifying.filter((s) => s === cheapest || difference(report, s, cheapest, 'cost_total').distinguishable === false);
  const pick = argmin(tied, (s) => [-csat(s), churn(s), cost(s)]);
  const cheaperTie = pick === cheapest ? null : { strategy: cheapest, difference: difference(report, pick, cheapest, 'cost_total') };
  const others = qualifying.filter((s) => s !== pick && s !== cheaperTie?.strategy);
  const next = others.length > 0 ? argmin(others, (s) => [cost(s)]) : null;
  const occupancy = pick.metrics.slot_occupancy.mean;
  // The two differ only when an agent can hold more than one contact.
  const chatSlots = occupancy !== pick.metrics.utilization.mean;
  return {
    ...none,
    recommended: pick,
    basis: hasNoQueue(pick) ? 'no-queue' : 'meets-target',
    cheaperTie,
    runnerUp: next ? { strategy: next, difference: difference(report, pick, next, 'cost_total') } : null,
    against: baseline && baseline !== pick ? againstBaseline(report, pick, baseline) : null,
    overCap: cap !== null && !hasNoQueue(pick) && occupancy > cap ? { occupancy, cap, chatSlots } : null,
  };
}

/** The strategy the verdict recommends; null when none qualifies. */
export function recommended(report: RunReport): StrategyResult | null {
  return decide(report).recommended;
}

// ---------------------------------------------------------------------------
// The sentences.

/** "2.1 pts more churn" / "2.1 pts less churn" / "the same churn" (as displayed). */
function diffPhrase(diff: number, more: string, less: string, same: string): string {
  const pts = formatPoints(diff);
  if (pts === formatPoints(0)) return same;
  return `${pts} ${diff > 0 ? more : less}`;
}

/** "$1.24M ± 0.01M" or "$1.24M" with no interval. */
function moneyWithin(d: Difference): string {
  const [lo, hi] = d.ci95;
  if (lo === null || hi === null) return formatMoney(Math.abs(d.mean));
  return `${formatMoney(Math.abs(d.mean))} ± ${formatMoney((hi - lo) / 2, Math.abs(d.mean), false)}`;
}

/** What the run can say of a difference: "" when it is clear, else why not. */
function noise(d: Difference): string {
  if (d.distinguishable === null) return ' (one replication: no interval)';
  if (d.distinguishable) return '';
  const n = d.replications_to_separate;
  const separate = n === null ? '' : `; about ${formatCount(n)} replications would separate them if it is what it seems`;
  return ` (indistinguishable at 95%${separate})`;
}

/** "CSAT 4.15 vs 4.18, 1.7 pts higher resolution and 0.3 pts more churn". */
function customers(a: StrategyResult, b: StrategyResult): string {
  const m = a.metrics;
  const r = b.metrics;
  const resolved = diffPhrase(m.resolved_rate.mean - r.resolved_rate.mean, 'higher resolution', 'lower resolution', 'the same resolution');
  const churned = diffPhrase(m.churn_rate.mean - r.churn_rate.mean, 'more churn', 'less churn', 'the same churn');
  return `CSAT ${formatValue('score', m.csat.mean)} vs ${formatValue('score', r.csat.mean)}, ${resolved} and ${churned}`;
}

function days(report: RunReport): string {
  const d = Number(report.measured_days.toFixed(2));
  return `${d} day${d === 1 ? '' : 's'}`;
}

function totalPhrase(report: RunReport, s: StrategyResult): string {
  return `${formatMoney(cost(s))} over ${days(report)} (${formatMoney(perYear(s.metrics.cost_total, report.measured_days).mean)} a year)`;
}

function targetName(report: RunReport): string {
  const { target, answer_within } = report.service_level;
  return `the ${formatTargetShare(target)} in ${formatDuration(answer_within)} target`;
}

function inTime(s: StrategyResult): string {
  return `${formatShare(s.metrics.service_level.mean)} in time`;
}

function head(report: RunReport, d: Decision, pick: StrategyResult): string {
  let line: string;
  if (d.basis === 'no-queue') {
    line =
      `${pick.name} is recommended: it sends nothing to humans, so it has no queue and no service level to meet; ` +
      `compared on cost and customer outcomes, it has the lowest total economic cost, ${totalPhrase(report, pick)}, and no cheaper strategy serves customers as well`;
  } else if (d.qualifying.length === 1) {
    line = `${pick.name} is recommended: the only strategy meeting ${targetName(report)} (${inTime(pick)}), at ${totalPhrase(report, pick)} total`;
  } else {
    line = `${pick.name} is recommended: it meets ${targetName(report)} (${inTime(pick)}) at the lowest total economic cost, ${totalPhrase(report, pick)}`;
  }
  if (d.cheaperTie) {
    const t = d.cheaperTie;
    line +=
      `; ${t.strategy.name} costs ${moneyWithin(t.difference)} less, indistinguishable at 95%, ` +
      `and ${pick.name} serves customers better (CSAT ${formatValue('score', csat(pick))} vs ${formatValue('score', csat(t.strategy))})`;
  }
  return `${line}.`;
}

/** "over-staffed: 714 agents on shift on average against the 573 auto staffing chooses for the target". */
function staffedPhrase(report: RunReport, baseline: StrategyResult, atTarget: StrategyResult): string {
  const mine = baseline.mean_on_shift;
  const fair = atTarget.mean_on_shift;
  const shown = (x: number) => formatCount(Math.round(x));
  const how = mine > fair ? 'over-staffed' : mine < fair ? 'under-staffed' : 'staffed as for the target';
  const cap = report.service_level.max_occupancy === null ? '' : ' and the occupancy cap';
  return `${how}: ${shown(mine)} agents on shift on average against the ${shown(fair)} auto staffing chooses for the target${cap}`;
}

function againstLine(report: RunReport, d: Decision, pick: StrategyResult): string {
  const base = d.baseline;
  if (!base || base === pick) return '';
  const fair = d.atTarget && d.atTarget !== pick ? d.atTarget : null;
  const parts: string[] = [];
  const vs = (other: StrategyResult, label: string, withCustomers: boolean): string => {
    const diff = difference(report, pick, other, 'cost_total');
    const change = cost(other) > 0 ? `, ${formatChange(cost(pick) / cost(other) - 1)}` : '';
    const dir = diff.mean <= 0 ? 'less' : 'more';
    const who = withCustomers ? `, ${customers(pick, other)}` : '';
    return `${label}: ${formatMoney(cost(pick))} vs ${formatMoney(cost(other))} total (${moneyWithin(diff)} ${dir}${change})${noise(diff)}${who}`;
  };
  if (fair) {
    parts.push(vs(fair, `Against the baseline ${base.name} staffed to just meet the target (${fair.name})`, true));
    parts.push(vs(base, `against ${base.name} as staffed (${staffedPhrase(report, base, fair)}; ${inTime(base)})`, false));
  } else {
    parts.push(vs(base, `Against the baseline ${base.name}${base.staffing ? ' (auto-staffed)' : ', as staffed'}`, true));
  }
  return `${parts.join('; ')}.`;
}

function paybackLine(report: RunReport, d: Decision, pick: StrategyResult): string {
  const base = d.baseline;
  if (!base || base === pick || !d.against) return '';
  const a = d.against;
  const oneOff = pick.metrics.cost_transition.mean;
  let pay: string;
  if (a.payback_weeks === null) {
    pay = oneOff > 0 ? `it never repays its ${formatMoney(oneOff)} one-off transition: it saves nothing against ${base.name}` : `it saves nothing against ${base.name}`;
  } else if (oneOff === 0) {
    pay = `no one-off transition cost; it saves ${moneyWithin(a.saving_per_week)} a week against ${base.name}${d.atTarget ? ' as staffed' : ''}`;
  } else {
    const [lo, hi] = a.payback_weeks.ci95;
    const range = lo === null ? '' : hi === null ? ` (${weeks(lo)} or more at 95%)` : ` (${weeks(lo)}-${weeks(hi)} at 95%)`;
    pay =
      `its ${formatMoney(oneOff)} one-off transition pays back in ${weeks(a.payback_weeks.mean)} weeks${range} ` +
      `out of ${moneyWithin(a.saving_per_week)} a week saved against ${base.name}${d.atTarget ? ' as staffed' : ''}`;
  }
  const change = a.payroll_change;
  const jobs =
    change === 0
      ? `the same ${formatCount(pick.payroll_headcount)} people on the payroll as ${base.name}`
      : `${formatCount(pick.payroll_headcount)} people on the payroll, ${formatCount(Math.abs(change))} ${change < 0 ? 'fewer' : 'more'} than ${base.name}'s ${formatCount(base.payroll_headcount)}`;
  return `Payback: ${pay}. Jobs: ${jobs}.`;
}

/** Weeks, to one decimal under 10 and whole above. */
function weeks(w: number): string {
  return w < 10 ? w.toFixed(1) : formatCount(Math.round(w));
}

function runnerUpLine(report: RunReport, d: Decision): string {
  if (!d.runnerUp) return '';
  const { strategy, difference: diff } = d.runnerUp;
  if (strategy === d.baseline && d.against) return '';
  const dir = diff.mean <= 0 ? 'less' : 'more';
  return `Next cheapest qualifying: ${strategy.name}, ${formatMoney(cost(strategy))} total (${d.recommended!.name} costs ${moneyWithin(diff)} ${dir})${noise(diff)}.`;
}

function capLine(d: Decision, pick: StrategyResult): string {
  if (!d.overCap) return '';
  return (
    `Caution: ${pick.name} keeps ${d.overCap.chatSlots ? "its employees' chat slots" : 'its employees'} ${formatShare(d.overCap.occupancy)} ` +
    `${d.overCap.chatSlots ? 'full' : 'busy'}, over the ${formatShare(d.overCap.cap, 0)} cap on occupancy (service_level.max_occupancy).`
  );
}

/** "Auto staffing chose 612 agents on shift on average for hybrid (peak 880)." for the strategies the verdict names. */
function autoStaffingNote(d: Decision): string {
  const named = [d.recommended, d.atTarget].filter((s, i, all): s is StrategyResult => s !== null && all.indexOf(s) === i);
  const chosen = named.flatMap((s) => {
    if (!s.staffing) return [];
    const some = s.staffing.hours.every((h) => h) ? '' : ', auto hours only';
    const mean = formatCount(Math.round(s.staffing.mean_on_shift));
    return [`${mean} agents on shift on average for ${s.name} (peak ${formatCount(s.staffing.peak_on_shift)}${some})`];
  });
  return chosen.length > 0 ? `Auto staffing chose ${chosen.join('; ')}.` : '';
}

function noneLine(report: RunReport, d: Decision): string {
  const { answer_within } = report.service_level;
  const queued = report.strategies.filter((s) => !hasNoQueue(s) && !d.unstable.includes(s));
  const parts: string[] = [];
  if (queued.length > 0) {
    const closest = argmin(queued, (s) => [-s.metrics.service_level.mean, cost(s)]);
    const level = `${formatShare(closest.metrics.service_level.mean)} answered within ${formatDuration(answer_within)}`;
    parts.push(
      report.strategies.length === 1
        ? `${closest.name} misses ${targetName(report)}: ${level}, at ${formatMoney(cost(closest))} total`
        : `No strategy can be recommended: none with a human queue meets ${targetName(report)}; the closest is ${closest.name} with ${level}, at ${formatMoney(cost(closest))} total`,
    );
  } else {
    parts.push('No strategy can be recommended');
  }
  for (const { strategy, by } of d.dominated) {
    parts.push(
      `${strategy.name}, with no human queue, has no service level to meet but costs more than ${by.name} ` +
        `(${formatMoney(cost(strategy))} vs ${formatMoney(cost(by))} total) and serves customers no better (${customers(strategy, by)})`,
    );
  }
  for (const s of d.unstable) parts.push(`${s.name} is left out: its queue cannot settle`);
  // The closest, when auto staffing sized it already, says what it chose instead of suggesting auto.
  const closest = queued.length > 0 ? argmin(queued, (s) => [-s.metrics.service_level.mean, cost(s)]) : null;
  const hint = closest === null ? '' : closest.staffing ? ` ${autoStaffingNote({ ...d, recommended: closest })}` : ' Staff a strategy to the target with `headcount: auto`.';
  return `${parts.join('; ')}.${hint}`;
}

export function verdict(report: RunReport): string {
  if (report.strategies.length === 0) return 'No strategy was run.';
  const d = decide(report);
  const pick = d.recommended;
  if (pick === null) return noneLine(report, d);
  const lines = [head(report, d, pick)];
  if (report.strategies.length === 1) lines.push('There is no other strategy to compare.');
  else if (pick === d.baseline) lines.push(`It is the baseline, ${pick.name}: nothing to move to.`);
  lines.push(againstLine(report, d, pick), paybackLine(report, d, pick), runnerUpLine(report, d), capLine(d, pick), autoStaffingNote(d));
  for (const s of d.unstable) lines.push(`${s.name} is left out: its queue cannot settle.`);
  return lines.filter((l) => l !== '').join(' ');
}
