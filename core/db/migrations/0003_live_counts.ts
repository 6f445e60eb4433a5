/**
 * Live-row counts per synced table, kept exact by triggers. Every list answers with its
 * total; for an unfiltered list that was `count(*) … WHERE deleted = 0`, a full scan that
 * took 200 ms on a million trainees each time the Trainees screen opened. Now it is one
 * row read. Triggers (not the row store) keep the counts, so rows written by sync, restore
 * or a future code path are counted too.
 */
import type Database from 'better-sqlite3';

export const version = 3;

/** The synced tables at version 3 (frozen here: migrations never read the live schema). */
const TABLES = [
  'centres',
  'users',
  'programmes',
  'cohorts',
  'startups',
  'founders',
  'stage_changes',
  'quarterly_metrics',
  'milestones',
  'mentors',
  'mentor_assignments',
  'mentoring_sessions',
  'action_items',
  'trainees',
  'enrolments',
  'certifications',
  'placements',
] as const;

export function up(db: Database.Database): void {
  db.exec('CREATE TABLE live_counts (tbl TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID;');
  for (const table of TABLES) {
    db.exec(`
INSERT INTO live_counts (tbl, n) SELECT '${table}', count(*) FROM ${table} WHERE deleted = 0;
CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} WHEN new.deleted = 0 BEGIN
  UPDATE live_counts SET n = n + 1 WHERE tbl = '${table}';
END;
CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} WHEN old.deleted = 0 BEGIN
  UPDATE live_counts SET n = n - 1 WHERE tbl = '${table}';
END;
CREATE TRIGGER ${table}_count_tombstone AFTER UPDATE OF deleted ON ${table} WHEN old.deleted <> new.deleted BEGIN
  UPDATE live_counts SET n = n + (CASE new.deleted WHEN 0 THEN 1 ELSE -1 END) WHERE tbl = '${table}';
END;`);
  }
}
