// One replication of one strategy: the contact centre as a discrete-event
// model on the generic engine.
//
// This module holds the event loop, the episode table and what customers do
// (patience, retries, repeats, the AI's outcome draws). The other parts are
// components it drives (docs/architecture.md): the server pools
// (employees.ts, gig-pool.ts), the human queue and its lines
// (human-queue.ts), the router that chooses lines and servers (router.ts),
// the monitor that receives observations (observations.ts) and the KPIs
// priced after the run (pricing.ts).
//
// An episode is one customer's problem; it has at most one live contact at a
// time, so the episode's row also holds the state of its current contact.
// Rows live in typed arrays (struct of arrays) recycled through a free list,
// so the event loop allocates nothing per contact.

import { DOUBLE_ZERO } from '../engine/double-field.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import { EventQueue } from '../engine/event-queue.js';
import { IdFifo } from '../engine/id-fifo.js';
import { NO_PULSE, PULSE_EVERY, SimulationStopped, type Pulse } from '../engine/pulse.js';
import { RandomStream, cumulativeWeights, exponentialFromUniform } from '../engine/random.js';
import type { HourlyValues } from '../metrics/hourly.js';
import type { KpiValues } from '../metrics/kpis.js';
import type { StrategyScenario } from '../scenario/types.js';
import { ArrivalProcess } from './arrivals.js';
import { ChatAgents } from './chat-agents.js';
import { EmployeePool } from './employees.js';
import { GigPool } from './gig-pool.js';
import { gigWorkersWanted } from './gig-trigger.js';
import { aiAbandonProbability, gigHandleMean } from './human-load.js';
import type { HumanQueue } from './human-queue.js';
import { NO_SERVER, Router } from './router.js';
import {
  churnProbability,
  RESOLVED_BY_AI,
  RESOLVED_BY_HUMAN,
  RESOLVED_BY_NOBODY,
  satisfaction,
  type EpisodeHistory,
} from './episode-outcome.js';
import { Observations, type MeasuredTime, type Physical } from './observations.js';
import { priceGroups, priceKpis, pricesOf, typeKpis, type GroupValues, type TypeValues } from './pricing.js';

// Event kinds (first contacts are not events: see run()).
const FOLLOW_UP = 1;
const AI_DONE = 2;
const HANDOFF_DONE = 3;
const ABANDON = 4;
const SERVICE_DONE = 5;
const SHIFT = 6;
const GIG_LOGGED_IN = 7;
const GIG_IDLE_OVER = 8;
const OVERFLOW = 9;
const CHAT_DONE = 10;
const GIG_CHAT_DONE = 11;

/**
 * Most contacts the human queue holds. An overloaded queue with nobody
 * abandoning grows for the whole run; past this, arrivals are turned away
 * (counted as abandoning at once) so memory stays bounded, and the run says so.
 */
export const MAX_WAITING = 1 << 22;

// Where an episode's current contact is.
const FREE = 0;
const AWAY = 1; // between contacts: the customer will come back
const AI_WAITING = 2;
const IN_AI = 3;
const IN_HANDOFF = 4;
const QUEUED = 5;
const IN_SERVICE = 6;

// Episode flags.
const COUNTED_EPISODE = 1; // started inside the measured window
const COUNTED_CONTACT = 2; // the current contact arrived inside the window
const AI_FAILED_SENSITIVE = 4;
const HANDED_OFF = 8; // the current contact came to humans from the AI

/**
 * Contacts that arrived in the measured window and were still in the system
 * when the horizon closed, by where they were.
 */
export interface Census {
  aiWaiting: number;
  inAi: number;
  inHandoff: number;
  queued: number;
  inService: number;
}

export interface ReplicationResult {
  kpis: KpiValues;
  /** What kpis were priced from (pricing.ts): a price change re-prices it without simulating. */
  physical: Physical;
  /** Per ticket type, in file order: its queue and outcome KPIs. */
  byType: TypeValues[];
  /** Per employee group, in file order: its utilisation, share answered and cost. */
  byGroup: GroupValues[];
  observations: Observations;
  census: Census;
  /** Time-average number of contacts waiting for a human over the measured window (Little's L). */
  queueLength: number;
  /** The human queue hour of day by hour of day, hour 0 first (by_hour). */
  byHour: HourlyValues[];
  /** Each gig worker's pay over the measured full days in the pay model's units, workers paid anything (GigPool.payByWorker). */
  gigPayByWorker: number[];
}

/**
 * One replication. `pulse` is called every PULSE_EVERY events with the
 * simulated time (progress); when it returns true the replication stops by
 * throwing SimulationStopped.
 */
export function simulateReplication(scenario: StrategyScenario, replication: number, pulse: Pulse = NO_PULSE): ReplicationResult {
  return new ContactCentre(scenario, replication).run(pulse);
}

