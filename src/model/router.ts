// Where a contact goes: to the AI first or to people (by ticket type and the
// strategy's routing), what follows the AI, which line of the human queue it
// joins and which server answers it (skills-based routing, docs/model.md
// "Agent groups"). The expected load this routing sends to each queue,
// computed from the scenario before simulating, is its analytic side in
// human-load.ts (used by auto staffing, the warnings and the gig trigger),
// built from the same rules: startsWithAi, toHumans and firstGroup.
//
// The router decides; the contact centre carries the decision out (draws,
// events, bookkeeping). Server pools are numbered: the employee groups
// 0 .. G-1 in file order, then the gig pool G. A contact's server is coded
// in one number so its row can hold it in an Int32Array: -1 - g for an agent
// of employee group g (agents of a group are interchangeable: the pool is a
// set of counters), 0, 1, ... for gig workers.
//
// Each ticket type has its own line, and a second one for hand-offs when
// they go first (handoff_priority): line = type × linesPerType (+ 1 for a
// hand-off).

import type { StrategyScenario } from '../scenario/types.js';
import type { EmployeePool } from './employees.js';
import type { GigPool } from './gig-pool.js';
import { HumanQueue } from './human-queue.js';
import { startsWithAi, skillTable } from './human-load.js';

/** No server is free. */
export const NO_SERVER = -0x7fffffff;

export class Router {
  /** 1 when a type's first contact goes to the AI under this strategy's routing. */
  readonly startsWithAi: Uint8Array;
  /** A contact the AI fails goes to people (ai-first); otherwise the customer is left to come back. */
  readonly escalates: boolean;
  /** Probability that a customer the AI resolved asks for a person anyway (ai-first only). */
  readonly askForHuman: number;
  /** The human queue, with the lines this routing uses. */
  readonly queue: HumanQueue;
  readonly typeCount: number;
  /** Employee groups; the gig pool is pool number groupCount. */
  readonly groupCount: number;
  /** Per pool and type (pool × typeCount + type): handle-time and first-contact-resolution factors. */
  readonly handleFactor: Float64Array;
  readonly fcrFactor: Float64Array;
  /** Per type: the distinct overflow delays of its pools, ascending (overflowStart[type] .. overflowStart[type + 1]). */
  readonly overflowStart: Int32Array;
  readonly overflowDelays: Float64Array;

  private readonly linesPerType: number;
  // Per type, the pools that serve it in the order a new contact tries them:
  // employee groups by priority level then file order, then the gig pool.
  private readonly candidateStart: Int32Array;
  private readonly candidatePool: Int32Array;
  private readonly candidateOverflow: Float64Array;
  // Per pool, the types it serves by priority level (file order within a level).
  private readonly skillStart: Int32Array;
  private readonly skillType: Int32Array;
  private readonly skillLevel: Int32Array;
  private readonly skillOverflow: Float64Array;
  /** Whether gig workers serve every type (then the gig trigger counts the whole queue). */
  private readonly gigServesAll: boolean;
  /**
   * One type, one line, one employee group (and perhaps a gig pool serving
   * it), no overflow: the common case, served without the general search
   * (the same choices, fewer steps).
   */
  private readonly single: boolean;

  constructor(
    s: StrategyScenario,
    private readonly groups: readonly EmployeePool[],
    private readonly gig: GigPool | null,
  ) {
    const types = s.ticket_types;
    const typeCount = types.length;
    this.typeCount = typeCount;
    this.startsWithAi = Uint8Array.from(types, (t) => (startsWithAi(s, t) ? 1 : 0));
    this.escalates = s.routing === 'ai-first';
    this.askForHuman = this.escalates ? s.ai.ask_for_human : 0;
    // Hand-offs have lines of their own only when they go first.
    this.linesPerType = s.handoff_priority ? 2 : 1;
    this.queue = new HumanQueue(typeCount * this.linesPerType);

    const table = skillTable(s);
    const groupCount = s.staff.groups.length;
    this.groupCount = groupCount;
    const poolCount = groupCount + 1;
    this.handleFactor = new Float64Array(poolCount * typeCount);
    this.fcrFactor = new Float64Array(poolCount * typeCount);
    for (const entry of table) {
      this.handleFactor[entry.pool * typeCount + entry.type] = entry.handleFactor;
      this.fcrFactor[entry.pool * typeCount + entry.type] = entry.fcrFactor;
    }
    // The gig pool's entries are only used when a gig pool exists.
    const usable = table.filter((entry) => entry.pool < groupCount || gig !== null);
    this.gigServesAll = usable.filter((entry) => entry.pool === groupCount).length === typeCount;

    const byType = (a: (typeof table)[number], b: (typeof table)[number]) =>
      a.type - b.type || Number(a.pool === groupCount) - Number(b.pool === groupCount) || a.priority - b.priority || a.pool - b.pool;
    const candidates = [...usable].sort(byType);
    this.candidateStart = starts(candidates.map((c) => c.type), typeCount);
    this.candidatePool = Int32Array.from(candidates, (c) => c.pool);
    this.candidateOverflow = Float64Array.from(candidates, (c) => c.overflowAfter);

    const byPool = (a: (typeof table)[number], b: (typeof table)[number]) => a.pool - b.pool || a.priority - b.priority || a.order - b.order;
    const skills = [...usable].sort(byPool);
    this.skillStart = starts(skills.map((c) => c.pool), poolCount);
    this.skillType = Int32Array.from(skills, (c) => c.type);
    this.skillLevel = Int32Array.from(skills, (c) => c.priority);
    this.skillOverflow = Float64Array.from(skills, (c) => c.overflowAfter);

    const delays: number[][] = Array.from({ length: typeCount }, () => []);
    for (const c of usable) if (c.overflowAfter > 0 && !delays[c.type].includes(c.overflowAfter)) delays[c.type].push(c.overflowAfter);
    for (const d of delays) d.sort((a, b) => a - b);
    this.overflowStart = starts(delays.flatMap((d, type) => d.map(() => type)), typeCount);
    this.overflowDelays = Float64Array.from(delays.flat());
    this.single = typeCount === 1 && groupCount === 1 && this.linesPerType === 1 && this.overflowDelays.length === 0 && this.candidatePool.length >= 1 && this.candidatePool[0] === 0;
  }

