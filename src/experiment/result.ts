// What a run produces and every report format consumes.

import type { Estimate, KpiName } from '../metrics/kpis.js';
import type { Routing } from '../scenario/types.js';
import type { AutoStaffing } from './auto-staffing.js';

export interface StrategyResult {
  name: string;
  routing: Routing;
  metrics: Record<KpiName, Estimate>;
  /** Present when the strategy's employees were staffed by `auto`: what was chosen. */
  staffing?: AutoStaffing;
  /**
   * Present when a queue of the strategy is predicted not to settle (its
   * offered load reaches its capacity and nobody waiting in it abandons): its
   * figures grow with the horizon, so the verdict must not recommend it.
   */
  unstable?: QueueName[];
}

/** The strategy's queues: the human queue and the AI line (ai.concurrency). */
export type QueueName = 'human' | 'ai';

/**
 * Something a reader must know about a run, as data: the JSON report carries
 * these records, and report/warnings.ts renders each as the sentence the
 * table, Markdown and stderr show. Figures are in the units named.
 */
export type Warning =
  | { code: 'one_replication'; replications: number }
  | {
      /** The work offered to humans reaches the agents available. */
      code: 'human_queue_overloaded';
      strategy: string;
      /** Erlangs offered to humans on average (first contacts, retries, repeats, hand-offs), were all answered. */
      offered_load: number;
      /** Employees on shift on average, net of shrinkage. */
      agents: number;
      /** Most gig workers the trigger can call in, in employee equivalents (0 without a gig pool). */
      gig_capacity: number;
      /** offered_load / (agents + gig_capacity); null when there is no capacity at all. */
      share: number | null;
      /** Whether customers abandon the queue (which then keeps it in check). */
      abandonment: boolean;
    }
  | {
      /** The conversations offered to the AI reach ai.concurrency; nobody leaves the AI's line. */
      code: 'ai_line_overloaded';
      strategy: string;
      /** Erlangs offered to the AI on average: conversations that would be in progress at once. */
      offered_load: number;
      /** ai.concurrency. */
      capacity: number;
      /** offered_load / capacity. */
      share: number;
    }
  | {
      /** The human queue hit the model's cap on waiting contacts. */
      code: 'queue_cap_reached';
      strategy: string;
      cap: number;
      /** Contacts turned away per replication, on average (counted as abandoned at once). */
      turned_away_per_replication: number;
    };

export type WarningCode = Warning['code'];

export interface RunReport {
  staffsim: string;
  scenario: { name: string; sha256: string };
  seed: number;
  replications: number;
  /** Measured window, days (horizon minus warm-up). */
  measured_days: number;
  service_level: { answer_within: number; target: number };
  strategies: StrategyResult[];
  /** Things a reader must know (unstable queue, one replication, ...), as records: report/warnings.ts words them. */
  warnings: Warning[];
}
