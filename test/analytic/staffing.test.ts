import { describe, expect, it } from 'vitest';
import { agentsFor, queueFigures, staffingTable } from '../../src/analytic/index.js';

const T = 20 / 60;
const cch = { arrivalsPerMinute: 100 / 30, aht: 3, answerWithin: T };
const yardstick = { arrivalsPerMinute: 10, aht: 5, patience: 3, answerWithin: T };

describe('agentsFor', () => {
  it('staffs the Call Centre Helper example (80% within 20 s) with 14 agents, 20 after 30% shrinkage', () => {
    const r = agentsFor({ ...cch, target: 0.8 });
    expect(r.agents).toBe(14);
    expect(r.figures.service_level).toBeGreaterThanOrEqual(0.8);
    expect(queueFigures({ ...cch, agents: 13 }).service_level).toBeLessThan(0.8);
    expect(r.figures).toEqual(queueFigures({ ...cch, agents: 14 }));
    expect(Math.ceil(r.agents / (1 - 0.3))).toBe(20);
  });

  it.each([
    ['Erlang C, 80% in 20 s', { ...cch, target: 0.8 }],
    ['Erlang C, 95% in 20 s', { ...cch, target: 0.95 }],
    ['Erlang A, 80% in 20 s', { ...yardstick, target: 0.8 }],
    ['Erlang A, 99% in 20 s', { ...yardstick, target: 0.99 }],
    ['Erlang C, 3000 Erlangs, 80% in 20 s', { arrivalsPerMinute: 600, aht: 5, answerWithin: T, target: 0.8 }],
    ['Erlang A, 3000 Erlangs, 90% in 20 s', { arrivalsPerMinute: 600, aht: 5, patience: 2, answerWithin: T, target: 0.9 }],
  ] as const)('returns the fewest agents meeting the service-level target (%s)', (_l, input) => {
    const r = agentsFor(input);
    expect(r.figures.service_level).toBeGreaterThanOrEqual(input.target);
    const patience = 'patience' in input ? input.patience : undefined;
    const fewer =
      patience === undefined && input.arrivalsPerMinute * input.aht >= r.agents - 1
        ? null // one fewer would be unstable
        : queueFigures({ ...input, agents: r.agents - 1 });
    if (fewer) expect(fewer.service_level).toBeLessThan(input.target);
  });

  it('honours maxAbandon with the fewest agents', () => {
    for (const maxAbandon of [0.05, 0.01, 0.001]) {
      const r = agentsFor({ ...yardstick, maxAbandon });
      expect(r.figures.abandon_rate).toBeLessThanOrEqual(maxAbandon);
      expect(queueFigures({ ...yardstick, agents: r.agents - 1 }).abandon_rate).toBeGreaterThan(maxAbandon);
    }
  });

  it('honours maxOccupancy with the fewest agents (Erlang C and Erlang A)', () => {
    const c = agentsFor({ ...cch, maxOccupancy: 0.85 });
    expect(c.agents).toBe(12); // 10/12 = 0.833, 10/11 = 0.909
    expect(c.figures.utilization).toBeLessThanOrEqual(0.85);
    const a = agentsFor({ ...yardstick, maxOccupancy: 0.85 });
    expect(a.figures.utilization).toBeLessThanOrEqual(0.85);
    expect(queueFigures({ ...yardstick, agents: a.agents - 1 }).utilization).toBeGreaterThan(0.85);
  });

  it('meets every constraint at once: the answer is the largest of the single-constraint answers', () => {
    const constraints = { target: 0.8, maxAbandon: 0.02, maxOccupancy: 0.9 };
    const all = agentsFor({ ...yardstick, ...constraints });
    const each = [
      agentsFor({ ...yardstick, target: 0.8 }).agents,
      agentsFor({ ...yardstick, maxAbandon: 0.02 }).agents,
      agentsFor({ ...yardstick, maxOccupancy: 0.9 }).agents,
    ];
    expect(all.agents).toBe(Math.max(...each));
    expect(all.figures.service_level).toBeGreaterThanOrEqual(0.8);
    expect(all.figures.abandon_rate).toBeLessThanOrEqual(0.02);
    expect(all.figures.utilization).toBeLessThanOrEqual(0.9);
  });

  it('returns the smallest stable staffing without constraints (Erlang C) and 1 agent (Erlang A)', () => {
    expect(agentsFor(cch).agents).toBe(11);
    expect(agentsFor({ ...cch, patience: 5 }).agents).toBe(1);
  });

  // How fast is npm run bench's question; here, that the search lands on the fewest at this size.
  it('staffs thousands of agents: the fewest meeting the target', () => {
    const input = { arrivalsPerMinute: 900, aht: 5, patience: 3, answerWithin: T };
    const r = agentsFor({ ...input, target: 0.95 });
    expect(r.agents).toBeGreaterThan(4000);
    expect(r.figures.service_level).toBeGreaterThanOrEqual(0.95);
    expect(queueFigures({ ...input, agents: r.agents - 1 }).service_level).toBeLessThan(0.95);
  });

  it('rejects invalid constraints with RangeError', () => {
    expect(() => agentsFor({ ...yardstick, maxAbandon: -0.1 })).toThrow(RangeError);
    expect(() => agentsFor({ ...cch, target: 1.2 })).toThrow(RangeError);
    expect(() => agentsFor({ ...cch, maxOccupancy: 0 })).toThrow(RangeError);
  });
});

