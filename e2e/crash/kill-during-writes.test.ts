/**
 * Crash safety of the workstation (issue 8): core runs in a child process of its own
 * (core-child.ts, bundled once with esbuild so that a restart takes about a second) on one
 * data folder, joined to a real server (server/app.ts on PGlite, in this process, over HTTP)
 * and syncing in the background every few hundred milliseconds. A stream of writes goes
 * through the API (creates and updates of startups and trainees, one call at a time) and each
 * answered call is recorded. At a moment drawn from a seeded PRNG the child is killed with
 * SIGKILL: while it writes, while it syncs, or while it is still starting. Then it is started
 * again on the same folder, and:
 *
 * - PRAGMA integrity_check is 'ok';
 * - every acknowledged write is there with its value; the one call in flight at the kill
 *   (unanswered) is there entirely or not at all, and is taken as written when it is;
 * - every acknowledged change has its op either still in the outbox or already in the
 *   server's op log (read in that order, so an op the child pushes meanwhile is not missed).
 *
 * Finally the workstation syncs once more: the outbox empties with nothing rejected, the
 * server's log holds an op for every acknowledged change and its cells hold every latest value.
 *
 * Why acknowledged writes survive: a call is answered only after its transaction committed
 * (Core.dispatch), and stdout to a pipe is written synchronously on Linux, so the answer
 * leaves the child after the commit. The database runs in WAL mode with synchronous=FULL
 * (core/db/open.ts): a commit appends the transaction's pages and a commit frame to the WAL
 * and fsyncs it before returning. SIGKILL ends the process but not the kernel, which keeps
 * every byte already written to the WAL file (even before its fsync, the page cache holds
 * it); on the next open SQLite replays the WAL up to the last commit frame, and a
 * transaction cut off midway has no commit frame, so it vanishes whole. FULL's fsync extends
 * the same guarantee to power loss, which a test cannot cut.
 *
 * CRASH_SEED=<n> replays a run's choices (printed; the timing of a kill still varies with the
 * machine's load); CRASH_KILLS=<n> kills more often (default 18).
 */
import { mulberry32 } from '../../core/seed/random.js';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../core/host/core.js';
import { connectInProcess } from '../../core/host/in-process.js';
import { MANAGER, tempDir } from '../../core/testing/harness.js';
import { createCentre, createEnrolmentCode } from '../../server/admin/commands.js';
import { buildServer } from '../../server/app.js';
import { testDatabases, type TestStore } from '../../server/testing/databases.js';
import { ApiClient } from '../../shared/api/client.js';
import { ApiFailure } from '../../shared/api/errors.js';
import type { ClientTransport, ServerMessage } from '../../shared/api/protocol.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KILLS = Number(process.env.CRASH_KILLS ?? 18);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
/** The child's background sync interval: often enough that kills land in syncs too. */
const SYNC_INTERVAL_MS = 250;


// ---------------------------------------------------------------------------------------
// The child process and a typed client over its stdio.

class CoreProcess {
  readonly client: ApiClient;
  readonly exited: Promise<void>;
  private stderrText = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly ready: Promise<void>,
    transport: ClientTransport,
  ) {
    this.client = new ApiClient(transport);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderrText += chunk));
  }

  static spawn(bundle: string, dataDir: string): CoreProcess {
    const child = spawn(process.execPath, [bundle, '--data', dataDir, '--sync-interval-ms', String(SYNC_INTERVAL_MS)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Writing to a killed child's stdin fails with EPIPE; the call is then simply unanswered.
    child.stdin.on('error', () => {});
    const listeners = new Set<(message: ServerMessage) => void>();
    const closers = new Set<(reason: string) => void>();
    let markReady: () => void = () => {};
    let failReady: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    ready.catch(() => {}); // a child killed while starting is never awaited
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const message = JSON.parse(line) as ServerMessage | { type: 'ready' };
      if (message.type === 'ready') markReady();
      else for (const listener of listeners) listener(message);
    });
    child.once('exit', (code, signal) => {
      const reason = `core exited (${signal ?? `code ${code}`})`;
      failReady(new Error(reason));
      for (const close of closers) close(reason);
    });
    const transport: ClientTransport = {
      send: (message) => void child.stdin.write(`${JSON.stringify(message)}\n`),
      onMessage: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onClose: (listener) => {
        closers.add(listener);
        return () => closers.delete(listener);
      },
    };
    return new CoreProcess(child, ready, transport);
  }

  get stderr(): string {
    return this.stderrText;
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** A normal stop: core closes the database (and checkpoints it) when its stdin ends. */
  async stop(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }
}

