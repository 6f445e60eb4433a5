/**
 * Brings a database to the code's schema version. All pending migrations run in one
 * transaction that also records them in `schema_version`, under an advisory lock so that a
 * server and an admin command starting together on one PostgreSQL database migrate once.
 */
import type { Db } from './db.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

/** Any fixed number: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 4_004_001;

export class DatabaseTooNewError extends Error {}

export async function migrate(db: Db, migrations: readonly Migration[] = allMigrations): Promise<number> {
  const latest = migrations.at(-1)?.version ?? 0;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const [row] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
    const current = row?.version ?? 0;
    if (current > latest) {
      throw new DatabaseTooNewError(
        `The database is at schema version ${current}, newer than this server (${latest}). Upgrade the server.`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await migration.up(tx);
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [migration.version]);
    }
    return latest;
  });
}
