// What `staffsim erlang` answers, as data: the closed-form figures of one
// staffing, or the fewest agents meeting a target with the staffing table
// around that answer. Renderers (src/report/erlang.ts) only format it.

import { scheduledFor } from '../model/shrinkage.js';
import { erlangB } from './erlang-b.js';
import { isErlangC, queueFigures, type QueueFigures } from './queue-figures.js';
import { agentsFor, meetsConstraints, staffingTable, type StaffingInput } from './staffing.js';

/** The queue being asked about (time in minutes, rates per minute). */
export interface ErlangQuestion {
  arrivalsPerMinute: number;
  aht: number;
  /** Mean patience in minutes; null: nobody abandons (Erlang C). */
  patience: number | null;
  /** Service-level threshold, minutes. */
  answerWithin: number;
  /** Share of scheduled agents not on the phones (0 when not given): only changes `scheduled`. */
  shrinkage: number;
}

export interface StaffingConstraints {
  target?: number;
  maxAbandon?: number;
  maxOccupancy?: number;
}

/** Figures of one staffing, named as staffsim's KPIs, plus two classic extras. */
export interface ErlangRow extends QueueFigures {
  agents: number;
  /** Agents to schedule so that `agents` are on shift net of shrinkage (rounded as the simulator does). */
  scheduled: number;
  /** Share answered without waiting: 1 − p_wait. */
  answered_immediately: number;
  /** Erlang B: the share that would be lost if nobody could wait (all agents busy on arrival). */
  erlang_b: number;
}

export type ErlangModel = 'erlang-c' | 'erlang-a';

export interface ErlangFiguresReport {
  kind: 'figures';
  model: ErlangModel;
  question: ErlangQuestion;
  row: ErlangRow;
}

export interface ErlangStaffingReport {
  kind: 'staffing';
  model: ErlangModel;
  question: ErlangQuestion;
  constraints: StaffingConstraints;
  /** The fewest agents meeting every constraint. */
  answer: ErlangRow;
  /** Agents around the answer, each saying whether it meets the constraints. */
  rows: Array<ErlangRow & { meets: boolean }>;
}

export type ErlangReport = ErlangFiguresReport | ErlangStaffingReport;

/** Rows shown on each side of the answer in the staffing table. */
export const STAFFING_TABLE_SPAN = 3;

export function modelOf(question: ErlangQuestion): ErlangModel {
  return isErlangC(question.patience) ? 'erlang-c' : 'erlang-a';
}

function queueOf(question: ErlangQuestion) {
  const { arrivalsPerMinute, aht, patience, answerWithin } = question;
  return { arrivalsPerMinute, aht, patience, answerWithin };
}

function row(question: ErlangQuestion, agents: number, figures?: QueueFigures): ErlangRow {
  const f = figures ?? queueFigures({ ...queueOf(question), agents });
  return {
    agents,
    scheduled: scheduledFor(agents, question.shrinkage),
    p_wait: f.p_wait,
    abandon_rate: f.abandon_rate,
    wait_mean: f.wait_mean,
    asa: f.asa,
    service_level: f.service_level,
    utilization: f.utilization,
    offered_load: f.offered_load,
    answered_immediately: 1 - f.p_wait,
    erlang_b: erlangB(f.offered_load, agents),
  };
}

/**
 * The figures of `agents` agents. Throws a RangeError for bad input and for an
 * unstable Erlang C queue (offered load ≥ agents without patience).
 */
export function erlangFiguresReport(question: ErlangQuestion, agents: number): ErlangFiguresReport {
  return { kind: 'figures', model: modelOf(question), question, row: row(question, agents) };
}

/**
 * The fewest agents meeting the constraints, and the table from
 * STAFFING_TABLE_SPAN agents below it to as many above (rows where an Erlang C
 * queue would be unstable are left out). Throws a RangeError when nothing meets them.
 */
export function erlangStaffingReport(question: ErlangQuestion, constraints: StaffingConstraints): ErlangStaffingReport {
  const input: StaffingInput = { ...queueOf(question), ...constraints };
  const found = agentsFor(input);
  const rows = staffingTable(input, found.agents, STAFFING_TABLE_SPAN).map((r) => ({
    ...row(question, r.agents, r),
    meets: meetsConstraints(input, r),
  }));
  return {
    kind: 'staffing',
    model: modelOf(question),
    question,
    constraints,
    answer: row(question, found.agents, found.figures),
    rows,
  };
}
