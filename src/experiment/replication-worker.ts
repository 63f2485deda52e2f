// The task a `run` worker thread runs: one replication of one strategy.
// tinypool loads the compiled file (dist/experiment/replication-worker.js).

import { simulateReplication } from '../model/contact-centre.js';
import type { StrategyScenario } from '../scenario/types.js';
import type { ReplicationSummary } from './run.js';

export interface ReplicationTask {
  strategy: StrategyScenario;
  replication: number;
}

export default function runReplication(task: ReplicationTask): ReplicationSummary {
  const result = simulateReplication(task.strategy, task.replication);
  return { kpis: result.kpis, turnedAway: result.observations.turnedAway };
}