/** Minutes ahead from which an event waits in the event queue's calendar: its buckets are hours. */
const FAR_AFTER_MINUTES = 60;

class ContactCentre {
  /**
   * A customer's next contact (a retry, a repeat), when an hour or more
   * ahead, waits in the queue's calendar, hour by hour, not in its heap
   * (scheduleFar, engine/far-calendar.ts): the default scenario keeps
   * thousands pending, hours ahead.
   */
  private readonly events = new EventQueue(1024, FAR_AFTER_MINUTES);
  private readonly observations: Observations;
  /** Per ticket type; null with one type (its figures are the totals). */
  private readonly typeObservations: Observations[] | null;
  private readonly arrivals: ArrivalProcess;
  /** One pool per employee group, in file order. */
  private readonly groups: EmployeePool[];
  /** Per group, its ChatAgents when its agents hold several contacts (concurrency > 1); null when no group does. */
  private readonly chats: (ChatAgents | null)[] | null;
  /** Null when the strategy has no gig pool: the common case costs one test. */
  private readonly gig: GigPool | null;
  private readonly gigTriggerWait: number;
  private readonly gigTriggerQueue: number;
  private readonly queue: HumanQueue;
  private readonly router: Router;
  /** Mean human handle time of what reaches humans, for the gig trigger's expected wait. */
  private readonly meanHumanHandle: number;
  private readonly horizon: number;
  private readonly warmup: number;
  /**
   * The simulation clock: the time of the event being handled. A field, not an
   * argument passed down every call: a double crossing a call V8 does not
   * inline is boxed (allocated), and the handlers are too large to inline.
   */
  private now = DOUBLE_ZERO;
  /**
   * When the next first contact arrives. A field rather than a local of
   * advance(): a loop compiled on stack replacement keeps a double carried
   * round it boxed, one allocation per arrival.
   */
  private nextArrival = DOUBLE_ZERO;

  // Random streams, one per kind of draw (common random numbers across strategies).
  private readonly rngArrivals: RandomStream;
  private readonly rngMix: RandomStream;
  private readonly rngPatience: RandomStream;
  private readonly rngPatienceFollowUp: RandomStream;
  private readonly rngHandle: RandomStream;
  private readonly rngAi: RandomStream;
  private readonly rngAiHandle: RandomStream;
  private readonly rngHandoff: RandomStream;
  private readonly rngFcr: RandomStream;
  private readonly rngRetry: RandomStream;
  private readonly rngRepeat: RandomStream;
  /** Its own stream, so that customers leaving the AI moves no other draw. */
  private readonly rngAiAbandon: RandomStream;

  // Ticket types.
  private readonly typeCount: number;
  private readonly mix: Float64Array;
  private readonly humanHandle: Sampler[];
  private readonly aiHandle: Sampler[];
  private readonly aiResolution: Float64Array;
  private readonly aiFalseResolution: Float64Array;
  /** Per type: probability a customer the AI did not resolve leaves it (aiAbandonProbability). */
  private readonly aiAbandon: Float64Array;
  private readonly fcr: Float64Array;
  private readonly sensitive: Uint8Array;

  // Customers.
  private readonly patience: Sampler | null;
  /**
   * The mean of an exponential patience, else 0. Its draw is kept as the
   * uniform behind it until the contact joins the queue (most never do): the
   * same numbers in the same order, one logarithm fewer per contact answered
   * at once.
   */
  private readonly patienceMean: number;
  private readonly retryProbability: number;
  private readonly retryDelay: Sampler;
  private readonly repeatProbability: number;
  private readonly repeatDelay: Sampler;
  private readonly maxContacts: number;

  // AI tier.
  private readonly handoff: Sampler;
  private readonly handoffInstant: boolean;
  private readonly aiCapacity: number;
  private aiBusy = 0;
  private readonly aiLine = new IdFifo();

  // Episode rows.
  private capacity = 0;
  private state = new Uint8Array(0);
  private flags = new Uint8Array(0);
  private type = new Int32Array(0);
  private contacts = new Int32Array(0);
  private totalWait = new Float64Array(0);
  /** When the episode's first contact arrived (resolution_time). */
  private startedAt = new Float64Array(0);
  /** The hour of day a counted contact was offered to humans in, for the by-hour figures of its answer or abandonment. */
  private offeredHour = new Uint8Array(0);
  /** When a contact waiting for an AI slot joined the AI's line. */
  private aiQueuedAt = new Float64Array(0);
  private patienceLeft = new Float64Array(0);
  private abandonTimer = new Float64Array(0);
  private server = new Int32Array(0);
  private freeIds = new Int32Array(0);
  private freeCount = 0;

  private readonly history: EpisodeHistory = { resolvedBy: 0, totalWait: DOUBLE_ZERO, contacts: 0, aiFailedSensitive: false };

