import { describe, expect, it } from 'vitest';
import { clockTime, formatDuration, formatNumber, formatPercent } from './format';

describe('format', () => {
  it('durations: m:ss, h:mm:ss from one hour on, never negative', () => {
    expect(formatDuration(0, 'en')).toBe('0:00');
    expect(formatDuration(65, 'en')).toBe('1:05');
    expect(formatDuration(65.9, 'de')).toBe('1:05');
    expect(formatDuration(3_600, 'en')).toBe('1:00:00');
    expect(formatDuration(3_723, 'de')).toBe('1:02:03');
    expect(formatDuration(-5, 'en')).toBe('0:00');
    expect(formatDuration(12_000 * 60, 'en')).toBe('200:00:00');
  });

  it('numbers and percentages in the locale', () => {
    expect(formatNumber(2000, 'en')).toBe('2,000');
    expect(formatNumber(2000, 'de')).toBe('2.000');
    expect(formatNumber(7, 'de')).toBe('7');
    expect(formatPercent(75.4, 'en')).toBe('75%');
    expect(formatPercent(75.6, 'de')).toMatch(/^76\s%$/);
  });

  it('clock time: 24-hour with seconds', () => {
    const at = new Date(2026, 10, 22, 21, 5, 3).getTime();
    expect(clockTime(at, 'en')).toBe('21:05:03');
    expect(clockTime(at, 'de')).toBe('21:05:03');
  });
});
