/**
 * A list screen's search, filters, sort and page, kept in the address, so that going back
 * from a record returns to the same view and a view can be linked to.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The screen's parameters read from the address, and `update` to change some of them; any
 * change but the page itself goes back to page 1. `parse` and `serialise` must be stable
 * (module-level functions).
 */
export function useAddressParams<P extends { page: number }>(
  parse: (params: URLSearchParams) => P,
  serialise: (params: P) => URLSearchParams,
) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parse(searchParams), [parse, searchParams]);
  const update = useCallback(
    (change: Partial<P>) => {
      setSearchParams(
        (current) => {
          const next = { ...parse(current), ...change };
          if (change.page === undefined) next.page = 1;
          return serialise(next);
        },
        { replace: true },
      );
    },
    [parse, serialise, setSearchParams],
  );
  return { params, update };
}

export interface Sort<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

/** `field.direction` from the address (sort=name.desc), or null when it names no sortable field. */
export function parseSort<F extends string>(raw: string | null, fields: readonly F[]): Sort<F> | null {
  const [field, direction] = (raw ?? '').split('.');
  return (fields as readonly string[]).includes(field ?? '') && (direction === 'asc' || direction === 'desc')
    ? { field: field as F, direction }
    : null;
}

export function serialiseSort(sort: Sort<string>): string {
  return `${sort.field}.${sort.direction}`;
}

/** The page number from the address: 1 unless it says a whole number above 1. */
export function parsePage(raw: string | null): number {
  return Math.max(1, Number.parseInt(raw ?? '1', 10) || 1);
}

/** The list input's search: the trimmed text, left out when empty. */
export function searchInput(text: string): { search?: string } {
  const trimmed = text.trim();
  return trimmed ? { search: trimmed } : {};
}
