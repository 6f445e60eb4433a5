/**
 * Indexes for lookups that scanned whole tables: the uniqueness checks on certificate
 * numbers, registration numbers and mentor emails (a 100,000-trainee seed spent two thirds
 * of its time scanning certifications), and the trainee list's date sorts.
 */
import type Database from 'better-sqlite3';

export const version = 2;

export function up(db: Database.Database): void {
  db.exec(`
CREATE INDEX certifications_certificate_no ON certifications(certificate_no);
CREATE INDEX startups_registration_no ON startups(registration_no);
CREATE INDEX mentors_email ON mentors(email);
CREATE INDEX trainees_created ON trainees(created_at);
CREATE INDEX trainees_updated ON trainees(updated_at);
CREATE INDEX enrolments_trainee_cohort ON enrolments(trainee_id, cohort_id, status);
-- The new index starts with trainee_id, so it serves every lookup the old one did.
DROP INDEX enrolments_trainee;
`);
}
