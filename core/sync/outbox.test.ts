import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PUSH_OPS } from '../../shared/sync/protocol.js';
import { startCore, type Harness } from '../testing/harness.js';
import { checkOps, outboxHighWater, pendingOps, readBatch, settlePush } from './outbox.js';

let h: Harness;
beforeEach(async () => {
  h = await startCore();
});
afterEach(() => h.close());

const AT = '2026-05-01T09:00:00.000Z';

describe('outbox batches', () => {
  it('reads batches of at most MAX_PUSH_OPS in the order the ops were written, up to a high-water mark', async () => {
    // A few hundred startups write well over one batch of ops.
    const db = h.core.db;
    await Promise.all(
      Array.from({ length: 120 }, (_, i) => h.manager.call('startups.create', { name: `Startup ${i}`, sector: 'fintech' })),
    );
    const total = pendingOps(db);
    expect(total).toBeGreaterThan(MAX_PUSH_OPS);
    const high = outboxHighWater(db);
    await h.manager.call('startups.create', { name: 'Written after the push began', sector: 'ai' });

    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const batch = readBatch(db, after, high);
      if (batch.length === 0) break;
      expect(batch.length).toBeLessThanOrEqual(MAX_PUSH_OPS);
      seen.push(...batch.map((op) => op.seq));
      after = batch.at(-1)!.seq;
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBe(total);
    // Within a new row, centre_id comes first: the server learns the row's centre before its fields.
    const first = readBatch(db, 0, high);
    expect(first.find((op) => op.tbl === 'startups')?.col).toBe('centre_id');
  });

  it('deletes accepted ops and moves rejected ones to sync_rejected in one go; ops not answered stay', async () => {
    const db = h.core.db;
    const startup = await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech' });
    const before = pendingOps(db);
    const batch = readBatch(db, 0, outboxHighWater(db));
    const mine = batch.filter((op) => op.rowId === startup.id);
    const [rejected, ...accepted] = mine;
    const settled = settlePush(
      db,
      {
        accepted: accepted.map((op) => op.opId),
        rejected: [
          { opId: rejected!.opId, reason: 'forbidden', message: 'The row belongs to another centre' },
          { opId: '01900000-0000-7000-8000-000000000000', reason: 'bad-value', message: 'not ours' },
        ],
      },
      AT,
    );
    expect(settled.accepted).toBe(accepted.length);
    expect(settled.rejected.map((r) => r.opId)).toEqual([rejected!.opId]);
    expect(pendingOps(db)).toBe(before - mine.length);
    expect(db.prepare('SELECT op_id, tbl, row_id, col, value, hlc, reason, message, at FROM sync_rejected').all()).toEqual([
      {
        op_id: rejected!.opId,
        tbl: 'startups',
        row_id: startup.id,
        col: rejected!.col,
        value: rejected!.value,
        hlc: rejected!.hlc,
        reason: 'forbidden',
        message: 'The row belongs to another centre',
        at: AT,
      },
    ]);
    // Settling the same answer again changes nothing (a retried push).
    settlePush(
      db,
      { accepted: accepted.map((op) => op.opId), rejected: [{ opId: rejected!.opId, reason: 'forbidden', message: 'again' }] },
      AT,
    );
    expect(pendingOps(db)).toBe(before - mine.length);
    expect(db.prepare('SELECT count(*) AS n FROM sync_rejected').get()).toEqual({ n: 1 });
  });

  it('finds ops the protocol would refuse before they are sent, so they cannot wedge a push', async () => {
    const db = h.core.db;
    await h.manager.call('startups.create', { name: 'Sehat Kahani', sector: 'healthtech' });
    db.prepare("UPDATE outbox SET row_id = 'not-a-uuid' WHERE seq = (SELECT min(seq) FROM outbox)").run();
    const batch = readBatch(db, 0, outboxHighWater(db));
    const { sendable, invalid } = checkOps(batch);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ reason: 'invalid-op', message: expect.stringContaining('rowId') });
    expect(sendable).toHaveLength(batch.length - 1);
  });
});
