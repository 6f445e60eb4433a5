import { describe, expect, it } from 'vitest';
import { quarterMonths } from './quarters.js';

describe('quarters', () => {
  it('gives the first days of a quarter’s first and last months in UTC', () => {
    expect(quarterMonths('2026-Q3').map((d) => d.toISOString())).toEqual(['2026-07-01T00:00:00.000Z', '2026-09-01T00:00:00.000Z']);
    expect(quarterMonths('2026-Q4').map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-10-01', '2026-12-01']);
  });
});
