import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../migrate.js';
import { migrations } from './index.js';

describe('migration 0005_import_mappings', () => {
  it('adds the saved-mappings table and the duplicate-check indexes to a version-4 database, keeping its rows', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, { target: 4 });
    db.prepare(
      "INSERT INTO mentors (id, created_at, updated_at, name, phone) VALUES ('m1', 'a', 'a', 'Sana', '+923001234567')",
    ).run();
    migrate(db, migrations, { target: 5 });
    expect(userVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM mentors').get()).toEqual({ n: 1 });

    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join();
    expect(plan("SELECT * FROM mentors WHERE phone = '+923001234567'")).toContain('mentors_phone');
    expect(plan("SELECT * FROM startups WHERE contact_email = 'a@b.pk'")).toContain('startups_contact_email');

    const save = db.prepare(
      "INSERT INTO import_mappings (id, kind, name, mapping, created_at, updated_at) VALUES (?, ?, ?, '{}', 'a', 'a')",
    );
    save.run('x1', 'trainees', 'Punjab roster');
    save.run('x2', 'results', 'Punjab roster'); // the same name for another kind
    expect(() => save.run('x3', 'trainees', 'PUNJAB ROSTER')).toThrow(/UNIQUE/);
    expect(() => save.run('x4', 'payments', 'Other')).toThrow(/CHECK/);
  });
});
