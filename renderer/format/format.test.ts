import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDateTime, formatPkr, formatUsd, formatTimeInZone, intlLocale } from './index.js';

describe('format', () => {
  const locale = intlLocale('en');

  it('formats rupees whole and dollars with cents only when present', () => {
    expect(formatPkr(locale, 1250000)).toMatch(/^Rs\s?1,250,000$/);
    expect(formatUsd(locale, 12500)).toBe('$12,500');
    expect(formatUsd(locale, 12500.5)).toBe('$12,500.50');
  });

  it('shows calendar dates as written, whatever the zone', () => {
    expect(formatCalendarDate(locale, '2026-07-31')).toContain('2026');
    expect(formatCalendarDate(locale, '2026-07-31')).toContain('31');
    expect(formatCalendarDate(locale, 'nonsense')).toBe('nonsense');
  });

  it('shows instants in a given zone', () => {
    const at = '2026-07-31T09:30:00Z';
    expect(formatDateTime(locale, at, 'Asia/Karachi')).toMatch(/2:30/);
    expect(formatDateTime(locale, at, 'Europe/London')).toMatch(/10:30/);
    expect(formatTimeInZone(locale, 'Europe/London', new Date(at))).toMatch(/10:30.*Europe\/London/);
  });
});
