import { describe, expect, it } from 'vitest';
import { verdict } from '../../src/report/verdict.js';
import { fixtureReport, onlyStrategies, withMean } from './fixture.js';

describe('verdict', () => {
  it('picks the cheapest strategy meeting the target and says what it gives up against the best for customers', () => {
    expect(verdict(fixtureReport())).toBe(
      'hybrid is cheapest meeting the 80% in 60 s target (81.2% in time): $1.40M total vs $2.78M for all-human (−50%), ' +
        'at CSAT 4.21 vs 4.35, 1.6 pts lower resolution and 0.4 pts more churn.',
    );
  });

  it('counts a strategy that offers nothing to humans as meeting the target, saying it has no queue', () => {
    const report = withMean(fixtureReport(), 'hybrid', 'service_level', 0.75);
    expect(verdict(report)).toMatch(/^all-ai is cheapest meeting the 80% in 60 s target \(no queue: nothing goes to humans\): \$1\.95M total vs \$2\.78M for all-human/);
  });

  it('says when only one strategy meets the target', () => {
    const report = onlyStrategies(withMean(fixtureReport(), 'hybrid', 'service_level', 0.75), 'all-human', 'hybrid');
    expect(verdict(report)).toMatch(/^all-human is the only strategy meeting the 80% in 60 s target \(83\.6% in time\): \$2\.78M total vs \$1\.40M for hybrid \(\+99%\)/);
  });

  it('names the strategy with the highest service level and its cost when none meets the target', () => {
    let report = onlyStrategies(fixtureReport(), 'all-human', 'hybrid');
    report = withMean(withMean(report, 'all-human', 'service_level', 0.71), 'hybrid', 'service_level', 0.64);
    expect(verdict(report)).toBe(
      'No strategy meets the 80% in 60 s target; the closest is all-human with 71.0% answered within 60 s, at $2.78M total.',
    );
  });

  it('handles a single strategy that meets the target', () => {
    expect(verdict(onlyStrategies(fixtureReport(), 'hybrid'))).toBe(
      'hybrid meets the 80% in 60 s target (81.2% in time) at $1.40M total; there is no other strategy to compare.',
    );
  });

  it('handles a single strategy that misses the target', () => {
    const report = withMean(onlyStrategies(fixtureReport(), 'all-human'), 'all-human', 'service_level', 0.5);
    expect(verdict(report)).toBe('all-human misses the 80% in 60 s target: 50.0% answered within 60 s, at $2.78M total.');
  });

  it('handles no strategy at all', () => {
    expect(verdict(onlyStrategies(fixtureReport()))).toBe('No strategy was run.');
  });

  it('says when the pick gives nothing up', () => {
    let report = withMean(fixtureReport(), 'hybrid', 'csat', 4.4);
    report = withMean(withMean(report, 'hybrid', 'churn_rate', 0.01), 'hybrid', 'resolved_rate', 0.947);
    expect(verdict(report)).toBe(
      'hybrid is cheapest meeting the 80% in 60 s target (81.2% in time): $1.40M total vs $2.78M for all-human (−50%), ' +
        'at CSAT 4.40 vs 4.35, the same resolution and 0.2 pts less churn.',
    );
  });
});
