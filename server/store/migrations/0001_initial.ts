/**
 * The first server schema. Frozen: later changes are new numbered migrations.
 *
 * - `ops` is the log every pull reads, in commit order: `(txid, seq)`, where txid is the
 *   pushing transaction's id. Pulls only return ops whose transaction is older than every
 *   transaction still running, so an op that commits late is never skipped (sync/pull.ts).
 * - `cells` is the current state, one row per (table, row, column) with its winning stamp:
 *   snapshots and national figures read it instead of replaying the log.
 * - HLC stamps compare as plain strings, so their columns use the "C" collation: a
 *   language collation could order '-' or hex letters differently.
 */
import type { Db } from '../db.js';

export const version = 1;

// One statement per query: PGlite's query() takes a single statement (extended protocol).
const statements = `
CREATE TABLE centres (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE admins (
  email text PRIMARY KEY,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  token_sha256 text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('workstation', 'readonly', 'national')),
  centre_id uuid REFERENCES centres (id) ON UPDATE CASCADE,
  node_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  protocol integer,
  schema_version integer,
  app_version text,
  CHECK ((role = 'national') = (centre_id IS NULL))
);
CREATE INDEX devices_centre ON devices (centre_id);

CREATE TABLE enrolment_codes (
  code_sha256 text PRIMARY KEY,
  centre_id uuid REFERENCES centres (id) ON UPDATE CASCADE,
  role text NOT NULL CHECK (role IN ('workstation', 'readonly', 'national')),
  upload boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by_device uuid REFERENCES devices (id),
  CHECK ((role = 'national') = (centre_id IS NULL)),
  CHECK (NOT upload OR role = 'workstation')
);

CREATE TABLE ops (
  seq bigserial PRIMARY KEY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  op_id uuid NOT NULL UNIQUE,
  centre_id uuid REFERENCES centres (id) ON UPDATE CASCADE,
  tbl text NOT NULL,
  row_id uuid NOT NULL,
  col text NOT NULL,
  value text NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  device_id uuid REFERENCES devices (id),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ops_commit_order ON ops (txid, seq);
CREATE INDEX ops_centre_commit_order ON ops (centre_id, txid, seq);

CREATE TABLE cells (
  tbl text NOT NULL,
  row_id uuid NOT NULL,
  col text NOT NULL,
  centre_id uuid REFERENCES centres (id) ON UPDATE CASCADE,
  value text NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  PRIMARY KEY (tbl, row_id, col)
);
CREATE INDEX cells_centre ON cells (centre_id, tbl, row_id);

CREATE TABLE set_aside (
  op_id uuid PRIMARY KEY,
  tbl text NOT NULL,
  row_id uuid NOT NULL,
  col text NOT NULL,
  value text NOT NULL,
  hlc text COLLATE "C" NOT NULL,
  device_id uuid NOT NULL REFERENCES devices (id),
  reason text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
`.split(/;\s*$/m);

export async function up(tx: Db): Promise<void> {
  for (const statement of statements) {
    if (statement.trim()) await tx.query(statement);
  }
}
