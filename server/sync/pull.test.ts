import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireOp } from '../../shared/sync/protocol.js';
import { createCentre } from '../admin/commands.js';
import { noteSkippedDatabases, serverDatabases, testDatabases } from '../testing/databases.js';
import {
  bearer,
  centreWithWorkstation,
  clientHeaders,
  enrolDevice,
  fieldOp,
  insertOps,
  pull,
  pullAll,
  push,
  serverSuite,
} from '../testing/fixtures.js';
import { recordingDb, rowsReadBy } from '../testing/query-plans.js';
import { LOG_START } from './cursor.js';
import { pullOps } from './pull.js';

const ids = (ops: readonly WireOp[]) => ops.map((o) => o.opId);

describe.each(testDatabases())('pull on $name', (database) => {
  const suite = serverSuite(database);

  it('returns ops in commit order, in pages, from a cursor that only moves forward', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const centreRow = (await pullAll(suite.app, device.token)).ops;
    expect(centreRow.map((o) => o.tbl)).toEqual(Array(7).fill('centres'));
    const first = insertOps(device, 'startups', centre.id, { name: 'Tez Pay' });
    const second = insertOps(device, 'mentors', centre.id, { name: 'Sana' });
    await push(suite.app, device.token, first);
    await push(suite.app, device.token, second);

    const pages = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await pull(suite.app, device.token, cursor, 4);
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages.flatMap((p) => ids(p.ops))).toEqual(ids([...centreRow, ...first, ...second]));
    expect(pages.slice(0, -1).every((p) => p.ops.length === 4)).toBe(true);
    // At the end: nothing new, and the cursor stays where it is.
    const end = await pull(suite.app, device.token, cursor);
    expect(end).toMatchObject({ ops: [], cursor, hasMore: false });
    // What is pushed later comes after that cursor.
    const later = [fieldOp(device, 'startups', first[0]!.rowId, 'stage', 'growth')];
    await push(suite.app, device.token, later);
    expect(ids((await pull(suite.app, device.token, cursor)).ops)).toEqual(ids(later));
  });

  it("scopes by the token's centre: a centre's ops and national ones; a national device reads all", async () => {
    const karachi = await centreWithWorkstation(suite.app, suite.store.db, 'NIC Karachi');
    const lahore = await centreWithWorkstation(suite.app, suite.store.db, 'NIC Lahore');
    const national = await enrolDevice(suite.app, suite.store.db, null, 'national');
    const k = insertOps(karachi.device, 'trainees', karachi.centre.id, { name: 'Ali', cnic: '42101-1234567-1' });
    const l = insertOps(lahore.device, 'trainees', lahore.centre.id, { name: 'Bilal', cnic: '35202-1234567-1' });
    const n = insertOps(national, 'programmes', null, { kind: 'training', name: 'DigiSkills' });
    await push(suite.app, karachi.device.token, k);
    await push(suite.app, lahore.device.token, l);
    await push(suite.app, national.token, n);

    const seenBy = async (token: string) => new Set(ids((await pullAll(suite.app, token)).ops));
    const karachiSees = await seenBy(karachi.device.token);
    expect(ids(k).every((id) => karachiSees.has(id)) && ids(n).every((id) => karachiSees.has(id))).toBe(true);
    expect(ids(l).some((id) => karachiSees.has(id))).toBe(false);
    const nationalSees = await seenBy(national.token);
    expect([...k, ...l, ...n].every((op) => nationalSees.has(op.opId))).toBe(true);
  });

  it('reads a page of the log with index scans that stop after the page, not every op after the cursor', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const national = await enrolDevice(suite.app, suite.store.db, null, 'national');
    const startups = Array.from({ length: 120 }, (_, i) => insertOps(device, 'startups', centre.id, { name: `Startup ${i}` }));
    for (let i = 0; i < startups.length; i += 100) await push(suite.app, device.token, startups.slice(i, i + 100).flat());
    const { db, statements } = recordingDb(suite.store.db);
    const desk = { id: device.deviceId, name: 'desk', role: 'workstation' as const, centreId: centre.id };
    const page = await pullOps(db, desk, LOG_START, 20);
    await pullOps(db, desk, page.position, 20);
    await pullOps(db, { id: national.deviceId, name: 'national', role: 'national', centreId: null }, page.position, 20);
    const pulls = statements.filter((s) => s.sql.includes('FROM ops o'));
    expect(pulls).toHaveLength(3);
    // One page (and one more op, to tell whether there is more) from each of the two scans, of 600.
    for (const pull of pulls) expect(await rowsReadBy(suite.store.db, pull, statements)).toBeLessThanOrEqual(2 * 21);
  });

  it('refuses a cursor it did not hand out, a bad limit and missing client headers', async () => {
    const { device } = await centreWithWorkstation(suite.app, suite.store.db);
    const get = (query: Record<string, string>, headers: Record<string, string> = clientHeaders) =>
      suite.app.inject({ method: 'GET', url: '/v1/sync/pull', query, headers: { ...bearer(device.token), ...headers } });
    const badQueries: Record<string, string>[] = [
      { cursor: 'garbage!' },
      { cursor: Buffer.from('p1.1.99999999999999999999').toString('base64url') },
      { limit: '0' },
      { limit: 'lots' },
      { limit: '5001' },
      { other: '1' },
    ];
    for (const query of badQueries) {
      const response = await get(query);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid', message: expect.stringMatching(/cursor|limit|other|query/) });
    }
    const noHeaders = await get({}, {});
    expect(noHeaders.statusCode).toBe(400);
    expect(noHeaders.json().message).toContain('x-sync-protocol');
    const old = await get({}, { ...clientHeaders, 'x-sync-protocol': '0' });
    expect(old.statusCode).toBe(426);
    expect(old.json()).toMatchObject({ error: 'upgrade-required' });
  });

  it('with many devices pushing while others pull, every puller gets every op exactly once', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const pushers = [device, ...(await Promise.all([1, 2, 3].map(() => enrolDevice(suite.app, suite.store.db, centre.id))))];
    const pullers = await Promise.all([1, 2, 3].map(() => enrolDevice(suite.app, suite.store.db, centre.id, 'readonly')));
    const shared = insertOps(device, 'startups', centre.id, { name: 'Contended' });
    await push(suite.app, device.token, shared);
    const sharedRow = shared[0]!.rowId;

    const pushed: string[] = [...ids(shared)];
    let pushing = true;
    const pushAll = Promise.all(
      pushers.map(async (pusher) => {
        for (let batch = 0; batch < 8; batch++) {
          const ops = [
            ...insertOps(pusher, 'mentors', centre.id, { name: `Mentor ${batch}` }),
            fieldOp(pusher, 'startups', sharedRow, 'name', `by ${pusher.deviceId} #${batch}`),
          ];
          const answer = await push(suite.app, pusher.token, ops);
          expect(answer.rejected).toEqual([]);
          pushed.push(...answer.accepted);
        }
      }),
    ).finally(() => {
      pushing = false;
    });
    const received = await Promise.all(
      pullers.map(async (puller) => {
        const got: string[] = [];
        let cursor: string | undefined;
        while (pushing) {
          const page = await pull(suite.app, puller.token, cursor, 7);
          got.push(...ids(page.ops));
          cursor = page.cursor;
          // A real pull arrives over the network; injected requests on PGlite resolve in
          // microtasks only and would never let the pushes' request bodies be read.
          await new Promise((resolve) => setImmediate(resolve));
        }
        got.push(...ids((await pullAll(suite.app, puller.token, cursor)).ops));
        return got;
      }),
    );
    await pushAll;
    const centreRow = ids((await pull(suite.app, device.token, undefined, 7)).ops);
    const expected = [...centreRow, ...pushed].sort();
    for (const got of received) expect([...got].sort()).toEqual(expected);
  });
});

