import { describe, expect, it } from 'vitest';
import { isQuarter, quarterOfDate, recentQuarters, shiftQuarter } from './quarters.js';

describe('quarters', () => {
  it('names, shifts and lists calendar quarters', () => {
    expect(quarterOfDate(new Date('2026-07-01T00:00:00Z'))).toBe('2026-Q3');
    expect(quarterOfDate(new Date('2026-06-30T23:59:59Z'))).toBe('2026-Q2');
    expect(shiftQuarter('2026-Q1', 1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', -1)).toBe('2026-Q1');
    expect(recentQuarters(new Date('2026-02-10T00:00:00Z'), 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(isQuarter('2026-Q3')).toBe(true);
    expect(isQuarter('2026-Q5')).toBe(false);
    expect(isQuarter(null)).toBe(false);
  });
});
