import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/sync/hlc.js';
import { MAX_CLOCK_AHEAD_MS, type WireOp } from '../../shared/sync/protocol.js';
import { createCentre, revokeDevice } from '../admin/commands.js';
import { noteSkippedDatabases, testDatabases } from '../testing/databases.js';
import {
  bearer,
  centreWithWorkstation,
  client,
  enrolDevice,
  fieldOp,
  insertOps,
  push,
  serverSuite,
} from '../testing/fixtures.js';

describe.each(testDatabases())('push on $name', (database) => {
  const suite = serverSuite(database);

  const cell = async (tbl: string, rowId: string, col: string) =>
    (
      await suite.store.db.query<{ value: string; hlc: string; centre_id: string | null }>(
        'SELECT value, hlc, centre_id::text AS centre_id FROM cells WHERE tbl = $1 AND row_id = $2 AND col = $3',
        [tbl, rowId, col],
      )
    )[0];
  const opCount = async () => (await suite.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ops'))[0]!.n;

  it('accepts a new row and keeps its current state in cells', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const ops = insertOps(device, 'startups', centre.id, { name: 'Tez Pay', women_led: 1, stage: 'idea' });
    const answer = await push(suite.app, device.token, ops);
    expect(answer.rejected).toEqual([]);
    expect(answer.accepted).toEqual(ops.map((o) => o.opId));
    const rowId = ops[0]!.rowId;
    expect(await cell('startups', rowId, 'name')).toEqual({ value: '"Tez Pay"', hlc: ops[0]!.hlc, centre_id: centre.id });
    expect(await cell('startups', rowId, 'women_led')).toMatchObject({ value: '1' });
  });

  it('is idempotent: a re-pushed batch is accepted again and stored once', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const ops = insertOps(device, 'mentors', centre.id, { name: 'Sana', expertise: '["fintech"]' });
    await push(suite.app, device.token, ops);
    const before = await opCount();
    const again = await push(suite.app, device.token, [...ops, ...ops]);
    expect(again.accepted).toEqual([...ops, ...ops].map((o) => o.opId));
    expect(again.rejected).toEqual([]);
    expect(await opCount()).toBe(before);
  });

  it('answers every reason an op can be rejected for, and applies none of them', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const other = await centreWithWorkstation(suite.app, suite.store.db, 'NIC Lahore');
    const theirs = insertOps(other.device, 'startups', other.centre.id, { name: 'Lahore Labs' });
    await push(suite.app, other.device.token, theirs);
    const mine = insertOps(device, 'startups', centre.id, { name: 'Tez Pay' });
    await push(suite.app, device.token, mine);
    const rowId = mine[0]!.rowId;
    const far = formatHlc({ millis: Date.now() + MAX_CLOCK_AHEAD_MS + 60_000, counter: 0, node: 'abcdefabcdefabcd' });
    const unknownRow = uuidv7();
    const cases: [WireOp, string][] = [
      [fieldOp(device, 'no_such_table', rowId, 'name', 'x'), 'unknown-table'],
      [fieldOp(device, 'startups', rowId, 'no_such_column', 'x'), 'unknown-column'],
      [fieldOp(device, 'startups', rowId, 'name', 42), 'bad-value'],
      [fieldOp(device, 'startups', rowId, 'women_led', true), 'bad-value'],
      [fieldOp(device, 'quarterly_metrics', rowId, 'revenue_pkr', 1.5), 'bad-value'],
      [fieldOp(device, 'mentors', rowId, 'expertise', ['not', 'json text']), 'bad-value'],
      [fieldOp(device, 'startups', rowId, 'deleted', 2), 'bad-value'],
      [fieldOp(device, 'startups', rowId, 'id', uuidv7()), 'bad-value'],
      [{ ...fieldOp(device, 'startups', rowId, 'name', 'x'), value: '{not json' }, 'bad-value'],
      [{ ...fieldOp(device, 'startups', rowId, 'name', 'x'), value: '"\uD800"' }, 'bad-value'],
      [fieldOp(device, 'startups', theirs[0]!.rowId, 'name', 'mine now'), 'forbidden'],
      [fieldOp(device, 'startups', rowId, 'centre_id', other.centre.id), 'centre-immutable'],
      [fieldOp(device, 'startups', rowId, 'centre_id', null), 'centre-immutable'],
      [fieldOp(device, 'startups', unknownRow, 'name', 'no centre yet'), 'unknown-row'],
      [fieldOp(device, 'startups', rowId, 'name', 'from the future', far), 'clock-ahead'],
    ];
    const answer = await push(
      suite.app,
      device.token,
      cases.map(([op]) => op),
    );
    expect(answer.accepted).toEqual([]);
    expect(answer.rejected.map((r) => [r.opId, r.reason])).toEqual(cases.map(([op, reason]) => [op.opId, reason]));
    for (const rejection of answer.rejected) expect(rejection.message.length).toBeGreaterThan(5);
    expect(await cell('startups', rowId, 'name')).toMatchObject({ value: '"Tez Pay"' });
    expect(await cell('startups', theirs[0]!.rowId, 'name')).toMatchObject({ value: '"Lahore Labs"' });
    const setAside = await suite.store.db.query<{ op_id: string; reason: string; device_id: string }>(
      'SELECT op_id::text AS op_id, reason, device_id::text AS device_id FROM set_aside',
    );
    expect(setAside).toEqual([{ op_id: cases.at(-1)![0].opId, reason: 'clock-ahead', device_id: device.deviceId }]);
  });

  it('knows a row created earlier in the same batch, and only after its centre_id op', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const ops = insertOps(device, 'trainees', centre.id, { name: 'Ali', cnic: '42101-1234567-1' });
    const early = fieldOp(device, 'trainees', ops[0]!.rowId, 'city', 'Karachi');
    const answer = await push(suite.app, device.token, [early, ...ops]);
    expect(answer.rejected).toEqual([expect.objectContaining({ opId: early.opId, reason: 'unknown-row' })]);
    expect(answer.accepted).toEqual(ops.map((o) => o.opId));
  });

  it('a row whose centre_id op is rejected is not created by its later ops', async () => {
    const { device } = await centreWithWorkstation(suite.app, suite.store.db);
    const other = await createCentre(suite.store.db, { name: 'NIC Quetta' }, new Date());
    const ops = insertOps(device, 'startups', other.id, { name: 'Elsewhere' });
    const answer = await push(suite.app, device.token, ops);
    expect(answer.rejected.map((r) => r.reason)).toEqual(['forbidden', ...ops.slice(1).map(() => 'unknown-row')]);
  });

  it('national rows: only national devices write them, only in centre-or-national tables', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const national = await enrolDevice(suite.app, suite.store.db, null, 'national');
    const programme = insertOps(national, 'programmes', null, { kind: 'training', name: 'DigiSkills' });
    expect((await push(suite.app, national.token, programme)).rejected).toEqual([]);
    // A workstation reads national rows but cannot change or create them.
    const edit = fieldOp(device, 'programmes', programme[0]!.rowId, 'name', 'Ours now');
    const own = insertOps(device, 'programmes', null, { kind: 'training', name: 'Sneaky' });
    const startupByNational = insertOps(national, 'startups', null, { name: 'No such thing' });
    const centreRowByNational = insertOps(national, 'startups', centre.id, { name: 'Not theirs' });
    for (const [token, ops] of [
      [device.token, [edit]],
      [device.token, own],
      [national.token, startupByNational],
      [national.token, centreRowByNational],
    ] as const) {
      const answer = await push(suite.app, token, [...ops]);
      expect(answer.accepted).toEqual([]);
      expect(answer.rejected[0]!.reason).toBe('forbidden');
    }
    expect(await cell('programmes', programme[0]!.rowId, 'name')).toMatchObject({ value: '"DigiSkills"', centre_id: null });
  });

  it('a readonly device has every op rejected', async () => {
    const { centre } = await centreWithWorkstation(suite.app, suite.store.db);
    const reader = await enrolDevice(suite.app, suite.store.db, centre.id, 'readonly');
    const ops = insertOps(reader, 'startups', centre.id, { name: 'Nope' });
    const answer = await push(suite.app, reader.token, ops);
    expect(answer.accepted).toEqual([]);
    expect(new Set(answer.rejected.map((r) => r.reason))).toEqual(new Set(['read-only-device']));
    expect(await opCount()).toBe(7); // the centre's own row only
  });

  it('without a valid token, or with a revoked one: 401 and nothing applied', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const ops = insertOps(device, 'startups', centre.id, { name: 'Tez Pay' });
    const before = await opCount();
    await revokeDevice(suite.store.db, { device: device.deviceId }, new Date());
    for (const headers of [{}, { authorization: 'Basic abc' }, bearer('x'.repeat(43)), bearer(device.token)]) {
      const response = await suite.app.inject({ method: 'POST', url: '/v1/sync/push', headers, payload: { client, ops } });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthorized' });
    }
    expect(await opCount()).toBe(before);
  });

  it('an old client gets 426 upgrade-required and nothing is applied', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const before = await opCount();
    const response = await suite.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: bearer(device.token),
      payload: { client: { ...client, protocol: 0 }, ops: insertOps(device, 'startups', centre.id, { name: 'Old' }) },
    });
    expect(response.statusCode).toBe(426);
    expect(response.json()).toMatchObject({ error: 'upgrade-required' });
    expect(await opCount()).toBe(before);
  });

  it('merges by the greater stamp whatever order the ops arrive in', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const peers = [
      device,
      await enrolDevice(suite.app, suite.store.db, centre.id),
      await enrolDevice(suite.app, suite.store.db, centre.id),
    ];
    const row = insertOps(device, 'startups', centre.id, { name: 'Start' });
    await push(suite.app, device.token, row);
    const rowId = row[0]!.rowId;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ peer: fc.nat(2), millis: fc.integer({ min: 1, max: 50 }), name: fc.string({ maxLength: 8 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.boolean(),
        async (edits, oneBatchEach) => {
          const ops = edits.map((e, i) => {
            const stamp = formatHlc({ millis: Date.now() - 60_000 + e.millis, counter: i, node: peers[e.peer]!.clock.node });
            return { peer: peers[e.peer]!, op: fieldOp(peers[e.peer]!, 'startups', rowId, 'name', e.name, stamp) };
          });
          const prior = (await cell('startups', rowId, 'name'))!;
          if (oneBatchEach) for (const { peer, op } of ops) await push(suite.app, peer.token, [op]);
          else
            await push(
              suite.app,
              device.token,
              ops.map((o) => o.op),
            );
          // The stored cell goes first: an equal stamp later on is the same op and loses.
          const winner = [{ hlc: prior.hlc, value: prior.value }, ...ops.map((o) => o.op)].reduce((a, b) =>
            b.hlc > a.hlc ? b : a,
          );
          expect(await cell('startups', rowId, 'name')).toMatchObject({ value: winner.value, hlc: winner.hlc });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('an equal stamp is the same op: it changes nothing', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const row = insertOps(device, 'startups', centre.id, { name: 'First' });
    await push(suite.app, device.token, row);
    const nameOp = row.find((o) => o.col === 'name')!;
    await push(suite.app, device.token, [{ ...nameOp, opId: uuidv7(), value: '"Impostor"' }]);
    expect(await cell('startups', nameOp.rowId, 'name')).toMatchObject({ value: '"First"' });
  });
});

noteSkippedDatabases();
