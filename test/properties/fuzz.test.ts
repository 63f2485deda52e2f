// A mutation fuzzer over the example scenarios (scenarios/*.yaml and the
// test fixtures): each case takes one file and changes it as a careless
// edit or a hostile file would (a value made huge, tiny, negative, NaN-ish,
// of the wrong type; a key deleted or written twice; YAML tags, anchors and
// aliases), then checks what `staffsim validate` and a short `staffsim run`
// do with it, in-process: the file is accepted, or refused with a
// ScenarioError (what the CLI prints with exit 2); a run ends with finite
// figures; no message or report shows NaN, Infinity, `[object Object]` or a
// Symbol; nothing else is thrown (what the CLI reports as an internal error,
// exit 1). Count-bounded with a fixed seed, so the cases are the same on
// every machine; fast-check prints the seed and the case on failure. A
// longer campaign: FUZZ_SEED=7 FUZZ_RUNS=5000 npx vitest run test/properties/fuzz.test.ts

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runScenario, UnknownStrategyError } from '../../src/experiment/run.js';
import { render } from '../../src/report/index.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';

const SEED = Number(process.env.FUZZ_SEED ?? 11_2026);
// About 15 s on a shared 2-core machine: most cases are refused in milliseconds, the rest run an hour of traffic.
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = [
  ...readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f)),
  ...readdirSync(join(ROOT, 'test', 'fixtures')).filter((f) => f.endsWith('.yaml')).map((f) => join('test', 'fixtures', f)),
].map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));

/** Values a careless or hostile edit puts in place of another, written as YAML. */
const VALUES = [
  '0', '-1', '-0.5', '0.5', '1', '2', '7', '1e6', '1e9', '1e308', '-1e308', '1e-300', '5e-324',
  '.nan', '.inf', '-.inf', 'NaN', 'Infinity', '"1e308"', `${'9'.repeat(400)}`, `"${'9'.repeat(400)}m"`,
  '5m', '30s', '2h', '14d', '3650d', '-5m', '1.5x', 'auto', 'human', 'ai', 'lots', '""', 'null', '~', 'true', 'no',
  '[]', '{}', '[1, 2]', '{a: 1}', '{dist: exponential, mean: 5m}', '{dist: lognormal, mean: 5m, cv: 1e308}',
  '{dist: nope}', '{dist: [ !!merge << ]}', '!!merge <<', '!!binary aGVsbG8=', '!!timestamp 2001-12-14', '!!set {a, b}',
  '*nope', '__proto__', '{__proto__: 1}',
];

type Path = Array<string | number>;

/** Every path to a node of the document (keys of mappings, indices of lists), in document order. */
function pathsOf(node: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (isMap(node)) for (const pair of node.items) pathsOf(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)], out);
  else if (isSeq(node)) node.items.forEach((item, i) => pathsOf(item, [...path, i], out));
  return out;
}

/** One edit; `pick` chooses among n options (drawn by fast-check). */
type Mutation = { kind: 'replace' | 'delete' | 'duplicate' | 'anchor-alias' | 'swap'; at: number; value: number; other: number };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let current = text;
  for (const m of mutations) {
    try {
      current = mutateOnce(current, m);
    } catch {
      // yaml cannot write some edits back (a merge key inside a flow list, an alias inside its anchor): skip that edit.
    }
  }
  return current;
}

