// The load estimate made from the scenario alone (before simulating), against
// sums worked by hand from its formula (src/model/human-load.ts's header):
// per episode of type t, each contact reaches humans with probability p and is
// followed by another with probability
//   q = c f ρ + u ρ + p [a r + (1 − a)(1 − fcr) ρ],
// so an episode makes 1 + q + … + q^(M−1) contacts. The numbers are chosen so
// that every product below is a short decimal.

import { describe, expect, it } from 'vitest';
import {
  firstGroups,
  aiLoad,
  episodeContacts,
  humanDemand,
  gigHandleMean,
  humanLoad,
  humanMinutesPerAiClosedContact,
  startsWithAi,
  toHumans,
} from '../../src/model/human-load.js';
import type { StrategyScenario } from '../../src/scenario/types.js';
import { strategyOf } from './build.js';

// easy: share 0.75, AI resolves 0.8 (a quarter of them falsely), humans resolve 0.9 at once.
// fraud: share 0.25, sensitive, AI resolves 0.4 (half falsely), humans resolve 0.6.
function twoTypes(strategy: Record<string, unknown>, customers: Record<string, unknown> = {}): StrategyScenario {
  return strategyOf(
    {
      horizon: '1d',
      demand: { contacts_per_day: 1440 }, // one first contact a minute
      ticket_types: [
        { name: 'easy', share: 0.75, handle_time: '4m', ai_handle_time: '2m', ai_resolution: 0.8, ai_false_resolution: 0.25, fcr: 0.9 },
        { name: 'fraud', share: 0.25, handle_time: '12m', ai_handle_time: '6m', ai_resolution: 0.4, ai_false_resolution: 0.5, fcr: 0.6, sensitive: true },
      ],
      customers: { repeat_probability: 0.5, retry: { probability: 0.6, delay: '5m' }, max_contacts: 2, ...customers },
      staff: { employees: { headcount: 10, hourly_cost: 30 } },
      ai: { ask_for_human: 0.1, concurrency: 5 },
    },
    strategy,
  );
}

const [EASY, FRAUD] = [0, 1];

/** The keys every file needs, for the cases that only change one thing. */
function withBase(doc: Record<string, unknown>, strategy: Record<string, unknown>): StrategyScenario {
  return strategyOf(
    {
      horizon: '1d',
      demand: { contacts_per_day: 1440 },
      ticket_types: [{ name: 'any', handle_time: '5m' }],
      staff: { employees: { headcount: 10, hourly_cost: 30 } },
      ...doc,
    },
    strategy,
  );
}

describe('toHumans and startsWithAi: where a contact goes', () => {
  it('human routing sends everything to humans, none through the AI', () => {
    const s = twoTypes({ routing: 'human' });
    for (const t of s.ticket_types) {
      expect(toHumans(s, t)).toBe(1);
      expect(startsWithAi(s, t)).toBe(false);
    }
  });

  it('ai routing sends nothing to humans, sensitive or not', () => {
    const s = twoTypes({ routing: 'ai' });
    for (const t of s.ticket_types) {
      expect(toHumans(s, t)).toBe(0);
      expect(startsWithAi(s, t)).toBe(true);
    }
  });

  it('ai-first: the AI fails 1 − a of them and the customer asks for a person in h of the rest', () => {
    const s = twoTypes({ routing: 'ai-first' });
    // (1 − a) + a·h: easy 0.2 + 0.8·0.1, fraud 0.6 + 0.4·0.1.
    expect(toHumans(s, s.ticket_types[EASY])).toBeCloseTo(0.28, 14);
    expect(toHumans(s, s.ticket_types[FRAUD])).toBeCloseTo(0.64, 14);
    expect(startsWithAi(s, s.ticket_types[FRAUD])).toBe(true);
  });

  it('ai-first with sensitive_to_human: sensitive contacts go straight to humans, the others as before', () => {
    const s = twoTypes({ routing: 'ai-first', sensitive_to_human: true });
    expect(toHumans(s, s.ticket_types[FRAUD])).toBe(1);
    expect(startsWithAi(s, s.ticket_types[FRAUD])).toBe(false);
    expect(toHumans(s, s.ticket_types[EASY])).toBeCloseTo(0.28, 14);
    expect(startsWithAi(s, s.ticket_types[EASY])).toBe(true);
  });
});

