/**
 * Mentoring sessions and their action items, and mentor hours. Mentors log their own
 * sessions (a mentor-role user is matched to a directory entry by email); office roles may
 * log and correct anyone's.
 */
import { fail } from '../../shared/api/errors.js';
import type { ParsedInputOf } from '../../shared/api/index.js';
import {
  actionItemsTable,
  mentoringSessionsTable,
  type ActionItem,
  type MentoringSession,
} from '../../shared/records/sessions.js';
import { requireUser, today, type Ctx } from '../context.js';
import type { SqlValue } from '../db/rows.js';
import { crudService, where, type CrudService } from '../records/crud.js';

const MAX_MINUTES = 24 * 60;

/**
 * A mentor-role user may only touch sessions of the mentor whose email is theirs: the
 * directory entry and the user account are separate records, and the email is what links
 * them. Other roles that may write sessions may write anyone's.
 */
function assertMayWriteFor(ctx: Ctx, mentorId: string): void {
  const user = requireUser(ctx);
  if (user.role !== 'mentor') return;
  const mentor = ctx.rows.statement('SELECT email FROM mentors WHERE id = ?').get(mentorId) as
    { email: string | null } | undefined;
  if (!mentor?.email || mentor.email.toLowerCase() !== user.email.toLowerCase()) {
    throw fail.forbidden('sessions.write', 'A mentor may only log and change their own sessions');
  }
}

const sessionRows = crudService<MentoringSession>({
  spec: mentoringSessionsTable,
  entity: 'mentoring session',
  label: (s) => s.startsAt,
  refs: { mentorId: 'mentors', startupId: 'startups' },
  search: { like: ['notes', 'topics'] },
  filters: {
    mentorId: where.equals('mentoring_sessions.mentor_id'),
    startupId: where.equals('mentoring_sessions.startup_id'),
    mode: where.equals('mentoring_sessions.mode'),
    // [from, to): the same half-open range as mentor hours, so a list and its total agree.
    from: (from: string) => ({ sql: 'mentoring_sessions.starts_at >= ?', params: [from] }),
    to: (to: string) => ({ sql: 'mentoring_sessions.starts_at < ?', params: [to] }),
    upcoming: (upcoming: boolean, ctx: Ctx) => ({
      sql: upcoming ? 'mentoring_sessions.starts_at >= ?' : 'mentoring_sessions.starts_at < ?',
      params: [ctx.now().toISOString()],
    }),
  },
  sorts: {
    startsAt: 'mentoring_sessions.starts_at',
    minutes: 'mentoring_sessions.minutes',
    createdAt: 'mentoring_sessions.created_at',
  },
  defaultSort: { field: 'startsAt', direction: 'desc' },
  validate(ctx, next, previous) {
    // Both ends: a mentor may neither edit someone else's session nor hand theirs to another.
    if (previous) assertMayWriteFor(ctx, previous.mentorId);
    assertMayWriteFor(ctx, next.mentorId);
  },
});

function createSession(ctx: Ctx, input: Record<string, unknown>): MentoringSession {
  const user = requireUser(ctx);
  // loggedBy is internal (the API's inputs do not have it), so only core sets it; giving it
  // to the insert puts it in the same row-store write: one op per column, no follow-up update.
  return sessionRows.create(ctx, { ...input, loggedBy: user.id });
}

function liveActionItemIds(ctx: Ctx, sessionId: string): string[] {
  const rows = ctx.rows.statement('SELECT id FROM action_items WHERE session_id = ? AND deleted = 0').all(sessionId) as {
    id: string;
  }[];
  return rows.map((r) => r.id);
}

function removeSession(ctx: Ctx, input: { id: string }): { id: string; deleted: true } {
  const user = requireUser(ctx);
  assertMayWriteFor(ctx, sessionRows.load(ctx, input.id).mentorId);
  return ctx.db.transaction(() => {
    const result = sessionRows.remove(ctx, input);
    // Action items mean nothing without their session; they go with it.
    for (const id of liveActionItemIds(ctx, input.id)) ctx.rows.tombstone(actionItemsTable, id, { userId: user.id });
    return result;
  })();
}

export const sessions: CrudService<MentoringSession> = { ...sessionRows, create: createSession, remove: removeSession };

function assertMayWriteItemsOf(ctx: Ctx, sessionId: string): void {
  const session = ctx.rows.get<MentoringSession>(mentoringSessionsTable, sessionId);
  if (session) assertMayWriteFor(ctx, session.mentorId);
}

