/**
 * Two workstations of one centre edit the same startup while both are offline, then sync,
 * in either order (DESIGN.md, Sync: field-level last-writer-wins on a hybrid logical clock).
 *
 * What "the same way everywhere" means: every replica (both workstations and the server)
 * ends with, per field, the value of the write with the greatest HLC stamp. It is decided
 * by the stamps alone, never by which edit came later in real time nor by which workstation
 * synced first. Desk B's clock runs 3 hours behind here, so its edit made later in real time
 * carries the smaller stamp and loses; an edit B makes after it has seen A's (causally
 * later) carries a greater stamp despite B's slow clock, and wins.
 *
 * A delete is a tombstone: the field `deleted` set to 1, merged like any other field. An
 * edit of other fields does not write `deleted`, so it can never bring a deleted record
 * back, whatever its stamp: the record stays deleted everywhere, and the concurrent edit is
 * still merged into the (hidden) row, identically on every replica.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../shared/api/errors.js';
import { testDatabases, type TestStore } from '../../server/testing/databases.js';
import { checkConverged } from './sim-model.js';
import { HOUR, SyncWorld, type Workstation } from './sync-world.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stampOf(ws: Workstation, tbl: string, rowId: string, col: string): string {
  const row = ws.core.db.prepare('SELECT hlc FROM cell_clock WHERE tbl = ? AND row_id = ? AND col = ?').get(tbl, rowId, col) as
    { hlc: string } | undefined;
  if (!row) throw new Error(`${ws.name} has no stamp for ${tbl}/${rowId}/${col}`);
  return row.hlc;
}

function rawRow(ws: Workstation, id: string): Record<string, unknown> {
  return ws.core.db.prepare('SELECT * FROM startups WHERE id = ?').get(id) as Record<string, unknown>;
}

describe.each(testDatabases())('two workstations editing offline, on $name', (database) => {
  let store: TestStore;
  let world: SyncWorld | null = null;
  beforeAll(async () => {
    store = await database.setup();
  }, 120_000);
  afterEach(async () => {
    await world?.close();
    world = null;
  });
  afterAll(async () => {
    await store?.teardown();
  });

  /** Desk A with a right clock, desk B 3 hours behind; both hold one startup, then go offline. */
  async function twoDesksOffline() {
    world = await SyncWorld.start({ store, seed: 1 });
    world.network.faultsOn = false;
    const a = await world.addWorkstation(0);
    await a.sync(); // the centre's manager, made on A, reaches the server
    const b = await world.addWorkstation(-3 * HOUR);
    expect(b.signedIn).toBe(true);
    const startup = await a.client.call('startups.create', {
      name: 'Tez Pay',
      sector: 'fintech',
      city: 'Karachi',
      website: 'https://tezpay.pk',
      description: 'Payments for corner shops',
    });
    await a.sync();
    await b.sync();
    expect((await b.client.call('startups.get', { id: startup.id })).name).toBe('Tez Pay');
    a.link.offline = true;
    b.link.offline = true;
    return { world, a, b, id: startup.id };
  }

  /** Both come back online and sync in the given order, then once more so each has the other's. */
  async function reconnect(w: SyncWorld, first: Workstation, second: Workstation): Promise<void> {
    first.link.offline = false;
    second.link.offline = false;
    await first.sync();
    await second.sync();
    await first.sync();
    expect(await w.quiesce()).toBe(1); // nothing left to move
    const problems = checkConverged(
      w.logs(),
      await w.serverState(),
      [first, second].map((ws) => ({ name: ws.name, db: ws.core.db })),
    );
    expect(problems).toEqual([]);
  }

  async function serverCell(w: SyncWorld, rowId: string, col: string): Promise<{ value: string; hlc: string }> {
    const [cell] = await w.store.db.query<{ value: string; hlc: string }>(
      "SELECT value, hlc FROM cells WHERE tbl = 'startups' AND row_id = $1::uuid AND col = $2",
      [rowId, col],
    );
    return cell!;
  }

  it.each(['A', 'B'] as const)(
    'different fields both survive; the same field ends with the greater-HLC write everywhere (%s syncs first)',
    async (firstName) => {
      const { world: w, a, b, id } = await twoDesksOffline();
      // A edits the city (X) and the name (Z); a moment later B edits the website (Y) and the name (Z).
      await a.client.call('startups.update', { id, patch: { city: 'Lahore', name: 'Tez Pay by A' } });
      await sleep(20);
      await b.client.call('startups.update', { id, patch: { website: 'https://tezpay.com.pk', name: 'Tez Pay by B' } });
      const stampA = stampOf(a, 'startups', id, 'name');
      const stampB = stampOf(b, 'startups', id, 'name');
      // B's edit came later in real time, but B's clock is 3 h behind: its stamp is smaller.
      expect(stampB < stampA).toBe(true);

      await (firstName === 'A' ? reconnect(w, a, b) : reconnect(w, b, a));

      for (const ws of [a, b]) {
        const startup = await ws.client.call('startups.get', { id });
        expect(startup, ws.name).toMatchObject({ city: 'Lahore', website: 'https://tezpay.com.pk', name: 'Tez Pay by A' });
        expect(stampOf(ws, 'startups', id, 'name')).toBe(stampA);
      }
      expect(await serverCell(w, id, 'name')).toEqual({ value: JSON.stringify('Tez Pay by A'), hlc: stampA });
      expect((await serverCell(w, id, 'city')).value).toBe(JSON.stringify('Lahore'));
      expect((await serverCell(w, id, 'website')).value).toBe(JSON.stringify('https://tezpay.com.pk'));

      // Having received A's stamp, B's next edit sorts after it although B's clock is still
      // behind: an edit made after seeing another wins over it.
      await b.client.call('startups.update', { id, patch: { name: 'Tez Pay (renamed on B)' } });
      expect(stampOf(b, 'startups', id, 'name') > stampA).toBe(true);
      await b.sync();
      await a.sync();
      expect((await a.client.call('startups.get', { id })).name).toBe('Tez Pay (renamed on B)');
      expect((await serverCell(w, id, 'name')).value).toBe(JSON.stringify('Tez Pay (renamed on B)'));
    },
  );

  it('clocks almost a day off the server each way (A +20 h, B −20 h): an edit made after seeing the other wins everywhere', async () => {
    world = await SyncWorld.start({ store, seed: 2 });
    world.network.faultsOn = false;
    const a = await world.addWorkstation(20 * HOUR);
    await a.sync();
    const b = await world.addWorkstation(-20 * HOUR);
    const { id } = await a.client.call('startups.create', { name: 'Tez Pay', sector: 'fintech' });
    await a.client.call('startups.update', { id, patch: { name: 'Tez Pay by A' } });
    await a.sync();
    await b.sync(); // B receives A's stamps, 40 h ahead of B's clock
    await b.client.call('startups.update', { id, patch: { name: 'Tez Pay by B' } });
    // B edited after it saw A's edit: its stamp must sort after A's, whatever its clock says.
    expect(stampOf(b, 'startups', id, 'name') > stampOf(a, 'startups', id, 'name')).toBe(true);
    await b.sync();
    await a.sync();
    await world.quiesce();
    expect(
      checkConverged(
        world.logs(),
        await world.serverState(),
        [a, b].map((ws) => ({ name: ws.name, db: ws.core.db })),
      ),
    ).toEqual([]);
    for (const ws of [a, b]) expect((await ws.client.call('startups.get', { id })).name).toBe('Tez Pay by B');
  });

  it.each([
    ['A deletes, B edits later with the smaller stamp', 'A', 'B'],
    ['B deletes, A edits later with the greater stamp', 'B', 'A'],
  ] as const)(
    'a delete and a concurrent edit: deleted everywhere, the edit kept in the hidden row (%s)',
    async (_title, deleter, editor) => {
      for (const firstToSync of ['deleter', 'editor'] as const) {
        const { world: w, a, b, id } = await twoDesksOffline();
        const desks = { A: a, B: b };
        const del = desks[deleter];
        const edit = desks[editor];
        await del.client.call('startups.delete', { id });
        await sleep(20);
        await edit.client.call('startups.update', { id, patch: { city: 'Quetta' } });
        const deleteStamp = stampOf(del, 'startups', id, 'deleted');
        const editStamp = stampOf(edit, 'startups', id, 'city');
        expect(editStamp > deleteStamp).toBe(editor === 'A'); // A's clock is right, B's is behind

        await (firstToSync === 'deleter' ? reconnect(w, del, edit) : reconnect(w, edit, del));

        for (const ws of [a, b]) {
          const error = await ws.client.call('startups.get', { id }).then(
            () => null,
            (e: unknown) => (e instanceof ApiFailure ? e.error.code : e),
          );
          expect(error, `${ws.name}, ${firstToSync} synced first`).toBe('not-found');
          expect((await ws.client.call('startups.list', { limit: 10, offset: 0 })).items).toEqual([]);
          expect(rawRow(ws, id)).toMatchObject({ deleted: 1, city: 'Quetta' });
        }
        expect((await serverCell(w, id, 'deleted')).value).toBe('1');
        expect((await serverCell(w, id, 'city')).value).toBe(JSON.stringify('Quetta'));
        await w.close();
        world = null;
      }
    },
  );
});
