// The validation suite: staffsim's queue against queueing theory wherever
// theory has an answer. Each case is a minimal scenario (one ticket type,
// `routing: human`, a flat headcount) generated for M/M/1, M/D/1, M/M/c or
// M/M/c+M; it is simulated for its replications and every queue KPI is
// compared with the closed form. Little's law is checked on every
// replication. `npm run validate` runs the full grid (scripts/validate.mjs,
// validation-suite.ts) and writes docs/validation.md from the results;
// test/validation runs a few cases inside `npm test`.
//
// Horizons are sized in two stages. A pilot of REPLICATIONS replications of
// PILOT_CONTACTS contacts each estimates how noisy each KPI is; a case whose
// widest interval is above TARGET_RATIO of its tolerance is run again, on
// fresh random streams, with its horizon scaled by the square of the excess
// (the half-width shrinks like 1/sqrt(horizon)), and judged on that second
// run alone: its data are independent of the pilot, so its intervals are
// exact for the horizon chosen. The hard cases (saturated single servers,
// large centres near load 1, where the queue drifts slowly) get long horizons
// and the easy ones stay cheap, without a hand-tuned table of horizons.

import { chatQueueFigures } from '../analytic/chat-queue.js';
import { md1Figures } from '../analytic/md1.js';
import { queueFigures } from '../analytic/queue-figures.js';
import { estimate } from '../metrics/replications.js';
import { simulateReplication, type ReplicationResult } from '../model/contact-centre.js';
import { formatMinutes } from '../scenario/duration.js';
import { resolveScenario } from '../scenario/load.js';
import { LIMITS } from '../scenario/schema.js';
import type { StrategyScenario } from '../scenario/types.js';

/**
 * The two agent-group models (docs/model.md, "Agent groups"): two ticket
 * types of equal share, two groups of c/2 agents; `pooled`: both groups
 * serve both types (one M/M/c+M queue of c agents); `split`: each group
 * serves one type (two M/M/(c/2)+M queues, each with half the arrivals).
 * The two chat models (docs/model.md, "Concurrency"): c agents holding up
 * to k contacts each; `chat c·k servers`: no slow-down, so the slots are
 * c·k independent servers (M/M/(c·k)+M, Erlang A); `chat stretch`: the
 * rule-of-thumb stretch [1, 1.18, 1.2] (first k of it), against the exact
 * steady state of its Markov chain (src/analytic/chat-queue.ts). `gig chat`:
 * the same chain served by c gig workers holding k chats each, nobody on
 * shift; the trigger calls them all at the first contact, they log in at once
 * and never log off, so from then on they are c chat agents.
 */
export type QueueModel = 'M/M/1' | 'M/D/1' | 'M/M/c' | 'M/M/c+M' | 'groups pooled' | 'groups split' | 'chat c·k servers' | 'chat stretch' | 'gig chat';

/** Models with exponential patience. */
const ABANDONING: readonly QueueModel[] = ['M/M/c+M', 'groups pooled', 'groups split', 'chat c·k servers', 'chat stretch', 'gig chat'];

/** The KPIs compared with closed forms, named as run's KPIs: every model's, or a chat model's (CHAT_KPIS). */
export const VALIDATED_KPIS = ['p_wait', 'abandon_rate', 'wait_mean', 'asa', 'service_level', 'utilization', 'time_in_service', 'slot_occupancy'] as const;
export type ValidatedKpi = (typeof VALIDATED_KPIS)[number];

/** The KPIs each model is judged on: the queue's, and for chat the time in service and the slots held. */
function kpisOf(model: QueueModel): readonly ValidatedKpi[] {
  // With no slow-down, Erlang A gives every queue figure but not the share of agents holding a contact.
  if (model === 'chat c·k servers') return ['p_wait', 'abandon_rate', 'wait_mean', 'asa', 'service_level', 'time_in_service', 'slot_occupancy'];
  // The chain gives the queue's length, not each contact's wait: no asa or service level.
  if (model === 'chat stretch' || model === 'gig chat') return ['p_wait', 'abandon_rate', 'wait_mean', 'time_in_service', 'slot_occupancy', 'utilization'];
  return ['p_wait', 'abandon_rate', 'wait_mean', 'asa', 'service_level', 'utilization'];
}

