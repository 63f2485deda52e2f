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
// Storage is a binary heap on parallel typed arrays (no object per event).
// Each event also owns a "slot" holding its kind, data, state and a
// generation counter; a handle is (generation, slot) packed in one number, so
// cancel() is O(1) and a stale handle (its event already popped or cancelled,
// the slot since reused) never matches. Cancellation is lazy: the entry stays
// in the heap, marked, and is discarded when it reaches the top. So that
// cancelled entries cannot pile up (memory must stay flat however long the
// run), a full heap that is at least half cancelled is compacted instead of
// grown.

const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

/** Most events (live or cancelled-not-yet-discarded) the heap can hold. */
const MAX_SLOTS = 2 ** 26;
/** Generations wrap at this value; MAX_SLOTS * GENERATIONS = 2^53 keeps handles exact integers. */
const GENERATIONS = 2 ** 27;

export class EventQueue {
  /** Time of the event last returned by pop(): the simulation clock. */
  time = 0;
  /** Kind of the event last returned by pop(). */
  kind = 0;
  /** Data of the event last returned by pop(). */
  data = 0;

  private cap: number;
  /** Entries in the heap, live and cancelled. */
  private n = 0;
  /** Live (pending, not cancelled) entries. */
  private live = 0;
  private nextSeq = 0;

  // Heap, indexed by heap position.
  private heapTime: Float64Array;
  private heapSeq: Float64Array;
  private heapSlot: Int32Array;

  // Slots, indexed by slot number.
  private slotKind: Uint8Array;
  private slotData: Int32Array;
  private slotGen: Int32Array;
  private slotState: Uint8Array;
  /** Stack of free slot numbers; freeCount + n === cap. */
  private freeSlots: Int32Array;
  private freeCount = 0;

