/**
 * Sync figures (DESIGN.md, Sync), each on the central server's two stores: embedded
 * PostgreSQL (PGlite, in a data folder) and a private PostgreSQL 15 cluster started for the
 * run (when its binaries are installed; server/testing/private-postgres.ts). The server is
 * the real Fastify app (server/app.ts) listening on 127.0.0.1 in this process; workstations
 * are real cores (core/host/core.ts) in this process too, syncing over HTTP.
 *
 * Per store:
 * - Upload: a seeded workstation (bench/data, seeded once) joins with an upload code and
 *   pushes its whole outbox: this fills the server with the centre the figures below use.
 *   It takes many minutes at 100,000 trainees, so the server's database after it is kept in
 *   bench/data too (`sync-server-<store>-<trainees>-s<server schema>`) and later runs start
 *   from a copy; the upload figure then says when it was measured.
 * - Bootstrap: a new workstation's `sync.enrol` end to end (clock check, enrolment, snapshot
 *   pages applied, first pull), against the limit: the same cells read from the server's
 *   database with one query per table and written to a new SQLite database in one transaction.
 * - Push: 10,000 trainee edits through the API (one call, one transaction each, as people or
 *   an import make them), then `sync.now` sends them.
 * - Latency: one change from workstation A to workstation B, by `sync.now` on A then B; and
 *   with both background schedulers running (short intervals), from the write on A to the
 *   row on B.
 * - Devices: many simulated devices (raw protocol, like server/testing/fixtures.ts) each
 *   loop push-a-small-batch + pull for a fixed time. They run in a worker thread so their
 *   JSON work does not share the server's event loop; the machine's cores are still shared
 *   by both (and by PostgreSQL), which the row says.
 *
 * Everything started here (servers, clusters, cores, temp folders, the worker) is torn down
 * in `finally`, and on Ctrl+C.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { Core } from '../core/host/core.js';
import { connectInProcess } from '../core/host/in-process.js';
import { clientInfo } from '../core/sync/client-info.js';
import { columnType, decodeValue } from '../core/sync/remote-values.js';
import { MemoryTokenVault } from '../core/sync/token-vault.js';
import type { ApiClient } from '../shared/api/client.js';
import { tableNames } from '../shared/schema/tables.js';
import { HybridLogicalClock } from '../shared/sync/hlc.js';
import {
  CLIENT_HEADERS,
  EnrolResponse,
  type ClientInfo,
  type PullResponse,
  type PushResponse,
  type WireOp,
} from '../shared/sync/protocol.js';
import { createCentre, createEnrolmentCode } from '../server/admin/commands.js';
import { buildServer } from '../server/app.js';
import type { OpenedDb } from '../server/store/db.js';
import { migrations as serverMigrations } from '../server/store/migrations/index.js';
import { openStore } from '../server/store/open.js';
import { POSTGRES_BIN, PrivateCluster, postgresSkipReason } from '../server/testing/private-postgres.js';
import { median, percentile, summarise, type Row, BENCH_MANAGER as MANAGER } from './stats.js';

const AREA = 'Sync';

export interface SyncBenchOptions {
  runs: number;
  quick: boolean;
  /** Trainees of the centre bootstrapped to a new workstation (each size: one centre). */
  bootstrapSizes: number[];
  /** A seeded workstation data folder with this many trainees (made once, then reused). */
  seededDatabase: (trainees: number) => string;
  /** Where servers holding the uploaded centres are kept between runs (bench/data). */
  cacheDir: string;
  /** Trainee records edited on a workstation, then pushed by one sync. */
  pushRecords: number;
  /** Simulated devices syncing at once (each count: one run). */
  deviceCounts: number[];
  deviceSeconds: number;
  /** Centres the simulated devices are spread over. */
  deviceCentres: number;
  /** Only these stores (default: every one that can run here). */
  servers?: ServerName[];
}

const noLog = () => {};
/**
 * Lets the event loop run its timers and I/O. Calls through the in-process transport chain
 * microtasks only, so a long series of them (or a long SQLite transaction) holds every timer
 * back: the server's idle keep-alive sockets would then close just as the next request
 * reuses them. A UI's calls arrive as separate events, so this is what they would see.
 */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 20));
const number = (n: number) => Math.round(n).toLocaleString('en');
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const progress = (message: string) => console.error(`  sync: ${message}`);

// ---------------------------------------------------------------------------------------
// Teardown: everything started is registered here and closed in reverse order.

class Teardown {
  private readonly steps: { label: string; run: () => unknown }[] = [];

  /** Registers a cleanup; the returned function runs it now (once) and forgets it. */
  add(label: string, run: () => unknown): () => Promise<void> {
    const step = { label, run };
    this.steps.push(step);
    return async () => {
      const at = this.steps.indexOf(step);
      if (at < 0) return;
      this.steps.splice(at, 1);
      await step.run();
    };
  }

