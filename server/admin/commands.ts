/**
 * What an administrator can do: create centres, admins and enrolment codes, list and revoke
 * devices. Each command validates its own input (it may arrive from the command line or over
 * a running server's admin socket) and answers plain JSON data.
 */
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { Name } from '../../shared/records/base.js';
import { DeviceRole } from '../../shared/sync/protocol.js';
import { hashAdminPassword } from '../auth/admin-password.js';
import { enrolmentCodeHash, newEnrolmentCode } from '../auth/tokens.js';
import type { Db } from '../store/db.js';
import { unstorableText } from '../store/storable-text.js';
import { writeCentreRow } from '../sync/centre-row.js';

/** Bad input from the administrator: the CLI prints it and exits 1. */
export class AdminInputError extends Error {}

function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new AdminInputError(`--${issue.path.map(String).join('.') || 'input'}: ${issue.message}`);
}

const StorableText = z.string().refine((s) => unstorableText(s) === null, 'contains characters that cannot be stored');
const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an id like 0190a8f0-…');

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export interface CentreInfo {
  id: string;
  name: string;
  createdAt: string;
}

/** Named like the centre row itself (shared/records/base.ts `Name`: spaces collapsed, 1–200 characters). */
const CreateCentreInput = z.strictObject({ name: StorableText.pipe(Name) });

export async function createCentre(db: Db, input: unknown, now: Date): Promise<CentreInfo> {
  const { name } = parseInput(CreateCentreInput, input);
  const id = uuidv7();
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO centres (id, name, created_at) VALUES ($1, $2, $3)', [id, name, now]);
    await writeCentreRow(tx, { id, name }, now);
  });
  return { id, name, createdAt: now.toISOString() };
}

export async function listCentres(db: Db): Promise<CentreInfo[]> {
  const rows = await db.query<{ id: string; name: string; created_at: Date }>(
    'SELECT id::text AS id, name, created_at FROM centres ORDER BY created_at, id',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: iso(r.created_at)! }));
}

const CreateAdminInput = z.strictObject({
  email: StorableText.pipe(z.string().trim().toLowerCase().pipe(z.email('must be an email address'))),
  password: StorableText.pipe(z.string().min(12, 'must be at least 12 characters').max(200)),
});

export async function createAdmin(db: Db, input: unknown): Promise<{ email: string }> {
  const { email, password } = parseInput(CreateAdminInput, input);
  const hash = await hashAdminPassword(password);
  const inserted = await db.query(
    'INSERT INTO admins (email, password_hash) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING email',
    [email, hash],
  );
  if (inserted.length === 0) throw new AdminInputError(`--email: an admin ${email} already exists`);
  return { email };
}

const DURATION = /^(\d{1,4})([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_CODE_LIFETIME_MS = 30 * UNIT_MS.d;

/** '90m', '24h', '7d' → milliseconds, at most 30 days. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 && ms <= MAX_CODE_LIFETIME_MS ? ms : null;
}

const CreateCodeInput = z
  .strictObject({
    centre: Uuid.optional(),
    role: DeviceRole,
    upload: z.boolean().default(false),
    expires: z
      .string()
      .default('24h')
      .refine((s) => parseDuration(s) !== null, 'must be a duration like 90m, 24h or 7d (at most 30d)'),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'national' && input.centre)
      ctx.addIssue({ code: 'custom', path: ['centre'], message: 'a national code takes no centre' });
    if (input.role !== 'national' && !input.centre)
      ctx.addIssue({ code: 'custom', path: ['centre'], message: `required for a ${input.role} code` });
    if (input.upload && input.role !== 'workstation')
      ctx.addIssue({ code: 'custom', path: ['upload'], message: 'only a workstation code can upload' });
  });

export interface EnrolmentCodeInfo {
  code: string;
  role: DeviceRole;
  centreId: string | null;
  centreName: string | null;
  upload: boolean;
  expiresAt: string;
}

export async function createEnrolmentCode(db: Db, input: unknown, now: Date): Promise<EnrolmentCodeInfo> {
  const parsed = parseInput(CreateCodeInput, input);
  const centreId = parsed.centre ?? null;
  let centreName: string | null = null;
  if (centreId) {
    const [centre] = await db.query<{ name: string }>('SELECT name FROM centres WHERE id = $1', [centreId]);
    if (!centre) throw new AdminInputError(`--centre: no centre ${centreId} (see: admin centres)`);
    centreName = centre.name;
  }
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + parseDuration(parsed.expires)!);
  await db.query(
    'INSERT INTO enrolment_codes (code_sha256, centre_id, role, upload, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [enrolmentCodeHash(code), centreId, parsed.role, parsed.upload, now, expiresAt],
  );
  return { code, role: parsed.role, centreId, centreName, upload: parsed.upload, expiresAt: expiresAt.toISOString() };
}

export interface DeviceInfo {
  id: string;
  name: string;
  role: DeviceRole;
  centreId: string | null;
  centreName: string | null;
  nodeId: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  appVersion: string | null;
  schemaVersion: number | null;
}

export async function listDevices(db: Db): Promise<DeviceInfo[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    role: DeviceRole;
    centre_id: string | null;
    centre_name: string | null;
    node_id: string;
    created_at: Date;
    last_seen_at: Date | null;
    revoked_at: Date | null;
    app_version: string | null;
    schema_version: number | null;
  }>(
    `SELECT d.id::text AS id, d.name, d.role, d.centre_id::text AS centre_id, c.name AS centre_name, d.node_id,
            d.created_at, d.last_seen_at, d.revoked_at, d.app_version, d.schema_version
       FROM devices d LEFT JOIN centres c ON c.id = d.centre_id
      ORDER BY d.created_at, d.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    centreId: r.centre_id,
    centreName: r.centre_name,
    nodeId: r.node_id,
    createdAt: iso(r.created_at)!,
    lastSeenAt: iso(r.last_seen_at),
    revokedAt: iso(r.revoked_at),
    appVersion: r.app_version,
    schemaVersion: r.schema_version,
  }));
}

const RevokeInput = z.strictObject({ device: Uuid });

/** Revoking is immediate: the device's next request is answered 401. Revoking twice is harmless. */
export async function revokeDevice(db: Db, input: unknown, now: Date): Promise<{ id: string; revokedAt: string }> {
  const { device } = parseInput(RevokeInput, input);
  const [row] = await db.query<{ revoked_at: Date }>(
    'UPDATE devices SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING revoked_at',
    [device, now],
  );
  if (!row) throw new AdminInputError(`DEVICE_ID: no device ${device} (see: admin devices)`);
  return { id: device, revokedAt: iso(row.revoked_at)! };
}

/** Every command by its command-line name, for the CLI and a running server's admin socket. */
export const adminCommands = {
  'create-centre': createCentre,
  centres: listCentres,
  'create-admin': createAdmin,
  'enrolment-code': createEnrolmentCode,
  devices: listDevices,
  revoke: revokeDevice,
} satisfies Record<string, (db: Db, input: unknown, now: Date) => Promise<unknown>>;

export type AdminCommandName = keyof typeof adminCommands;

export function isAdminCommand(name: string): name is AdminCommandName {
  return Object.hasOwn(adminCommands, name);
}
