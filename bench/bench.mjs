// npm run bench: staffsim's speed and memory, each case in a fresh process.
//   node bench/bench.mjs [--json]
// Absolute figures drift on shared machines; compare runs made together.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const json = process.argv.includes('--json');

function runCase(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(here, 'case.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`bench case ${args.join(' ')} failed:\n${child.stderr}`);
  return { ...JSON.parse(child.stdout), wall_s: wall };
}

/** The command a user runs (worker threads on every core), timed whole; peak RSS read by GNU time when present. */
function runCli(args) {
  const started = process.hrtime.bigint();
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const argv = timed ? ['-f', '%M', process.execPath, 'bin/staffsim.js', ...args] : ['bin/staffsim.js', ...args];
  const child = spawnSync(command, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`staffsim ${args.join(' ')} failed:\n${child.stderr}`);
  const report = JSON.parse(child.stdout);
  const contacts = report.strategies.reduce((sum, s) => sum + s.metrics.contacts.mean, 0);
  const peakRssMb = timed ? Number(child.stderr.trim().split('\n').pop()) / 1024 : null;
  return { contacts, seconds: wall, contacts_per_s: contacts / wall, peak_rss_mb: peakRssMb, wall_s: wall };
}

/**
 * Median wall and CPU (user + system) seconds of `runs` starts of a command,
 * after one start not counted (disk cache). CPU needs GNU time; on a loaded
 * machine it is the steadier figure.
 */
function startUp(args, runs = 7) {
  const timed = existsSync('/usr/bin/time');
  const walls = [];
  const cpus = [];
  for (let i = 0; i <= runs; i++) {
    const started = process.hrtime.bigint();
    const child = timed
      ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { cwd: root, encoding: 'utf8' })
      : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${child.stderr}`);
    if (i === 0) continue;
    walls.push(wall);
    if (timed) {
      const [user, system] = child.stderr.trim().split('\n').pop().split(' ').map(Number);
      cpus.push(user + system);
    }
  }
  return { wall: median(walls), cpu: timed ? median(cpus) : null };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

// Start-up, beside Node's own (an empty script) measured in the same run.
const startNode = startUp(['-e', '0']);
const startVersion = startUp(['bin/staffsim.js', '--version']);
const startValidate = startUp(['bin/staffsim.js', 'validate', 'bench/erlang-a.yaml']);
// A short run (1,000 minutes of the reference workload, about 10,000 contacts): mostly start-up.
const startShortRun = startUp(['bin/staffsim.js', 'run', 'bench/erlang-a.yaml', '--set', 'horizon=1000'], 3);

// The plain-JS yardstick (bench/yardstick.mjs) on the same workload,
// interleaved with the reference case: Y S Y S Y S Y. The machine's speed
// drifts, so each staffsim run is read against the mean of the yardstick runs
// just before and just after it, and the figure is the median of the rounds
// (one run moves by 3-5%: docs/performance.md).
const ROUNDS = 3;
function runYardstick(warm = false) {
  const run = spawnSync(process.execPath, [join(here, 'yardstick.mjs'), '2000000', '1', ...(warm ? ['--warm'] : [])], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench/yardstick.mjs failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()).contacts_per_s;
}

/** ROUNDS runs of the reference case, each with the yardstick runs around it; the median round by ratio, and the ratios' range. */
function referenceRounds(warm) {
  const rounds = [];
  let before = runYardstick(warm);
  for (let i = 0; i < ROUNDS; i++) {
    const run = runCase(['bench/erlang-a.yaml', ...(warm ? ['--warm'] : [])]);
    const after = runYardstick(warm);
    const yardstick = (before + after) / 2;
    rounds.push({ run, yardstick, ratio: run.contacts_per_s / yardstick });
    before = after;
  }
  const byRatio = [...rounds].sort((a, b) => a.ratio - b.ratio);
  return { ...byRatio[ROUNDS >> 1], low: byRatio[0].ratio, high: byRatio[ROUNDS - 1].ratio };
}

/**
 * `staffsim plan` of the default scenario (24 months, every plan strategy,
 * worker threads on every core), timed whole; with GNU time also its CPU
 * time (user + system, all threads): on a shared machine the wall time
 * waits for other work, the CPU time does not.
 */
function runPlanCli() {
  const started = process.hrtime.bigint();
  const timed = existsSync('/usr/bin/time');
  const args = ['bin/staffsim.js', 'plan', '--format', 'json'];
  const child = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`staffsim plan failed:\n${child.stderr}`);
  const report = JSON.parse(child.stdout);
  const [user, system, rssKb] = timed ? child.stderr.trim().split('\n').pop().split(' ').map(Number) : [null, null, null];
  return {
    months: report.months,
    strategies: report.strategies.length,
    paths: report.paths,
    wall_s: round(wall),
    cpu_s: user === null ? null : round(user + system),
    peak_rss_mb: rssKb === null ? null : round(rssKb / 1024),
  };
}

const cold = referenceRounds(false);
// The same rounds warm: each times a second run in its process, after V8 has
// compiled it (docs/performance.md, "Cold and warm").
const warm = referenceRounds(true);
const reference = cold.run;
const k = reference.kpis.human;
const defaultRun = runCli(['run', '--set', 'horizon=673h', '--replications', '1', '--format', 'json']);
const planRun = runPlanCli();
const short = runCase(['bench/erlang-a.yaml', '--set', 'horizon=100000']);
const long = runCase(['bench/erlang-a.yaml', '--set', 'horizon=400000']);
const chat3 = runCase(['bench/chat-3.yaml']);
const hiddenClasses = runHiddenClasses();
const allocation = runAllocation();


const result = {
  reference: {
    workload: 'Erlang A: 10/min, AHT 5 min, 52 agents, patience 3 min, 2M arrivals, all KPIs on',
    contacts: reference.contacts,
    contacts_per_s: Math.round(reference.contacts_per_s),
    wall_s: round(reference.wall_s),
    peak_rss_mb: round(reference.peak_rss_mb),
    abandon_rate: round(k.abandon_rate, 6),
    wait_mean: round(k.wait_mean, 6),
    p_wait: round(k.p_wait, 6),
    utilization: round(k.utilization, 6),
    exact: { abandon_rate: 0.045188, wait_mean: 0.135563, p_wait: 0.36027, utilization: 0.918089 },
    rounds: ROUNDS,
    yardstick_contacts_per_s: Math.round(cold.yardstick),
    ratio_to_yardstick: round(cold.ratio, 3),
    ratio_range: [round(cold.low, 3), round(cold.high, 3)],
    warm_contacts_per_s: Math.round(warm.run.contacts_per_s),
    warm_yardstick_contacts_per_s: Math.round(warm.yardstick),
    warm_ratio_to_yardstick: round(warm.ratio, 3),
    warm_ratio_range: [round(warm.low, 3), round(warm.high, 3)],
  },
  default_28d: {
    workload: 'staffsim run (klarna-2024) for 28 days, 1 replication, every strategy, worker threads on every core',
    contacts: defaultRun.contacts,
    contacts_per_s: Math.round(defaultRun.contacts_per_s),
    wall_s: round(defaultRun.wall_s),
    peak_rss_mb: defaultRun.peak_rss_mb === null ? null : round(defaultRun.peak_rss_mb),
  },
  start_up: {
    workload:
      'median of 7 starts, wall and CPU seconds: node -e 0, staffsim --version, staffsim validate bench/erlang-a.yaml; of 3: staffsim run bench/erlang-a.yaml --set horizon=1000',
    node_s: round(startNode.wall, 3),
    node_cpu_s: startNode.cpu === null ? null : round(startNode.cpu, 3),
    version_s: round(startVersion.wall, 3),
    version_cpu_s: startVersion.cpu === null ? null : round(startVersion.cpu, 3),
    validate_s: round(startValidate.wall, 3),
    validate_cpu_s: startValidate.cpu === null ? null : round(startValidate.cpu, 3),
    short_run_s: round(startShortRun.wall, 3),
    short_run_cpu_s: startShortRun.cpu === null ? null : round(startShortRun.cpu, 3),
  },
  plan_default: {
    workload: 'staffsim plan (klarna-2024): 24 months, every plan strategy, 5 paths, worker threads on every core',
    ...planRun,
  },
  chat_3: {
    workload: 'the reference demand served by 21 agents holding up to 3 chats, stretch [1, 1.18, 1.2]',
    contacts: chat3.contacts,
    contacts_per_s: Math.round(chat3.contacts_per_s),
    ratio_to_reference: round(chat3.contacts_per_s / reference.contacts_per_s, 3),
  },
  hidden_classes: {
    workload: 'per file and strategy, in a second replication: optimised functions V8 discards for code dependencies (0 expected), and the functions deoptimised for any other reason (bench/hidden-classes.mjs)',
    ...hiddenClasses,
  },  allocation: {
    workload: 'per file and strategy, a second replication at a 7-day horizon: bytes allocated per contact, sampled by V8 (bench/allocation.mjs; near 0 is the aim)',
    ...allocation,
  },

  memory_flat: {
    workload: 'reference workload, horizon 100,000 vs 400,000 min (1M vs 4M arrivals)',
    peak_rss_mb_short: round(short.peak_rss_mb),
    peak_rss_mb_long: round(long.peak_rss_mb),
    change: round(long.peak_rss_mb / short.peak_rss_mb - 1, 3),
  },
};

if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const r = result.reference;
  const d = result.default_28d;
  const m = result.memory_flat;
  const u = result.start_up;
  // Node's own start moves with the machine's load: start-up is read against it.
  const timesNode = (wall) => `${(wall / u.node_s).toFixed(2)}x node -e 0`;
  const rows = [
    ['case', 'contacts', 'contacts/s', 'wall s', 'peak RSS MB', 'target'],
    ['reference (Erlang A)', fmt(r.contacts), fmt(r.contacts_per_s), r.wall_s, r.peak_rss_mb, `cold: first replication in a fresh process`],
    ['reference, warm', fmt(r.contacts), fmt(r.warm_contacts_per_s), '', '', `warm: a second replication in the process`],
    ['3 chats per agent', fmt(result.chat_3.contacts), fmt(result.chat_3.contacts_per_s), '', '', `${result.chat_3.ratio_to_reference} of the reference's speed`],
    ['default, 28 days', fmt(d.contacts), fmt(d.contacts_per_s), d.wall_s, d.peak_rss_mb, '< 5 s, < 200 MB'],
    ['start-up: --version', '', '', u.version_s, '', `< 0.15 s; ${timesNode(u.version_s)}; CPU ${u.version_cpu_s} s`],
    ['start-up: validate', '', '', u.validate_s, '', `< 0.15 s; ${timesNode(u.validate_s)} (aim <= 1.5x); CPU ${u.validate_cpu_s} s`],
    ['start-up: short run', '', '', u.short_run_s, '', `run --set horizon=1000; ${timesNode(u.short_run_s)}; CPU ${u.short_run_cpu_s} s`],
    ['start-up: node -e 0', '', '', u.node_s, '', `Node alone; CPU ${u.node_cpu_s} s`],
    ['plan, 24 months', '', '', result.plan_default.wall_s, result.plan_default.peak_rss_mb, `< 60 s on 2 cores (CPU ${result.plan_default.cpu_s ?? '?'} s)`],
    ['horizon x4: short', '', '', '', m.peak_rss_mb_short, ''],
    ['horizon x4: long', '', '', '', m.peak_rss_mb_long, `RSS change ${(m.change * 100).toFixed(1)}% (< 10%)`],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  for (const row of rows) process.stdout.write(`${row.map((v, c) => String(v).padEnd(widths[c])).join('  ')}\n`);
  process.stdout.write(
    `\nreference KPIs (exact): abandon ${r.abandon_rate} (0.045188), wait ${r.wait_mean} (0.135563), ` +
      `p_wait ${r.p_wait} (0.360270), utilisation ${r.utilization} (0.918089)\n`,
  );
  process.stdout.write(
    `plain-JS yardstick (bench/yardstick.mjs, interleaved with the reference: ${r.rounds} rounds, each against the mean of the yardstick runs around it; the median round): ` +
      `${fmt(r.yardstick_contacts_per_s)} contacts/s cold, ${fmt(r.warm_yardstick_contacts_per_s)} warm; ` +
      `staffsim/yardstick = ${r.ratio_to_yardstick} cold (rounds ${r.ratio_range.join('-')}), ${r.warm_ratio_to_yardstick} warm (${r.warm_ratio_range.join('-')}) (target >= 0.8)\n`,
  );
  const files = Object.entries(result.hidden_classes).filter(([key]) => key !== 'workload');
  const discarded = files.map(([file, counts]) => `${file} ${Object.values(counts).reduce((n, c) => n + c.discarded, 0)}`);
  const deoptimised = files.map(([file, counts]) => `${file} ${Object.values(counts).flatMap((c) => c.deoptimised).join(' ') || 'none'}`);
  process.stdout.write(`hidden classes (bench/hidden-classes.mjs): optimised functions discarded by a second replication: ${discarded.join(', ')} (0 expected)\n`);
  process.stdout.write(`deoptimised in a second replication (bench/hidden-classes.mjs): ${deoptimised.join(', ')}\n`);
  const allocated = Object.entries(result.allocation)
    .filter(([key]) => key !== 'workload')
    .map(([file, strategies]) => `${file} ${Object.values(strategies).map((r) => r.bytes_per_contact).join('/')}`);
  process.stdout.write(`allocated in a second replication, bytes a contact by strategy (bench/allocation.mjs): ${allocated.join(', ')}\n`);
}

/** bench/allocation.mjs: per file and strategy, the bytes a second replication allocates per contact. */
function runAllocation() {
  const child = spawnSync(process.execPath, [join(here, 'allocation.mjs'), '--json'], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/allocation.mjs failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** bench/hidden-classes.mjs: per file and strategy, what a second replication throws away of the code optimised for the first. */
function runHiddenClasses() {
  const child = spawnSync(process.execPath, [join(here, 'hidden-classes.mjs'), '--json'], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/hidden-classes.mjs failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

function round(x, digits = 2) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function fmt(n) {
  return Number(n).toLocaleString('en-US');
}
