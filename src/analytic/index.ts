export { erlangB } from './erlang-b.js';
export { erlangC, erlangCServiceLevel, erlangCWaitMean } from './erlang-c.js';
export { erlangA, ERLANG_A_MAX_QUEUE_STATES, type ErlangAInput, type ErlangAResult } from './erlang-a.js';
export { queueFigures, isErlangC, type QueueInput, type QueueFigures } from './queue-figures.js';
export {
  agentsFor,
  meetsConstraints,
  staffingTable,
  type StaffingInput,
  type StaffingResult,
  type StaffingRow,
} from './staffing.js';
export { md1Figures } from './md1.js';
