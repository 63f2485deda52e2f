// The KPI catalogue (src/metrics/kpis.ts) against its documented contract:
// docs/model.md's KPI table gives the names in order, its paragraph on
// intervals the ranges, its by_type and by_group lists the per-type and
// per-group KPIs. Each KPI's unit, group, better direction and flags are
// checked against what its meaning in that table makes it (a share, a time,
// money; lower or higher is better; meaningless without a human queue or
// without paid gig hours), written out here by kind rather than read from
// the catalogue.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BY_GROUP_KPIS, BY_TYPE_KPIS, KPI_NAMES, KPIS, UNIT_RANGES, kpiRange, type KpiInfo } from '../../src/metrics/kpis.js';

const MODEL_MD = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');

/** The first column of the markdown table whose header row starts with `header`. */
function tableNames(header: string): string[] {
  const lines = MODEL_MD.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  expect(start).toBeGreaterThan(-1);
  const names: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) names.push(/^\| `([a-z0-9_]+)` \|/.exec(lines[i])![1]);
  return names;
}

const byName = new Map<string, KpiInfo>(KPIS.map((k) => [k.name, k]));
const info = (name: string) => byName.get(name)!;

// By meaning (docs/model.md's table).
const COUNTS = ['contacts', 'episodes', 'offered_to_humans'];
const SHARES = [
  'resolved_rate', 'ai_containment', 'escalation_rate', 'ai_abandon_rate', 'abandon_rate', 'p_wait', 'service_level', 'churn_rate',
  'utilization', 'slot_occupancy', 'employee_share', 'gig_share', 'gig_decline_rate', 'gig_slot_occupancy',
];
const MINUTES = [
  'resolution_time', 'resolution_time_p90', 'resolution_time_ai', 'resolution_time_human', 'resolution_time_p90_ai', 'resolution_time_p90_human', 'ai_wait_mean', 'wait_mean', 'asa',
  'time_in_service', 'handoff_wait_mean', 'direct_wait_mean', 'wait_p90',
];
const MONEY = [
  'cost_operating', 'cost_employees', 'cost_gig', 'cost_ai', 'cost_churn', 'cost_total', 'cost_per_contact', 'cost_per_resolution', 'cost_transition',
];
const HOURS = ['gig_hours', 'gig_busy_hours'];
const PAY_RATES = ['gig_earnings_per_hour', 'gig_earnings_per_busy_hour'];
/** Figures of the people who answer, not of the customers or the bill. */
const WORKERS = ['utilization', 'slot_occupancy', 'employee_share', 'gig_share', ...HOURS, ...PAY_RATES, 'gig_decline_rate', 'gig_earnings_cv', 'gig_slot_occupancy'];
/** Figures over contacts offered to or answered by humans: meaningless when nothing is offered to humans. */
const QUEUE = [
  'resolution_time_human', 'resolution_time_p90_human', 'abandon_rate', 'p_wait', 'wait_mean', 'asa', 'time_in_service', 'handoff_wait_mean', 'direct_wait_mean',
  'wait_p90', 'service_level', 'employee_share', 'gig_share',
];
/** Figures over gig pay, hours or calls: meaningless without paid gig hours. */
const GIG = ['gig_earnings_per_hour', 'gig_earnings_per_busy_hour', 'gig_decline_rate', 'gig_earnings_cv', 'gig_slot_occupancy'];
/** Better when higher: resolution, satisfaction, answering on time, what gig work pays. */
const HIGHER = ['resolved_rate', 'service_level', 'csat', ...PAY_RATES];
/**
 * Neither direction better: counts, the AI's mix of outcomes and the staff's
 * shares and hours (a choice of strategy, not a quality), and the times by
 * resolver (a strategy without that resolver shows 0, which must not look best).
 */
const NEITHER = [
  ...COUNTS, 'ai_containment', 'escalation_rate', 'ai_abandon_rate', 'resolution_time_ai', 'resolution_time_human',
  'resolution_time_p90_ai', 'resolution_time_p90_human',
  'utilization', 'slot_occupancy', 'employee_share', 'gig_share', ...HOURS, 'gig_decline_rate', 'gig_slot_occupancy',
];

