// The JSON Schema (draft 2020-12) of scenario files, for editors: generated
// from the zod schema (input side: what a file may contain, with defaults
// in file units), so its keys, types and defaults cannot drift from
// validation. Cross-field checks (shares summing to 1, uniform min <= max,
// horizon > warmup, ...) are not expressible here: `staffsim validate` has them.

import { z } from 'zod';
import { ScenarioFileSchema } from './schema.js';

/** JSON Schema of the scenario file format, with a description on every key. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioFileSchema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return schema;
}
