import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tables } from '../../../shared/schema/tables.js';
import { tempDir } from '../../testing/harness.js';
import { migrate, userVersion } from '../migrate.js';
import { migrations } from './index.js';

describe('migration 0001_initial', () => {
  it('takes an empty database (version 0) to version 1 with every declared table and column', () => {
    const db = new Database(':memory:');
    expect(userVersion(db)).toBe(0);
    migrate(db, migrations, { target: 1 });
    expect(userVersion(db)).toBe(1);
    // Columns later migrations add (each migration's own test checks its column).
    const addedLater: Record<string, string[]> = { action_items: ['done_on'] };
    for (const spec of Object.values(tables)) {
      const columns = (db.prepare(`PRAGMA table_info(${spec.name})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns, spec.name).toEqual(expect.arrayContaining(['id', 'centre_id', 'created_at', 'updated_at', 'deleted']));
      const declared = Object.keys(spec.columns).filter((c) => !addedLater[spec.name]?.includes(c));
      expect(columns, spec.name).toEqual(expect.arrayContaining(declared));
    }
    // STRICT tables refuse values of the wrong type.
    expect(() =>
      db.prepare("INSERT INTO trainees (id, created_at, updated_at, consent) VALUES ('x', 'a', 'a', 'yes')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    // The FTS index follows inserts, updates and tombstones.
    db.prepare(
      "INSERT INTO trainees (id, created_at, updated_at, name, city) VALUES ('t1', 'a', 'a', 'Ali Raza', 'Karachi')",
    ).run();
    const search = () => db.prepare("SELECT rowid FROM trainees_fts WHERE trainees_fts MATCH '\"kar\"*'").all().length;
    expect(search()).toBe(1);
    db.prepare("UPDATE trainees SET deleted = 1 WHERE id = 't1'").run();
    expect(search()).toBe(0);
    // The audit log is append-only.
    db.prepare("INSERT INTO audit_log (at, action) VALUES ('now', 'x')").run();
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('migrate()', () => {
  it('refuses a database written by a newer app, without changing it', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db, migrations)).toThrow(/newer version of Incubator Desk/);
    expect(userVersion(db)).toBe(99);
  });

  it('backs up before migrating an existing database, and a failing migration changes nothing', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, 'db.sqlite'));
    migrate(db, migrations);
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        up(d: Database.Database) {
          d.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken, { backupDir: path.join(dir, 'backups') })).toThrow('boom');
    expect(userVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    const backup = new Database(path.join(dir, 'backups', fs.readdirSync(path.join(dir, 'backups'))[0]!));
    expect(userVersion(backup)).toBe(migrations.length);
  });
});
