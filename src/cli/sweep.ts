// `staffsim sweep FILE` and `staffsim merge PARTS...`: parse the flags, plan
// the sweep, stream each point's rows to stdout or --out as the points finish
// (in point order), and join shard parts. The work is in src/experiment.

import { closeSync, existsSync, fsyncSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { Command, Option } from 'commander';
import { axesFromSection, checkAxes, parseVary, SweepError, type Combine, type SweepAxes } from '../experiment/sweep-axes.js';
import { mergeSweepParts, resumeState } from '../experiment/sweep-file.js';
import { parseShard, planSweep, runSweep } from '../experiment/sweep.js';
import { renderSweepReport } from '../report/index.js';
import { selectKpis } from '../report/kpi-selection.js';
import { jsonlMetaFile, renderSweepHead, renderSweepRows, SweepFileError, SWEEP_FORMATS, type SweepFormat } from '../report/sweep.js';
import { loadScenarioFile } from '../scenario/load.js';
import { InterruptedError, interruptOnSignals, type StopSignal } from './interrupt.js';
import { collect, jobsOption, KPI_FLAG, KPI_HELP, positiveInteger, seedValue } from './main.js';
import { checkOutputPath, writeFileAtomic, writeOutput, writingTo } from './output.js';
import { progressBar } from './progress.js';
import { shellWord } from './run.js';
import { UsageError } from './usage-error.js';
import { streams } from './streams.js';

const SWEEP_EXAMPLES = `
Values: a list v1,v2,v3 (each read as YAML, like --set) or a range
start:end:step, end included (0.3:0.9:0.1 is 0.3, 0.4, ..., 0.9). Several
--vary are crossed (every combination, the first varying slowest); with
--combine zip the i-th values go together. Without --vary, the scenario's
sweep: section says what to vary.

Each point runs every selected strategy with its replications, all with the
scenario's seed (common random numbers: points differ only by their values);
--independent-seeds gives each point a seed derived from the scenario seed and
its values. Points that differ only in prices share one simulation and are
re-priced. The output is the same bytes whatever --jobs and however the
points are sharded.

Shards are numbered from 0: --shard 0/4 ... --shard 3/4 (Kubernetes'
JOB_COMPLETION_INDEX as is; a Slurm array --array=0-3 as is). Join the parts
with \`staffsim merge\`. See docs/cluster.md.

Examples:
  $ staffsim sweep my.yaml --vary ticket_types.0.ai_resolution=0.3:0.9:0.1
  $ staffsim sweep my.yaml --vary ai.cost_per_conversation=0.5,1,2 --vary staff.employees.headcount=30,40 \\
      --kpi cost_total,service_level --format markdown
  $ staffsim sweep my.yaml --vary ai.cost_per_conversation=0.5:2:0.5 --format html --out sweep.html
  $ staffsim sweep my.yaml --strategy hybrid --replications 5 --jobs 4 --out sweep.csv
  $ staffsim sweep my.yaml --out sweep.csv --resume          finish an interrupted sweep
  $ staffsim sweep my.yaml --shard 0/3 --out part-0.csv      one of three slices (then staffsim merge)`;

interface SweepFlags {
  vary: string[];
  combine?: Combine;
  set: string[];
  replications?: number;
  seed?: number;
  strategy: string[];
  jobs: number;
  shard?: string;
  format: SweepFormat | 'html';
  kpi: string[];
  out?: string;
  resume: boolean;
  independentSeeds: boolean;
}

/** Errors of sweep building and sweep files are bad input: exit 2 like every usage error. */
function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof SweepError || error instanceof SweepFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** A Ctrl-C'd sweep: the rows of finished points are kept (and resumable), unlike a run's all-or-nothing output. */
class SweepInterrupted extends InterruptedError {
  constructor(signal: StopSignal, where: string) {
    super(signal);
    this.message = `interrupted by ${signal}; finished points are in ${where}`;
  }
}

function axesOf(flags: SweepFlags, fileSweep: ReturnType<typeof loadScenarioFile>['sweep']): SweepAxes {
  if (flags.vary.length > 0) return checkAxes({ combine: flags.combine ?? 'cross', axes: flags.vary.map(parseVary) });
  if (fileSweep) return axesFromSection(flags.combine ? { ...fileSweep, combine: flags.combine } : fileSweep);
  throw new SweepError('nothing to vary: give --vary key.path=values (e.g. --vary ai.cost_per_conversation=0.5,1,2) or add a sweep: section to the scenario');
}

/** Writes all of `text` at the current end of `fd`: one write call for anything but huge rows. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at);
}

/**
 * A sweep file's text as readSweepFile takes it: for JSON lines the
 * metadata record of FILE.meta.json joined to the rows of FILE (see
 * report/sweep.ts), for the other formats the file itself.
 */
function sweepFileText(name: string, rows: string): { text: string; headBytes: number } {
  const metaFile = jsonlMetaFile(name);
  if (!existsSync(metaFile)) {
    if (rows.startsWith('{')) {
      throw new UsageError(`${name}: its metadata file ${metaFile} is missing (sweep --format jsonl --out FILE writes both; keep them together)`);
    }
    return { text: rows, headBytes: 0 };
  }
  const head = readFileSync(metaFile, 'utf8');
  return { text: head + rows, headBytes: Buffer.byteLength(head) };
}

/** The formats of `sweep`: the row files, and html (one page, written when the last point is done). */
const SWEEP_COMMAND_FORMATS = [...SWEEP_FORMATS, 'html'] as const;

export async function sweepCommand(file: string, flags: SweepFlags): Promise<void> {
  if (flags.format === 'html') return sweepHtmlCommand(file, { ...flags, format: 'html' });
  return sweepRowsCommand(file, { ...flags, format: flags.format });
}

function planFromFlags(file: string, flags: SweepFlags) {
  const overrides = [...flags.set];
  // As in `run`: the flags are shorthands for --set, validated like any key.
  if (flags.replications !== undefined) overrides.push(`replications=${flags.replications}`);
  if (flags.seed !== undefined) overrides.push(`seed=${flags.seed}`);
  const loaded = loadScenarioFile(file, { set: overrides });
  const kpis = flags.kpi.length > 0 ? { kpis: selectKpis(flags.kpi) } : {};
  const plan = asUsage(() => {
    const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
    const independentSeeds = flags.independentSeeds || (flags.vary.length === 0 && loaded.sweep?.seeds === 'independent');
    return planSweep(loaded, axesOf(flags, loaded.sweep), { strategies: flags.strategy, ...(shard ? { shard } : {}), ...kpis, independentSeeds });
  });
  return { loaded, plan };
}

/** The command line that reproduces a sweep's HTML report; --jobs is left out: it changes no figure. */
function reproducingCommand(file: string, flags: SweepFlags): string {
  const words = ['staffsim', 'sweep', file];
  for (const vary of flags.vary) words.push('--vary', vary);
  if (flags.combine !== undefined) words.push('--combine', flags.combine);
  for (const set of flags.set) words.push('--set', set);
  if (flags.replications !== undefined) words.push('--replications', String(flags.replications));
  if (flags.seed !== undefined) words.push('--seed', String(flags.seed));
  for (const strategy of flags.strategy) words.push('--strategy', strategy);
  for (const kpi of flags.kpi) words.push('--kpi', kpi);
  words.push('--format', 'html');
  if (flags.out !== undefined) words.push('--out', flags.out);
  return words.map(shellWord).join(' ');
}

/**
 * `sweep --format html`: every point, then one page (report/html). A page is
 * all or nothing, so it cannot be resumed or sharded: those run with a row
 * format, and the page is for a sweep that runs in one go.
 */
async function sweepHtmlCommand(file: string, flags: SweepFlags & { format: 'html' }): Promise<void> {
  if (flags.resume) throw new UsageError('--resume works with the row formats (csv, jsonl, markdown), not html: an HTML page is written whole, at the end');
  if (flags.shard !== undefined) throw new UsageError('--shard works with the row formats (csv, jsonl, markdown), not html: an HTML page needs every point');
  if (flags.out) checkOutputPath(flags.out);
  const { loaded, plan } = planFromFlags(file, flags);
  const interrupt = interruptOnSignals();
  const progress = progressBar(`${loaded.scenario.name} sweep`, streams().stderr, 'points');
  progress.update(0, plan.points.length);
  const rows = [];
  try {
    for await (const point of runSweep(plan, { jobs: flags.jobs, skip: 0, signal: interrupt.signal, onProgress: (done, total) => progress.update(done, total) })) {
      rows.push(...point.rows);
    }
  } catch (error) {
    if (error instanceof SweepError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  const kpis = flags.kpi.length > 0 ? { kpis: selectKpis(flags.kpi) } : {};
  writeOutput(await renderSweepReport(plan.meta, rows, { command: reproducingCommand(file, flags), ...kpis }), flags.out);
}

async function sweepRowsCommand(file: string, flags: SweepFlags & { format: SweepFormat }): Promise<void> {
  if (flags.resume && !flags.out) throw new UsageError('--resume needs --out FILE: it continues the sweep in that file');
  if (flags.shard !== undefined && flags.format === 'jsonl' && !flags.out) {
    throw new UsageError('--shard with --format jsonl needs --out FILE: the part\'s metadata, which merge reads, goes to FILE.meta.json');
  }
  if (flags.out) checkOutputPath(flags.out);
  const { loaded, plan } = planFromFlags(file, flags);

  const out = flags.out;
  let fd: number | undefined;
  let skip = 0;
  // An empty file is a run killed before its first write: start afresh.
  const head = renderSweepHead(plan.meta, flags.format);
  // JSON lines has no comment to hide the metadata in: it goes beside the rows (report/sweep.ts).
  const headApart = flags.format === 'jsonl';
  if (out && flags.resume && existsSync(out) && statSync(out).size > 0) {
    const stored = sweepFileText(out, readFileSync(out, 'utf8'));
    const state = asUsage(() => resumeState(stored.text, out, plan, flags.format));
    skip = state.skip;
    writingTo(out, () => truncateSync(out, state.keepBytes - stored.headBytes)); // drops a point cut short by a kill
    fd = writingTo(out, () => openSync(out, 'a'));
  } else if (out) {
    if (headApart) writeFileAtomic(jsonlMetaFile(out), head);
    const opened = writingTo(out, () => openSync(out, 'w'));
    fd = opened;
    if (!headApart) writingTo(out, () => writeAll(opened, head));
  } else if (!headApart) {
    streams().stdout.write(head);
  }

  const interrupt = interruptOnSignals();
  // A reader that stops early (`staffsim sweep ... | head`) closes the pipe:
  // stop the sweep quietly, as Unix tools do, instead of failing on EPIPE.
  const readerGone = new AbortController();
  const onStdoutError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone.abort();
  };
  // Left in place after the sweep: an EPIPE of the last write arrives a tick later.
  if (fd === undefined) streams().stdout.on('error', onStdoutError);
  const progress = progressBar(`${loaded.scenario.name} sweep`, streams().stderr, 'points');
  progress.update(skip, plan.points.length);
  try {
    const points = runSweep(plan, {
      jobs: flags.jobs,
      skip,
      signal: AbortSignal.any([interrupt.signal, readerGone.signal]),
      onProgress: (done, total) => progress.update(done, total),
    });
    for await (const point of points) {
      const text = renderSweepRows(point.rows, plan.meta, flags.format);
      if (fd !== undefined) writingTo(out as string, () => writeAll(fd as number, text));
      else streams().stdout.write(text);
      if (readerGone.signal.aborted) break;
    }
  } catch (error) {
    const reason: unknown = interrupt.signal.reason;
    if (interrupt.signal.aborted && reason instanceof InterruptedError) throw new SweepInterrupted(reason.signal, out ?? 'the output');
    if (readerGone.signal.aborted) return;
    if (error instanceof SweepError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress.stop();
    interrupt.dispose();
    if (fd !== undefined) {
      const opened = fd;
      try {
        writingTo(out as string, () => fsyncSync(opened));
      } finally {
        closeSync(opened);
      }
    }
  }
}

export function mergeCommand(parts: string[], flags: { out?: string }): void {
  let headsApart = false;
  const texts = parts.map((name) => {
    let rows: string;
    try {
      rows = readFileSync(name, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`${name}: ${code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`}`);
    }
    const stored = sweepFileText(name, rows);
    if (stored.headBytes > 0) headsApart = true;
    return { name, text: stored.text };
  });
  const merged = asUsage(() => mergeSweepParts(texts));
  if (!headsApart) {
    writeOutput(merged, flags.out);
    return;
  }
  // JSON lines: the merged metadata beside the merged rows, as a single sweep writes them.
  const headEnd = merged.indexOf('\n') + 1;
  if (flags.out) writeFileAtomic(jsonlMetaFile(flags.out), merged.slice(0, headEnd));
  writeOutput(merged.slice(headEnd), flags.out);
}

export function registerSweepCommand(root: Command): void {
  root
    .command('sweep')
    .description('run a scenario over a grid of parameter values, every point on every core; one row per point and strategy')
    .argument('<file>', 'scenario YAML file')
    .option('--vary <key.path=values>', 'vary a key: v1,v2,v3 or start:end:step (repeatable; crossed)', collect, [])
    .addOption(new Option('--combine <how>', 'cross (every combination) or zip (i-th values together)').choices(['cross', 'zip']))
    .option('--set <key.path=value>', 'override a scenario key at every point (repeatable)', collect, [])
    .option('--replications <n>', 'independent replications per strategy and point', positiveInteger('--replications'))
    .option('--seed <n>', 'random seed of every point (with --independent-seeds: the seed the points derive theirs from)', seedValue)
    .option('--independent-seeds', "give each point a seed of its own, derived from the seed and the point's values", false)
    .option('--strategy <name>', 'run only this strategy (repeatable)', collect, [])
    .addOption(jobsOption('worker threads (same output whatever the number)'))
    .option('--shard <K/N>', 'run only slice K of N, numbered from 0 (for cluster job arrays)')
    .addOption(new Option('--format <format>', 'output format').choices(SWEEP_COMMAND_FORMATS).default('csv'))
    .option(KPI_FLAG, KPI_HELP, collect, [])
    .option('--out <file>', 'write the rows to a file instead of stdout')
    .option('--resume', 'with --out: keep the points already in the file and run the rest', false)
    .addHelpText('after', SWEEP_EXAMPLES)
    .action((file: string, flags: SweepFlags) => sweepCommand(file, flags));
}

export function registerMergeCommand(root: Command): void {
  root
    .command('merge')
    .description('join the part files of a sharded sweep into the file a single run writes')
    .argument('<parts...>', 'part files written with sweep --shard K/N, one per K')
    .option('--out <file>', 'write the merged sweep to a file instead of stdout')
    .addHelpText('after', '\nExample:\n  $ staffsim merge part-0.csv part-1.csv part-2.csv --out sweep.csv')
    .action((parts: string[], flags: { out?: string }) => mergeCommand(parts, flags));
}