/** The slow-down of the chat models with a stretch: the practitioners' rule of thumb (n / s_n = 1, 1.7, 2.5). */
export const CHAT_STRETCH = [1, 1.18, 1.2];

/** KPIs in minutes; the others are probabilities. */
const TIME_KPIS: ReadonlySet<ValidatedKpi> = new Set<ValidatedKpi>(['wait_mean', 'asa', 'time_in_service']);

// ---------------------------------------------------------------------------
// The rules (docs/validation.md quotes these constants).

/** A KPI passes when the simulated mean is within this share of the exact value... */
export const RELATIVE_TOLERANCE = 0.02;
/**
 * ...or within this absolute difference, which matters for values near 0:
 * for probabilities as it stands, for times in handle times (x AHT), so a
 * wait of 0.01 minutes with a 5-minute AHT is "near 0" like a probability of 0.002.
 */
export const ABSOLUTE_TOLERANCE = 0.002;
/**
 * A 95% interval wider than this many tolerances (half-width above twice the
 * tolerance) could not tell a correct model from one off by twice the
 * tolerance: the case then FAILS however close its mean, since a wide interval
 * would otherwise let anything pass as "inside the CI".
 */
export const TOO_WIDE_FACTOR = 2;
/**
 * Little's law L = lambda W on the queue, per replication: the time-average
 * number waiting against the sum of the waits over the window's length. On
 * one sample path they differ only by contacts waiting across the window's two
 * ends, of order (queue length x wait) / window: far below this share with
 * these horizons, so a larger gap means the waits the model records are not
 * the queue it held.
 */
export const LITTLE_TOLERANCE = 0.005;

// ---------------------------------------------------------------------------
// The cases.

/** Every case: handle time 5 minutes, service level within 20 s, patience 3 minutes (M/M/c+M). */
export const AHT = 5;
export const ANSWER_WITHIN = 1 / 3;
export const PATIENCE = 3;
export const REPLICATIONS = 10;
export const SEED = 2024;

/** Contacts per replication of the pilot (and the fewest of any run). */
export const PILOT_CONTACTS = 200_000;
/**
 * A pilot whose widest 95% half-width exceeds this share of its KPI's
 * tolerance gets a second, longer run sized to bring it to this share. At 0.6
 * a correct simulator fails a comparison only when its t statistic exceeds
 * 2.26 / 0.6 = 3.8 (9 degrees of freedom): about 0.4% of the time.
 */
export const TARGET_RATIO = 0.6;
/** The second run is at most this many times the pilot's horizon (a case still too wide then FAILS). */
export const MAX_SCALE = 100;

export interface ValidationCase {
  /** e.g. "M/M/c c=100 ρ=0.95" */
  id: string;
  model: QueueModel;
  agents: number;
  /** Contacts an agent holds at once (chat models; 1 otherwise) and its stretch. */
  slots: number;
  stretch: number[];
  /** Offered load per agent, lambda * AHT / c; for chat, per agent's full-load capacity, lambda * AHT * s_k / (c k). */
  load: number;
  aht: number;
  /** Mean exponential patience (minutes); null: nobody abandons. */
  patience: number | null;
  answerWithin: number;
  contactsPerDay: number;
  /** contactsPerDay / 1440. */
  arrivalsPerMinute: number;
  /** Expected contacts per replication after the warm-up. */
  contactsPerReplication: number;
  replications: number;
  /** Index of the first replication: the second stage uses fresh ones (REPLICATIONS and up). */
  firstReplication: number;
  /** 1: the pilot; 2: the longer run sized from it. */
  stage: 1 | 2;
  /** Whole minutes: 20 relaxation times of the queue, which starts empty. */
  warmup: number;
  /** Whole minutes, warm-up included. */
  horizon: number;
  seed: number;
}

function relaxationTime(agents: number, load: number, patience: number | null): number {
  // The M/M/c queue's relaxation time near saturation is about
  // 1 / (c mu (1 - sqrt(rho))^2); abandonment caps it near the patience.
  const mu = 1 / AHT;
  const heavy = patience === null && load < 1 ? 1 / (agents * mu * (1 - Math.sqrt(load)) ** 2) : 0;
  return Math.max(AHT, patience ?? 0, heavy);
}

