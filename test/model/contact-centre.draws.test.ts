// The contact centre's draws against a probability (src/model/contact-centre.ts):
// customers leaving the AI, first-contact resolution by a one-contact agent
// and by a chat agent, retries after abandoning and repeats after an
// unresolved contact, each on a short run with fixed durations, so that the
// number of trials is counted exactly and only the outcome is random: each
// count against its binomial interval (fixed seeds, a 5% family-wise error
// shared by the checks of this file, test/support/confidence.ts). The
// probabilities are far from ½ so that a draw compared the wrong way
// (success when u ≥ p) is outside the interval.
//
// Built and simulated inside each test: a mutation run sees only what runs inside tests.

import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { expectBinomial } from '../support/confidence.js';
import { firstArrivals, strategyOf } from './build.js';

const CHECKS = 5;
const H = 1440;
const UNSTAFFED = 23 * 60;

describe('outcomes drawn against a probability, by binomial intervals', () => {
  it('ai.abandon_probability 0.8: that share of the AI conversations the AI did not resolve is left', () => {
    const s = strategyOf(
      {
        seed: 41,
        horizon: H,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 0, ai_handle_time: '2m' }],
        customers: { repeat_probability: 0 },
        ai: { abandon_probability: 0.8, handoff: '0s' },
        staff: { employees: { headcount: 20 } },
      },
      { routing: 'ai-first' },
    );
    const p = simulateReplication(s, 0).physical;
    const ended = p.aiAbandoned + p.aiEscalated; // every AI conversation that ended: left or handed off
    expect(ended).toBeGreaterThan(900);
    expectBinomial(p.aiAbandoned, ended, 0.8, CHECKS, 'left the AI');
  });

  for (const chat of [false, true]) {
    it(`fcr 0.8 ${chat ? 'by a chat agent (2 slots, no slow-down)' : 'by a one-contact agent'}: that share of served contacts ends the episode resolved`, () => {
      const s = strategyOf(
        {
          seed: 43,
          horizon: H,
          demand: { contacts_per_day: 1000 },
          ticket_types: [{ name: 'any', handle_time: '2m', fcr: 0.8 }],
          customers: { repeat_probability: 0 },
          staff: { employees: chat ? { headcount: 10, concurrency: 2, stretch: [1, 1] } : { headcount: 10 } },
        },
        { routing: 'human' },
      );
      const p = simulateReplication(s, 0).physical;
      expect(p.served).toBeGreaterThan(900);
      expect(p.episodesEnded).toBe(p.served); // one contact each: every served contact ends its episode
      expectBinomial(p.episodesResolved, p.served, 0.8, CHECKS, 'resolved');
    });
  }

  it('retry probability 0.8 with nobody to answer: that share of first contacts abandoning comes back', () => {
    const s = strategyOf(
      {
        seed: 47,
        horizon: UNSTAFFED, // the one agent starts at hour 23
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '5m' }],
        customers: { patience: '1m', retry: { probability: 0.8, delay: '1m' }, max_contacts: 2, repeat_probability: 0 },
        staff: { employees: { schedule: [...new Array<number>(23).fill(0), 1] } },
      },
      { routing: 'human' },
    );
    // A first contact at t abandons at t + 1; its retry, if drawn, arrives at t + 2.
    const first = firstArrivals(s);
    const trials = first.filter((t) => t + 2 < UNSTAFFED).length;
    const p = simulateReplication(s, 0).physical;
    expect(trials).toBeGreaterThan(900);
    expectBinomial(p.contacts - first.length, trials, 0.8, CHECKS, 'retried');
  });
  it('repeat probability 0.8, every contact unresolved (fcr 0): that share of first contacts served comes back', () => {
    const s = strategyOf(
      {
        seed: 53,
        horizon: H,
        demand: { contacts_per_day: 1000 },
        ticket_types: [{ name: 'any', handle_time: '2m', fcr: 0 }],
        customers: { repeat_probability: 0.8, repeat_delay: '1m', max_contacts: 2 },
        staff: { employees: { headcount: 20 } },
      },
      { routing: 'human' },
    );
    // Nobody waits (asserted below), so a first contact at t ends unresolved
    // at t + 2, draws once, and its repeat, if drawn, arrives at t + 3.
    const first = firstArrivals(s);
    const trials = first.filter((t) => t + 3 < H).length;
    const p = simulateReplication(s, 0).physical;
    expect(p.waitSumAnswered).toBe(0);
    expect(p.abandoned).toBe(0);
    expect(trials).toBeGreaterThan(900);
    expectBinomial(p.contacts - first.length, trials, 0.8, CHECKS, 'came back');
  });
});
