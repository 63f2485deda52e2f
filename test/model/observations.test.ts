// Observations: the running counts a replication keeps, and the KPIs derived
// from them, on counts small enough to work out by hand.

import { describe, expect, it } from 'vitest';
import { Observations, type MeasuredTime } from '../../src/model/observations.js';
import { UTILIZATION_ROUNDING, utilization } from '../../src/model/ratios.js';
import { isPriceKey, priceGroups, priceKpis, type Prices } from '../../src/model/pricing.js';

const time: MeasuredTime = {
  measuredDays: 2,
  aiUsed: 1,
  assistUsed: 0,
  groupPaidHours: [10],
  groupStaffedMinutes: [480],
  groupBusyMinutes: [360],
  groupHeldMinutes: [360],
  groupSlotMinutes: [480],
  gigPaidHours: 4,
  gigBusyHours: 2,
  gigHeldMinutes: 120,
  gigSlotMinutes: 240,
  gigPaidUnits: 4, // hourly pay: 4 hours paid
  gigCalls: 5,
  gigDeclines: 2,
  gigPayCv: 0.3,
};
const prices: Prices = {
  groupHourlyCost: [30],
  aiCostPerConversation: 0.5,
  aiCostPerResolution: 0,
  aiAssistCostPerContact: 0,
  aiPlatformCostPerDay: 100,
  lifetimeValue: 1000,
  gigRate: 30,
  transitionCost: 7,
};
const costs = { time, prices };

// Four contacts offered to humans (answer_within 1 minute): answered after
// 0, 0.5 and 3 minutes (the last by a gig worker, handed off by the AI),
// one abandoned after 2 (also handed off).
// Six contacts in all, two with the AI: one contained, one escalated.
function observations(): Observations {
  const o = new Observations(1, 0, 1440);
  o.contacts = 6;
  o.episodes = 5;
  o.aiConversations = 2;
  o.aiContained = 1;
  o.aiEscalated = 1;
  o.offered = 4;
  o.answer(0, false, false, 0);
  o.answer(0.5, false, false, 0);
  o.answer(3, true, true, 0);
  o.abandon(2, true, 0);
  o.endEpisode(true, 5, 0.1);
  o.endEpisode(true, 4, 0.2);
  o.endEpisode(false, 1, 0.5);
  return o;
}

/** The KPIs of observations() at `costs`. */
function observed(): { kpis: (c: typeof costs) => ReturnType<typeof priceKpis> } {
  const o = observations();
  return { kpis: (c) => priceKpis(o.physical(c.time), c.prices) };
}

describe('Observations', () => {

  it('queue KPIs: answered and abandoned waits, within-target answers', () => {
    const k = observed().kpis(costs);
    expect(k.abandon_rate).toBe(1 / 4);
    expect(k.p_wait).toBe(3 / 4); // 0.5, 3 and the abandonment waited
    expect(k.wait_mean).toBe((0 + 0.5 + 3 + 2) / 4);
    expect(k.asa).toBe((0 + 0.5 + 3) / 3);
    expect(k.service_level).toBe(2 / 4);
    expect(k.employee_share).toBe(2 / 3);
    expect(k.gig_share).toBe(1 / 3);
    expect(k.handoff_wait_mean).toBe((3 + 2) / 2);
    expect(k.direct_wait_mean).toBe((0 + 0.5) / 2);
  });

  it('episode KPIs over ended episodes', () => {
    const k = observed().kpis(costs);
    expect(k.resolved_rate).toBe(2 / 3);
    expect(k.csat).toBe(10 / 3);
    expect(k.churn_rate).toBeCloseTo(0.8 / 3, 12);
    expect(k.ai_containment).toBe(1 / 6);
    expect(k.escalation_rate).toBe(1 / 2);
  });

  it('costs: employees + AI + gig; churn loss apart; transition apart from the total', () => {
    const k = observed().kpis(costs);
    const operating = 10 * 30 + (2 * 0.5 + 100 * 2) + 120;
    expect(k.cost_operating).toBe(operating);
    expect(k.cost_churn).toBeCloseTo(0.8 * 1000, 9);
    expect(k.cost_total).toBeCloseTo(operating + 800, 9);
    expect(k.cost_per_contact).toBe(operating / 6);
    expect(k.cost_per_resolution).toBe(operating / 2);
    expect(k.cost_transition).toBe(7);
    expect(k.utilization).toBe(360 / 480);
    expect(k.gig_earnings_per_hour).toBe(30);
    expect(k.gig_earnings_per_busy_hour).toBe(60);
    expect(k.gig_decline_rate).toBe(2 / 5);
  });

  it('a KPI whose denominator is 0 is 0', () => {
    const empty = { ...time, groupStaffedMinutes: [0], gigPaidHours: 0, gigBusyHours: 0, gigCalls: 0 };
    const k = priceKpis(new Observations(1, 0, 1440).physical(empty), prices);
    for (const name of ['resolved_rate', 'abandon_rate', 'wait_mean', 'asa', 'csat', 'cost_per_contact', 'utilization', 'gig_earnings_per_hour', 'gig_decline_rate'] as const) {
      expect(k[name], name).toBe(0);
    }
  });
});

