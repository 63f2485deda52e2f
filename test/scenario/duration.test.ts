import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DurationError, durationProblem, durationWithUnitProblem, formatMinutes, parseDuration } from '../../src/scenario/duration.js';

describe('durations', () => {
  it('converts each unit to minutes', () => {
    expect(parseDuration('30s')).toBe(0.5);
    expect(parseDuration('90s')).toBe(1.5);
    expect(parseDuration('5m')).toBe(5);
    expect(parseDuration('2h')).toBe(120);
    expect(parseDuration('1.5h')).toBe(90);
    expect(parseDuration('14d')).toBe(20160);
    expect(parseDuration('.5h')).toBe(30);
  });

  it('reads a plain number, or a numeric string, as minutes', () => {
    expect(parseDuration(7)).toBe(7);
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration('45')).toBe(45);
    expect(parseDuration(' 3 m ')).toBe(3);
  });

  it('refuses negative, NaN, infinite and unknown units with a clear message', () => {
    expect(() => parseDuration(-1)).toThrow(/cannot be negative/);
    expect(() => parseDuration('-5m')).toThrow(/cannot be negative/);
    expect(() => parseDuration(Number.NaN)).toThrow(/NaN/);
    expect(() => parseDuration(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => parseDuration('5x')).toThrow(/unknown unit `x` in `5x`/);
    expect(() => parseDuration('5ms')).toThrow(/unknown unit `ms`/);
    expect(() => parseDuration('')).toThrow(/empty duration/);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
    expect(() => parseDuration('1e3s')).toThrow(/exponent/);
    expect(() => parseDuration('5M')).toThrow(/lower-case: write `5m`/);
    expect(() => parseDuration('5m')).not.toThrow();
  });

  it('throws DurationError, and durationProblem says null for valid input', () => {
    expect(() => parseDuration('2 weeks')).toThrow(DurationError);
    expect(durationProblem('2h')).toBeNull();
    expect(durationProblem(true)).toMatch(/expected a duration/);
  });

  it('formats minutes as the shortest exact duration', () => {
    expect(formatMinutes(0.5)).toBe('30s');
    expect(formatMinutes(5)).toBe('5m');
    expect(formatMinutes(90)).toBe('1.5h');
    expect(formatMinutes(1440)).toBe('1d');
    expect(formatMinutes(169 * 60)).toBe('169h');
    expect(formatMinutes(0)).toBe('0m');
  });

  it('any non-negative amount with a unit parses to amount × unit size', () => {
    const units = { s: 1 / 60, m: 1, h: 60, d: 1440 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('s', 'm', 'h', 'd'),
        (whole, cents, unit: keyof typeof units) => {
          const text = `${whole}.${String(cents).padStart(2, '0')}${unit}`;
          const expected = (whole + cents / 100) * units[unit];
          expect(parseDuration(text)).toBeCloseTo(expected, 6);
        },
      ),
    );
  });

  it('formatting then parsing gives the same number of minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (seconds) => {
        expect(parseDuration(formatMinutes(seconds / 60))).toBeCloseTo(seconds / 60, 9);
      }),
    );
  });
});

describe('durations that must carry a unit', () => {
  it('accepts any unit', () => {
    for (const text of ['20s', '60s', '2m', '1.5h', '1d', ' 30 s ']) expect(durationWithUnitProblem(text)).toBeNull();
  });

  it('refuses a plain number, or a number as text, naming both readings', () => {
    expect(durationWithUnitProblem(60)).toBe('needs a unit: write `60s` or `60m`, not a plain number');
    expect(durationWithUnitProblem('20')).toBe('needs a unit: write `20s` or `20m`, not a plain number');
    expect(durationWithUnitProblem(0.5)).toBe('needs a unit: write `0.5s` or `0.5m`, not a plain number');
  });

  it('keeps the ordinary message for other mistakes, without offering plain numbers', () => {
    expect(durationWithUnitProblem('5x')).toMatch(/unknown unit `x`/);
    expect(durationWithUnitProblem(-1)).toMatch(/cannot be negative/);
    expect(durationWithUnitProblem(true)).toBe('expected a duration with its unit (e.g. 20s, 60s, 2m, 1.5h)');
    expect(durationWithUnitProblem('soon')).not.toMatch(/plain number/);
  });
});
