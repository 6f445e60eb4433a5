/**
 * The databases server tests run against, for `describe.each(testDatabases())`:
 *
 * - 'pglite': embedded, in memory. Always.
 * - 'postgres': a private throwaway PostgreSQL 15 cluster, when its binaries are installed
 *   (/usr/lib/postgresql/15/bin; Debian's `postgresql` package, which CI installs). It is
 *   initialised in a temp folder with trust auth, listens on 127.0.0.1 on a free port and a
 *   socket in that folder, and is stopped (`pg_ctl stop -m immediate`) and deleted when the
 *   last suite of the file using it tears down. PostgreSQL refuses to run as root, so as
 *   root it runs as the `postgres` user (runuser).
 * - 'TEST_DATABASE_URL': an existing server, when that variable is set. Each suite works in
 *   a schema of its own, dropped afterwards; nothing else in that database is touched.
 *
 * `postgresSkipReason` says why the private cluster is not among them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { it } from 'vitest';
import type { OpenedDb } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openPgliteDb } from '../store/pglite-db.js';
import { openPostgresDb } from '../store/postgres-db.js';

export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

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

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function postgresUserExists(): boolean {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const postgresSkipReason: string | null = !fs.existsSync(path.join(POSTGRES_BIN, 'initdb'))
  ? `PostgreSQL tests skipped: no PostgreSQL 15 binaries in ${POSTGRES_BIN} (apt-get install postgresql, or set TEST_DATABASE_URL)`
  : isRoot() && !postgresUserExists()
    ? 'PostgreSQL tests skipped: running as root and there is no postgres user to run the server as'
    : null;

/** Runs a PostgreSQL binary, as the postgres user when we are root (PostgreSQL refuses root). */
function runPostgresBinary(binary: string, args: string[]): void {
  const command = path.join(POSTGRES_BIN, binary);
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One private cluster per test process, shared by its suites and stopped after the last. */
class PrivateCluster {
  private static current: Promise<PrivateCluster> | null = null;
  private static users = 0;
  private databases = 0;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async acquire(): Promise<PrivateCluster> {
    PrivateCluster.users++;
    PrivateCluster.current ??= PrivateCluster.start();
    return PrivateCluster.current;
  }

  static async release(cluster: PrivateCluster): Promise<void> {
    if (--PrivateCluster.users > 0) return;
    PrivateCluster.current = null;
    cluster.stop();
  }

  private static async start(): Promise<PrivateCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-pg-'));
    if (isRoot()) execFileSync('chown', ['postgres', dir]);
    const port = await freePort();
    const cluster = new PrivateCluster(dir, port);
    try {
      runPostgresBinary('initdb', [
        '-D',
        cluster.dataDir,
        '-A',
        'trust',
        '-U',
        'postgres',
        '--no-sync',
        '-E',
        'UTF8',
        '--no-locale',
      ]);
      const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      runPostgresBinary('pg_ctl', [
        '-D',
        cluster.dataDir,
        '-o',
        serverOptions,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        'start',
      ]);
    } catch (error) {
      cluster.stop();
      throw error;
    }
    return cluster;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  url(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(): Promise<string> {
    const name = `test_${process.pid}_${++this.databases}`;
    const admin = new pg.Client({ connectionString: this.url('postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return name;
  }

  stop(): void {
    try {
      if (fs.existsSync(path.join(this.dataDir, 'postmaster.pid')))
        runPostgresBinary('pg_ctl', ['-D', this.dataDir, 'stop', '-m', 'immediate', '-w']);
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

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
    const cluster = await PrivateCluster.acquire();
    const release = () => PrivateCluster.release(cluster);
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
