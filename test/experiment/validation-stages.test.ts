// The validation suite's second stage: sized from the pilot's half-widths,
// and split into more replications when one horizon would pass the longest a
// scenario may hold (the suite then failed on its own slowest cases).

import { describe, expect, it } from 'vitest';
import { caseScenario, makeCase, secondStage, type KpiCheck } from '../../src/experiment/validation.js';
import { LIMITS } from '../../src/scenario/schema.js';

/** A check whose 95% half-width is `ratio` times its tolerance. */
const check = (ratio: number): KpiCheck => ({ ci95: [1 - ratio, 1 + ratio], tolerance: 1 }) as unknown as KpiCheck;

describe('validation second stage', () => {
  it('a sharp pilot needs none', () => {
    expect(secondStage(makeCase('M/M/c', 10, 0.5), [check(0.5)])).toBeNull();
  });

  it('scales the contacts by the square of the excess, on fresh replications', () => {
    const pilot = makeCase('M/M/c', 10, 0.5);
    const next = secondStage(pilot, [check(1.2)])!;
    // (1.2 / 0.6)^2 = 4 times the contacts (rounded up to whole contacts), in as many replications as the pilot.
    expect(next.replications).toBe(pilot.replications);
    expect(next.contactsPerReplication - 4 * pilot.contactsPerReplication).toBeGreaterThanOrEqual(0);
    expect(next.contactsPerReplication - 4 * pilot.contactsPerReplication).toBeLessThanOrEqual(1);
    expect(next.firstReplication).toBe(pilot.replications);
  });

  it('keeps the horizon within the scenario limit by adding replications, the contacts in all kept', () => {
    // One agent at load 0.5: 0.1 arrivals a minute, so 100 pilots' worth of contacts
    // (20M a replication) would need some 200M minutes, far past ten years.
    const pilot = makeCase('M/M/1', 1, 0.5);
    const next = secondStage(pilot, [check(100)])!;
    const total = pilot.contactsPerReplication * 100 * pilot.replications;
    expect(next.horizon).toBeLessThanOrEqual(LIMITS.duration_minutes);
    expect(next.replications).toBeGreaterThan(pilot.replications);
    expect(next.replications * next.contactsPerReplication).toBeGreaterThanOrEqual(total);
    expect(next.replications * next.contactsPerReplication).toBeLessThan(total + next.replications);
    expect(() => caseScenario(next)).not.toThrow();
  });
});
