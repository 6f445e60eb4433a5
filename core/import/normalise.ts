/**
 * One cell → one field's value, the way people type them into spreadsheets. Each function
 * returns the value, null for an empty cell, or a Problem saying in plain words what is
 * wrong (it becomes the rejected row's reason). CNIC and phone use the same rules as the
 * forms (shared/validation).
 */
import { normaliseCnic } from '../../shared/validation/cnic.js';
import { normalisePhone } from '../../shared/validation/phone.js';
import { cellText, isBlank, type Cell } from './workbook.js';

export class Problem {
  constructor(readonly message: string) {}
}
export type Normalised<T> = T | null | Problem;

/** Arabic-script letters (Urdu, Sindhi, Pashto, Punjabi in Shahmukhi). */
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/**
 * Trimmed, runs of spaces (incl. Excel's non-breaking ones and line breaks) made one space.
 * Latin text is NFC-normalised so "é" typed two ways is one name; text in Arabic script is
 * kept as written: NFC would recompose hamza sequences (ہ + ٔ → ۂ) that Urdu keyboards
 * type apart, changing a name's code points from what other registers hold for it.
 */
export function normaliseText(cell: Cell): string | null {
  if (isBlank(cell)) return null;
  const text = cellText(cell)
    .replace(/[\s\u00A0\u2007\u202F]+/g, ' ')
    .trim();
  if (text === '') return null;
  return ARABIC_SCRIPT.test(text) ? text : text.normalize('NFC');
}

export function normaliseName(cell: Cell): Normalised<string> {
  const text = normaliseText(cell);
  if (text === null) return null;
  if (text.length > 200) return new Problem('A name has at most 200 characters');
  if (!/[\p{L}]/u.test(text)) return new Problem(`"${text}" is not a name`);
  return text;
}

/**
 * Excel shows a 13-digit number typed into a General cell as 3.52021E+12 and a CSV saved
 * from it keeps only that: the digits are gone and cannot be guessed back.
 */
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

export function normaliseCnicCell(cell: Cell): Normalised<string> {
  if (isBlank(cell)) return null;
  const text = typeof cell === 'number' ? cell.toFixed(0) : cellText(cell).trim();
  if (SCIENTIFIC.test(text)) {
    return new Problem(`CNIC ${text} was shortened by Excel: format the column as Text and type the 13 digits again`);
  }
  const cnic = normaliseCnic(text);
  if (cnic === null) return new Problem('CNIC must be 13 digits like 12345-1234567-1, starting with 1–8');
  return cnic;
}

export function normalisePhoneCell(cell: Cell): Normalised<string> {
  if (isBlank(cell)) return null;
  let text = typeof cell === 'number' ? cell.toFixed(0) : cellText(cell).trim();
  if (SCIENTIFIC.test(text)) return new Problem(`Phone ${text} was shortened by Excel: format the column as Text`);
  // A mobile number in a number cell lost its leading 0 (3001234567).
  if (/^3\d{9}$/.test(text.replace(/[\s-]/g, ''))) text = `0${text.replace(/[\s-]/g, '')}`;
  if (/[/,;]|\bor\b/i.test(text) && text.replace(/\D/g, '').length > 13) {
    return new Problem('Give one phone number per cell');
  }
  const phone = normalisePhone(text);
  if (phone === null) return new Problem('Phone must look like 0300-1234567, 92300… or +92 300 1234567');
  return phone;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function normaliseEmail(cell: Cell): Normalised<string> {
  const text = normaliseText(cell);
  if (text === null) return null;
  const email = text.replace(/^mailto:/i, '').trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) return new Problem(`"${text}" is not an email address`);
  return email;
}

// ---------------------------------------------------------------------------------------
// Dates

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Excel's day 0 is 1899-12-30 (its day 60 is the 29 February 1900 that never was). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serials of 1900-03-01 … 9999-12-31. */
const SERIAL_MIN = 61;
const SERIAL_MAX = 2_958_465;

function isoOf(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** A two-digit year: the most recent year ending so, not after this year + 10. */
function fullYear(yy: number, thisYear: number): number {
  const century = Math.floor(thisYear / 100) * 100;
  return century + yy > thisYear + 10 ? century - 100 + yy : century + yy;
}

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Dates as people and spreadsheets write them: 31/07/2001, 31-07-2001, 31.7.01 (day first,
 * Pakistan's habit, unless `order` is 'mdy'), 2001-07-31, 2001/07/31, 31 Jul 2001,
 * 31-Jul-01, July 31, 2001, an Excel serial (36738) or a date cell.
 */
export function normaliseDate(cell: Cell, order: 'dmy' | 'mdy' = 'dmy', thisYear = new Date().getUTCFullYear()): Normalised<string> {
  if (isBlank(cell)) return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return new Problem('Not a date');
    return cell.toISOString().slice(0, 10);
  }
  if (typeof cell === 'number') return excelSerialToIso(cell) ?? new Problem(`${cell} is not a date`);
  const text = cellText(cell).trim();
  const bad = new Problem(`"${text}" is not a date: write it like 31/07/2001 or 2001-07-31`);
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(text);
  if (m) return isoOf(+m[1]!, +m[2]!, +m[3]!) ?? new Problem(`${text} does not exist`);
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[ T].*)?$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? fullYear(+m[3]!, thisYear) : +m[3]!;
    const [day, month] = order === 'dmy' ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    return isoOf(year, month, day) ?? new Problem(`${text} does not exist (read as ${order === 'dmy' ? 'day/month/year' : 'month/day/year'})`);
  }
  m = /^(\d{1,2})[-\s/.]*([A-Za-z]{3,9})[-\s/.,]*(\d{2}|\d{4})$/.exec(text);
  if (m) return monthNamed(+m[1]!, m[2]!, m[3]!, thisYear) ?? bad;
  m = /^([A-Za-z]{3,9})[-\s/.]*(\d{1,2})(?:st|nd|rd|th)?[-\s/.,]*(\d{2}|\d{4})$/.exec(text);
  if (m) return monthNamed(+m[2]!, m[1]!, m[3]!, thisYear) ?? bad;
  if (/^\d+(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text)) ?? bad;
  return bad;
}

