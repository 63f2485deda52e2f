// What every staffsim command line shares: the root command (its options,
// output and help), the scenario file's own commands (validate, schema,
// init), and the run of a command line with its exit code. Two programs are
// built from it: the whole command line (main.ts) and the scenario commands
// alone (scenario-main.ts), which the entry point loads when the first word
// names one of them, so `staffsim validate` starts without the simulator and
// the reports (docs/performance.md, "Start-up"). Commander dispatches on that
// word and looks at no sibling command, so both give the same output.

import { Command, CommanderError, Help, Option } from 'commander';
import { VERSION } from '../experiment/version.js';
import { ScenarioError } from '../scenario/errors.js';
import { InterruptedError } from './interrupt.js';
import { initCommand, schemaCommand, validateCommand } from './scenario-commands.js';
import { streams, withStreams, type CliStreams } from './streams.js';
import { EXIT_BAD_INPUT, stdoutErrorHandler } from './stdout-errors.js';
import { UsageError } from './usage-error.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export { EXIT_BAD_INPUT };

/** A class of error that is the user's input, reported in one line with exit 2. */
export type BadInputError = abstract new (...args: never[]) => Error;

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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

/** The root command, without subcommands. */
export function rootCommand(): Command {
  return (
    new Command('staffsim')
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
      .exitOverride()
  );
}

/** validate, schema and init, in the order the help lists them. */
export function registerScenarioCommands(root: Command): void {
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
}

/**
 * Runs the command line `argv` (as process.argv: node, script, arguments...)
 * on the program `build` makes and returns its exit code. `badInput`: the
 * library's error classes, besides ScenarioError and UsageError, that are
 * the user's input (exit 2). `io` replaces the process streams (tests).
 */
export async function runCommandLine(
  argv: string[],
  io: CliStreams | null,
  build: () => Command,
  badInput: readonly BadInputError[],
): Promise<number> {
  return withStreams(io, async () => {
    const { stdout, stderr } = streams();
    const onError = stdoutErrorHandler(stderr);
    stdout.on('error', onError);
    try {
      const program = build();
      for (const command of program.commands) command.exitOverride();
      await program.parseAsync(argv);
      return EXIT_OK;
    } catch (error) {
      return report(error, badInput);
    } finally {
      // A write error arrives after the write, often once main() has returned:
      // the process's own stdout keeps its handler to the end. A stream handed
      // in by a caller is given back without it.
      if (stdout !== process.stdout) stdout.off('error', onError);
    }
  });
}

function report(error: unknown, badInput: readonly BadInputError[]): number {
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
  if (error instanceof UsageError || badInput.some((kind) => error instanceof kind)) {
    streams().stderr.write(`staffsim: ${(error as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  streams().stderr.write(`staffsim: internal error: ${message}\n`);
  if (process.env.STAFFSIM_DEBUG && error instanceof Error && error.stack) streams().stderr.write(`${error.stack}\n`);
  else streams().stderr.write('This is a bug in staffsim. Re-run with STAFFSIM_DEBUG=1 for details and report it.\n');
  return EXIT_INTERNAL;
}
