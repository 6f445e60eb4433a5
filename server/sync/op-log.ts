/**
 * Writes to the op log and the current-state cells, shared by pushes and by the rows the
 * server makes itself (a new centre's own row). Batches travel as one JSON parameter so the
 * SQL is the same on node-postgres and PGlite.
 */
import type { WireOp } from '../../shared/sync/protocol.js';
import type { Db } from '../store/db.js';

/** An op whose row's centre is known (null = national). */
export interface ScopedOp extends WireOp {
  centreId: string | null;
}

/**
 * Appends ops to the log in the given order; an op id already there is left alone (pushes
 * are idempotent). Returns the ids that were new, whose effect on `cells` is still due.
 */
export async function appendOps(tx: Db, ops: readonly ScopedOp[], deviceId: string | null): Promise<Set<string>> {
  if (ops.length === 0) return new Set();
  const rows = ops.map((op, ord) => ({
    ord,
    op_id: op.opId,
    centre_id: op.centreId,
    tbl: op.tbl,
    row_id: op.rowId,
    col: op.col,
    value: op.value,
    hlc: op.hlc,
  }));
  const inserted = await tx.query<{ op_id: string }>(
    `INSERT INTO ops (op_id, centre_id, tbl, row_id, col, value, hlc, device_id)
     SELECT op_id, centre_id, tbl, row_id, col, value, hlc, $2::uuid
       FROM json_to_recordset($1::json)
         AS o(ord int, op_id uuid, centre_id uuid, tbl text, row_id uuid, col text, value text, hlc text)
      ORDER BY ord
     ON CONFLICT (op_id) DO NOTHING
     RETURNING op_id::text AS op_id`,
    [JSON.stringify(rows), deviceId],
  );
  return new Set(inserted.map((r) => r.op_id));
}

/**
 * Folds ops into the current state with the shared merge rule (shared/sync/merge.ts
 * `incomingWins`: the greater HLC wins, equal stamps are the same op), in SQL so that
 * concurrent pushes to one cell settle correctly whatever their commit order. A cell never
 * moves to another centre. Cells are written in key order so two pushes touching the same
 * cells lock them in the same order (no deadlock).
 */
export async function mergeIntoCells(tx: Db, ops: readonly ScopedOp[]): Promise<void> {
  if (ops.length === 0) return;
  // One row per cell, the newest stamp of this batch: an upsert may touch a row only once.
  const newest = new Map<string, ScopedOp>();
  for (const op of ops) {
    const key = `${op.tbl}\u0000${op.rowId}\u0000${op.col}`;
    const held = newest.get(key);
    if (!held || op.hlc > held.hlc) newest.set(key, op);
  }
  const rows = [...newest.values()].map((op) => ({
    tbl: op.tbl,
    row_id: op.rowId,
    col: op.col,
    centre_id: op.centreId,
    value: op.value,
    hlc: op.hlc,
  }));
  await tx.query(
    `INSERT INTO cells (tbl, row_id, col, centre_id, value, hlc)
     SELECT tbl, row_id, col, centre_id, value, hlc
       FROM json_to_recordset($1::json) AS c(tbl text, row_id uuid, col text, centre_id uuid, value text, hlc text)
      ORDER BY tbl, row_id, col
     ON CONFLICT (tbl, row_id, col) DO UPDATE SET value = excluded.value, hlc = excluded.hlc
      WHERE excluded.hlc > cells.hlc AND cells.centre_id IS NOT DISTINCT FROM excluded.centre_id`,
    [JSON.stringify(rows)],
  );
}

/** Keeps ops stamped too far ahead for an administrator to look at; they are not applied. */
export async function setAside(tx: Db, ops: readonly WireOp[], deviceId: string, reason: string): Promise<void> {
  if (ops.length === 0) return;
  const rows = ops.map((op) => ({ op_id: op.opId, tbl: op.tbl, row_id: op.rowId, col: op.col, value: op.value, hlc: op.hlc }));
  await tx.query(
    `INSERT INTO set_aside (op_id, tbl, row_id, col, value, hlc, device_id, reason)
     SELECT op_id, tbl, row_id, col, value, hlc, $2::uuid, $3
       FROM json_to_recordset($1::json) AS o(op_id uuid, tbl text, row_id uuid, col text, value text, hlc text)
     ON CONFLICT (op_id) DO NOTHING`,
    [JSON.stringify(rows), deviceId, reason],
  );
}
