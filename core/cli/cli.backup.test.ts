import { latestVersion } from '../db/migrations/index.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness.js';
import { cli, initialised, type CliRun } from './cli-test-kit.js';

type Row = Record<string, unknown> & { id: string };
type Page = { items: Row[]; total: number };

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

describe('backup and restore', () => {
  let run: (...argv: string[]) => Promise<CliRun>;
  let dir: string;
  let cleanup: () => void;
  let outside: string;
  beforeEach(async () => {
    ({ run, dir, cleanup } = await initialised());
    outside = tempDir('incubator-backups-');
  });
  afterEach(() => {
    cleanup();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const names = async () =>
    (await run('--json', 'startups', 'list', '--all'))
      .json<Row[]>()
      .map((s) => s.name)
      .sort();

  it('round-trips: rows written after the backup are gone, rows before it are back', async () => {
    expect((await run('startups', 'add', '--name', 'Tez Pay', '--sector', 'fintech')).code).toBe(0);
    expect((await run('seed', '--startups', '3', '--mentors', '2', '--trainees', '50', '--sessions', '5')).code).toBe(0);
    const before = await names();

    const file = path.join(outside, 'nic-karachi.sqlite');
    const backup = await run('--json', 'backup', '--out', path.relative(process.cwd(), file));
    expect(backup.code).toBe(0);
    expect(backup.json()).toMatchObject({ path: file, integrity: 'ok' });

    expect((await run('startups', 'add', '--name', 'After Backup', '--sector', 'ai')).code).toBe(0);
    const trainee = (await run('--json', 'trainees', 'list', '--limit', '1')).json<Page>().items[0]!;
    expect((await run('trainees', 'delete', trainee.id)).code).toBe(0);

    const restored = await run('--json', 'restore', file);
    expect(restored.code).toBe(0);
    const result = restored.json<{ previousCopy: string; schemaVersion: number }>();
    expect(path.basename(result.previousCopy)).toMatch(/^before-restore-.+\.sqlite$/);
    expect(path.dirname(result.previousCopy)).toBe(path.join(dir, 'backups'));

    expect(await names()).toEqual(before);
    expect((await run('trainees', 'get', trainee.id)).code).toBe(0);
    expect((await run('--json', 'trainees', 'list', '--limit', '1')).json<Page>().total).toBe(50);

    // The copy taken aside holds the database as it was just before the restore.
    const aside = new Database(result.previousCopy, { readonly: true });
    const kept = aside.prepare("SELECT count(*) AS n FROM startups WHERE name = 'After Backup'").get() as { n: number };
    aside.close();
    expect(kept.n).toBe(1);
  });

  it('refuses a file that is not a backup and leaves the current database untouched', async () => {
    expect((await run('startups', 'add', '--name', 'Tez Pay', '--sector', 'fintech')).code).toBe(0);
    const live = path.join(dir, 'incubator.sqlite');
    const hash = sha(live);

    const garbage = path.join(outside, 'garbage.sqlite');
    fs.writeFileSync(garbage, crypto.randomBytes(8192));
    const r = await run('restore', garbage);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a SQLite database');

    const foreign = path.join(outside, 'other-app.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    db.pragma('user_version = 1');
    db.close();
    const j = await run('--json', 'restore', foreign);
    expect(j.code).toBe(2);
    expect(j.error().message).toContain('not an Incubator Desk backup');

    const newer = path.join(outside, 'newer.sqlite');
    fs.copyFileSync(live, newer);
    const n = new Database(newer);
    n.pragma('user_version = 999');
    n.close();
    const tooNew = await run('restore', newer);
    expect(tooNew.code).toBe(2);
    expect(tooNew.stderr).toContain('newer version of Incubator Desk');

    const missing = await run('restore', path.join(outside, 'nope.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file');

    expect(sha(live)).toBe(hash);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false); // nothing was copied aside
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('restoring-'))).toEqual([]);
    expect(await names()).toEqual(['Tez Pay']);
  });

  it('restores a raw copy of a workstation database together with its -wal file', async () => {
    expect((await run('startups', 'add', '--name', 'Original', '--sector', 'ai')).code).toBe(0);
    const live = path.join(dir, 'incubator.sqlite');
    const copy = path.join(outside, 'copied.sqlite');
    // A copy taken while the app was running: the last commit is still only in the WAL.
    const db = new Database(live);
    db.pragma('wal_autocheckpoint = 0');
    db.prepare("UPDATE startups SET name = 'Renamed, only in the WAL'").run();
    fs.copyFileSync(live, copy);
    fs.copyFileSync(`${live}-wal`, `${copy}-wal`);
    db.close();
    expect(
      (await run('startups', 'update', (await run('--json', 'startups', 'list')).json<Page>().items[0]!.id, '--name', 'Later'))
        .code,
    ).toBe(0);

    const r = await run('restore', copy);
    expect(r.code).toBe(0);
    expect(await names()).toEqual(['Renamed, only in the WAL']);
    expect(fs.existsSync(`${copy}-wal`)).toBe(true); // the user's files are left as they were
  });

  it('restores into a folder that was never set up', async () => {
    const file = path.join(outside, 'b.sqlite');
    expect((await run('startups', 'add', '--name', 'Tez Pay', '--sector', 'fintech')).code).toBe(0);
    expect((await run('backup', '--out', file)).code).toBe(0);
    const fresh = path.join(outside, 'fresh');
    const r = await cli('--data', fresh, '--json', 'restore', file);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ previousCopy: null, schemaVersion: latestVersion });
    const list = await cli('--data', fresh, '--json', 'startups', 'list');
    expect(list.json<Page>().items.map((s) => s.name)).toEqual(['Tez Pay']);
  });

  it('refuses a damaged database file', async () => {
    const file = path.join(outside, 'damaged.sqlite');
    expect((await run('seed', '--startups', '2', '--mentors', '1', '--trainees', '300', '--sessions', '2')).code).toBe(0);
    expect((await run('backup', '--out', file)).code).toBe(0);
    // Overwrite a stretch of pages in the middle of the file, keeping the header intact.
    const bytes = fs.readFileSync(file);
    crypto.randomFillSync(bytes, Math.floor(bytes.length / 2), 16_384);
    fs.writeFileSync(file, bytes);
    const r = await run('restore', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/damaged|cannot be opened/);
  });

  it('names --out when the backup path is refused', async () => {
    const r = await run('backup', '--out', path.join(outside, 'backup.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out: The backup file name must end in .sqlite');
  });
});
