// What the entry point (bin/staffsim.js) decides before it loads a bundle of
// the command line (docs/performance.md, "Start-up"). Bundled as CommonJS
// (dist/bundle/entry.cjs, scripts/bundle.mjs), so that bin/staffsim.js, a
// CommonJS file, starts without Node's loader of ES modules:
//
// - A lone `--version` is answered here: parsing a bundle was most of the
//   time `--version` took (0.35 s wall against Node's own 0.12 s). Anything
//   else on the line, `--version` included, goes to the command line, where
//   commander answers it: both print the package version and exit 0.
// - A line whose first word is validate, schema or init loads the bundle of
//   the scenario commands alone (src/cli/scenario-main.ts), without the
//   simulator and the reports; any other line loads the whole command line.

import { loadBundle, SCENARIO_BUNDLE, SCENARIO_CODE_CACHE } from './code-cache.js';
import { VERSION } from '../experiment/version.js';
import { stdoutErrorHandler } from './stdout-errors.js';

/** Whether the arguments (after node and the script) are a lone --version or -V. */
export function asksOnlyForVersion(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === '--version' || args[0] === '-V');
}

/** Prints the version as commander does, with the command line's rule for a failed write. */
export function printVersion(): void {
  process.stdout.on('error', stdoutErrorHandler(process.stderr));
  process.stdout.write(`${VERSION}\n`);
}

/** The commands scenario-main.ts registers (a test holds the two together). */
export const SCENARIO_COMMANDS: readonly string[] = ['validate', 'schema', 'init'];

/** Whether the arguments (after node and the script) start with one of SCENARIO_COMMANDS. */
export function namesScenarioCommand(args: readonly string[]): boolean {
  return args.length > 0 && SCENARIO_COMMANDS.includes(args[0]!);
}

/** The scenario commands (scenario-main.ts's main), from their bundle, with V8's code cache (code-cache.ts). */
export function scenarioCommands(): { main: (argv: string[]) => Promise<number> } {
  return loadBundle(SCENARIO_BUNDLE, SCENARIO_CODE_CACHE).exports as { main: (argv: string[]) => Promise<number> };
}
