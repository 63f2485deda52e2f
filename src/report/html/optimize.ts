// `staffsim optimize --format html`: the best configuration and what it
// guarantees, then per constraint the frontier as a chart (every candidate's
// cost against the constrained KPI, its one-sided 95% bound as a whisker,
// the frontier joined, the constraint's bound drawn and the best marked),
// the best few as a table, how to read it and what identifies the search.
// Loaded lazily, like the rest of report/html (report/optimize.ts).

import type { TopLevelSpec } from 'vega-lite';
import type { Constraint } from '../../experiment/optimize-problem.js';
import type { OptimizeResult } from '../../experiment/optimize.js';
import { KPIS, type KpiName } from '../../metrics/kpis.js';
import { formatValue } from '../format.js';
import { axisFormat, base, OKABE_ITO, type Chart } from './charts.js';
import { chartsHtml, escapeHtml, howToRead, page, provenance, textTable } from './page.js';

const unitOf = (kpi: KpiName) => KPIS.find((k) => k.name === kpi)!.unit;
const labelOf = (kpi: KpiName) => KPIS.find((k) => k.name === kpi)!.label;
/** A constrained figure's label: the KPI's, and the ticket type's name for a by_type KPI. */
const constrainedLabel = (c: Constraint): string => (c.type === undefined ? labelOf(c.kpi) : `${labelOf(c.kpi)} (${c.type})`);

function valuesText(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
}

/**
 * The search's words and frontiers, as the table prints them (report/optimize.ts
 * passes them in, so this lazily loaded module does not pull the terminal
 * renderers, the YAML writer and the search into its chunk).
 */
export interface OptimizeWords {
  scenario: string;
  sha256: string;
  seed: number;
  staffsim: string;
  /** The command that reproduces the search, and the `staffsim run` line of the best (or closest). */
  command: string;
  runCommand: string | null;
  /** The lines under the title, and the verdict (with the 95% statement). */
  header: string[];
  verdict: string[];
  best: { title: string; columns: string[]; rows: string[][] };
  /** Per constraint: its words ("service_level >= 0.8") and its frontier's candidates (their `order`). */
  constraints: { constraint: Constraint; text: string; frontier: number[] }[];
}

