// The validation suite's fast subset, inside `npm test`: a few cases of the
// full grid (every queue model, one to a thousand agents), judged by exactly
// the rules `npm run validate` applies (src/experiment/validation.ts).

import { describe, expect, it } from 'vitest';
import {
  fastValidationCases,
  halfWidthRatio,
  judge,
  runValidationCases,
  TOO_WIDE_FACTOR,
} from '../../src/experiment/validation.js';

const cases = fastValidationCases();

// Each case runs inside its own test (not a beforeAll, whose timeout is a
// separate budget): a slow machine makes a case slower, never a hook fail.
describe('validation suite, fast subset', () => {
  for (const c of cases) {
    it(`${c.id}: every queue KPI agrees with the closed form, and Little's law holds on every replication`, async () => {
      const [r] = await runValidationCases([c]);
      const failed = r.checks.filter((k) => !k.pass).map((k) => `${k.kpi}: exact ${k.exact}, simulated ${k.mean} [${k.ci95.join(', ')}] (${k.verdict})`);
      expect(failed).toEqual([]);
      expect(r.checks.map((k) => k.kpi)).toEqual(['p_wait', 'abandon_rate', 'wait_mean', 'asa', 'service_level', 'utilization']);
      expect(r.contacts).toBeGreaterThanOrEqual(0.95 * c.replications * c.contactsPerReplication);
      expect(r.little.length).toBeGreaterThanOrEqual(r.case.replications);
      for (const l of r.little) expect(l.pass, `${c.id}: L ${l.queueLength} vs lambda W ${l.lambdaW}`).toBe(true);
    });
  }
});

describe('the rules', () => {
  const aht = 5;
  it('passes within 2% relative, or inside the interval', () => {
    expect(judge('wait_mean', 1, [1.015, 1.016, 1.017], aht).verdict).toBe('within tolerance');
    // 3% off, but the interval (half-width 0.038, under twice the 0.02 tolerance) contains 1.
    const spread = [0.98, 1.08, 0.98, 1.08, 0.98, 1.08, 0.98, 1.08, 0.98, 1.08];
    expect(judge('wait_mean', 1, spread, aht).verdict).toBe('inside CI');
  });

  it('uses an absolute floor near 0: 0.002 for probabilities, 0.002 handle times for waits', () => {
    expect(judge('p_wait', 0.0001, [0.0015, 0.0016, 0.0017], aht).verdict).toBe('within tolerance');
    expect(judge('wait_mean', 0.001, [0.009, 0.0095, 0.0099], aht).verdict).toBe('within tolerance');
    expect(judge('p_wait', 0.0001, [0.003, 0.0031, 0.0032], aht).verdict).toBe('outside');
  });

  it('fails a case whose interval is too wide to say anything, however close its mean', () => {
    const wide = judge('service_level', 0.8, [0.7, 0.8, 0.9], aht);
    expect(wide.verdict).toBe('CI too wide');
    expect(wide.pass).toBe(false);
    expect(halfWidthRatio(wide)).toBeGreaterThan(TOO_WIDE_FACTOR);
  });

  it('fails a sharp estimate that misses', () => {
    const miss = judge('utilization', 0.8, [0.85, 0.851, 0.852], aht);
    expect(miss.verdict).toBe('outside');
    expect(miss.pass).toBe(false);
  });
});
