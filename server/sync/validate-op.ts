/**
 * Checks one pushed op against the table declarations in shared/schema/tables.ts: the
 * table and column must be synced ones and the value must be the JSON of a value of the
 * column's kind, exactly as a workstation's outbox writes it (core/db/rows.ts). Only names
 * that pass here are ever stored, so no other name reaches SQL.
 *
 * Scope (which centre may write the row) needs the database and is decided in push.ts.
 */
import type { ColumnKind, TableScope } from '../../shared/schema/table.js';
import { isTableName, tables } from '../../shared/schema/tables.js';
import type { RejectReason, WireOp } from '../../shared/sync/protocol.js';
import { unstorableText } from '../store/storable-text.js';

/** Columns every synced row has, besides its table's own (shared/records/base.ts). */
type BaseKind = 'row-id' | 'centre-id' | 'timestamp' | 'tombstone';
const BASE_COLUMNS: Record<string, BaseKind> = {
  id: 'row-id',
  centre_id: 'centre-id',
  created_at: 'timestamp',
  updated_at: 'timestamp',
  deleted: 'tombstone',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export type OpShape =
  | {
      ok: true;
      scope: TableScope;
      /** For a `centre_id` op: the centre it names (null = national). */
      centreValue?: string | null;
    }
  | { ok: false; reason: RejectReason; message: string };

const reject = (reason: RejectReason, message: string): OpShape => ({ ok: false, reason, message });

export function checkOpShape(op: WireOp): OpShape {
  if (!isTableName(op.tbl)) return reject('unknown-table', `'${op.tbl}' is not a synced table`);
  const table = tables[op.tbl];
  const baseKind = Object.hasOwn(BASE_COLUMNS, op.col) ? BASE_COLUMNS[op.col] : undefined;
  const dataKind = Object.hasOwn(table.columns, op.col) ? table.columns[op.col]?.kind : undefined;
  if (!baseKind && !dataKind) return reject('unknown-column', `'${op.col}' is not a column of ${op.tbl}`);

  const textProblem = unstorableText(op.value);
  if (textProblem) return reject('bad-value', `The value of ${op.tbl}.${op.col} ${textProblem}`);
  let value: unknown;
  try {
    value = JSON.parse(op.value);
  } catch {
    return reject('bad-value', `The value of ${op.tbl}.${op.col} is not JSON`);
  }
  const problem = baseKind ? baseValueProblem(baseKind, value, op.rowId) : dataValueProblem(dataKind!, value);
  if (problem) return reject('bad-value', `${op.tbl}.${op.col} ${problem}`);
  if (baseKind === 'centre-id') return { ok: true, scope: table.scope, centreValue: value as string | null };
  return { ok: true, scope: table.scope };
}

/** Why a data column's value is wrong for its kind, or null when it is right. */
function dataValueProblem(kind: ColumnKind, value: unknown): string | null {
  if (value === null) return null;
  switch (kind) {
    case 'text':
      return typeof value === 'string' ? null : 'must be a string or null';
    case 'int':
      return Number.isSafeInteger(value) ? null : 'must be a whole number or null';
    case 'real':
      return typeof value === 'number' ? null : 'must be a number or null';
    case 'bool':
      return value === 0 || value === 1 ? null : 'must be 0, 1 or null';
    case 'json':
      return typeof value === 'string' && isJson(value) ? null : 'must be JSON text or null';
  }
}

function baseValueProblem(kind: BaseKind, value: unknown, rowId: string): string | null {
  switch (kind) {
    case 'row-id':
      return value === rowId ? null : 'must equal the row id';
    case 'centre-id':
      return value === null || (typeof value === 'string' && UUID.test(value)) ? null : 'must be a centre id or null';
    case 'timestamp':
      return typeof value === 'string' && TIMESTAMP.test(value) && value.length <= 40 ? null : 'must be an ISO timestamp';
    case 'tombstone':
      return value === 0 || value === 1 ? null : 'must be 0 or 1';
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
