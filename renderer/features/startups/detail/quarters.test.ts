import { describe, expect, it } from 'vitest';
import { previousQuarter, quarterOfDate, quarterSpan, recentQuarters } from './quarters.js';

describe('quarters', () => {
  it('names the calendar quarter of a date', () => {
    expect(quarterOfDate(new Date(2026, 0, 1))).toBe('2026-Q1');
    expect(quarterOfDate(new Date(2026, 8, 30))).toBe('2026-Q3');
    expect(quarterOfDate(new Date(2026, 11, 31))).toBe('2026-Q4');
  });

  it('steps back across years', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(recentQuarters(new Date(2026, 4, 10), 4)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3']);
  });

  it('spans a quarter from its first local midnight to the next quarter’s', () => {
    const span = quarterSpan('2026-Q4');
    expect(new Date(span.from).getMonth()).toBe(9);
    expect(new Date(span.to).getFullYear()).toBe(2027);
  });
});
