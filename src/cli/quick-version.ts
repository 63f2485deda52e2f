// `staffsim --version` on its own, answered by the entry point
// (bin/staffsim.js) before the bundled command line is loaded: parsing that
// bundle (1.3 MB) is most of the time `--version` took (0.35 s wall against
// Node's own 0.12 s; docs/performance.md, "Start-up"). Anything else on the
// line, `--version` included, goes to the command line, where commander
// answers it: both print the package version and exit 0.

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
