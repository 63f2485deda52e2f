// The command line: parse, call the library, print. Exit codes are a
// contract: 0 success, 2 bad input or usage (one message naming the file,
// line and key), 1 an internal error (a bug: reported with a hint to re-run
// with STAFFSIM_DEBUG=1 for the stack), 130 interrupted by Ctrl-C (SIGINT),
// 143 by SIGTERM (see interrupt.ts).

import { availableParallelism } from 'node:os';
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { BaselineError, UnknownStrategyError } from '../experiment/run.js';
import { SensitivityError } from '../experiment/sensitivity.js';
import { VERSION } from '../experiment/version.js';
import { REPORT_FORMATS, UnknownKpiError } from '../report/index.js';
import { ScenarioError } from '../scenario/errors.js';
import { registerErlangCommand } from './erlang.js';
import { registerPlanCommand } from './plan.js';
import { InterruptedError } from './interrupt.js';
import { runCommand, type RunFlags } from './run.js';
import { registerMergeCommand, registerSweepCommand } from './sweep.js';
import { registerOptimizeCommand } from './optimize.js';
import { OptimizeError } from '../experiment/optimize-problem.js';
import { initCommand, schemaCommand, validateCommand } from './scenario-commands.js';
import { UsageError } from './usage-error.js';
import { streams, withStreams, type CliStreams } from './streams.js';
import { EXIT_BAD_INPUT, stdoutErrorHandler } from './stdout-errors.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export { EXIT_BAD_INPUT };

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

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

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

/**
 * Option help without defaults that say nothing: an empty list (repeatable
 * flags) or `false` (switches) is what leaving the flag out means anyway.
 */
function optionDescription(this: Help, option: Option): string {
  const silent = option.defaultValue === false || (Array.isArray(option.defaultValue) && option.defaultValue.length === 0);
  if (!silent) return Help.prototype.optionDescription.call(this, option);
  const shown = Object.assign(Object.create(Object.getPrototypeOf(option) as object) as Option, option, { defaultValue: undefined });
  return Help.prototype.optionDescription.call(this, shown);
}

function program(): Command {
  const root = new Command('staffsim')
    .description('Simulate customer-service staffing: human, AI and hybrid strategies compared on cost, customers and workers.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    // Usage errors start like every other message (`staffsim: ...`), not with commander's `error: `.
    // Set before the subcommands are added: they copy it.
    .configureOutput({
      writeOut: (text) => streams().stdout.write(text),
      writeErr: (text) => streams().stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'staffsim: ')),
    })
    .configureHelp({ optionDescription })
    .exitOverride();

  root
    .command('run')
    .description('simulate a scenario file (default: the built-in klarna-2024 scenario) and print the comparison')
    .argument('[file]', 'scenario YAML file')
    .option('--replications <n>', 'independent replications per strategy', positiveInteger('--replications'))
    .option('--seed <n>', 'random seed (same seed, same output)', seedValue)
    .option('--set <key.path=value>', 'override a scenario key (repeatable)', collect, [])
    .option('--strategy <name>', 'run only this strategy (repeatable)', collect, [])
    .addOption(jobsOption('worker threads for the replications (same output whatever the number)'))
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

  root
    .command('validate')
    .description('check a scenario file and say what it contains')
    .argument('<file>', 'scenario YAML file')
    .option('--set <key.path=value>', 'override a scenario key (repeatable)', collect, [])
    .addHelpText('after', '\nExample:\n  $ staffsim validate scenarios/ecommerce-shop.yaml')
    .action((file: string, flags: { set: string[] }) => validateCommand(file, flags.set));

  root
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor completion)')
    .addHelpText('after', '\nExample:\n  $ staffsim schema > staffsim.schema.json')
    .action(() => schemaCommand());

  root
    .command('init')
    .description('write a commented starter scenario')
    .argument('[file]', 'where to write it', 'scenario.yaml')
    .option('--force', 'overwrite an existing file', false)
    .addHelpText('after', '\nExample:\n  $ staffsim init my-centre.yaml && staffsim run my-centre.yaml')
    .action((file: string, flags: { force: boolean }) => initCommand(file, flags.force));

  registerErlangCommand(root);
  registerSweepCommand(root);
  registerMergeCommand(root);
  registerOptimizeCommand(root);
  registerPlanCommand(root);
  for (const command of root.commands) command.exitOverride();
  return root;
}

/**
 * Runs the command line `argv` (as process.argv: node, script, arguments...)
 * and returns its exit code. `io` replaces the process streams (tests).
 */
export async function main(argv: string[], io: CliStreams | null = null): Promise<number> {
  return withStreams(io, () => runMain(argv));
}

async function runMain(argv: string[]): Promise<number> {
  const { stdout, stderr } = streams();
  const onError = stdoutErrorHandler(stderr);
  stdout.on('error', onError);
  try {
    await program().parseAsync(argv);
    return EXIT_OK;
  } catch (error) {
    return report(error);
  } finally {
    // A write error arrives after the write, often once main() has returned:
    // the process's own stdout keeps its handler to the end. A stream handed
    // in by a caller is given back without it.
    if (stdout !== process.stdout) stdout.off('error', onError);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version are exits too; commander has already printed them or the usage message.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT_OK;
    }
    return EXIT_BAD_INPUT;
  }
  if (error instanceof InterruptedError) {
    streams().stderr.write(`staffsim: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ScenarioError) {
    streams().stderr.write(`staffsim: ${error.format()}\n`);
    return EXIT_BAD_INPUT;
  }
  if (
    error instanceof UsageError ||
    error instanceof OptimizeError ||
    error instanceof UnknownStrategyError ||
    error instanceof UnknownKpiError ||
    error instanceof BaselineError ||
    error instanceof SensitivityError
  ) {
    streams().stderr.write(`staffsim: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  streams().stderr.write(`staffsim: internal error: ${message}\n`);
  if (process.env.STAFFSIM_DEBUG && error instanceof Error && error.stack) streams().stderr.write(`${error.stack}\n`);
  else streams().stderr.write('This is a bug in staffsim. Re-run with STAFFSIM_DEBUG=1 for details and report it.\n');
  return EXIT_INTERNAL;
}
