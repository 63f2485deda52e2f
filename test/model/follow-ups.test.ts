// Retries and repeats: how many contacts an episode makes, against the
// truncated geometric count the rules of docs/model.md give, and when the
// customer comes back, exactly, by the time between contacts.

import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { expectBinomial, expectSum } from '../support/confidence.js';
import { strategyOf } from './build.js';

/** Statistical checks in this file; each uses its share of a 5% family-wise error. */
const CHECKS = 6;

/**
 * Contacts of an episode in which each contact leads to another with
 * probability r, up to m contacts: N = min(Geometric, m), P(N > k) = r^k.
 */
function truncatedGeometric(r: number, m: number): { mean: number; variance: number } {
  let mean = 0;
  let square = 0;
  for (let k = 1; k <= m; k++) {
    const p = k < m ? r ** (k - 1) * (1 - r) : r ** (m - 1);
    mean += k * p;
    square += k * k * p;
  }
  return { mean, variance: square - mean * mean };
}

const agents = { headcount: 500, hourly_cost: 30 };

describe('contacts per episode', () => {
  // Episodes near the horizon lose the contacts they would have made after it:
  // with follow-ups a minute or two apart over 2 days, about 0.1% of episodes,
  // a bias of a tenth of the interval's half-width.
  it('a human who does not resolve: the customer repeats with probability q, up to max_contacts', () => {
    // fcr 0.6, q 0.5: a contact leads to another with r = 0.4 x 0.5 = 0.2; m = 3.
    const s = strategyOf(
      {
        horizon: '2d',
        demand: { contacts_per_day: 5_000 },
        ticket_types: [{ name: 'any', handle_time: '1m', fcr: 0.6 }],
        customers: { repeat_probability: 0.5, repeat_delay: '1m', max_contacts: 3 },
        staff: { employees: agents },
      },
      { routing: 'human' },
    );
    const { observations: o } = simulateReplication(s, 0);
    const n = truncatedGeometric(0.2, 3); // mean 1.24
    expectSum(o.contacts, o.episodes, n.mean, n.variance, CHECKS, 'contacts');
    // Resolved: each contact resolves with 0.6, so P = 0.6 E[N] = 0.744.
    expectBinomial(o.episodesResolved, o.episodesEnded, 0.6 * n.mean, CHECKS, 'resolved');
  });

  it('an AI that fails or resolves falsely with nobody behind it: the customer repeats', () => {
    // ai_resolution 0.6, ai_false_resolution 0.25: a contact fails the customer
    // with u = 0.4 + 0.6 x 0.25 = 0.55; q 0.8: r = 0.44; m = 3.
    const s = strategyOf(
      {
        horizon: '2d',
        demand: { contacts_per_day: 5_000 },
        ticket_types: [{ name: 'any', handle_time: '1m', ai_handle_time: '1m', ai_resolution: 0.6, ai_false_resolution: 0.25 }],
        customers: { repeat_probability: 0.8, repeat_delay: '1m', max_contacts: 3 },
        staff: { employees: agents },
      },
      { routing: 'ai' },
    );
    const { observations: o } = simulateReplication(s, 0);
    const n = truncatedGeometric(0.44, 3); // mean 1.6336
    expectSum(o.contacts, o.episodes, n.mean, n.variance, CHECKS, 'contacts');
    expectBinomial(o.episodesResolved, o.episodesEnded, 0.45 * n.mean, CHECKS, 'resolved');
  });

  it('a customer who abandons the queue retries with probability p, up to max_contacts', () => {
    // One agent busy for the whole run with the first contact: every other
    // contact waits out its patience (1 minute on average) and abandons; it
    // retries with p = 0.5, m = 4.
    const s = strategyOf(
      {
        horizon: '2d',
        demand: { contacts_per_day: 5_000 },
        ticket_types: [{ name: 'any', handle_time: '10d' }],
        customers: { patience: { dist: 'exponential', mean: '1m' }, retry: { probability: 0.5, delay: '1m' }, max_contacts: 4 },
        staff: { employees: { headcount: 1, hourly_cost: 30 } },
      },
      { routing: 'human' },
    );
    const { observations: o } = simulateReplication(s, 0);
    expect(o.answered).toBe(1);
    const n = truncatedGeometric(0.5, 4); // mean 1.875
    expectSum(o.contacts - 1, o.episodes - 1, n.mean, n.variance, CHECKS, 'contacts');
    expect(o.episodesResolved).toBe(0);
  });

  it('max_contacts 1 stops every follow-up', () => {
    const s = strategyOf(
      {
        horizon: '1d',
        demand: { contacts_per_day: 5_000 },
        ticket_types: [{ name: 'any', handle_time: '1m', fcr: 0 }],
        customers: { repeat_probability: 1, max_contacts: 1 },
        staff: { employees: agents },
      },
      { routing: 'human' },
    );
    const { observations: o } = simulateReplication(s, 0);
    expect(o.contacts).toBe(o.episodes);
    expect(o.episodesResolved).toBe(0);
  });
});

describe('time between contacts', () => {
  // First contacts arrive in hour 0 only (100 a minute), handle times are
  // fixed, nobody waits for an agent: a follow-up arrives exactly `gap`
  // minutes after its first contact. With common random numbers the first
  // contacts of two runs of the same seed are the same, so the follow-ups
  // counted in a window [W, end of day) are exactly the first contacts that
  // arrived in [W - gap, 60), which a second run counts as its episodes.
  const hourZero = { contacts_per_day: 6_000, intraday: [1, ...new Array(23).fill(0)] };

  function followUpsAfter(doc: Record<string, unknown>, gap: number, from: number) {
    const later = simulateReplication(strategyOf({ ...doc, warmup: from, horizon: 1440 }, { routing: 'human' }), 0).observations;
    const first = simulateReplication(strategyOf({ ...doc, warmup: from - gap, horizon: 60 }, { routing: 'human' }), 0).observations;
    expect(later.episodes).toBe(0);
    expect(first.episodes).toBeGreaterThan(1_000);
    return { followUps: later.contacts, firstContacts: first.episodes };
  }

  it('a repeat comes handle time + repeat_delay after the contact that failed', () => {
    // handle 1 + repeat_delay 120 = 121; retry delay set apart to catch a mix-up.
    const doc = {
      demand: hourZero,
      ticket_types: [{ name: 'any', handle_time: '1m', fcr: 0 }],
      customers: { repeat_probability: 1, repeat_delay: '2h', retry: { probability: 1, delay: '7m' }, max_contacts: 2 },
      staff: { employees: { headcount: 10_000, hourly_cost: 30 } },
    };
    const { followUps, firstContacts } = followUpsAfter(doc, 121, 150);
    expect(followUps).toBe(firstContacts);
  });

  it('a retry comes patience + retry delay after the contact that abandoned', () => {
    // One agent, busy all day with the very first contact; everyone else
    // abandons after a fixed patience of 2 minutes, retrying 100 minutes later.
    const doc = {
      demand: hourZero,
      ticket_types: [{ name: 'any', handle_time: '2d' }],
      customers: { patience: '2m', retry: { probability: 1, delay: '100m' }, repeat_delay: '7m', max_contacts: 2 },
      staff: { employees: { headcount: 1, hourly_cost: 30 } },
    };
    const { followUps, firstContacts } = followUpsAfter(doc, 102, 131);
    expect(followUps).toBe(firstContacts);
  });
});
