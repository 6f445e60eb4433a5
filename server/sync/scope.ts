/**
 * Who may write which rows (DESIGN.md, Auth and scope): a workstation writes its own
 * centre's rows; national rows (centre_id NULL) exist only in 'centre-or-national' tables
 * and only national devices write them; a readonly device writes nothing.
 */
import type { TableScope } from '../../shared/schema/table.js';
import type { Device } from '../auth/device-auth.js';

/** Why the device may not write a row owned by `rowCentre`, or null when it may. */
export function writeRefusal(device: Device, rowCentre: string | null, tableScope: TableScope): string | null {
  if (rowCentre === null) {
    if (tableScope !== 'centre-or-national') return 'this table has no national rows';
    return device.role === 'national' ? null : 'national rows are written only by national devices';
  }
  if (device.role === 'national') return 'a national device writes only national rows';
  if (device.role !== 'workstation') return 'this device may only read';
  return rowCentre === device.centreId ? null : 'the row belongs to another centre';
}

/**
 * SQL condition limiting `<alias>.centre_id` to what a device may read, with `$<param>` bound
 * to `readScopeParam(device)`: a centre's device reads its centre and national rows, a
 * national device (no centre) reads everything.
 */
export function readableCentresSql(alias: string, param: number): string {
  return `($${param}::uuid IS NULL OR ${alias}.centre_id = $${param}::uuid OR ${alias}.centre_id IS NULL)`;
}

export function readScopeParam(device: Device): string | null {
  return device.role === 'national' ? null : device.centreId;
}