export function makeCase(model: QueueModel, agents: number, load: number, slots = 1): ValidationCase {
  const patience = ABANDONING.includes(model) ? PATIENCE : null;
  if (patience === null && load >= 1) throw new RangeError(`${model} has no steady state at load ${load}`);
  const stretch = model === 'chat stretch' || model === 'gig chat' ? CHAT_STRETCH.slice(0, slots) : new Array<number>(slots).fill(1);
  // Work an agent gets through a minute at full load, in contacts' worth of handle time.
  const capacity = slots / stretch[slots - 1];
  // Contacts per day as a file would give them (no float noise such as
  // 691.1999999999999); the closed forms use the same rate.
  const contactsPerDay = Number((((load * agents * capacity) / AHT) * 1440).toPrecision(12));
  const arrivalsPerMinute = contactsPerDay / 1440;
  const warmup = Math.ceil(20 * relaxationTime(agents, load, patience) * stretch[slots - 1]);
  return {
    id: slots > 1 ? `${model} c=${agents} k=${slots} ρ=${load}` : `${model} c=${agents} ρ=${load}`,
    model,
    agents,
    slots,
    stretch,
    load,
    aht: AHT,
    patience,
    answerWithin: ANSWER_WITHIN,
    contactsPerDay,
    arrivalsPerMinute,
    contactsPerReplication: PILOT_CONTACTS,
    replications: REPLICATIONS,
    firstReplication: 0,
    stage: 1,
    warmup,
    horizon: warmup + Math.ceil(PILOT_CONTACTS / arrivalsPerMinute),
    seed: SEED,
  };
}

/**
 * The second stage of a pilot whose intervals are too wide for a sharp verdict,
 * or null when the pilot is sharp enough to be judged as it is.
 */
export function secondStage(pilot: ValidationCase, checks: readonly KpiCheck[]): ValidationCase | null {
  const ratio = Math.max(...checks.map(halfWidthRatio));
  if (pilot.stage !== 1 || !(ratio > TARGET_RATIO)) return null;
  const scale = Math.min(MAX_SCALE, (ratio / TARGET_RATIO) ** 2);
  // The contacts the second stage needs in all. A slow case (one agent at
  // low load) would need a horizon past what a scenario may hold
  // (LIMITS.duration_minutes), so it gets more replications of a horizon
  // within the limit instead: the half-width shrinks with the contacts
  // measured, however they are split into replications.
  const total = pilot.contactsPerReplication * scale * pilot.replications;
  const mostPerReplication = Math.floor((LIMITS.duration_minutes - pilot.warmup) * pilot.arrivalsPerMinute);
  const replications = Math.max(pilot.replications, Math.ceil(total / mostPerReplication));
  const contactsPerReplication = Math.ceil(total / replications);
  return {
    ...pilot,
    stage: 2,
    firstReplication: pilot.firstReplication + pilot.replications,
    replications,
    contactsPerReplication,
    horizon: pilot.warmup + Math.ceil(contactsPerReplication / pilot.arrivalsPerMinute),
  };
}

/** A check's 95% half-width over its tolerance. */
export function halfWidthRatio(check: KpiCheck): number {
  return (check.ci95[1] - check.ci95[0]) / 2 / check.tolerance;
}

