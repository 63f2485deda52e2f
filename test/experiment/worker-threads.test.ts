// Where a run's replications run (experiment/run.ts, workerThreads): on the
// main thread for a small run without --jobs, for one job or one task; on
// the threads asked for otherwise; on threads even for one job when a
// replication is long. The contact counts are worked by hand from the demand
// (14,400 a day, 10 a minute) over the horizon.

import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { LONG_REPLICATION_CONTACTS, runScenarioAsync, SMALL_RUN_CONTACTS, workerThreads } from '../../src/experiment/run.js';
import { resolveScenario } from '../../src/scenario/load.js';

function scenario(horizon: number, replications: number) {
  return resolveScenario({
    name: 'tenth',
    seed: 3,
    horizon,
    replications,
    demand: { contacts_per_day: 14_400 },
    ticket_types: [{ name: 'any', handle_time: { dist: 'exponential', mean: '5m' } }],
    customers: { patience: { dist: 'exponential', mean: '3m' } },
    staff: { employees: { headcount: 52, hourly_cost: 30 } },
    strategies: { human: { routing: 'human' } },
  });
}

/** `count` replications of one strategy of `horizon` minutes: 10 contacts a minute each. */
function tasks(horizon: number, count: number) {
  return Array.from({ length: count }, () => ({ strategy: scenario(horizon, 1).strategies[0] }));
}

/** The values, each run of equal ones as one. */
function distinctInTurn(values: readonly number[]): number[] {
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

const cores = availableParallelism();
const everyCore = cores > 1 ? cores : 0;

describe('workerThreads', () => {
  it('keeps a small run on the main thread without --jobs, and respects an explicit --jobs', () => {
    // 2 replications of 1,000 minutes: 20,000 contacts.
    expect(workerThreads(tasks(1000, 2), undefined)).toBe(0);
    expect(workerThreads(tasks(1000, 2), 2)).toBe(2);
    expect(workerThreads(tasks(1000, 2), 3)).toBe(3);
    expect(workerThreads(tasks(1000, 2), 1)).toBe(0);
  });

  it('draws the line at SMALL_RUN_CONTACTS first contacts in all', () => {
    // 10,000 minutes: 100,000 contacts a replication.
    const per = 100_000;
    const under = Math.ceil(SMALL_RUN_CONTACTS / per) - 1;
    expect(under * per).toBeLessThan(SMALL_RUN_CONTACTS);
    expect(workerThreads(tasks(10_000, under), undefined)).toBe(0);
    expect(workerThreads(tasks(10_000, under + 1), undefined)).toBe(everyCore);
  });

  it('runs one task on the main thread whatever --jobs, unless it is long', () => {
    expect(workerThreads(tasks(1000, 1), 4)).toBe(0);
    // 200,000 minutes: 2 million contacts, over LONG_REPLICATION_CONTACTS.
    expect(2e6).toBeGreaterThan(LONG_REPLICATION_CONTACTS);
    expect(workerThreads(tasks(200_000, 1), 1)).toBe(1);
    expect(workerThreads(tasks(200_000, 1), undefined)).toBe(cores);
  });
});

describe('a small run on the main thread', () => {
  it('gives the same results as on worker threads, with progress after each replication', async () => {
    const s = scenario(1000, 3);
    const seen: number[] = [];
    const here = await runScenarioAsync(s, 'x', { onProgress: (done) => seen.push(done) });
    const threads = await runScenarioAsync(s, 'x', { jobs: 2 });
    expect(JSON.stringify(here)).toBe(JSON.stringify(threads));
    // The ticker may repeat a count between replications (a timer, when the
    // machine is slow); inside one, nothing on this thread can report.
    expect(distinctInTurn(seen)).toEqual([1, 2, 3]);
  });

  it('stops before the next replication once aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = runScenarioAsync(scenario(1000, 5), 'x', {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 2) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
    expect(distinctInTurn(seen)).toEqual([1, 2]);
  });
});
