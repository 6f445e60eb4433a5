/**
 * Applies cells that come from the server (pulled ops, snapshot rows) to SQLite, with the
 * one merge rule both sides use (shared/sync/merge.ts): an incoming op wins over the stored
 * cell iff its stamp is greater. One page is one transaction, together with whatever must
 * move with it (the pull cursor, the bootstrap's position), so a failure mid-page leaves
 * neither the rows nor the cursor half-moved.
 *
 * Applying the same ops in any order, any number of times, gives the same rows and cell
 * clocks: a row that does not exist yet is first written as a placeholder that is the same
 * whatever op creates it (deleted, epoch timestamps, other fields empty; no cell clocks, so
 * the row's own ops overwrite it), and a referenced parent that has not arrived yet gets the
 * same placeholder, whether or not the op referring to it wins (foreign keys are checked at
 * commit, and the parent may come in a later page). Remote stamps are folded into the local
 * clock, so later local edits sort after them.
 *
 * A bootstrap's snapshot brings whole rows, nearly all of them new here: such a row is
 * written with one INSERT (and its cell clocks) instead of a placeholder and one UPDATE per
 * column, which ends in the same row, clocks, history and search index at half the cost
 * (bench/sync.ts). A row this database already has goes cell by cell like pulled ops.
 */
import type Database from 'better-sqlite3';
import { isTableName } from '../../shared/schema/tables.js';
import { incomingWins } from '../../shared/sync/merge.js';
import type { SnapshotRow, WireOp } from '../../shared/sync/protocol.js';
import type { SqlValue } from '../db/rows.js';
import type { LocalClock } from './local-clock.js';
import { columnType, decodeValue } from './remote-values.js';

/** One incoming cell: a pulled op, or a cell of a snapshot row (which has no op id). */
export interface RemoteCell {
  opId: string | null;
  tbl: string;
  rowId: string;
  col: string;
  /** JSON text of the SQL value. */
  value: string;
  hlc: string;
}

export interface ApplyResult {
  /** Cells looked at. */
  received: number;
  /** Cells that won and were written. */
  applied: number;
  /** Cells older than (or equal to) what is stored: nothing changed. */
  lost: number;
  /** Cells this version cannot store, kept in sync_unapplied. */
  unapplied: number;
  /** Tables whose rows changed (for data.changed). */
  tables: Set<string>;
}

export interface ApplyOptions {
  clock: LocalClock;
  now: () => Date;
  /** Runs inside the page's transaction after the cells (moves the cursor, etc.). */
  alsoInTransaction?: () => void;
}

/** Placeholder timestamps of a row whose own created_at/updated_at have not arrived yet. */
export const PLACEHOLDER_TIME = '1970-01-01T00:00:00.000Z';
/** The base columns of a placeholder row (`ensureRow`), for a new row whose own did not come. */
const PLACEHOLDER_BASE: readonly [string, SqlValue][] = [
  ['created_at', PLACEHOLDER_TIME],
  ['updated_at', PLACEHOLDER_TIME],
  ['deleted', 1],
];

export function applyRemoteOps(db: Database.Database, ops: readonly WireOp[], opts: ApplyOptions): ApplyResult {
  return applyRemoteCells(db, ops, opts);
}

export function snapshotCells(rows: readonly SnapshotRow[]): RemoteCell[] {
  return rows.flatMap((row) =>
    Object.entries(row.cells).map(([col, cell]) => ({
      opId: null,
      tbl: row.tbl,
      rowId: row.rowId,
      col,
      value: cell.value,
      hlc: cell.hlc,
    })),
  );
}

export function applyRemoteCells(db: Database.Database, cells: readonly RemoteCell[], opts: ApplyOptions): ApplyResult {
  return applyInTransaction(db, opts, (page) => {
    for (const cell of cells) page.cell(cell);
  });
}

/** A snapshot page: rows new here are inserted whole, the others applied cell by cell. */
export function applySnapshotRows(db: Database.Database, rows: readonly SnapshotRow[], opts: ApplyOptions): ApplyResult {
  return applyInTransaction(db, opts, (page) => {
    for (const row of rows) {
      const cells: RemoteCell[] = Object.entries(row.cells).map(([col, cell]) => ({
        opId: null,
        tbl: row.tbl,
        rowId: row.rowId,
        col,
        value: cell.value,
        hlc: cell.hlc,
      }));
      if (!page.newRow(row.tbl, row.rowId, cells)) for (const cell of cells) page.cell(cell);
    }
  });
}

interface PageApplier {
  /** One cell by the merge rule. */
  cell(cell: RemoteCell): void;
  /** Inserts a row this database has no trace of, whole; false (nothing done) for any other row. */
  newRow(tbl: string, rowId: string, cells: readonly RemoteCell[]): boolean;
}

