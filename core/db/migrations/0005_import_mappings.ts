/**
 * Spreadsheet import (core/import). Additive: one local table, two lookup indexes.
 *
 * - `import_mappings`: column mappings saved under a name per kind of import, so the next
 *   roster from the same hands maps itself. Local to the workstation (not synced): it says
 *   how this office's files look, not anything about the centre's records.
 * - Indexes for the duplicate checks that would otherwise scan: a startup's contact email
 *   and a mentor's phone (the other keys — CNIC, emails, phones of trainees, registration
 *   numbers, names — are indexed already).
 */
import type Database from 'better-sqlite3';

export const version = 5;

export function up(db: Database.Database): void {
  db.exec(`
CREATE TABLE import_mappings (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('trainees', 'startups', 'mentors', 'results')),
  name TEXT NOT NULL,
  -- JSON: field -> the file's column key
  mapping TEXT NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (kind, name COLLATE NOCASE)
) STRICT;
CREATE INDEX startups_contact_email ON startups(contact_email);
CREATE INDEX mentors_phone ON mentors(phone);
`);
}
