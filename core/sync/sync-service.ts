/**
 * Sync inside core: the engine, the background scheduler, the token vault, and what the
 * API shows (status, rejected changes). Core makes one per open database and tells it about
 * local writes; it tells core when rows changed by sync and when the status changed.
 */
import type { WriteGate } from '../host/write-gate.js';
import os from 'node:os';
import type Database from 'better-sqlite3';
import type { RejectedChange, SyncStatus, SyncStatusEvent } from '../../shared/api/sync.js';
import { isTableName, tables } from '../../shared/schema/tables.js';
import { clientInfo } from './client-info.js';
import { metaGet, type LocalClock } from './local-clock.js';
import { pendingOps } from './outbox.js';
import { SyncScheduler, type SchedulerOptions } from './scheduler.js';
import { SyncEngine, hasActiveManager, type EnrolResult, type Progress, type SyncReport } from './sync-engine.js';
import { readSyncState } from './sync-state.js';
import { FileTokenVault, type TokenVault } from './token-vault.js';

export interface SyncServiceOptions {
  db: Database.Database;
  clock: LocalClock;
  now: () => Date;
  dataDir: string;
  /** Where the device token is kept; defaults to the file `sync-token` in the data folder. */
  vault?: TokenVault;
  fetch?: typeof fetch;
  timeoutMs?: number;
  pageSizes?: { pull?: number; snapshot?: number };
  /** Sync in the background (the app); off for the CLI and tests unless asked for. */
  background?: boolean | SchedulerOptions;
  /** Send the status event to every connection. */
  emitStatus: (status: SyncStatusEvent) => void;
  /** Rows changed by sync: the UI refetches these tables. */
  emitDataChanged: (tables: string[]) => void;
  log?: (message: string, error?: unknown) => void;
  /** A sync waits while an import's write holds the gate, and holds it shared while it runs. */
  gate?: WriteGate;
}

/** Above this many waiting ops, counting the records they touch would take too long. */
const COUNT_RECORDS_UP_TO = 50_000;
const STATUS_REJECTED_SHOWN = 20;

