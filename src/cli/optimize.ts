// `staffsim optimize FILE`: parse the flags (or the file's optimize:
// section), search for the cheapest configuration meeting the constraints
// (src/experiment/optimize.ts), and print it, the best few and the frontier;
// --out also writes the best configuration as a patch of the file.

import { Command, Option } from 'commander';
import { checkProblem, optimize } from '../experiment/optimize.js';
import { problemOf } from '../experiment/optimize-problem.js';
import { VERSION } from '../experiment/version.js';
import { OPTIMIZE_COMMAND_FORMATS, renderOptimize, renderOptimizePage, renderPatch, type OptimizeFormat } from '../report/optimize.js';
import { loadScenarioFile } from '../scenario/load.js';
import { InterruptedError, interruptOnSignals } from './interrupt.js';
import { collect, jobsOption, positiveInteger, seedValue } from './main.js';
import { checkOutputPath, writeFileAtomic, writingTo } from './output.js';
import { progressBar } from './progress.js';
import { shellWord } from './run.js';
import { streams } from './streams.js';

const OPTIMIZE_EXAMPLES = `
Decisions are keys of the strategy (as in its patch): lo:hi is a range of
whole numbers (a range of real numbers when lo or hi has a decimal point),
a,b,c a choice. Constraints are 'kpi >= x' or 'kpi <= x' on any KPI, or
'kpi.type >= x' on one ticket type's (as the run's CSV names by_type KPIs);
each must hold with 95% one-sided confidence over a candidate's replications.
Without flags, the scenario's optimize: section says what to do. See
docs/optimize.md for the method and what it guarantees.

Examples:
  $ staffsim optimize my.yaml --strategy all-human --constraint 'service_level >= 0.8' \\
      --decide staff.employees.headcount=1:60
  $ staffsim optimize scenarios/klarna-2024.yaml --strategy hybrid-gig --minimize cost_total \\
      --constraint 'service_level >= 0.8' --constraint 'abandon_rate <= 0.05' \\
      --decide staff.employees.headcount=20:400 --decide staff.gig.pool=0:2000 --out best.yaml
  $ staffsim optimize my.yaml --strategy all-human --constraint 'service_level >= 0.8' \\
      --decide staff.employees.headcount=1:60 --format html > frontier.html
  $ staffsim optimize groups.yaml --strategy split --constraint 'service_level.disputes >= 0.8' \\
      --decide staff.groups.resolvers.headcount=1:30 --time-limit 10m`;

interface OptimizeFlags {
  strategy?: string;
  minimize?: string;
  constraint: string[];
  decide: string[];
  budget?: number;
  timeLimit?: string;
  maxReplications?: number;
  set: string[];
  replications?: number;
  seed?: number;
  jobs: number;
  format: OptimizeFormat | 'html';
  out?: string;
}

/** An optimisation stopped by Ctrl-C: what was found is printed (and written), then the signal's exit code. */
class OptimizeInterrupted extends InterruptedError {
  constructor(signal: InterruptedError['signal']) {
    super(signal);
    this.message = `interrupted by ${signal}; the best found so far is above`;
  }
}

