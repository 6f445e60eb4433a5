/**
 * The workstation backend as one object: the open database, the row store, sessions,
 * jobs, and the router that turns API messages into handler calls. Every transport
 * (utilityProcess port, WebSocket, in-process) attaches connections to it.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ApiFailure, fail, issuesFromZod, type ApiError } from '../../shared/api/errors.js';
import { api, callDef, isMethod, type EventName, type EventPayload, type Method } from '../../shared/api/index.js';
import { isCallMessage, type ServerMessage } from '../../shared/api/protocol.js';
import { can } from '../../shared/auth/permissions.js';
import { openDatabase, type OpenOptions } from '../db/open.js';
import { checkIntegrityInBackground, type BackgroundCheck, type IntegrityState } from '../db/integrity.js';
import { RowStore } from '../db/rows.js';
import { ClockAheadError, LocalClock, metaGet } from '../sync/local-clock.js';
import { SyncFailure } from '../sync/sync-errors.js';
import type { SchedulerOptions } from '../sync/scheduler.js';
import { SyncService, registerSyncService } from '../sync/sync-service.js';
import type { TokenVault } from '../sync/token-vault.js';
import type { Ctx, SessionUser } from '../context.js';
import type { CallScope, Handler, JobRunner } from './handler-types.js';
import { handlers } from './handlers.js';
import { MemorySessionTokens } from './session-tokens.js';
import { JobManager } from './jobs.js';
import { WriteGate } from './write-gate.js';

export interface CoreOptions extends OpenOptions {
  dataDir: string;
  /** Injected clock for tests. */
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /**
   * Where the sync device token is kept. The desktop app's main process provides a
   * safeStorage-backed vault; the default is the file `sync-token` (mode 0600) in dataDir.
   */
  tokenVault?: TokenVault;
  /** Sync in the background once joined (the app and `npm run web`); off by default. */
  backgroundSync?: boolean | SchedulerOptions;
  /** The fetch the sync client uses (tests). */
  syncFetch?: typeof fetch;
  /** Smaller pull and snapshot pages than the protocol's maximum (tests, benchmarks). */
  syncPageSizes?: { pull?: number; snapshot?: number };
}

export interface Connection {
  readonly id: number;
  user: SessionUser | null;
  /** Handles one raw incoming message (already JSON-decoded). */
  receive(message: unknown): Promise<void>;
  close(): void;
}

export class Core {
  readonly db: Database.Database;
  readonly rows: RowStore;
  readonly clock: LocalClock;
  readonly sessions = new MemorySessionTokens();
  readonly jobs: JobManager;
  readonly sync: SyncService;
  /** Calls and syncs wait while an import's write holds it (host/write-gate.ts). */
  readonly gate = new WriteGate();
  readonly now: () => Date;
  private readonly connections = new Map<number, { conn: Connection; send: (m: ServerMessage) => void }>();
  private nextConnectionId = 1;
  private readonly sessionTokenOf = new Map<number, string | null>();
  private readonly log: (message: string, error?: unknown) => void;
  private integrity: IntegrityState;
  private integrityCheck: BackgroundCheck | null = null;

  private constructor(
    readonly dataDir: string,
    db: Database.Database,
    opts: CoreOptions,
    integrityDeferred: boolean,
  ) {
    this.db = db;
    this.now = opts.now ?? (() => new Date());
    this.clock = new LocalClock(db, () => this.now().getTime());
    this.rows = new RowStore(db, this.clock, this.now);
    this.jobs = new JobManager();
    this.log = opts.log ?? ((message, error) => console.error(message, error ?? ''));
    this.integrity = { status: 'ok', checkedAt: this.now().toISOString() };
    this.sync = new SyncService({
      db,
      clock: this.clock,
      now: this.now,
      dataDir,
      vault: opts.tokenVault,
      fetch: opts.syncFetch,
      pageSizes: opts.syncPageSizes,
      background: opts.backgroundSync,
      emitStatus: (status) => this.emit('sync.status', status),
      emitDataChanged: (tables) => this.emit('data.changed', { tables }),
      log: this.log,
      gate: this.gate,
    });
    registerSyncService(this.sync);
    if (integrityDeferred) this.startIntegrityCheck(opts.nativeBinding);
  }

  /** A large database opens at once and is checked in a worker (see db/integrity.ts). */
  private startIntegrityCheck(nativeBinding: string | undefined): void {
    this.integrity = { status: 'checking', since: this.now().toISOString() };
    const check = checkIntegrityInBackground(this.db.name, { nativeBinding, now: this.now });
    this.integrityCheck = check;
    void check.result.then((state) => {
      if (this.integrityCheck !== check) return;
      this.integrityCheck = null;
      this.integrity = state;
      if (state.status === 'damaged' || state.status === 'unknown')
        this.log(`Database integrity check: ${state.status}: ${state.detail}`);
    });
  }

  /** Resolves when a background integrity check has finished (at once when none runs). */
  async integrityChecked(): Promise<IntegrityState> {
    return this.integrityCheck ? this.integrityCheck.result : this.integrity;
  }

  static open(opts: CoreOptions): Core {
    const { db, integrityDeferred } = openDatabase(path.join(opts.dataDir, 'incubator.sqlite'), opts);
    return new Core(opts.dataDir, db, opts, integrityDeferred);
  }

