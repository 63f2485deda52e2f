// An employee group whose agents hold several contacts at once (chat
// concurrency, docs/model.md "Concurrency"): limited processor sharing.
//
// Who takes a contact and when each ends is the processor-sharing rule of
// chat-slots.ts (one work clock per agent, assignment to the agent with a
// free slot holding the fewest contacts, the oldest last assignment on a
// tie), shared with the gig pool's chat mode. This class adds the shifts.
// `idle` (what the router reads) is the number of agents with a free slot.
//
// Shifts follow the group's schedule as in EmployeePool (its levels,
// shrinkage, paid hours and staffed time are inherited): an agent leaving at
// shift end takes no new contact and finishes every contact in hand, then
// leaves; agents with no contact leave first, then those holding the fewest.
//
// Per agent everything lives in typed arrays sized once for the busiest
// hour, so nothing is allocated per event.

import { DOUBLE_ONE, DOUBLE_ZERO } from '../engine/double-field.js';
import type { EventQueue } from '../engine/event-queue.js';
import type { AgentGroup, Concurrency } from '../scenario/types.js';
import { ChatSlots } from './chat-slots.js';
import { EmployeePool } from './employees.js';
import { serverEquivalent } from './human-load.js';
import type { HourlyObservations } from './hourly-observations.js';
import { overlap } from './window.js';

const OFF = 0;
const ON = 1;
const LEAVING = 2;

export class ChatAgents extends EmployeePool {
  readonly slots: number;
  /** One-contact servers an agent is worth at full load, k / s_k (human-load.ts): what the gig trigger counts. */
  readonly serverEquivalent: number;
  /** After complete(): when the finished contact was answered, and its fcr multiplier (fcr_by_concurrency). */
  doneAnsweredAt = DOUBLE_ZERO;
  doneFcr = DOUBLE_ONE;

  private readonly chat: ChatSlots;
  private readonly capacity: number;

  // Per agent.
  private readonly state: Uint8Array;
  private readonly busySince: Float64Array;
  /** Agents off shift, as a stack. */
  private readonly offAgents: Int32Array;
  private offCount: number;

  constructor(
    group: AgentGroup & { concurrency: Concurrency },
    windowStart: number,
    windowEnd: number,
    hourly: HourlyObservations | null,
    events: EventQueue,
    doneKind: number,
    /** Added to an agent's index in its completion event's data, so one event kind serves every chat group. */
    readonly firstAgent: number,
  ) {
    super(group, windowStart, windowEnd, hourly);
    this.slots = group.concurrency.slots;
    this.serverEquivalent = serverEquivalent(group);
    const n = Math.max(0, ...this.netLevels);
    this.capacity = n;
    this.chat = new ChatSlots(n, group.concurrency, windowStart, windowEnd, events, doneKind, firstAgent);
    this.state = new Uint8Array(n);
    this.busySince = new Float64Array(n);
    this.offAgents = new Int32Array(n);
    for (let a = n - 1; a >= 0; a--) this.offAgents[n - 1 - a] = a;
    this.offCount = n;
  }

  /** Agents on duty with a free slot: a contact reaching the group is answered at once when this is above 0. */
  override get idle(): number {
    return this.chat.free;
  }

  /** Agents in the group's events' data range (firstAgent + index). */
  get agentCount(): number {
    return this.capacity;
  }

  /** Contacts held now, by every agent (tests and the census). */
  get contactsHeld(): number {
    return this.chat.contactsHeld;
  }

  /** Contact-minutes held inside the measured window (the numerator of slot_occupancy). */
  get heldMinutes(): number {
    return this.chat.heldMinutes;
  }

  /**
   * Moves the on-duty level to `target` at t, as EmployeePool does. Returns
   * the free slots that became available (the caller hands them waiting contacts).
   */
  override setLevel(t: number, target: number): number {
    this.accrue(t);
    const onDuty = this.present - this.leaving;
    const chat = this.chat;
    if (target > onDuty) {
      let needed = target - onDuty;
      let freed = 0;
      // Agents finishing their last contacts stay on first (lowest index first).
      for (let a = 0; a < this.capacity && this.leaving > 0 && needed > 0; a++) {
        if (this.state[a] !== LEAVING) continue;
        this.state[a] = ON;
        this.leaving--;
        needed--;
        freed += chat.accept(a);
      }
      for (; needed > 0; needed--) {
        const a = this.offAgents[--this.offCount];
        this.state[a] = ON;
        this.present++;
        freed += chat.accept(a);
      }
      return freed;
    }
    let surplus = onDuty - target;
    // Agents with no contact leave now; the heap's top holds the fewest.
    while (surplus > 0 && chat.free > 0 && chat.held[chat.next] === 0) {
      const a = chat.next;
      chat.refuse(a);
      this.logOff(a);
      surplus--;
    }
    // Then agents holding the fewest contacts stop taking new ones and leave once they are done.
    while (surplus > 0 && chat.free > 0) {
      const a = chat.next;
      chat.refuse(a);
      this.state[a] = LEAVING;
      this.leaving++;
      surplus--;
    }
    for (let a = 0; a < this.capacity && surplus > 0; a++) {
      if (this.state[a] !== ON) continue;
      chat.refuse(a);
      this.state[a] = LEAVING;
      this.leaving++;
      surplus--;
    }
    return 0;
  }

  /**
   * The agent with a free slot holding the fewest contacts (the oldest last
   * assignment on a tie) takes contact e at t: `work` minutes of work. The
   * caller checked idle > 0.
   */
  take(e: number, t: number, work: number): void {
    const a = this.chat.take(e, t, work);
    if (this.chat.held[a] === 1) {
      this.busySince[a] = t;
      this.busy++;
    }
  }

  /**
   * The completion event of agent `agent` (its index, without firstAgent)
   * fired at t: its contact whose work is done leaves. Returns the contact;
   * doneAnsweredAt and doneFcr describe it.
   */
  complete(agent: number, t: number): number {
    const a = agent;
    const chat = this.chat;
    const e = chat.complete(a, t);
    this.doneAnsweredAt = chat.doneAnsweredAt;
    this.doneFcr = chat.doneFcr;
    if (chat.held[a] === 0) {
      this.busy--;
      this.bookBusy(a, t);
      if (this.state[a] === LEAVING) {
        this.accrue(t);
        this.leaving--;
        this.logOff(a);
      }
    }
    return e;
  }

  /** Closes the books at t: staffed time, held time, and the busy periods still open. */
  override close(t: number): void {
    super.close(t);
    this.chat.accrueHeld(t);
    for (let a = 0; a < this.capacity; a++) if (this.chat.held[a] > 0) this.bookBusy(a, t);
  }

  // --- internals -----------------------------------------------------------

  /** Books agent a's busy period, from its first contact to t, inside the window. */
  private bookBusy(a: number, t: number): void {
    const from = this.busySince[a];
    const minutes = overlap(from, t, this.windowStart, this.windowEnd);
    this.busyMinutes += minutes;
    this.hourly?.busy(from, t, minutes);
    this.busySince[a] = t;
  }

  private logOff(a: number): void {
    this.state[a] = OFF;
    this.present--;
    this.offAgents[this.offCount++] = a;
  }
}
