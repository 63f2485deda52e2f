// Servers holding several contacts at once (chat concurrency, docs/model.md
// "Concurrency"): limited processor sharing, the one rule both kinds of chat
// server use. ChatAgents (an employee group) and the gig pool's chat mode
// (gig-pool.ts) decide who is on duty; this decides who takes a contact and
// when each ends.
//
// A contact's handle time is work. A server holding n contacts works on each
// at speed 1 / stretch[n - 1], so all its contacts progress together on one
// work clock per server: `work[a]` is the work each of them has received
// since the server last had none, advanced whenever n changes. A contact ends
// when the clock reaches its finish level (the clock when it was taken plus
// its work). One cancellable event per server stands for its earliest
// completion; when n changes, every contact's speed changes, so the event
// moves (EventQueue.reschedule; the levels themselves do not move).
//
// Assignment: a contact goes to the accepting server with a free slot holding
// the fewest contacts; ties go to the server whose last assignment is oldest
// (servers never assigned are older than any assignment, the lower index
// first). Those servers sit in an indexed binary heap keyed by (contacts
// held, last assignment), so a take, a completion and a change of duty each
// cost O(log servers).
//
// Per server and per slot (server × concurrency + j) everything lives in
// typed arrays sized once, so nothing is allocated per event.

import { DOUBLE_ONE, DOUBLE_ZERO } from '../engine/double-field.js';
import type { EventQueue } from '../engine/event-queue.js';
import type { Concurrency } from '../scenario/types.js';
import { overlap } from './window.js';

const NOWHERE = -1;
/** Heap keys are held × SEQ_SPAN + last assignment, exact below 2^53 for up to LIMITS.concurrency slots. */
const SEQ_SPAN = 2 ** 44;

export class ChatSlots {
  readonly slots: number;
  /** Contacts each server holds now. Read-only outside this class. */
  readonly held: Int32Array;
  /** Contact-minutes held inside the measured window (the numerator of slot_occupancy). */
  heldMinutes = DOUBLE_ZERO;
  /** After complete(): when the finished contact was taken, and its fcr multiplier (fcr_by_concurrency). */
  doneAnsweredAt = DOUBLE_ZERO;
  doneFcr = DOUBLE_ONE;

  /** stretch by contacts held (index n, 1 .. slots); index 0 unused. */
  private readonly stretch: Float64Array;
  private readonly fcrAt: Float64Array;

  // Per server.
  private readonly work: Float64Array;
  private readonly clockAt: Float64Array;
  private readonly timer: Float64Array;
  private readonly accepting: Uint8Array;

  // Per slot: the server's contacts fill its slots 0 .. held - 1.
  private readonly slotContact: Int32Array;
  private readonly slotFinish: Float64Array;
  private readonly slotAnswered: Float64Array;
  private readonly slotFcr: Float64Array;

  // Accepting servers with a free slot: an indexed min-heap on key.
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private readonly key: Float64Array;
  private heapSize = 0;
  private nextSeq: number;

  private totalHeld = 0;
  private heldSince = DOUBLE_ZERO;

