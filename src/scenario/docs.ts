// docs/scenario.md, generated: the key-by-key tables come from the JSON
// Schema (itself generated from the zod schema), so the reference cannot
// drift from validation. test/scenario/docs.test.ts checks the file equals
// scenarioReference(); regenerate it with
//   UPDATE_DOCS=1 npx vitest run test/scenario/docs.test.ts

import { formatMinutes } from './duration.js';
import { scenarioJsonSchema } from './json-schema.js';
import { formatLimit, LIMITS } from './schema.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function flow(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length > 6 && value.every((v) => v === value[0])) return `${value.length} × ${flow(value[0])}`;
    return `[${value.map(flow).join(', ')}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? '{}' : `{${entries.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
  }
  return String(value);
}

function numberLabel(node: Json, integer: boolean): string {
  const noun = integer ? 'integer' : 'number';
  const min = node.minimum as number | undefined;
  const max = node.maximum as number | undefined;
  const xmin = node.exclusiveMinimum as number | undefined;
  const xmax = node.exclusiveMaximum as number | undefined;
  const hasMax = max !== undefined && max < Number.MAX_SAFE_INTEGER;
  if (min !== undefined && hasMax) return `${noun} ${min}–${formatLimit(max)}`;
  if (min !== undefined && xmax !== undefined) return `${noun} ${min} to < ${xmax}`;
  if (xmin !== undefined && hasMax) return `${noun} > ${xmin}, ≤ ${formatLimit(max)}`;
  if (xmin !== undefined) return `${noun} > ${xmin}`;
  if (min !== undefined) return `${noun} ≥ ${min}`;
  return noun;
}

function typeLabel(node: Json): string {
  if (node.title === 'duration') return 'duration';
  if (node.title === 'distribution') return 'distribution';
  if (Array.isArray(node.anyOf)) {
    const options = node.anyOf.filter(isObject);
    const nonNull = options.filter((o) => o.type !== 'null');
    const labels = nonNull.map(typeLabel);
    const text = labels.join(' or ');
    return nonNull.length < options.length ? `${text} or null` : text;
  }
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(' | ');
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  switch (node.type) {
    case 'integer':
      return numberLabel(node, true);
    case 'number':
      return numberLabel(node, false);
    case 'boolean':
      return 'true/false';
    case 'string':
      return 'text';
    case 'array': {
      const items = isObject(node.items) ? node.items : {};
      const exact = node.minItems !== undefined && node.minItems === node.maxItems ? `${String(node.minItems)} ` : '';
      if (items.type === 'object') return 'list of mappings';
      const inner = typeLabel(items);
      return `list of ${exact}${inner === 'duration' ? 'durations' : inner.startsWith('number') ? inner.replace('number', 'numbers') : inner}`;
    }
    case 'object':
      return isObject(node.properties) ? 'mapping' : 'mapping of name → value';
    default:
      return 'value';
  }
}

function defaultLabel(node: Json, required: boolean): string {
  if (required) return '**required**';
  if (!('default' in node)) return '—';
  return node.default === '' ? "`''` (empty)" : `\`${flow(node.default)}\``;
}

interface Section {
  heading: string;
  node: Json;
}

function table(node: Json): string {
  const props = isObject(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const rows = ['| Key | Type | Default | Meaning |', '|---|---|---|---|'];
  for (const [key, value] of Object.entries(props)) {
    if (!isObject(value)) continue;
    rows.push(
      `| \`${key}\` | ${cell(typeLabel(value))} | ${cell(defaultLabel(value, required.has(key)))} | ${cell(String(value.description ?? ''))} |`,
    );
  }
  return rows.join('\n');
}

/** Sub-sections: object-valued keys and lists of objects, depth first in key order. */
function sections(node: Json, path: string, out: Section[]): void {
  const props = isObject(node.properties) ? node.properties : {};
  for (const [key, value] of Object.entries(props)) {
    if (!isObject(value)) continue;
    const here = path ? `${path}.${key}` : key;
    if (value.type === 'object' && isObject(value.properties)) {
      out.push({ heading: here, node: value });
      sections(value, here, out);
    } else if (value.type === 'array' && isObject(value.items) && value.items.type === 'object') {
      out.push({ heading: `${here}[]`, node: { ...value.items, description: value.description } });
      sections(value.items, `${here}[]`, out);
    }
  }
}

function findDistributions(node: unknown): Json[] | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findDistributions(item);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(node)) return undefined;
  if (node.title === 'distribution' && Array.isArray(node.anyOf)) {
    const withOneOf = node.anyOf.find((o) => isObject(o) && Array.isArray(o.oneOf)) as Json | undefined;
    if (withOneOf) return (withOneOf.oneOf as unknown[]).filter(isObject);
  }
  for (const value of Object.values(node)) {
    const found = findDistributions(value);
    if (found) return found;
  }
  return undefined;
}

