// The shared in-order pool: results in task order whatever order threads
// finish in, a worker's error or an abort surfacing as the generator's error.

import { describe, expect, it } from 'vitest';
import { inTaskOrder, openPool } from '../../src/experiment/pool.js';

const WORKER = new URL('../fixtures/workers/delayed-square.mjs', import.meta.url);

async function collect<T>(results: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of results) out.push(r);
  return out;
}

describe('inTaskOrder', () => {
  it('yields results in task order, though later tasks finish first', async () => {
    // Task i waits (8 - i) x 15 ms: on 3 threads the later ones end first.
    const tasks = Array.from({ length: 8 }, (_, i) => ({ value: i, delay: (8 - i) * 15 }));
    expect(await collect(inTaskOrder<typeof tasks[0], number>(WORKER, tasks, { jobs: 3 }))).toEqual([0, 1, 4, 9, 16, 25, 36, 49]);
  });

  it("runs batch after batch on a caller's pool, leaving it open (staffsim plan's months)", async () => {
    const pool = openPool(WORKER, 2);
    try {
      const batch = (values: number[]) => values.map((value) => ({ value, delay: 0 }));
      expect(await collect(inTaskOrder<{ value: number; delay: number }, number>(WORKER, batch([1, 2, 3]), { jobs: 2, pool }))).toEqual([1, 4, 9]);
      expect(await collect(inTaskOrder<{ value: number; delay: number }, number>(WORKER, batch([4, 5]), { jobs: 2, pool }))).toEqual([16, 25]);
      expect(pool.threads.length).toBe(2);
    } finally {
      await pool.destroy();
    }
  });

  it('gives nothing for no tasks, without starting threads or checking the worker', async () => {
    expect(await collect(inTaskOrder(new URL('file:///no/such/worker.js'), [], { jobs: 2 }))).toEqual([]);
  });

  it('says to build first when the compiled worker is missing', async () => {
    await expect(collect(inTaskOrder(new URL('file:///no/such/worker.js'), [1], { jobs: 1 }))).rejects.toThrow(/run `npm run build` first/);
  });

  it("rethrows a task's error after yielding the results before it", async () => {
    const tasks = [{ value: 1, delay: 0 }, { value: 2, delay: 0 }, { value: 3, delay: 0, fail: true }, { value: 4, delay: 0 }];
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const r of inTaskOrder<typeof tasks[0], number>(WORKER, tasks, { jobs: 2 })) seen.push(r);
      })(),
    ).rejects.toThrow('task 3 failed');
    expect(seen).toEqual([1, 4]);
  });

  it("an abort ends the generator with the signal's reason", async () => {
    const controller = new AbortController();
    const tasks = Array.from({ length: 6 }, (_, i) => ({ value: i, delay: 20 }));
    const reason = new Error('interrupted');
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const r of inTaskOrder<typeof tasks[0], number>(WORKER, tasks, { jobs: 2, signal: controller.signal })) {
          seen.push(r);
          controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(seen).toEqual([0]);
  });
});
