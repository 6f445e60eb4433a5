/**
 * `export.list` with values as a person reads them: enum words and Yes/No given by the
 * caller, referenced records by name (any list: a startup's cohort, an enrolment's trainee
 * and cohort), instants in a time zone, in CSV and as real cells in XLSX. (The rest of the
 * export, masking and escaping, is tested in core/import/services.test.ts.)
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/index.js';
import { failure, startCore, type Harness } from '../testing/harness.js';

const NOW = new Date('2026-07-31T09:00:00Z');
let h: Harness;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
});
afterEach(() => h.close());

function csvLines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
}

describe('readable exports', () => {
  it('writes labels, names of referenced records and local times instead of stored values, for any list', async () => {
    const programme = await h.manager.call('programmes.create', { kind: 'incubation', name: 'Cohort programme' });
    const batch = await h.manager.call('cohorts.create', { programmeId: programme.id, name: 'Batch 7' });
    const gone = await h.manager.call('cohorts.create', { programmeId: programme.id, name: 'Old batch' });
    await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech', stage: 'incubated', womenLed: true, cohortId: batch.id });
    await h.manager.call('startups.create', { name: 'Agri Link', sector: 'agritech', cohortId: gone.id });
    await h.manager.call('startups.create', { name: 'Solo', sector: 'other' });
    // Deleted on another workstation: a synced tombstone may leave startups pointing at it.
    h.core.db.prepare('UPDATE cohorts SET deleted = 1 WHERE id = ?').run(gone.id);

    const options: Omit<InputOf<'export.list'>, 'format'> = {
      target: { list: 'startups', query: { sort: { field: 'name', direction: 'asc' } } },
      columns: ['name', 'sector', 'stage', 'cohortId', 'womenLed', 'createdAt'],
      headers: ['Name', 'Sector', 'Stage', 'Cohort', 'Women-led', 'Added'],
      valueLabels: {
        sector: { fintech: 'Fintech', agritech: 'Agritech' },
        stage: { applied: 'Applied', incubated: 'Incubated' },
        womenLed: { true: 'Yes', false: 'No' },
      },
      references: 'names',
      timeZone: 'Asia/Karachi',
    };
    const csv = await h.manager.runJob('export.list', { ...options, format: 'csv' });
    expect(csv.rows).toBe(3);
    expect(csvLines(csv.path)).toEqual([
      'Name,Sector,Stage,Cohort,Women-led,Added',
      'Agri Link,Agritech,Applied,,No,2026-07-31 14:00', // its cohort was deleted; 09:00 UTC is 14:00 in Karachi
      'Solo,other,Applied,,No,2026-07-31 14:00', // a value without a label stays as stored
      'Tez Pay,Fintech,Incubated,Batch 7,Yes,2026-07-31 14:00',
    ]);

    // Without the options: stored values, ids and UTC, as before.
    const stored = await h.manager.runJob('export.list', { target: options.target, columns: options.columns, format: 'csv' });
    expect(csvLines(stored.path)[3]).toBe(`Tez Pay,fintech,incubated,${batch.id},true,2026-07-31T09:00:00.000Z`);

    // XLSX: the same text, the local time a date-time cell.
    const xlsx = await h.manager.runJob('export.list', { ...options, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    const row = book.worksheets[0]!.getRow(4);
    expect(row.values).toEqual([undefined, 'Tez Pay', 'Fintech', 'Incubated', 'Batch 7', 'Yes', new Date('2026-07-31T14:00:00Z')]);
    expect(row.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm');

    // The same mechanism names an enrolment's trainee and cohort, and labels each tag of a list field.
    const training = await h.manager.call('programmes.create', { kind: 'training', name: 'DigiSkills' });
    const cohort = await h.manager.call('cohorts.create', { programmeId: training.id, name: 'Batch 9' });
    const ali = await h.manager.call('trainees.create', { name: 'Ali Raza', city: 'Lahore' });
    await h.manager.call('enrolments.create', { traineeId: ali.id, cohortId: cohort.id });
    const enrolments = await h.manager.runJob('export.list', {
      target: { list: 'enrolments' },
      format: 'csv',
      columns: ['traineeId', 'cohortId', 'status'],
      valueLabels: { status: { enrolled: 'Enrolled' } },
      references: 'names',
    });
    expect(csvLines(enrolments.path)).toEqual(['traineeId,cohortId,status', 'Ali Raza (Lahore),Batch 9,Enrolled']);
    await h.manager.call('mentors.create', { name: 'Farah Naz', expertise: ['marketing', 'sales'] });
    const mentors = await h.manager.runJob('export.list', {
      target: { list: 'mentors' },
      format: 'csv',
      columns: ['name', 'expertise'],
      valueLabels: { expertise: { marketing: 'Marketing', sales: 'Sales' } },
    });
    expect(csvLines(mentors.path)[1]).toBe('Farah Naz,"Marketing, Sales"');

    // Labels for a field the list does not have are refused, naming it.
    const bad = await failure(h.manager.runJob('export.list', { target: { list: 'startups' }, format: 'csv', valueLabels: { colour: { red: 'Red' } } }));
    expect(bad).toMatchObject({ code: 'invalid', issues: [{ path: ['valueLabels', 'colour'] }] });
    const zone = await failure(h.manager.runJob('export.list', { target: { list: 'startups' }, format: 'csv', timeZone: 'Mars/Olympus' }));
    expect(zone).toMatchObject({ code: 'invalid', issues: [{ path: ['timeZone'] }] });
  });
});