// ---------------------------------------------------------------------------------------
// What the test believes the workstation holds.

type Table = 'startups' | 'trainees';
const FIELDS: Record<Table, readonly string[]> = {
  startups: ['name', 'city', 'description'],
  trainees: ['name', 'city', 'district'],
};

interface Row {
  table: Table;
  id: string;
  values: Record<string, string>;
}

/** One change the workstation acknowledged: the op it must have written (value as JSON, as ops hold it). */
interface Change {
  tbl: string;
  rowId: string;
  col: string;
  value: string;
}

type Write =
  { kind: 'create'; table: Table; values: Record<string, string> } | { kind: 'update'; row: Row; patch: Record<string, string> };

class Model {
  readonly rows: Row[] = [];
  readonly changes: Change[] = [];
  acknowledged = 0;
  adoptedInFlight = 0;
  private counter = 0;

  constructor(private readonly random: () => number) {}

  private text(field: string): string {
    this.counter += 1;
    return `${field} ${this.counter} ${Math.floor(this.random() * 1e9).toString(36)}`;
  }

  next(): Write {
    const table: Table = this.random() < 0.5 ? 'startups' : 'trainees';
    const rows = this.rows.filter((r) => r.table === table);
    if (rows.length < 3 || this.random() < 0.35) {
      return { kind: 'create', table, values: Object.fromEntries(FIELDS[table].map((f) => [f, this.text(f)])) };
    }
    const row = rows[Math.floor(this.random() * rows.length)]!;
    const fields = FIELDS[table].filter(() => this.random() < 0.5);
    if (fields.length === 0) fields.push(FIELDS[table][0]!);
    return { kind: 'update', row, patch: Object.fromEntries(fields.map((f) => [f, this.text(f)])) };
  }

  /** The write happened (answered, or found in the database after a kill). */
  applied(write: Write, createdId?: string): void {
    if (write.kind === 'create') {
      const row: Row = { table: write.table, id: createdId!, values: { ...write.values } };
      this.rows.push(row);
      for (const [col, value] of Object.entries(write.values))
        this.changes.push({ tbl: write.table, rowId: row.id, col, value: JSON.stringify(value) });
    } else {
      Object.assign(write.row.values, write.patch);
      for (const [col, value] of Object.entries(write.patch))
        this.changes.push({ tbl: write.row.table, rowId: write.row.id, col, value: JSON.stringify(value) });
    }
  }
}

/** The API call a write is. */
async function perform(client: ApiClient, write: Write): Promise<string | undefined> {
  if (write.kind === 'create') {
    if (write.table === 'startups') {
      const created = await client.call('startups.create', { ...write.values, sector: 'fintech' } as never);
      return (created as { id: string }).id;
    }
    const created = await client.call('trainees.create', write.values as never);
    return (created as { id: string }).id;
  }
  await client.call(`${write.row.table}.update`, { id: write.row.id, patch: write.patch } as never);
  return undefined;
}

const where = (round: number) => `CRASH_SEED=${SEED} round ${round}`;
const opKey = (c: { tbl: string; rowId: string; col: string; value: string }) => `${c.tbl}|${c.rowId}|${c.col}|${c.value}`;

// ---------------------------------------------------------------------------------------

