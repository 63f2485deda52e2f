// The task a `run` worker thread runs: one replication of one strategy.
// tinypool loads the compiled file (dist/experiment/replication-worker.js).

import { simulateReplication } from '../model/contact-centre.js';
import type { StrategyScenario } from '../scenario/types.js';
import { RunControl, type ControlSlot } from './run-control.js';
import type { ReplicationSummary } from './run.js';

export interface ReplicationTask {
  strategy: StrategyScenario;
  replication: number;
  /** Where to report progress and read the stop flag (run-control.ts); none for a run nobody watches. */
  control?: ControlSlot;
}

export default function runReplication(task: ReplicationTask): ReplicationSummary {
  const control = task.control ? new RunControl(task.control.buffer) : null;
  const slot = task.control?.slot ?? 0;
  const pulse = control ? control.pulse(slot, task.strategy.horizon) : undefined;
  const result = simulateReplication(task.strategy, task.replication, pulse);
  control?.finished(slot);
  return {
    kpis: result.kpis,
    physical: result.physical,
    byType: result.byType,
    byGroup: result.byGroup,
    turnedAway: result.observations.turnedAway,
    byHour: result.byHour,
    churned: result.observations.churnExpected,
    gigPayByWorker: result.gigPayByWorker,
  };
}
