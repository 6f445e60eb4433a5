/**
 * A spreadsheet as the importer sees it, whatever file it came from: sheets of rows of
 * cells, each row with the number a spreadsheet program shows for it. Rows with no
 * content are left out (their numbers are simply skipped), so "empty rows ignored" holds
 * for every reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../shared/api/errors.js';
import type { FileFormat } from '../../shared/api/import.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';

/** A cell: text (CSV, XLSX text), a number (XLSX numbers, dates as serials), a boolean, or a date. */
export type Cell = string | number | boolean | Date | null;

export interface SheetRow {
  /** The row's number in the file (1-based). */
  number: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export interface Workbook {
  fileName: string;
  format: FileFormat;
  sheets: Sheet[];
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function isEmptyRow(cells: readonly Cell[]): boolean {
  return cells.every(isBlank);
}

/** A cell as text, for previews, messages and the rejected-rows file. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(15)));
  return String(cell);
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Parses a file's bytes: a zip is an XLSX workbook, anything else is read as CSV text. */
export async function parseWorkbook(bytes: Buffer, fileName: string, signal?: AbortSignal): Promise<Workbook> {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(bytes, fileName, signal);
  if (/\.xls$/i.test(fileName) && bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw fail.field(['source'], 'This is an old Excel 97–2003 file (.xls): save it as .xlsx or .csv in Excel, then import that');
  }
  return readCsv(bytes, fileName);
}

/**
 * The last file read, kept while it is unchanged on disk: the wizard reads the same file
 * for inspect, analyse and commit, and an XLSX of 30,000 rows takes a second to parse.
 */
let cached: { key: string; workbook: Workbook } | null = null;

/** Forgets the cached workbook (the bench times reading the file every run). */
export function forgetCachedWorkbook(): void {
  cached = null;
}

export async function readWorkbookFile(file: string, displayName: string, signal?: AbortSignal): Promise<Workbook> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw fail.field(['source', 'path'], `No file at ${file}`);
  }
  if (!stat.isFile()) throw fail.field(['source', 'path'], `${file} is not a file`);
  const key = `${path.resolve(file)}\0${stat.size}\0${stat.mtimeMs}`;
  if (cached?.key === key) return cached.workbook;
  const workbook = await parseWorkbook(fs.readFileSync(file), displayName, signal);
  cached = { key, workbook };
  return workbook;
}

/** The chosen sheet, or the first with any rows. */
export function pickSheet(workbook: Workbook, name: string | undefined): Sheet {
  if (name !== undefined) {
    const sheet = workbook.sheets.find((s) => s.name === name) ?? workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) {
      const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
      throw fail.field(['sheet'], `No sheet named "${name}" in ${workbook.fileName} (it has ${names})`);
    }
    return sheet;
  }
  const sheet = workbook.sheets.find((s) => s.rows.length > 0) ?? workbook.sheets[0];
  if (!sheet) throw fail.field(['source'], `${workbook.fileName} has no sheets`);
  return sheet;
}
