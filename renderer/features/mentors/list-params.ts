/**
 * The mentor directory's search, filters, sort and page, kept in the address so that going
 * back from a mentor returns to the same view.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { InputOf } from '../../../shared/api/index.js';

export const SORT_FIELDS = ['name', 'city', 'country'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const PAGE_SIZE = 25;

export interface MentorListParams {
  search: string;
  expertise: string | null;
  city: string | null;
  country: string | null;
  sort: { field: SortField; direction: 'asc' | 'desc' };
  page: number;
}

function parse(params: URLSearchParams): MentorListParams {
  const [field, direction] = (params.get('sort') ?? '').split('.');
  const sort =
    (SORT_FIELDS as readonly string[]).includes(field ?? '') && (direction === 'asc' || direction === 'desc')
      ? { field: field as SortField, direction: direction as 'asc' | 'desc' }
      : { field: 'name' as const, direction: 'asc' as const };
  return {
    search: params.get('q') ?? '',
    expertise: params.get('expertise') || null,
    city: params.get('city') || null,
    country: params.get('country') || null,
    sort,
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

function serialise(p: MentorListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.search) out.set('q', p.search);
  if (p.expertise) out.set('expertise', p.expertise);
  if (p.city) out.set('city', p.city);
  if (p.country) out.set('country', p.country);
  if (p.sort.field !== 'name' || p.sort.direction !== 'asc') out.set('sort', `${p.sort.field}.${p.sort.direction}`);
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

export function useMentorListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parse(searchParams), [searchParams]);
  const update = useCallback(
    (change: Partial<MentorListParams>) => {
      setSearchParams(
        (current) => {
          const next = { ...parse(current), ...change };
          if (change.page === undefined) next.page = 1;
          return serialise(next);
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return { params, update };
}

export function mentorListInput(p: MentorListParams): InputOf<'mentors.list'> {
  const filter: NonNullable<InputOf<'mentors.list'>['filter']> = {};
  if (p.expertise) filter.expertise = p.expertise;
  if (p.city) filter.city = p.city;
  if (p.country) filter.country = p.country;
  return {
    ...(p.search.trim() ? { search: p.search.trim() } : {}),
    ...(Object.keys(filter).length ? { filter } : {}),
    sort: p.sort,
    limit: PAGE_SIZE,
    offset: (p.page - 1) * PAGE_SIZE,
  };
}

export function hasMentorFilters(p: MentorListParams): boolean {
  return p.search.trim() !== '' || p.expertise !== null || p.city !== null || p.country !== null;
}
