/**
 * Staff accounts of this centre. Managers manage users; only an admin makes admins; nobody
 * can switch off or demote the last active manager (the centre would be locked out).
 */
import { fail } from '../../shared/api/errors.js';
import { grantableRoles } from '../../shared/auth/permissions.js';
import type { Role } from '../../shared/auth/roles.js';
import { usersTable, type User } from '../../shared/records/centres.js';
import { findUserByEmail, publicUser } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import { audit, requireUser, type Ctx } from '../context.js';
import type { HandlerGroup } from '../host/handler-types.js';

type StoredUser = User & { passwordHash: string | null };

function loadUser(ctx: Ctx, id: string): StoredUser {
  const user = ctx.rows.get<StoredUser>(usersTable, id);
  if (!user || user.deleted) throw fail.notFound('user', id);
  return user;
}

function assertMayGrant(ctx: Ctx, role: Role, path: string[]): void {
  const me = requireUser(ctx);
  if (!grantableRoles(me.role).includes(role)) {
    throw fail.field(path, `A ${me.role} cannot give the ${role} role`);
  }
}

function activeManagers(ctx: Ctx): number {
  return (
    ctx.rows
      .statement("SELECT count(*) AS n FROM users WHERE deleted = 0 AND active = 1 AND role IN ('admin', 'manager')")
      .get() as { n: number }
  ).n;
}

export const usersHandlers: HandlerGroup<'users.list' | 'users.create' | 'users.update' | 'users.setPassword'> = {
  'users.list': (ctx, input) => {
    const raws = ctx.rows
      .statement(`SELECT id FROM users WHERE deleted = 0 ${input.includeInactive ? '' : 'AND active = 1'} ORDER BY name COLLATE NOCASE`)
      .all() as { id: string }[];
    return raws.map((r) => publicUser(loadUser(ctx, r.id)));
  },
  'users.create': (ctx, input) => {
    const me = requireUser(ctx);
    assertMayGrant(ctx, input.role, ['role']);
    const existing = findUserByEmail(ctx, input.email);
    if (existing) {
      throw fail.conflict(`A user with this email already exists: ${existing.name}`, 'email', {
        entity: 'users',
        id: existing.id,
        label: existing.name,
      });
    }
    const user = ctx.rows.insert<StoredUser>(
      usersTable,
      { name: input.name, email: input.email, role: input.role, active: true, passwordHash: hashPassword(input.password) },
      { userId: me.id, centreId: ctx.centreId },
    );
    audit(ctx, 'user.created', 'users', user.id, { role: user.role });
    return publicUser(user);
  },
  'users.update': (ctx, input) => {
    const me = requireUser(ctx);
    const user = loadUser(ctx, input.id);
    const { patch } = input;
    if (user.role === 'admin' && me.role !== 'admin') throw fail.forbidden('users.manage', 'Only an admin can change an admin');
    if (patch.role !== undefined && patch.role !== user.role) assertMayGrant(ctx, patch.role, ['patch', 'role']);
    if (patch.email !== undefined && patch.email !== user.email) {
      const other = findUserByEmail(ctx, patch.email);
      if (other) throw fail.conflict(`A user with this email already exists: ${other.name}`, 'patch.email');
    }
    const losesManager =
      (user.role === 'admin' || user.role === 'manager') &&
      user.active &&
      ((patch.active === false) || (patch.role !== undefined && patch.role !== 'admin' && patch.role !== 'manager'));
    if (losesManager && activeManagers(ctx) <= 1) {
      throw fail.field(['patch', patch.active === false ? 'active' : 'role'], 'The centre must keep at least one active manager');
    }
    const updated = ctx.rows.update<StoredUser>(usersTable, user.id, patch, { userId: me.id })!;
    if (patch.role !== undefined && patch.role !== user.role) {
      audit(ctx, 'user.roleChanged', 'users', user.id, { from: user.role, to: patch.role });
    }
    if (patch.active !== undefined && patch.active !== user.active) {
      audit(ctx, patch.active ? 'user.activated' : 'user.deactivated', 'users', user.id);
    }
    return publicUser(updated);
  },
  'users.setPassword': (ctx, input) => {
    const me = requireUser(ctx);
    const user = loadUser(ctx, input.id);
    if (user.role === 'admin' && me.role !== 'admin') throw fail.forbidden('users.manage', 'Only an admin can change an admin');
    ctx.rows.update(usersTable, user.id, { passwordHash: hashPassword(input.password) }, { userId: me.id });
    audit(ctx, 'user.passwordReset', 'users', user.id);
    return { ok: true };
  },
};
