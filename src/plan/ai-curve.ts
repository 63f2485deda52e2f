// The AI's resolution month by month (plan.ai): interpolated between the
// months given, or a learning curve, or the scenario's own every month. It
// is applied by scaling every ticket type's ai_resolution by one factor, so
// the mix's share-weighted resolution is the month's value (a type capped at
// 1 leaves it lower: the applied value is what the report shows).

import type { PlanSection } from '../scenario/schema.js';
import type { TicketType } from '../scenario/types.js';
import { monthOrdinal } from './calendar.js';

type PlanAi = NonNullable<PlanSection>['ai'];

/** The target resolution in month `ordinal` (plan start `start`), or null when the plan leaves the AI as the scenario has it. */
export function targetResolution(ai: PlanAi, start: number, ordinal: number): number | null {
  if (ai.learning_curve) {
    const { start: from, limit, half_life: halfLife } = ai.learning_curve;
    return from + (limit - from) * (1 - 0.5 ** ((ordinal - start) / halfLife));
  }
  if (!ai.resolution_by_month) return null;
  const points = Object.entries(ai.resolution_by_month)
    .map(([label, value]) => [monthOrdinal(label), value] as const)
    .sort((a, b) => a[0] - b[0]);
  if (points.length === 0) return null;
  if (ordinal <= points[0][0]) return points[0][1];
  for (let i = 1; i < points.length; i++) {
    const [m1, v1] = points[i];
    if (ordinal <= m1) {
      const [m0, v0] = points[i - 1];
      return v0 + ((v1 - v0) * (ordinal - m0)) / (m1 - m0);
    }
  }
  return points[points.length - 1][1];
}

/** The share-weighted AI resolution of a ticket mix. */
export function mixResolution(types: readonly TicketType[]): number {
  return types.reduce((sum, t) => sum + t.share * t.ai_resolution, 0);
}

/** Each type's ai_resolution for a target mix resolution: scaled by one factor, at most 1 (all equal to the target when the mix has none). */
export function scaledResolutions(types: readonly TicketType[], target: number): number[] {
  const current = mixResolution(types);
  if (current === 0) return types.map(() => target);
  return types.map((t) => Math.min(1, t.ai_resolution * (target / current)));
}
