/**
 * A private throwaway PostgreSQL 15 cluster, for the server tests (testing/databases.ts) and
 * the benchmarks (bench/sync.ts): initialised in a temp folder with trust auth, listening on
 * 127.0.0.1 on a free port and on a socket in that folder, stopped (`pg_ctl stop -m
 * immediate`) and deleted by `stop()`. PostgreSQL refuses to run as root, so as root it runs
 * as the `postgres` user (runuser). Needs the binaries in /usr/lib/postgresql/15/bin
 * (Debian's `postgresql` package); `postgresSkipReason` says why it cannot run here.
 *
 * No test framework here: benchmarks import this module too.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

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

/** Why no private cluster can be started on this machine, or null when one can. */
export const postgresSkipReason: string | null = !fs.existsSync(path.join(POSTGRES_BIN, 'initdb'))
  ? `no PostgreSQL 15 binaries in ${POSTGRES_BIN} (apt-get install postgresql)`
  : isRoot() && !postgresUserExists()
    ? 'running as root and there is no postgres user to run the server as'
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

export interface ClusterOptions {
  /**
   * Durable: PostgreSQL's own defaults (fsync, synchronous commit, full page writes), as a
   * production server runs. Not durable (tests): all three off, for speed.
   */
  durable?: boolean;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string | number>;
}

export class PrivateCluster {
  private databases = 0;
  private stopped = false;

  private constructor(
    /** The temp folder holding the data directory, the socket and the server log. */
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(options: ClusterOptions = {}): Promise<PrivateCluster> {
    if (postgresSkipReason) throw new Error(`Cannot start PostgreSQL: ${postgresSkipReason}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-pg-'));
    const port = await freePort().catch((error: unknown) => {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    const cluster = new PrivateCluster(dir, port);
    try {
      if (isRoot()) execFileSync('chown', ['postgres', dir]);
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
      const settings: Record<string, string | number> = {
        listen_addresses: '127.0.0.1',
        ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
        ...options.settings,
      };
      const serverOptions = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');
      runPostgresBinary('pg_ctl', ['-D', cluster.dataDir, '-o', serverOptions, '-l', cluster.logFile, '-w', 'start']);
    } catch (error) {
      cluster.stop();
      throw error;
    }
    return cluster;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  get logFile(): string {
    return path.join(this.dir, 'server.log');
  }

  url(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates a new empty database and returns its name. */
  async createDatabase(prefix = 'test'): Promise<string> {
    const name = `${prefix}_${process.pid}_${++this.databases}`;
    const admin = new pg.Client({ connectionString: this.url('postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return name;
  }

  /**
   * Stops the server at once and deletes the folder. Synchronous, so that it can run from a
   * signal handler; calling it again does nothing.
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    try {
      if (fs.existsSync(path.join(this.dataDir, 'postmaster.pid')))
        runPostgresBinary('pg_ctl', ['-D', this.dataDir, 'stop', '-m', 'immediate', '-w']);
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
