// planSweep: what it checks before anything runs, and how it slices shards.
// Nothing is simulated here.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVary, type SweepAxes } from '../../src/experiment/sweep-axes.js';
import { parseShard, planSweep } from '../../src/experiment/sweep.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenarioText } from '../../src/scenario/load.js';

const fixture = new URL('../fixtures/sweep.yaml', import.meta.url).pathname;
const loaded = parseScenarioText(readFileSync(fixture, 'utf8'), fixture);
const cross = (...vary: string[]): SweepAxes => ({ combine: 'cross', axes: vary.map(parseVary) });

describe('planSweep', () => {
  it('refuses a bad value far along a long range before running anything', () => {
    // 141 values; only the last few leave [0, 1].
    expect(() => planSweep(loaded, cross('staff.employees.headcount=5:300:1', 'ticket_types.0.ai_resolution=0:1.05:0.0075'))).toThrow(
      /ticket_types\.0\.ai_resolution: must be a probability between 0 and 1, got 1\.0/,
    );
  });

  it('refuses a step that breaks a whole-number key', () => {
    // 391 values, not all tried: the second one is, which is where a fractional step shows.
    expect(() => planSweep(loaded, cross('staff.employees.headcount=5:200:0.5'))).toThrow(ScenarioError);
    expect(() => planSweep(loaded, cross('staff.employees.headcount=5:200:0.5'))).toThrow(/headcount=5\.5: .*a whole number ≥ 0, got 5\.5/);
  });

  it('never refuses a sweep whose points are all valid, even when a value is invalid with the base file', () => {
    // warmup is 1h in the file: horizon=30m alone would be refused, but every point sets warmup too.
    const plan = planSweep(loaded, cross('horizon=30m,1h', 'warmup=10m,20m'));
    expect(plan.points).toEqual([0, 1, 2, 3]);
  });

  it('slices shards round-robin, numbered from 0, and records the shard', () => {
    const axes = cross('staff.employees.headcount=1:10:1');
    const shard = planSweep(loaded, axes, { shard: parseShard('1/4') });
    expect(shard.points).toEqual([1, 5, 9]);
    expect(shard.meta.shard).toBe('1/4');
    const all = [0, 1, 2, 3].flatMap((k) => planSweep(loaded, axes, { shard: { index: k, count: 4 } }).points);
    expect(all.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const whole = planSweep(loaded, axes);
    expect(whole.meta.shard).toBeUndefined();
    expect({ ...shard.meta, shard: undefined }).toEqual({ ...whole.meta, shard: undefined });
  });

  it('records the strategies selected, in the order given', () => {
    const plan = planSweep(loaded, cross('seed=1,2'), { strategies: ['hybrid', 'all-human'] });
    expect(plan.meta.strategies).toEqual(['hybrid', 'all-human']);
    expect(() => planSweep(loaded, cross('seed=1,2'), { strategies: ['nope'] })).toThrow(/unknown strategy/);
  });

  it('parses shards K/N and refuses K outside 0..N-1', () => {
    expect(parseShard(' 2 / 5 ')).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('5/5')).toThrow(/\$\(\(SLURM_ARRAY_TASK_ID - 1\)\)\/5/);
    expect(() => parseShard('0/0')).toThrow(/write K\/N/);
    expect(() => parseShard('-1/3')).toThrow(/write K\/N/);
  });
});
