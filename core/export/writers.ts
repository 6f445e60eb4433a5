/**
 * Lists as files. CSV: UTF-8 with a BOM and CRLF (Excel opens it as UTF-8), and formulae
 * escaped so that a value such as "=HYPERLINK(…)" typed into a record cannot run in the
 * spreadsheet of whoever opens the export; a phone number (+92…) or a negative number is
 * not a formula and is written as it is. XLSX: one sheet with a bold header row, numbers
 * and booleans as real cells and calendar dates as date cells, written by exceljs's
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
        const row = sheet.addRow(cells.map((c) => (typeof c === 'string' && ISO_DATE.test(c) ? new Date(`${c}T00:00:00Z`) : c)));
        row.eachCell((cell) => {
          if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
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
