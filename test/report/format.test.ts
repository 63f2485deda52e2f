import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCount,
  formatDuration,
  formatEstimate,
  formatMinutes,
  formatMoney,
  formatPoints,
  formatShare,
  formatTargetShare,
  halfWidth,
  MINUS,
} from '../../src/report/format.js';

describe('number formatting for humans', () => {
  it('shows shares as percentages with one decimal and never a negative zero', () => {
    expect(formatShare(0.0523)).toBe('5.2%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatShare(-0.00001)).toBe('0.0%');
  });

  it('shows targets without useless decimals and differences in points', () => {
    expect(formatTargetShare(0.8)).toBe('80%');
    expect(formatTargetShare(0.825)).toBe('82.5%');
    expect(formatPoints(-0.021)).toBe('2.1 pts');
  });

  it('shows waits in seconds under a minute, m:ss under an hour, h:mm:ss, then days', () => {
    expect(formatMinutes(0)).toBe('0 s');
    expect(formatMinutes(0.07)).toBe('4.2 s');
    expect(formatMinutes(0.7)).toBe('42 s');
    expect(formatMinutes(0.999)).toBe('1:00');
    expect(formatMinutes(3.12)).toBe('3:07');
    expect(formatMinutes(62.12)).toBe('1:02:07');
    expect(formatMinutes(3 * 1440)).toBe('3.0 d');
  });

  it('shows durations in prose as seconds or whole minutes', () => {
    expect(formatDuration(1)).toBe('60 s');
    expect(formatDuration(1 / 3)).toBe('20 s');
    expect(formatDuration(5)).toBe('5 min');
    expect(formatDuration(2.5)).toBe('2:30');
  });

  it('shows money with cents when small, thousands separators, then M and B', () => {
    expect(formatMoney(1.234)).toBe('$1.23');
    expect(formatMoney(12_345.4)).toBe('$12,345');
    expect(formatMoney(999_999.7)).toBe('$1.00M');
    expect(formatMoney(2_940_000)).toBe('$2.94M');
    expect(formatMoney(1.5e9)).toBe('$1.50B');
    expect(formatMoney(48_213, 2_940_000, false)).toBe('0.05M');
  });

  it('shows counts with thousands separators and one decimal only for small fractions', () => {
    expect(formatCount(271_840.4)).toBe('271,840');
    expect(formatCount(2.5)).toBe('2.5');
    expect(formatCount(0)).toBe('0');
  });

  it('signs relative changes with a true minus', () => {
    expect(formatChange(-0.58)).toBe(`${MINUS}58%`);
    expect(formatChange(0.123)).toBe('+12%');
    expect(formatChange(0.001)).toBe('±0%');
  });

  it('formats an estimate as mean ± half-width in the units of its KPI', () => {
    expect(formatEstimate('share', { mean: 0.052, ci95: [0.049, 0.055] })).toBe('5.2% ± 0.3%');
    expect(formatEstimate('money', { mean: 2_940_000, ci95: [2_890_000, 2_990_000] })).toBe('$2.94M ± 0.05M');
    expect(formatEstimate('minutes', { mean: 3.12, ci95: [2.92, 3.32] })).toBe('3:07 ± 12 s');
    expect(formatEstimate('score', { mean: 4.213, ci95: [4.2, 4.226] })).toBe('4.21 ± 0.01');
    expect(formatEstimate('count', { mean: 12, ci95: [null, null] })).toBe('12');
    expect(halfWidth({ mean: 1, ci95: [null, null] })).toBeNull();
  });
});
