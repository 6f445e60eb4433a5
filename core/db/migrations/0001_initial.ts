/**
 * The first schema. Frozen: later changes are new numbered migrations, never edits here.
 *
 * Synced tables keep data columns nullable at the SQL level on purpose: a row may arrive
 * from sync field by field, and the API's zod schemas are where "required" is enforced.
 * Foreign keys are DEFERRABLE so that one sync page can apply children before parents.
 */
import type Database from 'better-sqlite3';

export const version = 1;

const base = `id TEXT PRIMARY KEY,
  centre_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))`;

const ref = (table: string) => `TEXT REFERENCES ${table}(id) DEFERRABLE INITIALLY DEFERRED`;

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) STRICT;

CREATE TABLE centres (${base},
  name TEXT, city TEXT, quarter_scheme TEXT) STRICT;

CREATE TABLE users (${base},
  name TEXT, email TEXT, role TEXT, active INTEGER, password_hash TEXT) STRICT;
CREATE INDEX users_email ON users(email);

CREATE TABLE programmes (${base},
  kind TEXT, name TEXT, start_date TEXT, end_date TEXT, description TEXT) STRICT;

CREATE TABLE cohorts (${base},
  programme_id ${ref('programmes')}, name TEXT, start_date TEXT, end_date TEXT) STRICT;
CREATE INDEX cohorts_programme ON cohorts(programme_id);

CREATE TABLE startups (${base},
  name TEXT, sector TEXT, stage TEXT, cohort_id ${ref('cohorts')}, founded_on TEXT, website TEXT,
  description TEXT, women_led INTEGER, city TEXT, contact_email TEXT, contact_phone TEXT,
  registration_no TEXT) STRICT;
CREATE INDEX startups_stage ON startups(stage);
CREATE INDEX startups_cohort ON startups(cohort_id);
CREATE INDEX startups_name ON startups(name COLLATE NOCASE);

CREATE TABLE founders (${base},
  startup_id ${ref('startups')}, name TEXT, gender TEXT, email TEXT, phone TEXT, role TEXT) STRICT;
CREATE INDEX founders_startup ON founders(startup_id);

CREATE TABLE stage_changes (${base},
  startup_id ${ref('startups')}, from_stage TEXT, to_stage TEXT, changed_on TEXT, changed_by TEXT,
  note TEXT) STRICT;
CREATE INDEX stage_changes_startup ON stage_changes(startup_id, changed_on);

CREATE TABLE quarterly_metrics (${base},
  startup_id ${ref('startups')}, quarter TEXT, revenue_pkr INTEGER, export_revenue_usd REAL,
  funding_committed_pkr INTEGER, funding_raised_pkr INTEGER, funding_source TEXT,
  jobs_full_time INTEGER, jobs_part_time INTEGER, jobs_women INTEGER, customers INTEGER,
  locked_by TEXT, locked_at TEXT) STRICT;
CREATE INDEX quarterly_metrics_startup ON quarterly_metrics(startup_id, quarter);
CREATE INDEX quarterly_metrics_quarter ON quarterly_metrics(quarter);

CREATE TABLE milestones (${base},
  startup_id ${ref('startups')}, title TEXT, due_on TEXT, status TEXT, completed_on TEXT) STRICT;
CREATE INDEX milestones_startup ON milestones(startup_id);

CREATE TABLE mentors (${base},
  name TEXT, organisation TEXT, expertise TEXT, city TEXT, country TEXT, time_zone TEXT,
  email TEXT, phone TEXT, availability TEXT) STRICT;
CREATE INDEX mentors_name ON mentors(name COLLATE NOCASE);

CREATE TABLE mentor_assignments (${base},
  mentor_id ${ref('mentors')}, startup_id ${ref('startups')}, from_date TEXT, to_date TEXT) STRICT;
CREATE INDEX mentor_assignments_mentor ON mentor_assignments(mentor_id);
CREATE INDEX mentor_assignments_startup ON mentor_assignments(startup_id);

CREATE TABLE mentoring_sessions (${base},
  mentor_id ${ref('mentors')}, startup_id ${ref('startups')}, starts_at TEXT, minutes INTEGER,
  mode TEXT, topics TEXT, notes TEXT, logged_by TEXT) STRICT;
