// by_type and by_group (docs/model.md, "KPIs by type and by group") on a
// centre whose outcomes are certain, so each type's and each group's
// figures are known without the simulator: an AI that resolves every FAQ
// (in a second), a sensitive type sent straight to a fraud desk, an AI that
// fails every billing contact and hands it to the general desk at once,
// every agent resolving at the first contact with nobody waiting. Only
// which type each contact is comes from the draws; it is replayed here from
// the same stream.

import { beforeEach, describe, expect, it } from 'vitest';
import { RandomStream, cumulativeWeights } from '../../src/engine/random.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { firstArrivals, strategyOf } from './build.js';

const CSAT = { resolved_by_human: 4.4, resolved_by_ai: 3.9, unresolved: 2, per_wait_minute: 0.1, per_extra_contact: 0.3, ai_failed_sensitive: 0.7 };
const CHURN = { base: 0.02, unresolved: 0.2, per_extra_contact: 0.05, per_wait_minute: 0.01, ai_failed_sensitive: 0.1 };
const SHARES = [0.5, 0.2, 0.3];
const FAQ = 0;
const FRAUD = 1;
const BILLING = 2;

// Built inside each test (as is the run): a mutation run (docs/testing.md,
// "Mutation score") sees only what runs inside tests.
const scenario = () =>
  strategyOf(
    {
      seed: 5,
      horizon: 600,
      service_level: { answer_within: '20s', target: 0.8 },
      demand: { contacts_per_day: 1440 },
      ticket_types: [
        { name: 'faq', ai_handle_time: '1s', share: SHARES[FAQ], handle_time: '1m', ai_resolution: 1, fcr: 1 },
        { name: 'fraud', ai_handle_time: '1s', share: SHARES[FRAUD], handle_time: '1m', ai_resolution: 0, sensitive: true, fcr: 1 },
        { name: 'billing', ai_handle_time: '1s', share: SHARES[BILLING], handle_time: '1m', ai_resolution: 0, fcr: 1 },
      ],
      customers: { csat: CSAT, churn: CHURN },
      ai: { handoff: 0 },
      staff: {
        groups: [
          { name: 'fraud-desk', headcount: 12, hourly_cost: 40, skills: ['fraud'] },
          { name: 'general', headcount: 12, hourly_cost: 30, skills: ['faq', 'billing'] },
        ],
      },
    },
    { routing: 'ai-first', sensitive_to_human: true },
  );
let s: ReturnType<typeof scenario>;
let run: ReturnType<typeof simulateReplication>;
beforeEach(() => {
  s = scenario();
  run = simulateReplication(s, 0);
});

/** How many first contacts of each type arrive: the type drawn per arrival from the centre's own stream. */
function typeCounts(): number[] {
  const rng = new RandomStream(s.seed, 0, 'ticket_type');
  const mix = cumulativeWeights(SHARES);
  const counts = [0, 0, 0];
  for (const _ of firstArrivals(s)) counts[rng.pick(mix)]++;
  return counts;
}

describe('by_type on a centre with certain outcomes', () => {
  let counts: number[];
  beforeEach(() => {
    counts = typeCounts();
  });

  it('counts each contact and episode under its own type, one contact per episode', () => {
    // The seed gives every type enough contacts, and none arrives in the
    // horizon's last second: every AI conversation has ended by then.
    expect(counts.every((n) => n > 50)).toBe(true);
    expect(run.census.inAi).toBe(0);
    expect(run.byType.map((t) => t.contacts)).toEqual(counts);
    expect(run.byType.map((t) => t.episodes)).toEqual(counts);
    expect(run.kpis.contacts).toBe(counts[0] + counts[1] + counts[2]);
  });

  it('the AI contains every FAQ and nothing else; it hands every billing contact on; fraud never meets it', () => {
    expect(run.byType.map((t) => t.ai_containment)).toEqual([1, 0, 0]);
    expect(run.byType.map((t) => t.escalation_rate)).toEqual([0, 0, 1]);
    expect(run.byType.map((t) => t.offered_to_humans)).toEqual([0, counts[FRAUD], counts[BILLING]]);
    expect(run.kpis.ai_containment).toBe(counts[FAQ] / run.kpis.contacts);
  });

  it('nobody waits for a person: answered at once, on time, none abandons', () => {
    for (const type of [FRAUD, BILLING]) {
      const t = run.byType[type];
      expect([t.p_wait, t.wait_mean, t.asa, t.abandon_rate, t.service_level], `type ${type}`).toEqual([0, 0, 0, 0, 1]);
    }
  });

  it("each type's satisfaction and churn are its outcome's: the AI's score for FAQs, a person's for the rest; the base churn", () => {
    expect(run.byType.map((t) => t.resolved_rate)).toEqual([1, 1, 1]);
    expect(run.byType[FAQ].csat).toBeCloseTo(CSAT.resolved_by_ai, 12);
    expect(run.byType[FRAUD].csat).toBeCloseTo(CSAT.resolved_by_human, 12);
    expect(run.byType[BILLING].csat).toBeCloseTo(CSAT.resolved_by_human, 12);
    for (const t of run.byType) expect(t.churn_rate).toBeCloseTo(CHURN.base, 12);
  });
});

describe('by_group on a centre with certain outcomes', () => {
  it("each group answers its own types' contacts, and costs its headcount's hours at its own rate", () => {
    const answered = run.byType[FRAUD].offered_to_humans + run.byType[BILLING].offered_to_humans;
    expect(run.byGroup[0].employee_share).toBe(run.byType[FRAUD].offered_to_humans / answered);
    expect(run.byGroup[1].employee_share).toBe(run.byType[BILLING].offered_to_humans / answered);
    expect(run.byGroup[0].cost_operating).toBeCloseTo(12 * 10 * 40, 9);
    expect(run.byGroup[1].cost_operating).toBeCloseTo(12 * 10 * 30, 9);
    expect(run.kpis.cost_employees).toBeCloseTo(12 * 10 * (40 + 30), 9);
  });
});
