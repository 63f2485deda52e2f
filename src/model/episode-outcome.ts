// What an ended episode does to its customer: a satisfaction score (1-5) and
// a probability of leaving, both from the episode's whole history.
//
// Churn is kept as a probability rather than drawn: the expected churn and
// churn loss are the same, and their variance across replications is lower
// (conditional Monte Carlo), so confidence intervals are tighter for free.

import type { ChurnModel, CsatModel } from '../scenario/types.js';

export const RESOLVED_BY_NOBODY = 0;
export const RESOLVED_BY_AI = 1;
export const RESOLVED_BY_HUMAN = 2;

export interface EpisodeHistory {
  /** RESOLVED_BY_NOBODY, RESOLVED_BY_AI or RESOLVED_BY_HUMAN. */
  resolvedBy: number;
  /** Minutes waited in the human queue over all the episode's contacts. */
  totalWait: number;
  contacts: number;
  aiFailedSensitive: boolean;
}

export function satisfaction(model: CsatModel, history: EpisodeHistory): number {
  let score =
    history.resolvedBy === RESOLVED_BY_HUMAN
      ? model.resolved_by_human
      : history.resolvedBy === RESOLVED_BY_AI
        ? model.resolved_by_ai
        : model.unresolved;
  score -= model.per_wait_minute * history.totalWait;
  score -= model.per_extra_contact * (history.contacts - 1);
  if (history.aiFailedSensitive) score -= model.ai_failed_sensitive;
  return score < 1 ? 1 : score > 5 ? 5 : score;
}

export function churnProbability(model: ChurnModel, history: EpisodeHistory): number {
  let p = model.base;
  if (history.resolvedBy === RESOLVED_BY_NOBODY) p += model.unresolved;
  p += model.per_extra_contact * (history.contacts - 1);
  p += model.per_wait_minute * history.totalWait;
  if (history.aiFailedSensitive) p += model.ai_failed_sensitive;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
