/**
 * The databases server tests run against, for `describe.each(testDatabases())`:
 *
 * - 'pglite': embedded, in memory. Always.
 * - 'postgres': a private throwaway PostgreSQL 15 cluster (testing/private-postgres.ts), when
 *   its binaries are installed (/usr/lib/postgresql/15/bin; Debian's `postgresql` package,
 *   which CI installs), with fsync off. One per test process: it is stopped and deleted
 *   when the last suite of the file using it tears down.
 * - 'TEST_DATABASE_URL': an existing server, when that variable is set. Each suite works in
 *   a schema of its own, dropped afterwards; nothing else in that database is touched.
 *
 * `postgresSkipReason` says why the private cluster is not among them.
 */
import pg from 'pg';
import { it } from 'vitest';
import type { OpenedDb } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openPgliteDb } from '../store/pglite-db.js';
import { openPostgresDb } from '../store/postgres-db.js';
import { PrivateCluster, postgresSkipReason as clusterSkipReason } from './private-postgres.js';

export { POSTGRES_BIN } from './private-postgres.js';

export interface TestStore {
  db: OpenedDb;
  /** For tests that need a second connection of their own (PostgreSQL only). */
  connectionString: string | null;
  /** Empties every table (between tests). */
  reset(): Promise<void>;
  teardown(): Promise<void>;
}

export interface TestDatabase {
  name: 'pglite' | 'postgres' | 'TEST_DATABASE_URL';
  /** A migrated, empty database for one suite. */
  setup(): Promise<TestStore>;
}

const TABLES = ['set_aside', 'cells', 'ops', 'enrolment_codes', 'devices', 'admins', 'centres'];

async function resetTables(db: OpenedDb): Promise<void> {
  await db.query(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`);
}

export const postgresSkipReason: string | null = clusterSkipReason
  ? `PostgreSQL tests skipped: ${clusterSkipReason}${clusterSkipReason.startsWith('no PostgreSQL') ? ', or set TEST_DATABASE_URL' : ''}`
  : null;

/** One private cluster per test process, shared by its suites and stopped after the last. */
const sharedCluster = {
  current: null as Promise<PrivateCluster> | null,
  users: 0,
  async acquire(): Promise<PrivateCluster> {
    this.users++;
    this.current ??= PrivateCluster.start();
    return this.current;
  },
  async release(cluster: PrivateCluster): Promise<void> {
    if (--this.users > 0) return;
    this.current = null;
    cluster.stop();
  },
};

async function migrated(db: OpenedDb): Promise<OpenedDb> {
  await migrate(db);
  return db;
}

const pglite: TestDatabase = {
  name: 'pglite',
  async setup() {
    const db = await migrated(await openPgliteDb());
    return { db, connectionString: null, reset: () => resetTables(db), teardown: () => db.close() };
  },
};

/** A migrated pool on a PostgreSQL database; `release` runs after the pool is closed. */
async function postgresStore(connectionString: string, release: () => Promise<void>): Promise<TestStore> {
  const db = await migrated(openPostgresDb(connectionString, { max: 20 }));
  return {
    db,
    connectionString,
    reset: () => resetTables(db),
    async teardown() {
      await db.close();
      await release();
    },
  };
}

const privatePostgres: TestDatabase = {
  name: 'postgres',
  async setup() {
    const cluster = await sharedCluster.acquire();
    const release = () => sharedCluster.release(cluster);
    try {
      return await postgresStore(cluster.url(await cluster.createDatabase()), release);
    } catch (error) {
      await release();
      throw error;
    }
  },
};

/** A schema of its own in the given database, selected through the connection's search_path. */
function externalPostgres(url: string): TestDatabase {
  return {
    name: 'TEST_DATABASE_URL',
    async setup() {
      const schema = `incubator_test_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const scoped = new URL(url);
      scoped.searchParams.set('options', `-c search_path=${schema}`);
      return postgresStore(scoped.toString(), async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      });
    },
  };
}

export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [pglite];
  if (!postgresSkipReason) databases.push(privatePostgres);
  if (process.env.TEST_DATABASE_URL) databases.push(externalPostgres(process.env.TEST_DATABASE_URL));
  return databases;
}

/** The databases that can hold a transaction open on a second connection (not PGlite). */
export function serverDatabases(): TestDatabase[] {
  return testDatabases().filter((d) => d.name !== 'pglite');
}

/** Says, as a skipped test, which database variants this machine cannot run. */
export function noteSkippedDatabases(): void {
  if (postgresSkipReason) it.skip(postgresSkipReason, () => {});
}
