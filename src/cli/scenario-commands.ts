// `staffsim validate`, `staffsim schema` and `staffsim init`: the scenario
// file's own commands.

import { existsSync } from 'node:fs';
import { formatMinutes } from '../scenario/duration.js';
import { loadScenarioFile } from '../scenario/load.js';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { starterScenario } from '../scenario/starter.js';
import { writeFileAtomic } from './output.js';
import { UsageError } from './usage-error.js';
import { streams } from './streams.js';

export function validateCommand(file: string, set: string[]): void {
  const { scenario } = loadScenarioFile(file, { set });
  const strategies = scenario.strategies.map((s) => `${s.name} (${s.routing})`).join(', ');
  streams().stdout.write(
    `${file}: valid. "${scenario.name}": ${scenario.ticket_types.length} ticket type(s), ` +
      // The horizon includes the warm-up: say what is measured.
      `horizon ${formatMinutes(scenario.horizon)} (a ${formatMinutes(scenario.warmup)} warm-up, then ` +
      `${formatMinutes(scenario.horizon - scenario.warmup)} measured), ` +
      `${scenario.replications} replication(s); strategies: ${strategies}.\n`,
  );
}

export function schemaCommand(): void {
  streams().stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}

export function initCommand(file: string, force: boolean): void {
  if (existsSync(file) && !force) {
    throw new UsageError(`${file} already exists; pass --force to overwrite it`);
  }
  writeFileAtomic(file, starterScenario(file));
  streams().stdout.write(`wrote ${file}: edit it, then run 'staffsim validate ${file}' and 'staffsim run ${file}'.\n`);
}