/** Cost against one constrained KPI: every candidate, its conservative bound, the frontier, the constraint's bound and the best. */
export function frontierChart(result: OptimizeResult, constrained: OptimizeWords['constraints'][number]): Chart {
  const p = result.problem;
  const c = constrained.constraint;
  const front = new Set(constrained.frontier);
  const conservative = (s: { lo95: number; hi95: number }) => (c.op === '>=' ? s.lo95 : s.hi95);
  const values = result.candidates.map((cand) => {
    const s = cand.kpis[c.metric];
    return {
      x: s.mean,
      x_bound: conservative(s),
      y: cand.objective,
      meets: cand.feasible ? 'meets every constraint' : 'misses a constraint',
      frontier: front.has(cand.order),
      best: result.best !== null && cand.order === result.best.order,
      label: valuesText(cand.values),
    };
  });
  const best = values.filter((v) => v.best);
  const title = `${labelOf(p.minimize)} against ${constrainedLabel(c)}`;
  const description =
    `One point per candidate simulated: its mean ${labelOf(p.minimize)} against its mean ${constrainedLabel(c)}, the whisker reaching its one-sided 95% ${c.op === '>=' ? 'lower' : 'upper'} bound; ` +
    `the line joins the frontier (no candidate is both cheaper and ${c.op === '>=' ? 'higher' : 'lower'}), the dashed rule is the constraint ${constrained.text}` +
    (best.length > 0 ? ', and the ringed point is the best.' : '; no candidate meets every constraint.');
  const kUnit = unitOf(c.kpi);
  const x = { field: 'x', type: 'quantitative' as const, title: constrainedLabel(c), scale: { zero: false }, axis: { format: axisFormat(kUnit) } };
  const y = { field: 'y', type: 'quantitative' as const, title: labelOf(p.minimize), scale: { zero: false }, axis: { format: axisFormat(unitOf(p.minimize)) } };
  const meets = { field: 'meets', type: 'nominal' as const, scale: { domain: ['meets every constraint', 'misses a constraint'], range: [OKABE_ITO[2], OKABE_ITO[3]] }, title: 'Candidate' };
  const layers: unknown[] = [
    { mark: { type: 'rule', strokeWidth: 1, opacity: 0.6 }, encoding: { x, x2: { field: 'x_bound' }, y, color: meets } },
    {
      transform: [{ filter: 'datum.frontier' }],
      mark: { type: 'line', strokeWidth: 1.5, color: OKABE_ITO[7], opacity: 0.7 },
      encoding: { x, y, order: { field: 'y', type: 'quantitative' } },
    },
    {
      mark: { type: 'point', filled: true, size: 60 },
      encoding: {
        x,
        y,
        color: meets,
        shape: { field: 'meets', type: 'nominal', scale: { domain: ['meets every constraint', 'misses a constraint'], range: ['circle', 'cross'] }, title: 'Candidate' },
      },
    },
    {
      data: { values: [{ bound: c.bound, label: constrained.text }] },
      layer: [
        { mark: { type: 'rule', strokeDash: [6, 3], strokeWidth: 1.5, color: OKABE_ITO[0] }, encoding: { x: { field: 'bound', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: 2, baseline: 'top', fontSize: 11, color: OKABE_ITO[0] }, encoding: { x: { field: 'bound', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } } },
      ],
    },
  ];
  if (best.length > 0) {
    layers.push({
      data: { values: best },
      layer: [
        { mark: { type: 'point', size: 320, strokeWidth: 2.5, color: OKABE_ITO[7], filled: false }, encoding: { x, y } },
        { mark: { type: 'text', align: 'left', dx: 12, dy: -10, fontSize: 12, fontWeight: 'bold' }, encoding: { x, y, text: { value: 'best' } } },
      ],
    });
  }
  return {
    id: `frontier-${c.metric.replace(/\./g, '-')}`,
    title,
    description,
    spec: { ...base({ title, description }), data: { values }, layer: layers } as TopLevelSpec,
    table: {
      columns: ['Candidate', labelOf(p.minimize), constrainedLabel(c), `95% ${c.op === '>=' ? 'lower' : 'upper'} bound`, 'Meets every constraint', 'On the frontier'],
      rows: result.candidates.map((cand, i) => {
        const s = cand.kpis[c.metric];
        const mark = result.best !== null && cand.order === result.best.order ? ' (best)' : '';
        return [
          `${i + 1}. ${valuesText(cand.values)}${mark}`,
          formatValue(unitOf(p.minimize), cand.objective),
          formatValue(kUnit, s.mean),
          formatValue(kUnit, conservative(s)),
          cand.feasible ? 'yes' : 'no',
          front.has(cand.order) ? 'yes' : 'no',
        ];
      }),
    },
  };
}

const HOW_TO_READ_OPTIMIZE = [
  'Each candidate is one configuration of the strategy, simulated with the same random draws as every other (common random numbers), so differences between candidates are not noise of the draws.',
  'A constraint holds for a candidate when its one-sided 95% bound over the candidate\'s replications is on the right side (the lower bound for ≥, the upper bound for ≤), not merely its mean: the whiskers in the charts reach those bounds.',
  'The best is the cheapest candidate evaluated that meets every constraint. The search does not try every configuration: a cheaper one it did not try may exist (docs/optimize.md says how it searches).',
  'The frontier joins the candidates no other evaluated candidate beats on both cost and the constrained KPI; the dashed rule is the constraint\'s bound.',
];

export async function renderOptimizeHtml(result: OptimizeResult, context: OptimizeWords): Promise<string> {
  const charts = context.constraints.length > 0 && result.candidates.length > 0 ? await chartsHtml(context.constraints.map((c) => frontierChart(result, c))) : '<p class="note">No constraints or no candidates: there is no frontier to draw.</p>';
  const body = [
    `<h1>${escapeHtml(context.scenario)}: the cheapest ${escapeHtml(result.problem.strategy)} meeting the constraints</h1>`,
    ...context.header.slice(1).map((l) => `<p class="summary">${escapeHtml(l)}</p>`),
    `<div class="verdict">${context.verdict.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`,
    ...(context.runCommand ? ['<p>Run it:</p>', `<pre><code>${escapeHtml(context.runCommand)}</code></pre>`] : []),
    '<h2>Frontier</h2>',
    charts,
    `<h2>${escapeHtml(context.best.title)}</h2>`,
    textTable(context.best.columns, context.best.rows),
    howToRead(HOW_TO_READ_OPTIMIZE),
    provenance(
      [
        ['Scenario', context.scenario],
        ['Scenario SHA-256', context.sha256],
        ['Seed', String(context.seed)],
        ['Strategy', result.problem.strategy],
        ['Minimised', result.problem.minimize],
        ['Replications', `${result.replications.start} to ${result.replications.max} a candidate`],
        ['staffsim version', context.staffsim],
      ],
      context.command,
    ),
  ];
  return page(`${context.scenario}: staffsim optimize`, body.join('\n'));
}
