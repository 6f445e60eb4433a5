/** Who is calling: the device behind a bearer token. Its centre scope comes only from here. */
import type { ClientInfo, DeviceRole } from '../../shared/sync/protocol.js';
import { ApiError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import { sameHash, sha256Hex } from './tokens.js';

export interface Device {
  id: string;
  name: string;
  role: DeviceRole;
  /** null for a national device. */
  centreId: string | null;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,100})$/;

/** The token of a well-formed `Authorization: Bearer <token>` header, else null. */
export function bearerToken(authorization: string | undefined): string | null {
  return BEARER.exec(authorization ?? '')?.[1] ?? null;
}

export async function authenticateDevice(db: Db, authorization: string | undefined): Promise<Device> {
  const token = bearerToken(authorization);
  if (!token) throw new ApiError(401, 'unauthorized', 'Send the device token as "Authorization: Bearer <token>"');
  const hash = sha256Hex(token);
  const [row] = await db.query<{
    id: string;
    name: string;
    role: DeviceRole;
    centre_id: string | null;
    token_sha256: string;
    revoked: boolean;
  }>(
    `SELECT id::text AS id, name, role, centre_id::text AS centre_id, token_sha256, revoked_at IS NOT NULL AS revoked
       FROM devices WHERE token_sha256 = $1`,
    [hash],
  );
  if (!row || !sameHash(row.token_sha256, hash)) throw new ApiError(401, 'unauthorized', 'Unknown device token');
  if (row.revoked) throw new ApiError(401, 'unauthorized', 'This device has been revoked; enrol it again');
  return { id: row.id, name: row.name, role: row.role, centreId: row.centre_id };
}

/**
 * Remembers when the device was last seen and which versions it runs. Written at most once
 * a minute per device unless a version changed, so pulls do not turn into writes.
 */
export async function recordDeviceVisit(db: Db, device: Device, client: ClientInfo): Promise<void> {
  await db.query(
    `UPDATE devices SET last_seen_at = now(), protocol = $2, schema_version = $3, app_version = $4
      WHERE id = $1
        AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute'
             OR protocol IS DISTINCT FROM $2 OR schema_version IS DISTINCT FROM $3 OR app_version IS DISTINCT FROM $4)`,
    [device.id, client.protocol, client.schemaVersion, client.appVersion],
  );
}
