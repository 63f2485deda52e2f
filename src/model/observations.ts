// What one replication observed inside the measured window, as running
// counts and sums (memory does not grow with the horizon), handed at the end
// as a plain physical record to pricing.ts, which derives the KPIs.
//
// Contacts count in the window when they arrive in it; episodes when their
// first contact does. Episodes still open at the horizon are censored: they
// count in `episodes` but not in resolution, satisfaction or churn.

import { DOUBLE_ZERO } from '../engine/double-field.js';
import { QuantileSketch } from '../metrics/histogram.js';
import { TimeAverage } from './time-average.js';
import { HourlyObservations } from './hourly-observations.js';

/**
 * What the simulation measured beside the counters below, all physical:
 * time on the books, gig pay in the pay model's units (hours or tickets, see
 * gig-pool.ts), and whether the strategy used the AI at all.
 */
export interface MeasuredTime {
  measuredDays: number;
  /** 1 when the strategy routes anything to the AI (it then pays the platform), else 0. */
  aiUsed: number;
  /** 1 when human agents work with AI assistance (ai_assist: every contact they answer is assisted), else 0. */
  assistUsed: number;
  /** Per employee group, in file order: hours paid, minutes on shift, minutes busy. */
  groupPaidHours: number[];
  groupStaffedMinutes: number[];
  groupBusyMinutes: number[];
  /** Per employee group: contact-minutes held and slot-minutes staffed (minutes on shift × concurrency); busy and staffed minutes at concurrency 1. */
  groupHeldMinutes: number[];
  groupSlotMinutes: number[];
  gigPaidHours: number;
  gigBusyHours: number;
  /** Gig contact-minutes held and slot-minutes logged in (logged-in minutes × concurrency): gig_slot_occupancy. */
  gigHeldMinutes: number;
  gigSlotMinutes: number;
  gigPaidUnits: number;
  gigCalls: number;
  gigDeclines: number;
  /** CV of gig workers' daily pay units (the rate cancels in a CV). */
  gigPayCv: number;
}

/**
 * One replication's physical outcome: plain numbers (it crosses threads),
 * no money. src/model/pricing.ts turns it and the prices into every KPI.
 */
export interface Physical extends MeasuredTime {
  contacts: number;
  episodes: number;
  episodesEnded: number;
  episodesResolved: number;
  csatSum: number;
  churnExpected: number;
  aiConversations: number;
  aiContained: number;
  aiEscalated: number;
  aiWaitSum: number;
  /** AI conversations the customer left, neither resolved nor handed off (ai.abandon_probability). */
  aiAbandoned: number;
  /** Resolved episodes by resolver and the sums of their minutes from first arrival to resolution. */
  resolvedByAi: number;
  resolutionTimeAiSum: number;
  resolvedByHuman: number;
  resolutionTimeHumanSum: number;
  resolutionTimeP90: number;
  resolutionTimeP90Ai: number;
  resolutionTimeP90Human: number;
  offered: number;
  answered: number;
  /** Answered contacts whose service ended before the horizon, and their minutes from answer to end. */
  served: number;
  serviceMinutes: number;
  answeredByGig: number;
  /** Contacts answered by server pool: the employee groups in file order, then the gig pool. */
  answeredByPool: number[];
  abandoned: number;
  waited: number;
  answeredWithinTarget: number;
  waitSumAnswered: number;
  waitSumAbandoned: number;
  handoffWaits: number;
  handoffWaitSum: number;
  waitP90: number;
}

export class Observations {
  contacts = 0;
  episodes = 0;
  episodesEnded = 0;
  episodesResolved = 0;
  csatSum = DOUBLE_ZERO;
  churnExpected = DOUBLE_ZERO;

  aiConversations = 0;
  aiContained = 0;
  aiEscalated = 0;
  /** AI-only routing: the AI failed and nobody was behind it. */
  aiUnresolved = 0;
  /** Minutes AI conversations waited for a free slot (ai.concurrency). */
  aiWaitSum = DOUBLE_ZERO;
  /** The customer left the AI, neither resolved nor handed off. */
  aiAbandoned = 0;

  resolvedByAi = 0;
  resolutionTimeAiSum = DOUBLE_ZERO;
  resolvedByHuman = 0;
  resolutionTimeHumanSum = DOUBLE_ZERO;
  /**
   * Minutes from first arrival to resolution of the episodes the AI resolved
   * and of those a human resolved (resolution_time_p90_ai, _human). The
   * overall p90 is read from the two merged at the end (merging is exact),
   * so each resolution costs one add.
   */
  readonly resolutionTimesAi = new QuantileSketch();
  readonly resolutionTimesHuman = new QuantileSketch();

  offered = 0;
  answered = 0;
  served = 0;
  serviceMinutes = DOUBLE_ZERO;
  /** Contacts turned away because the human queue was at its cap (see MAX_WAITING). */
  turnedAway = 0;
  answeredByGig = 0;
  abandoned = 0;
  waited = 0;
  answeredWithinTarget = 0;
  waitSumAnswered = DOUBLE_ZERO;
  waitSumAbandoned = DOUBLE_ZERO;
  /** Finished waits (answered or abandoned) and their sum, of contacts handed off from the AI. */
  handoffWaits = 0;
  handoffWaitSum = DOUBLE_ZERO;
  readonly waits = new QuantileSketch();
  /** Contacts waiting for a person, averaged over the measured window (Little's L). */
  readonly queueLength: TimeAverage;
  /** The human queue hour of day by hour of day (by_hour), fed by offer, answer and abandon; null for a ticket type's own observations. */
  readonly hourly: HourlyObservations | null;