  constructor(
    servers: number,
    concurrency: Concurrency,
    private readonly windowStart: number,
    private readonly windowEnd: number,
    private readonly events: EventQueue,
    private readonly doneKind: number,
    /** Added to a server's index in its completion event's data, so one event kind can serve several pools. */
    readonly first: number,
  ) {
    const n = servers;
    const k = concurrency.slots;
    this.slots = k;
    this.stretch = Float64Array.from([0, ...concurrency.stretch]);
    this.fcrAt = Float64Array.from([0, ...concurrency.fcr]);
    this.held = new Int32Array(n);
    this.work = new Float64Array(n);
    this.clockAt = new Float64Array(n);
    this.timer = new Float64Array(n);
    this.accepting = new Uint8Array(n);
    this.slotContact = new Int32Array(n * k);
    this.slotFinish = new Float64Array(n * k);
    this.slotAnswered = new Float64Array(n * k);
    this.slotFcr = new Float64Array(n * k);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n).fill(NOWHERE);
    this.key = Float64Array.from({ length: n }, (_, a) => a);
    this.nextSeq = n;
  }

  /** Accepting servers with a free slot: a contact is taken at once when this is above 0. */
  get free(): number {
    return this.heapSize;
  }

  /** The server the next take() gives a contact to (free > 0). */
  get next(): number {
    return this.heap[0];
  }

  /** Contacts held now, by every server. */
  get contactsHeld(): number {
    return this.totalHeld;
  }

  /** Server a takes new contacts from now on, in its free slots. Returns how many slots it has free. */
  accept(a: number): number {
    this.accepting[a] = 1;
    const freeSlots = this.slots - this.held[a];
    if (freeSlots > 0) this.heapInsert(a);
    return freeSlots;
  }

  /** Server a takes no new contact from now on; those in hand go on. */
  refuse(a: number): void {
    this.accepting[a] = 0;
    if (this.heapPos[a] !== NOWHERE) this.heapRemove(a);
  }

  /**
   * The server `next` takes contact e at t: `work` minutes of work. Returns
   * the server. The caller checked free > 0.
   */
  take(e: number, t: number, work: number): number {
    const a = this.heap[0];
    const k = this.slots;
    this.accrueHeld(t);
    const n = this.held[a];
    if (n > 0) {
      this.advance(a, t);
    } else {
      this.work[a] = 0;
      this.clockAt[a] = t;
    }
    const slot = a * k + n;
    this.slotContact[slot] = e;
    this.slotFinish[slot] = this.work[a] + work;
    this.slotAnswered[slot] = t;
    this.slotFcr[slot] = this.fcrAt[n + 1];
    this.held[a] = n + 1;
    this.totalHeld++;
    this.key[a] = (n + 1) * SEQ_SPAN + this.nextSeq++;
    if (n + 1 === k) this.heapRemove(a);
    else this.heapDown(this.heapPos[a], a);
    // Every contact in hand now goes slower: the server's completion moves.
    if (n === 0) this.schedule(a);
    else {
      const moved = this.events.reschedule(this.timer[a], this.nextCompletion(a));
      if (moved < 0) throw new Error(`internal error: chat server ${a} holds ${n} contacts and no completion event`);
      this.timer[a] = moved;
    }
    return a;
  }

  /**
   * The completion event of server a (its index, without `first`) fired at
   * t: its contact whose work is done leaves. Returns the contact;
   * doneAnsweredAt and doneFcr describe it.
   */
  complete(a: number, t: number): number {
    const k = this.slots;
    this.accrueHeld(t);
    this.advance(a, t);
    const n = this.held[a];
    const base = a * k;
    let done = base;
    for (let s = base + 1; s < base + n; s++) if (this.slotFinish[s] < this.slotFinish[done]) done = s;
    const e = this.slotContact[done];
    this.doneAnsweredAt = this.slotAnswered[done];
    this.doneFcr = this.slotFcr[done];
    const last = base + n - 1;
    this.slotContact[done] = this.slotContact[last];
    this.slotFinish[done] = this.slotFinish[last];
    this.slotAnswered[done] = this.slotAnswered[last];
    this.slotFcr[done] = this.slotFcr[last];
    this.held[a] = n - 1;
    this.totalHeld--;
    this.key[a] -= SEQ_SPAN;
    if (n > 1) this.schedule(a);
    if (this.accepting[a] === 1) {
      if (n === k) this.heapInsert(a);
      else this.heapUp(this.heapPos[a], a);
    }
    return e;
  }

  /** Contact-minutes held up to t (close() calls it at the end of the run). */
  accrueHeld(t: number): void {
    this.heldMinutes += this.totalHeld * overlap(this.heldSince, t, this.windowStart, this.windowEnd);
    this.heldSince = t;
  }

  // --- internals -----------------------------------------------------------

  /** Advances server a's work clock to t at the speed of its current load. */
  private advance(a: number, t: number): void {
    this.work[a] += (t - this.clockAt[a]) / this.stretch[this.held[a]];
    this.clockAt[a] = t;
  }

  /** Schedules server a's next completion. */
  private schedule(a: number): void {
    this.timer[a] = this.events.scheduleCancellable(this.nextCompletion(a), this.doneKind, this.first + a);
  }

  /** When server a's next contact ends: its least finish level reached at the current speed. */
  private nextCompletion(a: number): number {
    const n = this.held[a];
    const base = a * this.slots;
    let finish = this.slotFinish[base];
    for (let s = base + 1; s < base + n; s++) if (this.slotFinish[s] < finish) finish = this.slotFinish[s];
    const remaining = finish - this.work[a];
    return this.clockAt[a] + (remaining > 0 ? remaining * this.stretch[n] : 0);
  }

  private heapInsert(a: number): void {
    const i = this.heapSize++;
    this.heap[i] = a;
    this.heapPos[a] = i;
    this.heapUp(i, a);
  }

  private heapRemove(a: number): void {
    const i = this.heapPos[a];
    const last = this.heap[--this.heapSize];
    this.heapPos[a] = NOWHERE;
    if (i === this.heapSize) return;
    this.heap[i] = last;
    this.heapPos[last] = i;
    if (i > 0 && this.key[last] < this.key[this.heap[(i - 1) >> 1]]) this.heapUp(i, last);
    else this.heapDown(i, last);
  }

  /** Moves server a (at heap position i) towards the root while its key is below its parent's. */
  private heapUp(i: number, a: number): void {
    const heap = this.heap;
    const pos = this.heapPos;
    const key = this.key[a];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = heap[p];
      if (this.key[parent] <= key) break;
      heap[i] = parent;
      pos[parent] = i;
      i = p;
    }
    heap[i] = a;
    pos[a] = i;
  }

  /** Moves server a (at heap position i) towards the leaves while a child's key is below its own. */
  private heapDown(i: number, a: number): void {
    const heap = this.heap;
    const pos = this.heapPos;
    const key = this.key[a];
    const n = this.heapSize;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.key[heap[c + 1]] < this.key[heap[c]]) c++;
      const child = heap[c];
      if (this.key[child] >= key) break;
      heap[i] = child;
      pos[child] = i;
      i = c;
    }
    heap[i] = a;
    pos[a] = i;
  }
}
