// The charts of the HTML report as Vega-Lite specifications: data and
// encodings only, no rendering (svg.ts renders them). Each chart carries
// the text that stands in for it: a title, a one-sentence description
// (the SVG's aria-label), and its data as rows for a table beside it.
//
// Colours: the Okabe-Ito palette (Okabe & Ito 2008, "Color Universal
// Design"), distinguishable with the common colour-vision deficiencies; each
// strategy keeps its colour in every chart, and shapes or dashes repeat the
// distinction so no chart relies on colour alone. Heat maps use viridis,
// which is monotone in lightness.

import type { TopLevelSpec } from 'vega-lite';
import type { RunReport, StrategyResult } from '../../experiment/result.js';
import type { SweepRow } from '../../experiment/sweep.js';
import { KPIS, type Estimate, type KpiName, type KpiUnit } from '../../metrics/kpis.js';
import { applies, hasNoQueue } from '../comparison.js';
import { perYear } from '../economics.js';
import { formatValue } from '../format.js';

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'] as const;
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-left', 'triangle-right'] as const;
const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2], [3, 6]] as const;

/** A chart, with the words that stand in for it. */
export interface Chart {
  id: string;
  title: string;
  /** One sentence saying what the chart shows (the SVG's aria-label, the figure's caption). */
  description: string;
  spec: TopLevelSpec;
  /** The plotted figures as a table (the text alternative): column names, then rows of text. */
  table: { columns: string[]; rows: string[][] };
}

/** A text note shown where a chart would be when there is nothing to plot. */
export interface ChartNote {
  id: string;
  title: string;
  note: string;
}

type Item = Chart | ChartNote;

export function isChart(item: Item): item is Chart {
  return 'spec' in item;
}

const WIDTH = 560;
const HEIGHT = 300;

export function base(chart: { title: string; description: string }): Pick<TopLevelSpec, '$schema' | 'title' | 'description' | 'config'> & {
  width: number;
  height: number;
} {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title,
    description: chart.description,
    width: WIDTH,
    height: HEIGHT,
    config: {
      font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      view: { stroke: null },
      axis: { labelFontSize: 12, titleFontSize: 12, gridColor: '#e6e6e6' },
      legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', columns: 3, labelLimit: 260 },
      title: { fontSize: 15, anchor: 'start' },
    },
  };
}

/**
 * The colour, shape and dash scales of the strategies `shown`, each taking
 * its place in `all` (every strategy of the run, in order): the same strategy
 * looks the same in every chart, and the legend lists only those drawn.
 */
export function strategyScales(all: readonly string[], shown: readonly string[] = all) {
  const pick = <T>(list: readonly T[]) => shown.map((name) => list[all.indexOf(name) % list.length]);
  return {
    color: { domain: [...shown], range: pick(OKABE_ITO) },
    shape: { domain: [...shown], range: pick(SHAPES) },
    strokeDash: { domain: [...shown], range: pick(DASHES).map((d) => [...d]) },
  };
}

function info(name: KpiName) {
  const k = KPIS.find((x) => x.name === name);
  if (!k) throw new Error(`internal error: no KPI ${name}`);
  return k;
}

export const lo = (e: Estimate) => e.ci95[0] ?? e.mean;
export const hi = (e: Estimate) => e.ci95[1] ?? e.mean;

export function intervalText(unit: KpiUnit, e: Estimate): string {
  const mean = formatValue(unit, e.mean);
  return e.ci95[0] === null || e.ci95[1] === null ? mean : `${mean} (${formatValue(unit, lo(e))} to ${formatValue(unit, hi(e))})`;
}

/** Vega-Lite axis format for a unit: shares as percentages, money with separators. */
export function axisFormat(unit: KpiUnit): string {
  switch (unit) {
    case 'share':
      return '.3~%';
    case 'money':
    case 'money_per_hour':
      return '$,.3~s';
    case 'count':
      // Thousands as 9k, not 9e+3.
      return ',.3~s';
    default:
      return ',.3~g';
  }
}

