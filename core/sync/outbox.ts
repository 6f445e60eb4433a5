/**
 * The outbox from the sync side: batches of at most MAX_PUSH_OPS ops in the order they
 * were written (seq), and settling a push answer in one transaction: accepted ops leave the
 * outbox, rejected ones move to sync_rejected with the server's reason. Ops the server did
 * not mention stay and go again next time. An op that could never be sent (it fails the
 * protocol's own checks, or is too large on its own) is rejected here, locally, so that
 * nothing ever wedges the outbox.
 */
import type Database from 'better-sqlite3';
import type { RejectionReason } from '../../shared/api/sync.js';
import { MAX_PUSH_OPS, WireOp } from '../../shared/sync/protocol.js';

export interface OutboxOp extends WireOp {
  seq: number;
}

export interface Rejection {
  opId: string;
  reason: RejectionReason;
  message: string;
}

export interface SettleResult {
  accepted: number;
  rejected: Rejection[];
}

interface OutboxRow {
  seq: number;
  op_id: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
  hlc: string;
}

/** The newest seq now in the outbox (a push stops there, so endless writes cannot starve it). */
export function outboxHighWater(db: Database.Database): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM outbox').get() as { n: number }).n;
}

export function pendingOps(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

/** The next batch after `afterSeq` (and up to `upToSeq`), oldest first. */
export function readBatch(db: Database.Database, afterSeq: number, upToSeq: number, limit = MAX_PUSH_OPS): OutboxOp[] {
  const rows = db
    .prepare('SELECT seq, op_id, tbl, row_id, col, value, hlc FROM outbox WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?')
    .all(afterSeq, upToSeq, Math.min(limit, MAX_PUSH_OPS)) as OutboxRow[];
  return rows.map((r) => ({
    seq: r.seq,
    opId: r.op_id,
    tbl: r.tbl,
    rowId: r.row_id,
    col: r.col,
    value: r.value ?? 'null',
    hlc: r.hlc,
  }));
}

/** Splits a batch into ops the protocol accepts and ones it never will (rejected locally). */
export function checkOps(ops: readonly OutboxOp[]): { sendable: OutboxOp[]; invalid: Rejection[] } {
  const sendable: OutboxOp[] = [];
  const invalid: Rejection[] = [];
  for (const op of ops) {
    const { seq: _seq, ...wire } = op;
    const parsed = WireOp.safeParse(wire);
    if (parsed.success) sendable.push(op);
    else {
      const issue = parsed.error.issues[0];
      invalid.push({
        opId: op.opId,
        reason: 'invalid-op',
        message: `This change cannot be sent: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'it is malformed'}`,
      });
    }
  }
  return { sendable, invalid };
}

/** Strips the local seq: what goes on the wire. */
export function wireOps(ops: readonly OutboxOp[]): WireOp[] {
  return ops.map(({ seq: _seq, ...wire }) => wire);
}

/**
 * In one transaction: deletes the accepted ops from the outbox, and moves the rejected ones
 * to sync_rejected with their reason and message.
 */
export function settlePush(
  db: Database.Database,
  answer: { accepted: readonly string[]; rejected: readonly Rejection[] },
  at: string,
): SettleResult {
  const remove = db.prepare('DELETE FROM outbox WHERE op_id = ?');
  const keep = db.prepare(
    `INSERT INTO sync_rejected (op_id, tbl, row_id, col, value, hlc, reason, message, at)
     SELECT op_id, tbl, row_id, col, value, hlc, ?, ?, ? FROM outbox WHERE op_id = ?
     ON CONFLICT (op_id) DO UPDATE SET reason = excluded.reason, message = excluded.message, at = excluded.at`,
  );
  return db.transaction(() => {
    let accepted = 0;
    for (const opId of answer.accepted) accepted += remove.run(opId).changes;
    const rejected: Rejection[] = [];
    for (const r of answer.rejected) {
      if (keep.run(r.reason, r.message, at, r.opId).changes === 0) continue; // not ours (or already settled)
      remove.run(r.opId);
      rejected.push(r);
    }
    return { accepted, rejected };
  })();
}
