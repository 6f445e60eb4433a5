import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../migrate.js';
import { migrations } from './index.js';

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('migration 0004_sync_state', () => {
  it('adds the sync tables to a version-3 database without touching its rows, outbox or clocks', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, { target: 3 });
    db.prepare("INSERT INTO trainees (id, created_at, updated_at, name) VALUES ('t1', 'a', 'a', 'Ali')").run();
    db.prepare(
      "INSERT INTO outbox (op_id, tbl, row_id, col, value, hlc) VALUES ('o1', 'trainees', 't1', 'name', '\"Ali\"', 'h')",
    ).run();
    db.prepare("INSERT INTO cell_clock (tbl, row_id, col, hlc) VALUES ('trainees', 't1', 'name', 'h')").run();

    migrate(db, migrations, { target: 4 });
    expect(userVersion(db)).toBe(4);
    expect(db.prepare('SELECT count(*) AS n FROM trainees').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT op_id FROM outbox').all()).toEqual([{ op_id: 'o1' }]);
    expect(db.prepare('SELECT count(*) AS n FROM cell_clock').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT n FROM live_counts WHERE tbl = ?').get('trainees')).toEqual({ n: 1 });

    expect(columns(db, 'sync_state')).toEqual(
      expect.arrayContaining([
        'server_url',
        'device_id',
        'role',
        'centre_id',
        'pull_cursor',
        'phase',
        'last_synced_at',
        'last_error',
      ]),
    );
    expect(columns(db, 'sync_rejected')).toEqual(
      expect.arrayContaining(['op_id', 'tbl', 'row_id', 'col', 'value', 'hlc', 'reason', 'message', 'at']),
    );
    expect(columns(db, 'sync_unapplied')).toEqual(expect.arrayContaining(['op_id', 'problem']));

    // One sync_state row at most, and only known roles, modes and phases.
    const state = db.prepare(
      `INSERT INTO sync_state (id, server_url, device_id, device_name, role, mode, phase, enrolled_at)
       VALUES (?, 'https://sync.example.pk', 'd', 'Front desk', ?, 'bootstrap', 'ready', 'now')`,
    );
    state.run(1, 'workstation');
    expect(() => state.run(2, 'workstation')).toThrow(/CHECK constraint/);
    db.prepare('DELETE FROM sync_state').run();
    expect(() => state.run(1, 'admin')).toThrow(/CHECK constraint/);
    // STRICT: wrong types are refused.
    expect(() =>
      db
        .prepare(
          "INSERT INTO sync_rejected (op_id, tbl, row_id, col, hlc, reason, message, at) VALUES ('x', 't', 'r', 'c', 'h', 'r', 'm', ?)",
        )
        .run(Buffer.from('x')),
    ).toThrow(/cannot store BLOB/);
  });
});
