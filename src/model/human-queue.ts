// The contacts waiting for a person: a set of first-in first-out lines and
// the discipline's raw material, each line's head and when it joined.
//
// Each line is an IdFifo of episode ids. A contact that leaves out of turn
// (it abandons, or an overflow group takes it) stays in its ring and is
// skipped when it reaches the front: the queue keeps, per episode, the tag of
// its live entry, and an entry whose tag no longer matches is stale. Removal
// is O(1) and nothing is allocated per contact. A line's head, once looked
// at, is kept aside (peek) until it is taken or goes stale.
//
// Lines are numbered by the router (router.ts): which line a contact joins
// and which heads a free agent compares are routing decisions; this module
// keeps the lines, their heads and the counts.

import { IdFifo } from '../engine/id-fifo.js';

const NONE = -1;

export class HumanQueue {
  /** Contacts waiting in every line (stale entries not counted). */
  waiting = 0;
  /** Contacts waiting per line. */
  readonly lineWaiting: Int32Array;

  private readonly lines: IdFifo[];
  /** Per line: the live head already shifted out of its ring (peek), or NONE; and its tag. */
  private readonly headId: Int32Array;
  private readonly headTag: Int32Array;
  /** Per episode: the tag of its live entry; 0 when it waits in no line. */
  private tag = new Int32Array(0);
  /** Per episode: the line it waits in and when it joined. */
  private lineOf = new Int32Array(0);
  private since = new Float64Array(0);
  private nextTag = 0;

  constructor(lineCount: number) {
    this.lines = Array.from({ length: lineCount }, () => new IdFifo());
    this.lineWaiting = new Int32Array(lineCount);
    this.headId = new Int32Array(lineCount).fill(NONE);
    this.headTag = new Int32Array(lineCount);
  }

  /** Makes room for episode ids below `capacity` (the episode table grew). */
  grow(capacity: number): void {
    const tag = new Int32Array(capacity);
    tag.set(this.tag);
    this.tag = tag;
    const lineOf = new Int32Array(capacity);
    lineOf.set(this.lineOf);
    this.lineOf = lineOf;
    const since = new Float64Array(capacity);
    since.set(this.since);
    this.since = since;
  }

  /** Episode e's contact joins `line` at time t. */
  push(line: number, e: number, t: number): void {
    // Tags only need to differ from the previous entry of the same episode;
    // wrapping past 2^31 is harmless because 0 is skipped.
    let tag = ++this.nextTag;
    if (tag === 0x7fffffff) this.nextTag = tag = 1;
    this.tag[e] = tag;
    this.lineOf[e] = line;
    this.since[e] = t;
    this.lines[line].push(e, tag);
    this.lineWaiting[line]++;
    this.waiting++;
  }

  /** When episode e's waiting contact joined its line. */
  joinedAt(e: number): number {
    return this.since[e];
  }

  /** Episode e's contact leaves its line out of turn (it abandons, or is answered by overflow): its entry goes stale. */
  remove(e: number): void {
    this.tag[e] = 0;
    this.lineWaiting[this.lineOf[e]]--;
    this.waiting--;
  }

  /** The head of `line` (the contact that joined it first), left in place; -1 when the line is empty. */
  peek(line: number): number {
    const kept = this.headId[line];
    if (kept !== NONE) {
      if (this.tag[kept] === this.headTag[line]) return kept;
      this.headId[line] = NONE;
    }
    const fifo = this.lines[line];
    while (fifo.length > 0) {
      const e = fifo.shift();
      if (this.tag[e] === fifo.frontTag) {
        this.headId[line] = e;
        this.headTag[line] = fifo.frontTag;
        return e;
      }
    }
    return NONE;
  }

  /** Removes and returns the head of `line`, skipping stale entries; -1 when the line is empty. */
  take(line: number): number {
    const e = this.peek(line);
    if (e !== NONE) {
      this.headId[line] = NONE;
      this.tag[e] = 0;
      this.lineWaiting[line]--;
      this.waiting--;
    }
    return e;
  }
}
