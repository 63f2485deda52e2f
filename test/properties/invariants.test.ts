// Properties that hold for every valid scenario, checked on random ones
// (test/properties/arbitraries.ts) with a fixed seed, so a failure is
// reproducible and fast-check prints the shrunk scenario that breaks it:
// conservation of contacts and episodes, every KPI finite and inside its
// range, determinism, and common random numbers (a strategy's results do
// not change when another strategy is added or removed).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiment/run.js';
import { KPIS } from '../../src/metrics/kpis.js';
import { simulateReplication, type ReplicationResult } from '../../src/model/contact-centre.js';
import { resolveScenario } from '../../src/scenario/load.js';
import type { StrategyScenario } from '../../src/scenario/types.js';
import { scenarioFile } from './arbitraries.js';

const SEED = 8_2024;
// Each run is a few milliseconds: the whole file takes seconds.
const RUNS = 300;

const SHARE_KPIS = KPIS.filter((k) => k.unit === 'share').map((k) => k.name);

function expectInvariants(strategy: StrategyScenario, { kpis: k, observations: o, census: c, byGroup }: ReplicationResult): void {
  // Contacts: closed by the AI, failed by the AI alone, or offered to humans,
  // or still with the AI (waiting for it, talking, being handed off) at the horizon.
  expect(o.contacts).toBe(o.aiContained + o.aiUnresolved + o.offered + c.inHandoff + c.inAi + c.aiWaiting);
  // Offered to humans: answered, abandoned (turned away by the queue cap included) or still waiting.
  expect(o.offered).toBe(o.answered + o.abandoned + c.queued);
  // AI conversations: contained, unresolved, escalated, or still running.
  expect(o.aiConversations).toBe(o.aiContained + o.aiUnresolved + o.aiEscalated + c.inAi);
  // Episodes: each starts with a counted contact; those that ended are a part of them.
  expect(o.episodes).toBeLessThanOrEqual(o.contacts);
  expect(o.episodesEnded).toBeLessThanOrEqual(o.episodes);
  expect(o.episodesResolved).toBeLessThanOrEqual(o.episodesEnded);
  expect(o.answeredByGig).toBeLessThanOrEqual(o.answered);
  // Service ends only for answered contacts; in a group, a busy agent holds at most all its slots.
  expect(o.served).toBeLessThanOrEqual(o.answered);
  for (const g of byGroup) expect(g.slot_occupancy).toBeLessThanOrEqual(g.utilization + 1e-9);
  if (strategy.routing === 'human') expect(o.aiConversations).toBe(0);
  if (strategy.routing === 'ai') expect(o.offered).toBe(0);

  for (const [name, value] of Object.entries(k)) {
    expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
    expect(value, name).toBeGreaterThanOrEqual(0);
  }
  for (const name of SHARE_KPIS) expect(k[name], name).toBeLessThanOrEqual(1);
  // Satisfaction is a 1-5 score; with no episode ended it does not apply and is 0.
  if (o.episodesEnded > 0) {
    expect(k.csat).toBeGreaterThanOrEqual(1);
    expect(k.csat).toBeLessThanOrEqual(5);
  } else {
    expect(k.csat).toBe(0);
  }
  expect(k.cost_total).toBeCloseTo(k.cost_operating + k.cost_churn, 6);
  expect(k.contacts).toBe(o.contacts);
  expect(k.episodes).toBe(o.episodes);
}

describe('for random valid scenarios', () => {
  it('contacts and episodes are conserved and every KPI is finite and in its range', () => {
    fc.assert(
      fc.property(scenarioFile, fc.nat(4), (file, replication) => {
        for (const strategy of resolveScenario(file).strategies) {
          expectInvariants(strategy, simulateReplication(strategy, replication));
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the same seed and replication give the same results', () => {
    fc.assert(
      fc.property(scenarioFile, fc.nat(4), (file, replication) => {
        // Resolved twice: nothing may be shared between the two runs but the file.
        const [a] = resolveScenario(file).strategies;
        const [b] = resolveScenario(file).strategies;
        const first = simulateReplication(a, replication);
        const second = simulateReplication(b, replication);
        expect(second.kpis).toEqual(first.kpis);
        expect(second.census).toEqual(first.census);
      }),
      { seed: SEED, numRuns: RUNS / 3 },
    );
  });

  it('a strategy gives the same results alone, with another strategy added, or in another order (common random numbers)', () => {
    fc.assert(
      fc.property(
        scenarioFile.filter((file) => Object.keys(file.strategies as object).length >= 2),
        (file) => {
          const scenario = resolveScenario(file);
          const [a, b] = scenario.strategies.map((s) => s.name);
          const alone = runScenario(scenario, '', { strategies: [a] }).strategies[0];
          const withB = runScenario(scenario, '', { strategies: [a, b] }).strategies;
          const after = runScenario(scenario, '', { strategies: [b, a] }).strategies[1];
          expect(withB[0]).toEqual(alone);
          expect(after).toEqual(alone);
        },
      ),
      { seed: SEED, numRuns: RUNS / 3 },
    );
  });
});
