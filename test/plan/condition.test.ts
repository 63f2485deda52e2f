// Rule conditions and changes: what they accept, what they mean.

import { describe, expect, it } from 'vitest';
import { applyChange, parseChange } from '../../src/plan/changes.js';
import { ConditionError, holds, parseCondition } from '../../src/plan/condition.js';
import { scaledResolutions, targetResolution } from '../../src/plan/ai-curve.js';
import { monthOrdinal } from '../../src/plan/calendar.js';

describe('rule conditions', () => {
  it('compare a figure with a number; `and` binds tighter than `or`', () => {
    const c = parseCondition('csat < 4.0 or service_level < 0.8 and churned >= 10');
    expect(holds(c, { csat: 3.9, service_level: 0.9, churned: 0 })).toBe(true);
    expect(holds(c, { csat: 4.1, service_level: 0.7, churned: 10 })).toBe(true);
    expect(holds(c, { csat: 4.1, service_level: 0.7, churned: 9 })).toBe(false);
    expect(holds(parseCondition('csat<=4'), { csat: 4 })).toBe(true);
    expect(holds(parseCondition('csat != 4'), { csat: 4 })).toBe(false);
  });

  it('refuse unknown figures and unreadable tests', () => {
    expect(() => parseCondition('cast < 4')).toThrow(new ConditionError('unknown figure `cast`'));
    expect(() => parseCondition('csat < four')).toThrow(ConditionError);
    expect(() => parseCondition('  ')).toThrow('the condition is empty');
  });
});

describe('rule changes', () => {
  it('scale by a percentage, add an amount, or set a value; lists level by level; never below 0', () => {
    expect(applyChange(20, parseChange('+10%'))).toBeCloseTo(22, 12);
    expect(applyChange(20, parseChange('-5'))).toBe(15);
    expect(applyChange(20, parseChange('-50'))).toBe(0);
    expect(applyChange([10, 20], parseChange('+50%'))).toEqual([15, 30]);
    expect(applyChange(20, parseChange(7))).toBe(7);
    expect(applyChange('auto', parseChange('+10%'))).toBeNull();
  });
});

describe('the AI curve', () => {
  const start = monthOrdinal('2024-01');
  it('interpolates between the months given and holds outside them', () => {
    const ai = { resolution_by_month: { '2024-03': 0.5, '2024-07': 0.7 } };
    expect([0, 2, 3, 6, 9].map((m) => targetResolution(ai, start, start + m))).toEqual([0.5, 0.5, 0.55, 0.7, 0.7].map((x) => expect.closeTo(x, 12)));
  });

  it('or follows a learning curve: half the gap closed each half-life', () => {
    const ai = { learning_curve: { start: 0.4, limit: 0.8, half_life: 3 } };
    expect(targetResolution(ai, start, start)).toBe(0.4);
    expect(targetResolution(ai, start, start + 3)).toBeCloseTo(0.6, 12);
    expect(targetResolution(ai, start, start + 6)).toBeCloseTo(0.7, 12);
  });

  it('scales every type by one factor, at most 1', () => {
    const types = [{ share: 0.5, ai_resolution: 0.8 }, { share: 0.5, ai_resolution: 0.4 }] as unknown as Parameters<typeof scaledResolutions>[0];
    expect(scaledResolutions(types, 0.3)).toEqual([0.4, 0.2].map((x) => expect.closeTo(x, 12)));
    expect(scaledResolutions(types, 0.9)).toEqual([1, 0.6].map((x) => expect.closeTo(x, 12)));
  });
});
