/** The workstation's one sync_state row (migration 0004): read and small focused updates. */
import type Database from 'better-sqlite3';
import type { DeviceRole } from '../../shared/sync/protocol.js';
import type { SyncFailureKind } from './sync-errors.js';

export interface SyncState {
  serverUrl: string;
  deviceId: string;
  deviceName: string;
  role: DeviceRole;
  centreId: string | null;
  centreName: string | null;
  mode: 'bootstrap' | 'upload';
  phase: 'bootstrapping' | 'ready';
  pullCursor: string | null;
  snapshotId: string | null;
  snapshotNext: string | null;
  snapshotCursor: string | null;
  snapshotRowsDone: number;
  snapshotRowsTotal: number | null;
  enrolledAt: string;
  lastAttemptAt: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  lastErrorKind: SyncFailureKind | null;
  clockOffsetMs: number | null;
}

export function readSyncState(db: Database.Database): SyncState | null {
  const row = db
    .prepare(
      `SELECT server_url AS serverUrl, device_id AS deviceId, device_name AS deviceName, role, centre_id AS centreId,
              centre_name AS centreName, mode, phase, pull_cursor AS pullCursor, snapshot_id AS snapshotId,
              snapshot_next AS snapshotNext, snapshot_cursor AS snapshotCursor, snapshot_rows_done AS snapshotRowsDone,
              snapshot_rows_total AS snapshotRowsTotal, enrolled_at AS enrolledAt, last_attempt_at AS lastAttemptAt,
              last_synced_at AS lastSyncedAt, last_error AS lastError, last_error_kind AS lastErrorKind,
              clock_offset_ms AS clockOffsetMs
         FROM sync_state WHERE id = 1`,
    )
    .get() as SyncState | undefined;
  return row ?? null;
}

export type NewSyncState = Pick<
  SyncState,
  'serverUrl' | 'deviceId' | 'deviceName' | 'role' | 'centreId' | 'centreName' | 'mode' | 'enrolledAt'
> & { clockOffsetMs: number };

/** Written at enrolment: a bootstrap starts 'bootstrapping', an upload is 'ready' at once. */
export function writeEnrolment(db: Database.Database, s: NewSyncState): void {
  db.prepare(
    `INSERT INTO sync_state (id, server_url, device_id, device_name, role, centre_id, centre_name, mode, phase, enrolled_at, clock_offset_ms)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.serverUrl,
    s.deviceId,
    s.deviceName,
    s.role,
    s.centreId,
    s.centreName,
    s.mode,
    s.mode === 'bootstrap' ? 'bootstrapping' : 'ready',
    s.enrolledAt,
    Math.round(s.clockOffsetMs),
  );
}

export function setPullCursor(db: Database.Database, cursor: string): void {
  db.prepare('UPDATE sync_state SET pull_cursor = ? WHERE id = 1').run(cursor);
}

/** Where an unfinished bootstrap stands, after a page was applied (same transaction). */
export function setSnapshotProgress(
  db: Database.Database,
  p: { snapshotId: string | null; next: string | null; cursor: string | null; rowsDone: number; rowsTotal: number | null },
): void {
  db.prepare(
    'UPDATE sync_state SET snapshot_id = ?, snapshot_next = ?, snapshot_cursor = ?, snapshot_rows_done = ?, snapshot_rows_total = ? WHERE id = 1',
  ).run(p.snapshotId, p.next, p.cursor, p.rowsDone, p.rowsTotal);
}

/** The last snapshot page is in: pull from the snapshot's cursor from now on. */
export function finishBootstrap(db: Database.Database, cursor: string): void {
  db.prepare(
    `UPDATE sync_state SET phase = 'ready', pull_cursor = ?, snapshot_id = NULL, snapshot_next = NULL, snapshot_cursor = NULL
      WHERE id = 1`,
  ).run(cursor);
}

export function recordAttempt(db: Database.Database, at: string, clockOffsetMs: number | null): void {
  db.prepare('UPDATE sync_state SET last_attempt_at = ?, clock_offset_ms = coalesce(?, clock_offset_ms) WHERE id = 1').run(
    at,
    clockOffsetMs === null ? null : Math.round(clockOffsetMs),
  );
}

export function recordSuccess(db: Database.Database, at: string): void {
  db.prepare('UPDATE sync_state SET last_synced_at = ?, last_error = NULL, last_error_kind = NULL WHERE id = 1').run(at);
}

export function recordFailure(db: Database.Database, kind: SyncFailureKind, message: string): void {
  db.prepare('UPDATE sync_state SET last_error = ?, last_error_kind = ? WHERE id = 1').run(message, kind);
}
