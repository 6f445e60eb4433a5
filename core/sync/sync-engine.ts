/**
 * One sync, start to end, and enrolment. A sync is: check the clock against the server's
 * (refuse when more than a day apart), finish a bootstrap if one is under way, push the
 * whole outbox (as it stood when the sync began) in batches, then pull until the server has
 * nothing more. Never two at once: asking while one runs queues exactly one more.
 *
 * State lives in SQLite (sync_state, migration 0004); the device token in the token vault.
 */
import type { WriteGate } from '../host/write-gate.js';
import type Database from 'better-sqlite3';
import { MAX_CLOCK_AHEAD_MS, MAX_PULL_OPS, MAX_SNAPSHOT_ROWS, type ClientInfo, type WireOp } from '../../shared/sync/protocol.js';
import { applyRemoteOps, applySnapshotRows, retryUnapplied } from './apply-remote.js';
import { normaliseServerUrl } from '../../shared/api/sync.js';
import { HttpSyncTransport } from './http-transport.js';
import { describeDuration, metaGet, metaSet, type LocalClock } from './local-clock.js';
import {
  checkOps,
  outboxHighWater,
  pendingOps,
  readBatch,
  settlePush,
  wireOps,
  type OutboxOp,
  type Rejection,
} from './outbox.js';
import { MESSAGES, SyncFailure } from './sync-errors.js';
import {
  finishBootstrap,
  readSyncState,
  recordAttempt,
  recordFailure,
  recordSuccess,
  setPullCursor,
  setSnapshotProgress,
  writeEnrolment,
  type SyncState,
} from './sync-state.js';
import type { TokenVault } from './token-vault.js';

export type Progress = (done: number, total: number | null, message?: string) => void;

export interface SyncEngineDeps {
  db: Database.Database;
  clock: LocalClock;
  vault: TokenVault;
  now: () => Date;
  client: ClientInfo;
  fetch?: typeof fetch;
  /** Per HTTP request. */
  timeoutMs?: number;
  pullLimit?: number;
  snapshotLimit?: number;
  /** Rows changed by sync: the host tells the UI (data.changed). */
  onDataChanged?: (tables: string[]) => void;
  /** Something the status shows may have changed. */
  onStatusChanged?: () => void;
  /**
   * Held shared by every sync and enrolment: an import's write, which yields inside its open
   * transaction, takes it exclusively, so a sync never pushes its uncommitted ops nor applies
   * pages into it (host/write-gate.ts).
   */
  gate?: WriteGate;
}

export interface SyncReport {
  /** Ops the server accepted. */
  pushed: number;
  /** Ops the server (or this app) refused in this sync, with reasons. */
  rejected: Rejection[];
  /** Ops received by pull. */
  pulled: number;
  /** Cells that changed a row here (pull and snapshot). */
  applied: number;
  /** Rows received from the snapshot in this sync (0 when there was no bootstrap). */
  snapshotRows: number;
  /** Remote cells this version cannot store, kept aside (sync_unapplied). */
  unapplied: number;
  tables: string[];
  startedAt: string;
  finishedAt: string;
}

export interface EnrolInput {
  serverUrl: string;
  code: string;
  deviceName: string;
}

export interface EnrolResult {
  deviceId: string;
  role: SyncState['role'];
  centreId: string | null;
  centreName: string | null;
  mode: SyncState['mode'];
  /** The centre came from the server without any active manager: one must be created here. */
  needsFirstManager: boolean;
  /** Where the device token is kept, in words. */
  tokenNote: string;
  /** The first sync (bootstrap or upload), or null when it failed (the status says why). */
  firstSync: SyncReport | null;
  firstSyncError: string | null;
}

interface RunOptions {
  progress?: Progress;
  signal?: AbortSignal;
}

const noProgress: Progress = () => {};

export class SyncEngine {
  /** Whether the last request reached the server (null: none tried since start). */
  online: boolean | null = null;
  private current: Promise<SyncReport> | null = null;
  private queued: Promise<SyncReport> | null = null;
  private enrolling = false;

  constructor(private readonly deps: SyncEngineDeps) {}

  state(): SyncState | null {
    return readSyncState(this.deps.db);
  }

  get syncing(): boolean {
    return this.current !== null || this.enrolling;
  }