/** Total economic cost a year, split into employees, gig workers, AI and churn loss, per strategy. */
export function costSplit(report: RunReport): Chart {
  const parts = [
    ['cost_employees', 'Employees'],
    ['cost_gig', 'Gig workers'],
    ['cost_ai', 'AI'],
    ['cost_churn', 'Churn loss'],
  ] as const;
  const values = report.strategies.flatMap((s) =>
    parts.map(([kpi, part], order) => ({ strategy: s.name, part, order, cost: perYear(s.metrics[kpi], report.measured_days).mean })),
  );
  const title = 'Total economic cost a year, by part';
  const description = `Stacked bars, one per strategy: the year's cost of employees, gig workers and the AI, and the churn loss, which add up to the total economic cost a year.`;
  return {
    id: 'cost-split',
    title,
    description,
    spec: {
      ...base({ title, description }),
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'strategy', type: 'nominal', sort: report.strategies.map((s) => s.name), title: null },
        x: { field: 'cost', type: 'quantitative', stack: 'zero', title: 'Cost a year', axis: { format: axisFormat('money') } },
        color: {
          field: 'part',
          type: 'nominal',
          sort: parts.map(([, p]) => p),
          scale: { domain: parts.map(([, p]) => p), range: [OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[3]] },
          title: 'Part',
        },
        order: { field: 'order', type: 'quantitative' },
      },
    },
    table: {
      columns: ['Strategy', ...parts.map(([, p]) => p), 'Total'],
      rows: report.strategies.map((s) => {
        const year = (kpi: KpiName) => perYear(s.metrics[kpi], report.measured_days).mean;
        return [s.name, ...parts.map(([kpi]) => formatValue('money', year(kpi))), formatValue('money', year('cost_total'))];
      }),
    },
  };
}

/**
 * Total cost a year against a customer KPI, one point per strategy with
 * its 95% intervals as whiskers both ways; `target` draws the service
 * level target as a rule.
 */
export function costAgainst(report: RunReport, kpi: 'csat' | 'service_level'): Chart | ChartNote {
  const k = info(kpi);
  const shown = report.strategies.filter((s) => applies(k, s));
  const id = `cost-${kpi.replace('_', '-')}`;
  if (shown.length === 0) {
    return { id, title: `Total economic cost a year against ${k.label}`, note: 'No strategy run here offers contacts to humans, so none has a service level to plot.' };
  }
  const values = shown.map((s) => {
    const cost = perYear(s.metrics.cost_total, report.measured_days);
    const y = s.metrics[kpi];
    return { strategy: s.name, cost: cost.mean, cost_lo: lo(cost), cost_hi: hi(cost), y: y.mean, y_lo: lo(y), y_hi: hi(y) };
  });
  const scales = strategyScales(report.strategies.map((s) => s.name), shown.map((s) => s.name));
  const title = `Total economic cost a year against ${k.label.replace(' (1-5)', '')}`;
  const left = report.strategies.length - shown.length;
  const description =
    `One point per strategy${left > 0 ? ` with a human queue (${left} without one left out)` : ''}: total economic cost a year across, ` +
    `${kpi === 'csat' ? 'mean satisfaction (1 to 5)' : 'the share answered within the threshold'} up, ` +
    `whiskers the 95% confidence intervals; ${k.better === 'higher' ? 'up' : 'down'} and to the left is better.`;
  const x = { field: 'cost', type: 'quantitative' as const, title: 'Total economic cost a year', scale: { zero: false }, axis: { format: axisFormat('money') } };
  const y = { field: 'y', type: 'quantitative' as const, title: k.label, scale: { zero: false }, axis: { format: axisFormat(k.unit) } };
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'cost_lo' }, x2: { field: 'cost_hi' }, y, color: { field: 'strategy', type: 'nominal', scale: scales.color } } },
    { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, y: { ...y, field: 'y_lo' }, y2: { field: 'y_hi' }, color: { field: 'strategy', type: 'nominal', scale: scales.color } } },
    {
      mark: { type: 'point', filled: true, size: 110, opacity: 1 },
      encoding: {
        x,
        y,
        color: { field: 'strategy', type: 'nominal', scale: scales.color, title: 'Strategy' },
        shape: { field: 'strategy', type: 'nominal', scale: scales.shape, title: 'Strategy' },
      },
    },
    { mark: { type: 'text', align: 'left', dx: 8, dy: -8, fontSize: 11 }, encoding: { x, y, text: { field: 'strategy' } } },
  ];
  if (kpi === 'service_level') layers.push(serviceLevelTarget(report));
  return {
    id,
    title,
    description,
    spec: { ...base({ title, description }), data: { values }, layer: layers } as TopLevelSpec,
    table: {
      columns: ['Strategy', 'Total economic cost a year (95% interval)', `${k.label} (95% interval)`],
      rows: shown.map((s) => [s.name, intervalText('money', perYear(s.metrics.cost_total, report.measured_days)), intervalText(k.unit, s.metrics[kpi])]),
    },
  };
}