describe('the workstation killed with SIGKILL during a stream of writes', () => {
  let store: TestStore;
  let server: FastifyInstance;
  let url: string;
  let bundle: string;
  let dataDir: string;
  let current: CoreProcess | null = null;

  beforeAll(async () => {
    console.log(`crash test: CRASH_SEED=${SEED} CRASH_KILLS=${KILLS}`);
    const bundleDir = path.join(ROOT, 'node_modules', '.cache', 'incubator-crash-test');
    bundle = path.join(bundleDir, `core-child-${process.pid}.cjs`);
    // Bundled like the app's utilityProcess entry (scripts/build-electron.mjs): one file
    // starts in about a second where tsx takes three or four.
    await build({
      entryPoints: [path.join(ROOT, 'e2e', 'crash', 'core-child.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3', 'playwright-core', 'electron'],
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__importMetaUrl' },
      logLevel: 'error',
    });
    store = await testDatabases()[0]!.setup(); // PGlite
    server = buildServer({ db: store.db });
    await server.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

    // The workstation is set up and joined in this process (its manager's password hashed at
    // the tests' low scrypt cost, so the child signs in quickly), then closed.
    dataDir = tempDir('incubator-crash-');
    const core = Core.open({ dataDir, log: () => {} });
    const setup = connectInProcess(core).client;
    await setup.call('auth.setup', {
      centreName: 'NIC Karachi',
      centreCity: 'Karachi',
      managerName: 'Amna Siddiqui',
      managerEmail: MANAGER.email,
      managerPassword: MANAGER.password,
    });
    const centre = await createCentre(store.db, { name: 'NIC Karachi' }, new Date());
    const { code } = await createEnrolmentCode(store.db, { centre: centre.id, role: 'workstation', upload: true }, new Date());
    const joined = await setup.runJob('sync.enrol', { serverUrl: url, code, deviceName: 'Crash desk' });
    expect(joined.firstSync?.rejected ?? []).toEqual([]);
    await core.sync.engine.idle();
    core.close();
    // The token went to the data folder's file vault (mode 0600), where the child reads it.
    expect(fs.existsSync(path.join(dataDir, 'sync-token'))).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await current?.kill();
    await server?.close();
    await store?.teardown();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (bundle) fs.rmSync(bundle, { force: true });
  });

  /** Starts core, waits until it is ready and signed in. */
  async function start(): Promise<CoreProcess> {
    current = CoreProcess.spawn(bundle, dataDir);
    await current.ready;
    await current.client.call('auth.signIn', { email: MANAGER.email, password: MANAGER.password });
    return current;
  }

  function inspect(): {
    integrity: string;
    rows: Map<string, Record<string, string | null>>;
    byName: Map<string, { table: Table; id: string }>;
    outbox: Set<string>;
    rejected: number;
  } {
    const db = new Database(path.join(dataDir, 'incubator.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true }) as string;
      return db.transaction(() => {
        const rows = new Map<string, Record<string, string | null>>();
        const byName = new Map<string, { table: Table; id: string }>();
        for (const table of ['startups', 'trainees'] as const) {
          for (const row of db.prepare(`SELECT id, ${FIELDS[table].join(', ')} FROM ${table}`).all() as Record<
            string,
            string
          >[]) {
            rows.set(`${table}/${row.id}`, row);
            byName.set(`${table}/${row.name}`, { table, id: row.id! });
          }
        }
        const outbox = new Set(
          (db.prepare('SELECT tbl, row_id AS rowId, col, value FROM outbox').all() as Change[]).map((c) => opKey(c)),
        );
        const rejected = (db.prepare('SELECT count(*) AS n FROM sync_rejected').get() as { n: number }).n;
        return { integrity, rows, byName, outbox, rejected };
      })();
    } finally {
      db.close();
    }
  }

  async function serverOps(): Promise<Set<string>> {
    const ops = await store.db.query<Change>('SELECT tbl, row_id::text AS "rowId", col, value FROM ops');
    return new Set(ops.map((c) => opKey(c)));
  }

  /** After a restart: the database is sound and holds what the model says. */
  async function verify(model: Model, inFlight: Write | null, round: number): Promise<void> {
    const seen = inspect();
    expect(seen.integrity, `${where(round)}: integrity_check`).toBe('ok');
    // The call cut off by the kill: all of it or none of it.
    if (inFlight?.kind === 'create') {
      const found = seen.byName.get(`${inFlight.table}/${inFlight.values.name}`);
      if (found) {
        const row = seen.rows.get(`${inFlight.table}/${found.id}`)!;
        for (const [field, value] of Object.entries(inFlight.values))
          expect(row[field], `${where(round)}: in-flight create`).toBe(value);
        model.applied(inFlight, found.id);
        model.adoptedInFlight += 1;
      }
    } else if (inFlight?.kind === 'update') {
      const row = seen.rows.get(`${inFlight.row.table}/${inFlight.row.id}`)!;
      const fields = Object.keys(inFlight.patch);
      const isNew = fields.map((f) => row[f] === inFlight.patch[f]);
      const isOld = fields.map((f) => row[f] === inFlight.row.values[f]);
      expect(isNew.every(Boolean) || isOld.every(Boolean), `${where(round)}: in-flight update half applied`).toBe(true);
      if (isNew.every(Boolean) && !isOld.every(Boolean)) {
        model.applied(inFlight);
        model.adoptedInFlight += 1;
      }
    }
    // Every acknowledged write, with its value; nothing of ours that the model does not know.
    for (const row of model.rows) {
      const stored = seen.rows.get(`${row.table}/${row.id}`);
      expect(stored, `${where(round)}: ${row.table} ${row.id} missing`).toBeDefined();
      for (const [field, value] of Object.entries(row.values))
        expect(stored![field], `${where(round)}: ${row.table}.${field}`).toBe(value);
    }
    const ours = [...seen.rows.keys()].length;
    expect(ours, `${where(round)}: rows in the database`).toBe(model.rows.length);
    // Every acknowledged change still to send is in the outbox, or the server has it. The
    // outbox was read first: what left it since was accepted by the server before.
    const onServer = await serverOps();
    const lost = model.changes.filter((c) => !seen.outbox.has(opKey(c)) && !onServer.has(opKey(c)));
    expect(lost, `${where(round)}: changes neither in the outbox nor on the server`).toEqual([]);
    expect(seen.rejected, `${where(round)}: ops the server rejected`).toBe(0);
  }

  it(`keeps every acknowledged write and its ops through ${KILLS} kills, then syncs them all`, async () => {
    const random = mulberry32(SEED); // seeded, so a failing run can be replayed with CRASH_SEED
    const model = new Model(random);
    let inFlight: Write | null = null;
    const kinds = { starting: 0, writing: 0 };
    /** What each core wrote to stderr (its log): no call may have failed inside core. */
    const coreLog: string[] = [];
    const started = Date.now();

    for (let round = 1; round <= KILLS; round++) {
      const child = CoreProcess.spawn(bundle, dataDir);
      current = child;
      if (random() < 0.2) {
        // Killed while starting: before, during or just after opening the database.
        await new Promise((resolve) => setTimeout(resolve, random() * 900));
        await child.kill();
        kinds.starting += 1;
        continue;
      }
      await child.ready.catch((error: unknown) => {
        throw new Error(`${where(round)}: core did not start: ${String(error)}\n${child.stderr}`);
      });
      await child.client.call('auth.signIn', { email: MANAGER.email, password: MANAGER.password });
      await verify(model, inFlight, round);
      inFlight = null;

      // Writes, one call at a time, until the kill.
      let killed = false;
      const killAt = 20 + random() * 700;
      const killer = new Promise<void>((resolve) =>
        setTimeout(() => {
          killed = true;
          void child.kill().then(resolve);
        }, killAt),
      );
      while (!killed) {
        const write = model.next();
        inFlight = write;
        try {
          const id = await perform(child.client, write);
          model.applied(write, id);
          model.acknowledged += 1;
          inFlight = null;
        } catch (error) {
          if (killed && error instanceof ApiFailure && error.error.code === 'unavailable') break;
          throw new Error(`${where(round)}: ${String(error)}\n${child.stderr}`);
        }
      }
      await killer;
      kinds.writing += 1;
      coreLog.push(child.stderr);
    }

    // The last start: check, sync everything, check the server.
    const child = await start();
    const last = KILLS + 1;
    await verify(model, inFlight, last);
    const onServerBefore = await serverOps();
    // Background syncs ran between the kills: part of the changes reached the server then.
    const reachedBefore = model.changes.filter((c) => onServerBefore.has(opKey(c))).length;
    const report = await child.client.runJob('sync.now', {});
    expect(report.rejected).toEqual([]);
    const seen = inspect();
    expect(seen.integrity).toBe('ok');
    expect(seen.outbox.size, 'outbox after the last sync').toBe(0);
    expect(seen.rejected).toBe(0);
    const onServer = await serverOps();
    expect(model.changes.filter((c) => !onServer.has(opKey(c)))).toEqual([]);
    const cells = await store.db.query<{ tbl: string; row_id: string; col: string; value: string }>(
      "SELECT tbl, row_id::text AS row_id, col, value FROM cells WHERE tbl IN ('startups', 'trainees')",
    );
    const cell = new Map(cells.map((c) => [`${c.tbl}/${c.row_id}/${c.col}`, c.value]));
    for (const row of model.rows) {
      for (const [field, value] of Object.entries(row.values)) {
        expect(cell.get(`${row.table}/${row.id}/${field}`), `server ${row.table}.${field}`).toBe(JSON.stringify(value));
      }
    }
    await child.stop();
    current = null;
    coreLog.push(child.stderr);
    expect(coreLog.join('').match(/^core: .*$/gm) ?? [], 'core logged failures').toEqual([]);
    console.log(
      `crash test: ${KILLS} kills (${kinds.writing} while writing and syncing, ${kinds.starting} while starting), ` +
        `${model.acknowledged} acknowledged writes (${model.changes.length} changes, ${model.rows.length} rows), ` +
        `${model.adoptedInFlight} unanswered writes found committed, ${reachedBefore} changes synced in the background ` +
        `between kills, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(model.acknowledged).toBeGreaterThan(KILLS);
    expect(reachedBefore).toBeGreaterThan(0);
  }, 240_000);
});