  async all(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.run();
      } catch (error) {
        console.error(`  sync: cleanup "${step.label}" failed:`, error);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// The server, on either store.

/** Where one store's data lives for the run, and how to open, save and restore it. */
interface StoreLocation {
  /** Opens the store (migrated), as server/main.ts does. */
  open(): Promise<OpenedDb>;
  /** Copies the store's contents into `cacheDir` (the store is closed). */
  save(cacheDir: string): void;
  /** Fills the still empty, closed store from `cacheDir`. */
  restore(cacheDir: string): void;
}

type ServerName = 'PGlite' | 'PostgreSQL';

interface ServerKind {
  name: ServerName;
  /** For the table: what exactly ran. */
  label: string;
  skipReason: string | null;
  /** A new empty store for this run, under `dir`. */
  create(dir: string, teardown: Teardown): Promise<StoreLocation>;
}

const serverKinds: ServerKind[] = [
  {
    name: 'PGlite',
    label: 'PGlite (embedded, data folder)',
    skipReason: null,
    async create(dir) {
      const dataDir = path.join(dir, 'server-pglite');
      const cached = (cacheDir: string) => path.join(cacheDir, 'pglite');
      return {
        open: () => openStore({ dataDir }),
        save: (cacheDir) => fs.cpSync(dataDir, cached(cacheDir), { recursive: true }),
        restore: (cacheDir) => fs.cpSync(cached(cacheDir), dataDir, { recursive: true }),
      };
    },
  },
  {
    name: 'PostgreSQL',
    label: 'PostgreSQL 15 (private cluster, default durability)',
    skipReason: postgresSkipReason,
    async create(dir, teardown) {
      // Durable like a production server: fsync and synchronous commit on.
      const cluster = await PrivateCluster.start({ durable: true });
      teardown.add('PostgreSQL cluster', () => cluster.stop());
      const url = cluster.url(await cluster.createDatabase('bench'));
      const dump = (cacheDir: string) => path.join(cacheDir, 'postgres.dump');
      // The client tools run as anyone (only the server refuses root).
      const tool = (name: string, args: string[]) =>
        execFileSync(path.join(POSTGRES_BIN, name), args, { stdio: ['ignore', 'ignore', 'pipe'] });
      return {
        // The pool size and everything else as server/main.ts opens it.
        async open() {
          const db = await openStore({ databaseUrl: url, dataDir: dir });
          // Planner statistics now, as autovacuum would gather soon after a bulk load.
          await db.query('ANALYZE');
          return db;
        },
        save: (cacheDir) => tool('pg_dump', ['--format=custom', '--compress=1', `--file=${dump(cacheDir)}`, url]),
        restore: (cacheDir) => tool('pg_restore', ['--jobs=2', '--no-owner', `--dbname=${url}`, dump(cacheDir)]),
      };
    },
  },
];

interface Timing {
  route: string;
  /** Epoch ms when the answer was sent. */
  at: number;
  ms: number;
}

interface BenchServer {
  kind: ServerKind;
  db: OpenedDb;
  url: string;
  /** Server handler time of each request (routing to the answer sent). */
  timings: Timing[];
  stop(): Promise<void>;
}

async function startServer(kind: ServerKind, store: StoreLocation, teardown: Teardown): Promise<BenchServer> {
  const db = await store.open();
  const closeDb = teardown.add(`${kind.name} store`, () => db.close());
  const app: FastifyInstance = buildServer({ db, enrolRateLimit: { max: 1_000_000, timeWindowMs: 60_000 } });
  const timings: Timing[] = [];
  app.addHook('onResponse', async (request, reply) => {
    timings.push({ route: request.routeOptions.url ?? request.url, at: Date.now(), ms: reply.elapsedTime });
  });
  const closeApp = teardown.add(`${kind.name} server`, () => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The server has no TCP address');
  return {
    kind,
    db,
    url: `http://127.0.0.1:${address.port}`,
    timings,
    async stop() {
      await closeApp();
      await closeDb();
    },
  };
}

/**
 * Uploading a seeded centre takes minutes (millions of ops), so the server's database after
 * the upload is kept under bench/data and later runs start from a copy of it. Its name holds
 * the sizes and the server's schema version: a new server migration makes it again (and so
 * measures the upload again). The workstation's schema version is left out: the seeded
 * source is migrated in place, not seeded again, so its upload would send the same ops.
 */
interface ServerCache {
  dir: string;
  centres: UploadedCentre[];
  madeAt: string;
}

function serverCacheDir(opts: SyncBenchOptions, kind: ServerKind): string {
  const serverSchema = serverMigrations.at(-1)!.version;
  const name = `sync-server-${kind.name.toLowerCase()}-${opts.bootstrapSizes.join('+')}-s${serverSchema}`;
  return path.join(opts.cacheDir, name);
}

function readServerCache(dir: string): ServerCache | null {
  const meta = path.join(dir, 'uploaded.json');
  return fs.existsSync(meta) ? { ...(JSON.parse(fs.readFileSync(meta, 'utf8')) as ServerCache), dir } : null;
}

function writeServerCache(cache: ServerCache, kind: ServerKind, store: StoreLocation): void {
  fs.rmSync(cache.dir, { recursive: true, force: true });
  fs.mkdirSync(cache.dir, { recursive: true });
  try {
    store.save(cache.dir);
    // Written last: a cache without it is incomplete and is made again.
    fs.writeFileSync(path.join(cache.dir, 'uploaded.json'), JSON.stringify(cache, null, 2));
  } catch (error) {
    fs.rmSync(cache.dir, { recursive: true, force: true });
    throw new Error(`Could not save the uploaded ${kind.name} server to ${cache.dir}`, { cause: error });
  }
}

/**
 * A server holding one uploaded centre per bootstrap size: from the cache, or made now by
 * real uploads (and then cached).
 */
async function serverWithCentres(
  kind: ServerKind,
  opts: SyncBenchOptions,
  dir: string,
  teardown: Teardown,
): Promise<{ server: BenchServer; cache: ServerCache; fromCache: boolean }> {
  const store = await kind.create(dir, teardown);
  const cacheDir = serverCacheDir(opts, kind);
  const cached = readServerCache(cacheDir);
  if (cached) {
    progress(`${kind.name}: starting from the uploaded server kept in ${path.relative(process.cwd(), cacheDir)}…`);
    store.restore(cacheDir);
    const server = await startServer(kind, store, teardown);
    return { server, cache: cached, fromCache: true };
  }
  let server = await startServer(kind, store, teardown);
  const centres: UploadedCentre[] = [];
  for (const trainees of opts.bootstrapSizes)
    centres.push(await uploadCentre(server, trainees, opts.seededDatabase(trainees), dir, teardown));
  await server.stop();
  const cache: ServerCache = { dir: cacheDir, centres, madeAt: new Date().toISOString() };
  progress(`${kind.name}: keeping the uploaded server in ${path.relative(process.cwd(), cacheDir)} for later runs…`);
  writeServerCache(cache, kind, store);
  server = await startServer(kind, store, teardown);
  return { server, cache, fromCache: false };
}

// ---------------------------------------------------------------------------------------
// Workstations.

interface HttpCall {
  path: string;
  start: number;
  end: number;
  /** The status, or why there was none. */
  outcome: string;
}

interface Workstation {
  core: Core;
  client: ApiClient;
  vault: MemoryTokenVault;
  dataDir: string;
  /** Every sync request this workstation made, for timing phases of a sync. */
  calls: HttpCall[];
  close(): Promise<void>;
}

function openWorkstation(
  dataDir: string,
  teardown: Teardown,
  opts: { vault?: MemoryTokenVault; background?: { debounceMs: number; intervalMs: number } } = {},
): Workstation {
  const vault = opts.vault ?? new MemoryTokenVault();
  const calls: HttpCall[] = [];
  const timedFetch: typeof fetch = async (input, init) => {
    const start = performance.now();
    let outcome = 'no answer';
    try {
      const response = await fetch(input, init);
      outcome = String(response.status);
      return response;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      outcome = `${String(error)}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`;
      throw error;
    } finally {
      const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
      calls.push({ path, start, end: performance.now(), outcome });
    }
  };
  const core = Core.open({
    dataDir,
    log: noLog,
    tokenVault: vault,
    syncFetch: timedFetch,
    ...(opts.background ? { backgroundSync: { ...opts.background, startDelayMs: 0 } } : {}),
  });
  const close = teardown.add(`workstation ${path.basename(dataDir)}`, () => core.close());
  const { client } = connectInProcess(core);
  return { core, client, vault, dataDir, calls, close };
}

/** Runs a sync job; when it fails, the workstation's last requests say where (time, outcome). */
async function traced<T>(ws: Workstation, what: string, job: () => Promise<T>): Promise<T> {
  const from = ws.calls.length;
  try {
    return await job();
  } catch (error) {
    console.error(`  sync: ${what} failed on ${path.basename(ws.dataDir)}; its last requests:`);
    for (const c of ws.calls.slice(Math.max(from, ws.calls.length - 5)))
      console.error(`    ${c.path} ${(c.end - c.start).toFixed(0)} ms: ${c.outcome}`);
    throw error;
  }
}

const syncNow = (ws: Workstation) => traced(ws, 'sync.now', () => ws.client.runJob('sync.now', {}));

function enrol(ws: Workstation, serverUrl: string, code: string, deviceName: string) {
  return traced(ws, 'sync.enrol', () => ws.client.runJob('sync.enrol', { serverUrl, code, deviceName }));
}

async function signIn(ws: Workstation): Promise<void> {
  await ws.client.call('auth.signIn', MANAGER);
}

function databaseMegabytes(core: Core): number {
  const file = core.databasePath;
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return (size(file) + size(`${file}-wal`)) / 2 ** 20;
}

/** Time spent in requests to `route`, from the first one's start to the last one's end. */
function phaseMs(calls: HttpCall[], route: string): number {
  const matching = calls.filter((c) => c.path === route);
  if (matching.length === 0) return 0;
  return Math.max(...matching.map((c) => c.end)) - Math.min(...matching.map((c) => c.start));
}

// ---------------------------------------------------------------------------------------
// Upload: a seeded workstation fills a new centre on the server.

interface UploadedCentre {
  centreId: string;
  trainees: number;
  ops: number;
  ms: number;
  /** Of `ms`: pushing the outbox, and pulling the same ops back (the first pull starts at the log's start). */
  pushMs?: number;
  pullMs?: number;
}

async function uploadCentre(server: BenchServer, trainees: number, sourceDir: string, dir: string, teardown: Teardown) {
  const copy = path.join(dir, `source-${trainees}`);
  fs.cpSync(sourceDir, copy, { recursive: true, filter: (f) => path.basename(f) !== 'backups' });
  const removeCopy = teardown.add('source copy', () => fs.rmSync(copy, { recursive: true, force: true }));
  const ws = openWorkstation(copy, teardown);
  try {
    await signIn(ws);
    const ops = (await ws.client.call('sync.status', {})).pendingChanges;
    const centre = await createCentre(server.db, { name: `Bench Centre ${trainees}` }, new Date());
    const { code } = await createEnrolmentCode(server.db, { centre: centre.id, role: 'workstation', upload: true }, new Date());
    progress(`${server.kind.name}: uploading a seeded centre of ${number(trainees)} trainees (${number(ops)} ops)…`);
    const start = performance.now();
    const joined = await enrol(ws, server.url, code, 'Bench source');
    const ms = performance.now() - start;
    if (!joined.firstSync) throw new Error(`The upload failed: ${joined.firstSyncError}`);
    if (joined.firstSync.rejected.length > 0)
      progress(`warning: ${joined.firstSync.rejected.length} ops rejected, e.g. ${joined.firstSync.rejected[0]!.message}`);
    return {
      centreId: joined.centreId!,
      trainees,
      ops: joined.firstSync.pushed,
      ms,
      pushMs: phaseMs(ws.calls, '/v1/sync/push'),
      pullMs: phaseMs(ws.calls, '/v1/sync/pull'),
    } satisfies UploadedCentre;
  } finally {
    await ws.close();
    await removeCopy();
  }
}

// ---------------------------------------------------------------------------------------
// Bootstrap, and its limit.

interface Bootstrapped {
  ms: number[];
  /** Of each: the server's handler time for the snapshot pages (the rest is the workstation and HTTP). */
  serverMs: number[];
  rows: number;
  megabytes: number;
  /** Kept open for the push and latency figures (the others are deleted). */
  kept: Workstation[];
}

async function bootstrapRuns(
  server: BenchServer,
  centre: UploadedCentre,
  runs: number,
  keep: number,
  dir: string,
  teardown: Teardown,
): Promise<Bootstrapped> {
  const result: Bootstrapped = { ms: [], serverMs: [], rows: 0, megabytes: 0, kept: [] };
  for (let i = 0; i < Math.max(runs, keep); i++) {
    const dataDir = path.join(dir, `ws-${centre.trainees}-${i}`);
    const removeDir = teardown.add('workstation folder', () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const ws = openWorkstation(dataDir, teardown);
    const { code } = await createEnrolmentCode(server.db, { centre: centre.centreId, role: 'workstation' }, new Date());
    server.timings.length = 0;
    const start = performance.now();
    const joined = await enrol(ws, server.url, code, `Bench desk ${i}`);
    const ms = performance.now() - start;
    if (!joined.firstSync) throw new Error(`The bootstrap failed: ${joined.firstSyncError}`);
    result.ms.push(ms);
    const serverMs = server.timings.filter((t) => t.route === '/v1/sync/snapshot').reduce((sum, t) => sum + t.ms, 0);
    result.serverMs.push(serverMs);
    result.rows = joined.firstSync.snapshotRows;
    result.megabytes = databaseMegabytes(ws.core);
    const here = (ws.core.db.prepare('SELECT count(*) AS n FROM trainees WHERE deleted = 0').get() as { n: number }).n;
    if (here !== centre.trainees) progress(`warning: ${number(here)} trainees arrived, ${number(centre.trainees)} expected`);
    progress(
      `${server.kind.name}: bootstrap ${i + 1}: ${number(result.rows)} rows in ${seconds(ms)} ` +
        `(snapshot pages ${seconds(phaseMs(ws.calls, '/v1/sync/snapshot'))}, of which the server ${seconds(serverMs)})`,
    );
    if (i >= Math.max(runs, keep) - keep) result.kept.push(ws);
    else {
      await ws.close();
      await removeDir();
    }
  }
  return result;
}

interface LimitResult {
  ms: number;
  readMs: number;
  writeMs: number;
  rows: number;
  cells: number;
}

/**
 * The least a bootstrap can cost here: the centre's cells read from the server's database
 * (one query per table) and written as rows plus their cell clocks into a new workstation
 * database in one SQLite transaction, with no HTTP, no paging, no merge checks, no history.
 */
async function bootstrapLimit(
  server: BenchServer,
  centre: UploadedCentre,
  dir: string,
  teardown: Teardown,
): Promise<LimitResult> {
  const dataDir = path.join(dir, `limit-${centre.trainees}`);
  const removeDir = teardown.add('limit folder', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const ws = openWorkstation(dataDir, teardown);
  const { db } = ws.core;
  const statements = new Map<string, ReturnType<typeof db.prepare>>();
  const prepared = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  const clock = db.prepare('INSERT INTO cell_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?)');
  const result: LimitResult = { ms: 0, readMs: 0, writeMs: 0, rows: 0, cells: 0 };
  try {
    const start = performance.now();
    db.exec('BEGIN');
    db.pragma('defer_foreign_keys = ON');
    for (const tbl of tableNames) {
      let at = performance.now();
      const cells = await server.db.query<{ row_id: string; col: string; value: string; hlc: string }>(
        `SELECT row_id::text AS row_id, col, value, hlc FROM cells
          WHERE tbl = $1 AND (centre_id = $2::uuid OR centre_id IS NULL) ORDER BY row_id, col`,
        [tbl, centre.centreId],
      );
      result.readMs += performance.now() - at;
      at = performance.now();
      let i = 0;
      while (i < cells.length) {
        const rowId = cells[i]!.row_id;
        const cols: string[] = [];
        const values: unknown[] = [];
        for (; i < cells.length && cells[i]!.row_id === rowId; i++) {
          const cell = cells[i]!;
          clock.run(tbl, rowId, cell.col, cell.hlc);
          result.cells++;
          const type = columnType(tbl, cell.col);
          const decoded = type ? decodeValue(type, cell.value) : null;
          if (!decoded?.ok) continue;
          cols.push(cell.col);
          values.push(decoded.value);
        }
        prepared(`INSERT INTO ${tbl} (id, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`).run([rowId, ...values]);
        result.rows++;
      }
      result.writeMs += performance.now() - at;
    }
    const at = performance.now();
    db.exec('COMMIT');
    result.writeMs += performance.now() - at;
    result.ms = performance.now() - start;
    return result;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    await ws.close();
    await removeDir();
  }
}

// ---------------------------------------------------------------------------------------
// Push of many changes, and one change's latency.

async function pushRuns(server: BenchServer, ws: Workstation, records: number, runs: number) {
  const ids = (
    ws.core.db.prepare('SELECT id FROM trainees WHERE deleted = 0 ORDER BY id LIMIT ?').all(records) as { id: string }[]
  ).map((r) => r.id);
  const times: number[] = [];
  const pushPhase: number[] = [];
  let ops = 0;
  let editMs = 0;
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    for (const [i, id] of ids.entries()) {
      await ws.client.call('trainees.update', { id, patch: { city: `Bench City ${run}` } });
      if (i % 100 === 99) await breathe();
    }
    editMs = performance.now() - start;
    const pending = (await ws.client.call('sync.status', {})).pendingChanges;
    ws.calls.length = 0;
    start = performance.now();
    const report = await syncNow(ws);
    const ms = performance.now() - start;
    if (report.pushed !== pending) progress(`warning: ${pending} ops waiting, ${report.pushed} pushed`);
    ops = report.pushed;
    times.push(ms);
    pushPhase.push(phaseMs(ws.calls, '/v1/sync/push'));
    progress(`${server.kind.name}: push ${run + 1}: ${number(ops)} ops in ${seconds(ms)} (edits took ${seconds(editMs)})`);
  }
  return { times, pushPhase, ops, records: ids.length, editMs };
}

async function latencyRuns(a: Workstation, b: Workstation, runs: number): Promise<number[]> {
  const id = (a.core.db.prepare('SELECT id FROM trainees WHERE deleted = 0 ORDER BY id DESC LIMIT 1').get() as { id: string }).id;
  const read = b.core.db.prepare('SELECT city FROM trainees WHERE id = ?');
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const city = `Latency ${run} ${Date.now()}`;
    const start = performance.now();
    await a.client.call('trainees.update', { id, patch: { city } });
    await syncNow(a);
    await syncNow(b);
    const ms = performance.now() - start;
    const arrived = (read.get(id) as { city: string } | undefined)?.city === city;
    if (!arrived) progress('warning: the change had not arrived on B after its sync');
    if (run > 0) times.push(ms); // the first is a warm-up
  }
  return times;
}

/** From the write on A to the row on B, both syncing in the background. */
async function backgroundLatencyRuns(a: Workstation, b: Workstation, runs: number): Promise<number[]> {
  const id = (
    a.core.db.prepare('SELECT id FROM trainees WHERE deleted = 0 ORDER BY id DESC LIMIT 1 OFFSET 1').get() as { id: string }
  ).id;
  const read = b.core.db.prepare('SELECT city FROM trainees WHERE id = ?');
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const city = `Background ${run} ${Date.now()}`;
    const start = performance.now();
    await a.client.call('trainees.update', { id, patch: { city } });
    for (;;) {
      if ((read.get(id) as { city: string } | undefined)?.city === city) break;
      if (performance.now() - start > 60_000) throw new Error('A change made on A did not reach B within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (run > 0) times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return times;
}

// ---------------------------------------------------------------------------------------
// Many devices at once: enrolled here, driven from a worker thread.

const DEVICE_WORKER = 'incubator-bench-sync-devices';

interface DeviceSpec {
  token: string;
  centreId: string;
  nodeId: string;
}

interface DeviceWorkerInput {
  kind: typeof DEVICE_WORKER;
  url: string;
  client: ClientInfo;
  devices: DeviceSpec[];
  warmupMs: number;
  windowMs: number;
}

interface DeviceWorkerResult {
  windowStart: number;
  windowEnd: number;
  pushMs: number[];
  pullMs: number[];
  opsPushed: number;
  opsRejected: number;
  opsPulled: number;
  errors: number;
  firstError: string | null;
  /** Share of the window the worker's event loop was busy (near 1: the client is the limit). */
  clientBusy: number;
}

async function enrolDevices(server: BenchServer, count: number, centres: number): Promise<DeviceSpec[]> {
  const centreIds: string[] = [];
  for (let i = 0; i < centres; i++)
    centreIds.push((await createCentre(server.db, { name: `Devices Centre ${i + 1}` }, new Date())).id);
  const devices: DeviceSpec[] = [];
  for (let i = 0; i < count; i++) {
    const centreId = centreIds[i % centres]!;
    const { code } = await createEnrolmentCode(server.db, { centre: centreId, role: 'workstation' }, new Date());
    const nodeId = (0xb000_0000_0000 + i).toString(16).padStart(16, '0');
    const response = await fetch(`${server.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client: clientInfo(), code, deviceName: `Simulated device ${i + 1}`, nodeId }),
    });
    if (!response.ok) throw new Error(`Enrolment of a simulated device failed: ${response.status} ${await response.text()}`);
    const answer = EnrolResponse.parse(await response.json());
    devices.push({ token: answer.token, centreId, nodeId });
  }
  return devices;
}

function runDeviceWorker(input: DeviceWorkerInput, teardown: Teardown): Promise<DeviceWorkerResult> {
  // Worker threads do not inherit tsx's loader: register it first, then load this file.
  const code = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(code, { eval: true, workerData: input });
  const stop = teardown.add('device worker', () => worker.terminate());
  return new Promise<DeviceWorkerResult>((resolve, reject) => {
    worker.once('message', (result: DeviceWorkerResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The device worker exited (${code}) without a result`)));
  }).finally(() => void stop());
}

/** One simulated device's next batch: a new trainee (9 field ops) and an edit of its previous one. */
function deviceBatch(device: DeviceSpec, clock: HybridLogicalClock, made: string[]): WireOp[] {
  const at = new Date().toISOString();
  const rowId = uuidv7();
  const fields: Record<string, unknown> = {
    centre_id: device.centreId,
    created_at: at,
    updated_at: at,
    deleted: 0,
    name: `Device Trainee ${made.length + 1}`,
    city: 'Peshawar',
    gender: made.length % 2 ? 'female' : 'male',
    skills: JSON.stringify(['python', 'sql']),
    consent: 1,
  };
  const stamp = clock.now();
  const ops: WireOp[] = Object.entries(fields).map(([col, value]) => ({
    opId: uuidv7(),
    tbl: 'trainees',
    rowId,
    col,
    value: JSON.stringify(value),
    hlc: stamp,
  }));
  const previous = made.at(-1);
  if (previous) {
    const edit = clock.now();
    ops.push(
      { opId: uuidv7(), tbl: 'trainees', rowId: previous, col: 'city', value: JSON.stringify('Mardan'), hlc: edit },
      { opId: uuidv7(), tbl: 'trainees', rowId: previous, col: 'updated_at', value: JSON.stringify(at), hlc: edit },
    );
  }
  made.push(rowId);
  return ops;
}

async function deviceWorker(input: DeviceWorkerInput): Promise<DeviceWorkerResult> {
  const url = new URL(input.url);
  // One keep-alive connection per device at most, as each device would have its own.
  const agent = new http.Agent({ keepAlive: true, maxSockets: input.devices.length, maxFreeSockets: input.devices.length });
  const clientHeaders = {
    [CLIENT_HEADERS.protocol]: String(input.client.protocol),
    [CLIENT_HEADERS.schemaVersion]: String(input.client.schemaVersion),
    [CLIENT_HEADERS.appVersion]: input.client.appVersion,
  };
  const request = <T>(method: 'GET' | 'POST', pathAndQuery: string, token: string, body?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path: pathAndQuery,
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : clientHeaders),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200)
              reject(new Error(`${method} ${pathAndQuery.split('?')[0]}: ${res.statusCode} ${text.slice(0, 200)}`));
            else resolve(JSON.parse(text) as T);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  const result: DeviceWorkerResult = {
    windowStart: 0,
    windowEnd: 0,
    pushMs: [],
    pullMs: [],
    opsPushed: 0,
    opsRejected: 0,
    opsPulled: 0,
    errors: 0,
    firstError: null,
    clientBusy: 0,
  };
  const begin = performance.now();
  const windowStart = begin + input.warmupMs;
  const windowEnd = windowStart + input.windowMs;
  result.windowStart = performance.timeOrigin + windowStart;
  result.windowEnd = performance.timeOrigin + windowEnd;
  let busyAtStart: ReturnType<typeof performance.eventLoopUtilization> | null = null;
  const startedTimer = setTimeout(() => (busyAtStart = performance.eventLoopUtilization()), input.warmupMs);
  // Requests are counted by when they end: throughput is completions in the window.
  const counted = (end: number) => end >= windowStart && end <= windowEnd;

  const loop = async (device: DeviceSpec) => {
    const clock = new HybridLogicalClock(device.nodeId);
    const made: string[] = [];
    let cursor: string | null = null;
    while (performance.now() < windowEnd) {
      try {
        const ops = deviceBatch(device, clock, made);
        let start = performance.now();
        const pushed = await request<PushResponse>('POST', '/v1/sync/push', device.token, { client: input.client, ops });
        let end = performance.now();
        if (counted(end)) {
          result.pushMs.push(end - start);
          result.opsPushed += pushed.accepted.length;
          result.opsRejected += pushed.rejected.length;
        }
        for (;;) {
          start = performance.now();
          const page: PullResponse = await request<PullResponse>(
            'GET',
            `/v1/sync/pull${cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`}`,
            device.token,
          );
          end = performance.now();
          cursor = page.cursor;
          if (counted(end)) {
            result.pullMs.push(end - start);
            result.opsPulled += page.ops.length;
          }
          if (!page.hasMore || end >= windowEnd) break;
        }
      } catch (error) {
        result.errors++;
        result.firstError ??= error instanceof Error ? error.message : String(error);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  await Promise.all(input.devices.map(loop));
  clearTimeout(startedTimer);
  result.clientBusy = busyAtStart ? performance.eventLoopUtilization(busyAtStart).utilization : 0;
  agent.destroy();
  return result;
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === DEVICE_WORKER) {
  void deviceWorker(workerData as DeviceWorkerInput).then((result) => parentPort!.postMessage(result));
}

async function devicesRun(server: BenchServer, count: number, opts: SyncBenchOptions, teardown: Teardown) {
  progress(`${server.kind.name}: enrolling ${count} simulated devices in ${opts.deviceCentres} centres…`);
  const devices = await enrolDevices(server, count, opts.deviceCentres);
  progress(`${server.kind.name}: ${count} devices push and pull for ${opts.deviceSeconds} s…`);
  const serverBusyBefore = performance.eventLoopUtilization();
  server.timings.length = 0;
  const result = await runDeviceWorker(
    {
      kind: DEVICE_WORKER,
      url: server.url,
      client: clientInfo(),
      devices,
      warmupMs: 2000,
      windowMs: opts.deviceSeconds * 1000,
    },
    teardown,
  );
  const serverBusy = performance.eventLoopUtilization(serverBusyBefore).utilization;
  const inWindow = server.timings.filter((t) => t.at >= result.windowStart && t.at <= result.windowEnd);
  const serverMs = (route: string) => inWindow.filter((t) => t.route === route).map((t) => t.ms);
  server.timings.length = 0;
  return { result, serverPush: serverMs('/v1/sync/push'), serverPull: serverMs('/v1/sync/pull'), serverBusy };
}

// ---------------------------------------------------------------------------------------
// All figures for one store.

/** Rows of one store, by figure, so that the table lists each figure's stores together. */
type FigureRows = Map<string, Row[]>;

function addRow(rows: FigureRows, figure: string, row: Row): void {
  const list = rows.get(figure) ?? [];
  list.push(row);
  rows.set(figure, list);
}

async function benchServerKind(kind: ServerKind, opts: SyncBenchOptions, rows: FigureRows, teardown: Teardown): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `incubator-bench-sync-${kind.name.toLowerCase()}-`));
  teardown.add('temp folder', () => fs.rmSync(dir, { recursive: true, force: true }));
  progress(`${kind.label}: starting…`);
  const { server, cache, fromCache } = await serverWithCentres(kind, opts, dir, teardown);
  const on = `— ${kind.name}`;
  const heavyRuns = opts.quick ? 1 : Math.min(3, opts.runs);

  for (const [s, centre] of cache.centres.entries()) {
    const { trainees } = centre;
    const last = s === cache.centres.length - 1;
    addRow(rows, `upload ${trainees}`, {
      area: AREA,
      measure: `Upload of a seeded centre (${number(trainees)} trainees, ${number(centre.ops)} ops) with an upload code, \`sync.enrol\` end to end ${on}`,
      unit: 'ops/s',
      median: centre.ops / (centre.ms / 1000),
      extra:
        `${seconds(centre.ms)}: pushes of 1,000 ops` +
        (centre.pushMs !== undefined && centre.pullMs !== undefined
          ? ` (${seconds(centre.pushMs)}), then the pull of them all back (${seconds(centre.pullMs)})`
          : ', then the pull of them all back') +
        '; once' +
        (fromCache
          ? `, when the kept server was made (${cache.madeAt.slice(0, 10)}; delete ${path.basename(cache.dir)} to measure again)`
          : ''),
    });

    // The last size's workstations stay open for the push and latency figures.
    const boot = await bootstrapRuns(server, centre, heavyRuns, last ? 2 : 0, dir, teardown);
    progress(`${kind.name}: the limit (one query per table, one SQLite transaction)…`);
    const limit = await bootstrapLimit(server, centre, dir, teardown);
    await breathe();
    const rate = (ms: number) => boot.rows / (ms / 1000);
    const bootSummary = summarise(boot.ms.map(rate));
    const limitRate = limit.rows / (limit.ms / 1000);
    addRow(rows, `bootstrap ${trainees}`, {
      area: AREA,
      measure: `Bootstrap of ${number(trainees)} trainees (${number(boot.rows)} rows) to a new workstation, \`sync.enrol\` end to end ${on}`,
      unit: 'rows/s',
      ...bootSummary,
      extra: `${seconds(median(boot.ms))}, of which the server answering snapshot pages ${seconds(median(boot.serverMs))}; SQLite ${number(boot.megabytes)} MB`,
      reference: `limit ${number(limitRate)} rows/s: ${seconds(limit.ms)} (read ${seconds(limit.readMs)}, write ${seconds(limit.writeMs)}), ${number(limit.cells)} cells`,
      ratio: bootSummary.median / limitRate,
    });
    if (!last) continue;

    const [a, b] = boot.kept as [Workstation, Workstation];
    await signIn(a);
    await signIn(b);
    const records = Math.min(opts.pushRecords, trainees);
    const push = await pushRuns(server, a, records, heavyRuns);
    const pushSummary = summarise(push.times.map((ms) => push.ops / (ms / 1000)));
    addRow(rows, 'push', {
      area: AREA,
      measure: `Push of ${number(push.records)} trainee edits (${number(push.ops)} ops), \`sync.now\` end to end ${on}`,
      unit: 'ops/s',
      ...pushSummary,
      extra: `${seconds(median(push.times))}, of which pushes ${seconds(median(push.pushPhase))}; edits made first through the API, one transaction each (${seconds(push.editMs)})`,
    });

    const latency = await latencyRuns(a, b, opts.runs);
    addRow(rows, 'latency', {
      area: AREA,
      measure: `One change A → server → B: write on A, \`sync.now\` on A, \`sync.now\` on B ${on}`,
      unit: 'ms',
      ...summarise(latency),
    });

    // The same with both background schedulers: reopen A and B with short intervals.
    const background = { debounceMs: 100, intervalMs: 250 };
    await a.close();
    await b.close();
    const bgA = openWorkstation(a.dataDir, teardown, { vault: a.vault, background });
    const bgB = openWorkstation(b.dataDir, teardown, { vault: b.vault, background });
    await signIn(bgA);
    const backgroundTimes = await backgroundLatencyRuns(bgA, bgB, opts.runs);
    addRow(rows, 'latency background', {
      area: AREA,
      measure: `One change A → B by the background schedulers (debounce ${background.debounceMs} ms, poll every ${background.intervalMs} ms): write on A to the row on B ${on}`,
      unit: 'ms',
      ...summarise(backgroundTimes),
      extra: 'the app’s own intervals are longer; this is the mechanism’s cost',
    });
    await bgA.close();
    await bgB.close();
  }

  for (const count of opts.deviceCounts) {
    const { result, serverPush, serverPull, serverBusy } = await devicesRun(server, count, opts, teardown);
    const windowS = (result.windowEnd - result.windowStart) / 1000;
    const errors = result.errors > 0 ? `; ${result.errors} failed requests, e.g. ${result.firstError}` : '';
    const rejected = result.opsRejected > 0 ? `; ${number(result.opsRejected)} ops rejected` : '';
    const cpu = `client (worker thread ${Math.round(result.clientBusy * 100)}% busy) and server (event loop ${Math.round(serverBusy * 100)}% busy${kind.name === 'PostgreSQL' ? ', plus PostgreSQL' : ''}) share ${os.cpus().length} cores`;
    addRow(rows, `devices ${count}`, {
      area: AREA,
      measure: `${count} devices syncing at once (${opts.deviceCentres} centres; each loops push 11 ops + pull for ${opts.deviceSeconds} s): pushed ops ${on}`,
      unit: 'ops/s',
      median: result.opsPushed / windowS,
      extra: `${number(result.pushMs.length / windowS)} pushes/s, ${number(result.opsPulled / windowS)} ops/s pulled; ${cpu}${rejected}${errors}`,
    });
    const latencyRow = (what: string, client: number[], serverSide: number[]): Row => ({
      area: AREA,
      measure: `${count} devices at once: ${what} round trip, p50 ${on}`,
      unit: 'ms',
      median: client.length ? median(client) : NaN,
      extra: client.length
        ? `p99 ${percentile(client, 99).toFixed(1)} ms over ${number(client.length)}; server handler (routing to answer; not the wait before) p50 ${median(serverSide).toFixed(1)}, p99 ${percentile(serverSide, 99).toFixed(1)} ms`
        : 'none completed',
    });
    addRow(rows, `devices ${count} push`, latencyRow('push', result.pushMs, serverPush));
    addRow(rows, `devices ${count} pull`, latencyRow('pull', result.pullMs, serverPull));
  }
}

export async function benchSync(opts: SyncBenchOptions): Promise<Row[]> {
  const teardown = new Teardown();
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping servers and removing temp folders…`);
    const force = setTimeout(() => process.exit(130), 15_000);
    force.unref();
    void teardown.all().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const rows: FigureRows = new Map();
  try {
    for (const kind of serverKinds) {
      if (opts.servers && !opts.servers.includes(kind.name)) continue;
      if (kind.skipReason) {
        console.error(`  sync: ${kind.name} figures skipped: ${kind.skipReason}`);
        continue;
      }
      try {
        await benchServerKind(kind, opts, rows, teardown);
      } finally {
        await teardown.all();
      }
    }
  } finally {
    await teardown.all();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
  return [...rows.values()].flat();
}
