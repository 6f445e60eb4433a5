import { describe, expect, it } from 'vitest';
import { tableNames } from '../../shared/schema/tables.js';
import type { SnapshotRow } from '../../shared/sync/protocol.js';
import { noteSkippedDatabases, testDatabases } from '../testing/databases.js';
import {
  bearer,
  centreWithWorkstation,
  clientHeaders,
  enrolDevice,
  fieldOp,
  insertOps,
  pullAll,
  push,
  serverSuite,
  snapshotPage,
} from '../testing/fixtures.js';
import { SNAPSHOT_TTL_MS, continueSnapshot, startSnapshot } from './snapshot.js';
import { recordingDb, rowsReadBy } from '../testing/query-plans.js';

describe.each(testDatabases())('snapshot on $name', (database) => {
  const suite = serverSuite(database);

  async function wholeSnapshot(token: string, limit: string) {
    const first = await snapshotPage(suite.app, token, { limit });
    const pages = [first];
    while (pages.at(-1)!.next) {
      pages.push(await snapshotPage(suite.app, token, { snapshot: first.snapshot, after: pages.at(-1)!.next!, limit }));
    }
    return { first, pages, rows: pages.flatMap((p) => p.rows) };
  }

  it('pages current rows, parents first, with the cursor to pull from afterwards', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const other = await centreWithWorkstation(suite.app, suite.store.db, 'NIC Lahore');
    const national = await enrolDevice(suite.app, suite.store.db, null, 'national');
    const programme = insertOps(national, 'programmes', null, { kind: 'training', name: 'DigiSkills' });
    await push(suite.app, national.token, programme);
    const cohort = insertOps(device, 'cohorts', centre.id, { programme_id: programme[0]!.rowId, name: 'Batch 1' });
    const startups = [1, 2, 3, 4].map((i) => insertOps(device, 'startups', centre.id, { name: `Startup ${i}` }));
    await push(suite.app, device.token, [...startups.flat(), ...cohort]);
    const rename = fieldOp(device, 'startups', startups[0]![0]!.rowId, 'name', 'Renamed');
    await push(suite.app, device.token, [rename]);
    await push(suite.app, other.device.token, insertOps(other.device, 'startups', other.centre.id, { name: 'Not for Karachi' }));

    const { first, pages, rows } = await wholeSnapshot(device.token, '2');
    // Its own centre row, the national programme, its cohort and four startups: nothing of Lahore.
    expect(first.totalRows).toBe(7);
    expect(rows).toHaveLength(7);
    expect(pages.slice(0, -1).every((p) => p.rows.length === 2)).toBe(true);
    expect(new Set(pages.map((p) => p.cursor))).toEqual(new Set([first.cursor]));
    const order = rows.map((r) => tableNames.indexOf(r.tbl as (typeof tableNames)[number]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(rows.map((r) => r.tbl)).toEqual(['centres', 'programmes', 'cohorts', 'startups', 'startups', 'startups', 'startups']);
    const renamed = rows.find((r) => r.rowId === rename.rowId)!;
    expect(renamed.cells.name).toEqual({ value: '"Renamed"', hlc: rename.hlc });
    expect(Object.keys(renamed.cells).sort()).toEqual(['centre_id', 'created_at', 'deleted', 'name', 'updated_at']);

    // Pulling from the snapshot's cursor replays nothing older; what comes later arrives.
    expect((await pullAll(suite.app, device.token, first.cursor)).ops).toEqual([]);
    const later = fieldOp(device, 'startups', rename.rowId, 'stage', 'growth');
    await push(suite.app, device.token, [later]);
    expect((await pullAll(suite.app, device.token, first.cursor)).ops.map((o) => o.opId)).toEqual([later.opId]);
  });

  it('rows changed while paging may be newer than the cursor; pulling from it brings those ops again', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const startups = [1, 2, 3].map((i) => insertOps(device, 'startups', centre.id, { name: `S${i}` }));
    await push(suite.app, device.token, startups.flat());
    const first = await snapshotPage(suite.app, device.token, { limit: '1' });
    const change = fieldOp(device, 'startups', startups[2]![0]!.rowId, 'name', 'Changed mid-snapshot');
    await push(suite.app, device.token, [change]);
    const rest: SnapshotRow[] = [];
    for (let next = first.next; next;) {
      const page = await snapshotPage(suite.app, device.token, { snapshot: first.snapshot, after: next, limit: '1' });
      rest.push(...page.rows);
      next = page.next;
    }
    expect(rest.find((r) => r.rowId === change.rowId)!.cells.name!.value).toBe('"Changed mid-snapshot"');
    expect((await pullAll(suite.app, device.token, first.cursor)).ops.map((o) => o.opId)).toEqual([change.opId]);
  });

  it('reads a page of rows with index scans that stop after the page, not the rest of the table', async () => {
    const { centre, device } = await centreWithWorkstation(suite.app, suite.store.db);
    const startups = Array.from({ length: 400 }, (_, i) => insertOps(device, 'startups', centre.id, { name: `Startup ${i}` }));
    for (let i = 0; i < startups.length; i += 150) await push(suite.app, device.token, startups.slice(i, i + 150).flat());
    const national = await enrolDevice(suite.app, suite.store.db, null, 'national');
    const { db, statements } = recordingDb(suite.store.db);
    for (const reader of [
      { id: device.deviceId, name: 'desk', role: 'workstation' as const, centreId: centre.id },
      { id: national.deviceId, name: 'national', role: 'national' as const, centreId: null },
    ]) {
      const after = Buffer.from(JSON.stringify({ tbl: 'startups', rowId: startups[100]![0]!.rowId })).toString('base64url');
      const first = await startSnapshot(db, reader, 20, new Date());
      await continueSnapshot(db, reader, first.snapshot, after, 20, new Date());
    }
    const pageQueries = statements.filter((s) => s.tx > 0 && s.params[0] === 'startups');
    expect(pageQueries.length).toBeGreaterThanOrEqual(4);
    // 20 rows of 5 cells each (the row ids, then their cells), not the other 380 rows.
    for (const query of pageQueries) expect(await rowsReadBy(suite.store.db, query, statements)).toBeLessThanOrEqual(20 * 5);
  });

  it('a national device gets every centre', async () => {
    await centreWithWorkstation(suite.app, suite.store.db, 'NIC Karachi');
    await centreWithWorkstation(suite.app, suite.store.db, 'NIC Lahore');
    const national = await enrolDevice(suite.app, suite.store.db, null, 'national');
    const { rows } = await wholeSnapshot(national.token, '2000');
    expect(rows.map((r) => JSON.parse(r.cells.name!.value) as string).sort()).toEqual(['NIC Karachi', 'NIC Lahore']);
  });

  it('refuses tokens it did not hand out, and snapshots that are too old', async () => {
    const { device } = await centreWithWorkstation(suite.app, suite.store.db);
    const get = (query: Record<string, string>) =>
      suite.app.inject({
        method: 'GET',
        url: '/v1/sync/snapshot',
        query,
        headers: { ...bearer(device.token), ...clientHeaders },
      });
    const first = await snapshotPage(suite.app, device.token, { limit: '1' });
    const after = Buffer.from(JSON.stringify({ tbl: 'startups', rowId: null })).toString('base64url');
    const badQueries: Record<string, string>[] = [
      { snapshot: first.snapshot },
      { snapshot: 'nonsense', after },
      { snapshot: first.snapshot, after: 'nonsense' },
      { snapshot: first.snapshot, after: Buffer.from(JSON.stringify({ tbl: 'pg_authid', rowId: null })).toString('base64url') },
      { limit: '2001' },
    ];
    for (const query of badQueries) {
      const response = await get(query);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid' });
    }
    const old = JSON.parse(Buffer.from(first.snapshot, 'base64url').toString()) as { startedAt: number };
    const stale = Buffer.from(JSON.stringify({ ...old, startedAt: old.startedAt - SNAPSHOT_TTL_MS - 1 })).toString('base64url');
    const expired = await get({ snapshot: stale, after });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: 'snapshot-expired' });
  });
});

noteSkippedDatabases();
