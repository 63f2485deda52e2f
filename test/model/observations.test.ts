// Observations: the running counts a replication keeps, and the KPIs derived
// from them, on counts small enough to work out by hand.

import { describe, expect, it } from 'vitest';
import { Observations, UTILIZATION_ROUNDING, utilization, type CostInputs } from '../../src/model/observations.js';

const costs: CostInputs = {
  employeePaidHours: 10,
  employeeHourlyCost: 30,
  aiCostPerConversation: 0.5,
  aiPlatformCostPerDay: 100,
  measuredDays: 2,
  lifetimeValue: 1000,
  employeeStaffedMinutes: 480,
  employeeBusyMinutes: 360,
  gigPaidHours: 4,
  gigBusyHours: 2,
  gigEarnings: 120,
  gigCalls: 5,
  gigDeclines: 2,
  gigEarningsCv: 0.3,
  transitionCost: 7,
};

describe('Observations', () => {
  // Four contacts offered to humans (answer_within 1 minute): answered after
  // 0, 0.5 and 3 minutes (the last by a gig worker, handed off by the AI),
  // one abandoned after 2 (also handed off).
  // Six contacts in all, two with the AI: one contained, one escalated.
  function observed(): Observations {
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
    const k = new Observations(1, 0, 1440).kpis({ ...costs, employeeStaffedMinutes: 0, gigPaidHours: 0, gigBusyHours: 0, gigCalls: 0 });
    for (const name of ['resolved_rate', 'abandon_rate', 'wait_mean', 'asa', 'csat', 'cost_per_contact', 'utilization', 'gig_earnings_per_hour', 'gig_decline_rate'] as const) {
      expect(k[name], name).toBe(0);
    }
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
