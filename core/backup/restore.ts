/**
 * Restoring a backup, with the database closed. The candidate is copied into the data
 * folder first (with its -wal file, if it has one) and every check runs on that copy, so
 * what is checked is exactly what is installed and the user's file is never opened: it
 * must be a SQLite database that passes `integrity_check`, of a schema version this app
 * knows, holding Incubator Desk's tables. Only then is the current database copied aside
 * to backups/before-restore-<time>.sqlite and replaced (stale -wal/-shm removed first, the
 * new file moved in with one rename). Opening it with Core.open then migrates an older
 * backup; if that fails, the previous database is put back.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiFailure, type FieldIssue } from '../../shared/api/errors.js';
import { latestVersion } from '../db/migrations/index.js';
import { Core } from '../host/core.js';

export const DATABASE_FILE = 'incubator.sqlite';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface RestoreOptions {
  dataDir: string;
  /** The backup to restore. */
  file: string;
  now?: () => Date;
}

export interface RestoreResult {
  restoredFrom: string;
  database: string;
  /** Where the database that was replaced was copied, or null if there was none. */
  previousCopy: string | null;
  /** The backup's schema version, and the version after opening (migrating) it. */
  migratedFrom: number;
  schemaVersion: number;
}

/** A refusal that leaves the current database as it was; `file` names the argument. */
function refused(message: string): ApiFailure {
  const issue: FieldIssue = { path: ['file'], message };
  return new ApiFailure({ code: 'invalid', message, issues: [issue] });
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function removeIfPresent(file: string): void {
  fs.rmSync(file, { force: true });
}

function removeSidecars(file: string): void {
  removeIfPresent(`${file}-wal`);
  removeIfPresent(`${file}-shm`);
  removeIfPresent(`${file}-journal`);
}

/**
 * Checks the private copy of a candidate and makes it one self-contained file; returns
 * its schema version or throws a refusal. The copy may have come with a -wal file (a raw
 * copy of a workstation's database): SQLite reads the committed transactions in it, and
 * switching to a rollback journal at the end folds them into the file.
 */
export function checkBackupFile(file: string, displayName = file): number {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(SQLITE_HEADER.length);
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER))
    throw refused(`${displayName} is not a SQLite database, so it cannot be an Incubator Desk backup`);
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw refused(`${displayName} cannot be opened as a database (${(error as Error).message})`);
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      throw refused(`${displayName} is damaged: ${(error as Error).message}`);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      throw refused(`${displayName} is damaged (integrity_check: ${integrity.slice(0, 3).join('; ')}); it cannot be restored`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) {
      throw refused(
        `${displayName} was written by a newer version of Incubator Desk (schema ${version}; this app knows up to ${latestVersion}). Install the latest version to restore it`,
      );
    }
    const centres = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'centres'").get();
    if (version < 1 || !centres) {
      throw refused(`${displayName} is a SQLite database but not an Incubator Desk backup (it has no centres table)`);
    }
    db.pragma('journal_mode = DELETE');
    return version;
  } finally {
    db.close();
  }
}

/**
 * Copies the current database aside: checkpointed first, so the copy holds every
 * committed change; if the database cannot even be opened, its raw files are copied.
 */
function copyCurrentAside(current: string, backupDir: string, at: Date): string {
  fs.mkdirSync(backupDir, { recursive: true });
  const target = path.join(backupDir, `before-restore-${stamp(at)}.sqlite`);
  try {
    const db = new Database(current, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('VACUUM INTO ?').run(target);
    } finally {
      db.close();
    }
  } catch {
    removeIfPresent(target);
    fs.copyFileSync(current, target);
    for (const side of ['-wal', '-shm']) if (fs.existsSync(current + side)) fs.copyFileSync(current + side, target + side);
  }
  return target;
}

export function restoreDatabase(opts: RestoreOptions): RestoreResult {
  const now = opts.now ?? (() => new Date());
  const source = path.resolve(opts.file);
  const dataDir = path.resolve(opts.dataDir);
  const current = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw refused(`There is no file at ${source}`);
  if (!fs.statSync(source).isFile()) throw refused(`${source} is not a file`);
  if (path.resolve(source) === current) throw refused(`${source} is the database in use; give a backup file instead`);
  fs.mkdirSync(dataDir, { recursive: true });

  const at = now();
  const candidate = path.join(dataDir, `restoring-${stamp(at)}.sqlite`);
  let previousCopy: string | null = null;
  try {
    removeSidecars(candidate);
    fs.copyFileSync(source, candidate);
    if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${candidate}-wal`);
    const version = checkBackupFile(candidate, source);
    removeSidecars(candidate);

    if (fs.existsSync(current)) previousCopy = copyCurrentAside(current, path.join(dataDir, 'backups'), at);
    removeSidecars(current);
    fs.renameSync(candidate, current);

    try {
      const core = Core.open({ dataDir, log: () => {} });
      const schemaVersion = core.db.pragma('user_version', { simple: true }) as number;
      core.close();
      return { restoredFrom: source, database: current, previousCopy, migratedFrom: version, schemaVersion };
    } catch (error) {
      // The backup passed its checks but could not be opened or migrated: put the old one back.
      removeSidecars(current);
      if (previousCopy) {
        fs.copyFileSync(previousCopy, current);
        if (fs.existsSync(`${previousCopy}-wal`)) fs.copyFileSync(`${previousCopy}-wal`, `${current}-wal`);
      } else {
        removeIfPresent(current);
      }
      throw new ApiFailure({
        code: 'internal',
        message: `The backup could not be opened (${(error as Error).message}); the previous database was put back`,
      });
    }
  } finally {
    removeIfPresent(candidate);
    removeSidecars(candidate);
  }
}
