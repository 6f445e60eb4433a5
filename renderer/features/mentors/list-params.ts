/**
 * The mentor directory's search, filters, sort and page, kept in the address so that going
 * back from a mentor returns to the same view.
 */
import type { InputOf } from '../../../shared/api/index.js';
import * as address from '../../components/address-params.js';

export const SORT_FIELDS = ['name', 'city', 'country'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const PAGE_SIZE = 25;
const BY_NAME: address.Sort<SortField> = { field: 'name', direction: 'asc' };

export interface MentorListParams {
  search: string;
  expertise: string | null;
  city: string | null;
  country: string | null;
  sort: address.Sort<SortField>;
  page: number;
}

function parse(params: URLSearchParams): MentorListParams {
  return {
    search: params.get('q') ?? '',
    expertise: params.get('expertise') || null,
    city: params.get('city') || null,
    country: params.get('country') || null,
    sort: address.parseSort(params.get('sort'), SORT_FIELDS) ?? BY_NAME,
    page: address.parsePage(params.get('page')),
  };
}

function serialise(p: MentorListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.search) out.set('q', p.search);
  if (p.expertise) out.set('expertise', p.expertise);
  if (p.city) out.set('city', p.city);
  if (p.country) out.set('country', p.country);
  if (p.sort.field !== BY_NAME.field || p.sort.direction !== BY_NAME.direction) out.set('sort', address.serialiseSort(p.sort));
  if (p.page > 1) out.set('page', String(p.page));
  return out;
}

export function useMentorListParams() {
  return address.useAddressParams(parse, serialise);
}

export function mentorListInput(p: MentorListParams): InputOf<'mentors.list'> {
  const filter: NonNullable<InputOf<'mentors.list'>['filter']> = {};
  if (p.expertise) filter.expertise = p.expertise;
  if (p.city) filter.city = p.city;
  if (p.country) filter.country = p.country;
  return {
    ...address.searchInput(p.search),
    ...(Object.keys(filter).length ? { filter } : {}),
    sort: p.sort,
    limit: PAGE_SIZE,
    offset: (p.page - 1) * PAGE_SIZE,
  };
}

export function hasMentorFilters(p: MentorListParams): boolean {
  return p.search.trim() !== '' || p.expertise !== null || p.city !== null || p.country !== null;
}
