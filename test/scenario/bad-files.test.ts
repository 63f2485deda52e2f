// Every file in test/fixtures/bad/ must be refused by the loader with the
// message its header names (see test/support/bad-fixtures.ts for the
// headers): one problem, at the line and column given, naming the key path
// and, for a misspelling, the nearest valid name.

import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { badFixtures } from '../support/bad-fixtures.js';

const fixtures = badFixtures();

function loadError(file: string, set: string[]): ScenarioError {
  try {
    loadScenarioFile(file, { set });
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

describe('bad scenario files are refused with a clear message', () => {
  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThan(50);
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: ${fixture.expect}`, () => {
      const error = loadError(fixture.file, fixture.set);
      const message = error.format();
      expect(message).toContain(fixture.expect);
      expect(message).not.toMatch(/\n\s+at /); // never a stack trace
      // Each fixture holds one mistake: one problem, not a cascade of consequences.
      expect(error.issues).toHaveLength(1);
      expect(error.file).toBe(fixture.file);
      if (fixture.key !== undefined) expect(message).toContain(fixture.key);
      if (fixture.suggests !== undefined) expect(message).toContain(`did you mean \`${fixture.suggests}\`?`);
      if (fixture.set.length > 0) expect(message).toContain(`--set ${fixture.set[0]}`);
      if (fixture.at !== undefined) {
        const { line, column } = fixture.at;
        expect({ line: error.line, column: error.column }).toEqual({ line, column });
        expect(message).toContain(`${fixture.file}:${line}:${column}: `);
      }
    });
  }
});
