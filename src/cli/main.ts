// The command line: parse, call the library, print. Exit codes are a
// contract: 0 success, 2 bad input or usage (one message naming the file,
// line and key), 1 an internal error (a bug: reported with a hint to re-run
// with STAFFSIM_DEBUG=1 for the stack), 130 interrupted by Ctrl-C (SIGINT),
// 143 by SIGTERM (see interrupt.ts). The root command, the scenario
// commands and the error reporting are root.ts's, shared with
// scenario-main.ts.

import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { BaselineError, SMALL_RUN_CONTACTS, UnknownStrategyError } from '../experiment/run.js';
import { SensitivityError } from '../experiment/sensitivity.js';
import { REPORT_FORMATS, UnknownKpiError } from '../report/index.js';
import { registerErlangCommand } from './erlang.js';
import { registerPlanCommand } from './plan.js';
import { runCommand, type RunFlags } from './run.js';
import { registerMergeCommand, registerSweepCommand } from './sweep.js';
import { registerOptimizeCommand } from './optimize.js';
import { OptimizeError } from '../experiment/optimize-problem.js';
import { collect, registerScenarioCommands, rootCommand, runCommandLine, type BadInputError } from './root.js';
import type { CliStreams } from './streams.js';

export { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK } from './root.js';
export { collect };

const RUN_EXAMPLES = `
Examples:
  $ staffsim run                                   the built-in default scenario (klarna-2024)
  $ staffsim run scenarios/bank-sensitive.yaml --replications 20
  $ staffsim run my.yaml --strategy all-human --strategy hybrid
  $ staffsim run my.yaml --set demand.contacts_per_day=30000 --set staff.employees.headcount=150
  $ staffsim run my.yaml --kpi cost_total,service_level,csat
  $ staffsim run my.yaml --format json --out results.json
  $ staffsim run --format html --out report.html     a page with charts to open in a browser or attach to an email
  $ staffsim run my.yaml --detail                  the table, then each strategy hour by hour
  $ staffsim run my.yaml --baseline hybrid --strategy hybrid --strategy all-ai
  $ staffsim run --sensitivity                     the verdict at half and twice churn after a bad episode and lifetime value
  $ staffsim run my.yaml --sensitivity-input customers.lifetime_value=50,500`;

/** `--kpi`, shared by run and sweep. */
export const KPI_FLAG = '--kpi <names>';
export const KPI_HELP = 'show only these KPIs, in this order: a name or a comma list (repeatable), e.g. cost_total,csat';

export function positiveInteger(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
      throw new InvalidArgumentError(`${flag} takes a whole number of at least 1`);
    }
    return n;
  };
}

/** `--jobs N`, by default every core; the help names the default rather than this machine's count. */
export function jobsOption(description: string): Option {
  return new Option('--jobs <n>', description).argParser(positiveInteger('--jobs')).default(availableParallelism(), 'the number of cores');
}

export function seedValue(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError('--seed takes a whole number of 0 or more');
  }
  return n;
}

function program(): Command {
  const root = rootCommand();

  root
    .command('run')
    .description('simulate a scenario file (default: the built-in klarna-2024 scenario) and print the comparison')
    .argument('[file]', 'scenario YAML file')
    .option('--replications <n>', 'independent replications per strategy', positiveInteger('--replications'))
    .option('--seed <n>', 'random seed (same seed, same output)', seedValue)
    .option('--set <key.path=value>', 'override a scenario key (repeatable)', collect, [])
    .option('--strategy <name>', 'run only this strategy (repeatable)', collect, [])
    .option('--jobs <n>', `worker threads for the replications (same output whatever the number; when not given, a run of under ${SMALL_RUN_CONTACTS.toLocaleString('en-US')} simulated contacts in all runs on the main thread) (default: the number of cores)`, positiveInteger('--jobs'))
    .addOption(new Option('--format <format>', 'output format (html: one self-contained page with charts, see docs/report.md)').choices(REPORT_FORMATS).default('table'))
    .option(KPI_FLAG, KPI_HELP, collect, [])
    .option('--detail', 'table: also each strategy\'s human queue by hour of day, a text chart of service level by hour, and its KPIs by ticket type and by agent group', false)
    .option('--out <file>', 'write the output to a file instead of stdout')
    .option('--baseline <name>', 'the strategy the others are compared against (default: the first strategy run)')
    .option('--as-staffed', 'compare against the baseline only as the file staffs it, without adding <baseline>@target (the baseline staffed by auto to just meet the target)')
    .option('--sensitivity', 'rerun the comparison at low and high values of the least certain inputs and say whether the verdict changes (default inputs: customers.churn.unresolved and customers.lifetime_value at half and twice their values)')
    .option('--sensitivity-input <key=low,high>', 'an input for --sensitivity instead of the defaults (repeatable; implies --sensitivity)', collect, [])
    .addHelpText('after', RUN_EXAMPLES)
    .action(async (file: string | undefined, flags: Omit<RunFlags, 'atTarget'> & { asStaffed?: boolean }) => {
      const { asStaffed, ...rest } = flags;
      await runCommand(file, { ...rest, atTarget: asStaffed !== true, sensitivity: flags.sensitivity === true });
    });

  registerScenarioCommands(root);
  registerErlangCommand(root);
  registerSweepCommand(root);
  registerMergeCommand(root);
  registerOptimizeCommand(root);
  registerPlanCommand(root);
  return root;
}

/** The library's errors that are the user's input: one line, exit 2. */
const BAD_INPUT: readonly BadInputError[] = [
  OptimizeError,
  UnknownStrategyError,
  UnknownKpiError,
  BaselineError,
  SensitivityError,
];

/**
 * Runs the command line `argv` (as process.argv: node, script, arguments...)
 * and returns its exit code. `io` replaces the process streams (tests).
 */
export async function main(argv: string[], io: CliStreams | null = null): Promise<number> {
  return runCommandLine(argv, io, program, BAD_INPUT);
}
