/**
 * `GET /v1/sync/snapshot`: a new workstation's bootstrap, read from the current state
 * (`cells`), never by replaying the log.
 *
 * The first page takes the pull cursor *before* it reads any row (pull.ts
 * `committedPosition`), then pages through rows in table dependency order
 * (shared/schema/tables.ts `tableNames`: parents first) and by row id within a table. Each
 * page is its own short query, so rows read on later pages may already include ops newer
 * than the cursor; the workstation pulls those ops again afterwards, and since the merge
 * rule is idempotent (an equal stamp changes nothing) that costs nothing. What the cursor
 * guarantees is the other direction: no op at or before it is missing from the rows.
 *
 * The snapshot id and the `next` position are opaque tokens that carry their own state (the
 * cursor, the row count, when the snapshot began; the last table and row sent), so the
 * server keeps nothing between pages. A snapshot is good for SNAPSHOT_TTL_MS.
 */
import { tableNames, tables, type TableName } from '../../shared/schema/tables.js';
import type { SnapshotRow } from '../../shared/sync/protocol.js';
import type { Device } from '../auth/device-auth.js';
import { ApiError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import { LOG_START, encodeCursor } from './cursor.js';
import { committedPosition } from './pull.js';
import { readScopeParam, readableCentresSql } from './scope.js';

export const SNAPSHOT_TTL_MS = 24 * 60 * 60 * 1000;

interface SnapshotState {
  cursor: string;
  totalRows: number;
  startedAt: number;
}

/** Where a page starts: after `rowId` in `tbl` (null: at the table's first row). */
interface PagePosition {
  tbl: TableName;
  rowId: string | null;
}

export interface SnapshotPageResult {
  snapshot: string;
  cursor: string;
  rows: SnapshotRow[];
  next: string | null;
  totalRows: number;
}

export async function startSnapshot(db: Db, device: Device, limit: number, now: Date): Promise<SnapshotPageResult> {
  const cursor = encodeCursor((await committedPosition(db)) ?? LOG_START);
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cells c WHERE c.col = 'centre_id' AND ${readableCentresSql('c', 1)}`,
    [readScopeParam(device)],
  );
  const state: SnapshotState = { cursor, totalRows: count?.n ?? 0, startedAt: now.getTime() };
  return readPage(db, device, state, { tbl: tableNames[0]!, rowId: null }, limit);
}

export async function continueSnapshot(
  db: Db,
  device: Device,
  snapshot: string,
  after: string,
  limit: number,
  now: Date,
): Promise<SnapshotPageResult> {
  const state = decodeToken(snapshot, isSnapshotState);
  if (!state) throw new ApiError(400, 'invalid', 'snapshot: not a snapshot id from this server');
  if (now.getTime() - state.startedAt > SNAPSHOT_TTL_MS) {
    throw new ApiError(410, 'snapshot-expired', 'This snapshot is too old; start the bootstrap again');
  }
  const position = decodeToken(after, isPagePosition);
  if (!position) throw new ApiError(400, 'invalid', 'after: not a position from this snapshot');
  return readPage(db, device, state, position, limit);
}

async function readPage(
  db: Db,
  device: Device,
  state: SnapshotState,
  from: PagePosition,
  limit: number,
): Promise<SnapshotPageResult> {
  const rows: SnapshotRow[] = [];
  let next: PagePosition | null = null;
  const first = tableNames.indexOf(from.tbl);
  for (let t = first; t < tableNames.length; t++) {
    const position: PagePosition = t === first ? from : { tbl: tableNames[t]!, rowId: null };
    const found = await readTableRows(db, device, position, limit - rows.length);
    rows.push(...found);
    if (rows.length >= limit) {
      next = { tbl: position.tbl, rowId: found.at(-1)!.rowId };
      break;
    }
  }
  return {
    snapshot: encodeToken(state),
    cursor: state.cursor,
    rows,
    next: next ? encodeToken(next) : null,
    totalRows: state.totalRows,
  };
}

/**
 * Up to `limit` rows of one table after a position. Rows are found by their `centre_id`
 * cell (every stored row has exactly one), then all cells in that row-id range are read:
 * every cell of a row has the row's centre, so the range holds exactly those rows' cells.
 *
 * Both reads must walk an index in row order and stop after one page. Without table
 * statistics (PGlite has no autovacuum, so its tables are never analysed; and a centre that
 * was just uploaded is missing from statistics taken earlier) the planner expects a handful
 * of rows and prefers a bitmap scan and a sort, which reads every remaining row of the
 * table for each page: a bootstrap then grows with the square of the centre's size (bench/sync.ts).
 * So bitmap scans are off for these two queries, and a centre's device reads its centre's rows
 * and, in the tables that have national rows, the national ones, as two ordered index scans
 * merged (as pull.ts reads the log). (Looking for national rows where there can be none would
 * walk the whole table for nothing on every page.)
 */
async function readTableRows(db: Db, device: Device, from: PagePosition, limit: number): Promise<SnapshotRow[]> {
  const scope = readScopeParam(device);
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL enable_bitmapscan = off');
    const sql = pageIdsSql({
      centre: scope !== null,
      national: tables[from.tbl].scope === 'centre-or-national',
      after: from.rowId !== null,
    });
    const ids = await tx.query<{ row_id: string }>(sql, [
      from.tbl,
      limit,
      ...(scope !== null ? [scope] : []),
      ...(from.rowId !== null ? [from.rowId] : []),
    ]);
    if (ids.length === 0) return [];
    const cells = await tx.query<{ row_id: string; col: string; value: string; hlc: string }>(
      `SELECT c.row_id::text AS row_id, c.col, c.value, c.hlc FROM cells c
        WHERE c.tbl = $1 AND c.row_id >= $2::uuid AND c.row_id <= $3::uuid AND ${readableCentresSql('c', 4)}
        ORDER BY c.row_id, c.col`,
      [from.tbl, ids[0]!.row_id, ids.at(-1)!.row_id, scope],
    );
    const byRow = new Map<string, SnapshotRow>(ids.map(({ row_id }) => [row_id, { tbl: from.tbl, rowId: row_id, cells: {} }]));
    for (const cell of cells) {
      // A row created between the two queries is left to the pull that follows the snapshot.
      const row = byRow.get(cell.row_id);
      if (row) row.cells[cell.col] = { value: cell.value, hlc: cell.hlc };
    }
    return [...byRow.values()];
  });
}

/**
 * The ids of a page's rows: `$1` table, `$2` limit, then `$3` the device's centre (`centre`:
 * its rows, plus the national ones if the table has any; else every centre's rows) and the
 * row id to start after (`after`; else the table's first page).
 */
function pageIdsSql(opts: { centre: boolean; national: boolean; after: boolean }): string {
  const afterParam = opts.centre ? '$4' : '$3';
  const scan = (centre: string) => `(SELECT c.row_id FROM cells c
      WHERE c.tbl = $1 AND c.col = 'centre_id' AND ${centre}${opts.after ? ` AND c.row_id > ${afterParam}::uuid` : ''}
      ORDER BY c.row_id LIMIT $2)`;
  const scans = opts.centre
    ? [scan('c.centre_id = $3::uuid'), ...(opts.national ? [scan('c.centre_id IS NULL')] : [])]
    : [scan('TRUE')];
  return `SELECT page.row_id::text AS row_id FROM (${scans.join(' UNION ALL ')}) page ORDER BY page.row_id LIMIT $2`;
}

function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

function decodeToken<T>(token: string, isValid: (value: unknown) => value is T): T | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(token)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}

function isSnapshotState(value: unknown): value is SnapshotState {
  const v = value as Partial<SnapshotState> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.cursor === 'string' &&
    v.cursor.length <= 200 &&
    Number.isSafeInteger(v.totalRows) &&
    Number.isSafeInteger(v.startedAt)
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function isPagePosition(value: unknown): value is PagePosition {
  const v = value as Partial<PagePosition> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.tbl === 'string' &&
    (tableNames as string[]).includes(v.tbl) &&
    (v.rowId === null || (typeof v.rowId === 'string' && UUID.test(v.rowId)))
  );
}
