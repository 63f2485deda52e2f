// `staffsim erlang`: closed-form queue figures (Erlang C, or Erlang A with a
// patience) for a staffing, or the fewest agents meeting a target with the
// staffing table around the answer. No simulation: answers in milliseconds.

import { Command, Option } from 'commander';
import {
  erlangFiguresReport,
  erlangStaffingReport,
  type ErlangQuestion,
  type ErlangReport,
  type StaffingConstraints,
} from '../analytic/erlang-report.js';
import { renderErlang, short } from '../report/erlang.js';
import { FORMATS, type Format } from '../report/index.js';
import { DURATION_UNITS, parseDuration } from '../scenario/duration.js';
import { writeOutput } from './output.js';
import { UsageError } from './usage-error.js';

const EXAMPLES = `
Rates: 200/h, 3.5/min (or /m), 5000/d, 2/s, 100/30m (100 per 30 minutes), or
a plain number per minute. Durations: 30s, 5m, 1.5h, or a number of minutes.
Without --patience nobody abandons (Erlang C); with it, Erlang A (M/M/c+M,
exponential patience with that mean).

Examples:
  $ staffsim erlang --arrivals 100/30m --aht 3m --agents 14
  $ staffsim erlang --arrivals 100/30m --aht 3m --agents 14 --patience 5m
  $ staffsim erlang --arrivals 200/h --aht 5m --target 0.8 --answer-within 20s
  $ staffsim erlang --arrivals 200/h --aht 5m --patience 3m --target 0.9 --max-abandon 0.03
  $ staffsim erlang --arrivals 100/30m --aht 3m --target 0.8 --shrinkage 0.3 --format json`;

interface ErlangFlags {
  arrivals: string;
  aht: string;
  agents?: string;
  patience?: string;
  answerWithin: string;
  target?: string;
  maxAbandon?: string;
  maxOccupancy?: string;
  shrinkage?: string;
  format: Format;
  out?: string;
}

