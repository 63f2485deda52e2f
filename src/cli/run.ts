// `staffsim run [FILE]`: simulate a scenario and print the comparison.

import { runScenarioAsync, type RunOptions } from '../experiment/run.js';
import { defaultInputs, parseSensitivityInput, planSensitivity, runSensitivity } from '../experiment/sensitivity.js';
import { renderReport, selectKpis, warningText, type ReportFormat } from '../report/index.js';
import { recommended } from '../report/verdict.js';
import { inFile, ScenarioError } from '../scenario/errors.js';
import { DEFAULT_SCENARIO, loadScenarioFile } from '../scenario/load.js';
import { interruptOnSignals } from './interrupt.js';
import { checkOutputPath, writeOutput, useColor } from './output.js';
import { progressBar, type Progress } from './progress.js';
import { streams } from './streams.js';

export interface RunFlags {
  replications?: number;
  seed?: number;
  set: string[];
  strategy: string[];
  format: ReportFormat;
  kpi: string[];
  /** The table: also the hours of each strategy, a text chart of service level by hour, and its KPIs by ticket type and by group. */
  detail: boolean;
  out?: string;
  /** Absent without --jobs: the run then chooses (experiment/run.ts, workerThreads). */
  jobs?: number;
  baseline?: string;
  /** False with --as-staffed: no `<baseline>@target` beside the baseline. */
  atTarget: boolean;
  sensitivity: boolean;
  sensitivityInput: string[];
}

/** An argument as a POSIX shell reads it back: as is when plain, else in single quotes. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./=:,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command line that reproduces a run's report (the HTML report shows it); --jobs is left out: it changes no figure. */
function reproducingCommand(command: string, file: string | undefined, flags: RunFlags): string {
  const words = ['staffsim', command, ...(file !== undefined ? [file] : [])];
  for (const set of flags.set) words.push('--set', set);
  if (flags.replications !== undefined) words.push('--replications', String(flags.replications));
  if (flags.seed !== undefined) words.push('--seed', String(flags.seed));
  for (const strategy of flags.strategy) words.push('--strategy', strategy);
  if (flags.baseline !== undefined) words.push('--baseline', flags.baseline);
  if (!flags.atTarget) words.push('--as-staffed');
  if (flags.sensitivity) words.push('--sensitivity');
  for (const input of flags.sensitivityInput) words.push('--sensitivity-input', input);
  for (const kpi of flags.kpi) words.push('--kpi', kpi);
  words.push('--format', flags.format);
  if (flags.out !== undefined) words.push('--out', flags.out);
  return words.map(shellWord).join(' ');
}

/** Runs `work` with a progress bar on stderr, stopped whatever happens. */
async function withProgress<T>(label: string, work: (onProgress: NonNullable<RunOptions['onProgress']>) => Promise<T>): Promise<T> {
  const progress = progressBar(label, streams().stderr);
  try {
    return await work((done, total) => progress.update(done, total));
  } finally {
    progress.stop();
  }
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
  // Checked before anything runs, like the output path.
  const named = flags.sensitivityInput.map(parseSensitivityInput);
  const reruns = flags.sensitivity || named.length > 0 ? planSensitivity(loaded, named.length > 0 ? named : defaultInputs(loaded)) : null;
  if (flags.out) checkOutputPath(flags.out);

  const options: RunOptions & { jobs?: number } = {
    strategies: flags.strategy,
    signal,
    ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
    atTarget: flags.atTarget,
    ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
  };
  let report;
  try {
    report = await withProgress(loaded.scenario.name, (onProgress) => runScenarioAsync(loaded.scenario, loaded.sha256, { ...options, onProgress }));
  } catch (error) {
    // Auto staffing refuses a strategy after loading: name the file, as for any bad input.
    throw error instanceof ScenarioError ? inFile(error, loaded.file) : error;
  }
  if (reruns !== null) {
    // Each case is a run of its own, with its own progress bar.
    let bar: Progress | null = null;
    try {
      report.sensitivity = await runSensitivity(
        reruns,
        options,
        (r) => recommended(r)?.name ?? null,
        recommended(report)?.name ?? null,
        (key, value) => {
          bar?.stop();
          const current = progressBar(`${loaded.scenario.name} ${key}=${value}`, streams().stderr);
          bar = current;
          return (done, total) => current.update(done, total);
        },
      );
    } finally {
      (bar as Progress | null)?.stop();
    }
  }
  const color = !flags.out && flags.format === 'table' && useColor(streams().stdout);
  // Without --kpi, every KPI and the rows derived from them (the year, payback, payroll).
  const chosen = flags.kpi !== undefined && flags.kpi.length > 0 ? { kpis } : {};
  const command = reproducingCommand('run', file, flags);
  writeOutput(await renderReport(report, flags.format, { color, detail: flags.detail, command, ...chosen }), flags.out);
  // The table and markdown on the terminal show the warnings; csv has no place for
  // them, and json or a file is read by a program, not by the user who ran it.
  const shown = !flags.out && (flags.format === 'table' || flags.format === 'markdown');
  if (!shown) for (const warning of report.warnings) streams().stderr.write(`staffsim: warning: ${warningText(warning)}\n`);
}
