/**
 * How core implements the API: one handler per method, typed from shared/api. A handler
 * runs inside one SQLite transaction opened by the router; a job handler instead returns
 * a runner that the job manager starts outside the call.
 */
import type { Method, OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import type { Ctx, SessionUser } from '../context.js';

export interface CallScope {
  /** The calling connection's signed-in user, and a way for auth calls to change it. */
  setUser(user: SessionUser | null): void;
  sessions: SessionTokens;
  /** Remembers the session token this connection signed in with (so sign-out can end it). */
  setSessionToken(token: string | null): void;
  /** Ends this connection's session: forgets the user and revokes its token. */
  endSession(): void;
  /** Cancels a job this connection started. */
  cancelJob(jobId: string): boolean;
}

export interface SessionTokens {
  issue(userId: string): string;
  resolve(token: string): string | null;
  revoke(token: string): void;
  revokeUser(userId: string): void;
}

/** Optional details of a progress report: the job's phase, and its rate when it counts rows. */
export interface ProgressDetail {
  phase?: string;
  rowsPerSecond?: number;
}

export type ProgressReport = (done: number, total: number | null, message?: string, detail?: ProgressDetail) => void;

export interface JobRunner<T> {
  /** Runs the job; report progress, and stop with fail.cancelled() when the signal aborts. */
  run(report: ProgressReport, signal: AbortSignal): Promise<T>;
}

/**
 * A call's handler answers in its transaction; one that must wait for something outside the
 * database (the national report from the server) may answer with a promise, awaited after
 * the transaction.
 */
export type Handler<M extends Method> = (
  ctx: Ctx,
  input: ParsedInputOf<M>,
  scope: CallScope,
) => OutputOf<M> | JobRunner<OutputOf<M>> | Promise<OutputOf<M>>;

export type Handlers = { [M in Method]: Handler<M> };
export type HandlerGroup<K extends Method> = { [M in K]: Handler<M> };
