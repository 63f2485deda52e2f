// The contacts waiting for a person: a set of first-in first-out lines and
// the discipline that says which line's head an agent takes.
//
// Each line is an IdFifo of episode ids. A contact that leaves out of turn
// (it abandons) stays in its ring and is skipped when it reaches the front:
// the queue keeps, per episode, the tag of its live entry, and an entry whose
// tag no longer matches is stale. Removal is O(1) and nothing is allocated
// per contact.
//
// Lines are numbered by the router (router.ts): which line a contact joins
// and which lines a free agent looks at, in which order, are routing
// decisions; this module only keeps the lines, their heads and the count.

import { IdFifo } from '../engine/id-fifo.js';

export class HumanQueue {
  /** Contacts waiting in every line (stale entries not counted). */
  waiting = 0;

  private readonly lines: IdFifo[];
  /** Per episode: the tag of its live entry; 0 when it waits in no line. */
  private tag = new Int32Array(0);
  /** Per episode: when its live entry joined its line. */
  private since = new Float64Array(0);
  private nextTag = 0;

  constructor(lineCount: number) {
    this.lines = Array.from({ length: lineCount }, () => new IdFifo());
  }

  /** Makes room for episode ids below `capacity` (the episode table grew). */
  grow(capacity: number): void {
    const tag = new Int32Array(capacity);
    tag.set(this.tag);
    this.tag = tag;
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
    this.since[e] = t;
    this.lines[line].push(e, tag);
    this.waiting++;
  }

  /** When episode e's waiting contact joined its line. */
  joinedAt(e: number): number {
    return this.since[e];
  }

  /** Episode e's contact leaves its line out of turn (it abandons): its entry goes stale. */
  remove(e: number): void {
    this.tag[e] = 0;
    this.waiting--;
  }

  /** Removes and returns the head of `line`, skipping stale entries; -1 when the line is empty. */
  take(line: number): number {
    const fifo = this.lines[line];
    while (fifo.length > 0) {
      const e = fifo.shift();
      if (this.tag[e] === fifo.frontTag) {
        this.tag[e] = 0;
        this.waiting--;
        return e;
      }
    }
    return -1;
  }
}