/** One page in one transaction: the cells, the newest stamp folded into the clock, `alsoInTransaction`. */
function applyInTransaction(db: Database.Database, opts: ApplyOptions, body: (page: PageApplier) => void): ApplyResult {
  const applier = applierFor(db);
  const result: ApplyResult = { received: 0, applied: 0, lost: 0, unapplied: 0, tables: new Set() };
  db.transaction(() => {
    const at = opts.now().toISOString();
    const createdHere = new Set<string>();
    let newest: string | null = null;
    const seen = (cells: readonly RemoteCell[]) => {
      result.received += cells.length;
      for (const cell of cells) if (newest === null || cell.hlc > newest) newest = cell.hlc;
    };
    body({
      cell(cell) {
        seen([cell]);
        applier.apply(cell, at, result, createdHere);
      },
      newRow(tbl, rowId, cells) {
        if (!applier.insertNewRow(tbl, rowId, cells, at, result, createdHere)) return false;
        seen(cells);
        return true;
      },
    });
    if (newest !== null) opts.clock.receive(newest);
    opts.alsoInTransaction?.();
  })();
  return result;
}

/**
 * Tries again the ops an older version could not store (after an upgrade that added their
 * table or column). Those that now apply, or lose, leave sync_unapplied.
 */
export function retryUnapplied(db: Database.Database, opts: ApplyOptions): ApplyResult {
  const kept = db
    .prepare('SELECT op_id AS opId, tbl, row_id AS rowId, col, value, hlc FROM sync_unapplied ORDER BY hlc')
    .all() as RemoteCell[];
  const storable = kept.filter((c) => {
    const type = columnType(c.tbl, c.col);
    return type !== null && decodeValue(type, c.value).ok;
  });
  if (storable.length === 0) return { received: 0, applied: 0, lost: 0, unapplied: 0, tables: new Set() };
  const remove = db.prepare('DELETE FROM sync_unapplied WHERE op_id = ?');
  return applyRemoteCells(db, storable, {
    ...opts,
    alsoInTransaction: () => {
      for (const c of storable) remove.run(c.opId);
      opts.alsoInTransaction?.();
    },
  });
}

const appliers = new WeakMap<Database.Database, RemoteApplier>();
function applierFor(db: Database.Database): RemoteApplier {
  let applier = appliers.get(db);
  if (!applier) appliers.set(db, (applier = new RemoteApplier(db)));
  return applier;
}

/** Prepared statements and the schema's foreign keys, per database. */
class RemoteApplier {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly parents = new Map<string, Map<string, string>>();

  constructor(private readonly db: Database.Database) {}

  apply(cell: RemoteCell, at: string, result: ApplyResult, createdHere: Set<string>): void {
    if (cell.col === 'id') {
      // The row id travels as the op's rowId; an explicit id op carries nothing more.
      result.lost++;
      return;
    }
    const type = columnType(cell.tbl, cell.col);
    if (!type) return this.keepAside(cell, `this version of the app does not know ${cell.tbl}.${cell.col}`, at, result);
    const decoded = decodeValue(type, cell.value);
    if (!decoded.ok) return this.keepAside(cell, `${cell.tbl}.${cell.col}: ${decoded.problem}`, at, result);
    const value = decoded.value;

    // A referenced parent must exist at commit; the same placeholder whether this op wins or not.
    const parent = this.parentsOf(cell.tbl).get(cell.col);
    if (parent && typeof value === 'string') this.ensureRow(parent, value);

    const stored = this.stmt('SELECT hlc FROM cell_clock WHERE tbl = ? AND row_id = ? AND col = ?').get(
      cell.tbl,
      cell.rowId,
      cell.col,
    ) as { hlc: string } | undefined;
    if (!incomingWins(cell.hlc, stored?.hlc)) {
      result.lost++;
      return;
    }

    const key = `${cell.tbl}/${cell.rowId}`;
    // New here: inserted now, or a placeholder (made for a child that came first) still
    // without any cell of its own.
    const created = this.ensureRow(cell.tbl, cell.rowId) || (!createdHere.has(key) && !this.hasCells(cell.tbl, cell.rowId));
    if (created) {
      createdHere.add(key);
      this.history(cell.tbl, cell.rowId, '*', null, 'created', at);
    }
    const old = createdHere.has(key)
      ? undefined
      : (this.stmt(`SELECT ${cell.col} AS v FROM ${cell.tbl} WHERE id = ?`).get(cell.rowId) as { v: SqlValue }).v;
    this.stmt(`UPDATE ${cell.tbl} SET ${cell.col} = ? WHERE id = ?`).run(value, cell.rowId);
    this.stmt(
      'INSERT INTO cell_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc',
    ).run(cell.tbl, cell.rowId, cell.col, cell.hlc);
    if (old !== undefined && old !== value) this.history(cell.tbl, cell.rowId, cell.col, old, value, at);
    result.tables.add(cell.tbl);
    result.applied++;
  }

