/**
 * The sync.* calls. Sync itself is asynchronous (HTTP), so "Sync now", joining and resuming
 * a join are jobs: they run outside the router's transaction, and each page they apply is
 * its own transaction. Failures become typed API errors with the engine's plain words; a
 * join's failures are put beside the field they concern (the address, the code).
 */
import { ApiFailure, fail, type ApiError } from '../../shared/api/errors.js';
import { can } from '../../shared/auth/permissions.js';
import { usersTable, type User } from '../../shared/records/centres.js';
import { findUserByEmail, publicUser, sessionUserOf } from '../auth/auth.service.js';
import { hashPassword } from '../auth/passwords.js';
import { audit } from '../context.js';
import type { HandlerGroup, JobRunner } from '../host/handler-types.js';
import { SyncFailure } from './sync-errors.js';
import { syncServiceOf } from './sync-service.js';

type StoredUser = User & { passwordHash: string | null };

/** A sync failure as the API's typed error. */
export function apiErrorOfSync(error: unknown): unknown {
  if (!(error instanceof SyncFailure)) return error;
  if (error.kind === 'cancelled') return fail.cancelled(error.message);
  return new ApiFailure({ code: 'unavailable', message: error.message });
}

/**
 * Joining: a refused code goes beside the code, an address that is not a sync server beside
 * the address; being offline is not the form's fault and stays a general error.
 */
function enrolmentError(error: unknown): unknown {
  if (!(error instanceof SyncFailure)) return error;
  const onCode = ['code-invalid', 'code-used', 'code-expired', 'rate-limited'];
  if (error.kind === 'enrolment' && error.code && onCode.includes(error.code)) return fail.field(['code'], error.message);
  const notASyncServer = error.kind === 'server' && (error.status === 404 || error.status === undefined);
  if ((error.kind === 'enrolment' && !error.code) || notASyncServer) return fail.field(['serverUrl'], error.message);
  return apiErrorOfSync(error);
}

function runner<T>(
  run: (report: (done: number, total: number | null, message?: string) => void, signal: AbortSignal) => Promise<T>,
  mapError = apiErrorOfSync,
): JobRunner<T> {
  return {
    async run(report, signal) {
      try {
        return await run(report, signal);
      } catch (error) {
        throw mapError(error);
      }
    },
  };
}

export const syncHandlers: HandlerGroup<
  | 'sync.status'
  | 'sync.now'
  | 'sync.enrol'
  | 'sync.join.state'
  | 'sync.join.resume'
  | 'sync.firstManager'
  | 'sync.rejected.list'
  | 'sync.rejected.dismiss'
> = {
  'sync.status': (ctx) => syncServiceOf(ctx.db).status(),

  'sync.now': (ctx) => {
    const service = syncServiceOf(ctx.db);
    if (!service.engine.state()) throw notJoined();
    return runner((report, signal) => service.syncNow(report, signal));
  },

  'sync.enrol': (ctx, input) => {
    // Before first run anyone at this computer may join (as anyone may set it up); after,
    // only a manager.
    if (ctx.centreId || ctx.national) {
      if (!ctx.user) throw fail.unauthenticated();
      if (!can(ctx.user.role, 'sync.manage')) throw fail.forbidden('sync.manage');
    }
    const service = syncServiceOf(ctx.db);
    const state = service.engine.state();
    if (state) throw fail.conflict(`This workstation has already joined ${state.serverUrl}`, 'serverUrl');
    return runner((report, signal) => service.enrol(input, report, signal), enrolmentError);
  },

  'sync.join.state': (ctx) => {
    const service = syncServiceOf(ctx.db);
    const state = service.engine.state();
    return {
      joined: state !== null,
      serverUrl: state?.serverUrl ?? null,
      centreName: state?.centreName ?? null,
      phase: state?.phase ?? null,
      needsFirstManager: service.needsFirstManager(),
      syncing: service.engine.syncing,
      lastError: state?.lastError ? { kind: state.lastErrorKind ?? 'server', message: state.lastError } : null,
    };
  },

  'sync.join.resume': (ctx) => {
    const service = syncServiceOf(ctx.db);
    if (!service.engine.state()) throw notJoined();
    // Only while nobody can sign in here yet: the centre is still arriving, or came without a manager.
    if ((ctx.centreId || ctx.national) && !service.needsFirstManager()) {
      throw fail.forbidden('sync.run', 'This workstation is set up: sign in and use Sync now');
    }
    return runner((report, signal) => service.syncNow(report, signal));
  },

  'sync.firstManager': (ctx, input, scope) => {
    const service = syncServiceOf(ctx.db);
    if (!service.needsFirstManager() || !ctx.centreId) {
      throw fail.forbidden('users.manage', 'This centre already has a manager, or has not joined a server; sign in instead');
    }
    if (findUserByEmail(ctx, input.email)) throw fail.conflict('A user with this email already exists', 'email');
    const user = ctx.rows.insert<StoredUser>(
      usersTable,
      { name: input.name, email: input.email, role: 'manager', active: true, passwordHash: hashPassword(input.password) },
      { userId: null, centreId: ctx.centreId },
    );
    const signedIn = sessionUserOf(user);
    audit({ ...ctx, user: signedIn }, 'sync.firstManager', 'users', user.id);
    scope.setUser(signedIn);
    const sessionToken = scope.sessions.issue(user.id);
    scope.setSessionToken(sessionToken);
    return { user: publicUser(user), sessionToken };
  },

  'sync.rejected.list': (ctx, input) => {
    const service = syncServiceOf(ctx.db);
    return {
      items: service.rejected(input.limit, input.offset),
      total: service.rejectedTotal(),
      offset: input.offset,
      limit: input.limit,
    };
  },

  'sync.rejected.dismiss': (ctx, input) => ({ dismissed: syncServiceOf(ctx.db).dismissRejected(input) }),
};

function notJoined(): ApiFailure {
  const error: ApiError = { code: 'unavailable', message: 'This workstation has not joined a sync server yet.' };
  return new ApiFailure(error);
}
