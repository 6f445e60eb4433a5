import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../shared/api/errors.js';
import type { JobProgress } from '../../shared/api/client.js';
import { traineesTable } from '../../shared/records/trainees.js';
import { failure, MANAGER, startCore, tempDir, type Harness } from '../testing/harness.js';
import { createBackup, KEEP_AUTOMATIC_BACKUPS } from './backup.service.js';

let h: Harness;
let elsewhere: string;
beforeEach(async () => {
  h = await startCore();
  elsewhere = tempDir('incubator-backup-target-');
});
afterEach(() => {
  h.close();
  fs.rmSync(elsewhere, { recursive: true, force: true });
});

const backupsDir = () => path.join(h.dataDir, 'backups');
const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** Rows of a table in a backup file, read with a connection of its own. */
function countIn(file: string, table: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // A self-contained file: a rollback journal, not WAL (which would need -wal/-shm files).
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Enough rows that the copy takes many steps. */
function fill(n: number): void {
  h.core.db.transaction(() => {
    for (let i = 0; i < n; i += 1) {
      h.core.rows.insert(
        traineesTable,
        { name: `Trainee ${i}`, city: 'Karachi', skills: ['python'], consent: false, district: 'x'.repeat(150) },
        { userId: null, centreId: null },
      );
    }
  })();
}

describe('backup.create', () => {
  it('copies the live database into the backups folder, checks it and reports progress', async () => {
    await h.manager.call('trainees.create', { name: 'Ali Raza', city: 'Karachi' });
    fill(300);
    const progress: JobProgress[] = [];
    const result = await h.manager.runJob('backup.create', {}, { onProgress: (p) => progress.push(p) });
    expect(result.integrity).toBe('ok');
    expect(path.dirname(result.path)).toBe(backupsDir());
    expect(path.basename(result.path)).toMatch(/^incubator-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite$/);
    expect(result.bytes).toBe(fs.statSync(result.path).size);
    expect(result.bytes).toBeGreaterThan(0);
    // Only the backup is left: no temporary copy, no journal files.
    expect(filesIn(backupsDir())).toEqual([path.basename(result.path)]);
    expect(countIn(result.path, 'trainees')).toBe(301);
    expect(countIn(result.path, 'outbox')).toBe(h.core.db.prepare('SELECT count(*) AS n FROM outbox').pluck().get());
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)?.total });

    // The backup is an export of personal data: audited.
    const audit = h.core.db.prepare("SELECT detail FROM audit_log WHERE action = 'backup.created'").all() as { detail: string }[];
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ path: result.path, bytes: result.bytes }]);
    // The live connection is writable again after checking the copy.
    await h.manager.call('trainees.create', { name: 'Sana Iqbal' });

    const second = await h.manager.runJob('backup.create', {});
    expect(second.path).not.toBe(result.path);
    const listed = await h.manager.call('backup.list', {});
    expect(listed.map((b) => b.path).sort()).toEqual([result.path, second.path].sort());
    expect(listed.find((b) => b.path === result.path)).toMatchObject({ bytes: result.bytes });
    expect(listed[0]!.createdAt >= listed[1]!.createdAt).toBe(true);
    expect(countIn(second.path, 'trainees')).toBe(302);
  });

  it('writes to a path the user chose, and refuses paths it cannot use', async () => {
    await h.manager.call('trainees.create', { name: 'Ali Raza' });
    const target = path.join(elsewhere, 'centre copy.sqlite');
    const result = await h.manager.runJob('backup.create', { path: target });
    expect(result).toMatchObject({ path: target, integrity: 'ok' });
    expect(countIn(target, 'trainees')).toBe(1);
    expect(filesIn(elsewhere)).toEqual(['centre copy.sqlite']);

    for (const bad of [
      'relative/backup.sqlite',
      path.join(elsewhere, 'backup.db'),
      path.join(elsewhere, 'missing', 'backup.sqlite'),
      h.core.databasePath,
    ]) {
      expect(await failure(h.manager.runJob('backup.create', { path: bad }))).toMatchObject({
        code: 'invalid',
        issues: [{ path: ['path'] }],
      });
    }
    fs.mkdirSync(path.join(elsewhere, 'folder.sqlite'));
    expect((await failure(h.manager.runJob('backup.create', { path: path.join(elsewhere, 'folder.sqlite') }))).code).toBe(
      'invalid',
    );
  });

  it('keeps the newest 14 automatic backups and never deletes other files', async () => {
    fs.mkdirSync(backupsDir(), { recursive: true });
    const old: string[] = [];
    for (let i = 0; i < KEEP_AUTOMATIC_BACKUPS + 1; i += 1) {
      const file = path.join(backupsDir(), `incubator-2025-01-${String(i + 1).padStart(2, '0')}T00-00-00-000Z.sqlite`);
      fs.writeFileSync(file, 'old');
      const at = new Date(Date.UTC(2025, 0, i + 1));
      fs.utimesSync(file, at, at);
      old.push(path.basename(file));
    }
    const others = ['before-migration-v1-to-v2-2025.sqlite', 'my own copy.sqlite', 'incubator-notes.txt'];
    for (const name of others) {
      fs.writeFileSync(path.join(backupsDir(), name), 'keep');
      fs.utimesSync(path.join(backupsDir(), name), new Date(0), new Date(0));
    }
    const result = await h.manager.runJob('backup.create', {});
    const automatic = filesIn(backupsDir()).filter((n) => /^incubator-.*\.sqlite$/.test(n));
    expect(automatic).toHaveLength(KEEP_AUTOMATIC_BACKUPS);
    expect(automatic).toContain(path.basename(result.path));
    // The two oldest went; everything else stays.
    expect(automatic).not.toContain(old[0]);
    expect(automatic).not.toContain(old[1]);
    expect(automatic).toContain(old[2]);
    for (const name of others) expect(fs.existsSync(path.join(backupsDir(), name))).toBe(true);
    // A backup to a chosen path prunes nothing.
    await h.manager.runJob('backup.create', { path: path.join(elsewhere, 'x.sqlite') });
    expect(filesIn(backupsDir()).filter((n) => /^incubator-.*\.sqlite$/.test(n))).toHaveLength(KEEP_AUTOMATIC_BACKUPS);
  });

  it('gives backups started in the same instant files of their own', async () => {
    fill(300);
    const ctx = {
      ...h.core.context({ id: 'x', name: 'Amna', email: MANAGER.email, role: 'manager' }),
      now: () => new Date('2026-07-15T10:00:00Z'),
    };
    const [a, b] = await Promise.all([
      createBackup(ctx, {}).run(() => {}, new AbortController().signal),
      createBackup(ctx, {}).run(() => {}, new AbortController().signal),
    ]);
    expect(path.basename(a.path)).toBe('incubator-2026-07-15T10-00-00-000Z.sqlite');
    expect(path.basename(b.path)).toBe('incubator-2026-07-15T10-00-00-000Z-1.sqlite');
    expect(countIn(a.path, 'trainees')).toBe(300);
    expect(countIn(b.path, 'trainees')).toBe(300);
  });

  it('is for managers: staff and viewers may neither make nor list backups', async () => {
    for (const role of ['staff', 'viewer'] as const) {
      const client = await h.as(role);
      expect((await failure(client.call('backup.create', {}))).code).toBe('forbidden');
      expect((await failure(client.call('backup.list', {}))).code).toBe('forbidden');
    }
    expect(await h.manager.call('backup.list', {})).toEqual([]);
    expect(filesIn(backupsDir())).toEqual([]);
  });
});

