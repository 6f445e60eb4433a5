/**
 * The report's documents from one hand-made QuarterlyReport (test-fixture.ts): the HTML is
 * self-contained and escapes names; the XLSX read back with exceljs holds real numbers equal
 * to the report's with their formats, totals as SUM formulas; the CSV zip unpacks to a file
 * per section with the same numbers; the PDF's text (pdftotext -layout) has the cover, every
 * KPI label with its value as the document formats it, and an annex page per startup; and a
 * few figures read the same in PDF, XLSX, CSV and JSON.
 *
 * The PDF tests need Chromium and pdftotext (poppler-utils); without them they skip and say so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuarterlyReport } from '../../../shared/api/reports.js';
import { KPIS, SECTION_LABELS, kpiByKey, type KpiKey } from '../../../shared/reports/kpis.js';
import { CHROMIUM_MISSING, findChromium } from '../../common/chromium.js';
import { csvFiles, renderCsvZip } from './csv.js';
import { EXCEL_FORMATS, formatValue } from './format.js';
import { cssString, renderHtml } from './html.js';
import { REPORT_RENDERERS } from './index.js';
import { PortPdfPrinter, renderPdf, type PrintRequest } from './pdf.js';
import { reportTables } from './tables.js';
import { sampleReport } from './test-fixture.js';
import { columnLetter, renderXlsx } from './xlsx.js';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const chromium = findChromium();
const pdfSkip = !chromium ? CHROMIUM_MISSING : !hasPdftotext ? 'pdftotext not found (apt-get install poppler-utils)' : null;
if (pdfSkip) console.warn(`Skipping the report PDF tests: ${pdfSkip}`);

let dir: string;
const report = sampleReport();
const TZ = 'Asia/Karachi';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-render-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const spaces = (text: string) => text.replace(/\s+/g, ' ').trim();
const NASTY = '<script>alert("x")</script> & Sons';
const FORMULA_NAME = '=HYPERLINK("http://evil.example","click")';
const URDU = 'نیا دور ٹیک';

describe('the fixture', () => {
  it('is a QuarterlyReport by the contract', () => {
    expect(QuarterlyReport.safeParse(report).success).toBe(true);
    expect(QuarterlyReport.safeParse(sampleReport({ national: true, startups: 40 })).success).toBe(true);
  });
});

describe('formats', () => {
  it('writes figures with Pakistani grouping, currencies, one-decimal hours, percentages and a dash for none', () => {
    expect(formatValue('count', 1234567)).toBe('1,234,567');
    expect(spaces(formatValue('pkr', 1250000))).toBe('Rs 1,250,000');
    expect(formatValue('usd', 12500.5)).toBe('$12,500.50');
    expect(formatValue('hours', 12.25)).toBe('12.3');
    expect(formatValue('hours', 3)).toBe('3.0');
    expect(formatValue('share', 0.4125)).toBe('41.3%');
    expect(formatValue('share', null)).toBe('—');
    expect(formatValue('count', undefined)).toBe('—');
  });

  it('makes CSS strings that cannot close the string or the style element', () => {
    const css = cssString('a"b</style>');
    expect(css.slice(1, -1)).not.toContain('"');
    expect(css).not.toContain('<');
    expect(cssString('NIC Karachi · FY2026-27 Q1 (Jul–Sep 2026)')).toBe('"NIC Karachi · FY2026-27 Q1 (Jul–Sep 2026)"');
  });

  it('numbers spreadsheet columns like Excel', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('the HTML document', () => {
  const html = renderHtml(report, { timeZone: TZ });

  it('is self-contained: no script, nothing fetched, a policy that allows neither', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
  });

  it('escapes names from users and keeps other scripts as written', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(html).toContain(URDU);
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)');
  });

  it('has a cover, a summary, charts as inline SVG, every section, and a page per startup', () => {
    expect(html).toContain('<section class="cover">');
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(5);
    for (const label of Object.values(SECTION_LABELS)) expect(html).toContain(`<h3>${label}</h3>`);
    expect(html.match(/<section class="annex">/g)?.length).toBe(report.perStartup.length);
    expect(html).toContain('6 Oct 2026, 14:15');
  });

  it('has a By centre table for the national roll-up, and names each startup’s centre in the annex', () => {
    const national = renderHtml(sampleReport({ national: true }));
    expect(national).toContain('Figures by centre');
    expect(national).toContain('NIC Lahore</span>');
    expect(html).not.toContain('Figures by centre');
  });
});

describe('the XLSX workbook', () => {
  let workbook: ExcelJS.Workbook;
  const file = () => path.join(dir, 'report.xlsx');

  beforeAll(async () => {
    await renderXlsx(report, file(), { timeZone: TZ });
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file());
  });

  it('has a sheet per table: summary, each section, breakdowns, funding, mentors, startups, check-ins and raw data', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      ...Object.values(SECTION_LABELS),
      'By sector',
      'By cohort',
      'Funding by source',
      'Mentors',
      'Startup annex',
      'Check-ins',
      'Data - KPIs',
      'Data - breakdowns',
      'Data - months',
      'Data - stages',
      'Data - milestones',
    ]);
    if (process.platform !== 'win32') expect(fs.statSync(file()).mode & 0o777).toBe(0o600);
  });

  it('holds every KPI as a real number equal to the report’s, with its unit’s format', () => {
    for (const def of KPIS) {
      const sheet = workbook.getWorksheet(SECTION_LABELS[def.section])!;
      let found = false;
      sheet.eachRow((row) => {
        if (row.getCell(4).value !== def.key) return;
        found = true;
        expect(row.getCell(1).value).toBe(def.label);
        const value = report.values[def.key];
        if (value === null) expect(row.getCell(2).value ?? null).toBeNull();
        else {
          expect(typeof row.getCell(2).value).toBe('number');
          expect(row.getCell(2).value).toBe(value);
          expect(row.getCell(2).numFmt).toBe(EXCEL_FORMATS[def.unit]);
        }
        expect(row.getCell(3).value).toBe(def.definition);
      });
      expect(found, def.key).toBe(true);
    }
  });

  it('freezes and styles the header row', () => {
    const sheet = workbook.getWorksheet('Startup annex')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);
  });

  it('ends the breakdowns with SUM formulas whose values are the sums', () => {
    const sheet = workbook.getWorksheet('By sector')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf(kpiByKey.get('revenue.pkr')!.label) + 1;
    const last = report.bySector.length + 2;
    expect(sheet.getRow(last).getCell(1).value).toBe('Total');
    const total = sheet.getRow(last).getCell(col).value as { formula: string; result: number };
    expect(total.formula).toBe(`SUM(${columnLetter(col)}2:${columnLetter(col)}${last - 1})`);
    expect(total.result).toBe(report.bySector.reduce((a, r) => a + (r.values['revenue.pkr'] ?? 0), 0));
    expect(sheet.getRow(2).getCell(col).numFmt).toBe('#,##0');
    // Shares get no total.
    const shareCol = header.indexOf(kpiByKey.get('startups.womenLedShare')!.label) + 1;
    expect(sheet.getRow(2).getCell(shareCol).numFmt).toBe('0.0%');
    expect(sheet.getRow(last).getCell(shareCol).value).toBeNull();
  });

  it('lists the startups as rows with their check-in, names as text (never formulas)', () => {
    const sheet = workbook.getWorksheet('Startup annex')!;
    expect(sheet.rowCount).toBe(report.perStartup.length + 2);
    const names = report.perStartup.map((_, i) => sheet.getRow(i + 2).getCell(1).value);
    expect(names).toEqual(report.perStartup.map((s) => s.name));
    expect(names).toContain(FORMULA_NAME);
    expect(names).toContain(URDU);
    const first = report.perStartup[0]!;
    expect(sheet.getRow(2).getCell(11).value).toBe(first.checkIn!.revenuePkr);
    expect(sheet.getRow(2).getCell(12).value).toBe(first.checkIn!.exportRevenueUsd);
    expect(sheet.getRow(2).getCell(12).numFmt).toBe('$#,##0.00');
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('0.0');
  });

  it('has the summary and the raw values', () => {
    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getRow(3).values).toEqual([undefined, 'Centre', 'NIC Karachi']);
    expect(summary.getRow(4).getCell(2).value).toBe(report.label);
    const raw = workbook.getWorksheet('Data - KPIs')!;
    expect(raw.rowCount).toBe(KPIS.length + 1);
    expect(raw.getRow(2).values).toEqual([
      undefined,
      KPIS[0].key,
      KPIS[0].section,
      KPIS[0].label,
      KPIS[0].unit,
      report.values[KPIS[0].key],
    ]);
  });

  it('adds By centre for the national roll-up', async () => {
    const national = sampleReport({ national: true });
    const out = path.join(dir, 'national.xlsx');
    await renderXlsx(national, out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('By centre')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('NIC Karachi');
    expect(sheet.getRow(3).getCell(1).value).toBe('NIC Lahore');
    expect(sheet.getRow(4).getCell(1).value).toBe('Total');
  });
});

describe('the CSV zip', () => {
  let files: Record<string, string>;

  beforeAll(async () => {
    const out = path.join(dir, 'report.zip');
    await renderCsvZip(report, out, { timeZone: TZ });
    // Buffer keeps the BOM (TextDecoder would drop it).
    files = Object.fromEntries(
      Object.entries(unzipSync(fs.readFileSync(out))).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]),
    );
  });

  const parse = (ending: string) => {
    const name = Object.keys(files).find((n) => n.endsWith(`-${ending}`))!;
    const text = files[name]!;
    expect(text.startsWith('\uFEFF')).toBe(true);
    return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  };

  it('has a file per table of the XLSX, each with the sheet’s rows, and a README', () => {
    const tables = reportTables(report, { timeZone: TZ });
    expect(Object.keys(files).sort()).toEqual(
      [...tables.map((t, i) => `${String(i + 1).padStart(2, '0')}-${t.file}`), 'README.txt'].sort(),
    );
    tables.forEach((table) => {
      const rows = parse(table.file);
      expect(rows[0]).toEqual(table.columns.map((c) => c.header));
      expect(rows.length).toBe(1 + table.rows.length + (table.totalLabel !== undefined && table.rows.length > 0 ? 1 : 0));
    });
    expect(files['README.txt']).toContain(report.label);
    expect(files['02-kpis-startups.csv']).toContain('\r\n');
    expect(Object.keys(files)).toContain('15-data-kpis.csv');
  });

  it('writes every KPI value as a plain number', () => {
    const rows = parse('data-kpis.csv');
    for (const def of KPIS) {
      const row = rows.find((r) => r[0] === def.key)!;
      const value = report.values[def.key];
      expect(row[4]).toBe(value === null ? '' : String(value));
    }
  });

  it('escapes a name that would be a formula and keeps Urdu', () => {
    const rows = parse('startup-annex.csv');
    expect(rows.map((r) => r[0])).toContain(`'${FORMULA_NAME}`);
    expect(rows.map((r) => r[0])).toContain(URDU);
    expect(rows.map((r) => r[0])).toContain(NASTY);
    expect(rows.at(-1)![0]).toBe('Total');
  });

  it('matches the files csvFiles gives', () => {
    expect(files).toEqual(csvFiles(report, { timeZone: TZ }));
  });
});

describe('the registry', () => {
  it('has a renderer for every format', () => {
    expect(Object.keys(REPORT_RENDERERS).sort()).toEqual(['csv', 'json', 'pdf', 'xlsx']);
  });
});

describe('the PDF printer in another process', () => {
  it('asks with the HTML and resolves with the bytes the other side sends back', async () => {
    const sent: PrintRequest[] = [];
    const printer = new PortPdfPrinter((request) => sent.push(request));
    const pending = printer.print('<p>hi</p>');
    expect(sent).toEqual([{ type: 'print-pdf', id: 1, html: '<p>hi</p>' }]);
    expect(printer.receive({ type: 'token-vault-result', id: 1, ok: true })).toBe(false);
    expect(printer.receive({ type: 'print-pdf-result', id: 1, ok: true, pdf: new Uint8Array([37, 80, 68, 70]) })).toBe(true);
    expect((await pending).toString('latin1')).toBe('%PDF');

    const failing = printer.print('<p>x</p>');
    printer.receive({ type: 'print-pdf-result', id: 2, ok: false, message: 'no window' });
    await expect(failing).rejects.toThrow('The PDF could not be printed: no window');
  });

  it('gives up when no answer comes', async () => {
    const printer = new PortPdfPrinter(() => {}, 20);
    await expect(printer.print('<p>x</p>')).rejects.toThrow('did not print the PDF in time');
  });
});

describe.skipIf(pdfSkip !== null)('the PDF', () => {
  let pages: string[];
  let text: string;
  const pdf = () => path.join(dir, 'report.pdf');

  beforeAll(async () => {
    await renderPdf(report, pdf(), { timeZone: TZ });
    const out = spawnSync('pdftotext', ['-layout', pdf(), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(out.status).toBe(0);
    text = out.stdout.replace(/\u00a0/g, ' ');
    pages = text.split('\f').slice(0, -1);
  }, 120_000);

  it('is an A4 document without blank pages', () => {
    const info = spawnSync('pdfinfo', [pdf()], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(fs.readFileSync(pdf()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const [i, page] of pages.entries()) expect(page.trim().length, `page ${i + 1} is blank`).toBeGreaterThan(0);
  });

  it('has the cover: centre, quarter, generated date and source', () => {
    const cover = pages[0]!;
    expect(cover).toContain('Quarterly report');
    expect(cover).toContain('NIC Karachi');
    expect(cover).toContain(report.label);
    expect(spaces(cover)).toContain('Period 1 July 2026 – 30 September 2026');
    expect(spaces(cover)).toContain('Generated 6 Oct 2026, 14:15');
    expect(spaces(cover)).toContain('Source This workstation’s database');
  });

  it('numbers the pages in the footer, with the centre and quarter in the header, except on the cover', () => {
    expect(pages[0]).not.toContain('Page 1 of');
    expect(pages[1]).toContain(`Page 2 of ${pages.length}`);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(pages[1]).toContain('NIC Karachi · Quarterly report');
  });

  it('has every KPI label beside its formatted value', () => {
    const lines = text.split('\n').map(spaces);
    for (const def of KPIS) {
      const value = spaces(formatValue(def.unit, report.values[def.key]));
      const line = lines.find((l) => l.startsWith(`${def.label} `) && l.endsWith(` ${value}`));
      expect(line, `${def.key}: "${def.label}" with ${value}`).toBeDefined();
    }
  });

  it('has an annex page per startup, names as written', () => {
    const annex = pages.filter((p) => /Annex · Startup \d+ of 10/.test(p));
    expect(annex.length).toBe(report.perStartup.length);
    expect(annex[0]).toContain('Tez Pay');
    expect(annex[0]).toContain('Ayesha Malik, Omar Farooq');
    expect(spaces(annex[0]!)).toContain('Revenue Rs 1,250,000');
    expect(annex[1]).toContain(NASTY);
    expect(annex[3]).toContain(FORMULA_NAME);
    expect(annex.some((p) => p.includes('No check-in was made for this quarter.'))).toBe(true);
  });

  it('shows the same figures as the XLSX, the CSV and the JSON', async () => {
    const xlsx = path.join(dir, 'same.xlsx');
    const zip = path.join(dir, 'same.zip');
    const json = path.join(dir, 'same.json');
    await REPORT_RENDERERS.xlsx!(report, xlsx);
    await REPORT_RENDERERS.csv!(report, zip);
    await REPORT_RENDERERS.json!(report, json);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const csv = Papa.parse<string[]>(strFromU8(unzipSync(fs.readFileSync(zip))['15-data-kpis.csv']!).slice(1)).data;
    const nested = JSON.parse(fs.readFileSync(json, 'utf8')) as { values: Record<string, Record<string, number | null>> };
    const lines = text.split('\n').map(spaces);

    for (const key of [
      'startups.inducted',
      'revenue.pkr',
      'mentoring.hours',
      'revenue.exportUsd',
      'trainees.placedWithin180Days',
    ] as KpiKey[]) {
      const def = kpiByKey.get(key)!;
      const expected = report.values[key]!;
      // PDF: the KPI table's line, the label and one figure.
      const figures = lines
        .filter((l) => l.startsWith(`${def.label} `))
        .map((l) => l.slice(def.label.length).trim())
        .filter((rest) => /^(?:Rs |\$)?[\d,.]+%?$/.test(rest));
      expect(figures, key).toEqual([spaces(formatValue(def.unit, expected))]);
      // XLSX: the section sheet's number.
      let cell: ExcelJS.CellValue = null;
      book.getWorksheet(SECTION_LABELS[def.section])!.eachRow((row) => {
        if (row.getCell(4).value === key) cell = row.getCell(2).value;
      });
      expect(cell, key).toBe(expected);
      // CSV: the raw KPI file.
      expect(Number(csv.find((r) => r[0] === key)![4]), key).toBe(expected);
      // JSON: nested by the key's dots.
      const [section, name] = key.split('.') as [string, string];
      expect(nested.values[section]![name], key).toBe(expected);
    }
  });
});
