// Events due well after the clock, held apart from the event queue's heap
// until they come near: a calendar of buckets, each a span of the queue's
// `farAfter` time units, in a ring of FAR_BUCKETS. Adding is O(1), and a
// bucket is handed to the heap whole when the clock reaches its start
// (event-queue.ts), so the heap holds only what is due within a bucket and
// stays shallow though a model keeps thousands of events pending hours
// ahead (customers coming back). Entries keep their key, so the heap orders
// them as if they had never been apart.
//
// A bucket is named by its absolute number, floor(time / width); the ring
// holds FAR_BUCKETS consecutive ones at a time (the queue adds nothing
// further ahead). Entries live in a pool of typed arrays chained per bucket,
// so nothing is allocated per event once the pool is as large as the
// busiest moment needs.

import { grown } from './grown.js';

/** Buckets in the ring: an event further ahead than this many widths stays in the heap. */
export const FAR_BUCKETS = 64;
/** The end of a bucket's chain. */
export const NO_ENTRY = -1;

export class FarCalendar {
  /** Entries held. */
  count = 0;
  /** Per entry: the event, and the next entry of its bucket. */
  time: Float64Array;
  key: Float64Array;
  data: Int32Array;
  next: Int32Array;

  private readonly heads = new Int32Array(FAR_BUCKETS).fill(NO_ENTRY);
  /** Free entries, chained through `next`. */
  private free = NO_ENTRY;
  /** Entries ever used: the pool's high-water mark. */
  private used = 0;

  constructor(initialCapacity = 256) {
    this.time = new Float64Array(initialCapacity);
    this.key = new Float64Array(initialCapacity);
    this.data = new Int32Array(initialCapacity);
    this.next = new Int32Array(initialCapacity);
  }

  /** Adds an event to bucket `bucket`. */
  add(bucket: number, time: number, key: number, data: number): void {
    let entry = this.free;
    if (entry !== NO_ENTRY) this.free = this.next[entry];
    else {
      if (this.used === this.time.length) this.grow();
      entry = this.used++;
    }
    const ring = bucket & (FAR_BUCKETS - 1);
    this.time[entry] = time;
    this.key[entry] = key;
    this.data[entry] = data;
    this.next[entry] = this.heads[ring];
    this.heads[ring] = entry;
    this.count++;
  }

  /**
   * Detaches bucket `bucket` and returns its first entry (NO_ENTRY when
   * empty). The caller reads each entry, follows `next`, and hands each one
   * back with release() once read.
   */
  take(bucket: number): number {
    const ring = bucket & (FAR_BUCKETS - 1);
    const first = this.heads[ring];
    this.heads[ring] = NO_ENTRY;
    return first;
  }

  /** Returns a read entry to the pool. */
  release(entry: number): void {
    this.next[entry] = this.free;
    this.free = entry;
    this.count--;
  }

  /** The earliest time held, Infinity when empty (diagnostics: walks every entry). */
  earliest(): number {
    let min = Infinity;
    for (let ring = 0; ring < FAR_BUCKETS; ring++) {
      for (let e = this.heads[ring]; e !== NO_ENTRY; e = this.next[e]) min = Math.min(min, this.time[e]);
    }
    return min;
  }

  /** Forgets every entry. */
  clear(): void {
    this.heads.fill(NO_ENTRY);
    this.free = NO_ENTRY;
    this.used = 0;
    this.count = 0;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    this.time = grown(new Float64Array(cap), this.time);
    this.key = grown(new Float64Array(cap), this.key);
    this.data = grown(new Int32Array(cap), this.data);
    this.next = grown(new Int32Array(cap), this.next);
  }
}