describe('episodeContacts: expected contacts of one episode', () => {
  it('human routing: q = (1 − fcr)ρ nobody abandoning, a·r + (1 − a)(1 − fcr)ρ when a abandon', () => {
    const s = twoTypes({ routing: 'human' }, { max_contacts: 3 });
    const easy = s.ticket_types[EASY];
    // q = 0.1·0.5 = 0.05: 1 + 0.05 + 0.0025.
    const calm = episodeContacts(s, easy, 0);
    expect(calm.all).toBeCloseTo(1.0525, 14);
    expect(calm.human).toBeCloseTo(1.0525, 14);
    expect(calm.ai).toBe(0);
    // a = 0.5: q = 0.5·0.6 + 0.5·0.1·0.5 = 0.325: 1 + 0.325 + 0.105625.
    expect(episodeContacts(s, easy, 0.5).all).toBeCloseTo(1.430625, 14);
    // Everyone abandons: q = r = 0.6: 1 + 0.6 + 0.36.
    expect(episodeContacts(s, easy, 1).all).toBeCloseTo(1.96, 14);
  });

  it('max_contacts caps the series: one contact only, whatever q', () => {
    const s = twoTypes({ routing: 'human' }, { max_contacts: 1 });
    expect(episodeContacts(s, s.ticket_types[FRAUD], 1).all).toBe(1);
  });

  it('ai-first: false AI resolutions come back, and so do the humans\' unresolved answers', () => {
    const s = twoTypes({ routing: 'ai-first' });
    const [easy, fraud] = s.ticket_types;
    // easy: closed by the AI 0.8·0.9 = 0.72, a quarter falsely, half of those come back: 0.09;
    // humans get 0.28 and leave 0.1 unresolved, half come back: 0.014. q = 0.104, M = 2.
    const e = episodeContacts(s, easy, 0);
    expect(e.all).toBeCloseTo(1.104, 14);
    expect(e.human).toBeCloseTo(0.28 * 1.104, 14);
    expect(e.ai).toBeCloseTo(1.104, 14);
    // fraud: closed 0.4·0.9 = 0.36, half falsely, half back: 0.09; humans 0.64·0.4·0.5 = 0.128.
    const f = episodeContacts(s, fraud, 0);
    expect(f.all).toBeCloseTo(1.218, 14);
    expect(f.human).toBeCloseTo(0.64 * 1.218, 14);
    // With every human contact abandoned (a = 1): humans add 0.64·0.6 = 0.384 instead.
    expect(episodeContacts(s, fraud, 1).all).toBeCloseTo(1 + 0.09 + 0.384, 14);
  });

  it('ai-first with sensitive_to_human: the sensitive episode is a human one', () => {
    const s = twoTypes({ routing: 'ai-first', sensitive_to_human: true });
    // q = 0.4·0.5 = 0.2.
    const f = episodeContacts(s, s.ticket_types[FRAUD], 0);
    expect(f).toEqual({ all: expect.closeTo(1.2, 14), human: expect.closeTo(1.2, 14), ai: 0 });
  });

  it('ai routing: nobody asks for a person, and what the AI fails comes back as a repeat', () => {
    const s = twoTypes({ routing: 'ai' });
    const [easy, fraud] = s.ticket_types;
    // easy: closed 0.8 (ask_for_human does not apply), a quarter falsely: 0.8·0.25·0.5 = 0.1; failed 0.2·0.5 = 0.1.
    expect(episodeContacts(s, easy, 0)).toEqual({ all: expect.closeTo(1.2, 14), human: 0, ai: expect.closeTo(1.2, 14) });
    // fraud: 0.4·0.5·0.5 + 0.6·0.5 = 0.4; abandonment cannot matter, nothing reaches the queue.
    expect(episodeContacts(s, fraud, 0.7).all).toBeCloseTo(1.4, 14);
  });
});