function distributionTable(schema: Json): string {
  const options = findDistributions(schema) ?? [];
  const rows = ['| `dist` | Parameters | Meaning |', '|---|---|---|'];
  for (const option of options) {
    const props = isObject(option.properties) ? option.properties : {};
    const tag = isObject(props.dist) ? props.dist : {};
    const required = new Set(Array.isArray(option.required) ? (option.required as string[]) : []);
    const params = Object.entries(props)
      .filter(([k]) => k !== 'dist')
      .map(([k, v]) => `\`${k}\`${required.has(k) ? '' : ' (optional)'}: ${isObject(v) ? String(v.description ?? '') : ''}`)
      .join('<br>');
    rows.push(`| \`${String(tag.const)}\` | ${cell(params)} | ${cell(String(tag.description ?? ''))} |`);
  }
  return rows.join('\n');
}

const INTRO = `# Scenario file reference

<!-- Generated from src/scenario/schema.ts by scenarioReference() in src/scenario/docs.ts.
     Do not edit by hand: UPDATE_DOCS=1 npx vitest run test/scenario/docs.test.ts -->

A scenario is a YAML file: the demand, the ticket types, the customers, the
staff, the AI, and the **strategies** to compare. What the keys mean for the
simulation is in [model.md](model.md); this page lists every key, its type,
unit and default. \`staffsim init\` writes a commented starter file,
\`staffsim validate FILE\` checks one, and \`staffsim schema\` prints the JSON
Schema for editor completion and checking (with the YAML language server:
\`staffsim schema > scenario.schema.json\`, then
\`# yaml-language-server: $schema=scenario.schema.json\` at the top of a file).

Every key not marked **required** is optional, and its default switches its
mechanism off: a file with one ticket type with an exponential handle time, a
headcount and a \`routing: human\` strategy is a plain M/M/c queue (M/M/c+M
with an exponential \`customers.patience\`).

Keys are checked strictly: an unknown key is an error with a "did you mean"
hint, reported with the file, line and key path, e.g.

    scenarios/shop.yaml:14:5: staff.employees.headcont: unknown key \`headcont\` (did you mean \`headcount\`? ...)

## Durations

Times are written as a number with a unit — \`30s\`, \`5m\`, \`1.5h\`, \`2h\`,
\`14d\` (s, m, h, d; lower case) — or as a plain number of **minutes**
(\`90\` is 90 minutes). One key needs its unit: \`service_level.answer_within\`,
since service levels are quoted in seconds as often as in minutes, so
\`answer_within: 60\` is an error asking for \`60s\` or \`60m\`. Negative
durations are refused. Inside staffsim every time is in minutes.

## Distributions

A time that varies (handle times, patience, delays) is a distribution: a
mapping with \`dist\` and its parameters, whose times are durations. A bare
duration is a fixed time: \`handoff: 30s\` is \`{dist: deterministic, value: 30s}\`.

    handle_time: { dist: lognormal, mean: 6m, cv: 0.8 }
    patience: { dist: exponential, mean: 4m }
    login_delay: { dist: uniform, min: 1m, max: 5m }
    ai_handle_time: { dist: empirical, values: [1m, 2m, 6m], weights: [5, 3, 1] }

`;

const STRATEGY_PROSE = `A strategy names its \`routing\` and may change any base section. The
change (a **patch**) is merged into the base file, then the result is
validated as a whole, so an error in a strategy names its path (e.g.
\`strategies.hybrid.staff.employees.headcount\`). Merge rules:

- mappings merge key by key: \`staff: {employees: {headcount: 40}}\` changes the
  headcount and keeps the base's \`shrinkage\` and \`hourly_cost\`;
- lists and distributions are replaced whole (\`demand.intraday\`,
  \`handle_time: {dist: gamma, mean: 5m, cv: 0.6}\`);
- alternative keys exclude each other: a patch that sets \`headcount\` drops
  the base's \`schedule\` and vice versa; likewise \`wait\` and \`queue\` in
  \`staff.gig.trigger\`, and \`hourly_rate\`/\`min_block\` and \`rate\` in
  \`staff.gig.pay\`;
- \`ticket_types\` is either a list (replacing the base's types) or a mapping
  from an existing type's name to changes of that type:
  \`ticket_types: {billing: {ai_resolution: 0.9}}\`.

The top-level keys \`name\`, \`description\`, \`seed\`, \`horizon\`, \`warmup\` and
\`replications\` are shared by all strategies and cannot be patched, so every
strategy runs on the same arrivals (common random numbers).

A \`routing: human\` strategy with no human capacity at all (no employee
scheduled and no gig pool) is an error.

`;