  constructor(
    private readonly scenario: StrategyScenario,
    replication: number,
  ) {
    const s = scenario;
    this.horizon = s.horizon;
    this.warmup = s.warmup;
    const groupCount = s.staff.groups.length;
    this.observations = new Observations(s.service_level.answer_within, s.warmup, s.horizon, groupCount + 1);
    this.typeObservations =
      s.ticket_types.length > 1 ? s.ticket_types.map(() => new Observations(s.service_level.answer_within, 0, Infinity, 1, false)) : null;
    this.arrivals = new ArrivalProcess(s.demand);
    let chatAgents = 0;
    const chats = s.staff.groups.map((group) => {
      if (group.concurrency === undefined) return null;
      const chat = new ChatAgents({ ...group, concurrency: group.concurrency }, s.warmup, s.horizon, this.observations.hourly, this.events, CHAT_DONE, chatAgents);
      chatAgents += chat.agentCount;
      return chat;
    });
    this.chats = chats.some((chat) => chat !== null) ? chats : null;
    this.groups = s.staff.groups.map((group, g) => chats[g] ?? new EmployeePool(group, s.warmup, s.horizon, this.observations.hourly));

    const stream = (name: string) => new RandomStream(s.seed, replication, name);
    this.rngArrivals = stream('arrivals');
    this.rngMix = stream('ticket_type');
    this.rngPatience = stream('patience');
    this.rngPatienceFollowUp = stream('patience.follow_up');
    this.rngHandle = stream('handle_time');
    this.rngAi = stream('ai_outcome');
    this.rngAiHandle = stream('ai_handle_time');
    this.rngHandoff = stream('handoff');
    this.rngFcr = stream('fcr');
    this.rngRetry = stream('retry');
    this.rngRepeat = stream('repeat');
    this.rngAiAbandon = stream('ai_abandon');

    const types = s.ticket_types;
    this.typeCount = types.length;
    this.mix = cumulativeWeights(types.map((t) => t.share));
    this.humanHandle = types.map((t) => sampler(t.handle_time));
    this.aiHandle = types.map((t) => sampler(t.ai_handle_time));
    this.aiResolution = Float64Array.from(types, (t) => t.ai_resolution);
    this.aiFalseResolution = Float64Array.from(types, (t) => t.ai_false_resolution);
    this.aiAbandon = Float64Array.from(types, (t) => aiAbandonProbability(s, t));
    this.fcr = Float64Array.from(types, (t) => t.fcr);
    this.sensitive = Uint8Array.from(types, (t) => (t.sensitive ? 1 : 0));

    const c = s.customers;
    this.patience = c.patience ? sampler(c.patience) : null;
    this.patienceMean = c.patience?.dist === 'exponential' ? c.patience.mean : 0;
    this.retryProbability = c.retry.probability;
    this.retryDelay = sampler(c.retry.delay);
    this.repeatProbability = c.repeat_probability;
    this.repeatDelay = sampler(c.repeat_delay);
    this.maxContacts = c.max_contacts;

    this.handoff = sampler(s.ai.handoff);
    this.handoffInstant = this.handoff.mean === 0 && this.handoff.variance === 0;
    this.aiCapacity = s.ai.concurrency ?? Infinity;

    const gig = s.staff.gig;
    this.gig =
      gig.pool > 0 && gig.max_active > 0
        ? new GigPool(
            gig,
            this.events,
            { loggedIn: GIG_LOGGED_IN, idleOver: GIG_IDLE_OVER, chatDone: GIG_CHAT_DONE },
            stream('gig'),
            sampler(gig.login_delay),
            s.warmup,
            s.horizon,
          )
        : null;
    this.gigTriggerWait = gig.trigger_wait ?? Infinity;
    this.gigTriggerQueue = gig.trigger_queue ?? Infinity;
    this.meanHumanHandle = gigHandleMean(s);
    this.router = new Router(s, this.groups, this.gig);
    this.queue = this.router.queue;

    this.growEpisodes(1024);
  }

  run(pulse: Pulse): ReplicationResult {
    // The next first contact is kept out of the event queue: a Poisson source
    // needs no heap slot, which saves a push and a pop per contact. On a tie
    // with a queued event the arrival goes first (ties have probability 0 with
    // continuous arrival times, and the rule is deterministic either way).
    this.nextArrival = this.arrivals.next(0, this.rngArrivals.exponential(1), this.horizon);
    for (const group of this.groups) group.setLevel(0, group.levelAt(0));
    if (this.groups.some((group) => !group.flat) && this.horizon > 60) this.events.schedule(60, SHIFT, 1);

    // The heartbeat (engine/pulse.ts): progress and a way to stop, every PULSE_EVERY steps.
    while (this.advance()) {
      if (pulse(this.now)) throw new SimulationStopped(this.now);
    }
    const horizon = this.horizon;
    for (const group of this.groups) group.close(horizon);
    this.gig?.close(horizon);
    const physical = this.physical();
    const prices = pricesOf(this.scenario);
    return {
      kpis: priceKpis(physical, prices),
      physical,
      byType:
        this.typeObservations === null
          ? [typeKpis(physical)]
          : this.typeObservations.map((o) => typeKpis(o.physical(this.measuredTime(false)))),
      byGroup: priceGroups(physical, prices),
      observations: this.observations,
      census: this.census(),
      queueLength: this.observations.queueLength.close(horizon),
      byHour: this.observations.hourly!.values(),
      gigPayByWorker: this.gig ? this.gig.payByWorker() : [],
    };
  }

