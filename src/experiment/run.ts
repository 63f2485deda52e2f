// Runs every selected strategy of a scenario for its replications and turns
// the per-replication KPI values into estimates with confidence intervals.
// Strategies share seeds, so they see the same arrivals (common random
// numbers) and their differences are measured more sharply than their levels.

import { KPI_NAMES, type Estimate, type KpiName, type KpiValues } from '../metrics/kpis.js';
import { estimate } from '../metrics/replications.js';
import { simulateReplication } from '../model/contact-centre.js';
import { humanLoad } from '../model/human-load.js';
import type { Scenario, StrategyScenario } from '../scenario/types.js';
import type { RunReport, StrategyResult } from './result.js';
import { VERSION } from './version.js';

export interface RunOptions {
  /** Names of the strategies to run, in the order given; all when absent or empty. */
  strategies?: readonly string[];
  /** Called after each replication with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
}

export class UnknownStrategyError extends Error {
  constructor(
    readonly strategy: string,
    readonly known: readonly string[],
  ) {
    super(`unknown strategy '${strategy}'; the scenario has: ${known.join(', ')}`);
  }
}

export function selectStrategies(scenario: Scenario, names: readonly string[] | undefined): StrategyScenario[] {
  if (!names || names.length === 0) return scenario.strategies;
  return names.map((name) => {
    const found = scenario.strategies.find((s) => s.name === name);
    if (!found) throw new UnknownStrategyError(name, scenario.strategies.map((s) => s.name));
    return found;
  });
}

export function runScenario(scenario: Scenario, sha256: string, options: RunOptions = {}): RunReport {
  const strategies = selectStrategies(scenario, options.strategies);
  const total = strategies.length * scenario.replications;
  let done = 0;
  const results: StrategyResult[] = strategies.map((strategy) => {
    const samples: KpiValues[] = [];
    for (let r = 0; r < strategy.replications; r++) {
      samples.push(simulateReplication(strategy, r).kpis);
      options.onProgress?.(++done, total);
    }
    return { name: strategy.name, routing: strategy.routing, metrics: summarise(samples) };
  });
  return {
    staffsim: VERSION,
    scenario: { name: scenario.name, sha256 },
    seed: scenario.seed,
    replications: scenario.replications,
    measured_days: (scenario.horizon - scenario.warmup) / 1440,
    service_level: { ...scenario.service_level },
    strategies: results,
    warnings: warnings(scenario, strategies),
  };
}

function summarise(samples: readonly KpiValues[]): Record<KpiName, Estimate> {
  const metrics = {} as Record<KpiName, Estimate>;
  for (const name of KPI_NAMES) metrics[name] = estimate(samples.map((s) => s[name]));
  return metrics;
}

function warnings(scenario: Scenario, strategies: readonly StrategyScenario[]): string[] {
  const out: string[] = [];
  if (scenario.replications < 2) {
    out.push('One replication: no confidence intervals. Use --replications 5 or more to compare strategies.');
  }
  for (const s of strategies) {
    if (s.routing === 'ai') continue;
    const load = humanLoad(s);
    if (load.offeredErlangs >= load.agents && load.offeredErlangs > 0) {
      const fate = s.customers.patience
        ? 'the queue is held in check only by abandonment'
        : 'nobody abandons, so the queue grows for the whole run and its figures depend on the horizon';
      out.push(
        `${s.name}: work offered to humans (${load.offeredErlangs.toFixed(1)} Erlangs) reaches the ` +
          `${load.agents.toFixed(1)} agents on shift on average: ${fate}.`,
      );
    }
  }
  return out;
}
