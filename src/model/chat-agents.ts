// An employee group whose agents hold several contacts at once (chat
// concurrency, docs/model.md "Concurrency"): limited processor sharing.
//
// A contact's handle time is work. An agent holding n contacts works on each
// at speed 1 / stretch[n - 1], so all its contacts progress together on one
// work clock per agent: `work[a]` is the work each of them has received since
// the agent last had none, advanced whenever n changes. A contact ends when
// the clock reaches its finish level (the clock when it was taken plus its
// work). One cancellable event per agent stands for its earliest completion;
// when n changes, every contact's speed changes, so the event is cancelled
// and rescheduled (the levels themselves do not move).
//
// Assignment: a contact goes to the on-duty agent with a free slot holding
// the fewest contacts; ties go to the agent whose last assignment is oldest
// (agents never assigned are older than any assignment, the lower index
// first). Those agents sit in an indexed binary heap keyed by (contacts held,
// last assignment), so a take, a completion and a shift change each cost
// O(log agents). `idle` (what the router reads) is the number of agents with
// a free slot.
//
// Shifts follow the group's schedule as in EmployeePool (its levels,
// shrinkage, paid hours and staffed time are inherited): an agent leaving at
// shift end takes no new contact and finishes every contact in hand, then
// leaves; agents with no contact leave first, then those holding the fewest.
//
// Per agent and per slot (agent × concurrency + j) everything lives in typed
// arrays sized once for the busiest hour, so nothing is allocated per event.

import type { EventQueue } from '../engine/event-queue.js';
import type { AgentGroup, Concurrency } from '../scenario/types.js';
import { EmployeePool } from './employees.js';
import { serverEquivalent } from './human-load.js';
import type { HourlyObservations } from './hourly-observations.js';
import { overlap } from './window.js';

const OFF = 0;
const ON = 1;
const LEAVING = 2;
const NOWHERE = -1;
/** Heap keys are held × SEQ_SPAN + last assignment, exact below 2^53 for up to LIMITS.concurrency slots. */
const SEQ_SPAN = 2 ** 44;

export class ChatAgents extends EmployeePool {
  readonly slots: number;
  /** One-contact servers an agent is worth at full load, k / s_k (human-load.ts): what the gig trigger counts. */
  readonly serverEquivalent: number;
  /** Contact-minutes held inside the measured window (the numerator of slot_occupancy). */
  heldMinutes = 0;
  /** After complete(): when the finished contact was answered, and its fcr multiplier (fcr_by_concurrency). */
  doneAnsweredAt = 0;
  doneFcr = 1;

  /** stretch by contacts held (index n, 1 .. slots); index 0 unused. */
  private readonly stretch: Float64Array;
  private readonly fcrAt: Float64Array;
  private readonly capacity: number;

  // Per agent.
  private readonly state: Uint8Array;
  private readonly held: Int32Array;
  private readonly work: Float64Array;
  private readonly clockAt: Float64Array;
  private readonly busySince: Float64Array;
  private readonly timer: Float64Array;
  /** Agents off shift, as a stack. */
  private readonly offAgents: Int32Array;
  private offCount: number;

  // Per slot: the agent's contacts fill its slots 0 .. held - 1.
  private readonly slotContact: Int32Array;
  private readonly slotFinish: Float64Array;
  private readonly slotAnswered: Float64Array;
  private readonly slotFcr: Float64Array;

  // On-duty agents with a free slot: an indexed min-heap on key.
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;
  private readonly key: Float64Array;
  private heapSize = 0;
  private nextSeq: number;

  private totalHeld = 0;
  private heldSince = 0;

