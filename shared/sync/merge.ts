/**
 * The merge rule, used by both the workstation and the server: an incoming op wins over
 * the stored cell iff its HLC is greater. The node id is the HLC's last part, so comparing
 * stamps as strings compares (time, counter, node). Equal stamps mean the same op: no-op.
 */
export function incomingWins(incomingHlc: string, storedHlc: string | null | undefined): boolean {
  return storedHlc == null || incomingHlc > storedHlc;
}

/** A field-level change as it travels between devices. `value` is the stored SQL value. */
export interface FieldOp {
  opId: string;
  tbl: string;
  rowId: string;
  col: string;
  value: string | number | null;
  hlc: string;
}