/** The service-level target as a dashed horizontal rule, for charts whose y axis is the service level. */
function serviceLevelTarget(report: RunReport) {
  return {
    data: { values: [{ target: report.service_level.target }] },
    mark: { type: 'rule' as const, strokeDash: [4, 4], color: '#555' },
    encoding: { y: { field: 'target', type: 'quantitative' as const } },
  };
}

/** Service level or mean wait hour of day by hour of day, a line and 95% band per strategy with a human queue. */
export function byHour(report: RunReport, kpi: 'service_level' | 'wait_mean'): Chart | ChartNote {
  const id = kpi === 'service_level' ? 'service-level-by-hour' : 'wait-by-hour';
  const label = kpi === 'service_level' ? 'Service level' : 'Mean wait (minutes)';
  const title = `${label} by hour of day`;
  const shown = report.strategies.filter((s): s is StrategyResult & Required<Pick<StrategyResult, 'by_hour'>> => s.by_hour !== undefined && !hasNoQueue(s));
  if (shown.length === 0) return { id, title, note: 'No strategy run here offers contacts to humans, so there is no queue to follow through the day.' };
  // An hour with nothing offered (outside the measured window, or a queue empty at night) has no service level or wait to draw.
  const values = shown.flatMap((s) =>
    s.by_hour.filter((h) => h.offered.mean > 0).map((h) => ({ strategy: s.name, hour: h.hour, y: h[kpi].mean, y_lo: lo(h[kpi]), y_hi: hi(h[kpi]) })),
  );
  const scales = strategyScales(report.strategies.map((s) => s.name), shown.map((s) => s.name));
  const unit: KpiUnit = kpi === 'service_level' ? 'share' : 'minutes';
  const description =
    `One line per strategy with a human queue: ${kpi === 'service_level' ? 'the share of contacts answered within the threshold' : 'the mean minutes in queue'} ` +
    `of the contacts offered to humans in each hour of the day (0 is midnight to 1 am), the shaded band its 95% confidence interval` +
    `${kpi === 'service_level' ? '; the dashed line is the target' : ''}.`;
  const x = { field: 'hour', type: 'quantitative' as const, title: 'Hour of day', scale: { domain: [0, 23] }, axis: { tickCount: 12, format: 'd' } };
  const y = { field: 'y', type: 'quantitative' as const, title: label, axis: { format: axisFormat(unit) } };
  const color = { field: 'strategy', type: 'nominal' as const, scale: scales.color, title: 'Strategy' };
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    // The line first: the legend takes its symbols from it; the band goes over it, light enough to see through.
    { mark: { type: 'line', strokeWidth: 2, point: true }, encoding: { x, y, color, strokeDash: { field: 'strategy', type: 'nominal', scale: scales.strokeDash, title: 'Strategy' } } },
    { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { ...y, field: 'y_lo' }, y2: { field: 'y_hi' }, color } },
  ];
  if (kpi === 'service_level') layers.push(serviceLevelTarget(report));
  return {
    id,
    title,
    description,
    spec: { ...base({ title, description }), data: { values }, layer: layers } as TopLevelSpec,
    table: {
      columns: ['Hour', ...shown.map((s) => s.name)],
      rows: Array.from({ length: 24 }, (_, hour) => [
        `${String(hour).padStart(2, '0')}:00`,
        ...shown.map((s) => (s.by_hour[hour].offered.mean > 0 ? intervalText(unit, s.by_hour[hour][kpi]) : 'nothing offered')),
      ]),
    },
  };
}

