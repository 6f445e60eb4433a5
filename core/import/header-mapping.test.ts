import { describe, expect, it } from 'vitest';
import { headerKey, suggestMapping } from './header-mapping.js';

const columns = (...headers: string[]) => headers.map((header, index) => ({ key: header, header, index }));

describe('suggested mappings', () => {
  it('maps the common variants of each header, whatever their case, spacing and punctuation', () => {
    const sheet = columns('Full Name', 'ID Card No.', 'WhatsApp', 'E-mail', 'SEX', 'District', 'D.O.B', 'Cohort / Batch', 'Skills');
    expect(suggestMapping('trainees', sheet)).toMatchObject({
      mapping: {
        name: 'Full Name',
        cnic: 'ID Card No.',
        phone: 'WhatsApp',
        email: 'E-mail',
        gender: 'SEX',
        district: 'District',
        dateOfBirth: 'D.O.B',
        cohort: 'Cohort / Batch',
        skills: 'Skills',
      },
      missing: [],
    });
  });

  it('knows Urdu headers', () => {
    expect(suggestMapping('trainees', columns('نام', 'شناختی کارڈ نمبر', 'موبائل نمبر', 'شہر')).mapping).toEqual({
      name: 'نام',
      cnic: 'شناختی کارڈ نمبر',
      phone: 'موبائل نمبر',
      city: 'شہر',
    });
  });

  it("never maps a father's or guardian's name or CNIC to the trainee's own", () => {
    const suggested = suggestMapping('trainees', columns("Father's Name", 'Father CNIC', 'Student Name', 'Guardian Contact No'));
    expect(suggested.mapping).toEqual({ name: 'Student Name' });
  });

  it('rates a header containing a variant lower than an exact one, and reports required fields it did not find', () => {
    const suggested = suggestMapping('trainees', columns('Trainee Mobile No', 'Remarks'));
    expect(suggested.mapping).toEqual({ phone: 'Trainee Mobile No' });
    expect(suggested.confidence.phone).toBeGreaterThan(0.5);
    expect(suggested.confidence.phone).toBeLessThan(1);
    expect(suggested.missing).toEqual(['name']);
  });

  it('maps results and startup sheets', () => {
    expect(suggestMapping('results', columns('CNIC', 'Marks Obtained', 'Result', 'Certificate #')).mapping).toEqual({
      cnic: 'CNIC',
      score: 'Marks Obtained',
      status: 'Result',
      certificateNo: 'Certificate #',
    });
    expect(suggestMapping('startups', columns('Startup Name', 'Industry', 'SECP No', 'Founder Name')).mapping).toEqual({
      name: 'Startup Name',
      sector: 'Industry',
      registrationNo: 'SECP No',
    });
  });

  it('compares headers by letters and digits only', () => {
    expect(headerKey(' Full_Name: ')).toBe('fullname');
    expect(headerKey('شناختی کارڈ')).toBe('شناختیکارڈ');
  });
});
