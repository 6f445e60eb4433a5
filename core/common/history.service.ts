/**
 * The History tab (every field change of one record, with who made it) and the audit log
 * (reveals of personal data, locks, role changes…), newest first, with user names.
 */
import { fail } from '../../shared/api/errors.js';
import type { AuditEntry, HistoryEntry } from '../../shared/api/common.js';
import type { ParsedInputOf } from '../../shared/api/index.js';
import type { Page } from '../../shared/records/base.js';
import type { StoredTable } from '../../shared/schema/table.js';
import { isTableName, tables, type TableName } from '../../shared/schema/tables.js';
import type { Ctx } from '../context.js';
import { maskPersonal, type PersonalFields } from '../records/personal-data.js';
import { PERSONAL_FIELDS, SECRET_FIELDS } from './personal-fields.js';

type HistoryRow = {
  id: number;
  tbl: string;
  row_id: string;
  col: string;
  old_value: string | null;
  new_value: string | null;
  user_id: string | null;
  user_name: string | null;
  at: string;
  source: 'local' | 'sync';
};

const BASE_FIELDS: Record<string, { field: string; kind: 'text' | 'bool' }> = {
  centre_id: { field: 'centreId', kind: 'text' },
  created_at: { field: 'createdAt', kind: 'text' },
  updated_at: { field: 'updatedAt', kind: 'text' },
  deleted: { field: 'deleted', kind: 'bool' },
};

/** Reads a stored JSON text back, or gives it as it is if it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A logged value as the records show it. row_history keeps the SQL value as JSON (so 1 for
 * true, and the text '["python"]' for a tag list); decoding it by the column's kind gives
 * the same shapes as the API's records. Personal values are masked and secret ones hidden,
 * because anyone who may read a record may read its history.
 */
function presentValue(table: TableName, field: string, kind: string, logged: string | null): unknown {
  if (SECRET_FIELDS[table]?.includes(field)) return null;
  const value = logged === null ? null : parseJson(logged);
  if (value === null) return null;
  const personalKind = (PERSONAL_FIELDS as Partial<Record<TableName, PersonalFields>>)[table]?.[field];
  if (personalKind) return typeof value === 'string' ? maskPersonal({ [field]: value }, { [field]: personalKind })[field] : null;
  if (kind === 'bool' && typeof value === 'number') return value === 1;
  if (kind === 'json' && typeof value === 'string') return parseJson(value);
  return value;
}

/**
 * The changes of one row, newest first. `column` is the record's field name (camelCase,
 * as in the API and in error paths), or '*' for the entry that records the row's creation.
 */
export function rowHistory(ctx: Ctx, input: ParsedInputOf<'history.list'>): HistoryEntry[] {
  // The table name only selects rows (it is a bound parameter), but an unknown name is a
  // caller's mistake worth saying, not an empty history.
  if (!isTableName(input.table)) throw fail.field(['table'], 'Unknown table');
  const table = input.table;
  const spec: StoredTable = tables[table];
  const rows = ctx.rows
    .statement(
      `SELECT h.id, h.tbl, h.row_id, h.col, h.old_value, h.new_value, h.user_id, u.name AS user_name, h.at, h.source
       FROM row_history h LEFT JOIN users u ON u.id = h.user_id
       WHERE h.tbl = ? AND h.row_id = ?
       ORDER BY h.id DESC
       LIMIT ?`,
    )
    .all(table, input.rowId, input.limit) as HistoryRow[];
  return rows.map((r) => {
    const column = spec.columns[r.col] ?? BASE_FIELDS[r.col];
    const field = column?.field ?? r.col;
    const kind = column?.kind ?? 'text';
    return {
      id: r.id,
      tbl: r.tbl,
      rowId: r.row_id,
      column: field,
      oldValue: presentValue(table, field, kind, r.old_value),
      newValue: presentValue(table, field, kind, r.new_value),
      userId: r.user_id,
      userName: r.user_name,
      at: r.at,
      source: r.source,
    };
  });
}

type AuditRow = {
  id: number;
  at: string;
  user_id: string | null;
  user_name: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
};

/** One page of the audit log, newest first (by entry order, which a wrong clock cannot upset). */
export function auditPage(ctx: Ctx, input: ParsedInputOf<'audit.list'>): Page<AuditEntry> {
  const { n } = ctx.rows.statement('SELECT count(*) AS n FROM audit_log').get() as { n: number };
  const rows = ctx.rows
    .statement(
      `SELECT a.id, a.at, a.user_id, u.name AS user_name, a.action, a.entity, a.entity_id, a.detail
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       ORDER BY a.id DESC
       LIMIT ? OFFSET ?`,
    )
    .all(input.limit, input.offset) as AuditRow[];
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userName: r.user_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      detail: r.detail,
    })),
    total: n,
    offset: input.offset,
    limit: input.limit,
  };
}
