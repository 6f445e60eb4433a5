/**
 * The fast XLSX reader (xlsx-xml.ts) must read what exceljs reads: the same sheets, row
 * numbers and cell values, for every kind of cell a roster has. exceljs is the reference.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeRoster, rosterXlsx } from './testing/roster.js';
import { readWithExceljs, readXlsx } from './read-xlsx.js';
import { readSheetsFromXml } from './xlsx-xml.js';
import { openZip } from './zip.js';

async function bothReaders(file: string) {
  const bytes = fs.readFileSync(file);
  return { fast: readSheetsFromXml(openZip(bytes)), reference: await readWithExceljs(bytes, path.basename(file)) };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-xlsx-'));

describe('the fast XLSX reader', () => {
  it('reads a roster with title rows, empty rows, number and date cells as exceljs does', async () => {
    const dir = tmp();
    const file = path.join(dir, 'roster.xlsx');
    await rosterXlsx(makeRoster({ rows: 400, today: '2026-07-31' }), file, { extraSheetFirst: true });
    const { fast, reference } = await bothReaders(file);
    expect(fast.map((s) => s.name)).toEqual(['Instructions', 'Roster']);
    expect(fast).toEqual(reference);
    fs.rmSync(dir, { recursive: true });
  });

  it('reads rich text, formulas, booleans, hyperlinks, escapes, shared and inline strings, custom date formats and 1904 dates', async () => {
    const dir = tmp();
    for (const date1904 of [false, true]) {
      const book = new ExcelJS.Workbook();
      book.properties.date1904 = date1904;
      const sheet = book.addWorksheet('Odd & "quoted" <sheet>');
      sheet.addRow(['Name', 'Score', 'Passed', 'Link', 'Issued', 'Note']);
      sheet.addRow([
        { richText: [{ text: 'Ali ', font: { bold: true } }, { text: 'Khan' }] },
        { formula: 'A3*2', result: 84 },
        true,
        { text: 'profile', hyperlink: 'https://example.pk/ali' },
        new Date(Date.UTC(2026, 6, 1)),
        'Tabs\tand "quotes" & <angles>\r\nnew line',
      ]);
      sheet.getCell('E2').numFmt = 'dd/mm/yyyy';
      sheet.addRow(['محمد علی', 42.5, false, null, 46204, '  spaced  ']);
      sheet.getCell('E3').numFmt = '[$-409]d-mmm-yy;@';
      sheet.addRow([]);
      sheet.getCell('H6').value = 'far right';
      const file = path.join(dir, `odd-${date1904}.xlsx`);
      await book.xlsx.writeFile(file);
      const { fast, reference } = await bothReaders(file);
      expect(fast).toEqual(reference);
      expect(fast[0]!.rows[1]!.cells[4]).toEqual(new Date(Date.UTC(2026, 6, 1)));
    }
    fs.rmSync(dir, { recursive: true });
  });

  it('leaves a file it cannot read to exceljs, which names the problem', async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);
    await expect(readXlsx(broken, 'broken.xlsx')).rejects.toThrow(/broken\.xlsx could not be read as an Excel workbook/);
  });
});
