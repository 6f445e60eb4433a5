/**
 * The one place that writes synced rows. Every insert, update and tombstone writes, in the
 * caller's transaction: the row, one outbox op per changed column, the cell's clock and a
 * history entry. Services never write synced tables with their own SQL, so none can forget
 * the outbox.
 */
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { StoredTable } from '../../shared/schema/table.js';
import type { LocalClock } from '../sync/local-clock.js';

export type SqlValue = string | number | null;
type Fields = Record<string, unknown>;

const BASE_COLUMNS = ['id', 'centre_id', 'created_at', 'updated_at', 'deleted'] as const;

export interface WriteMeta {
  userId: string | null;
  centreId?: string | null;
  /** Used by imports and seeding to keep one timestamp for a batch; defaults to now. */
  at?: string;
}

export class RowStore {
  private readonly statements = new Map<string, Database.Statement>();
  /** Tables written since the router last looked: it tells the UI which lists to refetch. */
  readonly touched = new Set<string>();

  /** Set by `backdated`: the time written rows are created or updated at. */
  private timeOverride: Date | null = null;

  constructor(
    readonly db: Database.Database,
    private readonly clock: LocalClock,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Runs `write` with rows' created_at/updated_at (and history times) set to `at`, as if it
   * had been typed in then. Only the demo seed uses it, to give its records a past (a
   * startup applied last year, inducted in spring); sync stamps (HLC) stay real.
   */
  backdated<T>(at: Date, write: () => T): T {
    const previous = this.timeOverride;
    this.timeOverride = at;
    try {
      return write();
    } finally {
      this.timeOverride = previous;
    }
  }

  private writeTime(meta: WriteMeta): string {
    return meta.at ?? (this.timeOverride ?? this.now()).toISOString();
  }

  /** Inserts a new row (all fields given, missing ones null) and returns it decoded. */
  insert<T extends Fields>(spec: StoredTable, fields: Fields, meta: WriteMeta & { id?: string }): T {
    const id = meta.id ?? uuidv7();
    const at = this.writeTime(meta);
    const values: Record<string, SqlValue> = {
      id,
      centre_id: meta.centreId ?? null,
      created_at: at,
      updated_at: at,
      deleted: 0,
    };
    for (const [column, { field }] of Object.entries(spec.columns)) {
      values[column] = encodeValue(spec, column, fields[field] ?? null);
    }
    const columns = Object.keys(values);
    this.statement(`INSERT INTO ${spec.name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...columns.map((c) => values[c]),
    );
    const hlc = this.clock.tick();
    this.recordOps(
      spec.name,
      id,
      columns.filter((c) => c !== 'id'),
      values,
      hlc,
      INSERT_CLOCK_COLUMNS,
    );
    this.recordHistory(spec.name, id, '*', null, 'created', meta.userId, at);
    return decodeRow(spec, values) as T;
  }

  /**
   * Applies a patch of fields; only columns whose stored value changes are written and
   * produce ops. Returns the row after the change, or null if there is no such row.
   */
  update<T extends Fields>(spec: StoredTable, id: string, patch: Fields, meta: WriteMeta): T | null {
    const current = this.getRaw(spec.name, id);
    if (!current) return null;
    const changes: Record<string, SqlValue> = {};
    for (const [field, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const column = spec.columnOf[field];
      if (!column) throw new Error(`Unknown field ${field} on ${spec.name}`);
      const encoded = encodeValue(spec, column, value);
      if (encoded !== current[column]) changes[column] = encoded;
    }
    return this.writeChanges(spec, current, changes, meta) as T;
  }

  /** Marks a row deleted; the tombstone syncs like any other field. */
  tombstone(spec: StoredTable, id: string, meta: WriteMeta): boolean {
    const current = this.getRaw(spec.name, id);
    if (!current) return false;
    if (current.deleted === 1) return true;
    this.writeChanges(spec, current, { deleted: 1 }, meta);
    return true;
  }

  getRaw(table: string, id: string): Record<string, SqlValue> | undefined {
    return this.statement(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, SqlValue> | undefined;
  }

  get<T extends Fields>(spec: StoredTable, id: string): T | null {
    const raw = this.getRaw(spec.name, id);
    return raw ? (decodeRow(spec, raw) as T) : null;
  }

  /** A cached prepared statement (better-sqlite3 statements are reusable and fast). */
  statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private writeChanges(
    spec: StoredTable,
    current: Record<string, SqlValue>,
    changes: Record<string, SqlValue>,
    meta: WriteMeta,
  ): Fields {
    const id = current.id as string;
    const columns = Object.keys(changes);
    if (columns.length === 0) return decodeRow(spec, current);
    const at = this.writeTime(meta);
    changes.updated_at = at;
    const all = Object.keys(changes);
    this.statement(`UPDATE ${spec.name} SET ${all.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
      ...all.map((c) => changes[c]),
      id,
    );
    const hlc = this.clock.tick();
    this.recordOps(spec.name, id, all, changes, hlc);
    for (const column of columns) {
      this.recordHistory(spec.name, id, column, current[column] ?? null, changes[column] ?? null, meta.userId, at);
    }
    return decodeRow(spec, { ...current, ...changes });
  }

  /**
   * One outbox op per column and the cell clocks, each kind written by a single multi-row
   * INSERT: a 30,000-row import writes hundreds of thousands of ops, and one statement per
   * row instead of one per cell takes a fifth off its write (bench/import.ts). The ops keep
   * the columns' order in the outbox. `clockColumns` (default: every column) are the cells
   * whose clock is written.
   */
  private recordOps(
    table: string,
    rowId: string,
    columns: readonly string[],
    values: Record<string, SqlValue>,
    hlc: string,
    clockColumns: readonly string[] = columns,
  ): void {
    if (columns.length === 0) return;
    this.touched.add(table);
    const ops: SqlValue[] = [];
    for (const column of columns) ops.push(uuidv7(), table, rowId, column, JSON.stringify(values[column] ?? null), hlc);
    const clocks: SqlValue[] = [];
    for (const column of clockColumns) clocks.push(table, rowId, column, hlc);
    this.statement(opsSql(columns.length)).run(...ops);
    this.statement(clocksSql(clockColumns.length)).run(...clocks);
  }

  private recordHistory(
    table: string,
    rowId: string,
    column: string,
    oldValue: SqlValue,
    newValue: SqlValue,
    userId: string | null,
    at: string,
  ): void {
    this.statement(
      "INSERT INTO row_history (tbl, row_id, col, old_value, new_value, user_id, at, source) VALUES (?, ?, ?, ?, ?, ?, ?, 'local')",
    ).run(table, rowId, column, JSON.stringify(oldValue), JSON.stringify(newValue), userId, at);
  }
}

/**
 * A row inserted here gets the clock of one cell only, `deleted`, which marks it as a row
 * with cells of its own (core/sync/apply-remote.ts tells placeholders by their lack of any).
 * The other cells need none: nobody else knows the new row's id before receiving its ops,
 * and a device that received them follows their stamp (hybrid logical clock), so any remote
 * change to the row is stamped later than the insert and must win over it, which is what a
 * cell without a clock does. Our own ops coming back from the server carry the same values
 * and set the clocks then; a later local change writes its cell's clock as usual. This
 * saves about fourteen clock rows per trainee: a third of an import's writing.
 */
const INSERT_CLOCK_COLUMNS = ['deleted'] as const;

const tuples = (rows: number, width: number) =>
  Array.from({ length: rows }, () => `(${Array(width).fill('?').join(', ')})`).join(', ');
const opsSqlFor = new Map<number, string>();
const clocksSqlFor = new Map<number, string>();

/** INSERT of `n` outbox ops (one statement text per n, so the prepared statement is reused). */
function opsSql(n: number): string {
  let sql = opsSqlFor.get(n);
  if (!sql) opsSqlFor.set(n, (sql = `INSERT INTO outbox (op_id, tbl, row_id, col, value, hlc) VALUES ${tuples(n, 6)}`));
  return sql;
}

/** Upsert of `n` cell clocks (distinct columns of one row). */
function clocksSql(n: number): string {
  let sql = clocksSqlFor.get(n);
  if (!sql) {
    sql = `INSERT INTO cell_clock (tbl, row_id, col, hlc) VALUES ${tuples(n, 4)} ON CONFLICT (tbl, row_id, col) DO UPDATE SET hlc = excluded.hlc`;
    clocksSqlFor.set(n, sql);
  }
  return sql;
}

export function encodeValue(spec: StoredTable, column: string, value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  const kind = spec.columns[column]?.kind ?? 'text';
  switch (kind) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    case 'int':
    case 'real':
      return value as number;
    default:
      return String(value);
  }
}

/** SQL row (snake_case, 0/1, JSON text) → API record (camelCase, booleans, arrays). */
export function decodeRow(spec: StoredTable, raw: Record<string, SqlValue>): Fields {
  const out: Fields = {
    id: raw.id,
    centreId: raw.centre_id ?? null,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    deleted: raw.deleted === 1,
  };
  for (const [column, { field, kind }] of Object.entries(spec.columns)) {
    const value = raw[column];
    if (value === null || value === undefined) out[field] = kind === 'json' ? [] : kind === 'bool' ? false : null;
    else if (kind === 'bool') out[field] = value === 1;
    else if (kind === 'json') out[field] = JSON.parse(value as string);
    else out[field] = value;
  }
  return out;
}

export { BASE_COLUMNS };
