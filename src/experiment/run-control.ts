// What the main thread and the threads running replications share, in one
// SharedArrayBuffer: a stop flag and each replication's progress. A
// replication's pulse (engine/pulse.ts) writes its simulated share of the
// horizon and reads the flag every PULSE_EVERY events, so the main thread,
// free while workers simulate, can show progress inside one long replication
// and stop it within a fraction of a second.
//
// Layout: an Int32 stop flag (padded to 8 bytes), then one Float64 per task,
// 0 to 1 (1 once the replication has finished). Progress is read without
// Atomics (there are none for Float64): a stale figure only delays the bar.

import type { Pulse } from '../engine/pulse.js';

const HEADER_BYTES = 8;

/** How a task finds its place in the shared buffer (structured-cloned to workers, the buffer shared). */
export interface ControlSlot {
  buffer: SharedArrayBuffer;
  slot: number;
}

export class RunControl {
  private readonly flag: Int32Array;
  private readonly progress: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.flag = new Int32Array(buffer, 0, 1);
    this.progress = new Float64Array(buffer, HEADER_BYTES);
  }

  static forTasks(tasks: number): RunControl {
    return new RunControl(new SharedArrayBuffer(HEADER_BYTES + 8 * tasks));
  }

  slot(slot: number): ControlSlot {
    return { buffer: this.buffer, slot };
  }

  /** Asks every replication sharing this buffer to stop at its next pulse. */
  stop(): void {
    Atomics.store(this.flag, 0, 1);
  }

  get stopped(): boolean {
    return Atomics.load(this.flag, 0) !== 0;
  }

  /** Replications done, counting each one running by its simulated share of the horizon. */
  done(): number {
    let sum = 0;
    for (let i = 0; i < this.progress.length; i++) sum += this.progress[i];
    return sum;
  }

  /** The pulse of task `slot`, whose run ends at `horizon`: records progress, stops once asked to. */
  pulse(slot: number, horizon: number): Pulse {
    const progress = this.progress;
    return (time) => {
      progress[slot] = Math.min(1, time / horizon);
      return this.stopped;
    };
  }

  finished(slot: number): void {
    this.progress[slot] = 1;
  }
}
