/**
 * `incubator import …` as a script uses it: --json summaries with exact counts, exit codes,
 * progress on stderr, errors that name the flag, row and field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareCentre } from '../import/testing/import-kit.js';
import { excelCsv, makeRoster, rosterXlsx, writeFile, type Roster } from '../import/testing/roster.js';
import { initialised, type CliRun } from './cli-test-kit.js';
import { openSignedIn } from './workstation.js';

type Summary = { added: number; updated: number; skipped: number; rejected: number; committed: boolean; rejectedFile: string | null; mapping: Record<string, string> };

let env: Awaited<ReturnType<typeof initialised>>;
let roster: Roster;
let csv: string;
let xlsx: string;

beforeAll(async () => {
  env = await initialised();
  roster = makeRoster({ rows: 200, today: new Date().toISOString().slice(0, 10) });
  const ws = openSignedIn(env.dir);
  try {
    await prepareCentre(ws.client, roster);
  } finally {
    ws.close();
  }
  csv = writeFile(path.join(path.dirname(env.dir), 'roster.csv'), excelCsv(roster));
  xlsx = path.join(path.dirname(env.dir), 'roster.xlsx');
  await rosterXlsx(roster, xlsx, { extraSheetFirst: true, sheetName: 'Batch 7' });
});
afterAll(() => env.cleanup());

const traineeCount = () => {
  const ws = openSignedIn(env.dir);
  try {
    return (ws.core.db.prepare('SELECT count(*) AS n FROM trainees WHERE deleted = 0').get() as { n: number }).n;
  } finally {
    ws.close();
  }
};

const progressLines = (r: CliRun) => r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { progress?: { phase?: string; message: string } });

describe('incubator import', () => {
  it('--dry-run reports what would happen and writes nothing', async () => {
    const before = traineeCount();
    const r = await env.run('--json', 'import', 'trainees', csv, '--dry-run');
    expect(r.code).toBe(0);
    const out = r.json<{ dryRun: boolean; expected: Record<string, number>; issues: unknown[] }>();
    expect(out.dryRun).toBe(true);
    const { newPeople, inFileDuplicates, databaseDuplicates, invalid } = roster.expected;
    expect(out.expected).toEqual({ added: newPeople, updated: 0, skipped: inFileDuplicates + databaseDuplicates, rejected: invalid });
    expect(traineeCount()).toBe(before);
  });

  it('stops with exit 1 and writes nothing when rows are rejected, unless --valid-only', async () => {
    const before = traineeCount();
    const stopped = await env.run('--json', 'import', 'trainees', csv);
    expect(stopped.code).toBe(1);
    expect(stopped.json<Summary>()).toMatchObject({ committed: false, added: 0, rejected: roster.expected.invalid });
    expect(traineeCount()).toBe(before);
  });

  it('imports the valid rows from the chosen XLSX sheet with progress on stderr, and re-importing with skip adds nothing', async () => {
    const before = traineeCount();
    const r = await env.run('--json', 'import', 'trainees', xlsx, '--sheet', 'Batch 7', '--valid-only');
    expect(r.code).toBe(0);
    const summary = r.json<Summary>();
    const { newPeople, inFileDuplicates, databaseDuplicates, invalid } = roster.expected;
    expect(summary).toMatchObject({ committed: true, added: newPeople, updated: 0, skipped: inFileDuplicates + databaseDuplicates, rejected: invalid });
    expect(summary.mapping).toMatchObject({ name: 'Student Name', cnic: 'CNIC', cohort: 'Batch' });
    expect(fs.statSync(summary.rejectedFile!).mode & 0o777).toBe(0o600);
    expect(traineeCount()).toBe(before + newPeople);
    const phases = new Set(progressLines(r).map((l) => l.progress?.phase).filter(Boolean));
    expect([...phases]).toEqual(['reading', 'checking', 'matching', 'writing']);

    const again = await env.run('--json', 'import', 'trainees', csv, '--on-duplicate', 'skip', '--valid-only');
    expect(again.json<Summary>()).toMatchObject({ added: 0, updated: 0, skipped: roster.expected.rows - invalid, rejected: invalid });
    expect(traineeCount()).toBe(before + newPeople);
  });

  it('says what it did in words without --json', async () => {
    const r = await env.run('import', 'trainees', csv, '--valid-only');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Imported trainees from roster\.csv: 0 added, 0 updated, \d+ skipped, 10 rejected in [\d.]+ s/);
    expect(r.stdout).toContain('Rejected rows, with the reason in a new column:');
    expect(r.stderr).toContain('Columns (matched by header names): name ← "Student Name"');
  });

  it('reads a --mapping file, and names the flag, the field and the column when it is wrong', async () => {
    const dir = path.dirname(env.dir);
    const mappingFile = path.join(dir, 'mapping.json');
    fs.writeFileSync(mappingFile, JSON.stringify({ name: 'Student Name', cnic: 'NIC' }));
    const r = await env.run('--json', 'import', 'trainees', csv, '--mapping', mappingFile, '--dry-run');
    expect(r.code).toBe(2);
    expect(r.error().issues![0]).toMatchObject({ path: ['mapping', 'cnic'], flag: '--mapping', message: expect.stringContaining('No column "NIC"') });

    fs.writeFileSync(mappingFile, '{"name": ');
    expect((await env.run('import', 'trainees', csv, '--mapping', mappingFile)).stderr).toContain('--mapping: The mapping file is not JSON');

    fs.writeFileSync(mappingFile, JSON.stringify({ name: 'Student Name', cnic: 'CNIC' }));
    const ok = await env.run('--json', 'import', 'trainees', csv, '--mapping', mappingFile, '--dry-run');
    expect(ok.json<{ mapping: Record<string, string> }>().mapping).toEqual({ name: 'Student Name', cnic: 'CNIC' });
  });

  it('refuses bad arguments: kind, file, sheet, duplicate decision', async () => {
    expect((await env.run('import', 'students', csv)).stderr).toContain('KIND: Import what? trainees, startups, mentors or results');
    const missing = await env.run('--json', 'import', 'trainees', path.join(path.dirname(env.dir), 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.error().issues![0]).toMatchObject({ flag: 'FILE', message: expect.stringContaining('No file at') });
    const sheet = await env.run('import', 'trainees', xlsx, '--sheet', 'Batch 9');
    expect(sheet.stderr).toContain('--sheet: No sheet named "Batch 9"');
    const decision = await env.run('import', 'trainees', csv, '--on-duplicate', 'merge');
    expect(decision.code).toBe(2);
  });

  it('imports a results sheet for a cohort named by --cohort', async () => {
    const file = path.join(path.dirname(env.dir), 'results.csv');
    const [first, second] = roster.rows.filter((r): r is NonNullable<typeof r> => r !== null && typeof r[1] === 'string' && /^\d{5}-\d{7}-\d$/.test(r[1]));
    fs.writeFileSync(file, `CNIC,Marks,Certificate No\r\n${String(first![1])},88,DSF-1\r\n${String(second![1])},64,DSF-2\r\n`);
    const r = await env.run('--json', 'import', 'results', file, '--cohort', 'batch 7', '--issued-on', '2026-07-01');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ updated: 2, rejected: 0, enrolments: { added: 0, updated: 2 }, certifications: { added: 2, updated: 0 } });
    const noCohort = await env.run('import', 'results', file, '--cohort', 'Batch 99');
    expect(noCohort.stderr).toContain('--cohort: No cohort named "Batch 99"');
  });
});

describe('incubator <records> export', () => {
  it('writes every matching row to CSV or XLSX, in clear for the manager the CLI acts as', async () => {
    const out = path.join(path.dirname(env.dir), 'lahore.csv');
    const r = await env.run('--json', 'trainees', 'export', '--filter', 'city=Lahore', '--sort', 'name', '--out', out);
    expect(r.code).toBe(0);
    const result = r.json<{ rows: number; path: string; personalData: string }>();
    expect(result).toMatchObject({ path: out, personalData: 'clear' });
    const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(result.rows + 1);
    expect(lines[0]!.startsWith('name,cnic,email,phone')).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(',Lahore,'))).toBe(true);

    const xlsx = await env.run('--json', 'trainees', 'export', '--format', 'xlsx');
    expect(xlsx.json<{ path: string }>().path).toMatch(/exports\/trainees-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.xlsx$/);
    const wrong = await env.run('trainees', 'export', '--format', 'xlsx', '--out', out);
    expect(wrong.stderr).toContain('--out: The file name must end in .xlsx');
  });
});

