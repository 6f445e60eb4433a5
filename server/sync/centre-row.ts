/**
 * When an administrator creates a centre, the server writes the centre's own synced row
 * (table `centres`, row id = centre id, centre_id = its own id: shared/records/centres.ts)
 * into the log and the cells, so that a workstation bootstrapping into the centre receives
 * it. Stamped by the server's clock with a fixed node id that sorts below every device's,
 * so a workstation's edit made in the same millisecond wins.
 */
import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../../shared/sync/hlc.js';
import type { Db } from '../store/db.js';
import { encodeCellValue } from './cell-value.js';
import { appendOps, mergeIntoCells, type ScopedOp } from './op-log.js';

export const SERVER_NODE_ID = '0000000000000000';

export async function writeCentreRow(tx: Db, centre: { id: string; name: string }, at: Date): Promise<void> {
  const hlc = formatHlc({ millis: at.getTime(), counter: 0, node: SERVER_NODE_ID });
  const iso = at.toISOString();
  const values: Record<string, unknown> = {
    centre_id: centre.id,
    name: centre.name,
    city: null,
    quarter_scheme: 'calendar',
    created_at: iso,
    updated_at: iso,
    deleted: 0,
  };
  const ops: ScopedOp[] = Object.entries(values).map(([col, value]) => ({
    opId: uuidv7(),
    tbl: 'centres',
    rowId: centre.id,
    col,
    value: encodeCellValue(value),
    hlc,
    centreId: centre.id,
  }));
  await appendOps(tx, ops, null);
  await mergeIntoCells(tx, ops);
}

/**
 * Removes the server-made row of a centre that a workstation is about to upload under its
 * own id (enrolment in 'upload' mode): that workstation's own centre row arrives by push.
 */
export async function deleteServerCentreRow(tx: Db, centreId: string): Promise<void> {
  await tx.query(`DELETE FROM ops WHERE tbl = 'centres' AND row_id = $1::uuid AND device_id IS NULL`, [centreId]);
  await tx.query(`DELETE FROM cells WHERE tbl = 'centres' AND row_id = $1::uuid`, [centreId]);
}
