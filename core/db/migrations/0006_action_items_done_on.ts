/**
 * Quarterly reports count action items closed in a quarter, so an item keeps the day it was
 * marked done. Additive: one nullable column of a synced table (shared/records/sessions.ts).
 * Items done before this version keep no day (NULL): they count as done, but as closed in
 * no quarter.
 */
import type Database from 'better-sqlite3';

export const version = 6;

export function up(db: Database.Database): void {
  db.exec(`ALTER TABLE action_items ADD COLUMN done_on TEXT`);
}
