import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatDateTime,
  formatNumericDate,
  formatPkr,
  formatTime,
  formatTimeInZone,
  formatUsd,
  intlLocale,
  isIsoDate,
  parseTypedDate,
  parseTypedTime,
  todayIso,
} from './index.js';

describe('format', () => {
  const locale = intlLocale('en');

  it('formats rupees whole and dollars with cents only when present', () => {
    expect(formatPkr(locale, 1250000)).toMatch(/^Rs\s?1,250,000$/);
    expect(formatUsd(locale, 12500)).toBe('$12,500');
    expect(formatUsd(locale, 12500.5)).toBe('$12,500.50');
  });

  it('shows calendar dates day first, whatever the zone', () => {
    expect(formatCalendarDate(locale, '2026-11-28')).toBe('28 Nov 2026');
    expect(formatCalendarDate(locale, '2026-07-01')).toBe('1 Jul 2026');
    expect(formatCalendarDate(locale, 'nonsense')).toBe('nonsense');
    expect(formatNumericDate('2026-11-28')).toBe('28/11/2026');
    expect(formatNumericDate('2026-02-30')).toBe('2026-02-30');
  });

  it('shows instants in a given zone on a 24-hour clock', () => {
    const at = '2026-07-31T09:30:00Z';
    expect(formatDateTime(locale, at, 'Asia/Karachi')).toBe('31 Jul 2026, 14:30');
    expect(formatDateTime(locale, at, 'Europe/London')).toBe('31 Jul 2026, 10:30');
    expect(formatTime(locale, at, 'Asia/Karachi')).toBe('14:30');
    expect(formatTimeInZone(locale, 'Europe/London', new Date(at))).toBe('10:30 (Europe/London)');
  });

  it('reads dates typed day first, and only dates that exist', () => {
    expect(parseTypedDate('28/11/2026')).toBe('2026-11-28');
    expect(parseTypedDate(' 8/1/2026 ')).toBe('2026-01-08');
    expect(parseTypedDate('28-11-2026')).toBe('2026-11-28');
    expect(parseTypedDate('28.11.2026')).toBe('2026-11-28');
    expect(parseTypedDate('2026-11-28')).toBe('2026-11-28');
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
    expect(parseTypedDate('29/02/2026')).toBeNull();
    expect(parseTypedDate('11/28/2026')).toBeNull();
    expect(parseTypedDate('28/11/26')).toBeNull();
    expect(parseTypedDate('28/11')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
    expect(isIsoDate('2026-11-28')).toBe(true);
    expect(isIsoDate('2026-11-31')).toBe(false);
    expect(isIsoDate('28/11/2026')).toBe(false);
  });

  it('reads times typed on a 24-hour clock', () => {
    expect(parseTypedTime('9:30')).toBe('09:30');
    expect(parseTypedTime('0930')).toBe('09:30');
    expect(parseTypedTime('23.59')).toBe('23:59');
    expect(parseTypedTime('24:00')).toBeNull();
    expect(parseTypedTime('9')).toBeNull();
  });

  it('gives today in the viewer’s zone', () => {
    expect(todayIso(new Date(2026, 6, 5))).toBe('2026-07-05');
  });
});
