/**
 * Snapshot pages: a row new here is inserted whole (applySnapshotRows), which must leave the
 * database exactly as applying each of its cells would (applyRemoteCells), search index and
 * live counts included; a row already here goes cell by cell.
 */
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { startupsTable } from '../../shared/records/startups.js';
import { formatHlc } from '../../shared/sync/hlc.js';
import type { SnapshotRow } from '../../shared/sync/protocol.js';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { RowStore } from '../db/rows.js';
import { applyRemoteCells, applySnapshotRows, snapshotCells, type ApplyResult } from './apply-remote.js';
import { LocalClock } from './local-clock.js';

const NOW = Date.parse('2026-05-01T09:00:00Z');
const REMOTE = 'bbbbbbbbbbbbbbbb';
const CENTRE = '0190a8f0-0000-7000-8000-000000000001';

function freshDb(): { db: Database.Database; clock: LocalClock } {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return { db, clock: new LocalClock(db, () => NOW) };
}

const stamp = (millis: number, counter = 0) => formatHlc({ millis, counter, node: REMOTE });
const opts = (clock: LocalClock) => ({ clock, now: () => new Date(NOW) });

/** A snapshot row: every value as its JSON text, all with one stamp unless given per column. */
function row(tbl: string, rowId: string, values: Record<string, unknown>, hlc: string | Record<string, string>): SnapshotRow {
  return {
    tbl,
    rowId,
    cells: Object.fromEntries(
      Object.entries(values).map(([col, value]) => [
        col,
        { value: JSON.stringify(value), hlc: typeof hlc === 'string' ? hlc : (hlc[col] ?? Object.values(hlc)[0]!) },
      ]),
    ),
  };
}

const base = (at: string) => ({ centre_id: CENTRE, created_at: at, updated_at: at, deleted: 0 });

/** Everything a page can change, in a comparable form. */
function state(db: Database.Database) {
  const all = (sql: string) => db.prepare(sql).all();
  db.exec("INSERT INTO startups_fts(startups_fts) VALUES ('integrity-check')");
  return {
    startups: all('SELECT * FROM startups ORDER BY id'),
    founders: all('SELECT * FROM founders ORDER BY id'),
    clocks: all('SELECT tbl, row_id, col, hlc FROM cell_clock ORDER BY tbl, row_id, col'),
    history: all('SELECT tbl, row_id, col, old_value, new_value, user_id, at, source FROM row_history ORDER BY tbl, row_id, col'),
    unapplied: all('SELECT op_id, tbl, row_id, col, value, hlc, problem FROM sync_unapplied ORDER BY op_id'),
    counts: all("SELECT tbl, n FROM live_counts WHERE tbl IN ('startups', 'founders') ORDER BY tbl"),
    search: all('SELECT rowid FROM startups_fts WHERE startups_fts MATCH \'"tez"*\' ORDER BY rowid'),
  };
}

const summary = (r: ApplyResult) => ({ ...r, tables: [...r.tables].sort() });