  /**
   * Handles PULSE_EVERY events (true: run() calls the pulse, then advance()
   * again) or the events left before the horizon (false). The loop is a
   * method of its own rather than run()'s body: run() is entered once per
   * replication, so V8 can compile its loop only on stack replacement, from
   * the feedback of the first events; a method called again and again is
   * also compiled whole, with the feedback of every event before
   * (docs/performance.md, "Cold and warm").
   *
   * Every field is read inside the loop and the count is a local: V8 gives a
   * function its feedback vector only after its first call has run a while,
   * so loads made once at the first call's entry, or a store made only when
   * the heartbeat is due, have no type feedback when the loop is compiled,
   * and the first heartbeat would discard that code and compile it again
   * (docs/performance.md, "Loads that every event makes").
   */
  private advance(): boolean {
    for (let left = PULSE_EVERY; left !== 0; left--) {
      const events = this.events;
      const horizon = this.horizon;
      if (!events.popBefore(this.nextArrival)) {
        const t = this.nextArrival;
        if (t >= horizon) return false;
        this.now = t;
        this.nextArrival = this.arrivals.next(t, this.rngArrivals.exponential(1), horizon);
        this.arrive();
        continue;
      }
      const t = events.time;
      if (t >= horizon) return false;
      this.now = t;
      const e = events.data;
      switch (events.kind) {
        case FOLLOW_UP:
          this.drawPatience(e, this.rngPatienceFollowUp);
          this.startContact(e);
          break;
        case AI_DONE:
          this.aiDone(e);
          break;
        case HANDOFF_DONE:
          this.offer(e);
          break;
        case ABANDON:
          this.abandon(e);
          break;
        case SERVICE_DONE:
          this.serviceDone(e);
          break;
        case SHIFT:
          this.shift(e);
          break;
        case GIG_LOGGED_IN:
          this.gig!.loggedIn(e, t);
          this.giveWorkOrIdle(e);
          break;
        case GIG_IDLE_OVER:
          this.gig!.idleOver(e, t);
          break;
        case OVERFLOW:
          this.overflow(e);
          break;
        case CHAT_DONE:
          this.chatDone(e);
          break;
        case GIG_CHAT_DONE:
          this.gigChatDone(e);
          break;
      }
    }
    return true;
  }

  private arrive(): void {
    const t = this.now;
    const e = this.allocEpisode();
    this.type[e] = this.typeCount === 1 ? 0 : this.rngMix.pick(this.mix);
    this.contacts[e] = 0;
    this.totalWait[e] = 0;
    this.startedAt[e] = t;
    this.flags[e] = 0;
    if (t >= this.warmup) {
      this.flags[e] = COUNTED_EPISODE;
      this.observations.episodes++;
      if (this.typeObservations !== null) this.typeObservations[this.type[e]].episodes++;
    }
    this.drawPatience(e, this.rngPatience);
    this.startContact(e);
  }

  /**
   * How long the customer of episode e will wait for a person this contact:
   * Infinity without a patience distribution; for an exponential patience,
   * the uniform it will be made from (patienceOf).
   */
  private drawPatience(e: number, rng: RandomStream): void {
    // Separate stores rather than one of `patience ? draw : Infinity`: V8 would
    // merge the draw with the never-taken Infinity as a tagged value and
    // allocate a heap number for every draw.
    if (this.patience === null) this.patienceLeft[e] = Infinity;
    else if (this.patienceMean > 0) this.patienceLeft[e] = rng.uniform();
    else this.patienceLeft[e] = this.patience.sample(rng);
  }

  private startContact(e: number): void {
    const t = this.now;
    this.contacts[e]++;
    let flags = this.flags[e] & ~(COUNTED_CONTACT | HANDED_OFF);
    if (t >= this.warmup) {
      flags |= COUNTED_CONTACT;
      this.observations.contacts++;
      if (this.typeObservations !== null) this.typeObservations[this.type[e]].contacts++;
    }
    this.flags[e] = flags;
    if (this.router.startsWithAi[this.type[e]] === 1) this.startAi(e);
    else this.offer(e);
  }

