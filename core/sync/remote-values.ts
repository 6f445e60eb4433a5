/**
 * Turns a value as it travels (the JSON text of the stored SQL value, shared/sync/protocol.ts
 * WireOp) back into the SQL value a STRICT column of this schema accepts, or says why it
 * cannot be stored here. A value that cannot be stored must never fail the whole page (the
 * sync would wedge on it): apply-remote keeps such ops aside instead (sync_unapplied).
 */
import type { ColumnKind } from '../../shared/schema/table.js';
import { isTableName, tables } from '../../shared/schema/tables.js';
import type { SqlValue } from '../db/rows.js';

/** The base columns every synced row has (shared/records/base.ts), by how they are stored. */
type BaseKind = 'centre' | 'timestamp' | 'tombstone';
const BASE_KINDS: Record<string, BaseKind> = {
  centre_id: 'centre',
  created_at: 'timestamp',
  updated_at: 'timestamp',
  deleted: 'tombstone',
};

export type ColumnType = { base: BaseKind } | { data: ColumnKind };

export type Decoded = { ok: true; value: SqlValue } | { ok: false; problem: string };

/** The stored type of `tbl.col` in this schema, or null when this version does not know it. */
export function columnType(tbl: string, col: string): ColumnType | null {
  if (!isTableName(tbl)) return null;
  if (Object.hasOwn(BASE_KINDS, col)) return { base: BASE_KINDS[col]! };
  const spec = tables[tbl];
  return Object.hasOwn(spec.columns, col) ? { data: spec.columns[col]!.kind } : null;
}

const bad = (problem: string): Decoded => ({ ok: false, problem });

export function decodeValue(type: ColumnType, text: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return bad('the value is not JSON');
  }
  if (typeof value === 'boolean') value = value ? 1 : 0;
  if ('base' in type) {
    switch (type.base) {
      case 'centre':
        return value === null || typeof value === 'string' ? { ok: true, value } : bad('a centre id must be text or null');
      case 'timestamp':
        return typeof value === 'string' ? { ok: true, value } : bad('a timestamp must be text');
      case 'tombstone':
        return value === 0 || value === 1 ? { ok: true, value } : bad('deleted must be 0 or 1');
    }
  }
  if (value === null) return { ok: true, value: null };
  switch (type.data) {
    case 'text':
      return typeof value === 'string' ? { ok: true, value } : bad('expected text');
    case 'int':
      return Number.isSafeInteger(value) ? { ok: true, value: value as number } : bad('expected a whole number');
    case 'real':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : bad('expected a number');
    case 'bool':
      return value === 0 || value === 1 ? { ok: true, value } : bad('expected 0 or 1');
    case 'json':
      // Stored as JSON text, so it travels as the JSON of a string.
      return typeof value === 'string' ? { ok: true, value } : bad('expected JSON text');
  }
}
