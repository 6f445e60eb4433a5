/**
 * Runs pending migrations. Each migration runs in its own transaction together with the
 * `user_version` bump, so a crash leaves the database at a whole version. Before touching
 * an existing database a copy is taken (VACUUM INTO: consistent, synchronous).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Migration } from './migrations/index.js';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(
      `This database was written by a newer version of Incubator Desk (schema ${found}; this app knows up to ${supported}). ` +
        'Install the latest version of the app to open it; the data has not been changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationResult {
  from: number;
  to: number;
  backupPath: string | null;
}

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(
  db: Database.Database,
  migrations: Migration[],
  opts: { backupDir?: string; target?: number } = {},
): MigrationResult {
  const from = userVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const target = opts.target ?? latest;
  if (from > latest) throw new DatabaseTooNewError(from, latest);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && opts.backupDir) {
    fs.mkdirSync(opts.backupDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    backupPath = path.join(opts.backupDir, `before-migration-v${from}-to-v${target}-${stamp}.sqlite`);
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: userVersion(db), backupPath };
}
