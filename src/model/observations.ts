// What one replication observed inside the measured window, as running
// counts and sums (memory does not grow with the horizon), and the KPI values
// derived from them at the end.
//
// Contacts count in the window when they arrive in it; episodes when their
// first contact does. Episodes still open at the horizon are censored: they
// count in `episodes` but not in resolution, satisfaction or churn.

import { QuantileSketch } from '../metrics/histogram.js';
import type { KpiValues } from '../metrics/kpis.js';
import { TimeAverage } from './time-average.js';
import { HourlyObservations } from './hourly-observations.js';

export interface CostInputs {
  employeePaidHours: number;
  employeeHourlyCost: number;
  aiCostPerConversation: number;
  aiPlatformCostPerDay: number;
  measuredDays: number;
  lifetimeValue: number;
  employeeStaffedMinutes: number;
  employeeBusyMinutes: number;
  gigPaidHours: number;
  gigBusyHours: number;
  gigEarnings: number;
  gigCalls: number;
  gigDeclines: number;
  gigEarningsCv: number;
  transitionCost: number;
}

export class Observations {
  contacts = 0;
  episodes = 0;
  episodesEnded = 0;
  episodesResolved = 0;
  csatSum = 0;
  churnExpected = 0;

  aiConversations = 0;
  aiContained = 0;
  aiEscalated = 0;
  /** AI-only routing: the AI failed and nobody was behind it. */
  aiUnresolved = 0;
  /** Minutes AI conversations waited for a free slot (ai.concurrency). */
  aiWaitSum = 0;

  offered = 0;
  answered = 0;
  /** Contacts turned away because the human queue was at its cap (see MAX_WAITING). */
  turnedAway = 0;
  answeredByGig = 0;
  abandoned = 0;
  waited = 0;
  answeredWithinTarget = 0;
  waitSumAnswered = 0;
  waitSumAbandoned = 0;
  /** Finished waits (answered or abandoned) and their sum, of contacts handed off from the AI. */
  handoffWaits = 0;
  handoffWaitSum = 0;
  readonly waits = new QuantileSketch();
  /** Contacts waiting for a person, averaged over the measured window (Little's L). */
  readonly queueLength: TimeAverage;
  /** The human queue hour of day by hour of day (by_hour), fed by offer, answer and abandon. */
  readonly hourly: HourlyObservations;

  constructor(
    private readonly answerWithin: number,
    windowStart = 0,
    windowEnd = Infinity,
  ) {
    this.queueLength = new TimeAverage(windowStart, windowEnd);
    this.hourly = new HourlyObservations(answerWithin, windowStart, windowEnd);
  }

  /** The number of contacts waiting for a person became `waiting` at time t. */
  queueChanged(t: number, waiting: number): void {
    this.queueLength.set(t, waiting);
  }

  /** A counted contact reached the human queue at t. */
  offer(t: number): void {
    this.offered++;
    this.hourly.offer(t);
  }

  /** An AI conversation started after `wait` minutes in the AI's line. */
  startAi(wait: number): void {
    this.aiConversations++;
    this.aiWaitSum += wait;
  }

  /** A contact offered to humans at `offeredAt` was answered after `wait` minutes, by a gig worker or an employee. */
  answer(wait: number, byGig: boolean, handedOff: boolean, offeredAt: number): void {
    this.hourly.answer(offeredAt, wait);
    this.answered++;
    if (byGig) this.answeredByGig++;
    this.waitSumAnswered += wait;
    // A wait equal to the threshold is on time.
    if (wait <= this.answerWithin) this.answeredWithinTarget++;
    this.finishWait(wait, handedOff);
  }

  /** A contact offered to humans at `offeredAt` abandoned after `wait` minutes. */
  abandon(wait: number, handedOff: boolean, offeredAt: number): void {
    this.hourly.abandon(offeredAt, wait);
    this.abandoned++;
    this.waitSumAbandoned += wait;
    this.finishWait(wait, handedOff);
  }

  private finishWait(wait: number, handedOff: boolean): void {
    if (wait > 0) this.waited++;
    if (handedOff) {
      this.handoffWaits++;
      this.handoffWaitSum += wait;
    }
    this.waits.add(wait);
  }