export async function optimizeCommand(file: string, flags: OptimizeFlags): Promise<void> {
  if (flags.out) checkOutputPath(flags.out);
  const overrides = [...flags.set];
  if (flags.replications !== undefined) overrides.push(`replications=${flags.replications}`);
  if (flags.seed !== undefined) overrides.push(`seed=${flags.seed}`);
  const loaded = loadScenarioFile(file, { set: overrides });
  // OptimizeError and ScenarioError are bad input: main() reports them with exit 2.
  const problem = problemOf(loaded.optimize, flags, { file: loaded.file, text: loaded.text });
  checkProblem(loaded, problem); // before the progress bar and signal handlers

  const interrupt = interruptOnSignals();
  const progress = progressBar(`${loaded.scenario.name} optimize`, streams().stderr, 'candidates');
  let result;
  try {
    result = await optimize(loaded, problem, {
      jobs: flags.jobs,
      signal: interrupt.signal,
      onProgress: (done, total) => progress.update(done, total),
      ...(flags.maxReplications !== undefined ? { maxReplications: flags.maxReplications } : {}),
    });
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  const context = { scenario: loaded.scenario.name, file };
  const text =
    flags.format === 'html'
      ? await renderOptimizePage(result, { ...context, sha256: loaded.sha256, seed: loaded.scenario.seed, staffsim: VERSION, command: reproducingCommand(file, flags) })
      : renderOptimize(result, flags.format, context);
  streams().stdout.write(text);
  if (flags.out) {
    const out = flags.out;
    const patch = renderPatch(result, context);
    writingTo(out, () => writeFileAtomic(out, patch));
  }
  const reason: unknown = interrupt.signal.reason;
  if (result.stopped === 'interrupted' && reason instanceof InterruptedError) throw new OptimizeInterrupted(reason.signal);
}

/** The command line that reproduces the search; --jobs and --out (the patch) are left out: they change no figure. */
function reproducingCommand(file: string, flags: OptimizeFlags): string {
  const words = ['staffsim', 'optimize', file];
  if (flags.strategy !== undefined) words.push('--strategy', flags.strategy);
  if (flags.minimize !== undefined) words.push('--minimize', flags.minimize);
  for (const c of flags.constraint) words.push('--constraint', c);
  for (const d of flags.decide) words.push('--decide', d);
  if (flags.budget !== undefined) words.push('--budget', String(flags.budget));
  if (flags.timeLimit !== undefined) words.push('--time-limit', flags.timeLimit);
  if (flags.maxReplications !== undefined) words.push('--max-replications', String(flags.maxReplications));
  for (const set of flags.set) words.push('--set', set);
  if (flags.replications !== undefined) words.push('--replications', String(flags.replications));
  if (flags.seed !== undefined) words.push('--seed', String(flags.seed));
  words.push('--format', 'html');
  return words.map(shellWord).join(' ');
}

export function registerOptimizeCommand(root: Command): void {
  root
    .command('optimize')
    .description('find by simulation the cheapest configuration of a strategy that meets constraints on its KPIs')
    .argument('<file>', 'scenario YAML file')
    .option('--strategy <name>', 'the strategy whose configuration is decided')
    .option('--minimize <kpi>', 'the cost KPI to minimise (default cost_total)')
    .option('--constraint <kpi op bound>', "a constraint such as 'service_level >= 0.8', or 'service_level.disputes >= 0.8' for one ticket type (repeatable)", collect, [])
    .option('--decide <key.path=lo:hi>', 'a decision variable: lo:hi, or a,b,c for a choice (repeatable)', collect, [])
    .option('--budget <n>', 'most candidates to simulate (default 60)', positiveInteger('--budget'))
    .option('--time-limit <duration>', 'start no new simulations after this long (e.g. 10m, 1.5h) and report the best so far')
    .option('--max-replications <n>', "most replications one candidate gets (default 4 × the scenario's)", positiveInteger('--max-replications'))
    .option('--set <key.path=value>', 'override a scenario key for every candidate (repeatable)', collect, [])
    .option('--replications <n>', 'replications each candidate starts with (at least 2)', positiveInteger('--replications'))
    .option('--seed <n>', 'random seed every candidate shares (common random numbers)', seedValue)
    .addOption(jobsOption('worker threads (same answer whatever the number)'))
    .addOption(new Option('--format <format>', 'output format (html: one self-contained page with the frontier charts, see docs/report.md)').choices(OPTIMIZE_COMMAND_FORMATS).default('table'))
    .option('--out <file>', 'also write the best configuration as a patch of the scenario file (YAML)')
    .addHelpText('after', OPTIMIZE_EXAMPLES)
    .action((file: string, flags: OptimizeFlags) => optimizeCommand(file, flags));
}
