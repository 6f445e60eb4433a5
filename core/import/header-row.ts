/**
 * Where the table starts. Exported rosters often open with title rows ("NIC Karachi —
 * Batch 7", "Printed 03/02/2026") above the header; the header is the first of the top
 * rows that names known columns, or failing that the first that is as wide as the table
 * and holds only text.
 */
import { fail } from '../../shared/api/errors.js';
import type { ImportColumn } from '../../shared/api/import.js';
import { knownHeaderCount } from './header-mapping.js';
import { cellText, isBlank, pickSheet, type Sheet, type SheetRow, type Workbook } from './workbook.js';

/** How far down the header is looked for. */
const SEARCH_ROWS = 30;

export interface TableLayout {
  headerRow: number;
  columns: ImportColumn[];
  /** The data rows below the header (empty rows already left out). */
  rows: SheetRow[];
}

export function findHeaderRow(sheet: Sheet): SheetRow | undefined {
  const top = sheet.rows.slice(0, SEARCH_ROWS);
  const filled = (row: SheetRow) => row.cells.filter((c) => !isBlank(c)).length;
  const named = top.find((row) => filled(row) >= 2 && knownHeaderCount(row.cells.map(cellText)) >= 2);
  if (named) return named;
  const widest = Math.max(0, ...top.map(filled));
  return top.find((row) => filled(row) >= Math.max(2, Math.ceil(widest * 0.6)) && row.cells.every((c) => isBlank(c) || typeof c === 'string'));
}

/**
 * The sheet read when none is named: the first that holds a table (a header row is found),
 * so that a workbook opening with a sheet of instructions or notes is read at its roster;
 * else the first with data.
 */
export function tableSheet(workbook: Workbook): Sheet {
  return workbook.sheets.find((sheet) => findHeaderRow(sheet) !== undefined) ?? pickSheet(workbook, undefined);
}

export function tableLayout(sheet: Sheet, headerRow?: number): TableLayout {
  const header = headerRow === undefined ? findHeaderRow(sheet) : sheet.rows.find((r) => r.number === headerRow);
  if (!header) {
    if (headerRow !== undefined) throw fail.field(['headerRow'], `Row ${headerRow} of sheet "${sheet.name}" is empty`);
    throw fail.field(['source'], sheet.rows.length === 0 ? `Sheet "${sheet.name}" is empty` : `No header row found in sheet "${sheet.name}": give its row number`);
  }
  const rows = sheet.rows.filter((r) => r.number > header.number);
  const width = Math.max(header.cells.length, ...rows.slice(0, 1000).map((r) => lastFilled(r) + 1));
  return { headerRow: header.number, columns: columnsOf(header, width), rows };
}

function lastFilled(row: SheetRow): number {
  for (let i = row.cells.length - 1; i >= 0; i -= 1) if (!isBlank(row.cells[i] ?? null)) return i;
  return -1;
}

/** Column keys: the header text; "Column C" when blank; "Phone (2)" for a header met again. */
function columnsOf(header: SheetRow, width: number): ImportColumn[] {
  const seen = new Map<string, number>();
  const columns: ImportColumn[] = [];
  for (let index = 0; index < width; index += 1) {
    const text = cellText(header.cells[index] ?? null).replace(/\s+/g, ' ').trim();
    const base = text || `Column ${columnLetter(index)}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    columns.push({ key: n === 1 ? base : `${base} (${n})`, header: text, index });
  }
  return columns;
}

/** 0 → A, 25 → Z, 26 → AA: the column letters spreadsheets show. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