  endEpisode(resolved: boolean, csat: number, churnProbability: number): void {
    this.episodesEnded++;
    if (resolved) this.episodesResolved++;
    this.csatSum += csat;
    this.churnExpected += churnProbability;
  }

  kpis(costs: CostInputs): KpiValues {
    const finishedWaits = this.answered + this.abandoned;
    const employeeCost = costs.employeePaidHours * costs.employeeHourlyCost;
    const aiCost =
      this.aiConversations * costs.aiCostPerConversation + costs.aiPlatformCostPerDay * costs.measuredDays;
    const operating = employeeCost + aiCost + costs.gigEarnings;
    const churnLoss = this.churnExpected * costs.lifetimeValue;
    return {
      contacts: this.contacts,
      episodes: this.episodes,
      resolved_rate: ratio(this.episodesResolved, this.episodesEnded),
      ai_containment: ratio(this.aiContained, this.contacts),
      escalation_rate: ratio(this.aiEscalated, this.aiConversations),
      ai_wait_mean: ratio(this.aiWaitSum, this.aiConversations),
      offered_to_humans: this.offered,
      abandon_rate: ratio(this.abandoned, this.offered),
      p_wait: ratio(this.waited, this.offered),
      wait_mean: ratio(this.waitSumAnswered + this.waitSumAbandoned, finishedWaits),
      handoff_wait_mean: ratio(this.handoffWaitSum, this.handoffWaits),
      direct_wait_mean: ratio(this.waitSumAnswered + this.waitSumAbandoned - this.handoffWaitSum, finishedWaits - this.handoffWaits),
      asa: ratio(this.waitSumAnswered, this.answered),
      wait_p90: this.waits.quantile(0.9),
      service_level: ratio(this.answeredWithinTarget, this.offered),
      csat: ratio(this.csatSum, this.episodesEnded),
      churn_rate: ratio(this.churnExpected, this.episodesEnded),
      cost_operating: operating,
      cost_employees: employeeCost,
      cost_gig: costs.gigEarnings,
      cost_ai: aiCost,
      cost_churn: churnLoss,
      cost_total: operating + churnLoss,
      cost_per_contact: ratio(operating, this.contacts),
      cost_per_resolution: ratio(operating, this.episodesResolved),
      cost_transition: costs.transitionCost,
      utilization: utilization(costs.employeeBusyMinutes, costs.employeeStaffedMinutes),
      employee_share: ratio(this.answered - this.answeredByGig, this.answered),
      gig_share: ratio(this.answeredByGig, this.answered),
      gig_hours: costs.gigPaidHours,
      gig_busy_hours: costs.gigBusyHours,
      gig_earnings_per_hour: ratio(costs.gigEarnings, costs.gigPaidHours),
      gig_earnings_per_busy_hour: ratio(costs.gigEarnings, costs.gigBusyHours),
      gig_decline_rate: ratio(costs.gigDeclines, costs.gigCalls),
      gig_earnings_cv: costs.gigEarningsCv,
    };
  }
}

/**
 * How far above 1 busy / staffed time may come by rounding alone: both are
 * sums of many clipped intervals of floating-point times, so the ratio of a
 * fully busy pool can land a few ulps above 1 (relative error ~1e-12 over a
 * year of minutes). Anything beyond is a bug in the bookkeeping.
 */
export const UTILIZATION_ROUNDING = 1e-9;

/** Employees' busy time over staffed time: over 1 only by rounding, which is clamped; more is refused. */
export function utilization(busyMinutes: number, staffedMinutes: number): number {
  const raw = ratio(busyMinutes, staffedMinutes);
  if (raw > 1 + UTILIZATION_ROUNDING) {
    throw new Error(`employees were busy ${busyMinutes} minutes of ${staffedMinutes} staffed: busy time exceeds staffed time`);
  }
  return Math.min(1, raw);
}

/** A share or mean whose denominator may be zero: a KPI that does not apply is 0 (DESIGN.md). */
function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}