  /** The line a contact of `type` joins when nobody eligible is free: hand-offs apart when they go first. */
  lineFor(type: number, handedOff: boolean): number {
    return this.linesPerType === 2 && handedOff ? type * 2 + 1 : type * this.linesPerType;
  }

  /**
   * The server that answers a contact of `type` that joined the queue at
   * `since` (now, for a contact just arriving), taken from its pool, or
   * NO_SERVER: the first pool in the type's order with a free server, among
   * those the contact is eligible for at t (waited at least overflow_after).
   * A gig worker taken is the one idle longest.
   */
  takeServer(type: number, since: number, t: number): number {
    // The common case first, the search out of line: a small function is one
    // V8 inlines into the contact centre's handlers.
    if (this.single) return this.groups[0].idle > 0 ? -1 : this.takeGigWorker();
    return this.searchServer(type, since, t);
  }

  /** takeServer with one group and one line: a gig worker if the group has nobody free. */
  private takeGigWorker(): number {
    const gig = this.gig;
    return gig !== null && gig.idle > 0 && this.candidatePool.length > 1 ? gig.takeIdle() : NO_SERVER;
  }

  /** takeServer's search over the type's pools in order. */
  private searchServer(type: number, since: number, t: number): number {
    const end = this.candidateStart[type + 1];
    for (let k = this.candidateStart[type]; k < end; k++) {
      if (since + this.candidateOverflow[k] > t) continue;
      const pool = this.candidatePool[k];
      if (pool < this.groupCount) {
        if (this.groups[pool].idle > 0) return -1 - pool;
      } else if (this.gig!.idle > 0) {
        return this.gig!.takeIdle();
      }
    }
    return NO_SERVER;
  }

  /**
   * The waiting contact a server of `pool` that just became free takes at t,
   * removed from the queue; -1 when none it may serve waits. The pool's
   * types are looked at by priority level; within the best level holding an
   * eligible contact, hand-offs first (handoff_priority), then the contact
   * that joined the queue first; on equal times, the type listed first.
   */
  nextContact(pool: number, t: number): number {
    const queue = this.queue;
    if (queue.waiting === 0) return -1;
    if (this.single) return queue.take(0);
    return this.searchContact(pool, t);
  }

  /** nextContact's search over the pool's lines by priority level. */
  private searchContact(pool: number, t: number): number {
    const queue = this.queue;
    const lines = this.linesPerType;
    const end = this.skillStart[pool + 1];
    let bestLine = -1;
    let bestHandoff = false;
    let bestSince = Infinity;
    for (let k = this.skillStart[pool]; k < end; k++) {
      if (bestLine >= 0 && this.skillLevel[k] !== this.skillLevel[k - 1]) break;
      const base = this.skillType[k] * lines;
      const overflow = this.skillOverflow[k];
      if (lines === 2) {
        const h = queue.lineWaiting[base + 1] > 0 ? queue.peek(base + 1) : -1;
        if (h >= 0) {
          const since = queue.joinedAt(h);
          if (since + overflow <= t && (!bestHandoff || since < bestSince)) {
            bestLine = base + 1;
            bestHandoff = true;
            bestSince = since;
            continue;
          }
        }
        if (bestHandoff) continue;
      }
      const e = queue.lineWaiting[base] > 0 ? queue.peek(base) : -1;
      if (e >= 0) {
        const since = queue.joinedAt(e);
        if (since + overflow <= t && since < bestSince) {
          bestLine = base;
          bestSince = since;
        }
      }
    }
    return bestLine >= 0 ? queue.take(bestLine) : -1;
  }

  /** Contacts waiting that gig workers may serve: what the gig trigger counts. */
  gigWaiting(): number {
    const queue = this.queue;
    if (this.gigServesAll) return queue.waiting;
    const pool = this.groupCount;
    const end = this.skillStart[pool + 1];
    let waiting = 0;
    for (let k = this.skillStart[pool]; k < end; k++) {
      const base = this.skillType[k] * this.linesPerType;
      for (let line = base; line < base + this.linesPerType; line++) waiting += queue.lineWaiting[line];
    }
    return waiting;
  }
}

/** For items sorted by `keys` (values 0 .. count-1), the index where each key's run starts; count + 1 entries. */
function starts(keys: readonly number[], count: number): Int32Array {
  const out = new Int32Array(count + 1);
  for (const key of keys) out[key + 1]++;
  for (let i = 0; i < count; i++) out[i + 1] += out[i];
  return out;
}
