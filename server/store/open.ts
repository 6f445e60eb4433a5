/** Opens the configured store and brings its schema up to date. */
import fs from 'node:fs';
import path from 'node:path';
import type { OpenedDb } from './db.js';
import { migrate } from './migrate.js';
import { openPgliteDb } from './pglite-db.js';
import { openPostgresDb } from './postgres-db.js';

export interface StoreConfig {
  /** PostgreSQL connection string; when absent the embedded store in `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
}

/**
 * The embedded database lives in a subfolder: PostgreSQL initialises only an empty folder,
 * and the data folder also holds the lock file and the admin socket.
 */
export function embeddedDatabaseDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

export async function openStore(config: StoreConfig): Promise<OpenedDb> {
  let db: OpenedDb;
  if (config.databaseUrl) {
    db = openPostgresDb(config.databaseUrl);
  } else {
    fs.mkdirSync(config.dataDir, { recursive: true });
    db = await openPgliteDb(embeddedDatabaseDir(config.dataDir));
  }
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}

/** Where the store lives, for messages: never the connection string (it may hold a password). */
export function describeStore(config: StoreConfig): string {
  return config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${config.dataDir}`;
}
