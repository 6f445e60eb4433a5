import { describe, expect, it } from 'vitest';
import {
  isQuarter,
  parseQuarter,
  quarterLabel,
  quarterLastDay,
  quarterMonths,
  quarterOf,
  quarterRange,
  recentQuarters,
  shiftQuarter,
  yearStart,
} from './quarters.js';

describe('quarters', () => {
  it('gives a quarter’s dates, last day and months, across a year end', () => {
    expect(quarterRange('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-10-01' });
    expect(quarterRange('2026-Q4')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(quarterLastDay('2026-Q3')).toBe('2026-09-30');
    expect(quarterLastDay('2024-Q1')).toBe('2024-03-31');
    expect(quarterLastDay('2026-Q4')).toBe('2026-12-31');
    expect(quarterMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('names the quarter of a date or an instant (UTC), checks, shifts and lists keys', () => {
    expect(quarterOf('2026-07-01')).toBe('2026-Q3');
    expect(quarterOf('2026-06-30T23:59:59.999Z')).toBe('2026-Q2');
    expect(quarterOf(new Date('2026-12-31T23:30:00Z').toISOString())).toBe('2026-Q4');
    expect(isQuarter('2026-Q3')).toBe(true);
    expect(isQuarter('2026-Q5')).toBe(false);
    expect(isQuarter(null)).toBe(false);
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftQuarter('2026-Q3', -8)).toBe('2024-Q3');
    expect(recentQuarters('2026-Q1', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(() => quarterRange('2026-Q5')).toThrow(/Not a quarter/);
  });

  it('labels calendar and fiscal quarters, and starts their years in January or July', () => {
    expect(quarterLabel('2026-Q3', 'calendar')).toBe('2026-Q3 (Jul–Sep 2026)');
    expect(quarterLabel('2026-Q3', 'pk-fiscal')).toBe('FY2026-27 Q1 (Jul–Sep 2026)');
    expect(quarterLabel('2027-Q2', 'pk-fiscal')).toBe('FY2026-27 Q4 (Apr–Jun 2027)');
    expect(quarterLabel('2026-Q4', 'pk-fiscal')).toBe('FY2026-27 Q2 (Oct–Dec 2026)');
    expect(yearStart('2026-Q3', 'calendar')).toBe('2026-01-01');
    expect(yearStart('2026-Q3', 'pk-fiscal')).toBe('2026-07-01');
    expect(yearStart('2027-Q1', 'pk-fiscal')).toBe('2026-07-01');
  });

  it('reads quarters as staff type them, fiscal ones included', () => {
    expect(parseQuarter(' 2026-Q3 ')).toBe('2026-Q3');
    expect(parseQuarter('FY2027-Q1')).toBe('2026-Q3');
    expect(parseQuarter('fy2027-q2')).toBe('2026-Q4');
    expect(parseQuarter('FY2027-Q3')).toBe('2027-Q1');
    expect(parseQuarter('FY2027-Q4')).toBe('2027-Q2');
    expect(parseQuarter('2026 Q3')).toBeNull();
    expect(parseQuarter('2026-Q5')).toBeNull();
  });
});