  private startAi(e: number): void {
    const t = this.now;
    if (this.aiBusy >= this.aiCapacity) {
      // Nobody leaves the AI's line, so its entries never go stale.
      this.state[e] = AI_WAITING;
      this.aiQueuedAt[e] = t;
      this.aiLine.push(e, 0);
      return;
    }
    this.beginAi(e, 0);
  }

  /** An AI slot takes the contact after `wait` minutes in the AI's line (part of the episode's wait). */
  private beginAi(e: number, wait: number): void {
    const t = this.now;
    this.aiBusy++;
    this.state[e] = IN_AI;
    this.totalWait[e] += wait;
    if (this.flags[e] & COUNTED_CONTACT) {
      this.observations.startAi(wait);
      if (this.typeObservations !== null) this.typeObservations[this.type[e]].startAi(wait);
    }
    this.events.schedule(t + this.aiHandle[this.type[e]].sample(this.rngAiHandle), AI_DONE, e);
  }

  private aiDone(e: number): void {
    const t = this.now;
    this.aiBusy--;
    if (this.aiLine.length > 0) {
      const next = this.aiLine.shift();
      this.beginAi(next, t - this.aiQueuedAt[next]);
    }

    const type = this.type[e];
    const counted = (this.flags[e] & COUNTED_CONTACT) !== 0;
    const obs = this.observations;
    if (this.rngAi.uniform() < this.aiResolution[type]) {
      const askForHuman = this.router.askForHuman;
      if (askForHuman > 0 && this.rngAi.uniform() < askForHuman) {
        this.handOff(e);
        return;
      }
      if (counted) {
        obs.aiContained++;
        if (this.typeObservations !== null) this.typeObservations[type].aiContained++;
      }
      if (this.aiFalseResolution[type] > 0 && this.rngAi.uniform() < this.aiFalseResolution[type]) {
        this.followUp(e);
      } else {
        this.endEpisode(e, RESOLVED_BY_AI);
      }
      return;
    }
    if (this.sensitive[type] === 1) this.flags[e] |= AI_FAILED_SENSITIVE;
    // The customer leaves the AI, neither resolved nor handed off: the contact ends unresolved.
    const leave = this.aiAbandon[type];
    if (leave > 0 && (leave >= 1 || this.rngAiAbandon.uniform() < leave)) {
      if (counted) {
        obs.aiAbandoned++;
        if (this.typeObservations !== null) this.typeObservations[type].aiAbandoned++;
      }
      this.followUp(e);
      return;
    }
    if (this.router.escalates) {
      this.handOff(e);
    } else {
      if (counted) {
        obs.aiUnresolved++;
        if (this.typeObservations !== null) this.typeObservations[type].aiUnresolved++;
      }
      this.followUp(e);
    }
  }

  private handOff(e: number): void {
    const t = this.now;
    if (this.flags[e] & COUNTED_CONTACT) {
      this.observations.aiEscalated++;
      if (this.typeObservations !== null) this.typeObservations[this.type[e]].aiEscalated++;
    }
    this.flags[e] |= HANDED_OFF;
    if (this.handoffInstant) {
      this.offer(e);
      return;
    }
    this.state[e] = IN_HANDOFF;
    this.events.schedule(t + this.handoff.sample(this.rngHandoff), HANDOFF_DONE, e);
  }

  /** The contact reaches people: a free server answers it, or it waits in the human queue. */
  private offer(e: number): void {
    const t = this.now;
    const type = this.type[e];
    if (this.flags[e] & COUNTED_CONTACT) {
      this.offeredHour[e] = this.observations.offer(t);
      if (this.typeObservations !== null) this.typeObservations[type].offer(t);
    }
    const server = this.router.takeServer(type, t, t);
    if (server !== NO_SERVER) this.answer(e, server, false);
    else this.joinQueue(e);
  }

  /** Nobody eligible is free: the contact waits in its line of the human queue, or is turned away at the cap. */
  private joinQueue(e: number): void {
    const t = this.now;
    const queue = this.queue;
    if (queue.waiting >= MAX_WAITING) {
      this.turnAway(e);
      return;
    }
    const router = this.router;
    const type = this.type[e];
    const flags = this.flags[e];
    this.state[e] = QUEUED;
    queue.push(router.lineFor(type, (flags & HANDED_OFF) !== 0), e, t);
    this.observations.queueChanged(t, queue.waiting);
    const patience = this.patienceLeft[e];
    if (patience !== Infinity) {
      const minutes = this.patienceMean > 0 ? exponentialFromUniform(this.patienceMean, patience) : patience;
      this.abandonTimer[e] = this.events.scheduleCancellable(t + minutes, ABANDON, e);
    }
    const overflow = router.overflowStart[type];
    if (overflow < router.overflowStart[type + 1]) this.events.schedule(t + router.overflowDelays[overflow], OVERFLOW, e);
    if (this.gig !== null) this.callGigWorkers();
  }