  /**
   * Writes a row that is not here at all (no row, no placeholder, no cell clocks) with one
   * INSERT of its cells, as `apply` of each cell would leave it: every cell wins (nothing is
   * stored), base columns that did not come keep their placeholder values, other columns
   * their defaults; unknown or undecodable cells are kept aside, parents get placeholders.
   * Returns false, having done nothing, for any other row.
   */
  insertNewRow(
    tbl: string,
    rowId: string,
    cells: readonly RemoteCell[],
    at: string,
    result: ApplyResult,
    createdHere: Set<string>,
  ): boolean {
    if (!isTableName(tbl)) return false;
    if (this.stmt(`SELECT 1 FROM ${tbl} WHERE id = ?`).get(rowId) !== undefined || this.hasCells(tbl, rowId)) return false;
    // A cell naming the row itself as its parent would need the placeholder first.
    const parents = this.parentsOf(tbl);
    if (cells.some((c) => parents.get(c.col) === tbl && c.value === JSON.stringify(rowId))) return false;

    const winners: { cell: RemoteCell; value: SqlValue }[] = [];
    for (const cell of cells) {
      if (cell.col === 'id') {
        result.lost++;
        continue;
      }
      const type = columnType(tbl, cell.col);
      if (!type) {
        this.keepAside(cell, `this version of the app does not know ${tbl}.${cell.col}`, at, result);
        continue;
      }
      const decoded = decodeValue(type, cell.value);
      if (!decoded.ok) {
        this.keepAside(cell, `${tbl}.${cell.col}: ${decoded.problem}`, at, result);
        continue;
      }
      const parent = parents.get(cell.col);
      if (parent && typeof decoded.value === 'string') this.ensureRow(parent, decoded.value);
      winners.push({ cell, value: decoded.value });
    }
    if (winners.length === 0) return true;

    const columns = winners.map((w) => w.cell.col);
    const values: SqlValue[] = winners.map((w) => w.value);
    for (const [col, placeholder] of PLACEHOLDER_BASE) {
      if (columns.includes(col)) continue;
      columns.push(col);
      values.push(placeholder);
    }
    this.stmt(`INSERT INTO ${tbl} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`).run(rowId, ...values);
    const clock = this.stmt(
      'INSERT INTO cell_clock (tbl, row_id, col, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc',
    );
    for (const { cell } of winners) clock.run(tbl, rowId, cell.col, cell.hlc);
    createdHere.add(`${tbl}/${rowId}`);
    this.history(tbl, rowId, '*', null, 'created', at);
    result.tables.add(tbl);
    result.applied += winners.length;
    return true;
  }

  /** Inserts the placeholder row if there is none; true when it did. */
  private ensureRow(tbl: string, id: string): boolean {
    const info = this.stmt(
      `INSERT INTO ${tbl} (id, created_at, updated_at, deleted) VALUES (?, '${PLACEHOLDER_TIME}', '${PLACEHOLDER_TIME}', 1) ON CONFLICT (id) DO NOTHING`,
    ).run(id);
    return info.changes > 0;
  }

  private hasCells(tbl: string, rowId: string): boolean {
    return this.stmt('SELECT 1 FROM cell_clock WHERE tbl = ? AND row_id = ? LIMIT 1').get(tbl, rowId) !== undefined;
  }

  private keepAside(cell: RemoteCell, problem: string, at: string, result: ApplyResult): void {
    this.stmt(
      'INSERT OR IGNORE INTO sync_unapplied (op_id, tbl, row_id, col, value, hlc, problem, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      cell.opId ?? `${cell.tbl}/${cell.rowId}/${cell.col}@${cell.hlc}`,
      cell.tbl,
      cell.rowId,
      cell.col,
      cell.value,
      cell.hlc,
      problem,
      at,
    );
    result.unapplied++;
  }

  private history(tbl: string, rowId: string, col: string, oldValue: SqlValue, newValue: SqlValue, at: string): void {
    this.stmt(
      "INSERT INTO row_history (tbl, row_id, col, old_value, new_value, user_id, at, source) VALUES (?, ?, ?, ?, ?, NULL, ?, 'sync')",
    ).run(tbl, rowId, col, JSON.stringify(oldValue), JSON.stringify(newValue), at);
  }

  /** column → parent table, from the schema's own foreign keys. */
  private parentsOf(tbl: string): Map<string, string> {
    let map = this.parents.get(tbl);
    if (!map) {
      map = new Map();
      if (isTableName(tbl)) {
        for (const fk of this.db.pragma(`foreign_key_list(${tbl})`) as { from: string; table: string }[])
          map.set(fk.from, fk.table);
      }
      this.parents.set(tbl, map);
    }
    return map;
  }

  private stmt(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}
