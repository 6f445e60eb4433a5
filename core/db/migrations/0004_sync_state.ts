/**
 * Sync bookkeeping for the workstation side of sync (core/sync). Additive: three new local
 * tables, nothing synced changes.
 *
 * - `sync_state`: at most one row, written at enrolment: which server, which device, the
 *   pull cursor (moved in the same transaction as the page it follows), how far a bootstrap
 *   from the server's snapshot got (so an interrupted one resumes), and the last outcome.
 *   The device token is NOT here: it is kept by a token vault (core/sync/token-vault.ts).
 * - `sync_rejected`: ops the server refused, moved out of the outbox with its reason so
 *   that nothing wedges the outbox and a manager can see what did not reach the server.
 * - `sync_unapplied`: ops pulled from the server that this version of the app cannot store
 *   (a table or column it does not know yet, a value of the wrong kind). They are kept and
 *   tried again after an upgrade, instead of failing the page or being lost.
 */
import type Database from 'better-sqlite3';

export const version = 4;

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE sync_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT NOT NULL,
  device_id TEXT NOT NULL,
  device_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('workstation', 'readonly', 'national')),
  centre_id TEXT,
  centre_name TEXT,
  mode TEXT NOT NULL CHECK (mode IN ('bootstrap', 'upload')),
  -- 'bootstrapping' until every snapshot page is applied, then 'ready'.
  phase TEXT NOT NULL CHECK (phase IN ('bootstrapping', 'ready')),
  -- The pull cursor; NULL pulls from the start of the server's log.
  pull_cursor TEXT,
  -- An unfinished bootstrap: the snapshot, where its next page starts, its cursor, progress.
  snapshot_id TEXT,
  snapshot_next TEXT,
  snapshot_cursor TEXT,
  snapshot_rows_done INTEGER NOT NULL DEFAULT 0,
  snapshot_rows_total INTEGER,
  enrolled_at TEXT NOT NULL,
  last_attempt_at TEXT,
  last_synced_at TEXT,
  -- The last failure, in words a manager understands, and its kind (core/sync/sync-errors.ts).
  last_error TEXT,
  last_error_kind TEXT,
  -- Server time minus this computer's time, measured at the last sync.
  clock_offset_ms INTEGER
) STRICT;

CREATE TABLE sync_rejected (
  seq INTEGER PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  value TEXT,
  hlc TEXT NOT NULL,
  reason TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;

CREATE TABLE sync_unapplied (
  op_id TEXT PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  value TEXT NOT NULL,
  hlc TEXT NOT NULL,
  problem TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
`);
}