  /** Contacts answered, by server pool (employee groups in file order, then the gig pool). */
  readonly answeredByPool: Float64Array;

  constructor(
    private readonly answerWithin: number,
    windowStart = 0,
    windowEnd = Infinity,
    pools = 1,
    byHour = true,
  ) {
    this.queueLength = new TimeAverage(windowStart, windowEnd);
    this.hourly = byHour ? new HourlyObservations(answerWithin, windowStart, windowEnd) : null;
    this.answeredByPool = new Float64Array(pools);
  }

  /** The number of contacts waiting for a person became `waiting` at time t. */
  queueChanged(t: number, waiting: number): void {
    this.queueLength.set(t, waiting);
  }

  /** A counted contact reached the human queue at t; returns the hour of day its by-hour figures count it in (0 without them), for answer() or abandon(). */
  offer(t: number): number {
    this.offered++;
    return this.hourly === null ? 0 : this.hourly.offer(t);
  }

  /** An AI conversation started after `wait` minutes in the AI's line. */
  startAi(wait: number): void {
    this.aiConversations++;
    this.aiWaitSum += wait;
  }

  /** A contact offered to humans in hour of day `hour` (offer's answer) was answered after `wait` minutes, by a gig worker or an employee. */
  answer(wait: number, byGig: boolean, handedOff: boolean, hour: number): void {
    this.hourly?.answer(hour, wait);
    this.answered++;
    if (byGig) this.answeredByGig++;
    this.waitSumAnswered += wait;
    // A wait equal to the threshold is on time.
    if (wait <= this.answerWithin) this.answeredWithinTarget++;
    this.finishWait(wait, handedOff);
  }

  /** A counted contact's service ended `minutes` after a person answered it (time_in_service). */
  serviceEnded(minutes: number): void {
    this.served++;
    this.serviceMinutes += minutes;
  }

  /** A contact offered to humans in hour of day `hour` (offer's answer) abandoned after `wait` minutes. */
  abandon(wait: number, handedOff: boolean, hour: number): void {
    this.hourly?.abandon(hour, wait);
    this.abandoned++;
    this.waitSumAbandoned += wait;
    this.finishWait(wait, handedOff);
  }

  private finishWait(wait: number, handedOff: boolean): void {
    if (handedOff) {
      this.handoffWaits++;
      this.handoffWaitSum += wait;
    }
    if (wait === 0) this.waits.addZero();
    else {
      if (wait > 0) this.waited++;
      this.waits.add(wait);
    }
  }

  endEpisode(resolved: boolean, csat: number, churnProbability: number): void {
    this.episodesEnded++;
    if (resolved) this.episodesResolved++;
    this.csatSum += csat;
    this.churnExpected += churnProbability;
  }

  /** A counted episode ended resolved `minutes` after its first contact arrived, by the AI or by a human. */
  resolvedAfter(minutes: number, byAi: boolean): void {
    if (byAi) {
      this.resolvedByAi++;
      this.resolutionTimeAiSum += minutes;
      this.resolutionTimesAi.add(minutes);
    } else {
      this.resolvedByHuman++;
      this.resolutionTimeHumanSum += minutes;
      this.resolutionTimesHuman.add(minutes);
    }
  }

  /** Every resolved episode's minutes to resolution, AI and human together (a new sketch: end of run only). */
  resolutionTimes(): QuantileSketch {
    const all = new QuantileSketch();
    all.merge(this.resolutionTimesAi);
    all.merge(this.resolutionTimesHuman);
    return all;
  }

  /** The counters and `time` as one plain record, for pricing.ts. */
  physical(time: MeasuredTime): Physical {
    return {
      ...time,
      contacts: this.contacts,
      episodes: this.episodes,
      episodesEnded: this.episodesEnded,
      episodesResolved: this.episodesResolved,
      csatSum: this.csatSum,
      churnExpected: this.churnExpected,
      aiConversations: this.aiConversations,
      aiContained: this.aiContained,
      aiEscalated: this.aiEscalated,
      aiWaitSum: this.aiWaitSum,
      aiAbandoned: this.aiAbandoned,
      resolvedByAi: this.resolvedByAi,
      resolutionTimeAiSum: this.resolutionTimeAiSum,
      resolvedByHuman: this.resolvedByHuman,
      resolutionTimeHumanSum: this.resolutionTimeHumanSum,
      resolutionTimeP90: this.resolutionTimes().quantile(0.9),
      resolutionTimeP90Ai: this.resolutionTimesAi.quantile(0.9),
      resolutionTimeP90Human: this.resolutionTimesHuman.quantile(0.9),
      offered: this.offered,
      answered: this.answered,
      served: this.served,
      serviceMinutes: this.serviceMinutes,
      answeredByGig: this.answeredByGig,
      answeredByPool: Array.from(this.answeredByPool),
      abandoned: this.abandoned,
      waited: this.waited,
      answeredWithinTarget: this.answeredWithinTarget,
      waitSumAnswered: this.waitSumAnswered,
      waitSumAbandoned: this.waitSumAbandoned,
      handoffWaits: this.handoffWaits,
      handoffWaitSum: this.handoffWaitSum,
      waitP90: this.waits.quantile(0.9),
    };
  }
}