describe('pricing after simulation', () => {
  it('a price changes only money KPIs: the physical ones are the same numbers', () => {
    const o = observations();
    const q = o.physical(time);
    const a = priceKpis(q, prices);
    const b = priceKpis(q, { ...prices, aiCostPerConversation: 2, gigRate: 45, lifetimeValue: 10 });
    expect(b.cost_operating - a.cost_operating).toBeCloseTo(2 * (2 - 0.5) + 4 * (45 - 30), 9);
    expect(b.cost_churn).toBeCloseTo(0.8 * 10, 9);
    for (const name of ['service_level', 'wait_mean', 'csat', 'gig_hours', 'utilization', 'gig_earnings_cv'] as const) expect(b[name], name).toBe(a[name]);
    expect(b.gig_earnings_per_hour).toBe(45);
  });

  it('a strategy that never routes to the AI pays no platform cost', () => {
    const q = observations().physical({ ...time, aiUsed: 0 });
    expect(priceKpis(q, prices).cost_operating).toBe(10 * 30 + 2 * 0.5 + 4 * 30);
  });

  it('gig workers paid a rate of 0 have no income volatility; paid anything, the pool measured it', () => {
    expect(priceKpis(observations().physical(time), { ...prices, gigRate: 0 }).gig_earnings_cv).toBe(0);
    expect(priceKpis(observations().physical(time), prices).gig_earnings_cv).toBe(0.3);
  });

  it('names price keys at the top level and in strategy patches, and nothing physical', () => {
    expect(isPriceKey('ai.cost_per_conversation')).toBe(true);
    expect(isPriceKey('strategies.hybrid.staff.gig.pay.hourly_rate')).toBe(true);
    expect(isPriceKey('staff.gig.pay.min_block')).toBe(false); // shapes logging off
    expect(isPriceKey('staff.gig.pay.mode')).toBe(false);
    expect(isPriceKey('staff.gig.pay.rate')).toBe(true); // per ticket
    expect(isPriceKey('staff.employees.headcount')).toBe(false);
    expect(isPriceKey('strategies.cost_per_conversation')).toBe(false);
    expect(isPriceKey('staff.groups.specialists.hourly_cost')).toBe(true);
    expect(isPriceKey('strategies.hybrid.staff.groups.specialists.hourly_cost')).toBe(true);
    expect(isPriceKey('staff.groups.specialists.headcount')).toBe(false);
  });

  it('time_in_service is the mean minutes from answer to end of the contacts whose service ended', () => {
    const o = new Observations(1, 0, 1440, 1);
    o.serviceEnded(4);
    o.serviceEnded(7);
    expect(priceKpis(o.physical(time), prices).time_in_service).toBe(5.5);
    // None ended: the KPI does not apply and is 0.
    expect(priceKpis(new Observations(1, 0, 1440, 1).physical(time), prices).time_in_service).toBe(0);
  });

  it("prices each group's paid hours at its own hourly cost: cost_employees is their sum", () => {
    // Two groups: 10 paid hours at 30 and 4 at 50; 480 and 240 minutes on shift, 360 and 60 busy.
    const o = new Observations(1, 0, 1440, 3);
    o.answer(0, false, false, 0);
    o.answer(0, false, false, 0);
    o.answer(0, true, false, 0);
    o.answeredByPool.set([1, 1, 1]);
    // The second group holds up to 3 chats: 240 minutes present are 720 slot-minutes, 150 of them held.
    const q = o.physical({ ...time, groupPaidHours: [10, 4], groupStaffedMinutes: [480, 240], groupBusyMinutes: [360, 60], groupHeldMinutes: [360, 150], groupSlotMinutes: [480, 720] });
    const p = { ...prices, groupHourlyCost: [30, 50] };
    const k = priceKpis(q, p);
    expect(k.cost_employees).toBe(10 * 30 + 4 * 50);
    expect(k.utilization).toBe((360 + 60) / (480 + 240));
    expect(k.slot_occupancy).toBe((360 + 150) / (480 + 720));
    expect(priceGroups(q, p)).toEqual([
      { utilization: 360 / 480, slot_occupancy: 360 / 480, employee_share: 1 / 3, cost_operating: 300 },
      { utilization: 60 / 240, slot_occupancy: 150 / 720, employee_share: 1 / 3, cost_operating: 200 },
    ]);
  });
});

describe('utilization', () => {
  it('is busy over staffed time', () => {
    expect(utilization(30, 120)).toBe(0.25);
    expect(utilization(120, 120)).toBe(1);
  });

  it('clamps only rounding: a ratio within UTILIZATION_ROUNDING of 1 is 1', () => {
    expect(utilization(120 * (1 + UTILIZATION_ROUNDING / 2), 120)).toBe(1);
  });

  it('refuses busy time beyond staffed time: a bookkeeping bug, not a KPI', () => {
    expect(() => utilization(121, 120)).toThrow(/busy time exceeds staffed time/);
    expect(() => utilization(120 * (1 + 2 * UTILIZATION_ROUNDING), 120)).toThrow();
  });
});
