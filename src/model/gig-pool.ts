// The on-demand gig pool: remote workers who are not on shift but can be
// called in when the human queue grows.
//
// A worker's shift, as events:
//
//   call ──accept──> logging in ──login_delay──> logged in (paid from here)
//     │                                    │  ┌──────── serves contacts ────────┐
//     └─decline: back of the call line     └─>│ idle ──contact──> busy ──done──>│
//                                             └─ idle for idle_timeout, and the ┘
//                                                paid block over ──> logs off
//
// Workers are called in turn (the one off longest first), so work spreads
// across the pool. Hourly pay runs from login to log-off; a worker stays
// logged in (and available) at least `min_block`, so the minimum paid block
// is real time in which the worker could take contacts: paid time is always
// busy time plus idle time. Per-ticket pay is earned when a contact ends.
//
// With `concurrency: k` (k ≥ 2) a worker holds up to k chats at once, as a
// chat agent does: who takes a contact and when each ends is the
// processor-sharing rule of chat-slots.ts (the worker with a free slot
// holding the fewest contacts, the oldest last assignment on a tie; each of n
// chats worked at speed 1 / s_n). "Idle" then means holding no contact: the
// idle timer runs only while a worker holds nothing, and busy time is the
// time holding at least one. With k = 1 the pool keeps its own simpler path
// (the idle line, one SERVICE_DONE event per contact).
//
// The pool counts pay in the pay model's units (hours paid, or tickets
// paid), not money: the mode and the minimum block shape when workers log
// off, so they are behaviour, but the rate only scales the bill, which
// src/model/pricing.ts applies after the simulation.

import { DOUBLE_ONE, DOUBLE_ZERO } from '../engine/double-field.js';
import type { EventQueue } from '../engine/event-queue.js';
import type { Sampler } from '../engine/distributions.js';
import { IdFifo } from '../engine/id-fifo.js';
import type { RandomStream } from '../engine/random.js';
import type { Gig } from '../scenario/types.js';
import { ChatSlots } from './chat-slots.js';
import { serverEquivalent } from './human-load.js';
import { overlap } from './window.js';

const OFF = 0;
const LOGGING_IN = 1;
const IDLE = 2;
const BUSY = 3;
/** Logged in, between finishing one contact and being given the next or going idle. */
const FREE = 4;

export interface GigEventKinds {
  loggedIn: number;
  idleOver: number;
  /** A chat worker's earliest contact ended (data: the worker); used with concurrency ≥ 2. */
  chatDone: number;
}

export class GigPool {
  readonly size: number;
  /** A gig worker's handle time, relative to an employee's. */
  readonly handleTimeMultiplier: number;
  /** A gig worker's first-contact resolution, relative to an employee's (capped at 1). */
  readonly resolutionMultiplier: number;
  /** Most contacts a worker holds at once (concurrency; 1 without). */
  readonly slots: number;
  /** One-contact servers a worker is worth at full load, k / s_k (human-load.ts): what the gig trigger counts. */
  readonly serverEquivalent: number;
  /** The chats of workers holding several (concurrency ≥ 2); null: one contact at a time. */
  readonly chat: ChatSlots | null;
  loggingIn = 0;
  /** Logged in: idle, busy or free. */
  active = 0;

  /** Workers who would take a contact now: idle ones, or with concurrency those logged in with a free slot. */
  get idle(): number {
    return this.chat === null ? this.idleWorkers : this.chat.free;
  }
  /** Idle workers on the idle line (one contact at a time). */
  private idleWorkers = 0;
  /** After complete(): when the finished chat was answered, and its fcr multiplier (fcr_by_concurrency). */
  doneAnsweredAt = DOUBLE_ZERO;
  doneFcr = DOUBLE_ONE;

  calls = 0;
  declines = 0;
  /** Contacts gig workers finished. */
  handled = 0;
  /** Inside the measured window. */
  paidMinutes = DOUBLE_ZERO;
  busyMinutes = DOUBLE_ZERO;
  /** Pay earned inside the window in the pay model's units: hours (hourly) or tickets (per ticket). */
  paidUnits = DOUBLE_ZERO;

  private readonly state: Uint8Array;
  private readonly loginAt: Float64Array;
  private readonly idleTimer: Float64Array;
  /** With concurrency: since when each worker has held at least one contact. */
  private readonly busySince: Float64Array;
  private readonly serial: Int32Array;
  private readonly callLine = new IdFifo();
  private readonly idleLine = new IdFifo();
  private readonly maxActive: number;
  private readonly hourly: boolean;

  // Daily pay units per worker, for income volatility (a CV: the rate cancels): the day being summed,
  // its amount so far, and sums over finished days (days without work add 0).
  private readonly day: Int32Array;
  private readonly dayAmount: Float64Array;
  private readonly sumDaily: Float64Array;
  private readonly sumDailySquared: Float64Array;
  private readonly fullDays: number;

