import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tables } from '../../../shared/schema/tables.js';
import { migrate, userVersion } from '../migrate.js';
import { migrations } from './index.js';

describe('migration 0006_action_items_done_on', () => {
  it('adds the day an action item was done to a version-5 database, keeping its items (done ones without a day)', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, { target: 5 });
    const insert = db.prepare(
      "INSERT INTO action_items (id, created_at, updated_at, session_id, text, done) VALUES (?, 'a', 'a', NULL, ?, ?)",
    );
    insert.run('a1', 'Send the deck', 1);
    insert.run('a2', 'Call the bank', 0);
    migrate(db, migrations, { target: 6 });
    expect(userVersion(db)).toBe(6);
    expect(db.prepare('SELECT id, done, done_on FROM action_items ORDER BY id').all()).toEqual([
      { id: 'a1', done: 1, done_on: null },
      { id: 'a2', done: 0, done_on: null },
    ]);
    const columns = (db.prepare('PRAGMA table_info(action_items)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(Object.keys(tables.action_items.columns)));
    db.prepare("UPDATE action_items SET done_on = '2026-09-30' WHERE id = 'a1'").run();
    expect(db.prepare("SELECT done_on FROM action_items WHERE id = 'a1'").get()).toEqual({ done_on: '2026-09-30' });
  });
});