  /**
   * A waiting contact has waited an overflow delay of its type: the groups
   * that take it from now on may have a free agent. An event left from an
   * earlier contact of the episode matches none of this contact's delays
   * and does nothing.
   */
  private overflow(e: number): void {
    const t = this.now;
    if (this.state[e] !== QUEUED) return;
    const router = this.router;
    const queue = this.queue;
    const type = this.type[e];
    const since = queue.joinedAt(e);
    const end = router.overflowStart[type + 1];
    let k = router.overflowStart[type];
    while (k < end && since + router.overflowDelays[k] !== t) k++;
    if (k === end) return;
    const server = router.takeServer(type, since, t);
    if (server === NO_SERVER) {
      if (k + 1 < end) this.events.schedule(since + router.overflowDelays[k + 1], OVERFLOW, e);
      return;
    }
    queue.remove(e);
    this.observations.queueChanged(t, queue.waiting);
    if (this.patienceLeft[e] !== Infinity) this.events.cancel(this.abandonTimer[e]);
    this.answer(e, server, true);
  }

  /** Calls gig workers when the queue crosses the trigger (gig-trigger.ts), less those already logging in. */
  private callGigWorkers(): void {
    const t = this.now;
    const gig = this.gig!;
    // A chat agent or gig worker counts as the one-contact servers it is worth at full load (human-load.ts, serverEquivalent).
    let servers = gig.active * gig.serverEquivalent;
    const chats = this.chats;
    for (let g = 0; g < this.groups.length; g++) servers += chats === null || chats[g] === null ? this.groups[g].present : this.groups[g].present * chats[g]!.serverEquivalent;
    const wanted =
      gigWorkersWanted(this.router.gigWaiting(), servers, this.meanHumanHandle, this.gigTriggerWait, this.gigTriggerQueue, gig.serverEquivalent, gig.slots) -
      gig.loggingIn;
    if (wanted > 0) gig.call(t, wanted);
  }

  /** A free server (an employee of a group, or a gig worker) answers the contact the router gives it; false when none waits. */
  private answerNextWaiting(server: number): boolean {
    const t = this.now;
    const router = this.router;
    const e = router.nextContact(server < 0 ? -1 - server : router.groupCount, t);
    if (e < 0) return false;
    this.observations.queueChanged(t, this.queue.waiting);
    if (this.patienceLeft[e] !== Infinity) this.events.cancel(this.abandonTimer[e]);
    this.answer(e, server, true);
    return true;
  }

  /** A free gig worker takes the next waiting contacts (as many as its slots), or waits for one. */
  private giveWorkOrIdle(w: number): void {
    const t = this.now;
    const gig = this.gig!;
    if (!this.answerNextWaiting(w)) {
      gig.becomeIdle(w, t);
      return;
    }
    for (let i = 1; i < gig.slots && this.answerNextWaiting(w); i++);
  }

  /** A server answers the contact: one just offered, or one that waited in the human queue (`queued`) since it joined. */
  private answer(e: number, server: number, queued: boolean): void {
    const t = this.now;
    const since = queued ? this.queue.joinedAt(e) : t;
    const wait = t - since;
    this.totalWait[e] += wait;
    const flags = this.flags[e];
    const type = this.type[e];
    const router = this.router;
    const pool = server < 0 ? -1 - server : router.groupCount;
    if (flags & COUNTED_CONTACT) {
      const handedOff = (flags & HANDED_OFF) !== 0;
      const hour = this.offeredHour[e];
      this.observations.answer(wait, server >= 0, handedOff, hour);
      this.observations.answeredByPool[pool]++;
      if (this.typeObservations !== null) this.typeObservations[type].answer(wait, server >= 0, handedOff, hour);
    }
    this.state[e] = IN_SERVICE;
    this.server[e] = server;
    const duration = this.humanHandle[type].sample(this.rngHandle) * router.handleFactor[pool * router.typeCount + type];
    if (server < 0) {
      const chat = this.chats === null ? null : this.chats[pool];
      if (chat !== null) {
        // The duration is work: when it ends depends on the agent's other contacts (chat-agents.ts).
        chat.take(e, t, duration);
        return;
      }
      this.groups[pool].startWork(t, duration);
    } else if (this.gig!.chat !== null) {
      // As for a chat agent, the duration is work (gig-pool.ts, chat-slots.ts).
      this.gig!.take(e, t, duration);
      return;
    } else this.gig!.startWork(server, t, duration);
    if (flags & COUNTED_CONTACT && t + duration < this.horizon) this.observations.serviceEnded(duration);
    this.events.schedule(t + duration, SERVICE_DONE, e);
  }