describe('applySnapshotRows', () => {
  it('leaves new rows exactly as applying their cells one by one would', () => {
    const at = '2026-04-01T08:00:00.000Z';
    const [tez, bazaar, later, hidden, odd] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const rows: SnapshotRow[] = [
      row('startups', tez, { ...base(at), name: 'Tez Pay', sector: 'fintech', women_led: 1, city: 'Karachi' }, stamp(NOW - 9000)),
      // Cells with different stamps, and an explicit id cell (carries nothing more).
      row(
        'startups',
        bazaar,
        { ...base(at), id: bazaar, name: 'Bazaar', sector: 'e-commerce' },
        { centre_id: stamp(NOW - 8000), name: stamp(NOW - 100, 3), sector: stamp(NOW - 7000) },
      ),
      // A founder whose startup comes later in the page: the startup gets a placeholder first.
      row('founders', uuidv7(), { ...base(at), startup_id: later, name: 'Amna', gender: 'female' }, stamp(NOW - 6000)),
      row('startups', later, { ...base(at), name: 'Later Labs', sector: 'ai' }, stamp(NOW - 5000)),
      // Neither timestamps nor `deleted` came: placeholder values, hidden from lists and search.
      row('startups', hidden, { centre_id: CENTRE, name: 'Tez Hidden', sector: 'ai' }, stamp(NOW - 4000)),
      // A column this version does not know and a value it cannot store are kept aside.
      row('startups', odd, { ...base(at), name: 'Odd', sector: 'ai', future_col: 'x', women_led: 'yes' }, stamp(NOW - 3000)),
      // A table this version does not know.
      row('future_table', uuidv7(), { ...base(at), name: 'Elsewhere' }, stamp(NOW - 2000)),
    ];

    const whole = freshDb();
    const byRow = applySnapshotRows(whole.db, rows, opts(whole.clock));
    const cells = freshDb();
    const byCell = applyRemoteCells(cells.db, snapshotCells(rows), opts(cells.clock));

    expect(summary(byRow)).toEqual(summary(byCell));
    expect(byRow).toMatchObject({ unapplied: 7, lost: 1 }); // 2 odd cells and 5 of the unknown table
    expect(state(whole.db)).toEqual(state(cells.db));
    expect(state(whole.db).search).toHaveLength(1); // Tez Pay; the hidden one is not searchable
    expect(whole.clock.tick() > stamp(NOW - 100, 3)).toBe(true);
  });

  it('applies rows it already has cell by cell: a newer local edit stays, newer remote cells win', () => {
    const { db, clock } = freshDb();
    const rows = new RowStore(db, clock, () => new Date(NOW));
    // Edited here after the insert: the name and city cells have local clocks.
    const startup = db.transaction(() => {
      const row = rows.insert<{ id: string }>(startupsTable, { name: 'Bazar', sector: 'e-commerce', city: 'Lahor' }, { userId: null });
      return rows.update<{ id: string }>(startupsTable, row.id, { name: 'Bazaar', city: 'Lahore' }, { userId: null })!;
    })();
    const local = (db.prepare("SELECT hlc FROM cell_clock WHERE row_id = ? AND col = 'name'").get(startup.id) as { hlc: string })
      .hlc;
    const older = stamp(Date.parse(local.slice(0, 13)) - 60_000);
    const newer = stamp(NOW + 60_000);
    const result = applySnapshotRows(
      db,
      [row('startups', startup.id, { name: 'Old name', city: 'Quetta' }, { name: older, city: newer })],
      opts(clock),
    );
    expect(result).toMatchObject({ received: 2, applied: 1, lost: 1 });
    expect(db.prepare('SELECT name, city FROM startups WHERE id = ?').get(startup.id)).toEqual({
      name: 'Bazaar',
      city: 'Quetta',
    });
    expect(db.prepare("SELECT col, new_value FROM row_history WHERE row_id = ? AND source = 'sync'").all(startup.id)).toEqual([
      { col: 'city', new_value: '"Quetta"' },
    ]);
  });

  it('fills in a placeholder made earlier for a child cell by cell, like pulled ops', () => {
    const { db, clock } = freshDb();
    const at = '2026-04-01T08:00:00.000Z';
    const parent = uuidv7();
    applySnapshotRows(
      db,
      [row('founders', uuidv7(), { ...base(at), startup_id: parent, name: 'Amna' }, stamp(NOW - 2000))],
      opts(clock),
    );
    expect(db.prepare('SELECT deleted FROM startups WHERE id = ?').get(parent)).toEqual({ deleted: 1 });
    const result = applySnapshotRows(
      db,
      [row('startups', parent, { ...base(at), name: 'Tez Pay', sector: 'fintech' }, stamp(NOW - 1000))],
      opts(clock),
    );
    expect(result).toMatchObject({ applied: 6, lost: 0 });
    expect(db.prepare('SELECT name, deleted, created_at FROM startups WHERE id = ?').get(parent)).toEqual({
      name: 'Tez Pay',
      deleted: 0,
      created_at: at,
    });
    expect(db.prepare("SELECT count(*) AS n FROM row_history WHERE row_id = ? AND col = '*'").get(parent)).toEqual({ n: 1 });
  });
});
