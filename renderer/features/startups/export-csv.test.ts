import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Startup } from '../../../shared/records/startups.js';
import { exportFileName, fetchAllStartups, startupsCsv } from './export-csv.js';

const t = ((key: string) => key.split('.').pop()) as unknown as TFunction;

function startup(n: number, extra: Partial<Startup> = {}): Startup {
  return {
    id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    centreId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deleted: false,
    name: `Startup ${n}`,
    sector: 'fintech',
    stage: 'applied',
    cohortId: null,
    foundedOn: null,
    website: null,
    description: null,
    womenLed: false,
    city: null,
    contactEmail: null,
    contactPhone: null,
    registrationNo: null,
    ...extra,
  };
}

describe('startups CSV export', () => {
  it('pages through the list 1000 at a time with the same query', async () => {
    const all = Array.from({ length: 2345 }, (_, i) => startup(i));
    const calls: { offset?: number; limit?: number; search?: string }[] = [];
    const rows = await fetchAllStartups(
      async (input) => {
        calls.push({ offset: input.offset, limit: input.limit, search: input.search });
        const offset = input.offset ?? 0;
        return { items: all.slice(offset, offset + (input.limit ?? 50)), total: all.length, offset, limit: input.limit ?? 50 };
      },
      { search: 'pay', limit: 25, offset: 50 },
    );
    expect(rows).toHaveLength(2345);
    expect(calls).toEqual([
      { offset: 0, limit: 1000, search: 'pay' },
      { offset: 1000, limit: 1000, search: 'pay' },
      { offset: 2000, limit: 1000, search: 'pay' },
    ]);
  });

  it('escapes commas, quotes, line breaks and formulae', () => {
    const csv = startupsCsv(
      t,
      [startup(1, { name: 'Chai, "Cloud"', city: 'Line\nbreak', registrationNo: '=1+2' })],
      ['name', 'city', 'registrationNo', 'womenLed'],
      new Map(),
    );
    expect(csv).toBe('name,city,registrationNo,womenLedShort\r\n"Chai, ""Cloud""","Line\nbreak","\'=1+2",no');
  });

  it('names the file by the local date', () => {
    expect(exportFileName(new Date(2026, 6, 5))).toBe('startups-2026-07-05.csv');
  });
});
