// The validation suite as a whole: its cases on worker threads, and
// docs/validation.md written from the results (never typed by hand).

import { cpus } from 'node:os';
import { stringify } from 'yaml';
import { inTaskOrder, workerUrl } from './pool.js';
import {
  ABSOLUTE_TOLERANCE,
  AHT,
  ANSWER_WITHIN,
  CHAT_STRETCH,
  caseScenarioFile,
  LITTLE_TOLERANCE,
  MAX_SCALE,
  PATIENCE,
  PILOT_CONTACTS,
  RELATIVE_TOLERANCE,
  REPLICATIONS,
  runValidationCases,
  TARGET_RATIO,
  TOO_WIDE_FACTOR,
  type CaseResult,
  type QueueModel,
  type ReplicationOutcome,
  type ReplicationRunner,
  type ValidationCase,
} from './validation.js';

export interface SuiteOptions {
  /** Worker threads; default: the number of cores. */
  jobs?: number;
  /** Called as replications finish: stage 1 is the pilot, stage 2 the longer runs. */
  onProgress?: (stage: number, done: number, total: number) => void;
}

export interface SuiteResult {
  /** In the order of the cases given. */
  results: CaseResult[];
  /** Wall-clock seconds. */
  seconds: number;
  jobs: number;
}

/**
 * Runs the suite with every replication a task on worker threads, the longest
 * first in each stage so that the threads finish together.
 */
export async function runValidationSuite(cases: readonly ValidationCase[], options: SuiteOptions = {}): Promise<SuiteResult> {
  const started = process.hrtime.bigint();
  const jobs = Math.max(1, options.jobs ?? cpus().length);
  let stage = 0;
  const onThreads: ReplicationRunner = async (tasks) => {
    stage++;
    const outcomes: ReplicationOutcome[] = new Array(tasks.length);
    const order = tasks.map((_, i) => i).sort((a, b) => cost(tasks[b].case) - cost(tasks[a].case));
    let done = 0;
    const longestFirst = order.map((i) => tasks[i]);
    for await (const outcome of inTaskOrder<(typeof tasks)[number], ReplicationOutcome>(workerUrl('validation-worker'), longestFirst, { jobs })) {
      outcomes[order[done]] = outcome;
      options.onProgress?.(stage, ++done, tasks.length);
    }
    return outcomes;
  };
  const results = await runValidationCases(cases, onThreads);
  return { results, seconds: Number(process.hrtime.bigint() - started) / 1e9, jobs };
}

/** Simulated contacts of one replication, warm-up included: what its run time is proportional to. */
function cost(c: ValidationCase): number {
  return c.horizon * c.arrivalsPerMinute;
}

// ---------------------------------------------------------------------------
// docs/validation.md