const actionItemRows = crudService<ActionItem>({
  spec: actionItemsTable,
  entity: 'action item',
  label: (a) => a.text,
  refs: { sessionId: 'mentoring_sessions' },
  search: { like: ['text', 'owner'] },
  filters: {
    sessionId: where.equals('action_items.session_id'),
    done: where.equals('action_items.done'),
    // Overdue: still open and due before today. Items without a due date are never overdue.
    overdue: (overdue: boolean, ctx: Ctx) => ({
      sql: overdue
        ? '(action_items.done = 0 AND action_items.due_on < ?)'
        : '(action_items.done = 1 OR action_items.due_on IS NULL OR action_items.due_on >= ?)',
      params: [today(ctx)],
    }),
    startupId: (startupId: string) => ({
      sql: 'action_items.session_id IN (SELECT id FROM mentoring_sessions WHERE startup_id = ? AND deleted = 0)',
      params: [startupId],
    }),
  },
  sorts: { dueOn: "coalesce(action_items.due_on, '9999')", createdAt: 'action_items.created_at' },
  defaultSort: { field: 'dueOn', direction: 'asc' },
  validate(ctx, next, previous) {
    // An action item is part of its session: the same mentor rule applies.
    if (previous) assertMayWriteItemsOf(ctx, previous.sessionId);
    assertMayWriteItemsOf(ctx, next.sessionId);
    const path = previous ? ['patch', 'doneOn'] : ['doneOn'];
    if (next.doneOn && !next.done) {
      // A day the caller did not send (reopening an item carries its old one along; a sync
      // merge may leave one beside done = false) is cleared after the write, not refused.
      const carried = previous !== null && previous.doneOn === next.doneOn;
      if (!carried) throw fail.field(path, 'Only an action item that is done has a day it was done');
    }
    if (next.doneOn && next.doneOn > today(ctx)) throw fail.field(path, 'The day it was done cannot be in the future');
  },
  afterWrite(ctx, row) {
    const userId = ctx.user?.id ?? null;
    // Marked done without a day: done today. Reopened: the day goes.
    if (row.done && !row.doneOn) return ctx.rows.update<ActionItem>(actionItemsTable, row.id, { doneOn: today(ctx) }, { userId })!;
    if (!row.done && row.doneOn) return ctx.rows.update<ActionItem>(actionItemsTable, row.id, { doneOn: null }, { userId })!;
  },
});

export const actionItems: CrudService<ActionItem> = {
  ...actionItemRows,
  remove(ctx, input) {
    assertMayWriteItemsOf(ctx, actionItemRows.load(ctx, input.id).sessionId);
    return actionItemRows.remove(ctx, input);
  },
};

/**
 * The session's length from what was given: minutes, or an end time (then minutes are the
 * difference, rounded to the nearest minute), or both if they agree.
 */
function sessionMinutes(startsAt: string, minutes: number | undefined, endsAt: string | undefined): number {
  if (endsAt === undefined) {
    if (minutes === undefined) throw fail.field(['minutes'], 'Give the length in minutes or the time the session ended');
    return minutes;
  }
  const ms = Date.parse(endsAt) - Date.parse(startsAt);
  if (ms <= 0) throw fail.field(['endsAt'], 'A session cannot end before it starts');
  const fromTimes = Math.round(ms / 60_000);
  if (fromTimes < 1) throw fail.field(['endsAt'], 'A session lasts at least a minute');
  if (fromTimes > MAX_MINUTES) throw fail.field(['endsAt'], 'A session lasts at most 24 hours');
  if (minutes !== undefined && minutes !== fromTimes) {
    throw fail.field(
      ['endsAt'],
      `The end time is ${fromTimes} minutes after the start, but the length given is ${minutes} minutes`,
    );
  }
  return fromTimes;
}

/** Logs a session and its action items in one transaction: all of it or none of it. */
export function recordSession(
  ctx: Ctx,
  input: ParsedInputOf<'sessions.record'>,
): MentoringSession & { actionItems: ActionItem[] } {
  const { endsAt, actionItems: items, minutes, ...fields } = input;
  const length = sessionMinutes(fields.startsAt, minutes, endsAt);
  return ctx.db.transaction(() => {
    const session = createSession(ctx, { ...fields, minutes: length });
    const created = (items ?? []).map((item) => actionItemRows.create(ctx, { ...item, sessionId: session.id }));
    return { ...session, actionItems: created };
  })();
}

/** An id given to narrow a report must name a record this workstation has (live or not). */
function assertKnown(ctx: Ctx, table: 'mentors' | 'startups', id: string, field: string, entity: string): void {
  if (!ctx.rows.statement(`SELECT 1 FROM ${table} WHERE id = ?`).get(id)) throw fail.field([field], `No ${entity} with this id`);
}

/** Mentor hours: live sessions starting in [from, to), minutes summed, hours to one decimal. */
export function sessionHours(
  ctx: Ctx,
  input: ParsedInputOf<'sessions.hours'>,
): { sessions: number; minutes: number; hours: number } {
  if (input.to <= input.from) throw fail.field(['to'], 'The end of the period must be after its start');
  const conditions = ['deleted = 0', 'starts_at >= ?', 'starts_at < ?'];
  const params: SqlValue[] = [input.from, input.to];
  if (input.mentorId) {
    assertKnown(ctx, 'mentors', input.mentorId, 'mentorId', 'mentor');
    conditions.push('mentor_id = ?');
    params.push(input.mentorId);
  }
  if (input.startupId) {
    assertKnown(ctx, 'startups', input.startupId, 'startupId', 'startup');
    conditions.push('startup_id = ?');
    params.push(input.startupId);
  }
  const { sessions, minutes } = ctx.rows
    .statement(
      `SELECT count(*) AS sessions, coalesce(sum(minutes), 0) AS minutes FROM mentoring_sessions WHERE ${conditions.join(' AND ')}`,
    )
    .get(...params) as { sessions: number; minutes: number };
  // minutes / 6 is tenths of an hour; rounding those gives hours to one decimal (135 → 2.3).
  return { sessions, minutes, hours: Math.round(minutes / 6) / 10 };
}