const NUMBER_RE = /^\s*(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\s*$/;

function number(flag: string, text: string, what: string): number {
  if (!NUMBER_RE.test(text)) throw new UsageError(`${flag}: \`${text}\` is not ${what}`);
  return Number(text);
}

/** Per-unit rate suffixes: `/min` as well as the duration units s, m, h, d. */
const RATE_UNITS: Readonly<Record<string, number>> = { ...DURATION_UNITS, min: 1 };

/**
 * Arrivals per minute from `200/h`, `3.5/min`, `100/30m` (a count per a
 * duration) or a plain number per minute.
 */
export function parseRate(text: string): number {
  const example = 'e.g. 200/h, 3.5/min, 100/30m, or a number per minute';
  const slash = text.indexOf('/');
  if (slash < 0) return positiveRate(number('--arrivals', text, `a rate (${example})`), text);
  const count = number('--arrivals', text.slice(0, slash), `a rate (${example})`);
  const per = text.slice(slash + 1).trim();
  let minutes: number;
  if (Object.hasOwn(RATE_UNITS, per)) minutes = RATE_UNITS[per];
  else {
    try {
      minutes = parseDuration(per);
    } catch {
      throw new UsageError(`--arrivals: \`${text}\` is not a rate: \`${per}\` is not a time unit or duration (${example})`);
    }
  }
  if (!(minutes > 0)) throw new UsageError(`--arrivals: \`${text}\` divides by a zero duration`);
  return positiveRate(count / minutes, text);
}

function positiveRate(perMinute: number, text: string): number {
  if (!(perMinute > 0) || !Number.isFinite(perMinute)) {
    throw new UsageError(`--arrivals: \`${text}\` must be a rate above 0`);
  }
  return perMinute;
}

function duration(flag: string, text: string, positive: boolean): number {
  let minutes: number;
  try {
    minutes = parseDuration(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`);
  }
  if (positive && !(minutes > 0)) throw new UsageError(`${flag}: must be longer than 0 (got \`${text}\`)`);
  return minutes;
}

function share(flag: string, text: string, range: { min: number; minIncluded: boolean; max: number; maxIncluded: boolean }): number {
  const lo = range.minIncluded ? '≥' : '>';
  const hi = range.maxIncluded ? '≤' : '<';
  const what = `a number ${lo} ${range.min} and ${hi} ${range.max}`;
  const x = number(flag, text, what);
  const okLow = range.minIncluded ? x >= range.min : x > range.min;
  const okHigh = range.maxIncluded ? x <= range.max : x < range.max;
  if (!okLow || !okHigh) throw new UsageError(`${flag} takes ${what} (got ${text})`);
  return x;
}

function agentCount(text: string): number {
  const n = Number(text);
  if (!/^\s*[0-9]+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--agents takes a whole number of at least 1 (got ${text})`);
  }
  return n;
}

/** Flags → the analytic question; every mistake is a UsageError naming its flag. */
export function erlangReportFromFlags(flags: ErlangFlags): ErlangReport {
  const question: ErlangQuestion = {
    arrivalsPerMinute: parseRate(flags.arrivals),
    aht: duration('--aht', flags.aht, true),
    patience: flags.patience === undefined ? null : duration('--patience', flags.patience, true),
    answerWithin: duration('--answer-within', flags.answerWithin, false),
    shrinkage: flags.shrinkage === undefined ? 0 : share('--shrinkage', flags.shrinkage, { min: 0, minIncluded: true, max: 1, maxIncluded: false }),
  };
  const constraints: StaffingConstraints = {};
  if (flags.target !== undefined) {
    constraints.target = share('--target', flags.target, { min: 0, minIncluded: false, max: 1, maxIncluded: true });
  }
  if (flags.maxAbandon !== undefined) {
    // Without patience nobody abandons: the cap would hold for any staffing and say nothing.
    if (question.patience === null) {
      throw new UsageError('--max-abandon needs --patience: without it nobody abandons (Erlang C), so every staffing meets any abandonment cap');
    }
    constraints.maxAbandon = share('--max-abandon', flags.maxAbandon, { min: 0, minIncluded: true, max: 1, maxIncluded: true });
  }
  if (flags.maxOccupancy !== undefined) {
    constraints.maxOccupancy = share('--max-occupancy', flags.maxOccupancy, { min: 0, minIncluded: false, max: 1, maxIncluded: true });
  }
  const staffing = Object.keys(constraints).length > 0;
  if (flags.agents !== undefined && staffing) {
    throw new UsageError(
      'give either --agents (the figures of that staffing) or --target/--max-abandon/--max-occupancy (the fewest agents meeting them), not both',
    );
  }
  if (flags.agents === undefined && !staffing) {
    throw new UsageError('give --agents N for the figures of a staffing, or --target 0.8 for the fewest agents meeting a service level');
  }

  const load = question.arrivalsPerMinute * question.aht;
  try {
    if (!staffing) {
      const agents = agentCount(flags.agents as string);
      if (question.patience === null && load >= agents) {
        throw new UsageError(
          `the queue is unstable: the offered load is ${short(load)} Erlangs (${short(question.arrivalsPerMinute)}/min × ${short(question.aht)} min), ` +
            `at least the ${agents} agents, and without --patience nobody abandons, so the queue grows without bound; ` +
            `use at least ${Math.floor(load) + 1} agents, or give --patience`,
        );
      }
      return erlangFiguresReport(question, agents);
    }
    return erlangStaffingReport(question, constraints);
  } catch (error) {
    // The analytic module's RangeErrors here are about the input (a queue too
    // overloaded to sum, a target no staffing meets): usage, not a bug.
    if (error instanceof RangeError) throw new UsageError(`${error.message} (offered load ${short(load)} Erlangs)`);
    throw error;
  }
}

export function registerErlangCommand(root: Command): void {
  root
    .command('erlang')
    .description('closed-form queue figures (Erlang C, or Erlang A with --patience) for a staffing, or the fewest agents meeting a target')
    .requiredOption('--arrivals <rate>', 'arrival rate: 200/h, 3.5/min, 100/30m, or a number per minute')
    .requiredOption('--aht <duration>', 'average handle time, e.g. 5m or 270s')
    .option('--agents <n>', 'agents answering (figures for this staffing)')
    .option('--patience <duration>', 'mean patience before abandoning (Erlang A); omit: nobody abandons (Erlang C)')
    .option('--answer-within <duration>', 'service-level threshold', '20s')
    .option('--target <share>', 'service-level target, e.g. 0.8: find the fewest agents meeting it')
    .option('--max-abandon <share>', 'with or instead of --target: at most this share abandoning')
    .option('--max-occupancy <share>', 'with or instead of --target: at most this occupancy')
    .option('--shrinkage <share>', 'share of scheduled agents not answering (breaks, training): also print agents to schedule')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--out <file>', 'write the output to a file instead of stdout')
    .addHelpText('after', EXAMPLES)
    .action((flags: ErlangFlags) => {
      writeOutput(renderErlang(erlangReportFromFlags(flags), flags.format), flags.out);
    });
}
