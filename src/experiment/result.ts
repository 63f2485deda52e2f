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
}

export interface RunReport {
  staffsim: string;
  scenario: { name: string; sha256: string };
  seed: number;
  replications: number;
  /** Measured window, days (horizon minus warm-up). */
  measured_days: number;
  service_level: { answer_within: number; target: number };
  strategies: StrategyResult[];
  /** Things a reader must know (unstable queue, one replication, ...). */
  warnings: string[];
}
