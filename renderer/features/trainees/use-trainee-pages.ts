/**
 * The trainees list as pages of PAGE_SIZE rows fetched on demand: the first page (which also
 * carries the total) and then only the pages the table shows. Each page is its own query,
 * keyed like any trainees.list call, so core's data.changed events refresh them.
 *
 * While a new search or filter is on its way, the first page keeps the previous answer
 * (keepPreviousData), so the table never blanks between keystrokes.
 */
import { useMemo } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../shared/api/index.js';
import type { Trainee } from '../../../shared/records/trainees.js';
import { useApiClient } from '../../api/ApiProvider.js';
import { asApiFailure } from '../../api/errors.js';
import { apiQueryKey, useApiQuery } from '../../api/query.js';

export const PAGE_SIZE = 100;

type ListQuery = Omit<InputOf<'trainees.list'>, 'limit' | 'offset'>;
type ListPage = OutputOf<'trainees.list'>;

function pageInput(query: ListQuery, page: number): InputOf<'trainees.list'> {
  return { ...query, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
}

/** The first page's call, which also answers how many trainees the query matches. */
export function firstPageInput(query: ListQuery): InputOf<'trainees.list'> {
  return pageInput(query, 0);
}

/**
 * @param visible the first and last row index on screen (overscan included).
 */
export function useTraineePages(query: ListQuery, visible: { first: number; last: number }) {
  const client = useApiClient();
  const first = useApiQuery('trainees.list', firstPageInput(query), { placeholderData: keepPreviousData });

  // Pages beyond the first that the table shows now.
  const firstPage = Math.floor(Math.max(0, visible.first) / PAGE_SIZE);
  const lastPage = Math.floor(Math.max(0, visible.last) / PAGE_SIZE);
  const shown = useMemo(() => {
    const pages: number[] = [];
    for (let p = Math.max(1, firstPage); p <= lastPage; p++) pages.push(p);
    return pages;
  }, [firstPage, lastPage]);
  // A fast drag of the scroll bar passes thousands of rows: ask core only for the pages
  // where the table comes to rest. Pages already fetched show at once (a disabled query
  // still answers from the cache).
  const [settled] = useDebouncedValue(`${firstPage}:${lastPage}`, 90);
  const [settledFirst, settledLast] = settled.split(':').map(Number) as [number, number];

  const pages = useQueries({
    queries: shown.map((page) => ({
      queryKey: apiQueryKey('trainees.list', pageInput(query, page)),
      queryFn: async (): Promise<ListPage> => {
        try {
          return await client.call('trainees.list', pageInput(query, page));
        } catch (error) {
          throw asApiFailure(error);
        }
      },
      enabled: first.isSuccess && !first.isPlaceholderData && page >= settledFirst && page <= settledLast,
    })),
  });

  const byPage = new Map<number, ListPage | undefined>(shown.map((page, i) => [page, pages[i]?.data]));
  const pageError = pages.find((p) => p.isError)?.error ?? null;

  /** The trainee at this row index, or undefined while its page is loading. */
  const rowAt = (index: number): Trainee | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const data = page === 0 ? first.data : byPage.get(page);
    return data?.items[index - page * PAGE_SIZE];
  };

  return {
    first,
    total: first.data?.total ?? 0,
    rowAt,
    /** True while the rows on screen belong to the previous search or filters. */
    stale: first.isPlaceholderData,
    pageError,
    retryPages: () => pages.forEach((p) => p.isError && void p.refetch()),
  };
}
