/**
 * "Export CSV" of the startups list: every row matching the current search, filters and
 * sort (fetched 1,000 at a time, the API's page limit), in the visible columns.
 */
import Papa from 'papaparse';
import type { TFunction } from 'i18next';
import type { InputOf, OutputOf } from '../../../shared/api/index.js';
import type { Startup } from '../../../shared/records/startups.js';
import { columnLabel, csvValue, type ColumnId } from './columns.js';
import { offerDownload } from '../../components/download.js';
import { todayIso } from '../../format/index.js';

export const EXPORT_PAGE = 1000;

type ListCall = (input: InputOf<'startups.list'>) => Promise<OutputOf<'startups.list'>>;

/** All rows of a list query, page after page; `onProgress` sees (fetched, total). */
export async function fetchAllStartups(
  list: ListCall,
  query: InputOf<'startups.list'>,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Startup[]> {
  const rows: Startup[] = [];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    if (signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    const page = await list({ ...query, limit: EXPORT_PAGE, offset });
    rows.push(...page.items);
    onProgress?.(rows.length, page.total);
    if (page.items.length < EXPORT_PAGE || rows.length >= page.total) return rows;
  }
}

/**
 * The CSV text: a header row of column labels, then one row per startup. papaparse quotes
 * fields with commas, quotes or line breaks, and `escapeFormulae` keeps a value such as
 * "=HYPERLINK(…)" from running as a formula in a spreadsheet.
 */
export function startupsCsv(
  t: TFunction,
  rows: readonly Startup[],
  columns: readonly ColumnId[],
  cohortNames: ReadonlyMap<string, string>,
): string {
  return Papa.unparse(
    {
      fields: columns.map((id) => columnLabel(t, id)),
      data: rows.map((s) => columns.map((id) => csvValue(t, id, s, cohortNames))),
    },
    { quotes: false, escapeFormulae: true, newline: '\r\n' },
  );
}

/** startups-2026-07-31.csv, dated in the viewer's zone. */
export function exportFileName(now: Date = new Date()): string {
  return `startups-${todayIso(now)}.csv`;
}

/** Offers the text as a file download, with a BOM so that Excel reads it as UTF-8. */
export function downloadCsv(text: string, fileName: string): void {
  offerDownload(['\uFEFF', text], 'text/csv;charset=utf-8', fileName);
}
