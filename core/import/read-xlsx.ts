/**
 * XLSX workbooks: read straight from their XML parts (xlsx-xml.ts, fast), or, for anything
 * that reader does not expect (ZIP64, an unusual part layout, a damaged file), through
 * exceljs's streaming reader, which also gives the error message for a file that is not a
 * workbook. Both give date cells as dates, formula cells as their last computed result,
 * rich text as its plain text.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { fail } from '../../shared/api/errors.js';
import { isEmptyRow, type Cell, type Sheet, type Workbook } from './workbook.js';
import { readSheetsFromXml } from './xlsx-xml.js';
import { openZip } from './zip.js';

interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

export async function readXlsx(bytes: Buffer, fileName: string, signal?: AbortSignal): Promise<Workbook> {
  let sheets: Sheet[] | null = null;
  try {
    sheets = readSheetsFromXml(openZip(bytes));
  } catch {
    // Not a layout the fast reader knows: exceljs reads it, or says what is wrong with it.
  }
  return { fileName, format: XLSX_FORMAT, sheets: sheets ?? (await readWithExceljs(bytes, fileName, signal)) };
}

const XLSX_FORMAT: Workbook['format'] = { type: 'xlsx', encoding: null, delimiter: null };

/** exceljs's streaming reader: rows as the zip is inflated, without a model of the whole workbook. */
export async function readWithExceljs(bytes: Buffer, fileName: string, signal?: AbortSignal): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets: Sheet[] = [];
  try {
    for await (const streamed of reader as unknown as AsyncIterable<StreamedSheet>) {
      const sheet: Sheet = { name: streamed.name, rows: [] };
      for await (const row of streamed) {
        if (signal?.aborted) throw fail.cancelled('The import was cancelled');
        const cells = rowCells(row);
        if (!isEmptyRow(cells)) sheet.rows.push({ number: row.number, cells });
      }
      sheets.push(sheet);
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'ApiFailure') throw error;
    throw fail.field(['source'], `${fileName} could not be read as an Excel workbook: ${(error as Error).message}`);
  }
  return sheets;
}

/** exceljs gives a row's values 1-based and sparse; cells here are 0-based and dense. */
function rowCells(row: ExcelJS.Row): Cell[] {
  const values = row.values as unknown[];
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i += 1) cells.push(cellValue(values[i]));
  return cells;
}

function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return null;
  }
  return String(value);
}