function mutateOnce(text: string, m: Mutation): string {
  let current = text;
  {
    const doc = parseDocument(current, { uniqueKeys: false }) as Document.Parsed;
    const paths = pathsOf(doc.contents);
    if (paths.length === 0) return current;
    const path = paths[m.at % paths.length];
    const other = paths[m.other % paths.length];
    switch (m.kind) {
      case 'replace': {
        const snippet = VALUES[m.value % VALUES.length];
        const parsed = parseDocument(`v: ${snippet}`, { uniqueKeys: false });
        const node = isMap(parsed.contents) ? (parsed.contents.items[0]?.value as Node | null) : null;
        doc.setIn(path, node ?? null);
        current = doc.toString();
        break;
      }
      case 'delete':
        doc.deleteIn(path);
        current = doc.toString();
        break;
      case 'swap': {
        // A value moved where another belongs: wrong types and shapes of real keys.
        const moved = doc.getIn(other, true) as Node | undefined;
        doc.setIn(path, moved === undefined ? null : doc.createNode(moved.toJSON()));
        current = doc.toString();
        break;
      }
      case 'anchor-alias': {
        // Alias one node's value elsewhere (a forward reference when the anchor comes later).
        const target = doc.getIn(other, true) as Node | undefined;
        if (target && typeof target === 'object' && 'anchor' in target && !(isScalar(target) && target.value === null)) {
          target.anchor = 'fz';
          doc.setIn(path, doc.createAlias(target as never, 'fz'));
        }
        current = doc.toString();
        break;
      }
      case 'duplicate': {
        // A key written twice in its mapping: text-level, as an editor would leave it.
        const lines = current.split('\n');
        const i = m.at % lines.length;
        if (/^\s*[A-Za-z_][\w-]*:/.test(lines[i])) lines.splice(i + 1, 0, lines[i]);
        current = lines.join('\n');
        break;
      }
    }
  }
  return current;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'duplicate', 'anchor-alias', 'swap'),
  at: fc.nat(),
  value: fc.nat(),
  other: fc.nat(),
});

const BAD_TEXT = /NaN|Infinity|\[object Object\]|Symbol\(|undefined/;

/** Every number in a report is finite (JSON would print NaN and Infinity as null). */
function expectFinite(value: unknown, where: string): void {
  if (typeof value === 'number') expect(Number.isFinite(value), where).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectFinite(v, `${where}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) expectFinite(v, `${where}.${k}`);
}

/** validate, then a run of one replication of an hour: returns what the CLI's exit code would be. */
function check(file: string, text: string): 0 | 2 {
  const refused = (error: unknown): 2 => {
    if (!(error instanceof ScenarioError) && !(error instanceof UnknownStrategyError)) throw error;
    const message = error instanceof ScenarioError ? error.format() : error.message;
    // The user's own text is quoted in backticks; "got NaN" names YAML's .nan as written.
    const ours = message.replace(/`[^`]*`/g, '`…`').replace(/got NaN\b/g, 'got .nan');
    expect(ours).not.toMatch(BAD_TEXT);
    expect(message).not.toMatch(/\n\s+at /);
    return 2;
  };
  let loaded;
  try {
    parseScenarioText(text, file);
    loaded = parseScenarioText(text, file, { set: ['horizon=1h', 'warmup=0', 'replications=1'] });
  } catch (error) {
    return refused(error);
  }
  let report;
  try {
    report = runScenario(loaded.scenario, loaded.sha256, {});
  } catch (error) {
    return refused(error);
  }
  expectFinite(report.strategies, 'strategies');
  // Names and descriptions are the user's text (a scenario, a ticket type or a group may be called "NaN", and
  // by_type and by_group are keyed by those names): only staffsim's own text is checked.
  const own = [
    loaded.scenario.name,
    loaded.scenario.description,
    ...loaded.scenario.strategies.flatMap((st) => [st.name, st.description, ...st.ticket_types.map((t) => t.name), ...st.staff.groups.map((g) => g.name)]),
  ]
    .filter((t): t is string => typeof t === 'string' && t !== '')
    .sort((a, b) => b.length - a.length);
  for (const format of ['table', 'json', 'csv', 'markdown'] as const) {
    const rendered = own.reduce((out, t) => out.split(t).join('<name>'), render(report, format, { color: false }));
    expect(rendered).not.toMatch(/NaN|Infinity|\[object Object\]|Symbol\(/);
  }
  return 0;
}

describe('fuzz: mutated example scenarios', () => {
  it('the examples themselves validate and run', () => {
    for (const { file, text } of SOURCES) expect(check(file, text), file).toBe(0);
  });

  it(`${RUNS} mutated files (seed ${SEED}): validate and a short run end with exit 0 or 2, finite figures and clear messages`, () => {
    const outcomes = { 0: 0, 2: 0 };
    fc.assert(
      fc.property(fc.nat(SOURCES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (source, mutations) => {
        const { file, text } = SOURCES[source];
        outcomes[check(file, mutate(text, mutations))]++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The campaign exercises both sides: files still valid after an edit, and refusals.
    expect(outcomes[0]).toBeGreaterThan(RUNS / 20);
    expect(outcomes[2]).toBeGreaterThan(RUNS / 4);
  }, 180_000);
});
