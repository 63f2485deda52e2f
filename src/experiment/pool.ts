// Tasks on a pool of worker threads (tinypool), results in task order.
//
// Results come back in the order the tasks were given, whatever order the
// threads finish in, so output never depends on --jobs or on timing. Only a
// window of tasks runs ahead of the one awaited, which keeps every thread busy
// while bounding the results held back for an earlier one.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';

export interface PoolOptions {
  /** Worker threads; at most one per task. */
  jobs: number;
  /** Aborting stops the pool; the generator then throws the signal's reason. */
  signal?: AbortSignal;
  /** A fresh thread for every task (see run.ts for when that pays). */
  isolate?: boolean;
  /**
   * A pool to run on instead of a new one (openPool), left open: a caller
   * with many small batches (staffsim plan, month after month) keeps its
   * threads and their optimised code.
   */
  pool?: Tinypool;
}

/** A pool of `jobs` threads of the compiled worker module `worker`, for PoolOptions.pool; the caller destroys it. */
export function openPool(worker: URL, jobs: number): Tinypool {
  if (!existsSync(fileURLToPath(worker))) {
    throw new Error(`the worker ${fileURLToPath(worker)} is missing: run \`npm run build\` first`);
  }
  const threads = Math.max(1, jobs);
  return new Tinypool({ filename: worker.href, minThreads: threads, maxThreads: threads });
}

/**
 * Runs `tasks` on `jobs` threads of the compiled worker module `worker` (whose
 * default export takes one task and returns its result) and yields the results
 * in task order.
 */
export async function* inTaskOrder<Task, Result>(
  worker: URL,
  tasks: readonly Task[],
  options: PoolOptions,
): AsyncGenerator<Result> {
  if (tasks.length === 0) return;
  const threads = Math.max(1, Math.min(options.jobs, tasks.length));
  const own = options.pool === undefined;
  if (own && !existsSync(fileURLToPath(worker))) {
    throw new Error(`the worker ${fileURLToPath(worker)} is missing: run \`npm run build\` first`);
  }
  const pool =
    options.pool ??
    new Tinypool({
      filename: worker.href,
      minThreads: threads,
      maxThreads: threads,
      isolateWorkers: options.isolate ?? false,
    });
  const signal = options.signal;
  const pending = new Map<number, Promise<Result>>();
  const ahead = threads * 2;
  let submitted = 0;
  try {
    for (let next = 0; next < tasks.length; next++) {
      while (submitted < tasks.length && submitted < next + ahead) {
        const result = pool.run(tasks[submitted], signal ? { signal } : {}) as Promise<Result>;
        // Awaited in order below; this only keeps an early rejection from being reported as unhandled.
        result.catch(() => {});
        pending.set(submitted++, result);
      }
      signal?.throwIfAborted();
      let result: Result;
      try {
        result = await pending.get(next)!;
      } catch (error) {
        // An abort rejects the running tasks with tinypool's own error: report the abort's reason instead.
        signal?.throwIfAborted();
        throw error;
      }
      pending.delete(next);
      yield result;
    }
  } finally {
    if (own) await pool.destroy();
  }
}

/** Worker module URL: the compiled file, two folders up from src/experiment and dist/experiment alike. */
export function workerUrl(name: string): URL {
  return new URL(`../../dist/experiment/${name}.js`, import.meta.url);
}
