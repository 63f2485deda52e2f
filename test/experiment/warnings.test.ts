import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { overloads, unstableQueues } from '../../src/experiment/warnings.js';
import { simulateReplication } from '../../src/model/contact-centre.js';
import { gigHandleMean } from '../../src/model/human-load.js';
import { resolveScenario } from '../../src/scenario/load.js';
import type { StrategyScenario } from '../../src/scenario/types.js';

/** 3 contacts a minute of 3 minutes each (9 Erlangs of first contacts) for 10 agents, nobody abandoning. */
function centreFile(overrides: Record<string, unknown> = {}, strategy: Record<string, unknown> = { routing: 'human' }) {
  return {
    name: 'load',
    seed: 5,
    horizon: '1d',
    replications: 2,
    demand: { contacts_per_day: 3 * 1440 },
    ticket_types: [{ name: 'any', handle_time: { dist: 'exponential', mean: '3m' }, ai_resolution: 0.5 }],
    staff: { employees: { headcount: 10, hourly_cost: 30 } },
    strategies: { s: strategy },
    ...overrides,
  };
}

function centre(overrides: Record<string, unknown> = {}, strategy?: Record<string, unknown>): StrategyScenario {
  return resolveScenario(centreFile(overrides, strategy)).strategies[0];
}

describe('the overload warning counts all the work reaching humans', () => {
  it('first contacts alone (9 Erlangs for 10 agents) do not overload', () => {
    expect(overloads(centre())).toEqual([]);
  });

  // Half the answers leave the problem unsolved and every customer comes
  // back, up to 3 contacts: 1 + 0.5 + 0.25 = 1.75 contacts per episode, so
  // 9 × 1.75 = 15.75 Erlangs for 10 agents.
  const repeats = centre({
    ticket_types: [{ name: 'any', handle_time: { dist: 'exponential', mean: '3m' }, fcr: 0.5 }],
    customers: { repeat_probability: 1, repeat_delay: '10m', max_contacts: 3 },
  });

  it('repeats that overload the queue are warned about, with the load they add', () => {
    const [w] = overloads(repeats);
    expect(w).toMatchObject({ code: 'human_queue_overloaded', strategy: 's', agents: 10, gig_capacity: 0, abandonment: false });
    if (w.code !== 'human_queue_overloaded') throw new Error('wrong code');
    expect(w.offered_load).toBeCloseTo(15.75, 12);
    expect(w.share).toBeCloseTo(1.575, 12);
    expect(unstableQueues(repeats)).toEqual(['human']);
  });

  // 22 scheduled at 28.75% shrinkage are 15.675, which the simulator rounds
  // to 16 agents answering: 15.75 Erlangs is under that.
  it('counts the agents on shift as the simulator rounds them', () => {
    expect(overloads({ ...repeats, staff: { ...repeats.staff, groups: [{ ...repeats.staff.groups[0], schedule: new Array(24).fill(22), shrinkage: 0.2875 }] } })).toEqual([]);
  });

  it('and the warned queue really does not settle: its mean wait grows with the horizon', () => {
    const wait = (horizon: number) => simulateReplication({ ...repeats, horizon }, 0).kpis.wait_mean;
    expect(wait(2880)).toBeGreaterThan(1.5 * wait(1440));
  });

  // Half the AI's conversations are handed off: 4.5 Erlangs for 4 agents.
  it("counts the AI tier's hand-offs", () => {
    const s = centre({ staff: { employees: { headcount: 4, hourly_cost: 30 } } }, { routing: 'ai-first' });
    expect(overloads(s)).toMatchObject([{ code: 'human_queue_overloaded', offered_load: 4.5, agents: 4 }]);
  });

  // No employees at all, but up to 20 gig workers called in: 9 Erlangs is
  // 45% of what the pool can serve, and the simulated queue settles.
  const gigFile = centreFile({
    customers: { patience: { dist: 'exponential', mean: '5m' } },
    staff: {
      employees: { headcount: 0, hourly_cost: 30 },
      gig: { pool: 20, max_active: 20, trigger: { wait: '30s' }, accept_probability: 1, login_delay: '1m', pay: { mode: 'hourly', hourly_rate: 30, min_block: '30m' }, idle_timeout: '10m' },
    },
  });
  const gig = resolveScenario(gigFile).strategies[0];

  it('a centre served by its gig pool gets no false "0.0 agents" warning', () => {
    expect(overloads(gig)).toEqual([]);
    const report = runScenario(resolveScenario(gigFile), 'x');
    expect(report.warnings).toEqual([]);
    expect(report.strategies[0].metrics.gig_share.mean).toBe(1);
  });

  it('a gig pool too small for the load is counted as capacity in the warning', () => {
    const small = { ...gig, staff: { ...gig.staff, gig: { ...gig.staff.gig, pool: 6, max_active: 6, handle_time_multiplier: 1.5 } } };
    // 6 workers at 1/1.5 the speed: 4 employee equivalents for 9 Erlangs.
    expect(overloads(small)).toMatchObject([{ code: 'human_queue_overloaded', agents: 0, gig_capacity: 4, share: 9 / 4, abandonment: true }]);
    expect(unstableQueues(small)).toEqual([]);
  });
});

describe("the gig trigger's mean handle time", () => {
  // Type a: 2 min, always solved. Type b: 10 min, solved half the time, the
  // customer always back, at most 2 contacts: 1.5 contacts per episode.
  // (0.5 × 2 + 0.75 × 10) / (0.5 + 0.75) = 6.8 minutes, not the 6 of first contacts.
  it('weights each type by the contacts it brings to humans, repeats included', () => {
    const s = centre({
      ticket_types: [
        { name: 'a', share: 0.5, handle_time: '2m' },
        { name: 'b', share: 0.5, handle_time: '10m', fcr: 0.5 },
      ],
      customers: { repeat_probability: 1, repeat_delay: '10m', max_contacts: 2 },
    });
    expect(gigHandleMean(s)).toBeCloseTo(6.8, 12);
  });
});

describe('an overloaded AI line', () => {
  // Every contact goes to the AI, which resolves it: 3 a minute of 2-minute
  // conversations (the default ai_handle_time) is 6 conversations at once, for 5 slots.
  const resolving = [{ name: 'any', handle_time: '3m', ai_resolution: 1 }];
  const s = centre({ ticket_types: resolving, ai: { concurrency: 5 } }, { routing: 'ai' });

  it('is warned about with its load and capacity, and named unstable: nobody leaves its line', () => {
    expect(overloads(s)).toEqual([{ code: 'ai_line_overloaded', strategy: 's', offered_load: 6, capacity: 5, share: 1.2 }]);
    expect(unstableQueues(s)).toEqual(['ai']);
  });

  it('really grows: the wait for the AI grows with the horizon', () => {
    const wait = (horizon: number) => simulateReplication({ ...s, horizon }, 0).kpis.ai_wait_mean;
    expect(wait(2880)).toBeGreaterThan(1.5 * wait(1440));
  });

  it('counts repeats after AI failures, and is quiet within capacity', () => {
    expect(overloads(centre({ ticket_types: resolving, ai: { concurrency: 7 } }, { routing: 'ai' }))).toEqual([]);
    // The AI fails half the time and every customer comes back, once at most: 1.5 conversations per episode, 9 at once.
    const repeats = centre({ ai: { concurrency: 7 }, customers: { repeat_probability: 1, repeat_delay: '5m', max_contacts: 2 } }, { routing: 'ai' });
    expect(overloads(repeats)).toMatchObject([{ code: 'ai_line_overloaded', offered_load: 9, capacity: 7 }]);
  });
});
