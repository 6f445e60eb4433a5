/**
 * The report as a workbook (exceljs): a sheet per table of tables.ts — Summary, one per KPI
 * section, By sector, By cohort, By centre (national), Funding by source, Mentors, Startups
 * (the annex as rows), Check-ins, then the raw "Data" sheets. Figures are real numbers with
 * a number format by unit (#,##0 for counts and rupees, $#,##0.00 for dollars, 0.0 for
 * hours, 0.0% for shares); an empty figure is an empty cell. Total rows are SUM formulas
 * over the column, with the value cached so a reader that does not calculate sees it too.
 * Header row bold on the accent colour and frozen; the name column frozen on wide sheets;
 * each sheet prints on A4 with the centre and quarter in its header.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { EXCEL_FORMATS } from './format.js';
import { isFigure, reportTables, totals, type Cell, type ColumnKind, type ReportTable, type TableOptions } from './tables.js';

const ACCENT = 'FF0F5C4D';
const DATA_HEADER = 'FF5F6B6B';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ and unique in the book. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i += 1) candidate = `${base.slice(0, 27)} (${i})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function write(cell: ExcelJS.Cell, value: Cell, kind: ColumnKind): void {
  if (isFigure(value)) {
    if (value.value !== null && Number.isFinite(value.value)) {
      cell.value = value.value;
      cell.numFmt = EXCEL_FORMATS[value.unit];
    }
    return;
  }
  if (value === null || value === '') return;
  if (typeof value === 'boolean') {
    cell.value = value ? 'Yes' : 'No';
    return;
  }
  if (typeof value === 'number') {
    cell.value = value;
    if (kind !== 'text' && kind !== 'date' && kind !== 'boolean') cell.numFmt = EXCEL_FORMATS[kind];
    return;
  }
  if (kind === 'date' && ISO_DATE.test(value)) {
    cell.value = new Date(`${value}T00:00:00Z`);
    cell.numFmt = 'yyyy-mm-dd';
    return;
  }
  // Text stays text: a name such as "=HYPERLINK(…)" is written as a string, never as a formula.
  cell.value = value;
}

function addSheet(workbook: ExcelJS.Workbook, table: ReportTable, name: string, header: string): void {
  const wide = table.columns.length > 6;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: wide ? 1 : 0, ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: wide ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: header, oddFooter: '&L&8Incubator Desk&R&8Page &P of &N' },
  });
  sheet.columns = table.columns.map((column) => ({ width: column.width ?? 14 }));

  const headerRow = sheet.getRow(1);
  table.columns.forEach((column, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = column.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: table.raw ? DATA_HEADER : ACCENT } };
    cell.alignment = {
      vertical: 'bottom',
      wrapText: true,
      horizontal: column.kind === 'text' || column.kind === 'date' || column.kind === 'boolean' ? 'left' : 'right',
    };
  });
  headerRow.height = table.columns.some((c) => c.header.length > (c.width ?? 14)) ? 30 : 18;

  table.rows.forEach((cells, r) => {
    const row = sheet.getRow(r + 2);
    table.columns.forEach((column, i) => write(row.getCell(i + 1), cells[i] ?? null, column.kind));
  });

  if (table.totalLabel !== undefined && table.rows.length > 0) {
    const first = 2;
    const last = table.rows.length + 1;
    const row = sheet.getRow(last + 1);
    const sums = totals(table);
    row.getCell(1).value = table.totalLabel;
    table.columns.forEach((column, i) => {
      const sum = sums[i];
      if (!column.total || sum === null || sum === undefined) return;
      const letter = columnLetter(i + 1);
      const cell = row.getCell(i + 1);
      cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: sum };
      if (column.kind !== 'text' && column.kind !== 'date' && column.kind !== 'boolean') cell.numFmt = EXCEL_FORMATS[column.kind];
    });
    row.font = { bold: true };
    table.columns.forEach((_, i) => {
      row.getCell(i + 1).border = { top: { style: 'thin' } };
    });
  }
  const list = table.totalLabel !== undefined || table.raw === true;
  if (list && table.rows.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: table.columns.length } };
}

/** Header text for exceljs's print header: & doubled (it starts codes). */
const headerText = (text: string) => text.replace(/&/g, '&&');

export async function renderXlsx(report: QuarterlyReport, outPath: string, options: TableOptions = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Incubator Desk';
  workbook.title = `Quarterly report: ${report.scope.name}, ${report.label}`;
  workbook.subject = report.format;
  workbook.created = new Date(report.generatedAt);
  const header = `&L&8${headerText(report.scope.name)} · Quarterly report&R&8${headerText(report.label)}`;
  const used = new Set<string>();
  for (const table of reportTables(report, options)) addSheet(workbook, table, sheetName(table.sheet, used), header);
  // Created private first (it names people); writing over it keeps the mode.
  await fs.promises.writeFile(outPath, '', { mode: 0o600 });
  await workbook.xlsx.writeFile(outPath);
}
