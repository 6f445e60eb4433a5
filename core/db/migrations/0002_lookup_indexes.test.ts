import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../migrate.js';
import { migrations } from './index.js';

describe('migration 0002_lookup_indexes', () => {
  it('adds the lookup indexes to a version-1 database without touching its rows', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, { target: 1 });
    db.prepare(
      "INSERT INTO trainees (id, created_at, updated_at, name) VALUES ('t1', '2026-01-01', '2026-01-01', 'Ali')",
    ).run();
    db.prepare(
      "INSERT INTO certifications (id, created_at, updated_at, trainee_id, certificate_no) VALUES ('c1', 'a', 'a', 't1', 'NAVTTC-1')",
    ).run();
    migrate(db, migrations, { target: 2 });
    expect(userVersion(db)).toBe(2);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM certifications WHERE certificate_no = 'NAVTTC-1'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('certifications_certificate_no');
    expect(db.prepare('SELECT count(*) AS n FROM certifications').get()).toEqual({ n: 1 });
  });
});
