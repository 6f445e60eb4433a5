/**
 * `POST /v1/sync/push`: one transaction per request. Every op is answered, accepted or
 * rejected with a reason, so nothing wedges a workstation's outbox:
 *
 * 1. shape: the table, column and value kind (validate-op.ts);
 * 2. the row's centre: the stored row's, else the `centre_id` op of this batch that created
 *    it (an earlier one), else 'unknown-row'; `centre_id` never changes ('centre-immutable');
 * 3. scope: the device may write rows of that centre (scope.ts), else 'forbidden';
 * 4. the clock: stamped more than MAX_CLOCK_AHEAD_MS ahead of the server → set aside and
 *    answered 'clock-ahead' (a wedged clock would otherwise win every later conflict).
 *
 * Accepted ops are appended to the log (`ON CONFLICT (op_id) DO NOTHING`: re-pushing is
 * harmless and answered 'accepted' again) and the new ones merged into `cells`.
 */
import { parseHlc } from '../../shared/sync/hlc.js';
import { MAX_CLOCK_AHEAD_MS, type RejectReason, type WireOp } from '../../shared/sync/protocol.js';
import type { Device } from '../auth/device-auth.js';
import { transactionWithRetry, type Db } from '../store/db.js';
import { appendOps, mergeIntoCells, setAside, type ScopedOp } from './op-log.js';
import { writeRefusal } from './scope.js';
import { checkOpShape, type OpShape } from './validate-op.js';

export interface Rejection {
  opId: string;
  reason: RejectReason;
  message: string;
}

export interface PushResult {
  accepted: string[];
  rejected: Rejection[];
}

/** Row key: table and row id. */
const rowKey = (tbl: string, rowId: string) => `${tbl}/${rowId}`;

export async function pushOps(db: Db, device: Device, ops: readonly WireOp[], now: Date): Promise<PushResult> {
  if (device.role === 'readonly') {
    return {
      accepted: [],
      rejected: ops.map((op) => ({ opId: op.opId, reason: 'read-only-device', message: 'This device may only read' })),
    };
  }
  const shapes = ops.map(checkOpShape);
  return transactionWithRetry(db, async (tx) => {
    const rowCentres = await knownRowCentres(tx, ops, shapes);
    const verdict = judgeOps(device, ops, shapes, rowCentres, now);
    const fresh = await appendOps(tx, verdict.toApply, device.id);
    await mergeIntoCells(
      tx,
      verdict.toApply.filter((op) => fresh.has(op.opId)),
    );
    await setAside(tx, verdict.aheadOfClock, device.id, 'clock-ahead');
    return { accepted: verdict.accepted, rejected: verdict.rejected };
  });
}

/**
 * The centre of every stored row this batch touches (absent = the server has no such row).
 * Rows that would be created here are first locked by key, so that two pushes creating the
 * same row serialise and the second sees the first's centre (READ COMMITTED re-reads).
 */
async function knownRowCentres(tx: Db, ops: readonly WireOp[], shapes: readonly OpShape[]): Promise<Map<string, string | null>> {
  const keys = new Map<string, { tbl: string; row_id: string }>();
  ops.forEach((op, i) => {
    if (shapes[i]!.ok) keys.set(rowKey(op.tbl, op.rowId), { tbl: op.tbl, row_id: op.rowId });
  });
  const centres = await readRowCentres(tx, [...keys.values()]);
  const unseen = [...keys.entries()].filter(([key]) => !centres.has(key)).map(([, row]) => row);
  if (unseen.length > 0) {
    // Locks are taken in key order so that two pushes creating the same rows cannot deadlock.
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(k.tbl || '/' || k.row_id, 0))
         FROM (SELECT tbl, row_id FROM json_to_recordset($1::json) AS r(tbl text, row_id text) ORDER BY tbl, row_id) k`,
      [JSON.stringify(unseen)],
    );
    for (const [key, centre] of await readRowCentres(tx, unseen)) centres.set(key, centre);
  }
  return centres;
}

async function readRowCentres(tx: Db, rows: readonly { tbl: string; row_id: string }[]): Promise<Map<string, string | null>> {
  if (rows.length === 0) return new Map();
  const found = await tx.query<{ tbl: string; row_id: string; centre_id: string | null }>(
    `SELECT c.tbl, c.row_id::text AS row_id, c.centre_id::text AS centre_id
       FROM json_to_recordset($1::json) AS k(tbl text, row_id uuid)
       JOIN cells c ON c.tbl = k.tbl AND c.row_id = k.row_id AND c.col = 'centre_id'`,
    [JSON.stringify(rows)],
  );
  return new Map(found.map((r) => [rowKey(r.tbl, r.row_id), r.centre_id]));
}

interface Verdict extends PushResult {
  /** Accepted ops with their row's centre, in batch order, each op id once. */
  toApply: ScopedOp[];
  aheadOfClock: WireOp[];
}

/** Decides every op of a batch, in order (a row created by this batch is known to later ops). */
export function judgeOps(
  device: Device,
  ops: readonly WireOp[],
  shapes: readonly OpShape[],
  storedCentres: ReadonlyMap<string, string | null>,
  now: Date,
): Verdict {
  const verdict: Verdict = { accepted: [], rejected: [], toApply: [], aheadOfClock: [] };
  const createdHere = new Map<string, string | null>();
  const applied = new Set<string>();
  const latestAllowed = now.getTime() + MAX_CLOCK_AHEAD_MS;
  ops.forEach((op, i) => {
    const shape = shapes[i]!;
    const reject = (reason: RejectReason, message: string) => verdict.rejected.push({ opId: op.opId, reason, message });
    if (!shape.ok) return reject(shape.reason, shape.message);
    const key = rowKey(op.tbl, op.rowId);
    const isCentreOp = op.col === 'centre_id';
    let rowCentre: string | null;
    if (storedCentres.has(key) || createdHere.has(key)) {
      rowCentre = (storedCentres.has(key) ? storedCentres.get(key) : createdHere.get(key)) ?? null;
      if (isCentreOp && shape.centreValue !== rowCentre) {
        return reject('centre-immutable', `The centre of ${op.tbl} row ${op.rowId} cannot change`);
      }
    } else if (isCentreOp) {
      rowCentre = shape.centreValue ?? null;
    } else {
      return reject('unknown-row', `The server has no ${op.tbl} row ${op.rowId}; its centre_id must come first`);
    }
    const refusal = writeRefusal(device, rowCentre, shape.scope);
    if (refusal) return reject('forbidden', `${op.tbl} row ${op.rowId}: ${refusal}`);
    if (parseHlc(op.hlc).millis > latestAllowed) {
      verdict.aheadOfClock.push(op);
      return reject('clock-ahead', `Stamped more than a day ahead of the server's clock (${op.hlc}); set aside`);
    }
    if (!storedCentres.has(key)) createdHere.set(key, rowCentre);
    verdict.accepted.push(op.opId);
    if (!applied.has(op.opId)) {
      applied.add(op.opId);
      verdict.toApply.push({ ...op, centreId: rowCentre });
    }
  });
  return verdict;
}
