/**
 * `POST /v1/enrol`: a workstation exchanges a one-time enrolment code for a device token.
 *
 * One transaction locks the code row, so a code is used once even when two workstations
 * present it at the same moment. An upload code lets the first workstation of a centre that
 * already holds local data join without losing its ids: if the server's centre is still
 * empty (no device ever enrolled, no pushed op) it takes the workstation's centre id, and
 * the workstation then pushes its whole outbox.
 */
import { v7 as uuidv7 } from 'uuid';
import type { DeviceRole, EnrolRequest } from '../../shared/sync/protocol.js';
import { ApiError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import { deleteServerCentreRow } from '../sync/centre-row.js';
import { enrolmentCodeHash, newDeviceToken, sha256Hex } from './tokens.js';

export interface Enrolment {
  deviceId: string;
  token: string;
  role: DeviceRole;
  centreId: string | null;
  centreName: string | null;
  mode: 'bootstrap' | 'upload';
}

interface CodeRow {
  code_sha256: string;
  centre_id: string | null;
  role: DeviceRole;
  upload: boolean;
  expired: boolean;
  used: boolean;
}

export async function enrolDevice(db: Db, request: EnrolRequest): Promise<Enrolment> {
  return db.transaction(async (tx) => {
    const [code] = await tx.query<CodeRow>(
      `SELECT code_sha256, centre_id::text AS centre_id, role, upload,
              expires_at <= now() AS expired, used_at IS NOT NULL AS used
         FROM enrolment_codes WHERE code_sha256 = $1 FOR UPDATE`,
      [enrolmentCodeHash(request.code)],
    );
    if (!code) throw new ApiError(400, 'code-invalid', 'This enrolment code is not known; check it with your administrator');
    if (code.used) throw new ApiError(409, 'code-used', 'This enrolment code has already been used; ask for a new one');
    if (code.expired) throw new ApiError(410, 'code-expired', 'This enrolment code has expired; ask for a new one');

    let centreId = code.centre_id;
    if (code.upload) {
      if (!request.localCentre) throw new ApiError(400, 'invalid', 'localCentre: required with an upload code');
      centreId = await adoptLocalCentre(tx, code.centre_id!, request.localCentre.id);
    } else if (request.localCentre) {
      throw new ApiError(
        400,
        'invalid',
        'localCentre: only an upload code takes the local centre; this code is for a new workstation',
      );
    }

    const token = newDeviceToken();
    const deviceId = uuidv7();
    await tx.query(
      `INSERT INTO devices (id, name, token_sha256, role, centre_id, node_id, last_seen_at, protocol, schema_version, app_version)
       VALUES ($1, $2, $3, $4, $5, $6, now(), $7, $8, $9)`,
      [
        deviceId,
        request.deviceName,
        sha256Hex(token),
        code.role,
        centreId,
        request.nodeId,
        request.client.protocol,
        request.client.schemaVersion,
        request.client.appVersion,
      ],
    );
    await tx.query('UPDATE enrolment_codes SET used_at = now(), used_by_device = $2 WHERE code_sha256 = $1', [
      code.code_sha256,
      deviceId,
    ]);
    const [centre] = centreId ? await tx.query<{ name: string }>('SELECT name FROM centres WHERE id = $1', [centreId]) : [];
    return {
      deviceId,
      token,
      role: code.role,
      centreId,
      centreName: centre?.name ?? null,
      mode: code.upload ? 'upload' : 'bootstrap',
    };
  });
}

/**
 * Re-keys an empty server centre to the workstation's centre id (codes, devices and every
 * other reference follow by ON UPDATE CASCADE) and drops the server-made centre row.
 */
async function adoptLocalCentre(tx: Db, serverCentreId: string, localCentreId: string): Promise<string> {
  await tx.query('SELECT id FROM centres WHERE id = $1 FOR UPDATE', [serverCentreId]);
  const [usage] = await tx.query<{ devices: boolean; pushed: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM devices WHERE centre_id = $1) AS devices,
            EXISTS (SELECT 1 FROM ops WHERE centre_id = $1 AND device_id IS NOT NULL) AS pushed`,
    [serverCentreId],
  );
  if (usage?.devices || usage?.pushed) {
    throw new ApiError(
      409,
      'centre-not-empty',
      'This centre already has data on the server; enrol with a normal code and bootstrap instead',
    );
  }
  if (localCentreId !== serverCentreId) {
    const [taken] = await tx.query('SELECT 1 FROM centres WHERE id = $1', [localCentreId]);
    if (taken) throw new ApiError(409, 'centre-not-empty', 'Another centre on the server already has this local centre id');
  }
  await deleteServerCentreRow(tx, serverCentreId);
  if (localCentreId !== serverCentreId) {
    await tx.query('UPDATE centres SET id = $2 WHERE id = $1', [serverCentreId, localCentreId]);
  }
  return localCentreId;
}
