/**
 * How a value is held in `ops.value` and `cells.value`: the JSON text of the value a
 * workstation's SQLite column stores (shared/sync/protocol.ts WireOp), exactly as the outbox
 * writes it (core/db/rows.ts) and validate-op.ts checks it: text as a JSON string, numbers
 * as JSON numbers, booleans and the tombstone as 0 or 1, JSON columns as the JSON string of
 * their text. The server writes its own rows (centre-row.ts) and reads cells back (the
 * national report, reports/load-input.ts) through these two functions only.
 */

/** A column's value as stored in a cell. */
export function encodeCellValue(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/**
 * The value a cell holds. Every stored value passed validate-op.ts (it is JSON); should one
 * not parse all the same, it reads as missing (null) rather than failing a whole report.
 */
export function decodeCellValue(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
