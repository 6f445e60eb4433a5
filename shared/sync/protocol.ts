/**
 * The sync wire contract between a workstation (core/sync) and the central server
 * (server/). Both sides validate every body with these schemas; unknown fields are
 * rejected (strict objects), so a typo never passes silently.
 *
 * Endpoints (JSON over HTTPS; the bearer token is the device token from enrolment):
 *
 *   GET  /v1/time                      → ServerTime            (no auth)
 *   POST /v1/enrol      EnrolRequest   → EnrolResponse         (no auth; rate limited)
 *   POST /v1/sync/push  PushRequest    → PushResponse          (bearer)
 *   GET  /v1/sync/pull?cursor&limit    → PullResponse          (bearer; client info in headers)
 *   GET  /v1/sync/snapshot?…           → SnapshotPage          (bearer; client info in headers)
 *
 * Every request carries the client's protocol, schema and app versions: in the body for
 * POSTs (`client`), in the headers `x-sync-protocol`, `x-schema-version`, `x-app-version`
 * for GETs. A client whose protocol is older than the server's minimum gets 426 with
 * `{error: 'upgrade-required'}` and keeps its outbox.
 *
 * Errors are `{error: ErrorCode, message: string}` with a 4xx status; never a 5xx for
 * anything a client sends.
 */
import { z } from 'zod';
import { HLC_PATTERN } from './hlc.js';

export const SYNC_PROTOCOL = 1;
/** Oldest client protocol the server still accepts. */
export const MIN_SYNC_PROTOCOL = 1;
/** At most this many ops per push; the client splits its outbox into batches. */
export const MAX_PUSH_OPS = 1000;
/** Pull and snapshot page sizes the server accepts (the client may ask for less). */
export const MAX_PULL_OPS = 5000;
export const MAX_SNAPSHOT_ROWS = 2000;
/** Ops stamped further ahead of the server's clock are set aside and reported. */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export const CLIENT_HEADERS = {
  protocol: 'x-sync-protocol',
  schemaVersion: 'x-schema-version',
  appVersion: 'x-app-version',
} as const;

export const ClientInfo = z.strictObject({
  protocol: z.number().int().positive(),
  /** The workstation's SQLite schema version (core/db/migrations). */
  schemaVersion: z.number().int().positive(),
  appVersion: z.string().min(1).max(40),
});
export type ClientInfo = z.infer<typeof ClientInfo>;

export const Hlc = z.string().regex(HLC_PATTERN, 'an HLC stamp <13-digit ms>-<4 hex>-<16 hex node>');
const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lower-case UUID');
/** SQL identifiers are checked against shared/schema/tables.ts by the receiver. */
const Identifier = z.string().regex(/^[a-z_]{1,40}$/, 'a table or column name');

/**
 * One field change. `value` is the JSON text of the stored SQL value (`"\"Karachi\""`, `"3"`,
 * `"null"`), exactly as the workstation's outbox keeps it, so both sides store it verbatim
 * and compare nothing but stamps.
 */
export const WireOp = z.strictObject({
  opId: Uuid,
  tbl: Identifier,
  rowId: Uuid,
  col: Identifier,
  value: z.string().max(256 * 1024),
  hlc: Hlc,
});
export type WireOp = z.infer<typeof WireOp>;

/** Device roles. A device is a machine, not a person: people sign in on the workstation. */
export const DeviceRole = z.enum([
  /** A centre's workstation: reads and writes its centre's rows, reads national rows. */
  'workstation',
  /** Reads its centre's rows and national rows; every push is rejected. */
  'readonly',
  /** The national office: reads every centre, writes national rows (centre_id NULL). */
  'national',
]);
export type DeviceRole = z.infer<typeof DeviceRole>;

export const ServerTime = z.strictObject({ now: z.string(), epochMs: z.number() });
export type ServerTime = z.infer<typeof ServerTime>;