/** What gig workers earn per paid hour and per busy hour, per strategy with gig hours, with 95% whiskers. */
export function gigEarnings(report: RunReport): Chart | ChartNote {
  const id = 'gig-earnings';
  const title = 'On-demand workers: earnings per hour';
  const shown = report.strategies.filter((s) => s.metrics.gig_hours.mean > 0);
  if (shown.length === 0) return { id, title, note: 'No strategy run here calls on-demand (gig) workers, so there are no gig earnings to show.' };
  const measures = [
    ['gig_earnings_per_hour', 'per paid hour'],
    ['gig_earnings_per_busy_hour', 'per busy hour'],
  ] as const;
  const values = shown.flatMap((s) =>
    measures.map(([kpi, per]) => ({ strategy: s.name, per, y: s.metrics[kpi].mean, y_lo: lo(s.metrics[kpi]), y_hi: hi(s.metrics[kpi]) })),
  );
  const description =
    'Bars per strategy that calls gig workers: their earnings per hour logged in and paid, and per hour actually spent on contacts, ' +
    'whiskers the 95% confidence intervals.';
  const x = { field: 'strategy', type: 'nominal' as const, title: null, sort: shown.map((s) => s.name), axis: { labelAngle: 0 } };
  const xOffset = { field: 'per', type: 'nominal' as const, sort: measures.map(([, p]) => p) };
  const y = { field: 'y', type: 'quantitative' as const, title: 'Earnings per hour', axis: { format: '$,.2~f' } };
  return {
    id,
    title,
    description,
    spec: {
      ...base({ title, description }),
      data: { values },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: { x, xOffset, y, color: { field: 'per', type: 'nominal', sort: measures.map(([, p]) => p), scale: { range: [OKABE_ITO[0], OKABE_ITO[1]] }, title: 'Earnings' } },
        },
        { mark: { type: 'rule', strokeWidth: 1.5, color: '#222' }, encoding: { x, xOffset, y: { ...y, field: 'y_lo' }, y2: { field: 'y_hi' } } },
      ],
    } as TopLevelSpec,
    table: {
      columns: ['Strategy', 'Earnings per paid hour (95% interval)', 'Earnings per busy hour (95% interval)', 'Income volatility (CV)'],
      rows: shown.map((s) => [
        s.name,
        intervalText('money_per_hour', s.metrics.gig_earnings_per_hour),
        intervalText('money_per_hour', s.metrics.gig_earnings_per_busy_hour),
        formatValue('ratio', s.metrics.gig_earnings_cv.mean),
      ]),
    },
  };
}

/** Every chart of a run's report, in reading order. */
export function runCharts(report: RunReport): Item[] {
  return [
    costSplit(report),
    costAgainst(report, 'csat'),
    costAgainst(report, 'service_level'),
    byHour(report, 'service_level'),
    byHour(report, 'wait_mean'),
    gigEarnings(report),
  ];
}

// ---------------------------------------------------------------------------
// Sweeps.

/** What a sweep chart needs to know about the sweep. */
export interface SweepShape {
  keys: readonly string[];
  strategies: readonly string[];
  /** cross: a grid of every combination; zip: the keys move together (charted against the first). */
  combine: 'cross' | 'zip';
}

function valueText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Each KPI against the varied value (one key, or keys zipped): a line and 95% band per strategy. */
function sweepLine(rows: readonly SweepRow[], shape: SweepShape, kpi: KpiName): Chart {
  const k = info(kpi);
  const key = shape.keys[0];
  const numeric = rows.every((r) => typeof r.values[key] === 'number');
  const values = rows.map((r) => {
    const e = r.metrics[kpi];
    return { strategy: r.strategy, x: numeric ? r.values[key] : valueText(r.values[key]), y: e.mean, y_lo: lo(e), y_hi: hi(e) };
  });
  const scales = strategyScales(shape.strategies);
  const varied = shape.keys.length > 1 ? `${key} (with ${shape.keys.slice(1).join(', ')} moving with it)` : key;
  const title = `${k.label} against ${key}`;
  const description = `One line per strategy: ${k.label} at each value of ${varied}, the shaded band its 95% confidence interval.`;
  const x = { field: 'x', type: numeric ? ('quantitative' as const) : ('ordinal' as const), title: key, ...(numeric ? { scale: { zero: false } } : {}) };
  const y = { field: 'y', type: 'quantitative' as const, title: k.label, scale: { zero: false }, axis: { format: axisFormat(k.unit) } };
  const color = { field: 'strategy', type: 'nominal' as const, scale: scales.color, title: 'Strategy' };
  return {
    id: `sweep-${kpi}`,
    title,
    description,
    spec: {
      ...base({ title, description }),
      data: { values },
      layer: [
        // The line first: the legend takes its symbols from it; the band goes over it, light enough to see through.
        { mark: { type: 'line', strokeWidth: 2, point: true }, encoding: { x, y, color, strokeDash: { field: 'strategy', type: 'nominal', scale: scales.strokeDash, title: 'Strategy' } } },
        { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { ...y, field: 'y_lo' }, y2: { field: 'y_hi' }, color } },
      ],
    } as TopLevelSpec,
    table: {
      columns: [shape.keys.join(', '), ...shape.strategies],
      rows: uniquePoints(rows).map((point) => [
        shape.keys.map((kk) => valueText(point[0].values[kk])).join(', '),
        ...shape.strategies.map((name) => {
          const r = point.find((x2) => x2.strategy === name);
          return r ? intervalText(k.unit, r.metrics[kpi]) : '';
        }),
      ]),
    },
  };
}

