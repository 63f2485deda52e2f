// Where a contact goes: to the AI first or to people (by ticket type and the
// strategy's routing), what follows the AI, which line of the human queue it
// joins and which server answers it. The expected load this routing sends to
// each queue, computed from the scenario before simulating, is its analytic
// side in human-load.ts (used by auto staffing, the warnings and the gig
// trigger), built from the same rules: startsWithAi and toHumans.
//
// The router decides; the contact centre carries the decision out (draws,
// events, bookkeeping). Servers are coded as numbers so a contact's row can
// hold its server in an Int32Array: EMPLOYEE for the employee pool, 0, 1, ...
// for gig workers.

import type { StrategyScenario } from '../scenario/types.js';
import type { EmployeePool } from './employees.js';
import type { GigPool } from './gig-pool.js';
import { HumanQueue } from './human-queue.js';
import { startsWithAi } from './human-load.js';

/** `server` of a contact answered by an employee; gig workers are 0, 1, ... */
export const EMPLOYEE = -1;
/** No server is free. */
export const NO_SERVER = -2;

// Lines of the human queue.
const DIRECT = 0;
const HANDED_OFF = 1;

export class Router {
  /** 1 when a type's first contact goes to the AI under this strategy's routing. */
  readonly startsWithAi: Uint8Array;
  /** A contact the AI fails goes to people (ai-first); otherwise the customer is left to come back. */
  readonly escalates: boolean;
  /** Probability that a customer the AI resolved asks for a person anyway (ai-first only). */
  readonly askForHuman: number;
  /** The human queue, with the lines this routing uses. */
  readonly queue: HumanQueue;
  private readonly handoffLine: number;

  constructor(
    s: StrategyScenario,
    private readonly employees: EmployeePool,
    private readonly gig: GigPool | null,
  ) {
    this.startsWithAi = Uint8Array.from(s.ticket_types, (t) => (startsWithAi(s, t) ? 1 : 0));
    this.escalates = s.routing === 'ai-first';
    this.askForHuman = this.escalates ? s.ai.ask_for_human : 0;
    // Hand-offs have a line of their own only when they go first.
    this.queue = new HumanQueue(s.handoff_priority ? 2 : 1);
    this.handoffLine = s.handoff_priority ? HANDED_OFF : DIRECT;
  }

  /** The line a contact joins when nobody is free: hand-offs apart when they go first. */
  lineFor(handedOff: boolean): number {
    return handedOff ? this.handoffLine : DIRECT;
  }

  /**
   * The server that answers a contact reaching people now, taken from its
   * pool, or NO_SERVER. A free server implies an empty queue, so answering
   * at once keeps FIFO order. Employees are paid anyway, so they take
   * contacts before gig workers; of these, the one idle longest.
   */
  takeServer(): number {
    if (this.employees.idle > 0) return EMPLOYEE;
    if (this.gig !== null && this.gig.idle > 0) return this.gig.takeIdle();
    return NO_SERVER;
  }

  /** The waiting contact a server that just became free takes, removed from the queue; -1 when none waits. */
  nextContact(): number {
    const queue = this.queue;
    if (queue.waiting === 0) return -1;
    if (this.handoffLine !== DIRECT) {
      const e = queue.take(HANDED_OFF);
      if (e >= 0) return e;
    }
    return queue.take(DIRECT);
  }
}