/** The full grid: c from 1 to 1000, load from 0.5 to 1.2 (above 1 only with abandonment). */
export function validationCases(): ValidationCase[] {
  const cases: ValidationCase[] = [];
  for (const load of [0.5, 0.7, 0.8, 0.9]) cases.push(makeCase('M/M/1', 1, load));
  for (const load of [0.5, 0.7, 0.8, 0.9]) cases.push(makeCase('M/D/1', 1, load));
  // Without abandonment the grid stops at 0.9: at 0.95 a mean wait within 2%
  // needs some 200M contacts per case, and the suite would take most of an hour.
  // M/M/c+M covers the loads near and above 1.
  for (const agents of [2, 5, 10, 50, 100, 500, 1000]) {
    for (const load of [0.5, 0.8, 0.9]) cases.push(makeCase('M/M/c', agents, load));
  }
  for (const agents of [1, 2, 5, 10, 50, 100, 500, 1000]) {
    for (const load of [0.5, 0.8, 0.95, 1, 1.1, 1.2]) cases.push(makeCase('M/M/c+M', agents, load));
  }
  for (const agents of [10, 100]) {
    for (const load of [0.8, 1.1]) {
      cases.push(makeCase('groups pooled', agents, load));
      cases.push(makeCase('groups split', agents, load));
    }
  }
  for (const [agents, slots, load] of [[5, 2, 0.9], [10, 3, 1.1]]) cases.push(makeCase('chat c·k servers', agents, load, slots));
  for (const [agents, slots, load] of [[2, 2, 0.9], [2, 3, 0.9], [5, 3, 1], [10, 3, 1.1]]) cases.push(makeCase('chat stretch', agents, load, slots));
  cases.push(makeCase('gig chat', 5, 1, 3));
  return cases;
}

/** The subset run inside `npm test`: every model, one to a thousand agents, cases sharp enough after the pilot. */
export const FAST_CASE_IDS: readonly string[] = [
  'M/M/1 c=1 ρ=0.5',
  'M/D/1 c=1 ρ=0.7',
  'M/M/c c=10 ρ=0.5',
  'M/M/c+M c=5 ρ=1.2',
  'M/M/c+M c=1000 ρ=0.8',
];

export function fastValidationCases(): ValidationCase[] {
  const all = validationCases();
  return FAST_CASE_IDS.map((id) => {
    const found = all.find((c) => c.id === id);
    if (!found) throw new Error(`fast validation case ${id} is not in the grid`);
    return found;
  });
}

/** The minimal scenario file of a case, as an analyst would write it (durations with their units). */
export function caseScenarioFile(c: ValidationCase): Record<string, unknown> {
  const aht = formatMinutes(c.aht);
  const grouped = c.model === 'groups pooled' || c.model === 'groups split';
  return {
    name: `validation ${c.id}`,
    seed: c.seed,
    horizon: formatMinutes(c.horizon),
    warmup: formatMinutes(c.warmup),
    replications: c.replications,
    service_level: { answer_within: formatMinutes(c.answerWithin), target: 0.8 },
    demand: { contacts_per_day: c.contactsPerDay },
    ticket_types: grouped
      ? [
          { name: 'a', share: 0.5, handle_time: { dist: 'exponential', mean: aht } },
          { name: 'b', share: 0.5, handle_time: { dist: 'exponential', mean: aht } },
        ]
      : [
          {
            name: 'any',
            handle_time: c.model === 'M/D/1' ? { dist: 'deterministic', value: aht } : { dist: 'exponential', mean: aht },
          },
        ],
    ...(c.patience === null ? {} : { customers: { patience: { dist: 'exponential', mean: formatMinutes(c.patience) } } }),
    staff: c.model === 'gig chat'
      ? {
          employees: { headcount: 0 },
          gig: {
            pool: c.agents,
            max_active: c.agents,
            trigger: { wait: '1s' },
            login_delay: 0,
            // Longer than the run: nobody logs off.
            idle_timeout: formatMinutes(c.horizon),
            concurrency: c.slots,
            stretch: c.stretch,
          },
        }
      : grouped
      ? {
          groups: [
            { name: 'first', headcount: c.agents / 2, skills: c.model === 'groups pooled' ? ['a', 'b'] : ['a'] },
            { name: 'second', headcount: c.agents / 2, skills: c.model === 'groups pooled' ? ['b', 'a'] : ['b'] },
          ],
        }
      : { employees: { headcount: c.agents, ...(c.slots > 1 ? { concurrency: c.slots, stretch: c.stretch } : {}) } },
    strategies: { human: { routing: 'human' } },
  };
}

export function caseScenario(c: ValidationCase): StrategyScenario {
  return resolveScenario(caseScenarioFile(c)).strategies[0];
}

