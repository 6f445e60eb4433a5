/**
 * Opens (and creates or upgrades) a workstation database.
 *
 * WAL lets readers run while a write commits; synchronous=FULL makes every acknowledged
 * commit survive power loss (the outbox must never lose an acknowledged write).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, type MigrationResult } from './migrate.js';
import { migrations } from './migrations/index.js';
import { SYNC_CHECK_LIMIT_BYTES } from './integrity.js';

export class DatabaseCorruptError extends Error {}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the current runtime (Electron's build). */
  nativeBinding?: string;
  /** Where to put the copy taken before a migration; defaults to <db dir>/backups. */
  backupDir?: string;
  /** Migrate only up to this version (migration tests). */
  targetVersion?: number;
  /** Databases larger than this are checked in the background (see integrity.ts). */
  syncCheckLimitBytes?: number;
}

export interface OpenedDatabase {
  db: Database.Database;
  migration: MigrationResult;
  /** True when quick_check was left for the caller to run in the background. */
  integrityDeferred: boolean;
}

export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const bytes = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const integrityDeferred = bytes > (opts.syncCheckLimitBytes ?? SYNC_CHECK_LIMIT_BYTES);
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536'); // 64 MiB page cache
    db.pragma('temp_store = MEMORY');
    if (!integrityDeferred) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') {
        throw new DatabaseCorruptError(
          `The database at ${file} failed its integrity check (${String(check)}). Restore a backup.`,
        );
      }
    }
    const migration = migrate(db, migrations, {
      backupDir: opts.backupDir ?? path.join(path.dirname(file), 'backups'),
      target: opts.targetVersion,
    });
    return { db, migration, integrityDeferred };
  } catch (error) {
    db.close();
    throw error;
  }
}
