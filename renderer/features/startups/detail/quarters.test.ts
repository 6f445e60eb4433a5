import { describe, expect, it } from 'vitest';
import { quarterOfDate, quarterSpan } from './quarters.js';

describe('quarters', () => {
  it('names the calendar quarter of a local date', () => {
    expect(quarterOfDate(new Date(2026, 0, 1))).toBe('2026-Q1');
    expect(quarterOfDate(new Date(2026, 8, 30))).toBe('2026-Q3');
    expect(quarterOfDate(new Date(2026, 11, 31))).toBe('2026-Q4');
  });

  it('spans a quarter from its first local midnight to the next quarter’s', () => {
    const span = quarterSpan('2026-Q4');
    expect(new Date(span.from).getMonth()).toBe(9);
    expect(new Date(span.to).getFullYear()).toBe(2027);
  });
});
