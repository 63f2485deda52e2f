// `staffsim run [FILE]`: simulate a scenario and print the comparison.

import { runScenarioAsync } from '../experiment/run.js';
import { render, selectKpis, warningText, type Format } from '../report/index.js';
import { inFile, ScenarioError } from '../scenario/errors.js';
import { DEFAULT_SCENARIO, loadScenarioFile } from '../scenario/load.js';
import { interruptOnSignals } from './interrupt.js';
import { checkOutputPath, writeOutput, useColor } from './output.js';
import { progressBar } from './progress.js';

export interface RunFlags {
  replications?: number;
  seed?: number;
  set: string[];
  strategy: string[];
  format: Format;
  kpi: string[];
  out?: string;
  jobs: number;
}

export async function runCommand(file: string | undefined, flags: RunFlags): Promise<void> {
  // Ctrl-C stops the run (exit 130), inside a long replication too, before any
  // output is written. Listening from the start, so a signal while the file loads counts too.
  const interrupt = interruptOnSignals();
  try {
    await run(file, flags, interrupt.signal);
  } finally {
    interrupt.dispose();
  }
}

async function run(file: string | undefined, flags: RunFlags, signal: AbortSignal): Promise<void> {
  const overrides = [...flags.set];
  // The flags are shorthands for --set, so they are validated like any key.
  if (flags.replications !== undefined) overrides.push(`replications=${flags.replications}`);
  if (flags.seed !== undefined) overrides.push(`seed=${flags.seed}`);
  const loaded = loadScenarioFile(file ?? DEFAULT_SCENARIO, { set: overrides });
  const kpis = selectKpis(flags.kpi);
  if (flags.out) checkOutputPath(flags.out);

  const progress = progressBar(loaded.scenario.name);
  let report;
  try {
    report = await runScenarioAsync(loaded.scenario, loaded.sha256, {
      strategies: flags.strategy,
      onProgress: (done, total) => progress.update(done, total),
      signal,
      jobs: flags.jobs,
    });
  } catch (error) {
    // Auto staffing refuses a strategy after loading: name the file, as for any bad input.
    throw error instanceof ScenarioError ? inFile(error, loaded.file) : error;
  } finally {
    progress.stop();
  }
  const color = !flags.out && flags.format === 'table' && useColor(process.stdout);
  writeOutput(render(report, flags.format, { color, kpis }), flags.out);
  // The table and markdown on the terminal show the warnings; csv has no place for
  // them, and json or a file is read by a program, not by the user who ran it.
  const shown = !flags.out && (flags.format === 'table' || flags.format === 'markdown');
  if (!shown) for (const warning of report.warnings) process.stderr.write(`staffsim: warning: ${warningText(warning)}\n`);
}
