// A simulation loop's heartbeat. Every PULSE_EVERY events the loop calls its
// pulse with the simulated time: the pulse may report progress, and returns
// true to stop the run (the loop then throws SimulationStopped). A countdown
// costs the loop one decrement per event and allocates nothing; a pulse every
// 65,536 events comes several times a second at any realistic speed, so a
// run can be watched and stopped however long one replication is.

/** Called every PULSE_EVERY events with the simulated time; true stops the run. */
export type Pulse = (time: number) => boolean;

export const PULSE_EVERY = 1 << 16;

/** The pulse that never stops anything: a loop run without a watcher. */
export const NO_PULSE: Pulse = () => false;

/** A run stopped by its pulse. */
export class SimulationStopped extends Error {
  constructor(readonly time: number) {
    super(`simulation stopped at time ${time}`);
    this.name = 'SimulationStopped';
  }
}
