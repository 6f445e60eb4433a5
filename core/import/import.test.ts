/**
 * Trainee rosters end to end through the API (the calls the wizard and the CLI make), in
 * the four shapes spreadsheets arrive in. Every count is exact: it follows from how the
 * roster is built (testing/roster.ts), not from the importer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InputOf } from '../../shared/api/index.js';
import { failure, startCore, type Harness } from '../testing/harness.js';
import { footprint, prepareCentre, TRAINEE_MAPPING } from './testing/import-kit.js';
import { excelCsv, INVALID_KINDS, makeRoster, rosterXlsx, semicolonCsv, utf16Text, writeFile, type Roster } from './testing/roster.js';

const NOW = new Date('2026-07-31T09:00:00Z');

let h: Harness;
let roster: Roster;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
  roster = makeRoster({ rows: 200, today: '2026-07-31' });
  await prepareCentre(h.manager, roster);
});
afterEach(() => h.close());

type Format = { name: string; file: string; write(r: Roster, file: string): Promise<void>; encoding: string | null; delimiter: string | null; headerRow: number };

const FORMATS: Format[] = [
  { name: 'Excel CSV UTF-8 (BOM, CRLF)', file: 'roster.csv', write: async (r, f) => void writeFile(f, excelCsv(r)), encoding: 'utf-8-bom', delimiter: ',', headerRow: 1 },
  { name: 'semicolon CSV', file: 'roster-semicolon.csv', write: async (r, f) => void writeFile(f, semicolonCsv(r)), encoding: 'utf-8', delimiter: ';', headerRow: 1 },
  { name: 'UTF-16 Unicode text (tabs)', file: 'roster.txt', write: async (r, f) => void writeFile(f, utf16Text(r)), encoding: 'utf-16le', delimiter: '\t', headerRow: 1 },
  { name: 'XLSX with title rows and empty rows', file: 'roster.xlsx', write: (r, f) => rosterXlsx(r, f), encoding: null, delimiter: null, headerRow: 4 },
];

function request(file: string, extra: Partial<InputOf<'import.commit'>> = {}): InputOf<'import.commit'> {
  return { source: { path: file }, kind: 'trainees', mapping: TRAINEE_MAPPING, ...extra };
}

describe.each(FORMATS)('a 200-row trainee roster as $name', (format) => {
  let file: string;
  beforeEach(async () => {
    file = path.join(h.dataDir, format.file);
    await format.write(roster, file);
  });

  it('is inspected: encoding, delimiter, header row below the titles, preview, and every column mapped from its header', async () => {
    const inspected = await h.manager.runJob('import.inspect', { source: { path: file }, kind: 'trainees', previewRows: 5 });
    expect(inspected.format).toMatchObject({ encoding: format.encoding, delimiter: format.delimiter });
    expect(inspected.headerRow).toBe(format.headerRow);
    expect(inspected.rowCount).toBe(roster.expected.rows);
    expect(inspected.preview).toHaveLength(5);
    expect(inspected.columns.map((c) => c.key)).toEqual(roster.header);
    expect(inspected.suggested.mapping).toEqual(TRAINEE_MAPPING);
    expect(inspected.suggested.missing).toEqual([]);
  });

  it('imports the valid rows with exact counts, a rejected-rows file with each reason, and re-importing adds nothing', async () => {
    const { newPeople, inFileDuplicates, databaseDuplicates, invalid, rows } = roster.expected;
    const before = footprint(h.core);
    const summary = await h.manager.runJob('import.commit', request(file, { validOnly: true }));
    expect(summary).toMatchObject({
      committed: true,
      totalRows: rows,
      added: newPeople,
      updated: 0,
      skipped: inFileDuplicates + databaseDuplicates,
      rejected: invalid,
      enrolments: { added: newPeople, updated: 0 },
    });
    expect(footprint(h.core).trainees).toBe(before.trainees + newPeople);

    // The rejected rows, as in the file, with the reason in a new last column; mode 0600.
    const rejected = fs.readFileSync(summary.rejectedFile!, 'utf8');
    expect(summary.rejectedFile!.startsWith(path.join(h.dataDir, 'exports'))).toBe(true);
    expect(fs.statSync(summary.rejectedFile!).mode & 0o777).toBe(0o600);
    const lines = rejected.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe([...roster.header, 'Reason'].join(','));
    expect(lines).toHaveLength(invalid + 1);
    for (const { reason } of INVALID_KINDS) expect(rejected).toContain(reason);

    const again = await h.manager.runJob('import.commit', request(file, { validOnly: true, options: { onDuplicate: 'skip', dateOrder: 'dmy' } }));
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: rows - invalid, rejected: invalid });
    expect(footprint(h.core).trainees).toBe(before.trainees + newPeople);
  });
});

describe('a 200-row roster (Excel CSV)', () => {
  let file: string;
  beforeEach(() => {
    file = writeFile(path.join(h.dataDir, 'roster.csv'), excelCsv(roster));
  });

  it('analyses without writing: expected counts, every issue with row, column and reason, duplicate groups with differences', async () => {
    const before = footprint(h.core);
    const analysis = await h.manager.runJob('import.analyse', request(file));
    expect(footprint(h.core)).toEqual(before);
    const { newPeople, inFileDuplicates, databaseDuplicates, invalid, rows } = roster.expected;
    expect(analysis).toMatchObject({ totalRows: rows, validRows: rows - invalid });
    expect(analysis.expected).toEqual({ added: newPeople, updated: 0, skipped: inFileDuplicates + databaseDuplicates, rejected: invalid });
    expect(new Set(analysis.issues.map((i) => i.row)).size).toBe(invalid);
    const shortened = analysis.issues.find((i) => i.message.includes('shortened by Excel'))!;
    expect(shortened).toMatchObject({ field: 'cnic', column: 'CNIC', value: '4.21011E+12' });
    // Rows count as a spreadsheet shows them: header on row 1, data from row 2, an empty row every 50.
    expect(Math.min(...analysis.issues.map((i) => i.row))).toBeGreaterThanOrEqual(2);

    expect(analysis.groups).toHaveLength(inFileDuplicates + databaseDuplicates);
    const stored = analysis.groups.filter((g) => g.existing);
    expect(stored).toHaveLength(databaseDuplicates);
    expect(new Set(stored.map((g) => g.matchedBy))).toEqual(new Set(['cnic', 'email', 'phone']));
    for (const group of stored) {
      expect(group.differences).toContainEqual(expect.objectContaining({ field: 'city', existing: 'Multan', incoming: 'Sukkur' }));
    }
    const byCnic = analysis.groups.find((g) => g.matchedBy === 'cnic')!;
    expect(byCnic.allowed).toEqual(['skip', 'update']);
    expect(analysis.groups.find((g) => g.matchedBy === 'phone')!.allowed).toEqual(['skip', 'update', 'new']);
  });

  it('updates duplicates field by field with --on-duplicate update', async () => {
    const { newPeople, inFileDuplicates, databaseDuplicates, invalid } = roster.expected;
    const summary = await h.manager.runJob('import.commit', request(file, { validOnly: true, options: { onDuplicate: 'update', dateOrder: 'dmy' } }));
    expect(summary).toMatchObject({ added: newPeople, updated: inFileDuplicates + databaseDuplicates, skipped: 0, rejected: invalid });
    const cities = h.core.db.prepare("SELECT count(*) AS n FROM trainees WHERE city = 'Sukkur'").get() as { n: number };
    expect(cities.n).toBe(databaseDuplicates);
    // Registered people were enrolled in the cohort by the update.
    expect(summary.enrolments).toEqual({ added: newPeople + databaseDuplicates, updated: 0 });
  });

  it('takes per-group decisions: import a phone match as new, update one stored record, skip the rest', async () => {
    const analysis = await h.manager.runJob('import.analyse', request(file));
    const phone = analysis.groups.find((g) => g.matchedBy === 'phone' && g.existing)!;
    const cnic = analysis.groups.find((g) => g.matchedBy === 'cnic' && g.existing)!;
    const summary = await h.manager.runJob(
      'import.commit',
      request(file, {
        validOnly: true,
        decisions: [
          { group: phone.id, decision: 'new' },
          { group: cnic.id, decision: 'update', fields: ['city'] },
        ],
      }),
    );
    const { newPeople, inFileDuplicates, databaseDuplicates, invalid } = roster.expected;
    expect(summary).toMatchObject({ added: newPeople + 1, updated: 1, skipped: inFileDuplicates + databaseDuplicates - 2, rejected: invalid });
    const updated = h.core.db.prepare('SELECT city, gender FROM trainees WHERE id = ?').get(cnic.existing!.id);
    expect(updated).toEqual({ city: 'Sukkur', gender: null }); // only the chosen field

    const stale = await failure(h.manager.runJob('import.commit', request(file, { decisions: [{ group: 'g99999', decision: 'skip' }] })));
    expect(stale).toMatchObject({ code: 'invalid', issues: [{ path: ['decisions', 0, 'group'] }] });
  });

  it('all or nothing: a rejected row stops the import and nothing is written', async () => {
    const before = footprint(h.core);
    const summary = await h.manager.runJob('import.commit', request(file));
    expect(summary).toMatchObject({ committed: false, added: 0, updated: 0, rejected: roster.expected.invalid, skipped: roster.expected.rows - roster.expected.invalid });
    expect(summary.rejectedFile).not.toBeNull();
    expect(footprint(h.core)).toEqual(before);
  });

  it('a failure in the middle of the write leaves the database as it was (rows, outbox, clocks, history, search index)', async () => {
    const before = footprint(h.core);
    // A fault the importer cannot foresee, on the 100th trainee written (a full disk, a bug).
    h.core.db.exec(`CREATE TEMP TRIGGER fail_midway AFTER INSERT ON main.trainees
      WHEN (SELECT count(*) FROM main.trainees) >= ${before.trainees + 100}
      BEGIN SELECT RAISE(ABORT, 'disk I/O error (injected)'); END`);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await failure(h.manager.runJob('import.commit', request(file, { validOnly: true })));
    expect(log).toHaveBeenCalledWith('Job failed', expect.objectContaining({ message: 'disk I/O error (injected)' }));
    log.mockRestore();
    expect(error).toMatchObject({ code: 'internal', message: expect.stringContaining('Nothing was saved') });
    h.core.db.exec('DROP TRIGGER temp.fail_midway');
    expect(footprint(h.core)).toEqual(before);
    // …and the same file then imports.
    expect(await h.manager.runJob('import.commit', request(file, { validOnly: true }))).toMatchObject({ added: roster.expected.newPeople });
  });

  it('writes each trainee like a form would: outbox ops, cell clocks, history and search', async () => {
    await h.manager.runJob('import.commit', request(file, { validOnly: true }));
    const one = h.core.db.prepare("SELECT id FROM trainees WHERE email = 'ali.0@example.pk'").get() as { id: string };
    const ops = h.core.db.prepare('SELECT col FROM outbox WHERE row_id = ?').all(one.id) as { col: string }[];
    expect(ops.map((o) => o.col)).toEqual(expect.arrayContaining(['name', 'cnic', 'phone', 'email', 'date_of_birth', 'centre_id', 'deleted']));
    // An inserted row keeps the clock of its `deleted` cell only (core/db/rows.ts, INSERT_CLOCK_COLUMNS).
    expect(h.core.db.prepare('SELECT col FROM cell_clock WHERE row_id = ?').all(one.id)).toEqual([{ col: 'deleted' }]);
    const history = await h.manager.call('history.list', { table: 'trainees', rowId: one.id });
    expect(history[0]).toMatchObject({ column: '*', newValue: 'created' });
    const found = await h.manager.call('trainees.list', { search: 'ali' });
    expect(found.total).toBeGreaterThan(0);
    const audit = await h.manager.call('audit.list', {});
    expect(audit.items[0]).toMatchObject({ action: 'import.committed', entity: 'trainees' });
  });

  it('keeps Urdu names exactly as written and normalises the rest', async () => {
    await h.manager.runJob('import.commit', request(file, { validOnly: true }));
    const names = new Set((h.core.db.prepare('SELECT name FROM trainees').all() as { name: string }[]).map((r) => r.name));
    for (const name of roster.urduNames) expect(names.has(name)).toBe(true);
    expect(names.has('فاطمہ\u06C1\u0654 بی بی')).toBe(true); // the hamza typed apart is not recomposed
    const ali = h.core.db.prepare("SELECT cnic, phone, gender, date_of_birth AS dob FROM trainees WHERE email = 'ali.0@example.pk'").get();
    expect(ali).toEqual({ cnic: '35202-1000000-0', phone: '+923001000000', gender: 'male', dob: '1975-01-01' });
  });

  it('is cancelled while rows are checked, writing nothing', async () => {
    const big = makeRoster({ rows: 6000, today: '2026-07-31' });
    const bigFile = writeFile(path.join(h.dataDir, 'big.csv'), excelCsv(big));
    const before = footprint(h.core);
    const error = await failure(
      h.manager.runJob('import.commit', request(bigFile, { validOnly: true }), {
        onStarted: (jobId) => void h.manager.call('jobs.cancel', { jobId }),
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(footprint(h.core)).toEqual(before);
  });

  it('is cancelled while rows are written, rolling back every row written so far; calls made meanwhile wait and are kept', async () => {
    const big = makeRoster({ rows: 6000, today: '2026-07-31' });
    const bigFile = writeFile(path.join(h.dataDir, 'big-write.csv'), excelCsv(big));
    const before = footprint(h.core);
    let written = 0;
    let jobId = '';
    let edit: Promise<unknown> | null = null;
    const error = await failure(
      h.manager.runJob('import.commit', request(bigFile, { validOnly: true }), {
        onStarted: (id) => (jobId = id),
        onProgress: (p) => {
          if (p.phase !== 'writing' || p.done === p.total || edit) return;
          written = p.done;
          // A call made while the import's transaction is open waits for it, then is saved.
          edit = h.manager.call('programmes.create', { kind: 'training', name: 'Made during the import' });
          void h.manager.call('jobs.cancel', { jobId });
        },
      }),
    );
    expect(error).toMatchObject({ code: 'cancelled', message: expect.stringContaining('nothing was written') });
    expect(written).toBeGreaterThan(0);
    await edit;
    const programmes = await h.manager.call('programmes.list', {});
    expect(programmes.items.filter((p) => p.name === 'Made during the import')).toHaveLength(1);
    const after = footprint(h.core);
    // Nothing of the import stays; the programme (and its outbox ops, clock, history) does.
    expect(after.trainees).toBe(before.trainees);
    expect(after.enrolments).toBe(before.enrolments);
    expect(after.trainees_fts).toBe(before.trainees_fts);
  });

  it('reports progress by phase with rows per second', async () => {
    const phases = new Set<string>();
    let rate = 0;
    await h.manager.runJob('import.commit', request(file, { validOnly: true }), {
      onProgress: (p) => {
        if (p.phase) phases.add(p.phase);
        rate = Math.max(rate, p.rowsPerSecond ?? 0);
      },
    });
    expect([...phases]).toEqual(['reading', 'checking', 'matching', 'writing']);
    expect(rate).toBeGreaterThan(0);
  });

  it('refuses bad input naming the field: unknown column, unmapped required field, a viewer', async () => {
    const noColumn = await failure(h.manager.runJob('import.analyse', request(file, { mapping: { ...TRAINEE_MAPPING, email: 'E-mail' } })));
    expect(noColumn).toMatchObject({ code: 'invalid', issues: [{ path: ['mapping', 'email'], message: expect.stringContaining('No column "E-mail"') }] });
    const { name: _name, ...withoutName } = TRAINEE_MAPPING;
    const unnamed = await failure(h.manager.runJob('import.analyse', request(file, { mapping: withoutName })));
    expect(unnamed).toMatchObject({ code: 'invalid', issues: [{ path: ['mapping'], message: expect.stringContaining('name') }] });
    const twice = await failure(h.manager.runJob('import.analyse', request(file, { mapping: { ...TRAINEE_MAPPING, district: 'City' } })));
    expect(twice.message).toContain('already mapped to city');
    const relative = await failure(h.manager.runJob('import.inspect', { source: { path: 'roster.csv' }, kind: 'trainees' }));
    expect(relative).toMatchObject({ code: 'invalid', issues: [{ path: ['source', 'path'] }] });
    const viewer = await h.as('viewer');
    expect((await failure(viewer.runJob('import.inspect', { source: { path: file }, kind: 'trainees' }))).code).toBe('forbidden');
  });
});