describe.each(serverDatabases())('pull on $name, with a transaction that commits late', (database) => {
  const suite = serverSuite(database, { reset: false });
  let other: pg.Client;
  beforeAll(async () => {
    other = new pg.Client({ connectionString: suite.store.connectionString! });
    await other.connect();
  });
  afterAll(() => other.end());

  it('never moves the cursor past an op whose transaction is still open', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const start = await pullAll(suite.app, device.token);
    const row = insertOps(device, 'startups', centre.id, { name: 'Tez Pay' });
    await push(suite.app, device.token, row);
    const before = await pullAll(suite.app, device.token, start.cursor);
    expect(ids(before.ops)).toEqual(ids(row));

    // T1 writes an op and stays open.
    const late = fieldOp(device, 'startups', row[0]!.rowId, 'stage', 'idea');
    await other.query('BEGIN');
    await other.query(
      `INSERT INTO ops (op_id, centre_id, tbl, row_id, col, value, hlc, device_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [late.opId, centre.id, late.tbl, late.rowId, late.col, late.value, late.hlc, device.deviceId],
    );
    // T2 starts later, writes a later op and commits first.
    const early = fieldOp(device, 'startups', row[0]!.rowId, 'name', 'Tez Pay Ltd');
    expect((await push(suite.app, device.token, [early])).accepted).toEqual([early.opId]);

    const held = await pull(suite.app, device.token, before.cursor);
    expect(held.ops).toEqual([]);
    expect(held.cursor).toBe(before.cursor);

    await other.query('COMMIT');
    const after = await pullAll(suite.app, device.token, held.cursor);
    expect(ids(after.ops)).toEqual([late.opId, early.opId]);
  });

  it('a transaction that rolls back holds pulls back only while it is open', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const start = await pullAll(suite.app, device.token);
    await other.query('BEGIN');
    await other.query(
      `INSERT INTO ops (op_id, centre_id, tbl, row_id, col, value, hlc) VALUES ($1, $2, 'startups', $3, 'name', '"x"', $4)`,
      [uuidv7(), centre.id, uuidv7(), device.clock.now()],
    );
    const row = insertOps(device, 'startups', centre.id, { name: 'After' });
    await push(suite.app, device.token, row);
    expect((await pull(suite.app, device.token, start.cursor)).ops).toEqual([]);
    await other.query('ROLLBACK');
    expect(ids((await pullAll(suite.app, device.token, start.cursor)).ops)).toEqual(ids(row));
  });

  it('a centre with no ops of its own still reads national ops in order', async () => {
    const empty = await createCentre(suite.store.db, { name: 'NIC Gilgit' }, new Date());
    const reader = await enrolDevice(suite.app, suite.store.db, empty.id, 'readonly');
    const national = await enrolDevice(suite.app, suite.store.db, null, 'national');
    const start = await pullAll(suite.app, reader.token);
    const n = insertOps(national, 'mentors', null, { name: 'National mentor' });
    await push(suite.app, national.token, n);
    expect(ids((await pullAll(suite.app, reader.token, start.cursor, 2)).ops)).toEqual(ids(n));
  });
});

noteSkippedDatabases();