function monthNamed(day: number, monthName: string, yearText: string, thisYear: number): string | null {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const year = yearText.length === 2 ? fullYear(+yearText, thisYear) : +yearText;
  return isoOf(year, month, day);
}

// ---------------------------------------------------------------------------------------
// Words: gender, yes/no, enumerations

function wordKey(cell: Cell): string | null {
  const text = normaliseText(cell);
  return text === null ? null : text.toLowerCase().replace(/[.\s_-]+/g, '');
}

const GENDER: Record<string, 'female' | 'male' | 'other'> = {
  m: 'male', male: 'male', man: 'male', boy: 'male', mr: 'male', مرد: 'male', 'لڑکا': 'male', مذکر: 'male',
  f: 'female', female: 'female', woman: 'female', girl: 'female', ms: 'female', mrs: 'female', miss: 'female',
  عورت: 'female', خاتون: 'female', 'لڑکی': 'female', مونث: 'female', زن: 'female',
  o: 'other', other: 'other', x: 'other', nonbinary: 'other', transgender: 'other', خواجہسرا: 'other', دیگر: 'other',
};

export function normaliseGender(cell: Cell): Normalised<'female' | 'male' | 'other'> {
  const key = wordKey(cell);
  if (key === null) return null;
  return GENDER[key] ?? new Problem(`Gender "${cellText(cell).trim()}" is not one of M/F/Male/Female/Other/مرد/عورت`);
}

const YES = new Set(['yes', 'y', 'true', '1', 'agreed', 'agree', 'ok', '✓', '✔', 'x', 'ہاں', 'جی']);
const NO = new Set(['no', 'n', 'false', '0', 'disagree', 'نہیں']);

export function normaliseBoolean(cell: Cell): Normalised<boolean> {
  if (typeof cell === 'boolean') return cell;
  const key = wordKey(cell);
  if (key === null) return null;
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return new Problem(`"${cellText(cell).trim()}" is not yes or no`);
}

/** One of `allowed`, matched by letters and digits only ("E-Commerce" → e-commerce), or a synonym. */
export function normaliseChoice<T extends string>(cell: Cell, allowed: readonly T[], synonyms: Record<string, T> = {}): Normalised<T> {
  const key = wordKey(cell);
  if (key === null) return null;
  const bare = key.replace(/[^\p{L}\p{N}]/gu, '');
  const hit = allowed.find((a) => a.replace(/[^a-z0-9]/g, '') === bare) ?? synonyms[bare];
  return hit ?? new Problem(`"${cellText(cell).trim()}" is not one of ${allowed.join(', ')}`);
}

/** "Python, SQL; web design" → ['python', 'sql', 'web design']. */
export function normaliseTags(cell: Cell): Normalised<string[]> {
  const text = normaliseText(cell);
  if (text === null) return null;
  const tags = [...new Set(text.split(/[,;|\n/]+/).map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
  if (tags.length > 50) return new Problem('At most 50 tags');
  const long = tags.find((t) => t.length > 60);
  if (long) return new Problem(`"${long.slice(0, 20)}…" is longer than 60 characters`);
  return tags;
}

export function normaliseNumber(cell: Cell, min: number, max: number): Normalised<number> {
  if (isBlank(cell)) return null;
  const n = typeof cell === 'number' ? cell : Number(cellText(cell).trim().replace(/,/g, '').replace(/%$/, ''));
  if (!Number.isFinite(n)) return new Problem(`"${cellText(cell).trim()}" is not a number`);
  if (n < min || n > max) return new Problem(`${n} is not between ${min} and ${max}`);
  return n;
}

export function normaliseShortText(cell: Cell, max = 200): Normalised<string> {
  const text = normaliseText(cell);
  if (text === null) return null;
  return text.length > max ? new Problem(`At most ${max.toLocaleString('en-US')} characters`) : text;
}

/** "tezpay.pk" → "https://tezpay.pk". */
export function normaliseWebsite(cell: Cell): Normalised<string> {
  const text = normaliseText(cell);
  if (text === null) return null;
  const url = /^https?:\/\//i.test(text) ? text : `https://${text.replace(/^\/\//, '')}`;
  return /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(url) ? url : new Problem(`"${text}" is not a web address`);
}

export function normaliseTimeZone(cell: Cell): Normalised<string> {
  const text = normaliseText(cell);
  if (text === null) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return new Problem(`"${text}" is not a time zone like Asia/Karachi or Europe/London`);
  }
}