const SET_PROSE = `## Overrides on the command line: \`--set\`

\`staffsim run FILE --set key.path=value\` (repeatable) changes a key before
validation, exactly as if the file said so:

    --set horizon=28d
    --set ticket_types.0.ai_resolution=0.5
    --set strategies.hybrid.staff.employees.headcount=30
    --set strategies.hybrid.ticket_types.billing.ai_resolution=0.9
    --set 'customers.patience={dist: exponential, mean: 3m}'

The path must be a key of this reference, whether or not the file has it
(missing mappings are created); numeric segments index lists (an index equal
to the list's length appends). The value is read as YAML: \`5m\`, \`0.5\`,
\`true\`, \`[1, 2]\`, \`{dist: exponential, mean: 3m}\`, or nothing (\`key=\`) for
null. An error caused by an override names the \`--set\`.

`;

/** The Limits section, its bounds read from LIMITS (schema.ts) so the text cannot drift from validation. */
function limitsProse(): string {
  const n = formatLimit;
  return `## Limits

Files over 1 MiB, and YAML that expands more than 100 aliases, are refused.
The keys \`__proto__\`, \`constructor\` and \`prototype\` are never accepted.
The scenario's \`sha256\` (in JSON output) is the hash of the resolved
scenario with every default filled in, so reformatting a file or writing a
default explicitly does not change it.

Numbers have upper bounds far above any real contact centre, so that the
simulation's own arithmetic (rates times multipliers times durations times
costs, summed over the horizon) stays finite; a value above its bound is an
error naming the key:

| What | Most allowed |
|---|---|
| \`demand.contacts_per_day\` | ${n(LIMITS.contacts_per_day)} (the largest centres take a few million) |
| a value of \`intraday\`, \`weekly\` or empirical \`weights\` (only their ratios matter) | ${n(LIMITS.profile_value)} |
| a surge's \`multiplier\` | ${n(LIMITS.surge_multiplier)} |
| the gig pool's \`handle_time_multiplier\`, \`resolution_multiplier\`; \`ai.assist\`'s \`handle_time_multiplier\`, \`fcr_multiplier\`; \`people_per_seat\` | ${n(LIMITS.multiplier)} |
| \`concurrency\` and each \`stretch\` value | ${n(LIMITS.concurrency)} |
| any duration (horizon, handle times, patience, delays...) | ${formatMinutes(LIMITS.duration_minutes)} (ten years) |
| any amount of money (costs, pay, lifetime value) | ${n(LIMITS.money)} |
| \`cv\` of a lognormal or gamma time | ${n(LIMITS.cv)} |
| people: \`headcount\`, \`schedule\` levels, the gig \`pool\`, \`max_active\`, \`trigger.queue\`, \`baseline_payroll_headcount\`, \`ai.concurrency\`, and what auto staffing may choose | ${n(LIMITS.people)} |
| satisfaction points lost per wait minute, per extra contact, per AI failure | ${n(LIMITS.csat_penalty)} |
| \`max_contacts\` | ${n(LIMITS.max_contacts)} |
| \`replications\` | ${n(LIMITS.replications)} |
`;
}

/** The markdown of docs/scenario.md. */
export function scenarioReference(): string {
  const schema = scenarioJsonSchema() as Json;
  const props = isObject(schema.properties) ? schema.properties : {};
  const parts: string[] = [INTRO];
  parts.push(distributionTable(schema), '');
  parts.push('## Top-level keys', '', String(schema.description ?? ''), '', table(schema), '');

  const strategies = isObject(props.strategies) ? props.strategies : {};
  const base: Json = { ...schema, properties: Object.fromEntries(Object.entries(props).filter(([k]) => k !== 'strategies')) };
  const found: Section[] = [];
  sections(base, '', found);
  for (const section of found) {
    const depth = section.heading.split('.').length === 1 ? '##' : '###';
    parts.push(`${depth} \`${section.heading}\``, '');
    if (section.node.description) parts.push(String(section.node.description), '');
    parts.push(table(section.node), '');
  }

  const strategy = isObject(strategies.additionalProperties) ? strategies.additionalProperties : {};
  parts.push('## `strategies`', '', String(strategies.description ?? ''), '');
  parts.push('### `strategies.<name>`', '', STRATEGY_PROSE);
  parts.push(table(strategy), '');
  parts.push(SET_PROSE, limitsProse());
  return `${parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
