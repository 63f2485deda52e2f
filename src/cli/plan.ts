// `staffsim plan [FILE] --months N`: step a scenario's plan month by month
// and print each strategy's months. The work is in src/plan.

import { Command, Option } from 'commander';
import { runPlan } from '../plan/run.js';
import { PLAN_FORMATS, renderPlan, type PlanFormat } from '../report/plan.js';
import { inFile, ScenarioError } from '../scenario/errors.js';
import { DEFAULT_SCENARIO, loadScenarioFile } from '../scenario/load.js';
import { interruptOnSignals } from './interrupt.js';
import { collect, jobsOption, positiveInteger, seedValue } from './main.js';
import { checkOutputPath, writeOutput } from './output.js';
import { progressBar } from './progress.js';
import { shellWord } from './run.js';
import { streams } from './streams.js';


interface PlanFlags {
  months?: number;
  replications?: number;
  seed?: number;
  set: string[];
  format: PlanFormat;
  out?: string;
  jobs: number;
}

const PLAN_EXAMPLES = `
Each month of the scenario's plan: section is simulated over a short stretch
of days and scaled to the month; churned customers leave the base, hires and
attrition move the payroll, and rules change the next months (docs/plan.md).
Every figure is a mean over --replications independent paths with its 95%
interval.

Examples:
  $ staffsim plan                                      the built-in klarna-2024 plan, 2024-01 to 2025-12
  $ staffsim plan scenarios/klarna-2024.yaml --months 12
  $ staffsim plan my.yaml --set plan.workforce.attrition_per_month=0.05 --format csv --out plan.csv
  $ staffsim plan --months 12 --format html --out plan.html   a page with the months as charts`;

/** The command line that reproduces a plan's output; --jobs is left out: it changes no figure. */
function reproducingCommand(file: string | undefined, flags: PlanFlags): string {
  const words = ['staffsim', 'plan', ...(file !== undefined ? [file] : [])];
  if (flags.months !== undefined) words.push('--months', String(flags.months));
  if (flags.replications !== undefined) words.push('--replications', String(flags.replications));
  if (flags.seed !== undefined) words.push('--seed', String(flags.seed));
  for (const set of flags.set) words.push('--set', set);
  words.push('--format', flags.format);
  if (flags.out !== undefined) words.push('--out', flags.out);
  return words.map(shellWord).join(' ');
}

export function registerPlanCommand(root: Command): void {
  root
    .command('plan')
    .description('step a scenario\'s plan month by month (customer base, AI learning, workforce, rules) and print each strategy\'s months')
    .argument('[file]', 'scenario YAML file with a plan: section (default: the built-in klarna-2024 scenario)')
    .option('--months <n>', 'months to plan (shorthand for --set plan.months=N)', positiveInteger('--months'))
    .option('--replications <n>', 'independent plan paths (default: the scenario\'s replications)', positiveInteger('--replications'))
    .option('--seed <n>', 'random seed (same seed, same output)', seedValue)
    .option('--set <key.path=value>', 'override a scenario key (repeatable)', collect, [])
    .addOption(jobsOption('worker threads (same output whatever the number)'))
    .addOption(new Option('--format <format>', 'output format (html: one self-contained page with charts, see docs/report.md)').choices(PLAN_FORMATS).default('table'))
    .option('--out <file>', 'write the output to a file instead of stdout')
    .addHelpText('after', PLAN_EXAMPLES)
    .action((file: string | undefined, flags: PlanFlags) => planCommand(file, flags));
}

async function planCommand(file: string | undefined, flags: PlanFlags): Promise<void> {
  const interrupt = interruptOnSignals();
  try {
    const overrides = [...flags.set];
    // Shorthands for --set, validated like any key.
    if (flags.months !== undefined) overrides.push(`plan.months=${flags.months}`);
    if (flags.replications !== undefined) overrides.push(`replications=${flags.replications}`);
    if (flags.seed !== undefined) overrides.push(`seed=${flags.seed}`);
    const loaded = loadScenarioFile(file ?? DEFAULT_SCENARIO, { set: overrides });
    if (flags.out) checkOutputPath(flags.out);
    const progress = progressBar(`${loaded.scenario.name} plan`, streams().stderr, 'months × strategies × paths');
    let report;
    try {
      report = await runPlan(loaded, { jobs: flags.jobs, signal: interrupt.signal, onProgress: (done, total) => progress.update(done, total) });
    } catch (error) {
      throw error instanceof ScenarioError ? inFile(error, loaded.file) : error;
    } finally {
      progress.stop();
    }
    writeOutput(await renderPlan(report, flags.format, { command: reproducingCommand(file, flags) }), flags.out);
  } finally {
    interrupt.dispose();
  }
}
