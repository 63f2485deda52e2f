// The files of test/fixtures/bad/, each a scenario that must be refused, and
// what its header says the refusal looks like:
//   # expect: TEXT        the message contains TEXT (required)
//   # key: PATH           the message names this key path
//   # suggests: NAME      the message suggests NAME ("did you mean `NAME`?")
//   # set: KEY=VALUE      (repeatable) the file is valid; this --set is the mistake
//   # at: LINE:COLUMN     where the mistake is in the file
// Read by the library test (test/scenario/bad-files.test.ts) and the
// command-line test (test/cli/bad-input.test.ts), so both check every case.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const BAD_FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'bad');

export interface BadFixture {
  name: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the repository root, as a user would type it. */
  relative: string;
  expect: string;
  key?: string;
  suggests?: string;
  set: string[];
  at?: { line: number; column: number };
}

function header(text: string, key: string): string | undefined {
  return new RegExp(`^# ${key}: (.*)$`, 'm').exec(text)?.[1];
}

export function badFixtures(): BadFixture[] {
  const root = join(import.meta.dirname, '..', '..');
  return readdirSync(BAD_FIXTURES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = join(BAD_FIXTURES_DIR, name);
      const text = readFileSync(file, 'utf8');
      const expect = header(text, 'expect');
      if (expect === undefined) throw new Error(`${name} needs an "# expect:" header`);
      const fixture: BadFixture = { name, file, relative: relative(root, file), expect, set: [] };
      fixture.set = [...text.matchAll(/^# set: (.*)$/gm)].map((m) => m[1]);
      const key = header(text, 'key');
      if (key !== undefined) fixture.key = key;
      const suggests = header(text, 'suggests');
      if (suggests !== undefined) fixture.suggests = suggests;
      const at = header(text, 'at');
      if (at !== undefined) {
        const [line, column] = at.split(':').map(Number);
        fixture.at = { line, column };
      }
      return fixture;
    });
}
