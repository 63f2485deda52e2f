import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import {
  canonicalJson,
  DEFAULT_SCENARIO,
  loadScenarioFile,
  MAX_SCENARIO_BYTES,
  parseScenarioText,
  resolveScenario,
} from '../../src/scenario/load.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const minimalText = readFileSync(join(fixtures, 'minimal.yaml'), 'utf8');

function thrown(fn: () => unknown): ScenarioError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('loading scenario files', () => {
  it('reports a missing file as a ScenarioError naming it', () => {
    const error = thrown(() => loadScenarioFile('no/such/scenario.yaml'));
    expect(error.format()).toBe('no/such/scenario.yaml: no such file (`staffsim init` writes a starter scenario)');
  });

  it('refuses a directory', () => {
    expect(thrown(() => loadScenarioFile(fixtures)).format()).toContain('is a directory');
  });

  it('refuses files over 1 MiB before parsing them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'staffsim-scenario-'));
    const big = join(dir, 'big.yaml');
    // Not even valid YAML: it must be refused on size alone.
    writeFileSync(big, `name: [${'x'.repeat(MAX_SCENARIO_BYTES)}`);
    const error = thrown(() => loadScenarioFile(big));
    expect(error.format()).toMatch(/big\.yaml: the scenario is 1\.0 MiB; scenarios larger than 1 MiB are refused/);
    expect(thrown(() => parseScenarioText(`# ${'y'.repeat(MAX_SCENARIO_BYTES)}`, null)).format()).toContain(
      'larger than 1 MiB are refused',
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const error = thrown(() => parseScenarioText('name: x\nhorizon: [2d\nwarmup: 0\n', 'broken.yaml'));
    expect(error.line).toBe(3);
    expect(error.format()).toMatch(/^broken\.yaml:3:\d+: YAML syntax error: /);
  });

  it('refuses YAML alias bombs', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const error = thrown(() => parseScenarioText(levels.join('\n'), 'bomb.yaml'));
    expect(error.format()).toContain('too many YAML aliases');
  });

  it('still accepts a few anchors and aliases', () => {
    const text = minimalText.replace(
      "    handle_time: { dist: exponential, mean: 5m }",
      '    handle_time: &ht { dist: exponential, mean: 5m }\n    ai_handle_time: *ht',
    );
    const { scenario } = parseScenarioText(text, null);
    expect(scenario.ticket_types[0].ai_handle_time).toEqual({ dist: 'exponential', mean: 5 });
  });

  it('refuses an empty document and a document that is not a mapping', () => {
    expect(thrown(() => parseScenarioText('', 'e.yaml')).format()).toContain('e.yaml: the file is empty');
    expect(thrown(() => parseScenarioText('# only a comment\n', 'e.yaml')).format()).toContain('the file is empty');
    expect(thrown(() => parseScenarioText('just text', 't.yaml')).format()).toBe(
      't.yaml:1:1: a scenario must be a mapping of keys (name: ..., horizon: ...), not text',
    );
    expect(thrown(() => resolveScenario(null)).format()).toContain('the scenario is empty');
    expect(thrown(() => resolveScenario([1, 2])).format()).toContain('not a list');
  });

  it('gives an unknown key a "did you mean" hint and its exact line and column', () => {
    const text = minimalText.replace('  employees: { headcount: 6 }', '  employees: { headcount: 6 }\n  gigs: { pool: 3 }');
    const error = thrown(() => parseScenarioText(text, 'typo.yaml'));
    expect(error).toMatchObject({ file: 'typo.yaml', line: 12, column: 3, path: 'staff.gigs' });
    expect(error.hint).toBe('did you mean `gig`? valid keys here: `employees`, `groups`, `gig`');
    expect(error.format()).toBe(
      'typo.yaml:12:3: staff.gigs: unknown key `gigs` (did you mean `gig`? valid keys here: `employees`, `groups`, `gig`)',
    );
  });

  it('says where a key belongs when it is put at the wrong level', () => {
    const text = minimalText.replace('  employees: { headcount: 6 }', '  headcount: 6');
    const error = thrown(() => parseScenarioText(text, 'level.yaml'));
    expect(error.path).toBe('staff.headcount');
    expect(error.hint).toBe('valid keys here: `employees`, `groups`, `gig`; `headcount` belongs at `staff.employees`, `staff.groups[]`');
  });

  it('reports every problem, one per line, in file order', () => {
    const text = minimalText
      .replace('horizon: 2d', 'horizon: 2d\nreplications: 0')
      .replace('contacts_per_day: 1440', 'contacts_per_day: -5');
    const error = thrown(() => parseScenarioText(text, 'many.yaml'));
    expect(error.format().split('\n')).toEqual([
      'many.yaml:5:15: replications: must be a whole number ≥ 1, got 0',
      'many.yaml:7:21: demand.contacts_per_day: must be a number > 0, got -5',
    ]);
  });

  it('keeps __proto__ keys off every prototype', () => {
    const raw = JSON.parse(
      '{"name": "p", "horizon": "1d", "demand": {"contacts_per_day": 10, "__proto__": {"polluted": true}},' +
        '"ticket_types": [{"name": "a", "handle_time": "1m"}], "strategies": {"s": {"routing": "ai"}}}',
    );
    const error = thrown(() => resolveScenario(raw));
    expect(error.path).toBe('demand.__proto__');
    expect(error.issues[0].message).toBe('unknown key `__proto__`');
    expect(thrown(() => parseScenarioText(`${minimalText}__proto__: { polluted: true }\n`, null)).path).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('resolves a plain object the same way as the YAML text', () => {
    const fromText = parseScenarioText(minimalText, null).scenario;
    const fromObject = resolveScenario({
      name: 'minimal',
      horizon: 2880,
      demand: { contacts_per_day: 1440 },
      ticket_types: [{ name: 'general', handle_time: { dist: 'exponential', mean: 5 } }],
      staff: { employees: { headcount: 6 } },
      strategies: { 'all-human': { routing: 'human' } },
    });
    expect(fromObject).toEqual(fromText);
  });

  it('hashes the resolved scenario: formatting and explicit defaults do not change the sha256', () => {
    const a = parseScenarioText(minimalText, 'a.yaml');
    const reformatted = `# same scenario, other layout
strategies: { all-human: { routing: human } }
staff: { employees: { headcount: 6, shrinkage: 0 } }
ticket_types: [ { name: general, handle_time: { mean: 300s, dist: exponential }, fcr: 1 } ]
demand:
  contacts_per_day: 1440
horizon: 48h
seed: 1
name: minimal
`;
    const b = parseScenarioText(reformatted, 'b.yaml');
    expect(b.sha256).toBe(a.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    const c = parseScenarioText(minimalText.replace('headcount: 6', 'headcount: 7'), 'c.yaml');
    expect(c.sha256).not.toBe(a.sha256);
  });

  it('writes canonical JSON with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
  });

  it('points DEFAULT_SCENARIO at scenarios/klarna-2024.yaml beside src/ and dist/', () => {
    expect(DEFAULT_SCENARIO.replace(/\\/g, '/')).toMatch(/\/scenarios\/klarna-2024\.yaml$/);
    expect(DEFAULT_SCENARIO).toBe(join(import.meta.dirname, '..', '..', 'scenarios', 'klarna-2024.yaml'));
  });
});