  get databasePath(): string {
    return this.db.name;
  }

  close(): void {
    this.integrityCheck?.stop();
    this.integrityCheck = null;
    this.sync.stop();
    this.jobs.cancelAll();
    for (const { conn } of this.connections.values()) conn.close();
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }

  /** A context for service calls outside a connection (CLI, seeding, tests). */
  context(user: SessionUser | null): Ctx {
    return {
      db: this.db,
      rows: this.rows,
      user,
      centreId: metaGet(this.db, 'centre_id'),
      national: metaGet(this.db, 'national') === '1',
      now: this.now,
      dataDir: this.dataDir,
      integrity: () => this.integrity,
      gate: this.gate,
    };
  }

  connect(send: (message: ServerMessage) => void): Connection {
    const id = this.nextConnectionId++;
    const dispatch = (method: string, input: unknown) => this.dispatch(conn, method, input);
    const forget = () => {
      this.jobs.cancelOwnedBy(id);
      this.sessionTokenOf.delete(id);
      this.connections.delete(id);
    };
    const log = this.log;
    const conn: Connection = {
      id,
      user: null,
      async receive(message: unknown) {
        if (!isCallMessage(message)) {
          log('Ignored a malformed message');
          return;
        }
        const result = await dispatch(message.method, message.input);
        send(
          result.ok
            ? { type: 'result', id: message.id, ok: true, value: result.value }
            : { type: 'result', id: message.id, ok: false, error: result.error },
        );
      },
      close: forget,
    };
    this.connections.set(id, { conn, send });
    return conn;
  }

  /** Sends an event to every connection (or only to one). */
  emit<E extends EventName>(name: E, payload: EventPayload<E>, onlyConnection?: number): void {
    for (const [id, { send }] of this.connections) {
      if (onlyConnection !== undefined && id !== onlyConnection) continue;
      send({ type: 'event', name, payload });
    }
  }

  /** Validates, authorises and runs one call. Never throws: errors come back typed. */
  async dispatch(
    conn: Connection,
    method: string,
    rawInput: unknown,
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: ApiError }> {
    try {
      if (!isMethod(method)) throw fail.field(['method'], `Unknown call: ${String(method).slice(0, 80)}`);
      const def = callDef(method);
      if (def.permission !== 'public') {
        if (!conn.user) throw fail.unauthenticated();
        if (!can(conn.user.role, def.permission)) throw fail.forbidden(def.permission);
      }
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw fail.invalid(issuesFromZod(parsed.error));
      const scope: CallScope = {
        setUser: (user) => (conn.user = user),
        setSessionToken: (token) => this.sessionTokenOf.set(conn.id, token),
        endSession: () => {
          const token = this.sessionTokenOf.get(conn.id);
          if (token) this.sessions.revoke(token);
          this.sessionTokenOf.delete(conn.id);
          conn.user = null;
        },
        sessions: this.sessions,
        cancelJob: (jobId) => this.jobs.cancel(jobId, conn.id),
      };
      const ctx = this.context(conn.user);
      const handler = handlers[method] as Handler<Method> | undefined;
      if (!handler) throw new Error(`No handler for ${method}`);
      if (def.job) {
        const runner = handler(ctx, parsed.data as never, scope) as JobRunner<unknown>;
        const jobId = this.jobs.start(
          conn.id,
          runner,
          (name, payload) => this.emit(name, payload as never, conn.id),
          () => this.emitChanges(),
        );
        return { ok: true, value: { jobId } };
      }
      // A call's transaction waits while an import holds its own open (host/write-gate.ts);
      // cancelling a job does not, or the import could never be stopped.
      if (method !== 'jobs.cancel' && this.gate.busy) await this.gate.whenOpen();
      // A promise (see Handler) is awaited after the transaction has committed (SQLite's
      // transaction cannot span it; better-sqlite3 refuses a function that returns one).
      let later: Promise<unknown> | null = null;
      const now: unknown = this.db.transaction(() => {
        const answer = handler(ctx, parsed.data as never, scope);
        if (answer instanceof Promise) later = answer;
        else return answer;
      })();
      const value = later ? await later : now;
      this.emitChanges();
      return { ok: true, value };
    } catch (error) {
      this.rows.touched.clear();
      return { ok: false, error: this.toApiError(error, method) };
    }
  }

  private emitChanges(): void {
    if (this.rows.touched.size === 0) return;
    const tables = [...this.rows.touched];
    this.rows.touched.clear();
    this.emit('data.changed', { tables });
    this.sync.localChange();
  }

  private toApiError(error: unknown, method: string): ApiError {
    if (error instanceof ApiFailure) return error.error;
    // A clock far ahead of the server's refuses to stamp changes (core/sync/local-clock.ts):
    // like a locked record, nothing can be changed until someone acts; the message says what.
    if (error instanceof ClockAheadError) return { code: 'locked', message: error.message };
    if (error instanceof SyncFailure) return { code: 'unavailable', message: error.message };
    if (error instanceof z.ZodError) return { code: 'invalid', message: 'Invalid input', issues: issuesFromZod(error) };
    this.log(`Call ${method} failed`, error);
    return { code: 'internal', message: 'Something went wrong in the app. Nothing was saved. The details are in the log.' };
  }
}

export { api };