/** Six significant digits, no exponent for the magnitudes that occur here. */
function num(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-4) return x.toExponential(2);
  return String(Number(x.toPrecision(6)));
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function seconds(s: number): string {
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

function duration(s: number): string {
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return m > 0 ? `${m} min ${rest} s` : `${rest} s`;
}

const MODELS: readonly QueueModel[] = ['M/M/1', 'M/D/1', 'M/M/c', 'M/M/c+M', 'groups pooled', 'groups split', 'chat c·k servers', 'chat stretch', 'gig chat'];

function contactsCell(r: CaseResult): string {
  const n = (r.case.contactsPerReplication / 1e6).toFixed(r.case.contactsPerReplication < 1e6 ? 2 : 1);
  // The pilot's widest half-width in tolerances: why the case ran longer.
  return r.case.stage === 2 ? `${n}M (pilot half-width ${r.pilot.ratio.toFixed(1)} tolerances)` : `${n}M`;
}

function littleCell(r: CaseResult): string {
  const worst = Math.max(...r.little.map((l) => l.gap));
  return `${r.little.every((l) => l.pass) ? 'pass' : 'FAIL'} (max gap ${worst < 1e-4 ? worst.toExponential(1) : pct(worst)})`;
}

export interface SuiteSummary {
  cases: number;
  casesPassed: number;
  checks: number;
  checksPassed: number;
  littleFailed: number;
  pass: boolean;
}

export function summarise(suite: SuiteResult): SuiteSummary {
  const checks = suite.results.flatMap((r) => r.checks);
  const little = suite.results.flatMap((r) => r.little);
  const summary = {
    cases: suite.results.length,
    casesPassed: suite.results.filter((r) => r.pass).length,
    checks: checks.length,
    checksPassed: checks.filter((k) => k.pass).length,
    littleFailed: little.filter((l) => !l.pass).length,
  };
  return { ...summary, pass: summary.casesPassed === summary.cases };
}

/** The one-paragraph result, for the terminal and the top of docs/validation.md. */
export function summaryText(suite: SuiteResult): string {
  const s = summarise(suite);
  const contacts = suite.results.reduce((sum, r) => sum + r.contacts, 0);
  const replications = suite.results.reduce((sum, r) => sum + r.little.length, 0);
  const little =
    s.littleFailed > 0
      ? `Little's law failed on ${s.littleFailed} of ${replications} replications`
      : `Little's law held on all ${replications} replications`;
  return (
    `${s.pass ? 'PASS' : 'FAIL'}: ${s.casesPassed} of ${s.cases} cases pass, ${s.checksPassed} of ${s.checks} KPI comparisons; ${little}. ` +
    `${(contacts / 1e6).toFixed(0)}M contacts simulated in ${duration(suite.seconds)} on ${suite.jobs} worker thread(s) ` +
    `(${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}).`
  );
}

export function validationMarkdown(suite: SuiteResult): string {
  const out: string[] = [];
  const example = suite.results.find((r) => r.case.model === 'M/M/c+M')?.case ?? suite.results[0]?.case;
  out.push(
    '# Validation against queueing theory',
    '',
    '<!-- Generated by `npm run validate` (src/experiment/validation.ts, scripts/validate.mjs): do not edit. -->',
    '',
    summaryText(suite),
    '',
    '## Summary',
    '',
    '| model | cases | passed | KPI comparisons passed | run time |',
    '|---|---:|---:|---:|---:|',
  );
  for (const model of MODELS) {
    const rs = suite.results.filter((r) => r.case.model === model);
    if (rs.length === 0) continue;
    const checks = rs.flatMap((r) => r.checks);
    out.push(
      `| ${model} | ${rs.length} | ${rs.filter((r) => r.pass).length} | ${checks.filter((k) => k.pass).length} of ${checks.length} | ` +
        `${seconds(rs.reduce((sum, r) => sum + r.seconds, 0))} |`,
    );
  }
  out.push(
    '',
    'Run times are thread seconds per case (both runs); the suite spreads replications over threads.',
    '',
    '## Method',
    '',
    `Each case is a minimal scenario file (one ticket type, \`routing: human\`, a flat headcount) simulated by the same code as \`staffsim run\`, ` +
      `for ${REPLICATIONS} replications, and compared with the closed form: Erlang C for M/M/1 and M/M/c, Erlang A (Garnett, Mandelbaum & Reiman 2002) ` +
      `for M/M/c+M, and for M/D/1 the Pollaczek–Khinchine mean wait with Erlang's formula for the waiting-time distribution. ` +
      `Handle time ${AHT} min (exponential; constant for M/D/1), service level "answered within ${Math.round(ANSWER_WITHIN * 60)} s / offered", ` +
      `exponential patience with mean ${PATIENCE} min for M/M/c+M; ρ is the offered load per agent, λ·AHT/c. ` +
      'The chat cases give each agent k slots (`concurrency`): with no slow-down they are M/M/(c·k)+M, Erlang A with c·k servers; ' +
      `with \`stretch\` [${CHAT_STRETCH.join(', ')}] (its first k values) they are compared with the exact steady state of their Markov chain ` +
      '(occupancy multiset and queue, src/analytic/chat-queue.ts), and ρ is λ·AHT·s_k/(c·k), the load per agent\'s full-load capacity. ' +
      'The gig chat case is the same chain served by c gig workers (nobody on shift), all called at the first contact, logging in at once and ' +
      'never logging off; its slot occupancy and utilization are the gig workers\' (`gig_slot_occupancy`, gig busy over paid hours).',
    '',
    `- **Pass**: the simulated mean is within ${pct(RELATIVE_TOLERANCE)} of the exact value, or within ${ABSOLUTE_TOLERANCE} ` +
      `(for probabilities; for waits ${ABSOLUTE_TOLERANCE} handle times, ${num(ABSOLUTE_TOLERANCE * AHT)} min), whichever is larger; ` +
      'or the exact value lies inside the simulation\'s 95% confidence interval (Student t over replications).',
    `- **Too wide**: a case FAILS when an interval's half-width exceeds ${TOO_WIDE_FACTOR} × that tolerance: such an interval could not ` +
      `tell a correct simulator from one off by ${TOO_WIDE_FACTOR} tolerances, so "inside the CI" would prove nothing.`,
    `- **Little's law** (L = λW on the queue) on every replication: the time-average number waiting against the sum of the waits of the ` +
      `contacts arriving in the window over the window's length; they may differ only by contacts waiting across the window's ends, so ` +
      `a gap above ${pct(LITTLE_TOLERANCE)} fails the case.`,
    `- **Horizons**: a pilot of ${REPLICATIONS} replications of ${PILOT_CONTACTS.toLocaleString('en-US')} contacts each; when a KPI's ` +
      `half-width there exceeds ${TARGET_RATIO} of its tolerance, the case runs again on fresh random streams with its horizon ` +
      `scaled by (half-width / (${TARGET_RATIO} × tolerance))² (at most ${MAX_SCALE}×) and is judged on that run alone. ` +
      'The queue starts empty; the warm-up is 20 relaxation times (the largest of AHT, patience and 1/(cμ(1 − √ρ)²)). ' +
      'Little\'s law is checked on the replications of both runs.',
    '',
  );
  if (example) {
    out.push(`The scenario file of case ${example.id}:`, '', '```yaml', stringify(caseScenarioFile(example)).trimEnd(), '```', '');
  }
  out.push(
    '## Cases',
    '',
    '| case | contacts per replication | KPI | exact | simulated mean ± 95% CI | tolerance | result | Little\'s law | run time |',
    '|---|---:|---|---:|---:|---:|---|---|---:|',
  );
  for (const r of suite.results) {
    r.checks.forEach((k, i) => {
      const half = (k.ci95[1] - k.ci95[0]) / 2;
      const result = k.pass ? `pass (${k.verdict})` : `**FAIL (${k.verdict})**`;
      const first = i === 0;
      out.push(
        `| ${first ? r.case.id : ''} | ${first ? contactsCell(r) : ''} | \`${k.kpi}\` | ${num(k.exact)} | ${num(k.mean)} ± ${num(half)} | ${num(k.tolerance)} | ${result} | ` +
          `${first ? littleCell(r) : ''} | ${first ? seconds(r.seconds) : ''} |`,
      );
    });
  }
  return `${out.join('\n')}\n`;
}
