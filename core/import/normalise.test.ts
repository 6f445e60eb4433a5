import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  normaliseBoolean,
  normaliseCnicCell,
  normaliseDate,
  normaliseEmail,
  normaliseGender,
  normaliseName,
  normalisePhoneCell,
  normaliseTags,
  normaliseText,
  Problem,
} from './normalise.js';

const problem = (v: unknown) => (v instanceof Problem ? v.message : null);

describe('CNIC cells', () => {
  it('accepts 13 digits with or without dashes and spaces, and number cells', () => {
    expect(normaliseCnicCell('35202-1234567-1')).toBe('35202-1234567-1');
    expect(normaliseCnicCell('3520212345671')).toBe('35202-1234567-1');
    expect(normaliseCnicCell(' 35202 1234567 1 ')).toBe('35202-1234567-1');
    expect(normaliseCnicCell(3520212345671)).toBe('35202-1234567-1');
    expect(normaliseCnicCell('')).toBeNull();
  });

  it('rejects impossible ones and says when Excel shortened the number', () => {
    expect(problem(normaliseCnicCell('352021234567'))).toContain('13 digits');
    expect(problem(normaliseCnicCell('95202-1234567-1'))).toContain('starting with 1–8');
    expect(problem(normaliseCnicCell('35202-0000000-1'))).toContain('13 digits');
    expect(problem(normaliseCnicCell('3.52021E+12'))).toContain('shortened by Excel');
  });

  it('gives the same CNIC however the 13 digits are spaced (property)', () => {
    const digits = fc.tuple(fc.integer({ min: 1, max: 8 }), fc.stringMatching(/^\d{11}$/), fc.integer({ min: 0, max: 9 }))
      .filter(([, middle]) => middle.slice(4) !== '0000000')
      .map(([a, b, c]) => `${a}${b}${c}`);
    fc.assert(
      fc.property(digits, fc.constantFrom('', '-', ' '), (d, sep) => {
        const spelled = `${d.slice(0, 5)}${sep}${d.slice(5, 12)}${sep}${d.slice(12)}`;
        expect(normaliseCnicCell(spelled)).toBe(`${d.slice(0, 5)}-${d.slice(5, 12)}-${d.slice(12)}`);
      }),
    );
  });
});

describe('phone cells', () => {
  it('brings mobile spellings to +923xxxxxxxxx', () => {
    for (const spelling of ['0300-1234567', '03001234567', '923001234567', '+92 300 1234567', '+92-300-1234567', '0092 300 1234567']) {
      expect(normalisePhoneCell(spelling)).toBe('+923001234567');
    }
    // A number cell lost its leading zero.
    expect(normalisePhoneCell(3001234567)).toBe('+923001234567');
  });

  it('rejects what is not one phone number', () => {
    expect(problem(normalisePhoneCell('0300-12345'))).toContain('Phone must look like');
    expect(problem(normalisePhoneCell('0300-1234567 / 0321-7654321'))).toContain('one phone number');
    expect(problem(normalisePhoneCell('9.23001E+11'))).toContain('shortened by Excel');
  });

  it('gives the same number for every spelling of a mobile (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^3\d{9}$/), fc.integer({ min: 0, max: 3 }), (national, style) => {
        const spelling = [`0${national.slice(0, 3)}-${national.slice(3)}`, `0${national}`, `92${national}`, `+92 ${national.slice(0, 3)} ${national.slice(3)}`][style]!;
        expect(normalisePhoneCell(spelling)).toBe(`+92${national}`);
      }),
    );
  });
});

