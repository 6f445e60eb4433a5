/**
 * Backups: a consistent copy of the live database made with SQLite's online backup, in
 * steps between which the app keeps answering calls, then checked before it counts as a
 * backup. Automatic backups go to <dataDir>/backups as incubator-<timestamp>.sqlite and
 * the newest 14 are kept; a backup to a path the user chose is never pruned.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiFailure, fail } from '../../shared/api/errors.js';
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import { audit, type Ctx } from '../context.js';
import type { JobRunner } from '../host/handler-types.js';

export const KEEP_AUTOMATIC_BACKUPS = 14;
/** Names of automatic backups; only these are ever deleted by pruning. */
const AUTOMATIC_NAME = /^incubator-.+\.sqlite$/;
/** Backup steps: at least this many pages each, and about a hundred steps in all. */
const MIN_PAGES_PER_STEP = 16;
const STEPS = 100;

type BackupResult = OutputOf<'backup.create'>;
type BackupFile = OutputOf<'backup.list'>[number];

export function backupsDir(ctx: Ctx): string {
  return path.join(ctx.dataDir, 'backups');
}

/** Backup files (*.sqlite) in the backups folder, newest first. */
export function listBackups(ctx: Ctx): BackupFile[] {
  return sqliteFilesIn(backupsDir(ctx), () => true).map((f) => ({
    path: f.path,
    bytes: f.bytes,
    createdAt: new Date(f.mtimeMs).toISOString(),
  }));
}

function sqliteFilesIn(
  dir: string,
  keep: (name: string) => boolean,
): { path: string; bytes: number; mtimeMs: number; name: string }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: { path: string; bytes: number; mtimeMs: number; name: string }[] = [];
  for (const name of names) {
    if (!name.endsWith('.sqlite') || !keep(name)) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile()) files.push({ path: file, bytes: stat.size, mtimeMs: stat.mtimeMs, name });
  }
  // Newest first; the timestamped names break ties between files written in the same instant.
  return files.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Checks a path the user chose, at call time so that a mistake comes back on the call
 * (beside the field) rather than as a failed job.
 */
function checkChosenPath(ctx: Ctx, given: string): string {
  if (!path.isAbsolute(given))
    throw fail.field(['path'], 'Give the full path of the backup file, like /home/amna/incubator.sqlite');
  const file = path.resolve(given);
  if (!/\.sqlite$/i.test(file)) throw fail.field(['path'], 'The backup file name must end in .sqlite');
  const dir = fs.statSync(path.dirname(file), { throwIfNoEntry: false });
  if (!dir?.isDirectory()) throw fail.field(['path'], 'This folder does not exist');
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw fail.field(['path'], 'This is a folder, not a file');
  if (file === path.resolve(ctx.db.name)) throw fail.field(['path'], 'A backup cannot overwrite the live database');
  return file;
}

/**
 * Files that running backups are writing. Two backups started in the same millisecond
 * would otherwise pick the same name (the file appears only when the copy is done) and
 * write into one temporary file.
 */
const inProgress = new Set<string>();