export const EnrolRequest = z.strictObject({
  client: ClientInfo,
  code: z.string().min(6).max(64),
  deviceName: z.string().trim().min(1).max(120),
  /** The workstation's HLC node id, so the server can tell devices apart in its op log. */
  nodeId: z.string().regex(/^[0-9a-f]{16}$/),
  /**
   * Only with an upload code: the id and name of the centre this workstation already holds
   * data for. The server's (still empty) centre takes this id, so the local rows keep
   * theirs and the workstation then pushes its whole outbox.
   */
  localCentre: z.strictObject({ id: Uuid, name: z.string().min(1).max(200) }).optional(),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.strictObject({
  deviceId: Uuid,
  /** 256 random bits, base64url. Shown once; the server keeps only its SHA-256. */
  token: z.string().min(40),
  role: DeviceRole,
  /** null for a national device. */
  centreId: Uuid.nullable(),
  centreName: z.string().nullable(),
  /** 'bootstrap': fetch a snapshot first. 'upload': push the local outbox, then pull. */
  mode: z.enum(['bootstrap', 'upload']),
  serverTime: ServerTime,
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const PushRequest = z.strictObject({
  client: ClientInfo,
  ops: z.array(WireOp).max(MAX_PUSH_OPS),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const RejectReason = z.enum([
  'unknown-table',
  'unknown-column',
  'bad-value',
  /** The row belongs to another centre, or is national and the device is not. */
  'forbidden',
  /** centre_id of an existing row cannot change. */
  'centre-immutable',
  /** The first op of a row that the server has never seen does not say its centre. */
  'unknown-row',
  /** Stamped more than MAX_CLOCK_AHEAD_MS ahead of the server: set aside, reported. */
  'clock-ahead',
  'read-only-device',
]);
export type RejectReason = z.infer<typeof RejectReason>;

export const PushResponse = z.strictObject({
  /** Ops now stored on the server (including ones it already had: pushes are idempotent). */
  accepted: z.array(Uuid),
  rejected: z.array(z.strictObject({ opId: Uuid, reason: RejectReason, message: z.string() })),
  serverTime: ServerTime,
});
export type PushResponse = z.infer<typeof PushResponse>;

/**
 * An opaque, URL-safe position in the server's commit order. The server never hands out a
 * cursor beyond an op whose transaction might still commit (DESIGN.md, Sync).
 */
export const Cursor = z.string().max(200);

export const PullResponse = z.strictObject({
  ops: z.array(WireOp),
  cursor: Cursor,
  /** More ops are ready now: pull again at once. */
  hasMore: z.boolean(),
  serverTime: ServerTime,
});
export type PullResponse = z.infer<typeof PullResponse>;

/** One current row with each cell's value (JSON text, as in WireOp) and winning stamp. */
export const SnapshotRow = z.strictObject({
  tbl: Identifier,
  rowId: Uuid,
  cells: z.record(Identifier, z.strictObject({ value: z.string(), hlc: Hlc })),
});
export type SnapshotRow = z.infer<typeof SnapshotRow>;

/**
 * Bootstrap: `GET /v1/sync/snapshot` opens a snapshot and returns its first page; the
 * following pages are `GET /v1/sync/snapshot?snapshot=<id>&after=<next>`. `cursor` is the
 * pull cursor taken in the same database snapshot as the rows: pulling from it afterwards
 * misses nothing and replays nothing older. Tables come in dependency order (parents first).
 */
export const SnapshotPage = z.strictObject({
  snapshot: z.string().max(200),
  cursor: Cursor,
  rows: z.array(SnapshotRow),
  /** Where the next page starts, or null after the last page. */
  next: z.string().max(300).nullable(),
  /** Rows in the whole snapshot, for the progress bar. */
  totalRows: z.number().int().nonnegative(),
  serverTime: ServerTime,
});
export type SnapshotPage = z.infer<typeof SnapshotPage>;

/**
 * Every error answer is `{ error, message }`; the HTTP status goes with the code:
 * invalid 400 (or 415 for a body that is not JSON) · code-invalid 400 · unauthorized 401 (no,
 * unknown or revoked token) · forbidden 403 (a centre's device asking for the national
 * report; refused ops are reported per op in a push answer instead) · not-found 404 ·
 * code-used 409 · centre-not-empty 409 · code-expired 410 · snapshot-expired 410 ·
 * too-large 413 · upgrade-required 426 · rate-limited 429 · internal 500 (the server's own
 * fault; retry later).
 * `message` is for people; clients decide on `error` and the status, never on the words.
 */
export const SyncErrorCode = z.enum([
  'invalid',
  'unauthorized',
  'forbidden',
  'not-found',
  'upgrade-required',
  'code-invalid',
  'code-expired',
  'code-used',
  'centre-not-empty',
  'rate-limited',
  'snapshot-expired',
  'too-large',
  'internal',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;
export const SyncError = z.strictObject({ error: SyncErrorCode, message: z.string() });
export type SyncError = z.infer<typeof SyncError>;