describe('staffingTable', () => {
  it('lists agents around a count with their figures', () => {
    const rows = staffingTable(cch, 14);
    expect(rows.map((r) => r.agents)).toEqual([11, 12, 13, 14, 15, 16, 17]);
    expect(rows[3]).toEqual({ agents: 14, ...queueFigures({ ...cch, agents: 14 }) });
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.service_level).toBeGreaterThan(rows[i - 1]!.service_level);
  });

  it('skips unstable Erlang C rows but keeps overloaded Erlang A rows, never below one agent', () => {
    expect(staffingTable(cch, 10, 2).map((r) => r.agents)).toEqual([11, 12]);
    expect(staffingTable({ ...cch, patience: 5 }, 10, 2).map((r) => r.agents)).toEqual([8, 9, 10, 11, 12]);
    expect(staffingTable({ arrivalsPerMinute: 0.1, aht: 1, answerWithin: T }, 2).map((r) => r.agents)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });
});

describe('agentsFor searches by bisection and still returns the fewest agents', () => {
  /** The answer by definition: count up from one agent until every constraint holds. */
  function linearSearch(input: Parameters<typeof agentsFor>[0]): number {
    const load = input.arrivalsPerMinute * input.aht;
    const erlangC = input.patience === undefined;
    for (let agents = 1; ; agents++) {
      if (erlangC && load >= agents) continue;
      const f = queueFigures({ ...input, agents });
      if (input.target !== undefined && !(f.service_level >= input.target)) continue;
      if (input.maxAbandon !== undefined && !(f.abandon_rate <= input.maxAbandon)) continue;
      if (input.maxOccupancy !== undefined && !(f.utilization <= input.maxOccupancy)) continue;
      return agents;
    }
  }

  const cases: Array<Parameters<typeof agentsFor>[0]> = [];
  for (const load of [0.3, 1, 4.5, 17, 60, 333]) {
    for (const patience of [undefined, 0.5, 3, 30]) {
      const queue = { arrivalsPerMinute: load / 4, aht: 4, answerWithin: T, ...(patience === undefined ? {} : { patience }) };
      cases.push({ ...queue, target: 0.8 }, { ...queue, target: 0.99 }, { ...queue, target: 0.2 });
      cases.push({ ...queue, maxOccupancy: 0.85 }, { ...queue, target: 0.9, maxOccupancy: 0.7 });
      if (patience !== undefined) cases.push({ ...queue, maxAbandon: 0.02 }, { ...queue, maxAbandon: 0.5, target: 0.5 });
    }
  }

  it.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s', (_label, input) => {
    expect(agentsFor(input).agents).toBe(linearSearch(input));
  });

  it('answers a centre of 83 million Erlangs (1e9 calls an hour, 5 min each) without counting agents one by one', () => {
    const input = { arrivalsPerMinute: 1e9 / 60, aht: 5, answerWithin: T, target: 0.8 };
    const r = agentsFor(input);
    const load = input.arrivalsPerMinute * input.aht;
    // Square-root staffing puts the answer a few sqrt(load) above the load; it is the fewest meeting the target.
    expect(r.agents).toBeGreaterThan(load);
    expect(r.agents).toBeLessThan(load + 3 * Math.sqrt(load));
    expect(r.figures.service_level).toBeGreaterThanOrEqual(0.8);
    expect(queueFigures({ ...input, agents: r.agents - 1 }).service_level).toBeLessThan(0.8);
  });

  it('refuses a misspelt or unknown field instead of dropping its constraint (one name: target, as in the file and on the command line)', () => {
    const wrong = { ...cch, serviceLevelTarget: 0.8 } as unknown as Parameters<typeof agentsFor>[0];
    expect(() => agentsFor(wrong)).toThrow(/unknown field `serviceLevelTarget`.*target/);
    const typo = { ...cch, traget: 0.8 } as unknown as Parameters<typeof agentsFor>[0];
    expect(() => agentsFor(typo)).toThrow('unknown field `traget` (did you mean `target`?)');
  });
});
