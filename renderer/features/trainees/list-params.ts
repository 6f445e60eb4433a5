/**
 * The trainees list's search, filters and sort, kept in the address so that going back from
 * a trainee returns to the same view (and a view can be bookmarked).
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { InputOf } from '../../../shared/api/index.js';
import { Gender, Id } from '../../../shared/records/base.js';
import { EnrolmentStatus } from '../../../shared/records/trainees.js';

export type Status = (typeof EnrolmentStatus.options)[number];

export const SORT_FIELDS = ['name', 'city', 'createdAt', 'updatedAt'] as const satisfies readonly NonNullable<
  InputOf<'trainees.list'>['sort']
>['field'][];
export type SortField = (typeof SORT_FIELDS)[number];
export interface TraineeSort {
  field: SortField;
  direction: 'asc' | 'desc';
}
/** Core's order when the call names none; the address leaves it out. */
export const DEFAULT_SORT: TraineeSort = { field: 'name', direction: 'asc' };

export interface TraineeListParams {
  search: string;
  programmeId: string | null;
  cohortId: string | null;
  status: Status | null;
  skill: string;
  city: string;
  gender: Gender | null;
  certified: boolean | null;
  sort: TraineeSort;
}

export const emptyListParams: TraineeListParams = {
  search: '',
  programmeId: null,
  cohortId: null,
  status: null,
  skill: '',
  city: '',
  gender: null,
  certified: null,
  sort: DEFAULT_SORT,
};

/** `name.desc` → { field: 'name', direction: 'desc' }; anything else → the default. */
function parseSort(value: string | null): TraineeSort {
  const [field = '', direction] = (value ?? '').split('.');
  const known = (SORT_FIELDS as readonly string[]).includes(field);
  return known && (direction === 'asc' || direction === 'desc') ? { field: field as SortField, direction } : DEFAULT_SORT;
}

function isDefaultSort(sort: TraineeSort): boolean {
  return sort.field === DEFAULT_SORT.field && sort.direction === DEFAULT_SORT.direction;
}

export function parseListParams(params: URLSearchParams): TraineeListParams {
  const id = (key: string) => {
    const parsed = Id.safeParse(params.get(key));
    return parsed.success ? parsed.data : null;
  };
  const status = EnrolmentStatus.safeParse(params.get('status'));
  const gender = Gender.safeParse(params.get('gender'));
  const certified = params.get('certified');
  const programmeId = id('programme');
  return {
    search: params.get('q') ?? '',
    programmeId,
    // A cohort belongs to a programme: without one, there is no cohort to filter by.
    cohortId: programmeId ? id('cohort') : null,
    status: status.success ? status.data : null,
    skill: params.get('skill') ?? '',
    city: params.get('city') ?? '',
    gender: gender.success ? gender.data : null,
    certified: certified === 'yes' ? true : certified === 'no' ? false : null,
    sort: parseSort(params.get('sort')),
  };
}

export function serialiseListParams(p: TraineeListParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.search) out.set('q', p.search);
  if (p.programmeId) out.set('programme', p.programmeId);
  if (p.programmeId && p.cohortId) out.set('cohort', p.cohortId);
  if (p.status) out.set('status', p.status);
  if (p.skill) out.set('skill', p.skill);
  if (p.city) out.set('city', p.city);
  if (p.gender) out.set('gender', p.gender);
  if (p.certified !== null) out.set('certified', p.certified ? 'yes' : 'no');
  if (!isDefaultSort(p.sort)) out.set('sort', `${p.sort.field}.${p.sort.direction}`);
  return out;
}

export function useTraineeListParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseListParams(searchParams), [searchParams]);
  const update = useCallback(
    (change: Partial<TraineeListParams>) => {
      setSearchParams(
        (current) => {
          const next = { ...parseListParams(current), ...change };
          // Another programme: the old cohort is not one of its cohorts.
          if (change.programmeId !== undefined && change.cohortId === undefined) next.cohortId = null;
          return serialiseListParams(next);
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return { params, update };
}

/**
 * The trainees.list input for these parameters, without the page (limit and offset). The
 * default order is left to core, so the usual view keeps the query (and cache) key it had.
 */
export function listQuery(p: TraineeListParams): Omit<InputOf<'trainees.list'>, 'limit' | 'offset'> {
  const filter: NonNullable<InputOf<'trainees.list'>['filter']> = {};
  if (p.programmeId) filter.programmeId = p.programmeId;
  if (p.programmeId && p.cohortId) filter.cohortId = p.cohortId;
  if (p.status) filter.status = p.status;
  if (p.skill.trim()) filter.skill = p.skill.trim();
  if (p.city.trim()) filter.city = p.city.trim();
  if (p.gender) filter.gender = p.gender;
  if (p.certified !== null) filter.certified = p.certified;
  const search = p.search.trim();
  return {
    ...(search ? { search } : {}),
    ...(Object.keys(filter).length ? { filter } : {}),
    ...(isDefaultSort(p.sort) ? {} : { sort: p.sort }),
  };
}

/** A search or a filter narrows the list (a sort only orders it). */
export function hasFilters(p: TraineeListParams): boolean {
  const { search, filter } = listQuery(p);
  return search !== undefined || filter !== undefined;
}
