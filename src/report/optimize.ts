// Renders an optimisation (src/experiment/optimize.ts): the best
// configuration, the statement of what it guarantees, the best few
// candidates, and the frontier of cost against each constrained KPI; as a
// terminal table, markdown, CSV (one row per candidate) or JSON. And the
// best configuration as a patch of the scenario file.

import YAML from 'yaml';
import { KPIS, type KpiName, type KpiUnit } from '../metrics/kpis.js';
import { describeConstraint, type Constraint } from '../experiment/optimize-problem.js';
import type { Candidate, OptimizeResult } from '../experiment/optimize.js';
import { csvField } from './csv.js';
import { formatMinutes } from '../scenario/duration.js';
import { formatValue } from './format.js';
import { escapeMarkdown } from './markdown.js';

export const OPTIMIZE_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type OptimizeFormat = (typeof OPTIMIZE_FORMATS)[number];

/** Candidates listed under "best candidates". */
const BEST_FEW = 5;

export interface OptimizeContext {
  scenario: string;
  /** The scenario file as given on the command line, for the `staffsim run` line. */
  file: string;
}

function unitOf(kpi: KpiName): KpiUnit {
  return KPIS.find((k) => k.name === kpi)!.unit;
}

function fmt(kpi: KpiName, x: number): string {
  return formatValue(unitOf(kpi), x);
}

function describeValues(c: Candidate): string {
  return Object.entries(c.values)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
}

