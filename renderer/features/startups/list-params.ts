/**
 * The startups list's search, filters, sort and page, kept in the address so that going
 * back from a startup returns to the same view.
 */
import type { InputOf } from '../../../shared/api/index.js';
import { Sector, Stage } from '../../../shared/records/startups.js';
import * as address from '../../components/address-params.js';

export const SORT_FIELDS = ['name', 'stage', 'sector', 'foundedOn', 'createdAt', 'updatedAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

export interface StartupListParams {
  search: string;
  stage: Stage | null;
  sector: Sector | null;
  /** true: only women-led; false: only the others; null: all. */
  womenLed: boolean | null;
  cohortId: string | null;
  sort: address.Sort<SortField> | null;
  page: number;
  pageSize: number;
}

function parse(params: URLSearchParams): StartupListParams {
  const stage = Stage.safeParse(params.get('stage'));
  const sector = Sector.safeParse(params.get('sector'));
  const women = params.get('women');
  const cohort = params.get('cohort');
  const size = Number.parseInt(params.get('size') ?? '', 10);
  return {
    search: params.get('q') ?? '',
    stage: stage.success ? stage.data : null,
    sector: sector.success ? sector.data : null,
    womenLed: women === 'yes' ? true : women === 'no' ? false : null,
    cohortId: cohort && /^[0-9a-f-]{36}$/.test(cohort) ? cohort : null,
    sort: address.parseSort(params.get('sort'), SORT_FIELDS),
    page: address.parsePage(params.get('page')),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : 50,
  };
}

function serialise(p: StartupListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.search) out.set('q', p.search);
  if (p.stage) out.set('stage', p.stage);
  if (p.sector) out.set('sector', p.sector);
  if (p.womenLed !== null) out.set('women', p.womenLed ? 'yes' : 'no');
  if (p.cohortId) out.set('cohort', p.cohortId);
  if (p.sort) out.set('sort', address.serialiseSort(p.sort));
  if (p.page > 1) out.set('page', String(p.page));
  if (p.pageSize !== 50) out.set('size', String(p.pageSize));
  return out;
}

export function useStartupListParams() {
  return address.useAddressParams(parse, serialise);
}

export function listInput(p: StartupListParams): InputOf<'startups.list'> {
  const filter: NonNullable<InputOf<'startups.list'>['filter']> = {};
  if (p.stage) filter.stage = p.stage;
  if (p.sector) filter.sector = p.sector;
  if (p.womenLed !== null) filter.womenLed = p.womenLed;
  if (p.cohortId) filter.cohortId = p.cohortId;
  return {
    ...address.searchInput(p.search),
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(p.sort ? { sort: p.sort } : {}),
    limit: p.pageSize,
    offset: (p.page - 1) * p.pageSize,
  };
}

export function hasFilters(p: StartupListParams): boolean {
  return p.search.trim() !== '' || p.stage !== null || p.sector !== null || p.womenLed !== null || p.cohortId !== null;
}
