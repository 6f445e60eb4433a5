import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, readCsv } from './read-csv.js';
import { findHeaderRow, tableLayout } from './header-row.js';
import { parseWorkbook } from './workbook.js';

const csv = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding);

describe('reading CSV text', () => {
  it('decodes by byte-order mark: UTF-8, UTF-16LE and BE; UTF-16 without one; Windows-1252 when it is not UTF-8', () => {
    expect(decodeText(csv('\uFEFFنام,شہر'))).toEqual({ text: 'نام,شہر', encoding: 'utf-8-bom' });
    expect(decodeText(csv('\uFEFFName\tCity', 'utf16le'))).toEqual({ text: 'Name\tCity', encoding: 'utf-16le' });
    const be = Buffer.from(csv('\uFEFFName\tCity', 'utf16le')).swap16();
    expect(decodeText(be)).toEqual({ text: 'Name\tCity', encoding: 'utf-16be' });
    expect(decodeText(csv('Name\tCity\r\nAli\tLahore\r\nSana\tKarachi\r\n', 'utf16le')).encoding).toBe('utf-16le');
    expect(decodeText(Buffer.from([0x4a, 0x6f, 0x73, 0xe9]))).toEqual({ text: 'José', encoding: 'windows-1252' });
  });

  it('finds the delimiter among comma, semicolon and tab, past title lines and commas inside quotes', () => {
    expect(detectDelimiter('Name,City\nAli,Lahore\n')).toBe(',');
    expect(detectDelimiter('Roster for batch 7\nName;City;Phone\n"Khan, Ali";Lahore;0300\nSana;Karachi;0301\n')).toBe(';');
    expect(detectDelimiter('Name\tCity, Province\nAli\tLahore, Punjab\n')).toBe('\t');
  });

  it('keeps quoted line breaks in their field, numbers rows as a spreadsheet does and leaves empty rows out', () => {
    const book = readCsv(csv('Name,Notes\r\n"Ali","first line\r\nsecond line"\r\n\r\n,\r\nSana,ok\r\n'), 'r.csv');
    expect(book.format).toEqual({ type: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(book.sheets[0]!.rows).toEqual([
      { number: 1, cells: ['Name', 'Notes'] },
      { number: 2, cells: ['Ali', 'first line\r\nsecond line'] },
      { number: 5, cells: ['Sana', 'ok'] },
    ]);
  });

  it('refuses an old .xls binary in words', async () => {
    await expect(parseWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'roster.xls')).rejects.toThrow(/Excel 97–2003/);
  });
});

describe('the header row', () => {
  it('is found below title rows by its known column names, or as the first full row of text', () => {
    const titled = readCsv(csv('NIC Karachi,,\r\nPrinted 01/02/2026,,\r\nName,CNIC,Mobile\r\nAli,35202-1234567-1,0300\r\n'), 'a.csv');
    expect(findHeaderRow(titled.sheets[0]!)?.number).toBe(3);
    const unknown = readCsv(csv('Intake sheet,,\r\nAlpha,Beta,Gamma\r\n1,2,3\r\n'), 'b.csv');
    expect(findHeaderRow(unknown.sheets[0]!)?.number).toBe(2);
  });

  it('gives blank and repeated headers keys of their own', () => {
    const book = readCsv(csv('Name,,Phone,Phone\r\nAli,x,0300,0301\r\n'), 'c.csv');
    const layout = tableLayout(book.sheets[0]!, 1);
    expect(layout.columns.map((c) => c.key)).toEqual(['Name', 'Column B', 'Phone', 'Phone (2)']);
    expect(() => tableLayout(book.sheets[0]!, 7)).toThrow(/Row 7/);
  });
});