  constructor(
    private readonly spec: Gig,
    private readonly events: EventQueue,
    private readonly kinds: GigEventKinds,
    private readonly rng: RandomStream,
    private readonly loginDelay: Sampler,
    private readonly windowStart: number,
    private readonly windowEnd: number,
  ) {
    this.size = spec.pool;
    this.handleTimeMultiplier = spec.handle_time_multiplier;
    this.resolutionMultiplier = spec.resolution_multiplier;
    this.maxActive = Math.min(spec.max_active, spec.pool);
    this.hourly = spec.pay.mode === 'hourly';
    this.state = new Uint8Array(this.size);
    this.loginAt = new Float64Array(this.size);
    this.idleTimer = new Float64Array(this.size);
    const c = spec.concurrency;
    this.slots = c === undefined ? 1 : c.slots;
    this.serverEquivalent = serverEquivalent(spec);
    this.chat = c === undefined ? null : new ChatSlots(this.size, c, windowStart, windowEnd, events, kinds.chatDone, 0);
    this.busySince = new Float64Array(c === undefined ? 0 : this.size);
    this.serial = new Int32Array(this.size);
    this.day = new Int32Array(this.size);
    this.dayAmount = new Float64Array(this.size);
    this.sumDaily = new Float64Array(this.size);
    this.sumDailySquared = new Float64Array(this.size);
    this.fullDays = Math.floor((windowEnd - windowStart) / 1440);
    for (let w = 0; w < this.size; w++) this.callLine.push(w, 0);
  }

  /**
   * Calls up to `wanted` workers, in turn, within max_active. Each accepts with
   * accept_probability and starts logging in; one who declines goes to the
   * back of the line. Returns how many accepted.
   */
  call(t: number, wanted: number): number {
    let accepted = 0;
    let asked = 0;
    // Each worker is asked at most once per call, however many decline.
    const available = this.size - this.active - this.loggingIn;
    while (accepted < wanted && asked < available && this.active + this.loggingIn < this.maxActive) {
      const w = this.callLine.shift();
      asked++;
      this.calls++;
      if (this.rng.uniform() < this.spec.accept_probability) {
        this.state[w] = LOGGING_IN;
        this.loggingIn++;
        accepted++;
        this.events.schedule(t + this.loginDelay.sample(this.rng), this.kinds.loggedIn, w);
      } else {
        this.declines++;
        this.callLine.push(w, 0);
      }
    }
    return accepted;
  }

  /** The login delay is over: the worker is paid from now on and free for work. */
  loggedIn(w: number, t: number): void {
    this.loggingIn--;
    this.active++;
    this.state[w] = FREE;
    this.loginAt[w] = t;
    if (this.chat !== null) {
      this.chat.accept(w);
    }
  }

  /**
   * The longest-idle worker, taken off the idle line (its idle timer
   * cancelled); -1 when none. With concurrency: the worker take() gives the
   * next contact to (idle > 0), taken nowhere yet.
   */
  takeIdle(): number {
    if (this.chat !== null) return this.chat.next;
    while (this.idleLine.length > 0) {
      const w = this.idleLine.shift();
      if (this.state[w] !== IDLE || this.serial[w] !== this.idleLine.frontTag) continue;
      this.events.cancel(this.idleTimer[w]);
      this.idleWorkers--;
      this.state[w] = FREE;
      return w;
    }
    return -1;
  }

  /** A free worker starts a contact lasting `duration` minutes. */
  startWork(w: number, t: number, duration: number): void {
    this.state[w] = BUSY;
    this.busyMinutes += overlap(t, t + duration, this.windowStart, this.windowEnd);
  }

  /**
   * With concurrency: the worker with a free slot holding the fewest
   * contacts (takeIdle's) takes contact e at t, `work` minutes of work; its
   * idle timer stops if it held nothing. The caller checked idle > 0.
   */
  take(e: number, t: number, work: number): void {
    const chat = this.chat!;
    const w = chat.take(e, t, work);
    if (chat.held[w] !== 1) return;
    if (this.state[w] === IDLE) this.events.cancel(this.idleTimer[w]);
    this.state[w] = BUSY;
    this.busySince[w] = t;
  }

  /**
   * With concurrency: worker w's completion event fired at t; its chat whose
   * work is done ends and is paid (per ticket). Returns the contact;
   * doneAnsweredAt and doneFcr describe it. A worker left holding nothing is
   * free: the caller gives it work or lets it go idle.
   */
  complete(w: number, t: number): number {
    const chat = this.chat!;
    const e = chat.complete(w, t);
    this.doneAnsweredAt = chat.doneAnsweredAt;
    this.doneFcr = chat.doneFcr;
    this.handled++;
    if (!this.hourly) this.credit(w, t, 1);
    if (chat.held[w] === 0) {
      this.state[w] = FREE;
      this.bookBusy(w, t);
    }
    return e;
  }

