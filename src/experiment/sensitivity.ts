// `--sensitivity`: ranges over assumptions, not only over simulation noise.
// The comparison is run again with one uncertain input at a time moved to a
// low and to a high value, everything else (seed included, so the same
// random streams) as in the run, and the recommendation at each is set
// beside the run's own. Each rerun is an ordinary run (runScenarioAsync) of
// the scenario with one more --set, so it is checked, staffed and simulated
// exactly as the run itself.
//
// The default inputs are the two no source gives and the verdict leans on
// (docs/klarna.md): churn after an unresolved episode and a customer's
// lifetime value, each at half and at twice the scenario's value (churn at
// most 1). An input the scenario sets to 0 is skipped: half and twice 0 are 0.

import { parseScenarioText, type LoadedScenario } from '../scenario/load.js';
import type { RunReport, SensitivityCase } from './result.js';
import { runScenarioAsync, type RunOptions } from './run.js';

export interface SensitivityInput {
  /** A scenario key path, as for --set. */
  key: string;
  low: number;
  high: number;
}

/** The inputs varied when none are named: key, and the highest value it may take. */
export const DEFAULT_SENSITIVITY_KEYS: readonly { key: string; max: number }[] = [
  { key: 'customers.churn.unresolved', max: 1 },
  { key: 'customers.lifetime_value', max: Infinity },
];

/** The factors the default inputs are moved by. */
export const DEFAULT_FACTORS = { low: 0.5, high: 2 } as const;

/** A number at a dotted path of the resolved scenario (the file's key names), or null. */
export function scenarioValue(loaded: LoadedScenario, key: string): number | null {
  let node: unknown = loaded.scenario;
  for (const step of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, step)) return null;
    node = (node as Record<string, unknown>)[step];
  }
  return typeof node === 'number' ? node : null;
}

export function defaultInputs(loaded: LoadedScenario): SensitivityInput[] {
  return DEFAULT_SENSITIVITY_KEYS.flatMap(({ key, max }) => {
    const v = scenarioValue(loaded, key);
    if (v === null || v === 0) return [];
    return [{ key, low: v * DEFAULT_FACTORS.low, high: Math.min(max, v * DEFAULT_FACTORS.high) }];
  });
}

export class SensitivityError extends Error {}

/** Parses `key=low,high` (a --sensitivity-input). */
export function parseSensitivityInput(text: string): SensitivityInput {
  const m = /^\s*([^=\s]+)\s*=\s*([^,]+),([^,]+)$/.exec(text);
  const low = m ? Number(m[2]) : NaN;
  const high = m ? Number(m[3]) : NaN;
  if (!m || !Number.isFinite(low) || !Number.isFinite(high) || m[2].trim() === '' || m[3].trim() === '') {
    throw new SensitivityError(`--sensitivity-input ${text}: write KEY=LOW,HIGH with two numbers, e.g. customers.lifetime_value=45,180`);
  }
  return { key: m[1], low, high };
}

/** One rerun: the input, its value, and the scenario with it set. */
export interface SensitivityRun {
  key: string;
  value: number;
  scenario_value: number | null;
  loaded: LoadedScenario;
}

/**
 * The reruns of `inputs`, low then high for each, each scenario checked as
 * any --set is (a wrong key or value is the usual message, exit 2): called
 * before the run itself, so a mistake costs no simulation.
 */
export function planSensitivity(loaded: LoadedScenario, inputs: readonly SensitivityInput[]): SensitivityRun[] {
  return inputs.flatMap((input) =>
    [input.low, input.high].map((value) => ({
      key: input.key,
      value,
      scenario_value: scenarioValue(loaded, input.key),
      loaded: parseScenarioText(loaded.text, loaded.file, { set: [...loaded.overrides, `${input.key}=${value}`] }),
    })),
  );
}

/**
 * Runs the comparison for each planned rerun and says what `recommend` picks
 * there, against `recommended` (the run's own pick). `onCase` is called
 * before each rerun and may return a progress callback for it.
 */
export async function runSensitivity(
  runs: readonly SensitivityRun[],
  options: RunOptions & { jobs?: number },
  recommend: (report: RunReport) => string | null,
  recommended: string | null,
  onCase?: (key: string, value: number) => RunOptions['onProgress'],
): Promise<SensitivityCase[]> {
  const cases: SensitivityCase[] = [];
  for (const { key, value, scenario_value, loaded } of runs) {
    const onProgress = onCase?.(key, value);
    const report = await runScenarioAsync(loaded.scenario, loaded.sha256, { ...options, ...(onProgress ? { onProgress } : {}) });
    const pick = recommend(report);
    cases.push({ key, value, scenario_value, recommended: pick, changed: pick !== recommended });
  }
  return cases;
}
