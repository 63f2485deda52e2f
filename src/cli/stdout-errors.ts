// What a failed write to stdout means, for the command line and for the
// entry point's quick `--version` (bin/staffsim.js), which answers before the
// command line is loaded. A reader that stops early (`staffsim run --format
// csv | head`) closes the pipe: what is left to print is not wanted, which
// is no error (as for Unix tools). A full disk or a closed file behind stdout
// (`> /dev/full`) is the user's to fix, as for --out: say so and exit 2, at
// once (the error arrives after the write).

import { cannotWrite } from './output.js';
import { UsageError } from './usage-error.js';

export const EXIT_BAD_INPUT = 2;

/** The handler for stdout's 'error' event; it reports on `stderr`. */
export function stdoutErrorHandler(stderr: NodeJS.WritableStream): (error: NodeJS.ErrnoException) => void {
  return (error) => {
    if (error.code === 'EPIPE') return;
    const refusal = cannotWrite('the output (stdout)', error);
    if (!(refusal instanceof UsageError)) throw error;
    stderr.write(`staffsim: ${refusal.message}\n`);
    process.exit(EXIT_BAD_INPUT);
  };
}
