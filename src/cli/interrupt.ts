// Ctrl-C (SIGINT) and SIGTERM during a long command. The first signal aborts
// an AbortSignal: a run stops its worker threads (each replication on a
// worker reads a stop flag every 65,536 events, experiment/run-control.ts)
// and checks it before each replication run on this thread (short ones
// only, so this thread is never busy long), writes nothing, and exits with the
// shell's code for that signal (128 + its number: 130 for SIGINT, 143 for
// SIGTERM). Each handler is installed once: a second Ctrl-C, for a user who
// will not wait for a replication to finish, gets Node's default and kills
// the process at once. Either way no --out file is half-written, because
// output is only written (atomically) after the run has finished.

import { constants } from 'node:os';

export type StopSignal = 'SIGINT' | 'SIGTERM';

const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/** The run was stopped by a signal; the CLI exits with `exitCode`. */
export class InterruptedError extends Error {
  readonly exitCode: number;

  constructor(readonly signal: StopSignal) {
    super(`interrupted by ${signal}; nothing was written`);
    this.name = 'InterruptedError';
    this.exitCode = 128 + constants.signals[signal];
  }
}

export interface Interrupt {
  /** Aborted, with an InterruptedError as its reason, by the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** Removes the handlers (always call it, in a finally). */
  dispose(): void;
}

export function interruptOnSignals(): Interrupt {
  const controller = new AbortController();
  const handlers = STOP_SIGNALS.map((name) => {
    const handler = () => controller.abort(new InterruptedError(name));
    process.once(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: controller.signal,
    dispose() {
      for (const [name, handler] of handlers) process.removeListener(name, handler);
    },
  };
}