describe('cancelling a backup', () => {
  it('stops a running backup mid-way and leaves no file behind', async () => {
    fill(2000);
    let cancelled: Promise<{ cancelled: boolean }> | null = null;
    let jobId = '';
    const progress: JobProgress[] = [];
    const err = await failure(
      h.manager.runJob(
        'backup.create',
        {},
        {
          onStarted: (id) => (jobId = id),
          onProgress: (p) => {
            progress.push(p);
            // Cancel on the first progress report: the copy has only just begun.
            cancelled ??= h.manager.call('jobs.cancel', { jobId });
          },
        },
      ),
    );
    expect(err.code).toBe('cancelled');
    expect(await cancelled).toEqual({ cancelled: true });
    expect(progress[0]!.done).toBeLessThan(progress[0]!.total!);
    expect(filesIn(backupsDir())).toEqual([]);
    // A finished (here: cancelled) job cannot be cancelled again, nor an unknown one.
    expect(await h.manager.call('jobs.cancel', { jobId })).toEqual({ cancelled: false });
    expect(await h.manager.call('jobs.cancel', { jobId: 'no-such-job' })).toEqual({ cancelled: false });
    // The database is untouched and a new backup works.
    const again = await h.manager.runJob('backup.create', {});
    expect(countIn(again.path, 'trainees')).toBe(2000);
  });

  it('lets only the connection that started a job cancel it', async () => {
    fill(2000);
    const other = await h.as('manager');
    let attempt: Promise<{ cancelled: boolean }> | null = null;
    let jobId = '';
    const result = await h.manager.runJob(
      'backup.create',
      {},
      {
        onStarted: (id) => (jobId = id),
        onProgress: () => {
          attempt ??= other.call('jobs.cancel', { jobId });
        },
      },
    );
    expect(await attempt).toEqual({ cancelled: false });
    expect(result.integrity).toBe('ok');
  });

  it('fails with `cancelled` when the signal is already aborted, and after a finished job cancel is false', async () => {
    const ctx = h.core.context({ id: 'x', name: 'Amna', email: MANAGER.email, role: 'manager' });
    const controller = new AbortController();
    controller.abort();
    const outcome = await createBackup(ctx, {})
      .run(() => {}, controller.signal)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(outcome).toBeInstanceOf(ApiFailure);
    expect((outcome as ApiFailure).error.code).toBe('cancelled');
    expect(filesIn(backupsDir())).toEqual([]);

    // Aborted while copying: stopped at the next step.
    fill(500);
    const during = new AbortController();
    let steps = 0;
    const stopped = await createBackup(ctx, {})
      .run(() => {
        steps += 1;
        if (steps === 2) during.abort();
      }, during.signal)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((stopped as ApiFailure).error.code).toBe('cancelled');
    expect(filesIn(backupsDir())).toEqual([]);

    let jobId = '';
    await h.manager.runJob('backup.create', {}, { onStarted: (id) => (jobId = id) });
    expect(await h.manager.call('jobs.cancel', { jobId })).toEqual({ cancelled: false });
  });
});
