// Routing through the AI tier, counted contact by contact against the shares
// the rules of docs/model.md give (each AI outcome is an independent draw, so
// counts are binomial and tolerances come from the binomial interval), and
// the history each route leaves for satisfaction and churn, exactly.

import { beforeEach, describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { expectBinomial } from '../support/confidence.js';
import { firstArrivals, strategyOf } from './build.js';

/** Binomial checks in this file; each uses its share of a 5% family-wise error. */
const CHECKS = 6;

/** 10,000 first contacts over two days, more agents than ever needed: nobody waits. */
function centre(ticketTypes: unknown[], strategy: Record<string, unknown>, customers: Record<string, unknown> = {}, ai: Record<string, unknown> = {}) {
  return strategyOf(
    {
      horizon: '2d',
      demand: { contacts_per_day: 5_000 },
      ticket_types: ticketTypes,
      customers: { repeat_probability: 0, ...customers },
      staff: { employees: { headcount: 500, hourly_cost: 30 } },
      ai: { ask_for_human: 0, ...ai },
    },
    strategy,
  );
}

// Means of ~10,000 equal terms are compared to 9 digits: summing leaves rounding in the 13th.
describe('ai-first routing', () => {
  // ai_resolution a = 0.7, ask_for_human h = 0.2, ai_false_resolution f = 0.1:
  // an AI conversation is handed off with probability (1 - a) + a h = 0.44
  // (failed, or succeeded and the customer asked for a person), contained with
  // a (1 - h) = 0.56, and a contained contact is false with probability f: the
  // customer would come back (repeat_probability 0 here: the episode ends
  // unresolved), 0.056 of conversations.
  const s = centre(
    [{ name: 'any', handle_time: '1m', ai_handle_time: '1m', ai_resolution: 0.7, ai_false_resolution: 0.1, fcr: 1 }],
    { routing: 'ai-first' },
    {},
    { ask_for_human: 0.2 },
  );
  // Simulated in beforeEach, once per test, so that a mutation run (docs/testing.md,
  // "Mutation score") sees the run inside the test: code run while a file is
  // collected runs before Stryker switches the mutant on.
  let o: ReturnType<typeof simulateReplication>['observations'];
  let finished: number;
  beforeEach(() => {
    o = simulateReplication(s, 0).observations;
    finished = o.aiContained + o.aiEscalated + o.aiUnresolved;
  });

  it('every contact starts with the AI', () => {
    expect(o.contacts).toBeGreaterThan(9_000);
    expect(o.aiConversations).toBe(o.contacts);
  });

  it('hands off failures and customers who ask for a person: (1 - a) + a h', () => {
    expectBinomial(o.aiEscalated, finished, 0.3 + 0.7 * 0.2, CHECKS, 'handed off');
    expect(o.offered).toBe(o.aiEscalated);
    expect(o.aiUnresolved).toBe(0); // someone is behind the AI
  });

  it('contains the rest, false resolutions included: a (1 - h)', () => {
    expectBinomial(o.aiContained, finished, 0.7 * 0.8, CHECKS, 'contained');
  });

  it('a false resolution does not resolve the episode: a (1 - h) f end unresolved', () => {
    // Handed-off contacts are resolved by a human (fcr 1); true AI resolutions by the AI.
    expectBinomial(o.episodesEnded - o.episodesResolved, o.episodesEnded, 0.7 * 0.8 * 0.1, CHECKS, 'unresolved');
  });
});

describe('sensitive types', () => {
  const types = [
    { name: 'plain', share: 0.7, handle_time: '1m', ai_handle_time: '1m', ai_resolution: 1 },
    { name: 'fraud', share: 0.3, handle_time: '1m', ai_handle_time: '1m', ai_resolution: 1, sensitive: true },
  ];

  it('with sensitive_to_human, go straight to humans: the sensitive share of contacts, no AI conversation', () => {
    const { observations: o, census } = simulateReplication(centre(types, { routing: 'ai-first', sensitive_to_human: true }), 0);
    // The AI resolves everything it sees, so what humans get is exactly the sensitive contacts.
    expect(o.offered + o.aiConversations).toBe(o.contacts);
    expect(o.aiEscalated).toBe(0);
    expect(o.aiContained).toBe(o.aiConversations - census.inAi);
    expectBinomial(o.offered, o.contacts, 0.3, CHECKS, 'sensitive contacts to humans');
  });

  it('without it, start with the AI like any other type', () => {
    const { observations: o } = simulateReplication(centre(types, { routing: 'ai-first' }), 0);
    expect(o.aiConversations).toBe(o.contacts);
    expect(o.offered).toBe(0);
  });

  it("an AI failure on a sensitive ticket costs satisfaction and churn; on another type it does not", () => {
    const customers = {
      csat: { resolved_by_human: 4.5, per_wait_minute: 0, per_extra_contact: 0, ai_failed_sensitive: 0.8 },
      churn: { base: 0.02, ai_failed_sensitive: 0.15 },
    };
    const failing = (sensitive: boolean) =>
      centre([{ name: 'any', handle_time: '1m', ai_handle_time: '1m', ai_resolution: 0, fcr: 1, sensitive }], { routing: 'ai-first' }, customers);
    // Every AI conversation fails, is handed off, and a human resolves it at once.
    const hit = simulateReplication(failing(true), 0).kpis;
    expect(hit.resolved_rate).toBe(1);
    expect(hit.csat).toBeCloseTo(4.5 - 0.8, 9);
    expect(hit.churn_rate).toBeCloseTo(0.02 + 0.15, 9);
    const plain = simulateReplication(failing(false), 0).kpis;
    expect(plain.csat).toBeCloseTo(4.5, 9);
    expect(plain.churn_rate).toBeCloseTo(0.02, 9);
  });
});

describe('ai routing', () => {
  it('an AI failure with nobody behind it ends unresolved, and the history says how many contacts it took', () => {
    // ai_resolution 0 and repeat_probability 1: every episode takes exactly max_contacts = 3 contacts, then gives up.
    const s = centre(
      [{ name: 'any', handle_time: '1m', ai_handle_time: '1m', ai_resolution: 0 }],
      { routing: 'ai' },
      {
        repeat_probability: 1,
        repeat_delay: '1m',
        max_contacts: 3,
        csat: { unresolved: 3, per_extra_contact: 0.5, per_wait_minute: 0 },
        churn: { base: 0.01, unresolved: 0.2, per_extra_contact: 0.05 },
      },
    );
    const { observations: o, kpis } = simulateReplication(s, 0);
    expect(o.offered).toBe(0);
    expect(o.aiEscalated).toBe(0);
    expect(o.episodesResolved).toBe(0);
    expect(kpis.csat).toBeCloseTo(3 - 2 * 0.5, 9);
    expect(kpis.churn_rate).toBeCloseTo(0.01 + 0.2 + 2 * 0.05, 9);
  });

  it('a human strategy never uses the AI', () => {
    const s = centre([{ name: 'any', handle_time: '1m', ai_resolution: 1 }], { routing: 'human' });
    const { observations: o } = simulateReplication(s, 0);
    expect(o.aiConversations).toBe(0);
    expect(o.offered).toBe(o.contacts);
  });
});

describe('the AI line under ai.concurrency', () => {
  it('holds at most ai.concurrency conversations at once, FIFO behind them', () => {
    // 10 contacts a minute for 2 slots of fixed 1-minute conversations: the
    // line only grows, each slot starts one conversation a minute from its
    // first contact on, so 2 slots start floor(600 - t1) + floor(600 - t2) + 2
    // conversations in 600 minutes.
    const s = strategyOf(
      {
        horizon: 600,
        demand: { contacts_per_day: 14_400 },
        ticket_types: [{ name: 'any', handle_time: '1m', ai_handle_time: '1m', ai_resolution: 1 }],
        customers: { repeat_probability: 0 },
        staff: { employees: { headcount: 1, hourly_cost: 30 } },
        ai: { concurrency: 2 },
      },
      { routing: 'ai-first' },
    );
    const [t1, t2] = firstArrivals(s);
    const { observations: o, census } = simulateReplication(s, 0);
    expect(o.aiConversations).toBe(Math.floor(600 - t1) + Math.floor(600 - t2) + 2);
    expect(census.inAi).toBe(2);
    expect(census.aiWaiting).toBe(o.contacts - o.aiConversations);
    expect(o.offered).toBe(0);
  });
});
