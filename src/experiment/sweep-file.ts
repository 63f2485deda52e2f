// Resuming and merging sweep files. Both rest on two facts: a point's rows
// are rendered the same bytes whoever runs it (seeds from the point's values,
// rows in point order), and a file's first line says which sweep and which
// shard it holds. So a resumed file, or shards joined in point order, equal
// the file one uninterrupted run writes, byte for byte.

import { readSweepFile, renderSweepHead, sweepIdentity, SweepFileError, type SweepFile } from '../report/sweep.js';
import type { SweepMeta, SweepPlan } from './sweep.js';

/** The points of shard `index` of `count` in a sweep of `total` points (the same slicing as planSweep). */
function shardPoints(total: number, index: number, count: number): number[] {
  const points: number[] = [];
  for (let i = index; i < total; i += count) points.push(i);
  return points;
}

/**
 * The `K/N` of a part's header, checked: a header edited by hand or cut
 * (`0/0`, `x/y`) is refused rather than sliced into no points or NaN.
 */
function partShard(name: string, shard: unknown): { index: number; count: number } {
  const m = typeof shard === 'string' ? /^(\d+)\/(\d+)$/.exec(shard) : null;
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new SweepFileError(
      `${name}: its header's shard ${JSON.stringify(shard)} is not K/N with N ≥ 1 and K from 0 to N − 1; was the file edited or cut?`,
    );
  }
  return { index, count };
}

/** Names the first metadata field two files disagree on, for the refusal message. */
function difference(a: SweepMeta, b: SweepMeta): string {
  for (const key of ['scenario', 'sweep', 'strategies', 'replications', 'seed', 'keys', 'combine', 'points', 'staffsim', 'kpis', 'by_type', 'by_group', 'shard'] as const) {
    const x = JSON.stringify(a[key] ?? null);
    const y = JSON.stringify(b[key] ?? null);
    if (x !== y) return `${key === 'scenario' ? 'scenario (name and sha256)' : key} differs: ${x} against ${y}`;
  }
  return 'metadata differs';
}

/**
 * Checks that the rows of `file` are a prefix of `points` and returns how
 * many points are complete. A point cut short (a kill in the middle of its
 * rows) is not complete, and neither is anything after it.
 */
function completePrefix(file: SweepFile, points: readonly number[], strategies: number, name: string): number {
  let done = 0;
  for (const block of file.blocks) {
    if (block.point !== points[done]) {
      throw new SweepFileError(`${name}: holds point ${block.point} where point ${points[done] ?? '(none)'} was expected`);
    }
    if (block.rows > strategies) throw new SweepFileError(`${name}: point ${block.point} has ${block.rows} rows for ${strategies} strategies`);
    if (block.rows < strategies) {
      if (block !== file.blocks[file.blocks.length - 1]) throw new SweepFileError(`${name}: point ${block.point} is missing rows`);
      break;
    }
    done++;
  }
  return done;
}

export interface ResumeState {
  /** Points of the plan already in the file: not to be run again. */
  skip: number;
  /** Bytes of the file to keep: the head and the complete points; what follows (a cut point) is dropped. */
  keepBytes: number;
}

/** Where a sweep resumes from the existing output `text` (a file of the same sweep, format and shard, or an error). */
export function resumeState(text: string, name: string, plan: SweepPlan, format: string): ResumeState {
  const file = readSweepFile(text, name);
  if (file.format !== format) throw new SweepFileError(`${name} is ${file.format}, not ${format}: resume with --format ${file.format}`);
  if (sweepIdentity(file.meta) !== sweepIdentity(plan.meta) || (file.meta.shard ?? null) !== (plan.meta.shard ?? null)) {
    throw new SweepFileError(
      `${name} holds another sweep (${difference(file.meta, plan.meta)}); resume with the same scenario and flags, or write to a new --out`,
    );
  }
  const skip = completePrefix(file, plan.points, plan.strategies.length, name);
  const keepBytes = file.blocks.slice(0, skip).reduce((n, b) => n + Buffer.byteLength(b.text), Buffer.byteLength(file.head));
  return { skip, keepBytes };
}

/**
 * Joins the part files of one sharded sweep (`--shard K/N` for every K) into
 * the file a single run writes. Refuses parts of different sweeps, missing or
 * repeated shards, and unfinished parts.
 */
export function mergeSweepParts(parts: ReadonlyArray<{ name: string; text: string }>): string {
  if (parts.length === 0) throw new SweepFileError('name the part files to merge');
  const files = parts.map((p) => ({ name: p.name, file: readSweepFile(p.text, p.name) }));
  const first = files[0];
  for (const { name, file } of files) {
    if (file.meta.shard === undefined) throw new SweepFileError(`${name} is a whole sweep, not a part written with --shard`);
    if (file.format !== first.file.format) throw new SweepFileError(`${name} is ${file.format} but ${first.name} is ${first.file.format}`);
    if (sweepIdentity(file.meta) !== sweepIdentity(first.file.meta)) {
      throw new SweepFileError(`${name} and ${first.name} are parts of different sweeps (${difference(file.meta, first.file.meta)})`);
    }
  }
  const count = partShard(first.name, first.file.meta.shard!).count;
  const byShard = new Map<number, { name: string; file: SweepFile }>();
  for (const part of files) {
    const { index: k, count: n } = partShard(part.name, part.file.meta.shard!);
    if (n !== count) throw new SweepFileError(`${part.name} is shard ${k}/${n} but ${first.name} is one of ${count} shards`);
    const other = byShard.get(k);
    if (other) throw new SweepFileError(`${part.name} and ${other.name} are both shard ${k}/${count}`);
    byShard.set(k, part);
  }
  // The first few missing shards: a search that ends within parts + 5 steps however large N is.
  const missing: number[] = [];
  for (let k = 0; k < count && missing.length < 5; k++) if (!byShard.has(k)) missing.push(k);
  if (missing.length > 0) {
    const more = count - byShard.size - missing.length;
    throw new SweepFileError(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${count}`).join(', ')}${more > 0 ? ` and ${more} more` : ''} missing`,
    );
  }

  const meta = { ...first.file.meta };
  delete meta.shard;
  const blocks: string[] = new Array(meta.points);
  for (const [k, { name, file }] of byShard) {
    const points = shardPoints(meta.points, k, count);
    const done = completePrefix(file, points, meta.strategies.length, name);
    if (done < points.length) {
      throw new SweepFileError(`${name} is unfinished: ${done} of its ${points.length} points (finish it with the same command and --resume)`);
    }
    file.blocks.forEach((block) => (blocks[block.point] = block.text));
  }
  return renderSweepHead(meta, first.file.format) + blocks.join('');
}
