/**
 * The report as CSV: one file per table of tables.ts (the same rows as the XLSX's sheets,
 * total rows included), zipped into one .zip. Each file is UTF-8 with a BOM and CRLF line
 * ends, so Excel opens it as UTF-8; numbers are written plain (1250000, 0.4125), an empty
 * figure as an empty field, yes/no as Yes/No. Text that would start a formula in a
 * spreadsheet (=, @, +/- before a non-digit) is escaped, as in the list exports. A
 * README.txt in the zip says what the report is and lists the files.
 */
import fs from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import Papa from 'papaparse';
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { formatInstant } from './format.js';
import { plain, reportTables, scopeText, totals, type ReportTable, type TableOptions } from './tables.js';

/** Starts like a formula: =, @, a tab or CR, or + or - followed by something other than a digit. */
const FORMULA = /^(?:[=@\t\r]|[+-][^\d\s*])/;
const BOM = '\uFEFF';

function field(value: string | number | boolean | null): string | number | null {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

/** One table as CSV text (with the BOM). */
export function tableCsv(table: ReportTable): string {
  const rows: Array<Array<string | number | null>> = table.rows.map((cells) =>
    table.columns.map((_, i) => field(plain(cells[i] ?? null))),
  );
  if (table.totalLabel !== undefined && table.rows.length > 0) {
    const sums = totals(table);
    rows.push(table.columns.map((_, i) => (i === 0 ? table.totalLabel! : (sums[i] ?? null))));
  }
  const text = Papa.unparse(
    { fields: table.columns.map((c) => c.header), data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA },
  );
  return `${BOM}${text}\r\n`;
}

function readme(report: QuarterlyReport, tables: ReportTable[], options: TableOptions): string {
  return [
    `Quarterly report: ${scopeText(report)}, ${report.label}`,
    `Period: ${report.start} to ${report.end} (end exclusive)`,
    `Generated: ${formatInstant(report.generatedAt, options.timeZone)} from ${report.source === 'server' ? 'the national server' : 'this workstation'}`,
    `Format: ${report.format}`,
    '',
    'Files (UTF-8 with BOM, comma-separated; numbers plain, shares as fractions: 0.25 = 25%):',
    ...tables.map((t) => `  ${t.file}  ${t.title}`),
    '',
  ].join('\r\n');
}

/** The files of the zip, by name. */
export function csvFiles(report: QuarterlyReport, options: TableOptions = {}): Record<string, string> {
  const tables = reportTables(report, options);
  const files: Record<string, string> = {};
  tables.forEach((table, i) => {
    files[`${String(i + 1).padStart(2, '0')}-${table.file}`] = tableCsv(table);
  });
  files['README.txt'] = readme(report, tables, options);
  return files;
}

export async function renderCsvZip(report: QuarterlyReport, outPath: string, options: TableOptions = {}): Promise<void> {
  const mtime = new Date(report.generatedAt);
  const entries: Zippable = {};
  for (const [name, text] of Object.entries(csvFiles(report, options))) entries[name] = [strToU8(text), { mtime }];
  const zip = zipSync(entries, { level: 6 });
  await fs.promises.writeFile(outPath, zip, { mode: 0o600 });
}
