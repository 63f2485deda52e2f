// Every file in test/fixtures/bad/ must be refused with the message its
// header names (`# expect: ...`) and, when given, at the line and column of
// `# at: LINE:COLUMN`.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'bad');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function header(text: string, key: string): string | undefined {
  const match = new RegExp(`^# ${key}: (.*)$`, 'm').exec(text);
  return match?.[1];
}

function loadError(file: string): ScenarioError {
  try {
    loadScenarioFile(file);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error(`${file} was accepted`);
}

describe('bad scenario files are refused with a clear message', () => {
  it('has fixtures to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const name of files) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const expected = header(text, 'expect');
    const at = header(text, 'at');

    it(`${name}: ${expected}`, () => {
      expect(expected, `${name} needs an "# expect:" header`).toBeDefined();
      const error = loadError(file);
      const message = error.format();
      expect(message).toContain(expected!);
      expect(message).not.toMatch(/\n\s+at /); // never a stack trace
      expect(error.file).toBe(file);
      if (at !== undefined) {
        const [line, column] = at.split(':').map(Number);
        expect({ line: error.line, column: error.column }).toEqual({ line, column });
        expect(message.split('\n')[0]).toContain(`${file}:${line}:${column}: `);
      }
    });
  }
});
