/**
 * `GET /v1/sync/pull`: the ops a device may read, after its cursor, in commit order.
 *
 * Commit order is `(txid, seq)`: txid is the id of the transaction that wrote the op. A
 * cursor must never pass an op whose transaction is still running, or that op would be
 * skipped when it commits. So a pull returns only ops whose txid is below the snapshot's
 * xmin, `pg_snapshot_xmin(pg_current_snapshot())`: every transaction with a smaller id has
 * finished, and every transaction that starts later gets a larger id. An op written by a
 * slow transaction therefore holds every pull back until it commits or aborts; then it is
 * delivered, after the cursor, in order. (PGlite runs one transaction at a time, so there
 * its xmin is simply the next transaction id.)
 */
import type { WireOp } from '../../shared/sync/protocol.js';
import type { Device } from '../auth/device-auth.js';
import type { Db } from '../store/db.js';
import type { LogPosition } from './cursor.js';

export interface PullPage {
  ops: WireOp[];
  /** The last op returned, or the `after` position when there was none. */
  position: LogPosition;
  hasMore: boolean;
}

/** One index range scan of the log in commit order; `scope` narrows it to some centre ids. */
function scanAfter(scope: string): string {
  return `(SELECT o.txid, o.seq, o.op_id, o.tbl, o.row_id, o.col, o.value, o.hlc
             FROM ops o
            WHERE ${scope}
              AND (o.txid, o.seq) > ($1::xid8, $2::bigint)
              AND o.txid < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
            ORDER BY o.txid, o.seq
            LIMIT $3)`;
}

/**
 * A national device reads the whole log. A centre's device reads its centre's ops and the
 * national ones: two ordered index scans merged, rather than one scan that filters out
 * every other centre.
 */
function pullSql(national: boolean): string {
  const source = national
    ? scanAfter('TRUE')
    : `${scanAfter('o.centre_id = $4::uuid')} UNION ALL ${scanAfter('o.centre_id IS NULL')}`;
  return `SELECT page.txid::text AS txid, page.seq::text AS seq, page.op_id::text AS "opId", page.tbl,
                 page.row_id::text AS "rowId", page.col, page.value, page.hlc
            FROM (${source}) page
           ORDER BY page.txid, page.seq
           LIMIT $3`;
}

/**
 * Each scan must walk the commit-order index and stop after a page. Without statistics
 * (PGlite never analyses its tables; a log that just grew by a centre's upload is not in
 * older statistics either) the planner expects a few rows and takes a bitmap scan and a sort
 * of every op after the cursor instead: 5 s a page with 3 million ops waiting, so pulling a
 * long log back (the upload's own ops, a desk long offline) grew with its square
 * (bench/sync.ts). So bitmap scans are off for this query.
 */
export async function pullOps(db: Db, device: Device, after: LogPosition, limit: number): Promise<PullPage> {
  const national = device.role === 'national';
  const params: unknown[] = [after.txid, after.seq, limit + 1];
  if (!national) params.push(device.centreId);
  const rows = await db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_bitmapscan = off');
    return tx.query<WireOp & { txid: string; seq: string }>(pullSql(national), params);
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    ops: page.map(({ opId, tbl, rowId, col, value, hlc }) => ({ opId, tbl, rowId, col, value, hlc })),
    position: last ? { txid: last.txid, seq: last.seq } : after,
    hasMore: rows.length > limit,
  };
}

/**
 * The position of the newest op that every later pull is sure to come after: the last op
 * below the xmin horizon. Taken before a snapshot reads any row, so the rows it reads are at
 * least as new as this position (newer is fine: applying an op twice changes nothing).
 */
export async function committedPosition(db: Db): Promise<LogPosition | null> {
  const [row] = await db.query<LogPosition>(
    // Qualified names: a bare `txid` in ORDER BY would mean the text alias, sorted as text.
    `SELECT o.txid::text AS txid, o.seq::text AS seq FROM ops o
      WHERE o.txid < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
      ORDER BY o.txid DESC, o.seq DESC LIMIT 1`,
  );
  return row ?? null;
}