/** The rows grouped by point, in point order. */
function uniquePoints(rows: readonly SweepRow[]): SweepRow[][] {
  const byPoint = new Map<number, SweepRow[]>();
  for (const r of rows) byPoint.set(r.point, [...(byPoint.get(r.point) ?? []), r]);
  return [...byPoint.keys()].sort((a, b) => a - b).map((p) => byPoint.get(p)!);
}

/** A KPI over a grid of two keys: one heat map per strategy (viridis), each cell labelled with its mean. */
function sweepHeatMap(rows: readonly SweepRow[], shape: SweepShape, kpi: KpiName, strategy: string): Chart {
  const k = info(kpi);
  const [kx, ky] = shape.keys;
  const mine = rows.filter((r) => r.strategy === strategy);
  const values = mine.map((r) => ({ x: valueText(r.values[kx]), y: valueText(r.values[ky]), v: r.metrics[kpi].mean, label: formatValue(k.unit, r.metrics[kpi].mean) }));
  const order = (key: string) => {
    const seen: unknown[] = [];
    for (const r of mine) if (!seen.some((v) => valueText(v) === valueText(r.values[key]))) seen.push(r.values[key]);
    return seen.every((v) => typeof v === 'number') ? (seen as number[]).sort((a, b) => a - b).map(valueText) : seen.map(valueText);
  };
  const title = `${k.label}, ${strategy}: ${kx} against ${ky}`;
  const description = `Heat map for strategy ${strategy}: ${k.label} at each combination of ${kx} (across) and ${ky} (up), darker lower, each cell labelled with its mean; intervals are in the table.`;
  const cols = order(kx);
  const rowsY = order(ky);
  return {
    id: `sweep-${kpi}-${strategy}`.replace(/[^A-Za-z0-9_-]/g, '-'),
    title,
    description,
    spec: {
      ...base({ title, description }),
      width: Math.min(WIDTH, 80 * cols.length),
      height: Math.min(HEIGHT, 40 * rowsY.length),
      data: { values },
      encoding: {
        x: { field: 'x', type: 'ordinal', sort: cols, title: kx, axis: { labelAngle: 0 } },
        y: { field: 'y', type: 'ordinal', sort: [...rowsY].reverse(), title: ky },
      },
      layer: [
        { mark: { type: 'rect' }, encoding: { color: { field: 'v', type: 'quantitative', scale: { scheme: 'viridis' }, title: k.label, legend: { format: axisFormat(k.unit), direction: 'vertical', orient: 'right' } } } },
        {
          mark: { type: 'text', fontSize: 11 },
          encoding: {
            text: { field: 'label' },
            // Light text on the dark end of viridis, dark on the light end.
            color: { condition: { test: `datum.v < ${midpoint(values.map((v) => v.v))}`, value: 'white' }, value: 'black' },
          },
        },
      ],
    } as TopLevelSpec,
    table: {
      columns: [kx, ky, `${k.label} (95% interval)`],
      rows: mine.map((r) => [valueText(r.values[kx]), valueText(r.values[ky]), intervalText(k.unit, r.metrics[kpi])]),
    },
  };
}

function midpoint(values: readonly number[]): number {
  return (Math.min(...values) + Math.max(...values)) / 2;
}

/** The KPIs a sweep's charts show without --kpi: cost, the target measure, satisfaction and waits. */
export const SWEEP_CHART_KPIS: readonly KpiName[] = ['cost_total', 'service_level', 'csat', 'wait_mean'];

/** Every chart of a sweep's report: a line per KPI for one key (or zipped keys), heat maps for a grid of two. */
export function sweepCharts(rows: readonly SweepRow[], shape: SweepShape, kpis: readonly KpiName[]): Item[] {
  if (shape.combine === 'cross' && shape.keys.length > 2) {
    return [{ id: 'sweep-charts', title: 'Charts', note: `A grid of ${shape.keys.length} keys has no chart here (one key gives lines, two a heat map); the table below has every point.` }];
  }
  if (shape.combine === 'cross' && shape.keys.length === 2) {
    return kpis.flatMap((kpi) => shape.strategies.map((s) => sweepHeatMap(rows, shape, kpi, s)));
  }
  return kpis.map((kpi) => sweepLine(rows, shape, kpi));
}
