import { useMemo } from 'react';
import { useApiQuery } from '../../api/query.js';

const byName = (a: string, b: string) => a.localeCompare(b);

/**
 * The expertise tags, cities and countries in the directory, for filter and form options.
 * The directory is small (tens to hundreds), so one list call of up to 1000 gives them all.
 */
export function useMentorFacets() {
  const all = useApiQuery('mentors.list', { limit: 1000 }, { staleTime: 60_000 });
  return useMemo(() => {
    const expertise = new Set<string>();
    const cities = new Set<string>();
    const countries = new Set<string>(['Pakistan']);
    for (const m of all.data?.items ?? []) {
      for (const tag of m.expertise) expertise.add(tag);
      if (m.city) cities.add(m.city);
      countries.add(m.country);
    }
    return {
      expertise: [...expertise].sort(byName),
      cities: [...cities].sort(byName),
      countries: [...countries].sort(byName),
    };
  }, [all.data]);
}
