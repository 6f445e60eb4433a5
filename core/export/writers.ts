/**
 * Lists as files. CSV: UTF-8 with a BOM and CRLF (Excel opens it as UTF-8), and formulae
 * escaped so that a value such as "=HYPERLINK(…)" typed into a record cannot run in the
 * spreadsheet of whoever opens the export; a phone number (+92…) or a negative number is
 * not a formula and is written as it is. XLSX: one sheet with a bold header row, numbers
 * and booleans as real cells, calendar dates (2026-07-31) as date cells and local times
 * (2026-07-31 14:05, see readable.ts) as date-time cells, written by exceljs's
 * streaming writer so that a long list is not held as a workbook model in memory.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type ExportCell = string | number | boolean | null;

export interface ListWriter {
  add(rows: readonly ExportCell[][]): Promise<void>;
  /** Finishes the file; returns its size in bytes. */
  close(): Promise<number>;
}

export function csvWriter(file: string, header: readonly string[]): ListWriter {
  const fd = fs.openSync(file, 'w', 0o600);
  fs.writeSync(fd, `\uFEFF${Papa.unparse([header as string[]], { newline: '\r\n' })}\r\n`);
  return {
    async add(rows) {
      if (rows.length === 0) return;
      fs.writeSync(fd, `${Papa.unparse(rows as ExportCell[][], { newline: '\r\n', escapeFormulae: FORMULA })}\r\n`);
    },
    async close() {
      fs.closeSync(fd);
      return fs.statSync(file).size;
    },
  };
}

/** Starts like a formula: =, @, a tab or CR, or + or - followed by something other than a digit. */
const FORMULA = /^(?:[=@\t\r]|[+-][^\d\s*])/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;

/** A spreadsheet cell's value and number format: dates and local times as Excel dates (wall-clock, no zone). */
function sheetCell(cell: ExportCell): { value: ExportCell | Date; numFmt?: string } {
  if (typeof cell !== 'string') return { value: cell };
  if (ISO_DATE.test(cell)) return { value: new Date(`${cell}T00:00:00Z`), numFmt: 'yyyy-mm-dd' };
  if (LOCAL_TIME.test(cell)) return { value: new Date(`${cell.replace(' ', 'T')}:00Z`), numFmt: 'yyyy-mm-dd hh:mm' };
  return { value: cell };
}

export function xlsxWriter(file: string, sheetName: string, header: readonly string[]): ListWriter {
  fs.writeFileSync(file, '', { mode: 0o600 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  const headerRow = sheet.addRow(header as string[]);
  headerRow.font = { bold: true };
  headerRow.commit();
  return {
    async add(rows) {
      for (const cells of rows) {
        const typed = cells.map(sheetCell);
        const row = sheet.addRow(typed.map((c) => c.value));
        typed.forEach((c, i) => {
          if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
        });
        row.commit();
      }
    },
    async close() {
      sheet.commit();
      await workbook.commit();
      return fs.statSync(file).size;
    },
  };
}
