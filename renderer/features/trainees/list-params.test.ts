import { describe, expect, it } from 'vitest';
import { emptyListParams, hasFilters, listQuery, parseListParams, serialiseListParams } from './list-params.js';

const parse = (query: string) => parseListParams(new URLSearchParams(query));

describe('trainee list sort in the address', () => {
  it('reads a known field and direction, and falls back to name A to Z otherwise', () => {
    expect(parse('sort=name.desc').sort).toEqual({ field: 'name', direction: 'desc' });
    expect(parse('sort=city.asc').sort).toEqual({ field: 'city', direction: 'asc' });
    expect(parse('sort=updatedAt.desc').sort).toEqual({ field: 'updatedAt', direction: 'desc' });
    for (const bad of ['', 'sort=cnic.asc', 'sort=name', 'sort=name.up', 'sort=.desc']) {
      expect(parse(bad).sort, bad).toEqual({ field: 'name', direction: 'asc' });
    }
  });

  it('round-trips, leaving the default order out of the address and out of the call', () => {
    const sorted = { ...emptyListParams, city: 'Lahore', sort: { field: 'city', direction: 'desc' } } as const;
    expect(serialiseListParams(sorted).toString()).toBe('city=Lahore&sort=city.desc');
    expect(parseListParams(serialiseListParams(sorted))).toEqual(sorted);
    expect(serialiseListParams(emptyListParams).toString()).toBe('');
    expect(listQuery(emptyListParams)).toEqual({});
    expect(listQuery(sorted)).toEqual({ filter: { city: 'Lahore' }, sort: { field: 'city', direction: 'desc' } });
  });

  it('does not count a sort as a filter', () => {
    expect(hasFilters({ ...emptyListParams, sort: { field: 'name', direction: 'desc' } })).toBe(false);
    expect(hasFilters({ ...emptyListParams, search: 'ali' })).toBe(true);
  });
});
