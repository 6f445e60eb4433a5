import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../migrate.js';
import { migrations } from './index.js';

const count = (db: Database.Database, table: string) =>
  (db.prepare('SELECT n FROM live_counts WHERE tbl = ?').get(table) as { n: number }).n;

describe('migration 0003_live_counts', () => {
  it('counts the live rows a version-2 database already has, then follows every insert, tombstone and delete', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, { target: 2 });
    const insert = db.prepare("INSERT INTO trainees (id, created_at, updated_at, name, deleted) VALUES (?, 'a', 'a', 'Ali', ?)");
    insert.run('t1', 0);
    insert.run('t2', 0);
    insert.run('t3', 1);
    migrate(db, migrations, { target: 3 });
    expect(userVersion(db)).toBe(3);
    expect(count(db, 'trainees')).toBe(2);
    expect(count(db, 'startups')).toBe(0);

    insert.run('t4', 0);
    insert.run('t5', 1); // arrives tombstoned (e.g. by sync): not counted
    expect(count(db, 'trainees')).toBe(3);
    db.prepare("UPDATE trainees SET deleted = 1 WHERE id = 't1'").run();
    db.prepare("UPDATE trainees SET deleted = 1 WHERE id = 't1'").run(); // no change, no count change
    db.prepare("UPDATE trainees SET name = 'Sana' WHERE id = 't2'").run();
    expect(count(db, 'trainees')).toBe(2);
    db.prepare("UPDATE trainees SET deleted = 0 WHERE id = 't3'").run(); // undeleted
    db.prepare("DELETE FROM trainees WHERE id IN ('t2', 't5')").run(); // one live, one tombstone
    expect(count(db, 'trainees')).toBe(2);
    const exact = (db.prepare('SELECT count(*) AS n FROM trainees WHERE deleted = 0').get() as { n: number }).n;
    expect(count(db, 'trainees')).toBe(exact);
  });
});
