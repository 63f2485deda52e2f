// The command line with only the scenario file's commands (validate, schema,
// init): what the entry point loads when the first word names one of them
// (SCENARIO_COMMANDS). It reads zod, yaml and the scenario schema, not the
// simulator, the reports or their dependencies, so `staffsim validate` on a
// small file starts in about half the time (docs/performance.md,
// "Start-up"). The same program as main.ts's for these commands: the same
// root and the same registration (root.ts).

import { registerScenarioCommands, rootCommand, runCommandLine } from './root.js';
import type { CliStreams } from './streams.js';

function program() {
  const root = rootCommand();
  registerScenarioCommands(root);
  return root;
}

/** As main() in main.ts, for a command line whose first argument is one of SCENARIO_COMMANDS. */
export async function main(argv: string[], io: CliStreams | null = null): Promise<number> {
  return runCommandLine(argv, io, program, []);
}
