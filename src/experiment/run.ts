// Runs every selected strategy of a scenario for its replications and turns
// the per-replication KPI values into estimates with confidence intervals.
// Strategies share seeds, so they see the same arrivals (common random
// numbers) and their differences are measured more sharply than their levels.

import { KPI_NAMES, type Estimate, type KpiName, type KpiValues } from '../metrics/kpis.js';
import { estimate } from '../metrics/replications.js';
import { MAX_WAITING, simulateReplication } from '../model/contact-centre.js';
import { humanLoad } from '../model/human-load.js';
import { didYouMean } from '../scenario/suggest.js';
import type { Scenario, StrategyScenario } from '../scenario/types.js';
import { resolveAutoStaffing } from './auto-staffing.js';
import type { RunReport, StrategyResult } from './result.js';
import { VERSION } from './version.js';

export interface RunOptions {
  /** Names of the strategies to run, in the order given; all when absent or empty. */
  strategies?: readonly string[];
  /** Called after each replication with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Checked before each replication: once aborted, the run stops by throwing the signal's reason. */
  signal?: AbortSignal;
}

export class UnknownStrategyError extends Error {
  constructor(
    readonly strategy: string,
    readonly known: readonly string[],
  ) {
    super(`unknown strategy \`${strategy}\` (${didYouMean(strategy, known, 'the scenario has')})`);
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
  const steps = replications(scenario, sha256, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * runScenario for a caller that must stay responsive while it runs (the CLI,
 * for Ctrl-C): a replication is synchronous, so between replications this
 * yields to the event loop, where signal handlers and timers run, and stops
 * once `options.signal` is aborted. Same results as runScenario.
 */
export async function runScenarioAsync(scenario: Scenario, sha256: string, options: RunOptions = {}): Promise<RunReport> {
  const steps = replications(scenario, sha256, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The run, one replication per step: shared by the synchronous and the yielding runner. */
function* replications(scenario: Scenario, sha256: string, options: RunOptions): Generator<void, RunReport, void> {
  // Auto-staffed hours become numbers before anything is simulated (auto-staffing.ts).
  const resolved = selectStrategies(scenario, options.strategies).map(resolveAutoStaffing);
  const strategies = resolved.map((r) => r.strategy);
  const total = strategies.length * scenario.replications;
  let done = 0;
  const results: StrategyResult[] = [];
  const turnedAway = new Map<string, number>();
  for (const [i, strategy] of strategies.entries()) {
    const samples: KpiValues[] = [];
    for (let r = 0; r < strategy.replications; r++) {
      options.signal?.throwIfAborted();
      const replication = simulateReplication(strategy, r);
      samples.push(replication.kpis);
      turnedAway.set(strategy.name, (turnedAway.get(strategy.name) ?? 0) + replication.observations.turnedAway);
      options.onProgress?.(++done, total);
      yield;
    }
    const staffing = resolved[i].staffing;
    results.push({ name: strategy.name, routing: strategy.routing, metrics: summarise(samples), ...(staffing ? { staffing } : {}) });
  }
  return {
    staffsim: VERSION,
    scenario: { name: scenario.name, sha256 },
    seed: scenario.seed,
    replications: scenario.replications,
    measured_days: (scenario.horizon - scenario.warmup) / 1440,
    service_level: { ...scenario.service_level },
    strategies: results,
    warnings: warnings(scenario, strategies, turnedAway),
  };
}

function summarise(samples: readonly KpiValues[]): Record<KpiName, Estimate> {
  const metrics = {} as Record<KpiName, Estimate>;
  for (const name of KPI_NAMES) metrics[name] = estimate(samples.map((s) => s[name]));
  return metrics;
}

function warnings(scenario: Scenario, strategies: readonly StrategyScenario[], turnedAway: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  if (scenario.replications < 2) {
    out.push('One replication: no confidence intervals. Use --replications 5 or more to compare strategies.');
  }
  for (const s of strategies) {
    if (s.routing === 'ai') continue;
    const load = humanLoad(s);
    if (load.offeredErlangs >= load.agents && load.offeredErlangs > 0) {
      // Say how far over capacity, in the units a planner staffs by (Erlangs against agents).
      const share = load.agents > 0 ? ` (${Math.round((100 * load.offeredErlangs) / load.agents)}% of capacity)` : '';
      const fate = s.customers.patience
        ? 'only abandonment holds the queue in check'
        : 'nobody abandons, so the queue grows for the whole run and its waits depend on the horizon, not on the staffing alone';
      out.push(
        `${s.name}: the human queue is overloaded: offered load ${load.offeredErlangs.toFixed(1)} Erlangs against ` +
          `${load.agents.toFixed(1)} agents on shift on average${share}; ${fate}.`,
      );
    }
    // The model's cap on the waiting line (memory stays bounded) changed the figures: say by how much.
    const away = turnedAway.get(s.name) ?? 0;
    if (away > 0) {
      out.push(
        `${s.name}: the human queue reached its cap of ${MAX_WAITING.toLocaleString('en-US')} waiting contacts; ` +
          `${Math.round(away / s.replications).toLocaleString('en-US')} later contacts per replication were turned away, counted as abandoned at once.`,
      );
    }
  }
  return out;
}