  constructor(initialCapacity = 1024) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1) {
      throw new RangeError(`EventQueue: initial capacity must be a positive integer, got ${initialCapacity}`);
    }
    const cap = Math.min(initialCapacity, MAX_SLOTS);
    this.cap = cap;
    this.heapTime = new Float64Array(cap);
    this.heapSeq = new Float64Array(cap);
    this.heapSlot = new Int32Array(cap);
    this.slotKind = new Uint8Array(cap);
    this.slotData = new Int32Array(cap);
    this.slotGen = new Int32Array(cap);
    this.slotState = new Uint8Array(cap);
    this.freeSlots = new Int32Array(cap);
    for (let s = cap - 1; s >= 0; s--) this.freeSlots[this.freeCount++] = s;
  }

  /** Live (not cancelled) events pending. */
  get size(): number {
    return this.live;
  }

  /** Entries the heap can hold before it grows (diagnostics and tests). */
  get capacity(): number {
    return this.cap;
  }

  /**
   * Schedules an event; kind is a small non-negative integer (< 256), data an
   * int32. Returns a handle (a non-negative integer) for cancel().
   * Throws a RangeError if time is NaN or earlier than the clock.
   */
  schedule(time: number, kind: number, data: number): number {
    if (!(time >= this.time)) {
      throw new RangeError(`EventQueue: event time ${time} is before the clock ${this.time}`);
    }
    if ((kind & 255) !== kind) throw new RangeError(`EventQueue: kind must be an integer in [0, 255], got ${kind}`);
    if ((data | 0) !== data) throw new RangeError(`EventQueue: data must be an int32, got ${data}`);
    if (this.n === this.cap) this.makeRoom();

    const slot = this.freeSlots[--this.freeCount];
    this.slotKind[slot] = kind;
    this.slotData[slot] = data;
    this.slotState[slot] = PENDING;
    this.siftUp(this.n++, time, this.nextSeq++, slot);
    this.live++;
    return this.slotGen[slot] * MAX_SLOTS + slot;
  }

  /** O(1). Cancels a pending event by handle; returns false (and does nothing) if it already fired or was cancelled. */
  cancel(handle: number): boolean {
    if (!Number.isSafeInteger(handle) || handle < 0) return false;
    // Division by a power of two is exact; a floating-point % here would be an fmod call.
    const generation = Math.floor(handle / MAX_SLOTS);
    const slot = handle - generation * MAX_SLOTS;
    if (slot >= this.cap) return false;
    if (this.slotState[slot] !== PENDING || this.slotGen[slot] !== generation) return false;
    this.slotState[slot] = CANCELLED;
    this.live--;
    return true;
  }

  /** Removes the earliest live event and exposes it in time/kind/data; false when empty. Ties in time pop in insertion order. */
  pop(): boolean {
    while (this.n > 0) {
      const slot = this.heapSlot[0];
      const time = this.heapTime[0];
      const state = this.slotState[slot];
      const kind = this.slotKind[slot];
      const data = this.slotData[slot];
      this.removeTop();
      this.release(slot);
      if (state === PENDING) {
        this.live--;
        this.time = time;
        this.kind = kind;
        this.data = data;
        return true;
      }
    }
    return false;
  }

  /**
   * Pops the earliest live event, as pop() does, only if it is due strictly
   * before `limit`; false otherwise. Lets a model merge a source of events
   * kept outside the queue (a Poisson arrival stream) in one call per event.
   */
  popBefore(limit: number): boolean {
    while (this.n > 0) {
      const slot = this.heapSlot[0];
      if (this.slotState[slot] !== PENDING) {
        this.removeTop();
        this.release(slot);
        continue;
      }
      const time = this.heapTime[0];
      if (!(time < limit)) return false;
      this.kind = this.slotKind[slot];
      this.data = this.slotData[slot];
      this.time = time;
      this.removeTop();
      this.release(slot);
      this.live--;
      return true;
    }
    return false;
  }

  /** Time of the earliest live event, Infinity when empty. */
  peekTime(): number {
    while (this.n > 0) {
      const slot = this.heapSlot[0];
      if (this.slotState[slot] === PENDING) return this.heapTime[0];
      this.removeTop();
      this.release(slot);
    }
    return Infinity;
  }

  /** Drops every pending event and resets the clock (time, kind, data) to 0. Handles issued before stay invalid. */
  clear(): void {
    for (let i = 0; i < this.n; i++) this.release(this.heapSlot[i]);
    this.n = 0;
    this.live = 0;
    this.nextSeq = 0;
    this.time = 0;
    this.kind = 0;
    this.data = 0;
  }

  // --- internals -----------------------------------------------------------

  /** Returns a slot to the free stack and bumps its generation so old handles stop matching. */
  private release(slot: number): void {
    this.slotState[slot] = FREE;
    this.slotGen[slot] = (this.slotGen[slot] + 1) & (GENERATIONS - 1);
    this.freeSlots[this.freeCount++] = slot;
  }

  /**
   * Removes the heap's top entry (its slot is released by the caller).
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
    const hs = this.heapSeq;
    const hslot = this.heapSlot;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (ht[r] < ht[c] || (ht[r] === ht[c] && hs[r] < hs[c]))) c = r;
      ht[i] = ht[c];
      hs[i] = hs[c];
      hslot[i] = hslot[c];
      i = c;
    }
    this.siftUp(i, ht[n], hs[n], hslot[n]);
  }

  /** Places entry (t, s, slot) in the hole at i, moving it towards the root. */
  private siftUp(i: number, t: number, s: number, slot: number): void {
    const ht = this.heapTime;
    const hs = this.heapSeq;
    const hslot = this.heapSlot;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ht[p];
      if (pt < t || (pt === t && hs[p] < s)) break;
      ht[i] = pt;
      hs[i] = hs[p];
      hslot[i] = hslot[p];
      i = p;
    }
    ht[i] = t;
    hs[i] = s;
    hslot[i] = slot;
  }

  /** Places entry (t, s, slot) in the hole at i, moving it towards the leaves. */
  private siftDown(i: number, t: number, s: number, slot: number): void {
    const ht = this.heapTime;
    const hs = this.heapSeq;
    const hslot = this.heapSlot;
    const n = this.n;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (ht[r] < ht[c] || (ht[r] === ht[c] && hs[r] < hs[c]))) c = r;
      const ct = ht[c];
      if (t < ct || (t === ct && s < hs[c])) break;
      ht[i] = ct;
      hs[i] = hs[c];
      hslot[i] = hslot[c];
      i = c;
    }
    ht[i] = t;
    hs[i] = s;
    hslot[i] = slot;
  }

  /** Called when the heap is full: compacts if at least half is cancelled, else doubles. */
  private makeRoom(): void {
    const cancelled = this.n - this.live;
    if (cancelled > 0 && 2 * cancelled >= this.n) this.compact();
    else this.grow();
  }

  /** Drops every cancelled entry and rebuilds the heap (Floyd). O(n), amortised over the cancels that caused it. */
  private compact(): void {
    const ht = this.heapTime;
    const hs = this.heapSeq;
    const hslot = this.heapSlot;
    let k = 0;
    for (let i = 0; i < this.n; i++) {
      const slot = hslot[i];
      if (this.slotState[slot] === CANCELLED) {
        this.release(slot);
      } else {
        ht[k] = ht[i];
        hs[k] = hs[i];
        hslot[k] = slot;
        k++;
      }
    }
    this.n = k;
    for (let i = (k >> 1) - 1; i >= 0; i--) this.siftDown(i, ht[i], hs[i], hslot[i]);
  }

  private grow(): void {
    const old = this.cap;
    if (old >= MAX_SLOTS) throw new RangeError(`EventQueue: more than ${MAX_SLOTS} pending events`);
    const cap = Math.min(old * 2, MAX_SLOTS);
    this.heapTime = grown(new Float64Array(cap), this.heapTime);
    this.heapSeq = grown(new Float64Array(cap), this.heapSeq);
    this.heapSlot = grown(new Int32Array(cap), this.heapSlot);
    this.slotKind = grown(new Uint8Array(cap), this.slotKind);
    this.slotData = grown(new Int32Array(cap), this.slotData);
    this.slotGen = grown(new Int32Array(cap), this.slotGen);
    this.slotState = grown(new Uint8Array(cap), this.slotState);
    this.freeSlots = grown(new Int32Array(cap), this.freeSlots);
    for (let s = cap - 1; s >= old; s--) this.freeSlots[this.freeCount++] = s;
    this.cap = cap;
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(bigger: T, old: T): T {
  bigger.set(old);
  return bigger;
}