  /** Runs a sync; if one is running, the next one starts when it ends (one queued at most). */
  sync(opts: RunOptions = {}): Promise<SyncReport> {
    if (!this.current) return this.start(opts);
    this.queued ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.start(opts);
      });
    return this.queued;
  }

  /** Resolves when no sync is running or queued (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.current || this.queued) await (this.queued ?? this.current)!.catch(() => undefined);
  }

  private start(opts: RunOptions): Promise<SyncReport> {
    const run = this.guarded(() => this.runOnce(opts)).finally(() => {
      if (this.current === run) this.current = null;
      this.deps.onStatusChanged?.();
    });
    this.current = run;
    this.deps.onStatusChanged?.();
    return run;
  }

  private guarded<T>(fn: () => Promise<T>): Promise<T> {
    return this.deps.gate ? this.deps.gate.shared(fn) : fn();
  }

  /**
   * Joins a server with a one-time enrolment code, then runs the first sync (the bootstrap
   * from the server's snapshot, or the upload of this workstation's outbox). The enrolment
   * stands even when that first sync fails: the next sync takes it up where it stopped.
   */
  enrol(input: EnrolInput, opts: RunOptions = {}): Promise<EnrolResult> {
    return this.guarded(() => this.enrolNow(input, opts));
  }

  private async enrolNow(input: EnrolInput, opts: RunOptions): Promise<EnrolResult> {
    const { db, clock, vault, now } = this.deps;
    const existing = this.state();
    if (existing) throw new SyncFailure('enrolment', `This workstation has already joined ${existing.serverUrl}.`);
    if (this.enrolling || this.current) throw new SyncFailure('enrolment', 'An enrolment or sync is already running.');
    let serverUrl: string;
    try {
      serverUrl = normaliseServerUrl(input.serverUrl);
    } catch (error) {
      throw new SyncFailure('enrolment', (error as Error).message);
    }
    this.enrolling = true;
    this.deps.onStatusChanged?.();
    try {
      await this.checkVault(vault);
      const transport = this.transport(serverUrl, null, opts.signal);
      const offset = await this.checkClock(transport);
      const localCentre = this.localCentre();
      const answer = await transport.enrol({
        code: input.code.trim(),
        deviceName: input.deviceName.trim(),
        nodeId: clock.node,
        ...(localCentre ? { localCentre } : {}),
      });
      this.online = true;
      await vault.write(answer.token);
      db.transaction(() => {
        writeEnrolment(db, {
          serverUrl,
          deviceId: answer.deviceId,
          deviceName: input.deviceName.trim(),
          role: answer.role,
          centreId: answer.centreId,
          centreName: answer.centreName,
          mode: answer.mode,
          enrolledAt: now().toISOString(),
          clockOffsetMs: offset,
        });
      })();
    } catch (error) {
      this.noteReachability(error);
      if (error instanceof SyncFailure && error.kind === 'unreachable') {
        throw new SyncFailure(
          'unreachable',
          `The server could not be reached at ${serverUrl}. Check the address and this computer's network connection.`,
          undefined,
          undefined,
          { cause: error },
        );
      }
      throw error;
    } finally {
      this.enrolling = false;
    }

    let firstSync: SyncReport | null = null;
    let firstSyncError: string | null = null;
    try {
      firstSync = await this.sync(opts);
    } catch (error) {
      firstSyncError = error instanceof Error ? error.message : String(error);
    }
    const state = this.state()!;
    return {
      deviceId: state.deviceId,
      role: state.role,
      centreId: state.centreId,
      centreName: state.centreName,
      mode: state.mode,
      needsFirstManager: state.phase === 'ready' && state.role !== 'national' && !hasActiveManager(db),
      tokenNote: vault.describe(),
      firstSync,
      firstSyncError,
    };
  }

  /** The centre this workstation already holds data for (sent with an upload code). */
  private localCentre(): { id: string; name: string } | null {
    const id = metaGet(this.deps.db, 'centre_id');
    if (!id) return null;
    const row = this.deps.db.prepare('SELECT name FROM centres WHERE id = ?').get(id) as { name: string | null } | undefined;
    return { id, name: row?.name?.trim() || 'Centre' };
  }

  private transport(serverUrl: string, token: string | null, signal?: AbortSignal, timeoutMs?: number): HttpSyncTransport {
    return new HttpSyncTransport({
      serverUrl,
      token,
      client: this.deps.client,
      fetch: this.deps.fetch,
      timeoutMs: timeoutMs ?? this.deps.timeoutMs,
      signal,
      now: () => this.deps.now().getTime(),
    });
  }

  /** The device token from enrolment; a missing one or a failing key store waits for a person. */
  private async storedToken(): Promise<string> {
    const token = await this.deps.vault.read().catch((error: unknown) => {
      // No key store (or a damaged one): a person has to act, retrying will not cure it.
      throw new SyncFailure('not-configured', (error as Error).message, undefined, undefined, { cause: error });
    });
    if (!token) {
      throw new SyncFailure(
        'revoked',
        "This workstation's sync token is missing, so it cannot sync. Ask your administrator for a new enrolment code.",
      );
    }
    return token;
  }

  /**
   * The server this workstation joined, with its device token, for requests beside a sync
   * (the national report, core/reports/national.ts). Whether they reach it is noted for the
   * status, as a sync's requests are.
   */
  async serverRequest<T>(
    request: (transport: HttpSyncTransport) => Promise<T>,
    opts: { signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<T> {
    const state = this.state();
    if (!state) throw new SyncFailure('not-configured', MESSAGES.notConfigured);
    try {
      const transport = this.transport(state.serverUrl, await this.storedToken(), opts.signal, opts.timeoutMs);
      const result = await request(transport);
      this.online = true;
      return result;
    } catch (error) {
      this.noteReachability(error);
      throw error;
    }
  }

  /** Measures the offset from server time; refuses when the clocks are more than a day apart. */
  /** Before a code is used up: can the token be kept here at all? */
  private async checkVault(vault: TokenVault): Promise<void> {
    try {
      await vault.check();
    } catch (error) {
      throw new SyncFailure('not-configured', (error as Error).message, undefined, undefined, { cause: error });
    }
  }

  private async checkClock(transport: HttpSyncTransport): Promise<number> {
    const { offsetMs } = await transport.time();
    this.deps.clock.setServerOffset(offsetMs);
    if (Math.abs(offsetMs) > MAX_CLOCK_AHEAD_MS) {
      const direction = offsetMs > 0 ? 'behind' : 'ahead of';
      throw new SyncFailure(
        'clock',
        `This computer's clock is ${describeDuration(offsetMs)} ${direction} the sync server's. ` +
          'Set the date and time right (in the system settings), then sync again. Nothing was sent or received.',
      );
    }
    return offsetMs;
  }

  private noteReachability(error: unknown): void {
    if (error instanceof SyncFailure && error.kind === 'unreachable') this.online = false;
    else if (error instanceof SyncFailure && error.status !== undefined) this.online = true;
  }

  private async runOnce(opts: RunOptions): Promise<SyncReport> {
    const { db, now } = this.deps;
    const state = this.state();
    if (!state) throw new SyncFailure('not-configured', MESSAGES.notConfigured);
    const startedAt = now().toISOString();
    const report: SyncReport = {
      pushed: 0,
      rejected: [],
      pulled: 0,
      applied: 0,
      snapshotRows: 0,
      unapplied: 0,
      tables: [],
      startedAt,
      finishedAt: startedAt,
    };
    const tables = new Set<string>();
    const changed = (t: Iterable<string>) => {
      const list = [...t];
      for (const table of list) tables.add(table);
      if (list.length > 0) this.deps.onDataChanged?.(list);
    };
    let offset: number | null = null;
    try {
      const transport = this.transport(state.serverUrl, await this.storedToken(), opts.signal);
      offset = await this.checkClock(transport);
      this.online = true;

      const retried = retryUnapplied(db, { clock: this.deps.clock, now });
      changed(retried.tables);

      if (state.phase === 'bootstrapping') await this.bootstrap(transport, state, report, changed, opts);
      await this.pushAll(transport, report, opts);
      await this.pullAll(transport, report, changed, opts);

      report.finishedAt = now().toISOString();
      report.tables = [...tables];
      db.transaction(() => {
        recordAttempt(db, startedAt, offset);
        recordSuccess(db, report.finishedAt);
      })();
      return report;
    } catch (error) {
      this.noteReachability(error);
      const failure =
        error instanceof SyncFailure
          ? error
          : new SyncFailure(
              'server',
              `Sync failed: ${error instanceof Error ? error.message : String(error)}`,
              undefined,
              undefined,
              { cause: error },
            );
      if (db.open) {
        db.transaction(() => {
          recordAttempt(db, startedAt, offset);
          if (failure.kind !== 'cancelled') recordFailure(db, failure.kind, failure.message);
        })();
      }
      throw failure;
    }
  }

  private async bootstrap(
    transport: HttpSyncTransport,
    state: SyncState,
    report: SyncReport,
    changed: (tables: Iterable<string>) => void,
    opts: RunOptions,
  ): Promise<void> {
    const { db, clock, now } = this.deps;
    const progress = opts.progress ?? noProgress;
    let from = state.snapshotId && state.snapshotNext ? { snapshot: state.snapshotId, after: state.snapshotNext } : undefined;
    let rowsDone = from ? state.snapshotRowsDone : 0;
    let restarts = 0;
    for (;;) {
      throwIfAborted(opts.signal);
      let page;
      try {
        page = await transport.snapshot(from, this.deps.snapshotLimit ?? MAX_SNAPSHOT_ROWS);
      } catch (error) {
        // The snapshot outlived its time on the server: start a new one (rows already here
        // merge again without harm).
        if (error instanceof SyncFailure && error.code === 'snapshot-expired' && from && restarts++ < 3) {
          from = undefined;
          rowsDone = 0;
          continue;
        }
        throw error;
      }
      rowsDone += page.rows.length;
      const last = page.next === null;
      const applied = applySnapshotRows(db, page.rows, {
        clock,
        now,
        alsoInTransaction: () => {
          if (!last) {
            setSnapshotProgress(db, {
              snapshotId: page.snapshot,
              next: page.next,
              cursor: page.cursor,
              rowsDone,
              rowsTotal: page.totalRows,
            });
            return;
          }
          finishBootstrap(db, page.cursor);
          // The workstation now belongs to the server's centre (auth.status: set up).
          if (state.role === 'national') metaSet(db, 'national', '1');
          else if (state.centreId) metaSet(db, 'centre_id', state.centreId);
        },
      });
      report.snapshotRows += page.rows.length;
      report.applied += applied.applied;
      report.unapplied += applied.unapplied;
      changed(applied.tables);
      progress(rowsDone, page.totalRows, 'Receiving the centre’s data');
      if (last) return;
      from = { snapshot: page.snapshot, after: page.next! };
    }
  }

  private async pushAll(transport: HttpSyncTransport, report: SyncReport, opts: RunOptions): Promise<void> {
    const { db } = this.deps;
    const progress = opts.progress ?? noProgress;
    const highWater = outboxHighWater(db);
    const total = pendingOps(db);
    let after = 0;
    let sent = 0;
    for (;;) {
      throwIfAborted(opts.signal);
      const batch = readBatch(db, after, highWater);
      if (batch.length === 0) return;
      const { sendable, invalid } = checkOps(batch);
      if (invalid.length > 0) report.rejected.push(...settlePush(db, { accepted: [], rejected: invalid }, this.at()).rejected);
      await this.pushBatch(transport, sendable, report);
      after = batch.at(-1)!.seq;
      sent += batch.length;
      if (total > 0) progress(sent, total, 'Sending changes');
    }
  }

  /** Pushes ops in order; a batch the server finds too large is halved until it fits. */
  private async pushBatch(transport: HttpSyncTransport, ops: OutboxOp[], report: SyncReport): Promise<void> {
    if (ops.length === 0) return;
    let answer;
    try {
      answer = await transport.push(wireOps(ops) as WireOp[]);
    } catch (error) {
      if (!(error instanceof SyncFailure && error.code === 'too-large')) throw error;
      if (ops.length === 1) {
        const message = 'This change is too large for the server to take (a very long text?). Shorten it and save again.';
        report.rejected.push(
          ...settlePush(
            this.deps.db,
            { accepted: [], rejected: [{ opId: ops[0]!.opId, reason: 'too-large', message }] },
            this.at(),
          ).rejected,
        );
        return;
      }
      const half = Math.ceil(ops.length / 2);
      await this.pushBatch(transport, ops.slice(0, half), report);
      await this.pushBatch(transport, ops.slice(half), report);
      return;
    }
    const settled = settlePush(this.deps.db, answer, this.at());
    report.pushed += settled.accepted;
    report.rejected.push(...settled.rejected);
  }

  private async pullAll(
    transport: HttpSyncTransport,
    report: SyncReport,
    changed: (tables: Iterable<string>) => void,
    opts: RunOptions,
  ): Promise<void> {
    const { db, clock, now } = this.deps;
    let cursor = this.state()!.pullCursor;
    for (;;) {
      throwIfAborted(opts.signal);
      const page = await transport.pull(cursor, this.deps.pullLimit ?? MAX_PULL_OPS);
      const applied = applyRemoteOps(db, page.ops, { clock, now, alsoInTransaction: () => setPullCursor(db, page.cursor) });
      cursor = page.cursor;
      report.pulled += page.ops.length;
      report.applied += applied.applied;
      report.unapplied += applied.unapplied;
      changed(applied.tables);
      if (page.ops.length > 0) opts.progress?.(report.pulled, null, 'Receiving changes');
      if (!page.hasMore) return;
    }
  }

  private at(): string {
    return this.deps.now().toISOString();
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new SyncFailure('cancelled', 'Sync was stopped');
}

/** Whether the centre has an active manager or admin who can sign in. */
export function hasActiveManager(db: Database.Database): boolean {
  return (
    db
      .prepare(
        "SELECT 1 FROM users WHERE deleted = 0 AND active = 1 AND role IN ('manager', 'admin') AND password_hash IS NOT NULL LIMIT 1",
      )
      .get() !== undefined
  );
}