CREATE INDEX mentoring_sessions_mentor ON mentoring_sessions(mentor_id, starts_at);
CREATE INDEX mentoring_sessions_startup ON mentoring_sessions(startup_id, starts_at);
CREATE INDEX mentoring_sessions_starts ON mentoring_sessions(starts_at);

CREATE TABLE action_items (${base},
  session_id ${ref('mentoring_sessions')}, text TEXT, owner TEXT, due_on TEXT, done INTEGER) STRICT;
CREATE INDEX action_items_session ON action_items(session_id);
CREATE INDEX action_items_due ON action_items(done, due_on);

CREATE TABLE trainees (${base},
  name TEXT, cnic TEXT, email TEXT, phone TEXT, gender TEXT, city TEXT, district TEXT,
  date_of_birth TEXT, skills TEXT, consent INTEGER) STRICT;
CREATE INDEX trainees_cnic ON trainees(cnic);
CREATE INDEX trainees_email ON trainees(email);
CREATE INDEX trainees_phone ON trainees(phone);
CREATE INDEX trainees_name ON trainees(name COLLATE NOCASE);
CREATE INDEX trainees_city ON trainees(city COLLATE NOCASE);

CREATE TABLE enrolments (${base},
  trainee_id ${ref('trainees')}, cohort_id ${ref('cohorts')}, status TEXT, score REAL,
  completed_on TEXT) STRICT;
CREATE INDEX enrolments_trainee ON enrolments(trainee_id);
CREATE INDEX enrolments_cohort ON enrolments(cohort_id, status);

CREATE TABLE certifications (${base},
  trainee_id ${ref('trainees')}, title TEXT, issued_on TEXT, certificate_no TEXT) STRICT;
CREATE INDEX certifications_trainee ON certifications(trainee_id);
CREATE INDEX certifications_issued ON certifications(issued_on);

CREATE TABLE placements (${base},
  trainee_id ${ref('trainees')}, kind TEXT, employer TEXT, startup_id ${ref('startups')},
  started_on TEXT, monthly_income_pkr INTEGER) STRICT;
CREATE INDEX placements_trainee ON placements(trainee_id);

-- Sync bookkeeping (local only): one op per changed field, and each cell's winning clock.
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  value TEXT,
  hlc TEXT NOT NULL
) STRICT;

CREATE TABLE cell_clock (
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  hlc TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id, col)
) STRICT, WITHOUT ROWID;

-- Every field change with its old and new value, for the History tab.
CREATE TABLE row_history (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  user_id TEXT,
  at TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('local', 'sync'))
) STRICT;
CREATE INDEX row_history_row ON row_history(tbl, row_id, id);

-- Append-only: reveals of personal data, exports, erasures, role changes, locks.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  detail TEXT
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`);
  createSearchIndex(db, 'trainees', ['name', 'skills', 'city', 'district', 'email']);
  createSearchIndex(db, 'startups', ['name', 'sector', 'city', 'description']);
  createSearchIndex(db, 'mentors', ['name', 'organisation', 'expertise', 'city', 'country']);
}

/**
 * An external-content FTS5 index kept current by triggers. Tombstoned rows are left out,
 * so a delete (deleted = 1) removes the row from search and an undelete puts it back.
 */
function createSearchIndex(db: Database.Database, table: string, columns: string[]): void {
  const cols = columns.join(', ');
  const newCols = columns.map((c) => `new.${c}`).join(', ');
  const oldCols = columns.map((c) => `old.${c}`).join(', ');
  db.exec(`
CREATE VIRTUAL TABLE ${table}_fts USING fts5(${cols}, content='${table}', content_rowid='rowid',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} WHEN new.deleted = 0 BEGIN
  INSERT INTO ${table}_fts(rowid, ${cols}) VALUES (new.rowid, ${newCols});
END;
CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} WHEN old.deleted = 0 BEGIN
  INSERT INTO ${table}_fts(${table}_fts, rowid, ${cols}) VALUES ('delete', old.rowid, ${oldCols});
END;
CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF ${cols}, deleted ON ${table} BEGIN
  INSERT INTO ${table}_fts(${table}_fts, rowid, ${cols}) SELECT 'delete', old.rowid, ${oldCols} WHERE old.deleted = 0;
  INSERT INTO ${table}_fts(rowid, ${cols}) SELECT new.rowid, ${newCols} WHERE new.deleted = 0;
END;
`);
}