describe('humanDemand and gigHandleMean: what reaches humans, by type share', () => {
  it('ai-first with sensitive_to_human', () => {
    const s = twoTypes({ routing: 'ai-first', sensitive_to_human: true });
    // Per first contact: easy 0.75 · 0.28 · 1.104 = 0.23184, fraud 0.25 · 1.2 = 0.3.
    // Minutes: 0.23184 · 4 + 0.3 · 12 = 4.52736.
    const d = humanDemand(s, 0);
    expect(d.contactsPerEpisode).toBeCloseTo(0.53184, 14);
    expect(d.aht).toBeCloseTo(4.52736 / 0.53184, 12);
    expect(gigHandleMean(s)).toBeCloseTo(4.52736 / 0.53184, 12);
  });

  it('abandonment changes the mix: with a = 1, retries replace repeats', () => {
    const s = twoTypes({ routing: 'ai-first', sensitive_to_human: true });
    // easy: q = 0.09 + 0.28·0.6 = 0.258; contacts 0.75 · 0.28 · 1.258 = 0.26418.
    // fraud: q = 0.6; contacts 0.25 · 1.6 = 0.4. Minutes 0.26418·4 + 0.4·12 = 5.85672.
    const d = humanDemand(s, 1);
    expect(d.contactsPerEpisode).toBeCloseTo(0.66418, 14);
    expect(d.aht).toBeCloseTo(5.85672 / 0.66418, 12);
  });

  it('gigHandleMean counts only the types the gig pool serves', () => {
    const gig = (skills: string[]) => ({ pool: 2, max_active: 2, trigger: { wait: '1m' }, skills });
    // Of the contacts above, fraud's take 12 minutes each, easy's 4.
    expect(gigHandleMean(twoTypes({ routing: 'ai-first', sensitive_to_human: true, staff: { gig: gig(['fraud']) } }))).toBeCloseTo(12, 12);
    expect(gigHandleMean(twoTypes({ routing: 'ai-first', sensitive_to_human: true, staff: { gig: gig(['easy']) } }))).toBeCloseTo(4, 12);
  });

  it('nothing reaching humans gives a mean of 0, not NaN', () => {
    const s = twoTypes({ routing: 'ai' });
    expect(humanDemand(s, 0)).toEqual({ contactsPerEpisode: 0, aht: 0 });
  });
});

describe("firstGroups: the group whose first priority a type is (auto staffing sizes it for the type's load)", () => {
  it('the best level without an overflow delay, the group listed first on a tie; else the best with one; -1 for none', () => {
    const s = strategyOf(
      {
        horizon: '1d',
        demand: { contacts_per_day: 1440 },
        ticket_types: ['x', 'y', 'w', 'z'].map((name) => ({ name, share: 0.25, handle_time: '4m' })),
        staff: {
          groups: [
            { name: 'a', headcount: 1, skills: { x: 2, y: { priority: 1, overflow_after: '1m' }, w: { priority: 2, overflow_after: '1m' } } },
            { name: 'b', headcount: 1, skills: { x: 1, y: 3, w: { priority: 1, overflow_after: '2m' } } },
            { name: 'c', headcount: 1, skills: { x: 1 } },
          ],
          gig: { pool: 2, max_active: 2, trigger: { wait: '1m' }, skills: ['z'] },
        },
      },
      { routing: 'human' },
    );
    // x: b and c at level 1, b listed first. y: a's level 1 waits for an overflow, b's
    // level 3 does not. w: both wait; b's level 1 beats a's 2. z: only the gig pool.
    expect(firstGroups(s)).toEqual([1, 1, 1, -1]);
  });
});

