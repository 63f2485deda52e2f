import { describe, expect, it } from 'vitest';
import { ScenarioError, type ScenarioIssue } from '../../src/scenario/errors.js';
import { formatLimit, LIMITS } from '../../src/scenario/schema.js';

const issue = (over: Partial<ScenarioIssue>): ScenarioIssue => ({
  file: 'x.yaml',
  line: 12,
  column: 5,
  path: 'ticket_types.1.handle_time',
  message: 'lognormal needs cv',
  ...over,
});

describe('ScenarioError', () => {
  it('formats file, line, column, path, message and hint on one line', () => {
    const error = new ScenarioError(issue({ hint: 'the coefficient of variation, e.g. cv: 0.8' }));
    expect(error.format()).toBe(
      'x.yaml:12:5: ticket_types.1.handle_time: lognormal needs cv (the coefficient of variation, e.g. cv: 0.8)',
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ScenarioError');
    expect(error.message).toBe(error.format());
    expect(error).toMatchObject({ file: 'x.yaml', line: 12, column: 5, path: 'ticket_types.1.handle_time' });
  });

  it('leaves out what it does not know', () => {
    expect(new ScenarioError(issue({ line: null, column: null })).format()).toBe(
      'x.yaml: ticket_types.1.handle_time: lognormal needs cv',
    );
    expect(new ScenarioError(issue({ file: null, line: null, path: '' })).format()).toBe('lognormal needs cv');
  });

  it('names the --set that caused a problem', () => {
    const error = new ScenarioError(issue({ line: null, column: null, source: 'ticket_types.1.handle_time={dist: lognormal}' }));
    expect(error.source).toBe('ticket_types.1.handle_time={dist: lognormal}');
    expect(error.format()).toBe(
      'x.yaml: --set ticket_types.1.handle_time={dist: lognormal}: ticket_types.1.handle_time: lognormal needs cv',
    );
  });

  it('prints one line per problem and counts those beyond twenty', () => {
    const many = Array.from({ length: 23 }, (_, i) => issue({ line: i + 1, message: `problem ${i}` }));
    const lines = new ScenarioError(many).format().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('x.yaml:1:5: ticket_types.1.handle_time: problem 0');
    expect(lines[20]).toBe('... and 3 more problems');
  });
});

describe('formatLimit', () => {
  // Written by hand, not by ICU: it must still read as `toLocaleString('en-US')` does.
  it('writes every limit, and whole numbers either side of a group, as en-US does', () => {
    const values = [...Object.values(LIMITS), 0, 7, 999, 1000, 12_345, 999_999, 1_000_000, -1_234_567, Number.MAX_SAFE_INTEGER, 0.5, 1e21];
    for (const v of values) expect(formatLimit(v)).toBe(v.toLocaleString('en-US'));
    expect(formatLimit(LIMITS.contacts_per_day)).toBe('100,000,000');
  });
});
