// The JSON Schema (draft 2020-12) of scenario files, for editors: generated
// from the zod schema (input side: what a file may contain, with defaults
// in file units), so it can never disagree with validation.

import { z } from 'zod';
import { ScenarioFileSchema } from './schema.js';

export const SCENARIO_SCHEMA_ID = 'https://staffsim.dev/schema/scenario.json';

/** JSON Schema of the scenario file format, with a description on every key. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioFileSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return { $schema: schema.$schema, $id: SCENARIO_SCHEMA_ID, ...schema };
}
