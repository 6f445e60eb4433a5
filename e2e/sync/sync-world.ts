/**
 * A sync world for integration tests: the real server (server/app.ts on a test database,
 * listening on 127.0.0.1 over real HTTP), one centre, and workstations that are real cores
 * on real SQLite files, each behind its own link of a fault-injecting network and with its
 * own skewed clock. Every op a workstation writes is logged for the oracle (sim-model.ts).
 *
 * This lives in e2e/ because it joins both sides: core/ may not import server/ and server/
 * may not import core/ (eslint.config.js).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { Core } from '../../core/host/core.js';
import { connectInProcess } from '../../core/host/in-process.js';
import type { SyncReport } from '../../core/sync/sync-engine.js';
import { SyncFailure } from '../../core/sync/sync-errors.js';
import { MemoryTokenVault } from '../../core/sync/token-vault.js';
import { MANAGER, tempDir } from '../../core/testing/harness.js';
import { createCentre, createEnrolmentCode } from '../../server/admin/commands.js';
import { buildServer } from '../../server/app.js';
import { ApiError } from '../../server/http/errors.js';
import type { TestStore } from '../../server/testing/databases.js';
import type { ApiClient } from '../../shared/api/client.js';
import { DEFAULT_RATES, FaultyNetwork, type DeviceLink, type FaultRates } from './faulty-network.js';
import { installOpLog, readOpLog, type LoggedOp, type ServerState } from './sim-model.js';

export const HOUR = 3_600_000;

export interface PageSizes {
  pull?: number;
  snapshot?: number;
}

export class Workstation {
  core!: Core;
  client!: ApiClient;
  /** Signed in as the centre's manager (possible once the centre's data has arrived). */
  signedIn = false;
  private readonly vault = new MemoryTokenVault();
  /** Ops logged while earlier openings of this database were open (the TEMP log dies on close). */
  private earlierOps: LoggedOp[] = [];

  constructor(
    readonly name: string,
    readonly dir: string,
    /** This computer's clock minus the true time. */
    public skewMs: number,
    readonly link: DeviceLink,
    private readonly pageSizes: PageSizes,
    private readonly onCoreError: (line: string) => void,
  ) {
    this.open();
  }

  private open(): void {
    this.core = Core.open({
      dataDir: this.dir,
      now: () => new Date(Date.now() + this.skewMs),
      log: (message, error) =>
        this.onCoreError(`${this.name}: ${message} ${error instanceof Error ? error.stack : (error ?? '')}`),
      tokenVault: this.vault,
      syncFetch: this.link.fetch,
      syncPageSizes: this.pageSizes,
    });
    installOpLog(this.core.db);
    this.client = connectInProcess(this.core).client;
    this.signedIn = false;
  }

  /** One sync ("Sync now"); rejects with a SyncFailure when it fails. */
  sync(): Promise<SyncReport> {
    return this.core.sync.syncNow();
  }

  /** Every op this workstation wrote in a committed transaction, oldest first. */
  ops(): LoggedOp[] {
    return [...this.earlierOps, ...readOpLog(this.core.db)];
  }

  get ready(): boolean {
    return this.core.sync.engine.state()?.phase === 'ready';
  }

  pending(): number {
    return (this.core.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  }

  /** Signs in as the manager once the centre's data (and so the manager) is here. */
  async ensureSignedIn(): Promise<void> {
    if (this.signedIn || !this.ready) return;
    await this.client.call('auth.signIn', { email: MANAGER.email, password: MANAGER.password });
    this.signedIn = true;
  }

  /** Closes the database and opens it again (the app restarted); the outbox must survive. */
  async restart(): Promise<void> {
    await this.core.sync.engine.idle();
    this.earlierOps = this.ops();
    this.core.close();
    this.open();
    await this.ensureSignedIn();
  }

  async close(): Promise<void> {
    await this.core.sync.engine.idle();
    this.core.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface WorldOptions {
  store: TestStore;
  seed: number;
  rates?: Required<FaultRates>;
  pageSizes?: PageSizes;
  /** The step log (faults are noted in it too). */
  log?: (line: string) => void;
}

export class SyncWorld {
  readonly workstations: Workstation[] = [];

  private constructor(
    /** Server errors that became a 5xx, and errors core logged: never expected. */
    readonly faults: string[],
    readonly store: TestStore,
    readonly app: FastifyInstance,
    readonly url: string,
    readonly centreId: string,
    readonly network: FaultyNetwork,
    private readonly opts: WorldOptions,
  ) {}

  /** The server on a freshly emptied test database, with one centre; no workstation yet. */
  static async start(opts: WorldOptions): Promise<SyncWorld> {
    await opts.store.reset();
    const app = buildServer({ db: opts.store.db, enrolRateLimit: { max: 100_000, timeWindowMs: 60_000 } });
    const faults: string[] = [];
    app.addHook('onError', async (_request, _reply, error) => {
      if (error instanceof ApiError) return;
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== undefined && status < 500) return;
      faults.push(`server: ${error.stack ?? error.message}`);
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const centre = await createCentre(opts.store.db, { name: 'NIC Karachi' }, new Date());
    const network = new FaultyNetwork(opts.seed, opts.rates ?? DEFAULT_RATES, opts.log);
    return new SyncWorld(faults, opts.store, app, `http://127.0.0.1:${port}`, centre.id, network, opts);
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }

  /**
   * A new workstation of the centre, joined with a fresh enrolment code. The first one
   * creates the centre's manager and sends it; later ones receive the centre's data by
   * bootstrap and sign in as that manager once it is complete (which, on a faulty network,
   * may take more syncs: `ensureSignedIn` after each).
   */
  async addWorkstation(skewMs: number): Promise<Workstation> {
    const name = `ws${this.workstations.length}`;
    const link = this.network.link(name);
    const ws = new Workstation(name, tempDir('incubator-sim-'), skewMs, link, this.opts.pageSizes ?? {}, (line) =>
      this.faults.push(line),
    );
    this.workstations.push(ws);
    const { code } = await createEnrolmentCode(this.store.db, { centre: this.centreId, role: 'workstation' }, new Date());
    // The clock check before the enrolment request may meet a fault; the code is consumed
    // only by the enrolment request itself, which the network never faults.
    for (let attempt = 1; ; attempt++) {
      try {
        const joined = await ws.core.sync.enrol({ serverUrl: this.url, code, deviceName: `Desk ${name}` });
        this.log(
          `  ${name} joined (${joined.firstSyncError ? `first sync failed: ${joined.firstSyncError}` : 'first sync done'})`,
        );
        if (joined.needsFirstManager) {
          await ws.client.call('sync.firstManager', { name: 'Amna Siddiqui', email: MANAGER.email, password: MANAGER.password });
          ws.signedIn = true;
        }
        break;
      } catch (error) {
        const fault = error instanceof SyncFailure && (error.kind === 'unreachable' || (error.status ?? 0) >= 500);
        if (!fault || attempt >= 20) throw error;
      }
    }
    await ws.ensureSignedIn();
    return ws;
  }

  /** Each workstation's acknowledged ops. */
  logs(): Map<string, LoggedOp[]> {
    return new Map(this.workstations.map((ws) => [ws.name, ws.ops()]));
  }

  async serverState(): Promise<ServerState> {
    const db = this.store.db;
    const cells = await db.query<ServerState['cells'][number]>(
      'SELECT tbl, row_id::text AS "rowId", col, value, hlc FROM cells ORDER BY tbl, row_id, col',
    );
    const ops = await db.query<LoggedOp>(
      'SELECT op_id::text AS "opId", tbl, row_id::text AS "rowId", col, value, hlc FROM ops ORDER BY seq',
    );
    const [aside] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM set_aside');
    return { cells, ops, setAside: Number(aside?.n ?? 0) };
  }

  /**
   * Heals the network (no faults, every link up, held requests delivered), then syncs every
   * workstation in turn until a whole round moves nothing and every outbox is empty. A sync
   * that fails on a healthy network is a bug, so it is thrown. Returns the rounds it took.
   */
  async quiesce(maxRounds = 8): Promise<number> {
    await this.network.heal();
    for (let round = 1; round <= maxRounds; round++) {
      let moved = 0;
      for (const ws of this.workstations) {
        const report = await ws.sync();
        moved += report.pushed + report.pulled + report.rejected.length + report.snapshotRows + report.unapplied;
        await ws.ensureSignedIn();
      }
      const pending = this.workstations.reduce((n, ws) => n + ws.pending(), 0);
      this.log(`  quiesce round ${round}: moved ${moved}, pending ${pending}`);
      if (moved === 0 && pending === 0) return round;
    }
    throw new Error(`Not quiet after ${maxRounds} rounds of syncs on a healthy network (a wedged outbox or cursor?)`);
  }

  async close(): Promise<void> {
    this.network.faultsOn = false;
    for (const ws of this.workstations.splice(0)) await ws.close();
    await this.app.close();
  }
}
