/**
 * Rosters the way they reach a training office, for the import tests and the bench: a
 * deterministic trainee sheet of any size with about 10% duplicates (6% repeats within the
 * file, 4% of people already registered, matched by CNIC, by email or by phone) and 5%
 * invalid rows (one specific fault each), mixed CNIC, phone, date and gender spellings,
 * Urdu names, siblings sharing a phone, and empty rows. The expected counts follow from
 * how the sheet is built, not from the importer.
 *
 * Writers produce the files spreadsheet programs make: Excel's "CSV UTF-8" (BOM, CRLF),
 * a semicolon CSV (Excel where the decimal separator is a comma), Excel's "Unicode text"
 * (UTF-16LE with BOM, tab-separated) and an XLSX with title rows above the header.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

export type RosterCell = string | number | Date | null;

export const ROSTER_HEADER = ['Student Name', 'CNIC', 'Mobile No', 'Gender', 'Date of Birth', 'Email Address', 'City', 'Skills', 'Batch'];

/** What each invalid row is wrong with, and a piece of the reason the importer must give. */
export const INVALID_KINDS = [
  { fault: 'cnic too short', reason: 'CNIC must be 13 digits' },
  { fault: 'cnic impossible region', reason: 'CNIC must be 13 digits' },
  { fault: 'cnic shortened by Excel', reason: 'shortened by Excel' },
  { fault: 'phone too short', reason: 'Phone must look like' },
  { fault: 'email without domain', reason: 'is not an email address' },
  { fault: 'date that does not exist', reason: 'does not exist' },
  { fault: 'birth in the future', reason: 'cannot be in the future' },
  { fault: 'too young', reason: 'at least 14 years old' },
  { fault: 'gender unknown', reason: 'is not one of M/F' },
  { fault: 'name empty', reason: 'Name is empty' },
] as const;

export interface ExistingTrainee {
  name: string;
  cnic: string;
  email: string;
  phone: string;
  city: string;
}

export interface Roster {
  header: string[];
  /** Data rows, with `null` rows standing for empty lines. */
  rows: (RosterCell[] | null)[];
  /** Trainees to register before importing (the database duplicates match them). */
  existing: ExistingTrainee[];
  cohortName: string;
  expected: {
    rows: number;
    newPeople: number;
    inFileDuplicates: number;
    databaseDuplicates: number;
    invalid: number;
  };
  /** The Urdu names in the sheet, exactly as written. */
  urduNames: string[];
}

