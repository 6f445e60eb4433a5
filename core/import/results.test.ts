/** A cohort's exam sheet updates the enrolments and certifications of registered trainees. */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/index.js';
import { failure, startCore, type Harness } from '../testing/harness.js';
import { footprint } from './testing/import-kit.js';

const NOW = new Date('2026-07-31T09:00:00Z');
let h: Harness;
let cohortId: string;
const trainees: { id: string; cnic: string; name: string }[] = [];

beforeEach(async () => {
  h = await startCore({ now: () => NOW });
  const programme = await h.manager.call('programmes.create', { kind: 'training', name: 'DigiSkills Freelancing' });
  cohortId = (await h.manager.call('cohorts.create', { programmeId: programme.id, name: 'Batch 7' })).id;
  trainees.length = 0;
  for (let i = 0; i < 6; i += 1) {
    const cnic = `35202-${1000000 + i}-${i}`;
    const name = ['Ali Khan', 'Sana Baloch', 'Hamza Shah', 'محمد علی', 'Zainab Malik', 'Usman Butt'][i]!;
    const t = await h.manager.call('trainees.create', { name, cnic });
    trainees.push({ id: t.id, cnic, name });
    // The first four are enrolled already; the last two are not.
    if (i < 4) await h.manager.call('enrolments.create', { traineeId: t.id, cohortId });
  }
});
afterEach(() => h.close());

/** The exam sheet as the examiner sends it: a title, the header, one row per candidate. */
async function examSheet(rows: (string | number | null)[][]): Promise<string> {
  const file = path.join(h.dataDir, 'batch7-results.xlsx');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Results');
  sheet.addRow(['Batch 7 — final exam']);
  sheet.addRow(['Candidate Name', 'CNIC No', 'Marks Obtained', 'Result', 'Certificate No']);
  for (const row of rows) sheet.addRow(row);
  await book.xlsx.writeFile(file);
  return file;
}

const MAPPING = { name: 'Candidate Name', cnic: 'CNIC No', score: 'Marks Obtained', status: 'Result', certificateNo: 'Certificate No' };

function request(file: string, extra: Partial<InputOf<'import.commit'>> = {}): InputOf<'import.commit'> {
  return { source: { path: file }, kind: 'results', mapping: MAPPING, options: { cohortId, onDuplicate: 'skip', dateOrder: 'dmy' }, ...extra };
}

describe('results import', () => {
  it('sets scores and statuses, makes missing enrolments and certifications, and rejects rows it cannot place', async () => {
    const [ali, sana, hamza, urdu, zainab, usman] = trainees;
    const file = await examSheet([
      [ali!.name, ali!.cnic, 82, 'Pass', 'DSF-7-0001'],
      [sana!.name, sana!.cnic.replace(/-/g, ''), 45, 'Fail', null],
      [urdu!.name, urdu!.cnic, 91.5, 'P', 'DSF-7-0002'],
      [zainab!.name, zainab!.cnic, 77, null, 'DSF-7-0003'], // not enrolled: enrolled now, completed
      ['Someone Else', usman!.cnic, 60, 'Pass', null], // a name that is not this CNIC's
      ['Nadia Jamil', '42101-7654321-1', 70, 'Pass', null], // no such trainee
      [hamza!.name, hamza!.cnic, 130, 'Pass', null], // score out of range
      [ali!.name, ali!.cnic, 83, 'Pass', null], // the same CNIC again
    ]);
    const summary = await h.manager.runJob('import.commit', request(file, { validOnly: true }));
    expect(summary).toMatchObject({
      committed: true,
      added: 0,
      updated: 4,
      skipped: 0,
      rejected: 4,
      enrolments: { added: 1, updated: 3 },
      certifications: { added: 3, updated: 0 },
    });
    const enrolment = (traineeId: string) =>
      h.core.db.prepare('SELECT status, score, completed_on AS completedOn FROM enrolments WHERE trainee_id = ? AND deleted = 0').get(traineeId);
    expect(enrolment(ali!.id)).toEqual({ status: 'completed', score: 82, completedOn: '2026-07-31' });
    expect(enrolment(sana!.id)).toMatchObject({ status: 'completed', score: 45 });
    expect(enrolment(zainab!.id)).toMatchObject({ status: 'completed', score: 77 });
    expect(enrolment(hamza!.id)).toMatchObject({ status: 'enrolled', score: null });
    const certificate = h.core.db.prepare("SELECT trainee_id AS traineeId, title, issued_on AS issuedOn FROM certifications WHERE certificate_no = 'DSF-7-0002'").get();
    expect(certificate).toEqual({ traineeId: urdu!.id, title: 'DigiSkills Freelancing', issuedOn: '2026-07-31' });

    const { rejectedFile } = summary;
    const reasons = (await import('node:fs')).readFileSync(rejectedFile!, 'utf8');
    expect(reasons).toContain(`This CNIC is registered to ${usman!.name}, not Someone Else`);
    expect(reasons).toContain('No trainee has this CNIC: import the trainee first');
    expect(reasons).toContain('130 is not between 0 and 100');
    expect(reasons).toMatch(/This CNIC is also on row \d+/);

    // The same sheet again changes nothing.
    const before = footprint(h.core);
    const again = await h.manager.runJob('import.commit', request(file, { validOnly: true }));
    expect(again).toMatchObject({ updated: 0, skipped: 4, rejected: 4 });
    expect(footprint(h.core).certifications).toBe(before.certifications);
  });

  it("refuses a certificate number already on another trainee's record, and needs the cohort", async () => {
    const [ali, sana] = trainees;
    await h.manager.call('certifications.create', { traineeId: sana!.id, title: 'Graphic design', issuedOn: '2026-01-10', certificateNo: 'DSF-7-0001' });
    const file = await examSheet([[ali!.name, ali!.cnic, 82, 'Pass', 'DSF-7-0001']]);
    const analysis = await h.manager.runJob('import.analyse', request(file));
    expect(analysis.issues).toEqual([
      { row: 3, field: 'certificateNo', column: 'Certificate No', value: 'DSF-7-0001', message: "Certificate no. DSF-7-0001 is already on another trainee's record" },
    ]);
    const noCohort = await failure(h.manager.runJob('import.analyse', { ...request(file), options: { onDuplicate: 'skip', dateOrder: 'dmy' } }));
    expect(noCohort).toMatchObject({ code: 'invalid', issues: [{ path: ['options', 'cohortId'] }] });
  });
});