describe('humanLoad: Erlangs offered to humans against the agents and gig workers there', () => {
  it('offered Erlangs are first contacts a minute × contacts per episode × their mean handle time', () => {
    const s = twoTypes({ routing: 'ai-first', sensitive_to_human: true });
    // One first contact a minute: 4.52736 minutes of human work a minute.
    const load = humanLoad(s);
    expect(load.offeredErlangs).toBeCloseTo(4.52736, 12);
    expect(load.agents).toBe(10);
    expect(load.gigCapacity).toBe(0);
  });

  it('agents: the schedule net of shrinkage hour by hour, rounded as the simulator rounds, averaged', () => {
    const s = withBase(
      { staff: { employees: { schedule: [...Array(12).fill(10), ...Array(12).fill(20)], shrinkage: 0.25, hourly_cost: 30 } } },
      { routing: 'human' },
    );
    // round(7.5) = 8 (halves up) and 15: (12·8 + 12·15) / 24 = 11.5.
    expect(humanLoad(s).agents).toBe(11.5);
  });

  it('gig capacity: min(pool, max_active) / handle_time_multiplier, once a trigger can call them', () => {
  const gig = (trigger: Record<string, unknown>, pool: number) =>
      withBase(
        { staff: { employees: { headcount: 2, hourly_cost: 30 }, gig: { pool, max_active: 12, handle_time_multiplier: 1.5, trigger } } },
        { routing: 'human' },
      );
    expect(humanLoad(gig({ wait: '1m' }, 30)).gigCapacity).toBe(8);
    expect(humanLoad(gig({ queue: 4 }, 30)).gigCapacity).toBe(8);
    expect(humanLoad(gig({ queue: 4 }, 9)).gigCapacity).toBe(6);
    // The type allows a pool nobody calls (the schema always fills in a trigger): no capacity.
    const s = gig({ queue: 4 }, 30);
    const uncalled = { ...s, staff: { ...s.staff, gig: { ...s.staff.gig, trigger_wait: null, trigger_queue: null } } };
    expect(humanLoad(uncalled).gigCapacity).toBe(0);
  });
});

describe('aiLoad: Erlangs offered to the AI line', () => {
  it('AI conversations a minute × their mean length, only for types that start with the AI', () => {
    const s = twoTypes({ routing: 'ai-first', sensitive_to_human: true });
    // easy only: 0.75 · 1.104 conversations a minute × 2 minutes.
    expect(aiLoad(s)).toEqual({ offeredErlangs: expect.closeTo(1.656, 12), capacity: 5 });
    // Without sensitive_to_human, fraud adds 0.25 · 1.218 × 6 = 1.827.
    expect(aiLoad(twoTypes({ routing: 'ai-first' })).offeredErlangs).toBeCloseTo(1.656 + 1.827, 12);
  });

  it('unlimited concurrency is an infinite capacity', () => {
    const s = withBase({}, { routing: 'ai-first' });
    expect(s.ai.concurrency).toBeNull();
    expect(aiLoad(s).capacity).toBe(Infinity);
  });
});

describe('humanMinutesPerAiClosedContact: what each contact the AI closes would have cost a human', () => {
  it('ai-first: closed shares a(1 − h) weight the human handle times', () => {
    const s = twoTypes({ routing: 'ai-first' });
    // easy 0.75 · 0.8 · 0.9 = 0.54 at 4 min, fraud 0.25 · 0.4 · 0.9 = 0.09 at 12 min: 3.24 / 0.63.
    expect(humanMinutesPerAiClosedContact(s)).toBeCloseTo(3.24 / 0.63, 12);
  });

  it('counts agent time: a type whose first group holds 3 chats at stretch [1, 1.18, 1.2] costs 1.2 / 3 of its handle time', () => {
    const s = withBase(
      {
        ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 0.5 }],
        staff: { employees: { headcount: 10, concurrency: 3, stretch: [1, 1.18, 1.2] } },
      },
      { routing: 'ai-first' },
    );
    expect(humanMinutesPerAiClosedContact(s)).toBeCloseTo((5 * 1.2) / 3, 12);
  });

  it('an AI that closes nothing gives 0, not NaN', () => {
    const s = withBase({ ticket_types: [{ name: 'any', handle_time: '5m', ai_resolution: 0 }] }, { routing: 'ai-first' });
    expect(humanMinutesPerAiClosedContact(s)).toBe(0);
  });
});
