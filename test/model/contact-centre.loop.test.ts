// The contact centre's event loop (src/model/contact-centre.ts) on a run
// whose counts are known from the arrival times alone: the episode table
// growing past its first rows with every customer away between contacts.

import { beforeEach, describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { firstArrivals, strategyOf } from './build.js';

describe('the episode table', () => {
  // Every contact takes exactly 1 minute with an agent free at once (60
  // agents, at most ~2 contacts a minute), resolves nothing, and its customer
  // comes back exactly 1200 minutes after it ended, once (max_contacts 2).
  // About 1200 episodes are away at once: more than the table's first 1024 rows.
  const HANDLE = 1;
  const DELAY = 1200;
  const HORIZON = 3000;
  const CSAT = { resolved_by_human: 4.5, resolved_by_ai: 4.5, unresolved: 2, per_wait_minute: 0.1, per_extra_contact: 0.25, ai_failed_sensitive: 0 };
  const CHURN = { base: 0.01, unresolved: 0.2, per_extra_contact: 0.03, per_wait_minute: 0, ai_failed_sensitive: 0 };
  const scenario = () =>
    strategyOf(
      {
        seed: 9,
        horizon: HORIZON,
        demand: { contacts_per_day: 1440 },
        ticket_types: [{ name: 'any', handle_time: `${HANDLE}m`, fcr: 0 }],
        customers: { repeat_probability: 1, repeat_delay: `${DELAY}m`, max_contacts: 2, csat: CSAT, churn: CHURN },
        staff: { employees: { headcount: 60 } },
      },
      { routing: 'human' },
    );
  // Built and simulated in beforeEach, once per test: a mutation run
  // (docs/testing.md, "Mutation score") sees only what runs inside tests.
  let arrivals: number[];
  let run: ReturnType<typeof simulateReplication>;
  beforeEach(() => {
    const s = scenario();
    arrivals = firstArrivals(s);
    run = simulateReplication(s, 0);
  });

  it('holds more episodes at once than its first rows', () => {
    const awayAtOnce = arrivals.filter((t) => t < DELAY + HANDLE).length; // none has come back before then
    expect(awayAtOnce).toBeGreaterThan(1024);
  });

  it('every first contact is followed by exactly one repeat, DELAY after it ended, while the horizon lasts', () => {
    const repeats = arrivals.filter((t) => t + HANDLE + DELAY < HORIZON).length;
    expect(run.kpis.episodes).toBe(arrivals.length);
    expect(run.kpis.contacts).toBe(arrivals.length + repeats);
    expect(run.kpis.offered_to_humans).toBe(arrivals.length + repeats);
    expect(run.kpis.p_wait).toBe(0);
  });

  it('each episode ends unresolved after its second contact, with the two-contact satisfaction and churn', () => {
    const ended = arrivals.filter((t) => t + HANDLE + DELAY + HANDLE < HORIZON).length;
    expect(run.physical.episodesEnded).toBe(ended);
    expect(run.kpis.resolved_rate).toBe(0);
    expect(run.kpis.csat).toBeCloseTo(CSAT.unresolved - CSAT.per_extra_contact, 12);
    expect(run.kpis.churn_rate).toBeCloseTo(CHURN.base + CHURN.unresolved + CHURN.per_extra_contact, 12);
  });
});
