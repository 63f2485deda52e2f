// "Did you mean": edit distances worked by hand, and when a suggestion is
// close enough to make.

import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, listNames } from '../../src/scenario/suggest.js';

describe('editDistance (optimal string alignment)', () => {
  const rows: [string, string, number][] = [
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['same', 'same', 0],
    ['kitten', 'sitting', 3], // k->s, e->i, +g
    ['ca', 'ac', 1], // an adjacent swap costs 1
    ['horizon', 'horizn', 1],
    ['handle_time', 'handel_time', 1],
    ['abcd', 'badc', 2], // two swaps
  ];
  for (const [a, b, d] of rows) it(`${JSON.stringify(a)} to ${JSON.stringify(b)}: ${d}`, () => expect(editDistance(a, b)).toBe(d));
});

describe('closest', () => {
  const keys = ['horizon', 'warmup', 'demand', 'ticket_types', 'contacts_per_day'];
  it('finds a typo, ignoring case, - and _', () => {
    expect(closest('horizn', keys)).toBe('horizon');
    expect(closest('Ticket-Types', keys)).toBe('ticket_types');
    expect(closest('contacts_per_dya', keys)).toBe('contacts_per_day');
  });
  it('takes a key written as part of a longer one', () => {
    expect(closest('ticket', keys)).toBe('ticket_types');
  });
  it('suggests nothing when nothing is close: at most a third of the length, at most 3', () => {
    expect(closest('xyz', keys)).toBeUndefined();
    expect(closest('hor', ['horizon', 'warmup'])).toBeUndefined(); // a prefix counts 1.5; under 6 letters allow 1
    expect(closest('dmd', ['demand'])).toBeUndefined(); // distance 3 > limit 1
    expect(closest('anything', [])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('suggests, then lists', () => {
    expect(didYouMean('warmpu', ['horizon', 'warmup'])).toBe('did you mean `warmup`? valid keys here: `horizon`, `warmup`');
    expect(didYouMean('zzz', ['a'], 'ticket types')).toBe('ticket types: `a`');
    expect(didYouMean('zzz', [])).toBe('no keys are allowed here');
    expect(listNames(['a', 'b'])).toBe('`a`, `b`');
  });
});