describe('the KPI catalogue', () => {
  it("has docs/model.md's KPIs, in its order, once each", () => {
    expect(KPIS.map((k) => k.name)).toEqual(tableNames('| KPI | meaning |'));
    expect(KPI_NAMES).toEqual(KPIS.map((k) => k.name));
    expect(new Set(KPI_NAMES).size).toBe(KPI_NAMES.length);
  });

  it('gives every KPI a label and a description, no two labels alike', () => {
    for (const k of KPIS) {
      expect(k.label.trim().length, k.name).toBeGreaterThan(2);
      expect(k.description.trim().length, k.name).toBeGreaterThan(10);
    }
    expect(new Set(KPIS.map((k) => k.label)).size).toBe(KPIS.length);
  });

  it("gives each KPI the unit of what it measures", () => {
    const unitOf = (name: string) =>
      COUNTS.includes(name) ? 'count'
      : SHARES.includes(name) ? 'share'
      : MINUTES.includes(name) ? 'minutes'
      : MONEY.includes(name) ? 'money'
      : HOURS.includes(name) ? 'hours'
      : PAY_RATES.includes(name) ? 'money_per_hour'
      : name === 'csat' ? 'score'
      : name === 'gig_earnings_cv' ? 'ratio'
      : 'unclassified';
    for (const k of KPIS) expect(k.unit, k.name).toBe(unitOf(k.name));
  });

  it('puts each KPI in its group: the bill, the people who answer, or the customers', () => {
    for (const k of KPIS) expect(k.group, k.name).toBe(MONEY.includes(k.name) ? 'cost' : WORKERS.includes(k.name) ? 'workers' : 'customers');
  });

  it('says which direction is better: higher for outcomes and pay, none for counts and mixes, lower for the rest', () => {
    for (const k of KPIS) expect(k.better, k.name).toBe(HIGHER.includes(k.name) ? 'higher' : NEITHER.includes(k.name) ? null : 'lower');
  });

  it('flags the KPIs of the human queue, those of gig pay and those of the episodes the AI resolved', () => {
    for (const k of KPIS as readonly KpiInfo[]) {
      expect(k.queue, k.name).toBe(QUEUE.includes(k.name));
      expect(k.gig === true, k.name).toBe(GIG.includes(k.name));
      expect(k.ai === true, k.name).toBe(['resolution_time_ai', 'resolution_time_p90_ai'].includes(k.name));
    }
  });
});

describe('the ranges of the units (docs/model.md: counts, times, hours, money and the CV never below 0; shares in [0, 1]; csat in [1, 5])', () => {
  it('each unit', () => {
    expect(UNIT_RANGES).toEqual({
      count: [0, Infinity],
      share: [0, 1],
      minutes: [0, Infinity],
      score: [1, 5],
      ratio: [0, Infinity],
      money: [0, Infinity],
      hours: [0, Infinity],
      money_per_hour: [0, Infinity],
    });
  });

  it("a KPI's range is its own when it names one, else its unit's", () => {
    expect(kpiRange(info('csat'))).toEqual([1, 5]);
    expect(kpiRange(info('abandon_rate'))).toEqual([0, 1]);
    expect(kpiRange(info('cost_total'))).toEqual([0, Infinity]);
    const own: KpiInfo = { ...info('contacts'), range: [2, 7] };
    expect(kpiRange(own)).toEqual([2, 7]);
  });
});

describe('the per-type and per-group KPIs', () => {
  /** The KPI names listed in the paragraph of docs/model.md that introduces `by_type` and `by_group`. */
  const paragraph = MODEL_MD.slice(MODEL_MD.indexOf('**KPIs by type and by group.**'));
  const between = (from: string, to: string) => paragraph.slice(paragraph.indexOf(from) + from.length, paragraph.indexOf(to));

  it("by_type: docs/model.md's list, in order", () => {
    const names = between('(per\nticket type:', ', each measured').split(',').map((n) => n.trim());
    expect([...BY_TYPE_KPIS]).toEqual(names);
  });

  it("by_group: utilisation, slot occupancy, the share answered and the payroll (docs/model.md)", () => {
    const names = [...between('(per employee group:', 'The gig pool').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect([...BY_GROUP_KPIS]).toEqual(names);
  });
});