  /** A chat agent's earliest contact ended (data: the agent's number across chat groups). */
  private chatDone(agent: number): void {
    const t = this.now;
    const chats = this.chats!;
    let g = 0;
    while (chats[g] === null || agent >= chats[g]!.firstAgent + chats[g]!.agentCount) g++;
    const chat = chats[g]!;
    const e = chat.complete(agent - chat.firstAgent, t);
    if (this.flags[e] & COUNTED_CONTACT) this.observations.serviceEnded(t - chat.doneAnsweredAt);
    if (chat.idle > 0) this.answerNextWaiting(-1 - g);
    this.resolveOrFollowUp(e, g, chat.doneFcr);
  }

  /** A gig worker holding several chats finished its earliest one (data: the worker). */
  private gigChatDone(w: number): void {
    const t = this.now;
    const gig = this.gig!;
    const e = gig.complete(w, t);
    if (this.flags[e] & COUNTED_CONTACT) this.observations.serviceEnded(t - gig.doneAnsweredAt);
    if (gig.idle > 0) this.answerNextWaiting(w);
    if (gig.holding(w) === 0) gig.becomeIdle(w, t);
    this.resolveOrFollowUp(e, this.router.groupCount, gig.doneFcr);
  }

  private serviceDone(e: number): void {
    const t = this.now;
    const server = this.server[e];
    const router = this.router;
    const pool = server < 0 ? -1 - server : router.groupCount;
    if (server < 0) {
      if (this.groups[pool].finishWork(t)) this.answerNextWaiting(server);
    } else {
      this.gig!.finishWork(server, t);
      this.giveWorkOrIdle(server);
    }
    this.resolveOrFollowUp(e, pool, 1);
  }

  /**
   * A person's service of episode e's contact ended, in server pool `pool`
   * (a group's index, or groupCount for the gig pool): the problem is solved
   * with the type's first-contact resolution times the pool's factor and
   * `factor` (a chat's fcr_by_concurrency; 1 for one contact at a time),
   * capped at 1; otherwise the customer may come back.
   */
  private resolveOrFollowUp(e: number, pool: number, factor: number): void {
    const type = this.type[e];
    const router = this.router;
    const fcr = Math.min(1, this.fcr[type] * router.fcrFactor[pool * router.typeCount + type] * factor);
    if (fcr >= 1 || this.rngFcr.uniform() < fcr) this.endEpisode(e, RESOLVED_BY_HUMAN);
    else this.followUp(e);
  }

  private abandon(e: number): void {
    const t = this.now;
    const queue = this.queue;
    queue.remove(e);
    this.observations.queueChanged(t, queue.waiting);
    const joined = queue.joinedAt(e);
    const wait = t - joined;
    this.totalWait[e] += wait;
    this.observeAbandon(e, wait);
    this.retryOrGiveUp(e);
  }

  /** The contact abandoned (or was turned away) after `wait` minutes, counted in the hour it was offered in. */
  private observeAbandon(e: number, wait: number): void {
    const flags = this.flags[e];
    if (flags & COUNTED_CONTACT) {
      const handedOff = (flags & HANDED_OFF) !== 0;
      const hour = this.offeredHour[e];
      this.observations.abandon(wait, handedOff, hour);
      if (this.typeObservations !== null) this.typeObservations[this.type[e]].abandon(wait, handedOff, hour);
    }
  }

  /** The queue is full: the contact leaves at once, as an abandonment with no wait. */
  private turnAway(e: number): void {
    this.observations.turnedAway++;
    this.observeAbandon(e, 0);
    this.retryOrGiveUp(e);
  }

  private retryOrGiveUp(e: number): void {
    const t = this.now;
    if (
      this.retryProbability > 0 &&
      this.contacts[e] < this.maxContacts &&
      this.rngRetry.uniform() < this.retryProbability
    ) {
      this.state[e] = AWAY;
      this.events.scheduleFar(t + this.retryDelay.sample(this.rngRetry), FOLLOW_UP, e);
    } else {
      this.endEpisode(e, RESOLVED_BY_NOBODY);
    }
  }

  /** The contact ended without solving the problem: the customer may come back. */
  private followUp(e: number): void {
    const t = this.now;
    if (
      this.contacts[e] < this.maxContacts &&
      (this.repeatProbability >= 1 || this.rngRepeat.uniform() < this.repeatProbability)
    ) {
      this.state[e] = AWAY;
      this.events.scheduleFar(t + this.repeatDelay.sample(this.rngRepeat), FOLLOW_UP, e);
    } else {
      this.endEpisode(e, RESOLVED_BY_NOBODY);
    }
  }

