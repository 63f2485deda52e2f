// The task a validation worker thread runs: one replication of one case of
// the suite. tinypool loads the compiled file
// (dist/experiment/validation-worker.js) and calls its default export; cases
// are plain data, so they cross the thread boundary as they are.

import { simulateCaseReplication, type ReplicationOutcome, type ValidationCase } from './validation.js';

export default function runReplication(task: { case: ValidationCase; replication: number }): ReplicationOutcome {
  return simulateCaseReplication(task.case, task.replication);
}
