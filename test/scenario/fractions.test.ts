// Probabilities and shares written as percentages (`target: 80`) are refused
// with the fraction they most likely meant. The keys are found in the JSON
// Schema (every number bounded above by 1), so a probability key added later
// is checked without touching this file.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

type Json = Record<string, unknown>;

const minimal = join(import.meta.dirname, '..', 'fixtures', 'minimal.yaml');
// The plan's keys need a scenario with a plan: section.
const withPlan = join(import.meta.dirname, '..', 'fixtures', 'plan', 'steady.yaml');
const withCurve = join(import.meta.dirname, '..', 'fixtures', 'plan', 'learning.yaml');
const fileFor = (set: string) => (set.startsWith('plan.ai.learning_curve.') ? withCurve : set.startsWith('plan.') ? withPlan : minimal);

/** Key paths of every number with an upper bound of 1, `*` for a name and `0` for a list item. */
function fractionPaths(node: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof node !== 'object' || node === null) return out;
  const n = node as Json;
  if (n.type === 'number' && (n.maximum === 1 || n.exclusiveMaximum === 1)) out.push(path.join('.'));
  if (typeof n.properties === 'object' && n.properties !== null) {
    for (const [key, child] of Object.entries(n.properties)) fractionPaths(child, [...path, key], out);
  }
  if (Array.isArray(n.anyOf)) for (const option of n.anyOf) fractionPaths(option, path, out);
  if (typeof n.items === 'object' && !Array.isArray(n.items)) fractionPaths(n.items, [...path, '0'], out);
  if (typeof n.additionalProperties === 'object') fractionPaths(n.additionalProperties, [...path, '*'], out);
  return [...new Set(out)];
}

function refusal(set: string): string {
  try {
    loadScenarioFile(fileFor(set), { set: [set] });
  } catch (error) {
    if (error instanceof ScenarioError) return error.format();
    throw error;
  }
  throw new Error(`--set ${set} was accepted`);
}

/** A path of the schema made concrete for minimal.yaml (its strategy and its ticket type). */
const concrete = (path: string) =>
  path
    .replace(/^strategies\.\*/, 'strategies.all-human')
    .replace('ticket_types.*', 'ticket_types.general')
    .replace('resolution_by_month.*', 'resolution_by_month.2026-03');

describe('a percentage written for a probability', () => {
  // A strategy's list of ticket types replaces the base list: the same keys as the by-name patch, reported by name.
  const paths = fractionPaths(scenarioJsonSchema())
    .filter((path) => !path.startsWith('strategies.*.ticket_types.0.'))
    // A group's keys need a whole group around them (a name, skills): test/scenario/groups.test.ts sets one.
    .filter((path) => !path.includes('staff.groups.'))
    .map(concrete);

  it('finds the probability keys of every section and of strategy patches', () => {
    for (const key of ['service_level.target', 'ticket_types.0.fcr', 'staff.employees.shrinkage', 'customers.churn.base']) {
      expect(paths).toContain(key);
    }
    expect(paths).toContain('strategies.all-human.ticket_types.general.ai_resolution');
    expect(paths.length).toBeGreaterThan(30);
  });

  it('is refused with "did you mean" the fraction, for every such key', () => {
    for (const path of paths) {
      const first = refusal(`${path}=80`).split('\n')[0];
      expect(first, path).toMatch(new RegExp(`${path.replace(/\./g, '\\.')}: must be .*, got 80 \\(did you mean 0\\.8\\?\\)$`));
    }
  });

  it('suggests 1 for 100 where 1 is allowed, and nothing where it is not', () => {
    expect(refusal('service_level.target=100')).toContain('got 100 (did you mean 1?)');
    expect(refusal('staff.employees.shrinkage=100')).not.toContain('did you mean');
  });

  it('reads any value above 1 up to 100 as a percentage, and suggests nothing beyond', () => {
    expect(refusal('customers.churn.base=1.5')).toContain('got 1.5 (did you mean 0.015?)');
    expect(refusal('service_level.target=250')).toMatch(/got 250$/);
    expect(refusal('service_level.target=-0.2')).toMatch(/got -0\.2$/);
  });

  it('keeps an exact fraction: 12.5 suggests 0.125', () => {
    expect(refusal('customers.churn.base=12.5')).toContain('(did you mean 0.125?)');
  });
});