  private endEpisode(e: number, resolvedBy: number): void {
    const t = this.now;
    if (this.flags[e] & COUNTED_EPISODE) {
      const h = this.history;
      h.resolvedBy = resolvedBy;
      h.totalWait = this.totalWait[e];
      h.contacts = this.contacts[e];
      h.aiFailedSensitive = (this.flags[e] & AI_FAILED_SENSITIVE) !== 0;
      const customers = this.scenario.customers;
      const resolved = resolvedBy !== RESOLVED_BY_NOBODY;
      const csat = satisfaction(customers.csat, h);
      const churn = churnProbability(customers.churn, h);
      this.observations.endEpisode(resolved, csat, churn);
      if (this.typeObservations !== null) this.typeObservations[this.type[e]].endEpisode(resolved, csat, churn);
      if (resolved) {
        const minutes = t - this.startedAt[e];
        const byAi = resolvedBy === RESOLVED_BY_AI;
        this.observations.resolvedAfter(minutes, byAi);
        if (this.typeObservations !== null) this.typeObservations[this.type[e]].resolvedAfter(minutes, byAi);
      }
    }
    this.state[e] = FREE;
    this.freeIds[this.freeCount++] = e;
  }

  private shift(hour: number): void {
    const t = this.now;
    this.groups.forEach((group, g) => {
      const added = group.setLevel(t, group.levelAt(hour % 24));
      for (let i = 0; i < added && this.answerNextWaiting(-1 - g); i++);
    });
    if (t + 60 < this.horizon) this.events.schedule(t + 60, SHIFT, hour + 1);
  }

  private allocEpisode(): number {
    if (this.freeCount === 0) this.growEpisodes(this.capacity * 2);
    return this.freeIds[--this.freeCount];
  }

  private growEpisodes(capacity: number): void {
    const old = this.capacity;
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(from: T, make: (n: number) => T): T => {
      const to = make(capacity);
      to.set(from);
      return to;
    };
    this.state = grow(this.state, (n) => new Uint8Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.type = grow(this.type, (n) => new Int32Array(n));
    this.contacts = grow(this.contacts, (n) => new Int32Array(n));
    this.totalWait = grow(this.totalWait, (n) => new Float64Array(n));
    this.startedAt = grow(this.startedAt, (n) => new Float64Array(n));
    this.offeredHour = grow(this.offeredHour, (n) => new Uint8Array(n));
    this.aiQueuedAt = grow(this.aiQueuedAt, (n) => new Float64Array(n));
    this.patienceLeft = grow(this.patienceLeft, (n) => new Float64Array(n));
    this.abandonTimer = grow(this.abandonTimer, (n) => new Float64Array(n));
    this.server = grow(this.server, (n) => new Int32Array(n));
    const free = new Int32Array(capacity);
    free.set(this.freeIds.subarray(0, this.freeCount));
    // New rows go on the free list highest first so low ids are used first.
    for (let id = capacity - 1; id >= old; id--) free[this.freeCount++] = id;
    this.freeIds = free;
    this.capacity = capacity;
    this.queue.grow(capacity);
  }

  private census(): Census {
    const census: Census = { aiWaiting: 0, inAi: 0, inHandoff: 0, queued: 0, inService: 0 };
    for (let e = 0; e < this.capacity; e++) {
      // An episode AWAY has no live contact: its last one already ended.
      if (!(this.flags[e] & COUNTED_CONTACT)) continue;
      switch (this.state[e]) {
        case AI_WAITING: census.aiWaiting++; break;
        case IN_AI: census.inAi++; break;
        case IN_HANDOFF: census.inHandoff++; break;
        case QUEUED: census.queued++; break;
        case IN_SERVICE: census.inService++; break;
      }
    }
    return census;
  }

  private physical(): Physical {
    return this.observations.physical(this.measuredTime(true));
  }

  /** The pools' time on the books; without `pools`, none (a ticket type's record: its costs are not split out). */
  private measuredTime(pools: boolean): MeasuredTime {
    const s = this.scenario;
    const gig = pools ? this.gig : null;
    const groups = pools ? this.groups : [];
    return {
      measuredDays: (s.horizon - s.warmup) / 1440,
      aiUsed: s.routing === 'human' ? 0 : 1,
      assistUsed: s.ai_assist ? 1 : 0,
      groupPaidHours: groups.map((pool) => pool.paidHours()),
      groupStaffedMinutes: groups.map((pool) => pool.staffedMinutes),
      groupBusyMinutes: groups.map((pool) => pool.busyMinutes),
      groupHeldMinutes: groups.map((pool) => (pool instanceof ChatAgents ? pool.heldMinutes : pool.busyMinutes)),
      groupSlotMinutes: groups.map((pool) => (pool instanceof ChatAgents ? pool.staffedMinutes * pool.slots : pool.staffedMinutes)),
      gigPaidHours: gig ? gig.paidMinutes / 60 : 0,
      gigBusyHours: gig ? gig.busyMinutes / 60 : 0,
      gigHeldMinutes: gig ? gig.heldMinutes : 0,
      gigSlotMinutes: gig ? gig.paidMinutes * gig.slots : 0,
      gigPaidUnits: gig ? gig.paidUnits : 0,
      gigCalls: gig ? gig.calls : 0,
      gigDeclines: gig ? gig.declines : 0,
      gigPayCv: gig ? gig.earningsVolatility() : 0,
    };
  }
}
