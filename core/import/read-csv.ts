/**
 * CSV (and tab-separated "Unicode text") as spreadsheet programs save it: UTF-8 with or
 * without a byte-order mark, UTF-16 little- or big-endian as Excel's "Unicode text" saves
 * it, Windows-1252 from older Excel on Windows; comma, semicolon (Excel where the decimal
 * separator is a comma) or tab; CRLF or LF; quoted fields with line breaks inside.
 *
 * Row numbers are record numbers, as Excel shows them when it opens the file: a quoted
 * field with a line break is still one row.
 */
import Papa from 'papaparse';
import { fail } from '../../shared/api/errors.js';
import type { FileFormat } from '../../shared/api/import.js';
import { isEmptyRow, type Workbook } from './workbook.js';

type Encoding = NonNullable<FileFormat['encoding']>;
type Delimiter = NonNullable<FileFormat['delimiter']>;

/** Decodes by the byte-order mark; without one, UTF-16 is recognised by its zero bytes. */
export function decodeText(bytes: Buffer): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const zeros = zeroBytes(bytes.subarray(0, 4096));
  // ASCII text in UTF-16 has a zero in every other byte; real UTF-8 text has none.
  if (zeros.odd > 16 && zeros.odd > 4 * zeros.even) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (zeros.even > 16 && zeros.even > 4 * zeros.odd) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel on Windows saves "CSV (Comma delimited)" in the ANSI code page.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function zeroBytes(bytes: Buffer): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even += 1;
    else odd += 1;
  }
  return { even, odd };
}

const DELIMITERS: readonly Delimiter[] = ['\t', ';', ','];

/**
 * The delimiter whose count per line (outside quotes) is the same, and above zero, on the
 * most of the first lines; title lines above the header count too, which is why it is not
 * the first line alone. Tab, then semicolon win ties: a comma also appears inside values
 * ("Lahore, Punjab") where a tab or semicolon rarely does.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).slice(0, 50).filter((l) => l.trim() !== '');
  let best: { delimiter: Delimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter)).filter((n) => n > 0);
    const tally = new Map<number, number>();
    for (const n of counts) tally.set(n, (tally.get(n) ?? 0) + 1);
    const [count, lineCount] = [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = lineCount * 1000 + count;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n += 1;
  }
  return n;
}

export function readCsv(bytes: Buffer, fileName: string): Workbook {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw fail.field(['source'], `${fileName} is not a text or spreadsheet file`);
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false, quoteChar: '"' });
  const rows: Workbook['sheets'][number]['rows'] = [];
  parsed.data.forEach((cells, i) => {
    if (!isEmptyRow(cells)) rows.push({ number: i + 1, cells });
  });
  return {
    fileName,
    format: { type: 'csv', encoding, delimiter },
    sheets: [{ name: fileName.replace(/\.[^.]*$/, '') || fileName, rows }],
  };
}
