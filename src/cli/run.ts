// `staffsim run [FILE]`: simulate a scenario and print the comparison.

import { runScenario } from '../experiment/run.js';
import { render, type Format } from '../report/index.js';
import { DEFAULT_SCENARIO, loadScenarioFile } from '../scenario/load.js';
import { writeOutput, useColor } from './output.js';
import { progressBar } from './progress.js';

export interface RunFlags {
  replications?: number;
  seed?: number;
  set: string[];
  strategy: string[];
  format: Format;
  out?: string;
}

export function runCommand(file: string | undefined, flags: RunFlags): void {
  const overrides = [...flags.set];
  // The flags are shorthands for --set, so they are validated like any key.
  if (flags.replications !== undefined) overrides.push(`replications=${flags.replications}`);
  if (flags.seed !== undefined) overrides.push(`seed=${flags.seed}`);
  const loaded = loadScenarioFile(file ?? DEFAULT_SCENARIO, { set: overrides });

  const progress = progressBar(loaded.scenario.name);
  let report;
  try {
    report = runScenario(loaded.scenario, loaded.sha256, {
      strategies: flags.strategy,
      onProgress: (done, total) => progress.update(done, total),
    });
  } finally {
    progress.stop();
  }
  const color = !flags.out && flags.format === 'table' && useColor(process.stdout);
  writeOutput(render(report, flags.format, { color }), flags.out);
}