export class SyncService {
  readonly engine: SyncEngine;
  readonly scheduler: SyncScheduler;
  readonly vault: TokenVault;
  private readonly background: boolean;
  private lastEmitted = '';
  private statusTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly opts: SyncServiceOptions) {
    this.vault = opts.vault ?? new FileTokenVault(opts.dataDir);
    this.engine = new SyncEngine({
      db: opts.db,
      clock: opts.clock,
      vault: this.vault,
      now: opts.now,
      client: clientInfo(),
      fetch: opts.fetch,
      timeoutMs: opts.timeoutMs,
      pullLimit: opts.pageSizes?.pull,
      snapshotLimit: opts.pageSizes?.snapshot,
      gate: opts.gate,
      onDataChanged: (changed) => opts.emitDataChanged(changed),
      onStatusChanged: () => this.emitStatus(),
    });
    this.background = opts.background !== undefined && opts.background !== false;
    this.scheduler = new SyncScheduler(this.engine, {
      ...(typeof opts.background === 'object' ? opts.background : {}),
      log: opts.log,
    });
    if (this.background) this.scheduler.start();
  }

  get db(): Database.Database {
    return this.opts.db;
  }

  stop(): void {
    this.scheduler.stop();
    if (this.statusTimer) clearTimeout(this.statusTimer);
    this.statusTimer = null;
  }

  /** A call wrote local rows: sync them soon, and show the new pending count. */
  localChange(): void {
    if (!this.engine.state()) return;
    this.scheduler.localChange();
    if (!this.statusTimer) {
      this.statusTimer = setTimeout(() => {
        this.statusTimer = null;
        this.emitStatus();
      }, 500);
      this.statusTimer.unref?.();
    }
  }

  syncNow(progress?: Progress, signal?: AbortSignal): Promise<SyncReport> {
    return this.scheduler.track(this.engine.sync({ progress, signal }));
  }

  async enrol(
    input: { serverUrl: string; code: string; deviceName?: string },
    progress?: Progress,
    signal?: AbortSignal,
  ): Promise<EnrolResult> {
    const result = await this.engine.enrol(
      { ...input, deviceName: input.deviceName ?? defaultDeviceName() },
      { progress, signal },
    );
    if (this.background) this.scheduler.start();
    return result;
  }

  /** Joined, set up (a centre here) but no manager who can sign in. */
  needsFirstManager(): boolean {
    const state = this.engine.state();
    return (
      state !== null &&
      state.phase === 'ready' &&
      state.role !== 'national' &&
      metaGet(this.opts.db, 'centre_id') !== null &&
      !hasActiveManager(this.opts.db)
    );
  }

  status(): SyncStatus {
    const { db } = this.opts;
    const state = readSyncState(db);
    const pendingChanges = pendingOps(db);
    const rejectedCount = (db.prepare('SELECT count(*) AS n FROM sync_rejected').get() as { n: number }).n;
    const unappliedCount = (db.prepare('SELECT count(*) AS n FROM sync_unapplied').get() as { n: number }).n;
    return {
      configured: state !== null,
      serverUrl: state?.serverUrl ?? null,
      deviceId: state?.deviceId ?? null,
      deviceName: state?.deviceName ?? null,
      role: state?.role ?? null,
      centreId: state?.centreId ?? null,
      centreName: state?.centreName ?? null,
      phase: state?.phase ?? null,
      bootstrap:
        state?.phase === 'bootstrapping' ? { rowsDone: state.snapshotRowsDone, rowsTotal: state.snapshotRowsTotal } : null,
      online: this.engine.online,
      syncing: this.engine.syncing,
      lastSyncedAt: state?.lastSyncedAt ?? null,
      lastAttemptAt: state?.lastAttemptAt ?? null,
      pendingChanges,
      pendingRecords: pendingChanges <= COUNT_RECORDS_UP_TO ? pendingRecords(db) : null,
      rejectedCount,
      rejected: rejectedCount > 0 ? this.rejected(STATUS_REJECTED_SHOWN, 0) : [],
      unappliedCount,
      lastError: state?.lastError ? { kind: state.lastErrorKind ?? 'server', message: state.lastError } : null,
      clockOffsetMs: state?.clockOffsetMs ?? null,
      tokenNote: state ? this.vault.describe() : null,
    };
  }

  statusEvent(): SyncStatusEvent {
    const s = this.status();
    return {
      configured: s.configured,
      online: s.online,
      syncing: s.syncing,
      lastSyncedAt: s.lastSyncedAt,
      pendingChanges: s.pendingChanges,
      pendingRecords: s.pendingRecords,
      rejectedCount: s.rejectedCount,
      lastError: s.lastError,
      phase: s.phase,
    };
  }

  rejected(limit: number, offset: number): RejectedChange[] {
    const rows = this.opts.db
      .prepare('SELECT op_id, tbl, row_id, col, reason, message, at FROM sync_rejected ORDER BY seq DESC LIMIT ? OFFSET ?')
      .all(limit, offset) as {
      op_id: string;
      tbl: string;
      row_id: string;
      col: string;
      reason: string;
      message: string;
      at: string;
    }[];
    return rows.map((r) => ({
      opId: r.op_id,
      table: r.tbl,
      rowId: r.row_id,
      column: r.col,
      label: this.labelOf(r.tbl, r.row_id),
      reason: r.reason,
      message: r.message,
      at: r.at,
    }));
  }

  rejectedTotal(): number {
    return (this.opts.db.prepare('SELECT count(*) AS n FROM sync_rejected').get() as { n: number }).n;
  }

  dismissRejected(which: { opIds: string[] } | { all: true }): number {
    const { db } = this.opts;
    const dismissed =
      'all' in which
        ? db.prepare('DELETE FROM sync_rejected').run().changes
        : which.opIds.reduce((n, id) => n + db.prepare('DELETE FROM sync_rejected WHERE op_id = ?').run(id).changes, 0);
    this.emitStatusSoon();
    return dismissed;
  }

  /** The record's name or title, for the list of rejected changes. */
  private labelOf(tbl: string, rowId: string): string | null {
    if (!isTableName(tbl)) return null;
    const column = ['name', 'title', 'text', 'quarter'].find((c) => c in tables[tbl].columns);
    if (!column) return null;
    const row = this.opts.db.prepare(`SELECT ${column} AS label FROM ${tbl} WHERE id = ?`).get(rowId) as
      { label: unknown } | undefined;
    return typeof row?.label === 'string' ? row.label.slice(0, 120) : null;
  }

  private emitStatusSoon(): void {
    queueMicrotask(() => this.emitStatus());
  }

  /** Sends the status event when what it shows changed. */
  emitStatus(): void {
    if (!this.opts.db.open) return;
    const event = this.statusEvent();
    const key = JSON.stringify(event);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.opts.emitStatus(event);
  }
}

function pendingRecords(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT tbl, row_id FROM outbox)').get() as { n: number }).n;
}

function defaultDeviceName(): string {
  const host = os.hostname().trim();
  return (host || 'Workstation').slice(0, 120);
}

/** One service per open database, so handlers can reach it from their context's db. */
const services = new WeakMap<Database.Database, SyncService>();

export function registerSyncService(service: SyncService): void {
  services.set(service.db, service);
}

export function syncServiceOf(db: Database.Database): SyncService {
  const service = services.get(db);
  if (!service) throw new Error('Sync is not available on this database');
  return service;
}
