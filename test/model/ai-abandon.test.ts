// Customers leaving the AI (ai.abandon_probability, docs/model.md "The AI
// tier"): of the conversations the AI does not resolve, a share ends with the
// customer gone, neither resolved nor handed off; the contact ends unresolved
// and the customer may come back through repeat_probability. Checked against
// binomial intervals and the truncated geometric count of contacts, and the
// analytic side (human-load.ts) against the same rule exactly.

import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { episodeContacts, toHumans } from '../../src/model/human-load.js';
import { expectBinomial, expectSum } from '../support/confidence.js';
import { strategyOf } from './build.js';

/** Statistical checks in this file; each uses its share of a 5% family-wise error. */
const CHECKS = 7;

/** Contacts of an episode in which each contact leads to another with probability r, up to m. */
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

const plenty = { headcount: 300, hourly_cost: 30 };

describe('ai.abandon_probability under ai-first', () => {
  // The AI resolves 40%; of the 60% it fails, half the customers leave it
  // (0.3 of conversations) and half are handed off (0.3). People resolve
  // every hand-off (fcr 1). A customer who left comes back with probability
  // 0.6 after a minute, so each contact leads to another with r = 0.3 × 0.6 = 0.18, up to 4.
  const s = strategyOf(
    {
      horizon: '2d',
      demand: { contacts_per_day: 6000 },
      ticket_types: [{ name: 'any', handle_time: '2m', ai_handle_time: '1m', ai_resolution: 0.4 }],
      customers: { repeat_probability: 0.6, repeat_delay: '1m', max_contacts: 4 },
      ai: { abandon_probability: 0.5 },
      staff: { employees: plenty },
    },
    { routing: 'ai-first' },
  );
  const { kpis, physical: q } = simulateReplication(s, 0);

  it('a share (1 − ai_resolution) × abandon_probability of AI conversations is left', () => {
    expectBinomial(q.aiAbandoned, q.aiConversations, 0.3, CHECKS, 'left the AI');
    expect(kpis.ai_abandon_rate).toBe(q.aiAbandoned / q.aiConversations);
    // The rest of the failures go to people: the other 0.3.
    expectBinomial(q.offered, q.aiConversations, 0.3, CHECKS, 'handed off');
  });

  it('the customer who left may come back: contacts per episode follow the repeat rule', () => {
    const n = truncatedGeometric(0.18, 4);
    expectSum(q.contacts, q.episodes, n.mean, n.variance, CHECKS, 'contacts per episode');
    // The analytic side gives the same count and the same share to humans, exactly.
    expect(episodeContacts(s, s.ticket_types[0], 0).all).toBeCloseTo(n.mean, 12);
    expect(toHumans(s, s.ticket_types[0])).toBeCloseTo(0.3, 12);
  });

  it('an episode whose customer left for good is unresolved', () => {
    // Unresolved: left at the 4th contact, or left and did not come back (0.4):
    // P(unresolved) = sum over k < 4 of 0.18^(k-1) · 0.3 · 0.4 + 0.18^3 · 0.3.
    let unresolved = 0.18 ** 3 * 0.3;
    for (let k = 1; k < 4; k++) unresolved += 0.18 ** (k - 1) * 0.3 * 0.4;
    expectBinomial(q.episodesEnded - q.episodesResolved, q.episodesEnded, unresolved, CHECKS, 'unresolved');
  });
});

describe('per ticket type', () => {
  // Two types with the AI resolving nothing: `leaves` takes the overall 0.8,
  // `stays` overrides it with 0. Under routing ai, every failure ends the
  // contact unresolved either way; only the count of those who left differs.
  const s = strategyOf(
    {
      horizon: '2d',
      demand: { contacts_per_day: 4000 },
      ticket_types: [
        { name: 'leaves', share: 0.5, handle_time: '2m', ai_handle_time: '1m', ai_resolution: 0 },
        { name: 'stays', share: 0.5, handle_time: '2m', ai_handle_time: '1m', ai_resolution: 0, ai_abandon_probability: 0 },
      ],
      customers: { repeat_probability: 0 },
      ai: { abandon_probability: 0.8 },
    },
    { routing: 'ai' },
  );
  const result = simulateReplication(s, 0);

  it('a type with its own ai_abandon_probability keeps it; the others take the overall one', () => {
    const [leaves, stays] = result.byType;
    expect(stays.ai_abandon_rate).toBe(0);
    const conversations = leaves.contacts; // routing ai: every contact is an AI conversation
    expectBinomial(Math.round(leaves.ai_abandon_rate * conversations), conversations, 0.8, CHECKS, 'type leaves');
    // No repeats: every episode is one unresolved contact, whoever left.
    expect(result.kpis.resolved_rate).toBe(0);
  });
});

describe('with the default 0', () => {
  it('nobody leaves the AI, and the stream it draws from is never touched', () => {
    const base = {
      horizon: '1d',
      demand: { contacts_per_day: 3000 },
      ticket_types: [{ name: 'any', handle_time: '2m', ai_resolution: 0.5 }],
      staff: { employees: { headcount: 10, hourly_cost: 30 } },
    };
    const off = simulateReplication(strategyOf(base, { routing: 'ai-first' }), 0);
    expect(off.physical.aiAbandoned).toBe(0);
    expect(off.kpis.ai_abandon_rate).toBe(0);
    // A type overriding the overall probability with 0 is the same run, to the last bit.
    const typed = simulateReplication(
      strategyOf({ ...base, ai: { abandon_probability: 0.9 }, ticket_types: [{ ...base.ticket_types[0], ai_abandon_probability: 0 }] }, { routing: 'ai-first' }),
      0,
    );
    expect(typed.kpis).toEqual(off.kpis);
  });
});