  /** With concurrency: the chats worker w holds now. */
  holding(w: number): number {
    return this.chat!.held[w];
  }

  /** Contact-minutes held inside the window (slot_occupancy's numerator): busy minutes without concurrency. */
  get heldMinutes(): number {
    return this.chat !== null ? this.chat.heldMinutes : this.busyMinutes;
  }

  /** A busy worker finishes a contact and is free. */
  finishWork(w: number, t: number): void {
    this.state[w] = FREE;
    this.handled++;
    if (!this.hourly) this.credit(w, t, 1);
  }

  /**
   * A free worker with nothing to do waits; it logs off after idle_timeout
   * without work, but not before its paid block is over.
   */
  becomeIdle(w: number, t: number): void {
    this.state[w] = IDLE;
    if (this.chat === null) {
      this.idleWorkers++;
      const tag = ++this.serial[w];
      this.idleLine.push(w, tag);
    }
    const logOff = Math.max(t + this.spec.idle_timeout, this.loginAt[w] + this.spec.pay.min_block);
    this.idleTimer[w] = this.events.scheduleCancellable(logOff, this.kinds.idleOver, w);
  }

  /** The idle timer fired: the worker logs off and goes to the back of the call line. */
  idleOver(w: number, t: number): void {
    if (this.chat !== null) {
      this.chat.refuse(w);
    } else {
      this.idleWorkers--;
      this.serial[w]++; // its idle-line entry is now stale
    }
    this.logOff(w, t);
  }

  /** Closes the books at the end of the run: logged-in workers are paid up to it. */
  close(t: number): void {
    const chat = this.chat;
    if (chat !== null) {
      chat.accrueHeld(t);
      for (let w = 0; w < this.size; w++) if (chat.held[w] > 0) this.bookBusy(w, t);
    }
    for (let w = 0; w < this.size; w++) {
      if (this.state[w] === IDLE || this.state[w] === BUSY || this.state[w] === FREE) this.settle(w, t);
      this.flushDay(w);
    }
  }

  /** Mean over workers who earned anything of the coefficient of variation of their daily earnings. */
  earningsVolatility(): number {
    if (this.fullDays < 2) return 0;
    let total = 0;
    let earners = 0;
    for (let w = 0; w < this.size; w++) {
      const mean = this.sumDaily[w] / this.fullDays;
      if (mean <= 0) continue;
      const variance = Math.max(0, this.sumDailySquared[w] / this.fullDays - mean * mean) * (this.fullDays / (this.fullDays - 1));
      total += Math.sqrt(variance) / mean;
      earners++;
    }
    return earners > 0 ? total / earners : 0;
  }

  /**
   * Each worker's pay over the measured full days (as the volatility figure
   * counts it), in the pay model's units, for workers paid anything: what
   * `staffsim plan` prices (pricing.ts) and scales to a month. Call after close().
   */
  payByWorker(): number[] {
    const earned: number[] = [];
    for (let w = 0; w < this.size; w++) if (this.sumDaily[w] > 0) earned.push(this.sumDaily[w]);
    return earned;
  }

  /** With concurrency: books worker w's busy period, from its first contact held to t, inside the window. */
  private bookBusy(w: number, t: number): void {
    this.busyMinutes += overlap(this.busySince[w], t, this.windowStart, this.windowEnd);
    this.busySince[w] = t;
  }

  private logOff(w: number, t: number): void {
    this.settle(w, t);
    this.active--;
    this.state[w] = OFF;
    this.callLine.push(w, 0);
  }

  /** Pays the logged-in time from login to t (hourly pay), inside the window. */
  private settle(w: number, t: number): void {
    const from = this.loginAt[w];
    this.paidMinutes += overlap(from, t, this.windowStart, this.windowEnd);
    if (!this.hourly) return;
    // Split the paid time at day boundaries, so each day gets what was earned in it.
    let a = Math.max(from, this.windowStart);
    const b = Math.min(t, this.windowEnd);
    while (a < b) {
      const dayEnd = this.windowStart + (Math.floor((a - this.windowStart) / 1440) + 1) * 1440;
      const end = Math.min(b, dayEnd);
      this.credit(w, a, (end - a) / 60);
      a = end;
    }
  }

  /** Pay units earned at time t by worker w, inside the window. */
  private credit(w: number, t: number, amount: number): void {
    if (t < this.windowStart || t >= this.windowEnd) return;
    this.paidUnits += amount;
    const day = Math.floor((t - this.windowStart) / 1440);
    if (day >= this.fullDays) return; // a trailing part-day would bias daily figures
    if (day !== this.day[w]) {
      this.flushDay(w);
      this.day[w] = day;
    }
    this.dayAmount[w] += amount;
  }

  private flushDay(w: number): void {
    const amount = this.dayAmount[w];
    this.sumDaily[w] += amount;
    this.sumDailySquared[w] += amount * amount;
    this.dayAmount[w] = 0;
  }
}
