// Future-event list of the simulation kernel.
//
// There is no separate clock class: the simulation clock is `queue.time`, the
// time of the event last returned by pop(). A model loop is
//
//   while (queue.pop()) handle(queue.time, queue.kind, queue.data);
//
// Events are ordered by (time, insertion sequence), so ties pop in the order
// they were scheduled and a run is reproducible, as in SimPy's core.
//
// Two heaps share that order (one sequence counter), chosen by measurement
// (docs/performance.md):
//
// - schedule(): events that will fire. A binary heap on parallel typed
//   arrays holding each entry whole (time; sequence and kind packed in one
//   double; data), so a push or a pop touches nothing but the heap.
// - scheduleCancellable(): events that may be cancelled (a patience timer,
//   most of which are cancelled when service starts). An indexed heap: each
//   event owns a slot that knows its heap position, so cancel() takes the
//   entry out at once. The heap then holds only live timers (a handful in a
//   typical run) and the first heap never carries dead entries down its
//   levels; memory is flat however many timers are cancelled. A handle is
//   (generation, slot) packed in one number, so a stale handle (its event
//   already popped or cancelled, the slot since reused) never matches.
// - scheduleFar(): events that will fire, expected long after the clock (a
//   customer coming back hours later). Those due farAfter or more ahead
//   wait in a calendar of buckets farAfter wide (far-calendar.ts); a marker
//   in the first heap at the start of the calendar's next bucket hands that
//   bucket to the heap when the clock reaches it. The first heap then holds
//   what is due soon, not thousands of events hours ahead. Entries keep
//   their keys, so the order is the same as schedule()'s.
//
// Nothing is allocated per event.

import { DOUBLE_ZERO } from './double-field.js';
import { FAR_BUCKETS, FarCalendar, NO_ENTRY } from './far-calendar.js';
import { grown } from './grown.js';

/** Sequence numbers are packed with the kind as seq * 256 + kind, exact below 2^53. */
const MAX_SEQUENCE = 2 ** 45;
/** Most cancellable events pending at once. */
const MAX_SLOTS = 2 ** 26;
/** Generations wrap at this value; MAX_SLOTS * GENERATIONS = 2^53 keeps handles exact integers. */
const GENERATIONS = 2 ** 27;
/** A free slot's heap position. */
const NOWHERE = -1;
/** The key of the first heap's marker for the start of the calendar's next bucket: below every event's, so it pops first at its time. */
const MARKER_KEY = -1;

export class EventQueue {
  /** Time of the event last returned by pop(): the simulation clock. */
  time = DOUBLE_ZERO;
  /** Kind of the event last returned by pop(). */
  kind = 0;
  /** Data of the event last returned by pop(). */
  data = 0;

  /**
   * A double from the start: as a small integer, seq * 256 leaves int32
   * after 8.4 million events, and V8 threw away the code of schedule() and
   * every handler it was inlined into to compile them again.
   */
  private nextSeq = DOUBLE_ZERO;

  // Events that fire, indexed by heap position.
  private n = 0;
  private cap: number;
  private heapTime: Float64Array;
  /** seq * 256 + kind: orders ties by insertion and carries the kind. */
  private heapKey: Float64Array;
  private heapData: Int32Array;

  // Cancellable events: a heap of slot numbers; the entries live in the slots.
  private timers = 0;
  private slotCap: number;
  private timerHeap: Int32Array;
  private slotTime: Float64Array;
  private slotKey: Float64Array;
  private slotData: Int32Array;
  /** Where the slot's event is in timerHeap; NOWHERE when the slot is free. */
  private slotPos: Int32Array;
  /**
   * Doubles, though whole numbers below 2^27: a handle is generation × 2^26
   * + slot, and with generations read as small integers V8 compiled that
   * product as an int32 one, which overflows from generation 32 on and threw
   * away schedule()'s and the handlers' optimised code mid-run.
   */
  private slotGen: Float64Array;
  /** Stack of free slot numbers; freeCount + timers === slotCap. */
  private freeSlots: Int32Array;
  private freeCount = 0;

  // Events from scheduleFar() due farAfter or more after the clock, until their bucket comes near (far-calendar.ts).
  private readonly far: FarCalendar | null;
  /** The calendar's next bucket to hand to the first heap; a marker waits in the heap at its start while the calendar holds anything. */
  private farBucket = 0;

