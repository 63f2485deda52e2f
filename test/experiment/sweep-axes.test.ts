import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  axesFromSection,
  checkAxes,
  expandRange,
  parseRange,
  parseVary,
  pointCount,
  pointOverrides,
  pointSeed,
  pointValues,
  sweepHash,
  SweepError,
  type SweepAxes,
} from '../../src/experiment/sweep-axes.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';

const fixture = new URL('../fixtures/sweep.yaml', import.meta.url).pathname;
const fixtureText = readFileSync(fixture, 'utf8');

describe('ranges', () => {
  it('gives the decimal values written, end included, without floating-point residue', () => {
    expect(parseRange('0.3:0.9:0.1')).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(parseRange('0.1:0.3:0.1')).toEqual([0.1, 0.2, 0.3]);
    expect(parseRange('10:50:10')).toEqual([10, 20, 30, 40, 50]);
    expect(parseRange(' 1 : 2 : 0.25 ')).toEqual([1, 1.25, 1.5, 1.75, 2]);
  });

  it('computes every value from the start, so long ranges do not drift', () => {
    const values = parseRange('0:1:0.01')!;
    expect(values).toHaveLength(101);
    values.forEach((v, i) => expect(v).toBe(Number((i / 100).toFixed(2))));
    expect(values[100]).toBe(1);
  });

  it('stops before an end that is not a whole number of steps away', () => {
    expect(parseRange('0:1:0.3')).toEqual([0, 0.3, 0.6, 0.9]);
  });

  it('counts down with a negative step and never prints -0', () => {
    expect(parseRange('0.2:-0.2:-0.1')).toEqual([0.2, 0.1, 0, -0.1, -0.2]);
    expect(Object.is(parseRange('0.2:-0.2:-0.1')![2], 0)).toBe(true);
  });

  it('keeps the precision of exponent notation', () => {
    expect(parseRange('1e-3:3e-3:1e-3')).toEqual([0.001, 0.002, 0.003]);
  });

  it('refuses a zero step, a step away from the end and ranges too long', () => {
    expect(() => parseRange('0:1:0')).toThrow(/step must not be 0/);
    expect(() => parseRange('1:0:0.1')).toThrow(/goes away from the end/);
    expect(() => expandRange(0, 1e6, 1)).toThrow(/at most 100000/);
  });

  it('is not a range unless it has three numbers', () => {
    expect(parseRange('0.3:0.9')).toBeNull();
    expect(parseRange('a:b:c')).toBeNull();
  });
});

describe('--vary', () => {
  it('reads each comma-separated value as YAML, like --set', () => {
    expect(parseVary('ai.cost_per_conversation=0.5,1,2')).toEqual({ key: 'ai.cost_per_conversation', values: [0.5, 1, 2] });
    expect(parseVary('customers.patience=2m,{dist: exponential, mean: 4m}').values).toEqual([
      '2m',
      { dist: 'exponential', mean: '4m' },
    ]);
    expect(parseVary('demand.intraday=[1, 2],[3, 4]').values).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(parseVary('name="a,b",c').values).toEqual(['a,b', 'c']);
  });

  it('expands a range', () => {
    expect(parseVary('ticket_types.0.ai_resolution=0.3:0.9:0.1').values).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it('refuses text without key=values and empty values', () => {
    expect(() => parseVary('ai.cost_per_conversation')).toThrow(SweepError);
    expect(() => parseVary('=1,2')).toThrow(SweepError);
    expect(() => parseVary('seed=1,,2')).toThrow(/empty value/);
  });
});

describe('points', () => {
  const cross: SweepAxes = {
    combine: 'cross',
    axes: [
      { key: 'a', values: [1, 2] },
      { key: 'b', values: ['x', 'y', 'z'] },
    ],
  };

  it('crosses axes with the last one varying fastest', () => {
    expect(pointCount(cross)).toBe(6);
    expect(Array.from({ length: 6 }, (_, i) => pointValues(cross, i))).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 1, b: 'z' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
      { a: 2, b: 'z' },
    ]);
  });

  it('zips axes value by value, and refuses axes of different lengths', () => {
    const zip: SweepAxes = { combine: 'zip', axes: [{ key: 'a', values: [1, 2, 3] }, { key: 'b', values: [4, 5, 6] }] };
    expect(pointCount(zip)).toBe(3);
    expect(pointValues(zip, 2)).toEqual({ a: 3, b: 6 });
    expect(() => checkAxes({ ...cross, combine: 'zip' })).toThrow(/a: 2, b: 3/);
  });

  it('refuses a key varied twice and an empty sweep', () => {
    expect(() => checkAxes({ combine: 'cross', axes: [{ key: 'a', values: [1] }, { key: 'a', values: [2] }] })).toThrow(/varied twice/);
    expect(() => checkAxes({ combine: 'cross', axes: [] })).toThrow(/nothing to vary/);
  });

  it('refuses more points than the limit before listing any', () => {
    const big = Array.from({ length: 7 }, (_, i) => ({ key: `k${i}`, values: Array.from({ length: 10 }, (_, v) => v) }));
    expect(() => checkAxes({ combine: 'cross', axes: big })).toThrow(/10000000 points/);
  });

  it('turns values into --set overrides that read back as the same values', () => {
    const values = { 'customers.patience': { dist: 'exponential', mean: '4m' }, horizon: '2d', 'ai.cost_per_conversation': 0.5 };
    expect(pointOverrides(values)).toEqual([
      'customers.patience={"dist":"exponential","mean":"4m"}',
      'horizon="2d"',
      'ai.cost_per_conversation=0.5',
    ]);
  });
});