  constructor(
    group: AgentGroup & { concurrency: Concurrency },
    windowStart: number,
    windowEnd: number,
    hourly: HourlyObservations | null,
    private readonly events: EventQueue,
    private readonly doneKind: number,
    /** Added to an agent's index in its completion event's data, so one event kind serves every chat group. */
    readonly firstAgent: number,
  ) {
    super(group, windowStart, windowEnd, hourly);
    const c = group.concurrency;
    const k = c.slots;
    this.slots = k;
    this.serverEquivalent = serverEquivalent(group);
    this.stretch = Float64Array.from([0, ...c.stretch]);
    this.fcrAt = Float64Array.from([0, ...c.fcr]);
    const n = Math.max(0, ...this.netLevels);
    this.capacity = n;
    this.state = new Uint8Array(n);
    this.held = new Int32Array(n);
    this.work = new Float64Array(n);
    this.clockAt = new Float64Array(n);
    this.busySince = new Float64Array(n);
    this.timer = new Float64Array(n);
    this.offAgents = new Int32Array(n);
    for (let a = n - 1; a >= 0; a--) this.offAgents[n - 1 - a] = a;
    this.offCount = n;
    this.slotContact = new Int32Array(n * k);
    this.slotFinish = new Float64Array(n * k);
    this.slotAnswered = new Float64Array(n * k);
    this.slotFcr = new Float64Array(n * k);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n).fill(NOWHERE);
    this.key = Float64Array.from({ length: n }, (_, a) => a);
    this.nextSeq = n;
  }

  /** Agents on duty with a free slot: a contact reaching the group is answered at once when this is above 0. */
  override get idle(): number {
    return this.heapSize;
  }

  /** Agents in the group's events' data range (firstAgent + index). */
  get agentCount(): number {
    return this.capacity;
  }

  /** Contacts held now, by every agent (tests and the census). */
  get contactsHeld(): number {
    return this.totalHeld;
  }

  /**
   * Moves the on-duty level to `target` at t, as EmployeePool does. Returns
   * the free slots that became available (the caller hands them waiting contacts).
   */
  override setLevel(t: number, target: number): number {
    this.accrue(t);
    const onDuty = this.present - this.leaving;
    const k = this.slots;
    if (target > onDuty) {
      let needed = target - onDuty;
      let freed = 0;
      // Agents finishing their last contacts stay on first (lowest index first).
      for (let a = 0; a < this.capacity && this.leaving > 0 && needed > 0; a++) {
        if (this.state[a] !== LEAVING) continue;
        this.state[a] = ON;
        this.leaving--;
        needed--;
        if (this.held[a] < k) {
          this.heapInsert(a);
          freed += k - this.held[a];
        }
      }
      for (; needed > 0; needed--) {
        const a = this.offAgents[--this.offCount];
        this.state[a] = ON;
        this.held[a] = 0;
        this.work[a] = 0;
        this.present++;
        this.heapInsert(a);
        freed += k;
      }
      return freed;
    }
    let surplus = onDuty - target;
    // Agents with no contact leave now; the heap's top holds the fewest.
    while (surplus > 0 && this.heapSize > 0 && this.held[this.heap[0]] === 0) {
      const a = this.heap[0];
      this.heapRemove(a);
      this.logOff(a);
      surplus--;
    }
    // Then agents holding the fewest contacts stop taking new ones and leave once they are done.
    while (surplus > 0 && this.heapSize > 0) {
      const a = this.heap[0];
      this.heapRemove(a);
      this.state[a] = LEAVING;
      this.leaving++;
      surplus--;
    }
    for (let a = 0; a < this.capacity && surplus > 0; a++) {
      if (this.state[a] !== ON) continue;
      this.state[a] = LEAVING;
      this.leaving++;
      surplus--;
    }
    return 0;
  }

  /**
   * The agent with a free slot holding the fewest contacts (the oldest last
   * assignment on a tie) takes contact e at t: `work` minutes of work, and
   * `fcr` its first-contact resolution before the concurrency factor. The
   * caller checked idle > 0.
   */
  take(e: number, t: number, work: number): void {
    const a = this.heap[0];
    const k = this.slots;
    this.accrueHeld(t);
    const n = this.held[a];
    if (n > 0) {
      this.advance(a, t);
      this.events.cancel(this.timer[a]);
    } else {
      this.work[a] = 0;
      this.clockAt[a] = t;
      this.busySince[a] = t;
      this.busy++;
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
    this.schedule(a);
  }

  /**
   * The completion event of agent `agent` (its index, without firstAgent)
   * fired at t: its contact whose work is done leaves. Returns the contact;
   * doneAnsweredAt and doneFcr describe it.
   */
  complete(agent: number, t: number): number {
    const a = agent;
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
    if (n - 1 === 0) {
      this.endBusy(a, t);
      if (this.state[a] === LEAVING) {
        this.accrue(t);
        this.leaving--;
        this.logOff(a);
        return e;
      }
    } else {
      this.schedule(a);
    }
    if (this.state[a] === ON) {
      if (n === k) this.heapInsert(a);
      else this.heapUp(this.heapPos[a], a);
    }
    return e;
  }

  /** Closes the books at t: staffed time, held time, and the busy periods still open. */
  override close(t: number): void {
    super.close(t);
    this.accrueHeld(t);
    for (let a = 0; a < this.capacity; a++) if (this.held[a] > 0) this.bookBusy(a, t);
  }

  // --- internals -----------------------------------------------------------

  /** Advances agent a's work clock to t at the speed of its current load. */
  private advance(a: number, t: number): void {
    this.work[a] += (t - this.clockAt[a]) / this.stretch[this.held[a]];
    this.clockAt[a] = t;
  }

  /** Schedules agent a's next completion: its least finish level reached at the current speed. */
  private schedule(a: number): void {
    const n = this.held[a];
    const base = a * this.slots;
    let finish = this.slotFinish[base];
    for (let s = base + 1; s < base + n; s++) if (this.slotFinish[s] < finish) finish = this.slotFinish[s];
    const remaining = finish - this.work[a];
    const at = this.clockAt[a] + (remaining > 0 ? remaining * this.stretch[n] : 0);
    this.timer[a] = this.events.scheduleCancellable(at, this.doneKind, this.firstAgent + a);
  }

  private endBusy(a: number, t: number): void {
    this.busy--;
    this.bookBusy(a, t);
  }

  /** Books agent a's busy period, from its first contact to t, inside the window. */
  private bookBusy(a: number, t: number): void {
    const from = this.busySince[a];
    this.busyMinutes += overlap(from, t, this.windowStart, this.windowEnd);
    this.hourly?.busy(from, t);
    this.busySince[a] = t;
  }

  /** Contact-minutes held up to t. */
  private accrueHeld(t: number): void {
    this.heldMinutes += this.totalHeld * overlap(this.heldSince, t, this.windowStart, this.windowEnd);
    this.heldSince = t;
  }

  private logOff(a: number): void {
    this.state[a] = OFF;
    this.present--;
    this.offAgents[this.offCount++] = a;
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

  /** Moves agent a (at heap position i) towards the root while its key is below its parent's. */
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

  /** Moves agent a (at heap position i) towards the leaves while a child's key is below its own. */
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
