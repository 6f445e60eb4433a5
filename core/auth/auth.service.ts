/**
 * First run, sign-in and sessions. The first run creates the centre and its first manager
 * in one transaction; until then every call but auth.status and auth.setup is refused.
 */
import { v7 as uuidv7 } from 'uuid';
import { fail } from '../../shared/api/errors.js';
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import { centresTable, usersTable, type Centre, type User } from '../../shared/records/centres.js';
import { audit, requireUser, type Ctx, type SessionUser } from '../context.js';
import type { CallScope, HandlerGroup } from '../host/handler-types.js';
import { metaSet } from '../sync/local-clock.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';

type StoredUser = User & { passwordHash: string | null };

export function publicUser(user: StoredUser): User {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}

export function sessionUserOf(user: User): SessionUser {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export function findUserByEmail(ctx: Ctx, email: string): StoredUser | null {
  const raw = ctx.rows.statement('SELECT id FROM users WHERE email = ? AND deleted = 0').get(email.toLowerCase()) as
    | { id: string }
    | undefined;
  return raw ? ctx.rows.get<StoredUser>(usersTable, raw.id) : null;
}

export function loadCentre(ctx: Ctx): Centre | null {
  return ctx.centreId ? ctx.rows.get<Centre>(centresTable, ctx.centreId) : null;
}

function status(ctx: Ctx): OutputOf<'auth.status'> {
  const centre = loadCentre(ctx);
  const user = ctx.user ? ctx.rows.get<StoredUser>(usersTable, ctx.user.id) : null;
  // A national workstation has no centre of its own but is set up once it has joined: its
  // staff sign in (with the accounts it receives from the server) instead of seeing first run.
  return { initialised: centre !== null || ctx.national, centre, user: user ? publicUser(user) : null };
}

/** Creates the centre and its first manager. Also used by the CLI's `init`. */
export function setupCentre(ctx: Ctx, input: ParsedInputOf<'auth.setup'>): { user: User; centre: Centre } {
  if (ctx.centreId) throw fail.conflict('This workstation is already set up for a centre');
  const at = ctx.now().toISOString();
  // The centre row's centre_id is its own id, so it syncs within its own scope.
  const centreId = uuidv7();
  const centre = ctx.rows.insert<Centre>(
    centresTable,
    { name: input.centreName, city: input.centreCity ?? null, quarterScheme: 'calendar' },
    { userId: null, centreId, id: centreId, at },
  );
  metaSet(ctx.db, 'centre_id', centre.id);
  const scoped: Ctx = { ...ctx, centreId: centre.id };
  const user = ctx.rows.insert<StoredUser>(
    usersTable,
    {
      name: input.managerName,
      email: input.managerEmail,
      role: 'manager',
      active: true,
      passwordHash: hashPassword(input.managerPassword),
    },
    { userId: null, centreId: centre.id, at },
  );
  audit({ ...scoped, user: sessionUserOf(user) }, 'centre.setup', 'centres', centre.id, { name: centre.name });
  return { user: publicUser(user), centre };
}

function signIn(ctx: Ctx, email: string, password: string): StoredUser {
  const user = findUserByEmail(ctx, email);
  // Hash even for unknown emails, so the response time does not tell which emails exist.
  const ok = verifyPassword(password, user?.passwordHash ?? dummyPasswordHash());
  if (!user || !ok || !user.passwordHash) throw fail.field(['password'], 'Email or password is wrong');
  if (!user.active) throw fail.field(['email'], 'This account is switched off; ask your centre manager');
  return user;
}

export const authHandlers: HandlerGroup<
  'auth.status' | 'auth.setup' | 'auth.signIn' | 'auth.resume' | 'auth.signOut' | 'auth.changePassword'
> = {
  'auth.status': (ctx) => status(ctx),
  'auth.setup': (ctx, input, scope) => {
    const { user } = setupCentre(ctx, input);
    return signedIn(scope, user);
  },
  'auth.signIn': (ctx, input, scope) => {
    const user = signIn(ctx, input.email, input.password);
    audit({ ...ctx, user: sessionUserOf(user) }, 'auth.signIn', 'users', user.id);
    return signedIn(scope, publicUser(user));
  },
  'auth.resume': (ctx, input, scope) => {
    const userId = scope.sessions.resolve(input.sessionToken);
    const user = userId ? ctx.rows.get<StoredUser>(usersTable, userId) : null;
    if (!user || user.deleted || !user.active) throw fail.unauthenticated('Your session has ended; please sign in again');
    scope.setUser(sessionUserOf(user));
    scope.setSessionToken(input.sessionToken);
    return { user: publicUser(user), sessionToken: input.sessionToken };
  },
  'auth.signOut': (_ctx, _input, scope) => {
    scope.endSession();
    return { ok: true };
  },
  'auth.changePassword': (ctx, input) => {
    const me = requireUser(ctx);
    const stored = ctx.rows.get<StoredUser>(usersTable, me.id);
    if (!stored?.passwordHash || !verifyPassword(input.currentPassword, stored.passwordHash)) {
      throw fail.field(['currentPassword'], 'The current password is wrong');
    }
    ctx.rows.update(usersTable, me.id, { passwordHash: hashPassword(input.newPassword) }, { userId: me.id });
    audit(ctx, 'user.passwordChanged', 'users', me.id);
    return { ok: true };
  },
};

function signedIn(scope: CallScope, user: User): { user: User; sessionToken: string } {
  scope.setUser(sessionUserOf(user));
  const sessionToken = scope.sessions.issue(user.id);
  scope.setSessionToken(sessionToken);
  return { user, sessionToken };
}