/** incubator-2026-07-31T09-30-00-000Z.sqlite, with -1, -2… if that name is taken. */
function freeName(dir: string, now: Date): string {
  const base = `incubator-${now.toISOString().replace(/[:.]/g, '-')}`;
  const taken = (file: string) => inProgress.has(file) || fs.existsSync(file);
  let file = path.join(dir, `${base}.sqlite`);
  for (let i = 1; taken(file); i += 1) file = path.join(dir, `${base}-${i}.sqlite`);
  return file;
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

function cancelled(): ApiFailure {
  return fail.cancelled('The backup was cancelled; no backup file was written');
}

/**
 * Makes the copy a single self-contained file, then runs PRAGMA integrity_check on it
 * read-only; returns the check's lines ('ok' when sound).
 *
 * The copy carries the live database's WAL mode in its header; a WAL file cannot be read
 * without creating -wal and -shm files beside it (impossible on read-only media, and
 * litter on a USB stick), so it is switched to a rollback journal first.
 *
 * The copy is opened by attaching it to the live connection rather than with a second
 * `new Database()`: under Electron core loads better-sqlite3's Electron build through the
 * `nativeBinding` option, which a second connection made here would not know. This SQLite
 * is built without URI filenames (no `?mode=ro`), so the connection is made read-only
 * (query_only) for the check. Nothing else runs meanwhile: this is synchronous, between
 * two calls, and outside any transaction (ATTACH needs that).
 */
function finishCopy(db: Database.Database, file: string): string[] {
  const wasQueryOnly = db.pragma('query_only', { simple: true }) as number;
  db.prepare('ATTACH DATABASE ? AS backup_copy').run(file);
  try {
    db.pragma('backup_copy.journal_mode = DELETE');
    db.pragma('query_only = 1');
    const rows = db.prepare('PRAGMA backup_copy.integrity_check').all() as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check);
  } finally {
    db.pragma(`query_only = ${wasQueryOnly ? 1 : 0}`);
    db.exec('DETACH DATABASE backup_copy');
  }
}

/** Keeps the newest `keep` automatic backups and deletes older ones (only incubator-*.sqlite). */
export function pruneAutomaticBackups(dir: string, keep = KEEP_AUTOMATIC_BACKUPS): string[] {
  const old = sqliteFilesIn(dir, (name) => AUTOMATIC_NAME.test(name)).slice(keep);
  for (const f of old) fs.rmSync(f.path, { force: true });
  return old.map((f) => f.path);
}

/**
 * The `backup.create` job. The handler runs inside the router's transaction, so it only
 * checks the input; the copy is made by `run`, later and outside any transaction.
 */
export function createBackup(ctx: Ctx, input: ParsedInputOf<'backup.create'>): JobRunner<BackupResult> {
  const chosen = input.path === undefined ? null : checkChosenPath(ctx, input.path);
  return {
    async run(report, signal) {
      if (signal.aborted) throw cancelled();
      const dir = backupsDir(ctx);
      if (!chosen) fs.mkdirSync(dir, { recursive: true });
      const file = chosen ?? freeName(dir, ctx.now());
      if (inProgress.has(file)) throw fail.field(['path'], 'A backup to this file is already running');
      inProgress.add(file);
      // Copied under a temporary name and renamed once checked: a cancelled, failed or
      // corrupt copy never sits in the folder looking like a backup.
      const partial = `${file}.partial`;
      removeQuietly(partial);
      let totalPages = 0;
      try {
        await ctx.db.backup(partial, {
          progress({ totalPages: total, remainingPages }) {
            totalPages = total;
            // Throwing stops the backup (better-sqlite3 closes it and rejects); returning 0
            // would only pause it, stepping zero pages forever.
            if (signal.aborted) throw cancelled();
            report(total - remainingPages, total, 'Copying the database');
            // A listener of the progress event may have cancelled synchronously.
            if (signal.aborted) throw cancelled();
            return Math.max(MIN_PAGES_PER_STEP, Math.ceil(total / STEPS));
          },
        });
        if (signal.aborted) throw cancelled();
        report(totalPages, totalPages, 'Checking the copy');
        const problems = finishCopy(ctx.db, partial).filter((line) => line !== 'ok');
        if (problems.length > 0) {
          throw new ApiFailure({
            code: 'internal',
            message: `The backup copy failed its integrity check (${problems.slice(0, 3).join('; ')}); it was not kept`,
          });
        }
        fs.renameSync(partial, file);
      } catch (error) {
        removeQuietly(partial);
        throw error;
      } finally {
        inProgress.delete(file);
      }
      const bytes = fs.statSync(file).size;
      // A backup holds every CNIC and phone number in clear: it is an export, and exports
      // are audited.
      audit(ctx, 'backup.created', null, null, { path: file, bytes });
      if (!chosen) pruneAutomaticBackups(dir);
      return { path: file, bytes, integrity: 'ok' as const };
    },
  };
}