  /**
   * `farAfter`: events from scheduleFar() due this long or longer after
   * the clock wait in a calendar of buckets this wide until the clock
   * reaches their bucket (far-calendar.ts), so the first heap stays
   * shallow; Infinity keeps everything in the heap. The order of events is
   * the same either way.
   */
  constructor(
    initialCapacity = 1024,
    private readonly farAfter = Infinity,
  ) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1) {
      throw new RangeError(`EventQueue: initial capacity must be a positive integer, got ${initialCapacity}`);
    }
    if (!(farAfter > 0)) throw new RangeError(`EventQueue: farAfter must be positive, got ${farAfter}`);
    this.far = farAfter === Infinity ? null : new FarCalendar();
    const cap = Math.min(initialCapacity, MAX_SLOTS);
    this.cap = cap;
    this.heapTime = new Float64Array(cap);
    this.heapKey = new Float64Array(cap);
    this.heapData = new Int32Array(cap);
    this.slotCap = cap;
    this.timerHeap = new Int32Array(cap);
    this.slotTime = new Float64Array(cap);
    this.slotKey = new Float64Array(cap);
    this.slotData = new Int32Array(cap);
    this.slotPos = new Int32Array(cap).fill(NOWHERE);
    this.slotGen = new Float64Array(cap);
    this.freeSlots = new Int32Array(cap);
    for (let s = cap - 1; s >= 0; s--) this.freeSlots[this.freeCount++] = s;
  }

  /** Events pending (cancelled ones are gone at once). */
  get size(): number {
    const far = this.far === null ? 0 : this.far.count;
    // While the calendar holds anything, one heap entry is its marker, not an event.
    return this.n + this.timers + (far > 0 ? far - 1 : 0);
  }

  /** Entries both heaps can hold before they grow (diagnostics and tests). */
  get capacity(): number {
    return this.cap + this.slotCap;
  }

  /**
   * Schedules an event that will not be cancelled; kind is a small
   * non-negative integer (< 256), data an int32.
   * Throws a RangeError if time is NaN or earlier than the clock.
   */
  schedule(time: number, kind: number, data: number): void {
    const key = this.key(time, kind, data);
    if (this.n === this.cap) this.grow();
    // Sift up from the new leaf (insert()'s loop, written out: schedule() is
    // inlined into the model's handlers, and a call to insert() there put
    // other calls over V8's inlining budget).
    const ht = this.heapTime;
    const hk = this.heapKey;
    const hd = this.heapData;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ht[p];
      if (pt < time || (pt === time && hk[p] < key)) break;
      ht[i] = pt;
      hk[i] = hk[p];
      hd[i] = hd[p];
      i = p;
    }
    ht[i] = time;
    hk[i] = key;
    hd[i] = data;
  }

  /**
   * Schedules an event as schedule() does, in the same order, for a model
   * that expects it to be due long after the clock (a customer coming back
   * hours later): if it is due farAfter or more ahead it waits in the
   * calendar (far-calendar.ts) rather than in the heap. A method of its own
   * rather than a test in schedule(): schedule() is inlined into the model's
   * handlers, and a branch there that a run takes only now and then would
   * be compiled without type feedback and throw their optimised code away
   * the first time it is taken.
   */
  scheduleFar(time: number, kind: number, data: number): void {
    const key = this.key(time, kind, data);
    if (!(time - this.time >= this.farAfter && this.toCalendar(time, key, data))) this.insert(time, key, data);
  }

  /** Puts an event with its key into the first heap. */
  private insert(time: number, key: number, data: number): void {
    if (this.n === this.cap) this.grow();
    // Sift up from the new leaf.
    const ht = this.heapTime;
    const hk = this.heapKey;
    const hd = this.heapData;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ht[p];
      if (pt < time || (pt === time && hk[p] < key)) break;
      ht[i] = pt;
      hk[i] = hk[p];
      hd[i] = hd[p];
      i = p;
    }
    ht[i] = time;
    hk[i] = key;
    hd[i] = data;
  }

  /**
   * Schedules an event as schedule() does and returns a handle (a
   * non-negative integer) for cancel().
   */
  scheduleCancellable(time: number, kind: number, data: number): number {
    const key = this.key(time, kind, data);
    if (this.timers === this.slotCap) this.growSlots();
    const slot = this.freeSlots[--this.freeCount];
    this.slotTime[slot] = time;
    this.slotKey[slot] = key;
    this.slotData[slot] = data;
    this.timerUp(this.timers++, slot);
    return this.slotGen[slot] * MAX_SLOTS + slot;
  }

  /** Cancels a pending cancellable event by handle, O(log timers); false (and nothing done) if it already fired or was cancelled. */
  cancel(handle: number): boolean {
    const slot = this.pendingSlot(handle);
    if (slot === NOWHERE) return false;
    this.removeTimerAt(this.slotPos[slot]);
    this.release(slot);
    return true;
  }

  /**
   * Moves a pending cancellable event to `time`: the same as cancel(handle)
   * and then scheduleCancellable(time) with the event's kind and data (it
   * takes the next sequence number, so it pops after every event scheduled
   * before this call at the same time), and the handle it returns is the
   * new one; the old handle stops matching. The entry moves in place, one
   * sift instead of a removal and an insertion: a chat server's completion
   * moves every time it takes a contact (model/chat-slots.ts). Returns -1,
   * and does nothing, if the event already fired or was cancelled.
   * Throws a RangeError if time is NaN or earlier than the clock.
   */
  reschedule(handle: number, time: number): number {
    const slot = this.pendingSlot(handle);
    if (slot === NOWHERE) return -1;
    const key = this.key(time, kindOf(this.slotKey[slot]), this.slotData[slot]);
    this.slotTime[slot] = time;
    this.slotKey[slot] = key;
    this.slotGen[slot] = (this.slotGen[slot] + 1) & (GENERATIONS - 1);
    const pos = this.slotPos[slot];
    if (pos > 0 && this.timerBefore(slot, this.timerHeap[(pos - 1) >> 1])) this.timerUp(pos, slot);
    else this.timerDown(pos, slot);
    // Read back from the Float64Array, as scheduleCancellable() does (slotGen says why).
    return this.slotGen[slot] * MAX_SLOTS + slot;
  }

  /** Removes the earliest event and exposes it in time/kind/data; false when empty. Ties in time pop in insertion order. */
  pop(): boolean {
    return this.popBefore(Infinity) || this.popAtInfinity();
  }

  /**
   * Pops the earliest event, as pop() does, only if it is due strictly
   * before `limit`; false otherwise. Lets a model merge a source of events
   * kept outside the queue (a Poisson arrival stream) in one call per event.
   */
  popBefore(limit: number): boolean {
    // Whether the heap holds anything is compared once, up front, not again
    // only for an empty queue, as at a run's start (docs/performance.md,
    // "Loads that every event makes").
    const some = this.n > 0;
    if (this.timers === 0 || (some && this.firstBeforeTimers())) {
      if (!some) return false;
      const time = this.heapTime[0];
      if (!(time < limit)) return false;
      const key = this.heapKey[0];
      if (key === MARKER_KEY) return this.handOver(limit);
      this.time = time;
      this.kind = kindOf(key);
      this.data = this.heapData[0];
      this.removeTop();
      return true;
    }
    const slot = this.timerHeap[0];
    const time = this.slotTime[slot];
    if (!(time < limit)) return false;
    this.time = time;
    this.kind = kindOf(this.slotKey[slot]);
    this.data = this.slotData[slot];
    this.removeFirstTimer();
    this.release(slot);
    return true;
  }

  /** Time of the earliest event, Infinity when empty (diagnostics and tests: O(pending) while the calendar holds events). */
  peekTime(): number {
    let first = this.n > 0 ? this.heapTime[0] : Infinity;
    const far = this.far;
    if (far !== null && far.count > 0) {
      // The heap's top may be the calendar's marker: look at every event.
      first = Infinity;
      for (let i = 0; i < this.n; i++) if (this.heapKey[i] !== MARKER_KEY) first = Math.min(first, this.heapTime[i]);
      first = Math.min(first, far.earliest());
    }
    const timer = this.timers > 0 ? this.slotTime[this.timerHeap[0]] : Infinity;
    return Math.min(first, timer);
  }

  /** Drops every pending event and resets the clock (time, kind, data) to 0. Handles issued before stay invalid. */
  clear(): void {
    for (let i = 0; i < this.timers; i++) this.release(this.timerHeap[i]);
    this.far?.clear();
    this.timers = 0;
    this.n = 0;
    this.nextSeq = DOUBLE_ZERO;
    this.time = 0;
    this.kind = 0;
    this.data = 0;
  }

  // --- internals -----------------------------------------------------------

  /** The slot of the pending cancellable event `handle` stands for; NOWHERE if it fired, was cancelled or never was. */
  private pendingSlot(handle: number): number {
    // Division by a power of two is exact; a floating-point % here would be an fmod call.
    const generation = Math.floor(handle / MAX_SLOTS);
    const slot = handle - generation * MAX_SLOTS;
    // Only a handle this queue issued passes: any other gives a slot that is
    // no index of the arrays (a typed array reads undefined there) or a
    // generation no slot holds (they are 0 .. 2^27 - 1). No more tests: cancel()
    // is inlined into the model's handlers, inside V8's inlining budget.
    return this.slotGen[slot] === generation && this.slotPos[slot] !== NOWHERE ? slot : NOWHERE;
  }

  /** Checks an event and returns its packed sequence-and-kind key. */
  private key(time: number, kind: number, data: number): number {
    // One test on the hot path; the messages are built out of line, so that
    // schedule() stays small enough for V8 to inline into the model's handlers.
    const seq = this.nextSeq;
    if (!(time >= this.time && (kind & 255) === kind && (data | 0) === data && seq < MAX_SEQUENCE)) this.refuse(time, kind, data);
    this.nextSeq = seq + 1;
    return seq * 256 + kind;
  }

  /**
   * Keeps a plain event due farAfter or more after the clock in the
   * calendar, if its bucket is within the ring; false (the caller puts it
   * in the heap) otherwise. An event in a bucket already handed over (the
   * marker waits at a later bucket's start) goes to the heap too.
   */
  private toCalendar(time: number, key: number, data: number): boolean {
    const far = this.far;
    if (far === null) return false;
    const width = this.farAfter;
    // An empty calendar starts at the bucket after the clock's (time is at least a width ahead, so it is there or later).
    if (far.count === 0) this.farBucket = Math.floor(this.time / width) + 1;
    const bucket = Math.floor(time / width);
    if (bucket < this.farBucket || bucket >= this.farBucket + FAR_BUCKETS) return false;
    if (far.count === 0) this.insert(this.farBucket * width, MARKER_KEY, 0);
    far.add(bucket, time, key, data);
    return true;
  }

  /**
   * The marker at the start of bucket farBucket is the heap's top: moves
   * that bucket's events into the heap (each is due at or after the
   * marker, so none is late) and, while the calendar holds more, puts the
   * marker at the next bucket's start; then pops as popBefore(limit) does.
   */
  private handOver(limit: number): boolean {
    this.removeTop();
    const far = this.far!;
    let entry = far.take(this.farBucket);
    while (entry !== NO_ENTRY) {
      const next = far.next[entry];
      this.insert(far.time[entry], far.key[entry], far.data[entry]);
      far.release(entry);
      entry = next;
    }
    this.farBucket++;
    if (far.count > 0) this.insert(this.farBucket * this.farAfter, MARKER_KEY, 0);
    return this.popBefore(limit);
  }

  /** Throws the RangeError that says what is wrong with an event key() refused. */
  private refuse(time: number, kind: number, data: number): never {
    if (!(time >= this.time)) throw new RangeError(`EventQueue: event time ${time} is before the clock ${this.time}`);
    if ((kind & 255) !== kind) throw new RangeError(`EventQueue: kind must be an integer in [0, 255], got ${kind}`);
    if ((data | 0) !== data) throw new RangeError(`EventQueue: data must be an int32, got ${data}`);
    throw new RangeError(`EventQueue: more than ${MAX_SEQUENCE} events scheduled`);
  }

  /** True when the first heap's top comes before the timers' top (both heaps non-empty). */
  private firstBeforeTimers(): boolean {
    const slot = this.timerHeap[0];
    const t = this.heapTime[0];
    const tt = this.slotTime[slot];
    return t < tt || (t === tt && this.heapKey[0] < this.slotKey[slot]);
  }

  /** Only an event at time Infinity can be left when popBefore(Infinity) says no. */
  private popAtInfinity(): boolean {
    if (this.size === 0) return false;
    const fromTimers = this.timers > 0 && (this.n === 0 || !this.firstBeforeTimers());
    if (fromTimers) {
      const slot = this.timerHeap[0];
      this.time = this.slotTime[slot];
      this.kind = kindOf(this.slotKey[slot]);
      this.data = this.slotData[slot];
      this.removeFirstTimer();
      this.release(slot);
    } else {
      this.time = this.heapTime[0];
      this.kind = kindOf(this.heapKey[0]);
      this.data = this.heapData[0];
      this.removeTop();
    }
    return true;
  }

  /**
   * Removes the first heap's top entry.
   *
   * Bottom-up (Floyd): the hole at the root sinks to a leaf along the smaller
   * children, one comparison per level, and the last entry rises from there.
   * The last entry nearly always belongs near the bottom, so this makes about
   * half the comparisons of a classic sift-down.
   */
  private removeTop(): void {
    const n = --this.n;
    if (n === 0) return;
    const ht = this.heapTime;
    const hk = this.heapKey;
    const hd = this.heapData;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (ht[r] < ht[c] || (ht[r] === ht[c] && hk[r] < hk[c]))) c = r;
      ht[i] = ht[c];
      hk[i] = hk[c];
      hd[i] = hd[c];
      i = c;
    }
    // The last entry rises from the hole.
    const t = ht[n];
    const k = hk[n];
    const d = hd[n];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ht[p];
      if (pt < t || (pt === t && hk[p] < k)) break;
      ht[i] = pt;
      hk[i] = hk[p];
      hd[i] = hd[p];
      i = p;
    }
    ht[i] = t;
    hk[i] = k;
    hd[i] = d;
  }

  /** Whether timer slot a comes before timer slot b. */
  private timerBefore(a: number, b: number): boolean {
    const ta = this.slotTime[a];
    const tb = this.slotTime[b];
    return ta < tb || (ta === tb && this.slotKey[a] < this.slotKey[b]);
  }

  /** Places `slot` in the timer heap's hole at i, moving it towards the root. */
  private timerUp(i: number, slot: number): void {
    const heap = this.timerHeap;
    const pos = this.slotPos;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = heap[p];
      if (this.timerBefore(parent, slot)) break;
      heap[i] = parent;
      pos[parent] = i;
      i = p;
    }
    heap[i] = slot;
    pos[slot] = i;
  }

  /** Places `slot` in the timer heap's hole at i, moving it towards the leaves. */
  private timerDown(i: number, slot: number): void {
    const heap = this.timerHeap;
    const pos = this.slotPos;
    const n = this.timers;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.timerBefore(heap[c + 1], heap[c])) c++;
      const child = heap[c];
      if (!this.timerBefore(child, slot)) break;
      heap[i] = child;
      pos[child] = i;
      i = c;
    }
    heap[i] = slot;
    pos[slot] = i;
  }

  /**
   * Takes the earliest timer out of the heap (its slot is released by the
   * caller): bottom-up, as removeTop() does, since a chat centre's timer heap
   * holds a completion for every busy server and pops one per contact.
   */
  private removeFirstTimer(): void {
    const n = --this.timers;
    if (n === 0) return;
    const heap = this.timerHeap;
    const pos = this.slotPos;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.timerBefore(heap[c + 1], heap[c])) c++;
      const child = heap[c];
      heap[i] = child;
      pos[child] = i;
      i = c;
    }
    this.timerUp(i, heap[n]);
  }

  /** Takes the timer at heap position i out of the heap (its slot is released by the caller). */
  private removeTimerAt(i: number): void {
    const last = this.timerHeap[--this.timers];
    if (i === this.timers) return;
    // The last entry fills the hole, then moves whichever way the order asks.
    if (i > 0 && this.timerBefore(last, this.timerHeap[(i - 1) >> 1])) this.timerUp(i, last);
    else this.timerDown(i, last);
  }

  /** Returns a slot to the free stack and bumps its generation so old handles stop matching. */
  private release(slot: number): void {
    this.slotPos[slot] = NOWHERE;
    this.slotGen[slot] = (this.slotGen[slot] + 1) & (GENERATIONS - 1);
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const cap = this.cap * 2;
    this.heapTime = grown(new Float64Array(cap), this.heapTime);
    this.heapKey = grown(new Float64Array(cap), this.heapKey);
    this.heapData = grown(new Int32Array(cap), this.heapData);
    this.cap = cap;
  }

  private growSlots(): void {
    const old = this.slotCap;
    if (old >= MAX_SLOTS) throw new RangeError(`EventQueue: more than ${MAX_SLOTS} cancellable events pending`);
    const cap = Math.min(old * 2, MAX_SLOTS);
    this.timerHeap = grown(new Int32Array(cap), this.timerHeap);
    this.slotTime = grown(new Float64Array(cap), this.slotTime);
    this.slotKey = grown(new Float64Array(cap), this.slotKey);
    this.slotData = grown(new Int32Array(cap), this.slotData);
    this.slotPos = grown(new Int32Array(cap).fill(NOWHERE), this.slotPos);
    this.slotGen = grown(new Float64Array(cap), this.slotGen);
    this.freeSlots = grown(new Int32Array(cap), this.freeSlots);
    for (let s = cap - 1; s >= old; s--) this.freeSlots[this.freeCount++] = s;
    this.slotCap = cap;
  }
}

/** The kind packed in the low byte of a key. */
function kindOf(key: number): number {
  // A key is an integer below 2^53, and ToInt32 takes it modulo 2^32, a
  // multiple of 256, so its low byte is the kind: exact, a small integer
  // (the kind fields hold no doubles: double-field.ts), and a function small
  // enough that V8 inlines it whatever its budget has left. The arithmetic
  // form this replaced was not inlined into the event loop of a scenario
  // with several ticket types, and passing it the key allocated a heap
  // number on every event (docs/performance.md, "Boxed numbers").
  return key & 255;
}
