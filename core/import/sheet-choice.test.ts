/**
 * What the wizard is shown before anything is written: which sheet of a workbook is read
 * when none is chosen (the first holding a table, past a sheet of instructions), and a
 * duplicate group's differences naming a cohort by its name, never by its id.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startCore, type Harness } from '../testing/harness.js';

const NOW = new Date('2026-07-31T09:00:00Z');
let h: Harness;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
});
afterEach(() => h.close());

async function workbook(sheets: Record<string, (string | number | null)[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  const file = path.join(h.dataDir, 'book.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

describe('the sheet read by default', () => {
  it('is the first that holds a table, past sheets of notes; any sheet can still be chosen', async () => {
    const file = await workbook({
      Instructions: [['Fill one row per trainee.'], ['CNIC with dashes, dates as dd/mm/yyyy.']],
      'Batch 6': [['Batch 6 roster'], ['Name', 'CNIC', 'City'], ['Ali Khan', '35202-1000000-0', 'Lahore']],
      'Batch 7': [['Name', 'CNIC', 'City'], ['Sana Baloch', '35202-1000001-1', 'Quetta'], ['Hamza Shah', '35202-1000002-2', 'Karachi']],
    });
    const inspected = await h.manager.runJob('import.inspect', { source: { path: file }, kind: 'trainees' });
    expect(inspected).toMatchObject({
      sheet: 'Batch 6',
      headerRow: 2,
      rowCount: 1,
      sheets: [
        { name: 'Instructions', rows: 2 },
        { name: 'Batch 6', rows: 3 },
        { name: 'Batch 7', rows: 3 },
      ],
    });
    const chosen = await h.manager.runJob('import.inspect', { source: { path: file }, kind: 'trainees', sheet: 'Batch 7' });
    expect(chosen).toMatchObject({ sheet: 'Batch 7', headerRow: 1, rowCount: 2 });
    const notes = await failure(h.manager.runJob('import.inspect', { source: { path: file }, kind: 'trainees', sheet: 'Instructions' }));
    expect(notes.message).toContain('No header row found in sheet "Instructions"');
  });

  it('is the first with data when no sheet holds a table (and says so)', async () => {
    const file = await workbook({ Empty: [], Notes: [['Nothing here yet.']] });
    const error = await failure(h.manager.runJob('import.inspect', { source: { path: file }, kind: 'trainees' }));
    expect(error.message).toContain('No header row found in sheet "Notes"');
  });
});

describe('duplicate groups', () => {
  it('show a cohort that would change by its name', async () => {
    const programme = await h.manager.call('programmes.create', { kind: 'incubation', name: 'Incubation 2026' });
    const cohort = await h.manager.call('cohorts.create', { programmeId: programme.id, name: 'Cohort 5' });
    await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech', registrationNo: 'SECP-0001' });
    const file = path.join(h.dataDir, 'startups.csv');
    fs.writeFileSync(file, 'Startup Name,Sector,Cohort,SECP No\r\nTez Pay,fintech,Cohort 5,SECP-0001\r\n');
    const analysis = await h.manager.runJob('import.analyse', {
      source: { path: file },
      kind: 'startups',
      mapping: { name: 'Startup Name', sector: 'Sector', cohort: 'Cohort', registrationNo: 'SECP No' },
    });
    expect(analysis.groups).toHaveLength(1);
    expect(analysis.groups[0]!.differences).toEqual([{ field: 'cohort', existing: null, incoming: 'Cohort 5', row: 2 }]);
    const summary = await h.manager.runJob('import.commit', {
      source: { path: file },
      kind: 'startups',
      mapping: { name: 'Startup Name', sector: 'Sector', cohort: 'Cohort', registrationNo: 'SECP No' },
      options: { onDuplicate: 'update', dateOrder: 'dmy' },
    });
    expect(summary).toMatchObject({ updated: 1 });
    expect((await h.manager.call('startups.list', {})).items[0]).toMatchObject({ name: 'Tez Pay', cohortId: cohort.id });
  });
});