export function exactFigures(c: ValidationCase): Partial<Record<ValidatedKpi, number>> {
  const queue = { arrivalsPerMinute: c.arrivalsPerMinute, aht: c.aht, answerWithin: c.answerWithin };
  if (c.model === 'M/D/1') return md1Figures(queue);
  if (c.model === 'chat c·k servers') {
    const erlang = queueFigures({ ...queue, agents: c.agents * c.slots, patience: c.patience });
    return { ...erlang, utilization: undefined, time_in_service: c.aht, slot_occupancy: erlang.utilization };
  }
  if (c.model === 'chat stretch' || c.model === 'gig chat') {
    return chatQueueFigures({ arrivalsPerMinute: c.arrivalsPerMinute, aht: c.aht, agents: c.agents, slots: c.slots, stretch: c.stretch, patience: c.patience });
  }
  // Two identical independent queues, each with half the arrivals and half the agents: the whole has each one's figures.
  if (c.model === 'groups split') return queueFigures({ ...queue, arrivalsPerMinute: c.arrivalsPerMinute / 2, agents: c.agents / 2, patience: c.patience });
  return queueFigures({ ...queue, agents: c.agents, patience: c.patience });
}

// ---------------------------------------------------------------------------
// Judging.

export type Verdict = 'within tolerance' | 'inside CI' | 'outside' | 'CI too wide';

export interface KpiCheck {
  kpi: ValidatedKpi;
  exact: number;
  mean: number;
  ci95: [number, number];
  /** Largest difference passing without the interval: max(2% of |exact|, the absolute floor). */
  tolerance: number;
  verdict: Verdict;
  pass: boolean;
}

/** The tolerance of a KPI: 2% relative, or the absolute floor (in handle times for times). */
export function toleranceOf(kpi: ValidatedKpi, exact: number, aht: number): number {
  const floor = TIME_KPIS.has(kpi) ? ABSOLUTE_TOLERANCE * aht : ABSOLUTE_TOLERANCE;
  return Math.max(RELATIVE_TOLERANCE * Math.abs(exact), floor);
}

export function judge(kpi: ValidatedKpi, exact: number, values: readonly number[], aht: number): KpiCheck {
  const e = estimate(values);
  const [lo, hi] = e.ci95;
  if (lo === null || hi === null) throw new RangeError('validation needs at least two replications');
  const tolerance = toleranceOf(kpi, exact, aht);
  let verdict: Verdict;
  if ((hi - lo) / 2 > TOO_WIDE_FACTOR * tolerance) verdict = 'CI too wide';
  else if (Math.abs(e.mean - exact) <= tolerance) verdict = 'within tolerance';
  else if (lo <= exact && exact <= hi) verdict = 'inside CI';
  else verdict = 'outside';
  return {
    kpi,
    exact,
    mean: e.mean,
    ci95: [lo, hi],
    tolerance,
    verdict,
    pass: verdict === 'within tolerance' || verdict === 'inside CI',
  };
}

export interface LittleCheck {
  /** Time-average number waiting over the window. */
  queueLength: number;
  /** Sum of the waits of contacts arriving in the window, over the window's length. */
  lambdaW: number;
  /** |L - lambda W| / max(L, lambda W); 0 when both are 0. */
  gap: number;
  pass: boolean;
}

export function littleCheck(result: ReplicationResult, windowMinutes: number): LittleCheck {
  const o = result.observations;
  const lambdaW = (o.waitSumAnswered + o.waitSumAbandoned) / windowMinutes;
  const queueLength = result.queueLength;
  const scale = Math.max(queueLength, lambdaW);
  const gap = scale > 0 ? Math.abs(queueLength - lambdaW) / scale : 0;
  return { queueLength, lambdaW, gap, pass: gap <= LITTLE_TOLERANCE };
}

/** What one replication of a case gives the judge. */
export interface ReplicationOutcome {
  kpis: Record<ValidatedKpi, number>;
  little: LittleCheck;
  /** Contacts arriving after the warm-up. */
  contacts: number;
  /** Seconds of thread time to simulate it. */
  seconds: number;
}

