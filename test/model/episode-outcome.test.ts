// Satisfaction and churn over episode histories: tables worked out by hand
// from the formulas in docs/model.md, each term switched on alone, then all
// together, then past the clamps. The weights are chosen so that no two terms
// can stand in for each other (a wrong term changes the figure).

import { describe, expect, it } from 'vitest';
import {
  churnProbability,
  RESOLVED_BY_AI,
  RESOLVED_BY_HUMAN,
  RESOLVED_BY_NOBODY,
  satisfaction,
  type EpisodeHistory,
} from '../../src/model/episode-outcome.js';
import type { ChurnModel, CsatModel } from '../../src/scenario/types.js';

const csat: CsatModel = {
  resolved_by_human: 4.6,
  resolved_by_ai: 4.2,
  unresolved: 2.5,
  per_wait_minute: 0.1,
  per_extra_contact: 0.3,
  ai_failed_sensitive: 0.7,
};
const churn: ChurnModel = { base: 0.01, unresolved: 0.2, per_extra_contact: 0.04, per_wait_minute: 0.002, ai_failed_sensitive: 0.1 };

const h = (resolvedBy: number, totalWait: number, contacts: number, aiFailedSensitive: boolean): EpisodeHistory => ({
  resolvedBy,
  totalWait,
  contacts,
  aiFailedSensitive,
});

describe('satisfaction', () => {
  const rows: [string, EpisodeHistory, number][] = [
    ['resolved by a human, first contact, no wait', h(RESOLVED_BY_HUMAN, 0, 1, false), 4.6],
    ['resolved by the AI, first contact', h(RESOLVED_BY_AI, 0, 1, false), 4.2],
    ['unresolved, first contact', h(RESOLVED_BY_NOBODY, 0, 1, false), 2.5],
    ['3 minutes of wait', h(RESOLVED_BY_HUMAN, 3, 1, false), 4.6 - 0.3],
    ['two extra contacts', h(RESOLVED_BY_HUMAN, 0, 3, false), 4.6 - 0.6],
    ['the AI failed on a sensitive ticket', h(RESOLVED_BY_HUMAN, 0, 1, true), 4.6 - 0.7],
    ['everything at once', h(RESOLVED_BY_AI, 2, 2, true), 4.2 - 0.2 - 0.3 - 0.7],
    ['unresolved after a long wait: clamped at 1', h(RESOLVED_BY_NOBODY, 30, 1, false), 1],
    ['just above the floor', h(RESOLVED_BY_NOBODY, 14, 1, false), 2.5 - 1.4],
  ];
  for (const [what, history, expected] of rows) {
    it(what, () => expect(satisfaction(csat, history)).toBeCloseTo(expected, 12));
  }

  it('is clamped at 5 above', () => {
    // Bases are at most 5 in a file; the clamp still holds for the function.
    expect(satisfaction({ ...csat, resolved_by_human: 6 }, h(RESOLVED_BY_HUMAN, 0, 1, false))).toBe(5);
    expect(satisfaction({ ...csat, resolved_by_human: 5 }, h(RESOLVED_BY_HUMAN, 0, 1, false))).toBe(5);
  });
});

describe('churn probability', () => {
  const rows: [string, EpisodeHistory, number][] = [
    ['resolved by a human, first contact, no wait: the base', h(RESOLVED_BY_HUMAN, 0, 1, false), 0.01],
    ['resolved by the AI: the base', h(RESOLVED_BY_AI, 0, 1, false), 0.01],
    ['unresolved', h(RESOLVED_BY_NOBODY, 0, 1, false), 0.21],
    ['10 minutes of wait', h(RESOLVED_BY_HUMAN, 10, 1, false), 0.03],
    ['two extra contacts', h(RESOLVED_BY_AI, 0, 3, false), 0.09],
    ['the AI failed on a sensitive ticket', h(RESOLVED_BY_HUMAN, 0, 1, true), 0.11],
    ['everything at once', h(RESOLVED_BY_NOBODY, 5, 4, true), 0.01 + 0.2 + 0.12 + 0.01 + 0.1],
    ['clamped at 1', h(RESOLVED_BY_NOBODY, 500, 4, true), 1],
  ];
  for (const [what, history, expected] of rows) {
    it(what, () => expect(churnProbability(churn, history)).toBeCloseTo(expected, 12));
  }

  it('is clamped at 0 below', () => {
    // No file gives a negative term; the clamp still holds for the function.
    expect(churnProbability({ ...churn, base: -0.05 }, h(RESOLVED_BY_HUMAN, 0, 1, false))).toBe(0);
    expect(churnProbability({ ...churn, base: 0 }, h(RESOLVED_BY_HUMAN, 0, 1, false))).toBe(0);
  });

  it('is zero when churn is off, whatever happened', () => {
    const off: ChurnModel = { base: 0, unresolved: 0, per_extra_contact: 0, per_wait_minute: 0, ai_failed_sensitive: 0 };
    expect(churnProbability(off, h(RESOLVED_BY_NOBODY, 60, 5, true))).toBe(0);
  });
});