const FIRST = ['Ali', 'Ayesha', 'Bilal', 'Fatima', 'Hamza', 'Hira', 'Usman', 'Zainab', 'Saad', 'Mahnoor', 'Imran', 'Sana'];
const FAMILY = ['Khan', 'Ahmed', 'Qureshi', 'Siddiqui', 'Baloch', 'Shah', 'Malik', 'Chaudhry', 'Butt', 'Yousafzai'];
/** Urdu names; the second has its hamza typed apart (ہ + ٔ), as some keyboards do: it must be kept so. */
const URDU = ['محمد علی', 'فاطمہ بی بی', 'عائشہ خان', 'حمزہ یوسفزئی', 'زینب قریشی', 'عبداللہ شاہ', 'سعدیہ ملک'];
URDU[1] = 'فاطمہ\u06C1\u0654 بی بی';
const GENDERS = ['M', 'F', 'Male', 'Female', 'مرد', 'عورت', 'male', 'f'];
const CITIES = ['Karachi', 'Lahore', 'Peshawar', 'Quetta', 'Islamabad'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

function cnicDigits(block: number, i: number): string {
  return `${block}${pad(1_000_000 + i, 7)}${i % 10}`;
}

function cnicSpelling(digits: string, i: number): string {
  const dashed = `${digits.slice(0, 5)}-${digits.slice(5, 12)}-${digits.slice(12)}`;
  return [dashed, digits, ` ${digits.slice(0, 5)} ${digits.slice(5, 12)} ${digits.slice(12)} `][i % 3]!;
}

function mobile(i: number): { code: string; subscriber: string } {
  return { code: pad(i % 50, 2), subscriber: pad(1_000_000 + i, 7) };
}

function phoneSpelling(i: number, n = i): string {
  const { code, subscriber } = mobile(n);
  return [`03${code}-${subscriber}`, `03${code}${subscriber}`, `+92 3${code} ${subscriber}`, `923${code}${subscriber}`][i % 4]!;
}

function e164(n: number): string {
  const { code, subscriber } = mobile(n);
  return `+923${code}${subscriber}`;
}

/** A birth date between 1975 and 2005, written in one of four ways. */
function birthDate(i: number): RosterCell {
  const year = 1975 + (i % 30);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  switch (i % 4) {
    case 0:
      return `${pad(day, 2)}/${pad(month, 2)}/${year}`;
    case 1:
      return `${year}-${pad(month, 2)}-${pad(day, 2)}`;
    case 2:
      return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
    default:
      return `${day}-${MONTHS[month - 1]}-${year}`;
  }
}

function englishName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${FAMILY[Math.floor(i / FIRST.length) % FAMILY.length]}`;
}

/** A small seeded shuffle (mulberry32), so the rows are mixed but every run is the same. */
function shuffle<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function makeRoster(opts: { rows: number; today: string; seed?: number; cohortName?: string }): Roster {
  const total = opts.rows;
  const invalid = Math.round(total * 0.05);
  const duplicates = Math.round(total * 0.1);
  const databaseDuplicates = Math.round(duplicates * 0.4);
  const inFileDuplicates = duplicates - databaseDuplicates;
  const newPeople = total - invalid - duplicates;
  const cohortName = opts.cohortName ?? 'Batch 7';
  const thisYear = Number(opts.today.slice(0, 4));
  const urduNames: string[] = [];

  // New people. Every 10th has no CNIC (then always an email); 30% have no email.
  const people: { cells: RosterCell[]; hasCnic: boolean; hasEmail: boolean }[] = [];
  for (let i = 0; i < newPeople; i += 1) {
    const hasCnic = i % 10 !== 9;
    const hasEmail = !hasCnic || i % 10 < 7;
    const urdu = i % 10 === 3;
    const name = urdu ? URDU[i % URDU.length]! : englishName(i);
    if (urdu) urduNames.push(name);
    // Siblings: person 11 (mod 20) shares the phone of person 10 (both have CNICs).
    const phoneOf = i % 20 === 11 ? i - 1 : i;
    people.push({
      hasCnic,
      hasEmail,
      cells: [
        name,
        hasCnic ? cnicSpelling(cnicDigits(35202, i), i) : null,
        phoneSpelling(i, phoneOf),
        GENDERS[i % GENDERS.length]!,
        birthDate(i),
        hasEmail ? `${FIRST[i % FIRST.length]!.toLowerCase()}.${i}@example.pk` : null,
        CITIES[i % CITIES.length]!,
        i % 7 === 0 ? 'Python\nSQL' : 'web development, graphic design',
        cohortName,
      ],
    });
  }

  // Repeats within the file: the same person again, spelled differently, from another city.
  const repeats: RosterCell[][] = [];
  for (let k = 0; k < inFileDuplicates; k += 1) {
    // Two in three repeat by CNIC, one in three someone without a CNIC by email.
    const source = k % 3 === 2 ? people.filter((p) => !p.hasCnic)[k] : people.filter((p) => p.hasCnic && p.hasEmail)[k];
    if (!source) throw new Error(`A roster of ${total} rows is too small for ${inFileDuplicates} repeats`);
    const [name, cnic, phone, gender, dob, email] = source.cells;
    repeats.push([
      `  ${String(name)}  `,
      typeof cnic === 'string' ? cnic.replace(/[\s-]/g, '') : null,
      phone ?? null,
      gender ?? null,
      dob ?? null,
      typeof email === 'string' ? email.toUpperCase() : null,
      'Hyderabad',
      null,
      cohortName,
    ]);
  }

  // People already registered, matched by CNIC, by email only, or by phone only.
  const existing: ExistingTrainee[] = [];
  const known: RosterCell[][] = [];
  for (let k = 0; k < databaseDuplicates; k += 1) {
    const n = 500_000 + k;
    const person = { name: englishName(k + 3), cnic: cnicDigits(61101, k), email: `registered.${k}@example.pk`, phone: e164(n), city: 'Multan' };
    existing.push({ ...person, cnic: cnicSpelling(person.cnic, 0) });
    const by = k % 3;
    known.push([
      person.name,
      by === 0 ? cnicSpelling(person.cnic, k + 1) : null,
      by === 2 ? phoneSpelling(k, n) : null,
      GENDERS[k % GENDERS.length]!,
      null,
      by === 1 ? person.email : null,
      'Sukkur',
      null,
      cohortName,
    ]);
  }

  // Invalid rows, one fault each, with keys nobody else has.
  const faulty: RosterCell[][] = [];
  for (let k = 0; k < invalid; k += 1) {
    const i = 800_000 + k;
    const kind = INVALID_KINDS[k % INVALID_KINDS.length]!.fault;
    const cells: RosterCell[] = [englishName(k), cnicSpelling(cnicDigits(42101, k), 0), phoneSpelling(0, i), 'F', '15/08/1999', `bad.${k}@example.pk`, 'Karachi', null, cohortName];
    switch (kind) {
      case 'cnic too short':
        cells[1] = cnicDigits(42101, k).slice(1);
        break;
      case 'cnic impossible region':
        cells[1] = `0${cnicDigits(42101, k).slice(1)}`;
        break;
      case 'cnic shortened by Excel':
        cells[1] = '4.21011E+12';
        break;
      case 'phone too short':
        cells[2] = '0300-12345';
        break;
      case 'email without domain':
        cells[5] = `bad.${k}@`;
        break;
      case 'date that does not exist':
        cells[4] = '31/02/2001';
        break;
      case 'birth in the future':
        cells[4] = `01/01/${thisYear + 1}`;
        break;
      case 'too young':
        cells[4] = `01/01/${thisYear - 5}`;
        break;
      case 'gender unknown':
        cells[3] = 'unknown';
        break;
      case 'name empty':
        cells[0] = '';
        break;
    }
    faulty.push(cells);
  }

  // New people first come before their repeats; the rest is mixed.
  const firstHalf = shuffle([...people.map((p) => p.cells), ...faulty, ...known], opts.seed ?? 7);
  const rows: (RosterCell[] | null)[] = [];
  const all = [...firstHalf, ...shuffle(repeats, (opts.seed ?? 7) + 1)];
  all.forEach((cells, i) => {
    if (i > 0 && i % 50 === 0) rows.push(null);
    rows.push(cells);
  });
  return {
    header: ROSTER_HEADER,
    rows,
    existing,
    cohortName,
    expected: { rows: total, newPeople, inFileDuplicates, databaseDuplicates, invalid },
    urduNames,
  };
}

// ---------------------------------------------------------------------------------------
// Files

/** A cell as a spreadsheet program writes it to text: dates day first, serials as numbers. */
function textOf(cell: RosterCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return `${pad(cell.getUTCDate(), 2)}/${pad(cell.getUTCMonth() + 1, 2)}/${cell.getUTCFullYear()}`;
  return String(cell);
}

function textRows(roster: Roster): string[][] {
  return [roster.header, ...roster.rows.map((r) => (r ? r.map(textOf) : []))];
}

/** Excel's "CSV UTF-8 (Comma delimited)": BOM, CRLF, quotes where needed. */
export function excelCsv(roster: Roster): Buffer {
  return Buffer.from(`\uFEFF${Papa.unparse(textRows(roster), { newline: '\r\n' })}\r\n`, 'utf8');
}

/** Excel in a locale with decimal commas: semicolons, no BOM. */
export function semicolonCsv(roster: Roster): Buffer {
  return Buffer.from(`${Papa.unparse(textRows(roster), { delimiter: ';', newline: '\r\n' })}\r\n`, 'utf8');
}

/** Excel's "Unicode Text": UTF-16LE with a BOM, tab-separated, CRLF. */
export function utf16Text(roster: Roster): Buffer {
  const text = `\uFEFF${Papa.unparse(textRows(roster), { delimiter: '\t', newline: '\r\n' })}\r\n`;
  return Buffer.from(text, 'utf16le');
}

/**
 * An XLSX whose sheet opens with two title rows and a blank row above the header, with
 * empty rows among the data; CNICs and phones partly in number cells (Excel drops a
 * phone's leading zero), birth dates partly in date cells.
 */
export async function rosterXlsx(roster: Roster, file: string, opts: { sheetName?: string; extraSheetFirst?: boolean } = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (opts.extraSheetFirst) workbook.addWorksheet('Instructions').addRow(['Fill one row per trainee.']);
  const sheet = workbook.addWorksheet(opts.sheetName ?? 'Roster');
  sheet.addRow([`NIC Karachi — ${roster.cohortName} roster`]);
  sheet.addRow(['Exported from the admissions portal']);
  sheet.addRow([]);
  sheet.addRow(roster.header);
  roster.rows.forEach((cells, i) => {
    if (!cells) {
      sheet.addRow([]);
      return;
    }
    const out: (string | number | Date | null)[] = [...cells];
    const cnic = cells[1];
    if (i % 5 === 0 && typeof cnic === 'string' && /^\d{13}$/.test(cnic)) out[1] = Number(cnic);
    const phone = cells[2];
    if (i % 5 === 1 && typeof phone === 'string' && /^03\d{9}$/.test(phone)) out[2] = Number(phone);
    const dob = cells[4];
    if (typeof dob === 'number') out[4] = new Date(Date.UTC(1899, 11, 30) + dob * 86_400_000);
    sheet.addRow(out);
  });
  await workbook.xlsx.writeFile(file);
}

export function writeFile(file: string, content: Buffer): string {
  fs.writeFileSync(file, content);
  return file;
}