/** Shell-quoted `--set` flags. */
function setFlags(c: Candidate): string {
  return c.set.map((s) => `--set '${s.replace(/'/g, `'\\''`)}'`).join(' ');
}

/** The constraint that binds a candidate: the one its conservative bound misses most (relative to the bound). */
export function bindingConstraint(c: Candidate, constraints: readonly Constraint[]): Constraint | null {
  let worst: Constraint | null = null;
  let miss = 0;
  for (const k of constraints) {
    const s = c.kpis[k.metric];
    const scale = Math.abs(k.bound) > 0 ? Math.abs(k.bound) : 1;
    const m = (k.op === '>=' ? k.bound - s.lo95 : s.hi95 - k.bound) / scale;
    if (m > miss) {
      miss = m;
      worst = k;
    }
  }
  return worst;
}

/**
 * Candidates no other evaluated one beats on both cost (lower) and the
 * constrained KPI (in the constraint's direction), cheapest first.
 */
export function frontier(candidates: readonly Candidate[], c: Constraint): Candidate[] {
  const better = (a: number, b: number) => (c.op === '>=' ? a > b : a < b);
  const sorted = [...candidates].sort((a, b) => a.objective - b.objective || a.order - b.order);
  const out: Candidate[] = [];
  for (const cand of sorted) {
    const v = cand.kpis[c.metric].mean;
    if (out.length === 0 || better(v, out[out.length - 1].kpis[c.metric].mean)) out.push(cand);
  }
  return out;
}

/** The conclusion in words: what the chosen candidate guarantees, or why none was chosen. */
export function verdict(result: OptimizeResult): string[] {
  const lines = conclusion(result);
  const early = unfinished(result);
  return early !== null && result.candidates.length > 0 ? [...lines, early] : lines;
}

function conclusion(result: OptimizeResult): string[] {
  const { best, problem } = result;
  const lines: string[] = [];
  if (best) {
    const cheaper = result.candidates.filter((c) => c.objective < best.objective).length;
    lines.push(
      `Best: ${describeValues(best)}, ${problem.minimize} ${fmt(problem.minimize, best.objective)} (mean of ${best.replications} replications).`,
      problem.constraints.length > 0
        ? `It meets every constraint with 95% one-sided confidence over its ${best.replications} replications; ${
            cheaper === 0 ? 'no candidate evaluated is cheaper' : `none of the ${cheaper} cheaper candidates evaluated does`
          }.`
        : `No constraints: it is the cheapest of the ${result.candidates.length} candidates evaluated.`,
    );
    return lines;
  }
  const closest = result.candidates[0];
  if (!closest) return ['No candidate was simulated.'];
  const binding = bindingConstraint(closest, problem.constraints);
  lines.push(`No evaluated candidate meets every constraint with 95% one-sided confidence.`);
  lines.push(`Closest: ${describeValues(closest)} (${closest.replications} replications).`);
  if (binding) {
    const s = closest.kpis[binding.metric];
    const side = binding.op === '>=' ? `its 95% lower bound is ${fmt(binding.kpi, s.lo95)}` : `its 95% upper bound is ${fmt(binding.kpi, s.hi95)}`;
    lines.push(`Binding constraint: ${describeConstraint(binding)} (mean ${fmt(binding.kpi, s.mean)}; ${side}). Widen the decision ranges or relax it.`);
  }
  return lines;
}

function optimizeHeader(result: OptimizeResult, context: OptimizeContext): string[] {
  const p = result.problem;
  return [
    `staffsim optimize: ${context.scenario}, strategy ${p.strategy}, minimise ${p.minimize}`,
    `Constraints: ${p.constraints.length > 0 ? p.constraints.map(describeConstraint).join(', ') : 'none'}`,
    `Searched ${result.candidates.length} candidates (budget ${p.budget}), ${result.replications.start} to ${result.replications.max} replications each, common random numbers${result.refused > 0 ? `; ${result.refused} combinations the scenario refuses skipped` : ''}; started at ${Object.entries(result.start)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ')}; ${STOPPED[result.stopped](result)}.`,
  ];
}

/** Why the search ended, for the header. */
const STOPPED: Record<OptimizeResult['stopped'], (result: OptimizeResult) => string> = {
  converged: () => 'converged (no better neighbour at the finest step)',
  budget: () => 'stopped at the budget',
  'time-limit': (r) => `stopped at the time limit of ${formatMinutes(r.problem.timeLimit!)}: the best so far`,
  interrupted: () => 'interrupted: what was found so far',
};

/** What an unfinished search means for the answer, said after the verdict; null when it converged. */
function unfinished(result: OptimizeResult): string | null {
  const n = result.candidates.length;
  const what = `the best of the ${n} candidate${n === 1 ? '' : 's'} evaluated so far: a cheaper configuration may lie beyond them`;
  if (result.stopped === 'budget') return `The budget of ${result.problem.budget} candidates ran out before the search converged; this is ${what} (raise --budget).`;
  if (result.stopped === 'time-limit') return `The time limit of ${formatMinutes(result.problem.timeLimit!)} ran out before the search converged; this is ${what} (raise --time-limit).`;
  if (result.stopped === 'interrupted') return `The search was interrupted before it converged; this is ${what}.`;
  return null;
}

/** The objective, then each constrained figure once (`service_level`, `service_level.disputes`), with the KPI that gives its unit. */
function judgedOn(result: OptimizeResult): Array<{ metric: string; kpi: KpiName }> {
  const p = result.problem;
  const out = [{ metric: p.minimize as string, kpi: p.minimize }];
  for (const c of p.constraints) if (!out.some((m) => m.metric === c.metric)) out.push({ metric: c.metric, kpi: c.kpi });
  return out;
}

interface Grid {
  title: string;
  columns: string[];
  rows: string[][];
}

function optimizeGrids(result: OptimizeResult): Grid[] {
  const p = result.problem;
  const keys = p.decisions.map((d) => d.key);
  const metrics = judgedOn(result);
  const row = (c: Candidate, rank: number) => [
    String(rank),
    ...keys.map((k) => JSON.stringify(c.values[k])),
    String(c.replications),
    ...metrics.map((m) => fmt(m.kpi, c.kpis[m.metric].mean)),
    c.feasible ? 'yes' : 'no',
  ];
  const out: Grid[] = [
    {
      title: `Best ${Math.min(BEST_FEW, result.candidates.length)} candidates (meeting every constraint first, then cheapest)`,
      columns: ['#', ...keys, 'reps', ...metrics.map((m) => m.metric), 'meets all'],
      rows: result.candidates.slice(0, BEST_FEW).map((c, i) => row(c, i + 1)),
    },
  ];
  for (const c of p.constraints) {
    const front = frontier(result.candidates, c);
    out.push({
      title: `Frontier: ${p.minimize} against ${c.metric} (no evaluated candidate is both cheaper and ${c.op === '>=' ? 'higher' : 'lower'})`,
      columns: [...keys, p.minimize, c.metric, `${c.metric} 95% ${c.op === '>=' ? 'lower' : 'upper'} bound`, `meets ${describeConstraint(c)}`],
      rows: front.map((cand) => {
        const s = cand.kpis[c.metric];
        const conservative = c.op === '>=' ? s.lo95 : s.hi95;
        const meets = c.op === '>=' ? conservative >= c.bound : conservative <= c.bound;
        return [...keys.map((k) => JSON.stringify(cand.values[k])), fmt(p.minimize, cand.objective), fmt(c.kpi, s.mean), fmt(c.kpi, conservative), meets ? 'yes' : 'no'];
      }),
    });
  }
  return out;
}

function textGrid(g: Grid): string {
  const widths = g.columns.map((c, i) => Math.max(c.length, ...g.rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [g.title, line(g.columns), ...g.rows.map(line)].join('\n');
}

function markdownGrid(g: Grid): string {
  const esc = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [`### ${escapeMarkdown(g.title)}`, '', esc(g.columns), `|${g.columns.map(() => ' --- |').join('')}`, ...g.rows.map(esc)].join('\n');
}

export function renderOptimize(result: OptimizeResult, format: OptimizeFormat, context: OptimizeContext): string {
  if (format === 'json') {
    // Each constraint's frontier as the `order` of its candidates, cheapest first.
    const frontiers = result.problem.constraints.map((c) => ({ constraint: describeConstraint(c), candidates: frontier(result.candidates, c).map((x) => x.order) }));
    return `${JSON.stringify({ scenario: context.scenario, ...result, frontiers, verdict: verdict(result).join(' ') }, null, 2)}\n`;
  }
  if (format === 'csv') return renderCsv(result);
  const run = runCommand(result, context);
  const applyLine = run ? `Run it: ${run}` : null;
  if (format === 'markdown') {
    return [
      `## ${escapeMarkdown(optimizeHeader(result, context)[0])}`,
      '',
      ...optimizeHeader(result, context).slice(1).map(escapeMarkdown),
      '',
      ...verdict(result).map(escapeMarkdown),
      '',
      ...(applyLine ? ['```sh', applyLine.replace(/^Run it: /, ''), '```', ''] : []),
      optimizeGrids(result).map(markdownGrid).join('\n\n'),
      '',
    ].join('\n');
  }
  return [...optimizeHeader(result, context), '', ...verdict(result), ...(applyLine ? [applyLine] : []), '', optimizeGrids(result).map(textGrid).join('\n\n'), ''].join('\n');
}

/** The `staffsim run` line that simulates the best configuration (or the closest, with none meeting every constraint). */
export function runCommand(result: OptimizeResult, context: OptimizeContext): string | null {
  const apply = result.best ?? result.candidates[0];
  return apply ? `staffsim run ${context.file} ${setFlags(apply)}` : null;
}

/** The formats of `optimize`: those above, and html (charts, so asynchronous: renderOptimizePage). */
export const OPTIMIZE_COMMAND_FORMATS = [...OPTIMIZE_FORMATS, 'html'] as const;

/** The HTML page; it loads its renderer (and vega) only when asked for, as `run` does (report/index.ts). */
export async function renderOptimizePage(
  result: OptimizeResult,
  context: OptimizeContext & { sha256: string; seed: number; staffsim: string; command: string },
): Promise<string> {
  const { renderOptimizeHtml } = await import('./html/index.js');
  return renderOptimizeHtml(result, {
    ...context,
    runCommand: runCommand(result, context),
    header: optimizeHeader(result, context),
    verdict: verdict(result),
    best: optimizeGrids(result)[0],
    constraints: result.problem.constraints.map((c) => ({ constraint: c, text: describeConstraint(c), frontier: frontier(result.candidates, c).map((x) => x.order) })),
  });
}

function renderCsv(result: OptimizeResult): string {
  const p = result.problem;
  const keys = p.decisions.map((d) => d.key);
  const kpis = judgedOn(result).map((m) => m.metric);
  const columns = ['rank', ...keys, 'replications', ...kpis.flatMap((k) => [k, `${k}_lo95`, `${k}_hi95`]), 'shortfall', 'meets_all', 'chosen'];
  const rows = result.candidates.map((c, i) => [
    String(i + 1),
    ...keys.map((k) => JSON.stringify(c.values[k])),
    String(c.replications),
    ...kpis.flatMap((k) => [c.kpis[k].mean, c.kpis[k].lo95, c.kpis[k].hi95].map(String)),
    String(c.shortfall),
    String(c.feasible),
    String(result.best !== null && c.order === result.best.order),
  ]);
  return [columns, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

/**
 * The best configuration as a patch of the scenario file (the strategy's
 * keys with their values), with the `staffsim run` line that applies it.
 */
export function renderPatch(result: OptimizeResult, context: OptimizeContext): string {
  const chosen = result.best ?? result.candidates[0];
  if (!chosen) return '';
  const patch: Record<string, unknown> = {};
  for (const text of chosen.set) {
    const eq = text.indexOf('=');
    const path = text.slice(0, eq).split('.');
    let node = patch;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1]] = YAML.parse(text.slice(eq + 1));
  }
  const found = result.best
    ? `meets every constraint with 95% one-sided confidence (${chosen.replications} replications)`
    : 'meets NOT every constraint: the closest candidate found';
  const status = result.stopped === 'converged' ? found : `${found}; ${STOPPED[result.stopped](result)}`;
  return [
    `# staffsim optimize: ${context.scenario}, strategy ${result.problem.strategy}, minimise ${result.problem.minimize}; ${status}.`,
    `# Apply with: staffsim run ${context.file} ${setFlags(chosen)}`,
    YAML.stringify(patch).trimEnd(),
    '',
  ].join('\n');
}