/** Replication `r` (an index from c.firstReplication) of a case. */
export function simulateCaseReplication(c: ValidationCase, r: number): ReplicationOutcome {
  const started = process.hrtime.bigint();
  const result = simulateReplication(caseScenario(c), r);
  const kpis = Object.fromEntries(VALIDATED_KPIS.map((k) => [k, result.kpis[k]])) as Record<ValidatedKpi, number>;
  if (c.model === 'gig chat') {
    // The servers are gig workers: their slots held, and their share of logged-in time holding a chat.
    kpis.slot_occupancy = result.kpis.gig_slot_occupancy;
    kpis.utilization = result.kpis.gig_hours > 0 ? result.kpis.gig_busy_hours / result.kpis.gig_hours : 0;
  }
  return {
    kpis,
    little: littleCheck(result, c.horizon - c.warmup),
    contacts: result.kpis.contacts,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

export interface CaseResult {
  /** The run judged: the second stage when there was one. */
  case: ValidationCase;
  /** Contacts per replication of the pilot and its widest half-width over tolerance. */
  pilot: { contactsPerReplication: number; ratio: number };
  checks: KpiCheck[];
  /** Little's law on every replication of both stages. */
  little: LittleCheck[];
  /** Contacts measured over every replication of both stages. */
  contacts: number;
  /** Thread seconds over every replication of both stages. */
  seconds: number;
  pass: boolean;
}

export function judgeCase(c: ValidationCase, outcomes: readonly ReplicationOutcome[]): KpiCheck[] {
  const exact = exactFigures(c);
  return kpisOf(c.model).map((kpi) => {
    const value = exact[kpi];
    if (value === undefined) throw new Error(`validation: no exact ${kpi} for ${c.model}`);
    return judge(kpi, value, outcomes.map((o) => o.kpis[kpi]), c.aht);
  });
}

/** Runs a batch of (case, replication) tasks; the suite spreads them over threads. */
export type ReplicationRunner = (tasks: ReadonlyArray<{ case: ValidationCase; replication: number }>) => Promise<ReplicationOutcome[]>;

/** Every replication of every case, run in this thread. */
export const runInThread: ReplicationRunner = async (tasks) => tasks.map((t) => simulateCaseReplication(t.case, t.replication));

function tasksOf(cases: readonly ValidationCase[]) {
  return cases.flatMap((c) => Array.from({ length: c.replications }, (_, i) => ({ case: c, replication: c.firstReplication + i })));
}

/** Splits a flat list of outcomes back into one list per case, in case order. */
function perCase(cases: readonly ValidationCase[], outcomes: readonly ReplicationOutcome[]): ReplicationOutcome[][] {
  let next = 0;
  return cases.map((c) => outcomes.slice(next, (next += c.replications)));
}

/**
 * Runs the cases in two stages (the pilot, then the longer run of those too
 * noisy to judge) and judges them. `run` decides where replications run.
 */
export async function runValidationCases(cases: readonly ValidationCase[], run: ReplicationRunner = runInThread): Promise<CaseResult[]> {
  const pilots = perCase(cases, await run(tasksOf(cases)));
  const pilotChecks = cases.map((c, i) => judgeCase(c, pilots[i]));
  const stage2 = cases.map((c, i) => secondStage(c, pilotChecks[i]));
  const again = stage2.filter((c): c is ValidationCase => c !== null);
  const longer = perCase(again, await run(tasksOf(again)));
  return cases.map((pilot, i) => {
    const second = stage2[i];
    const outcomes = second === null ? pilots[i] : longer[again.indexOf(second)];
    const checks = second === null ? pilotChecks[i] : judgeCase(second, outcomes);
    const all = second === null ? pilots[i] : [...pilots[i], ...outcomes];
    const little = all.map((o) => o.little);
    return {
      case: second ?? pilot,
      pilot: { contactsPerReplication: pilot.contactsPerReplication, ratio: Math.max(...pilotChecks[i].map(halfWidthRatio)) },
      checks,
      little,
      contacts: all.reduce((sum, o) => sum + o.contacts, 0),
      seconds: all.reduce((sum, o) => sum + o.seconds, 0),
      pass: checks.every((k) => k.pass) && little.every((l) => l.pass),
    };
  });
}
