/**
 * What the import wizard needs besides the import itself: saved mappings, sending a file in
 * chunks (a browser has no path), fetching the rejected rows back, importing startups and
 * mentors, and exporting any list to CSV or XLSX.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startCore, type Harness } from '../testing/harness.js';
import { prepareCentre, TRAINEE_MAPPING } from './testing/import-kit.js';
import { excelCsv, makeRoster, writeFile } from './testing/roster.js';

const NOW = new Date('2026-07-31T09:00:00Z');
let h: Harness;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
});
afterEach(() => h.close());

describe('saved mappings', () => {
  it('are saved by kind and name (saving again replaces), listed newest first, offered by inspect when they fit, and deleted', async () => {
    const roster = makeRoster({ rows: 40, today: '2026-07-31' });
    const file = writeFile(path.join(h.dataDir, 'r.csv'), excelCsv(roster));
    const saved = await h.manager.call('import.mappings.save', { kind: 'trainees', name: 'Admissions portal', mapping: { name: 'Student Name' } });
    const again = await h.manager.call('import.mappings.save', { kind: 'trainees', name: 'admissions portal', mapping: TRAINEE_MAPPING });
    expect(again.id).toBe(saved.id);
    await h.manager.call('import.mappings.save', { kind: 'trainees', name: 'Other office', mapping: { name: 'Naam' } });
    // Saved at the same (test) instant: by name.
    expect((await h.manager.call('import.mappings.list', { kind: 'trainees' })).map((m) => m.name)).toEqual(['Admissions portal', 'Other office']);
    const inspected = await h.manager.runJob('import.inspect', { source: { path: file }, kind: 'trainees' });
    expect(inspected.savedMapping).toEqual({ id: saved.id, name: 'Admissions portal', mapping: TRAINEE_MAPPING });
    const bad = await failure(h.manager.call('import.mappings.save', { kind: 'trainees', name: 'x', mapping: { salary: 'Pay' } }));
    expect(bad).toMatchObject({ code: 'invalid', issues: [{ path: ['mapping', 'salary'] }] });
    await h.manager.call('import.mappings.delete', { id: saved.id });
    expect(await h.manager.call('import.mappings.list', { kind: 'trainees' })).toHaveLength(1);
  });
});

describe('files sent and fetched in chunks', () => {
  it('imports an uploaded file, then downloads its rejected rows; only office roles may', async () => {
    const roster = makeRoster({ rows: 100, today: '2026-07-31' });
    await prepareCentre(h.manager, roster);
    const bytes = excelCsv(roster);
    const half = Math.ceil(bytes.length / 2);
    const first = await h.manager.call('files.upload', { fileName: 'roster.csv', offset: 0, data: bytes.subarray(0, half).toString('base64'), last: false });
    expect(first).toMatchObject({ bytes: half, complete: false });
    const unfinished = await failure(h.manager.runJob('import.inspect', { source: { uploadId: first.uploadId }, kind: 'trainees' }));
    expect(unfinished.message).toContain('has not received its last chunk');
    const wrongOffset = await failure(h.manager.call('files.upload', { uploadId: first.uploadId, fileName: 'roster.csv', offset: 3, data: '', last: true }));
    expect(wrongOffset).toMatchObject({ code: 'invalid', issues: [{ path: ['offset'] }] });
    await h.manager.call('files.upload', { uploadId: first.uploadId, fileName: 'roster.csv', offset: half, data: bytes.subarray(half).toString('base64'), last: true });
    const stored = fs.readdirSync(path.join(h.dataDir, 'uploads', first.uploadId));
    expect(stored).toEqual(['roster.csv']);
    expect(fs.statSync(path.join(h.dataDir, 'uploads', first.uploadId, 'roster.csv')).mode & 0o777).toBe(0o600);

    const source = { uploadId: first.uploadId };
    const summary = await h.manager.runJob('import.commit', { source, kind: 'trainees', mapping: TRAINEE_MAPPING, validOnly: true });
    expect(summary).toMatchObject({ added: roster.expected.newPeople, rejected: roster.expected.invalid });

    let text = '';
    for (let offset = 0, done = false; !done; ) {
      const chunk = await h.manager.call('files.download', { name: summary.rejectedFileName!, offset, length: 1000 });
      text += Buffer.from(chunk.data, 'base64').toString('latin1');
      offset += Buffer.from(chunk.data, 'base64').length;
      done = chunk.done;
    }
    expect(Buffer.from(text, 'latin1').equals(fs.readFileSync(summary.rejectedFile!))).toBe(true);

    const viewer = await h.as('viewer');
    expect((await failure(viewer.call('files.download', { name: summary.rejectedFileName! }))).code).toBe('forbidden');
    expect((await failure(viewer.call('files.upload', { fileName: 'x.csv', offset: 0, data: '', last: true }))).code).toBe('forbidden');
    const traversal = await failure(h.manager.call('files.download', { name: '../incubator.sqlite' }));
    expect(traversal.code).toBe('invalid');
  });
});

describe('startups and mentors', () => {
  it('imports startups with sector and stage words, matching duplicates by registration number and name', async () => {
    await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech', registrationNo: 'SECP-0001' });
    const file = path.join(h.dataDir, 'startups.csv');
    fs.writeFileSync(
      file,
      [
        'Startup Name;Industry;Stage;Website;Women Led;SECP No;Founded',
        'Tez Pay;FinTech;Incubation;tezpay.pk;no;SECP-0001;2024-02-01',
        'Kisan Connect;Agriculture;applied;https://kisan.pk;yes;;15/03/2025',
        'kisan connect;agritech;;;;;',
        'Sehat Link;Health;Graduate;;Y;SECP-0009;',
        'Broken;Space mining;;;;;',
      ].join('\r\n'),
    );
    const summary = await h.manager.runJob('import.commit', {
      source: { path: file },
      kind: 'startups',
      mapping: { name: 'Startup Name', sector: 'Industry', stage: 'Stage', website: 'Website', womenLed: 'Women Led', registrationNo: 'SECP No', foundedOn: 'Founded' },
      validOnly: true,
    });
    expect(summary).toMatchObject({ added: 2, skipped: 2, rejected: 1, updated: 0 });
    const kisan = h.core.db.prepare("SELECT sector, stage, website, women_led AS womenLed, founded_on AS foundedOn FROM startups WHERE name = 'Kisan Connect'").get();
    expect(kisan).toEqual({ sector: 'agritech', stage: 'applied', website: 'https://kisan.pk', womenLed: 1, foundedOn: '2025-03-15' });
    expect(fs.readFileSync(summary.rejectedFile!, 'utf8')).toContain('Row 6: Industry: ""Space mining"" is not one of agritech, ai,');
  });

  it('imports mentors, matching by email and then phone, with time zones checked', async () => {
    await h.manager.call('mentors.create', { name: 'Farah Naz', email: 'farah@example.pk', phone: '0321-1234567' });
    const file = path.join(h.dataDir, 'mentors.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Mentors');
    sheet.addRow(['Mentor Name', 'Organization', 'Areas of Expertise', 'Email', 'Phone', 'Time Zone', 'Country']);
    sheet.addRow(['Farah Naz', 'Systems Ltd', 'marketing, sales', 'FARAH@example.pk', null, null, null]);
    sheet.addRow(['F. Naz', null, null, null, '+92 321 1234567', null, null]);
    sheet.addRow(['Omar Siddiqui', 'Careem', 'product; growth', 'omar@example.com', '+44 20 7946 0958', 'Europe/London', 'United Kingdom']);
    sheet.addRow(['Nobody', null, null, null, null, 'Mars/Olympus', null]);
    await book.xlsx.writeFile(file);
    const inspected = await h.manager.runJob('import.inspect', { source: { path: file }, kind: 'mentors' });
    expect(inspected.suggested.mapping).toEqual({ name: 'Mentor Name', organisation: 'Organization', expertise: 'Areas of Expertise', email: 'Email', phone: 'Phone', timeZone: 'Time Zone', country: 'Country' });
    // Farah's two rows match her stored record by different keys (email, phone): one group, decided once.
    const analysed = await h.manager.runJob('import.analyse', { source: { path: file }, kind: 'mentors', mapping: inspected.suggested.mapping });
    expect(analysed.groups.map((g) => g.rows)).toEqual([[2, 3]]);
    const summary = await h.manager.runJob('import.commit', {
      source: { path: file },
      kind: 'mentors',
      mapping: inspected.suggested.mapping,
      validOnly: true,
      options: { onDuplicate: 'update', dateOrder: 'dmy' },
    });
    expect(summary).toMatchObject({ added: 1, updated: 2, rejected: 1 });
    const farah = h.core.db.prepare("SELECT name, organisation, expertise FROM mentors WHERE email = 'farah@example.pk'").get();
    expect(farah).toEqual({ name: 'F. Naz', organisation: 'Systems Ltd', expertise: '["marketing","sales"]' });
  });
});

describe('list export', () => {
  it('writes every matching row to CSV or XLSX; CNIC and phone masked for staff, in clear (and audited) for a manager', async () => {
    for (let i = 0; i < 1205; i += 1) {
      await h.manager.call('trainees.create', { name: `Trainee ${i}`, cnic: `35202-${1000000 + i}-1`, phone: `0300${1000000 + i}`, city: i % 2 ? 'Lahore' : 'Karachi' });
    }
    const staff = await h.as('staff');
    const masked = await staff.runJob('export.list', { target: { list: 'trainees', query: { filter: { city: 'Lahore' }, sort: { field: 'name', direction: 'asc' } } }, format: 'csv', columns: ['name', 'cnic', 'phone', 'city'] });
    expect(masked).toMatchObject({ rows: 602, format: 'csv', personalData: 'masked' });
    expect(fs.statSync(masked.path).mode & 0o777).toBe(0o600);
    const lines = fs.readFileSync(masked.path, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('name,cnic,phone,city');
    expect(lines[1]).toBe('Trainee 1,3****-*******-1,+92300*****01,Lahore');
    await h.manager.call('trainees.create', { name: '=HYPERLINK("http://evil.example")', city: 'Lahore' });
    const escaped = await staff.runJob('export.list', { target: { list: 'trainees', query: { filter: { city: 'Lahore' } } }, format: 'csv', columns: ['name'] });
    expect(fs.readFileSync(escaped.path, 'utf8')).toContain(`"'=HYPERLINK(""http://evil.example"")"`);

    const clear = await h.manager.runJob('export.list', { target: { list: 'trainees' }, format: 'xlsx', headers: ['Name', 'CNIC'], columns: ['name', 'cnic'] });
    expect(clear).toMatchObject({ rows: 1206, format: 'xlsx', personalData: 'clear' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(clear.path);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'CNIC']);
    expect(sheet.rowCount).toBe(1207);
    // Row 2 is the =HYPERLINK trainee (sorted first by name), who has no CNIC.
    expect(String(sheet.getRow(3).getCell(2).value)).toMatch(/^35202-\d{7}-1$/);
    const audit = await h.manager.call('audit.list', {});
    expect(audit.items[0]).toMatchObject({ action: 'export.clear', entity: 'trainees' });

    const download = await h.manager.call('files.download', { name: clear.fileName, length: 10 });
    expect(download).toMatchObject({ offset: 0, done: false, bytes: clear.bytes });
    const badColumn = await failure(h.manager.runJob('export.list', { target: { list: 'trainees' }, format: 'csv', columns: ['salary'] }));
    expect(badColumn).toMatchObject({ code: 'invalid', issues: [{ path: ['columns'] }] });
  });
});
