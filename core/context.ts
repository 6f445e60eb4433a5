/**
 * What a service call sees: the database, the row store, who is calling, and the audit log.
 * The router makes one per call; services take it as their first argument.
 */
import type { WriteGate } from './host/write-gate.js';
import type Database from 'better-sqlite3';
import type { Role } from '../shared/auth/roles.js';
import { fail } from '../shared/api/errors.js';
import { can, type Permission } from '../shared/auth/permissions.js';
import type { IntegrityState } from './db/integrity.js';
import type { RowStore } from './db/rows.js';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface Ctx {
  db: Database.Database;
  rows: RowStore;
  user: SessionUser | null;
  /** This workstation's centre (null before first run, or on a national workstation). */
  centreId: string | null;
  /** True on a national-office workstation: it may write national rows (centre_id NULL). */
  national: boolean;
  now(): Date;
  dataDir: string;
  /** The database's last integrity check (it may still be running, see db/integrity.ts). */
  integrity(): IntegrityState;
  /** Held by a long write that yields inside its transaction (an import), see host/write-gate.ts. */
  gate: WriteGate;
}

export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw fail.unauthenticated();
  return ctx.user;
}

export function requirePermission(ctx: Ctx, permission: Permission): SessionUser {
  const user = requireUser(ctx);
  if (!can(user.role, permission)) throw fail.forbidden(permission);
  return user;
}

/** Appends to the audit log (append-only: triggers refuse updates and deletes). */
export function audit(ctx: Ctx, action: string, entity: string | null, entityId: string | null, detail?: unknown): void {
  ctx.rows
    .statement('INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(
      ctx.now().toISOString(),
      ctx.user?.id ?? null,
      action,
      entity,
      entityId,
      detail === undefined ? null : JSON.stringify(detail),
    );
}

export function today(ctx: Ctx): string {
  return ctx.now().toISOString().slice(0, 10);
}
