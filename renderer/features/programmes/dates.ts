import { useFormat } from '../../format/index.js';

/** "1 Jan 2026 – 30 Jun 2026", an open end as "…", nothing as null. */
export function useDateSpan() {
  const format = useFormat();
  return (start: string | null, end: string | null): string | null => {
    if (!start && !end) return null;
    return `${start ? format.date(start) : '…'} – ${end ? format.date(end) : '…'}`;
  };
}
