// The scenario layer: load and validate scenario files, resolve strategies,
// export the JSON Schema and the reference documentation.

export type {
  Ai,
  ChurnModel,
  CsatModel,
  Customers,
  Demand,
  Employees,
  Gig,
  GigPay,
  Routing,
  Scenario,
  ServiceLevel,
  Staff,
  StrategyScenario,
  Surge,
  TicketType,
  Transition,
} from './types.js';
export { ScenarioError, type ScenarioIssue } from './errors.js';
export { DurationError, DURATION_UNITS, formatMinutes, parseDuration } from './duration.js';
export {
  canonicalJson,
  DEFAULT_SCENARIO,
  loadScenarioFile,
  MAX_SCENARIO_BYTES,
  parseScenarioText,
  resolveScenario,
  scenarioHash,
  type LoadedScenario,
  type LoadOptions,
} from './load.js';
export { ScenarioFileSchema, type ScenarioFileInput } from './schema.js';
export { scenarioJsonSchema } from './json-schema.js';
export { scenarioReference } from './docs.js';
export { starterScenario } from './starter.js';