describe('point seeds', () => {
  it('depend on the scenario seed and the values, not on the order of the keys', () => {
    const s = pointSeed(7, { a: 1, b: 'x' });
    expect(pointSeed(7, { b: 'x', a: 1 })).toBe(s);
    expect(pointSeed(8, { a: 1, b: 'x' })).not.toBe(s);
    expect(pointSeed(7, { a: 2, b: 'x' })).not.toBe(s);
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });

  it('differ across the points of a sweep', () => {
    const axes: SweepAxes = { combine: 'cross', axes: [{ key: 'a', values: parseRange('0:1:0.01')! }] };
    const seeds = new Set(Array.from({ length: pointCount(axes) }, (_, i) => pointSeed(1, pointValues(axes, i))));
    expect(seeds.size).toBe(101);
  });
});

describe('the sweep: section of a scenario', () => {
  it('is read with its lists and ranges, and crossed by default', () => {
    const loaded = parseScenarioText(fixtureText, fixture);
    const axes = axesFromSection(loaded.sweep!);
    expect(axes).toEqual({
      combine: 'cross',
      axes: [
        { key: 'ticket_types.0.ai_resolution', values: [0.5, 0.7, 0.9] },
        { key: 'customers.lifetime_value', values: [100, 900] },
      ],
    });
  });

  it('takes {from, to, step} ranges and zip', () => {
    const text = fixtureText.replace(
      /^sweep:[\s\S]*$/m,
      'sweep:\n  combine: zip\n  vary:\n    ai.cost_per_conversation: { from: 0.25, to: 0.75, step: 0.25 }\n    customers.lifetime_value: [1, 2, 3]\n',
    );
    const axes = axesFromSection(parseScenarioText(text, fixture).sweep!);
    expect(axes.combine).toBe('zip');
    expect(axes.axes[0].values).toEqual([0.25, 0.5, 0.75]);
  });

  it('does not change the scenario a run sees, nor its hash', () => {
    const withSweep = parseScenarioText(fixtureText, fixture);
    const without = parseScenarioText(fixtureText.replace(/^sweep:[\s\S]*$/m, ''), fixture);
    expect(without.sweep).toBeNull();
    expect(withSweep.sha256).toBe(without.sha256);
    expect(withSweep.scenario).toEqual(without.scenario);
  });

  it('reports a malformed section with its line, like any key', () => {
    const text = fixtureText.replace('0.5:0.9:0.2', '0.5 to 0.9');
    let error: unknown;
    try {
      parseScenarioText(text, fixture);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const line = text.split('\n').findIndex((l) => l.includes('0.5 to 0.9')) + 1;
    expect((error as ScenarioError).format()).toContain(`${fixture}:${line}:`);
    expect((error as ScenarioError).format()).toContain('sweep.vary.ticket_types.0.ai_resolution');
  });

  it('hashes differently when the values differ', () => {
    const a = axesFromSection({ combine: 'cross', vary: { x: [1, 2] } });
    const b = axesFromSection({ combine: 'cross', vary: { x: [1, 3] } });
    expect(sweepHash(a)).not.toBe(sweepHash(b));
    expect(sweepHash(a)).toBe(sweepHash(axesFromSection({ combine: 'cross', vary: { x: '1:2:1' } })));
  });
});