describe('dates', () => {
  it('reads day-first, ISO, month names, Excel serials and date cells', () => {
    expect(normaliseDate('31/07/2001')).toBe('2001-07-31');
    expect(normaliseDate('31-07-2001')).toBe('2001-07-31');
    expect(normaliseDate('31.7.01', 'dmy', 2026)).toBe('2001-07-31');
    expect(normaliseDate('2001-07-31')).toBe('2001-07-31');
    expect(normaliseDate('2001/7/31')).toBe('2001-07-31');
    expect(normaliseDate('31 Jul 2001')).toBe('2001-07-31');
    expect(normaliseDate('31-Jul-01', 'dmy', 2026)).toBe('2001-07-31');
    expect(normaliseDate('July 31, 2001')).toBe('2001-07-31');
    expect(normaliseDate(37103)).toBe('2001-07-31');
    expect(normaliseDate('37103')).toBe('2001-07-31');
    expect(normaliseDate(new Date(Date.UTC(2001, 6, 31)))).toBe('2001-07-31');
    expect(normaliseDate('07/31/2001', 'mdy')).toBe('2001-07-31');
  });

  it('refuses dates that do not exist, in words', () => {
    expect(problem(normaliseDate('31/02/2001'))).toBe('31/02/2001 does not exist (read as day/month/year)');
    expect(problem(normaliseDate('07/31/2001'))).toContain('does not exist');
    expect(problem(normaliseDate('yesterday'))).toContain('is not a date');
    expect(problem(normaliseDate(12))).toContain('is not a date');
  });

  it('reads a two-digit year as the latest year ending so, at most ten years from now', () => {
    expect(normaliseDate('01/01/99', 'dmy', 2026)).toBe('1999-01-01');
    expect(normaliseDate('01/01/36', 'dmy', 2026)).toBe('2036-01-01');
    expect(normaliseDate('01/01/37', 'dmy', 2026)).toBe('1937-01-01');
  });

  it('reads back any date written day first, ISO or as a serial (property)', () => {
    const day = fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        const [y, m, d] = iso.split('-');
        expect(normaliseDate(`${d}/${m}/${y}`)).toBe(iso);
        expect(normaliseDate(iso)).toBe(iso);
        const serial = Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
        expect(excelSerialToIso(serial)).toBe(iso);
        expect(excelSerialToIso(serial + 0.75)).toBe(iso); // a time of day does not move the date
      }),
    );
  });
});

describe('words and text', () => {
  it('reads gender in English and Urdu', () => {
    for (const m of ['M', 'm', 'Male', 'MALE', 'مرد', 'Mr.']) expect(normaliseGender(m)).toBe('male');
    for (const f of ['F', 'Female', 'عورت', 'خاتون', 'Mrs']) expect(normaliseGender(f)).toBe('female');
    expect(problem(normaliseGender('unknown'))).toContain('is not one of M/F/Male/Female/Other/مرد/عورت');
  });

  it('reads yes and no, tags and emails', () => {
    expect(normaliseBoolean('Yes')).toBe(true);
    expect(normaliseBoolean('نہیں')).toBe(false);
    expect(normaliseTags('Python, SQL; web design|python')).toEqual(['python', 'sql', 'web design']);
    expect(normaliseEmail(' Ali.Khan@Example.PK ')).toBe('ali.khan@example.pk');
    expect(normaliseEmail('mailto:a@b.pk')).toBe('a@b.pk');
    expect(problem(normaliseEmail('ali@'))).toContain('is not an email address');
  });

  it('trims and joins spaces, NFC-normalises Latin names, keeps Arabic-script names as written', () => {
    expect(normaliseName('  Ali\u00A0  Khan \n')).toBe('Ali Khan');
    expect(normaliseName('Jose\u0301')).toBe('José'); // e + combining acute → é
    const decomposed = 'فاطمہ\u06C1\u0654';
    expect(normaliseName(` ${decomposed} `)).toBe(decomposed);
    expect(problem(normaliseName('1234'))).toContain('is not a name');
  });

  it('is idempotent and never changes the letters of Urdu text (property)', () => {
    const urdu = fc.string({ unit: fc.constantFrom(...'ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھءیےۂ\u0654\u200C '.split('')), minLength: 1 });
    fc.assert(
      fc.property(urdu, (text) => {
        const once = normaliseText(text);
        if (once === null) return;
        expect(normaliseText(once)).toBe(once);
        expect(once.replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
    );
  });
});
