/**
 * The mentor directory (centre mentors, and national ones every centre can assign) and
 * mentor assignments: which mentor works with which startup, from when to when.
 */
import { fail } from '../../shared/api/errors.js';
import { mentorAssignmentsTable, mentorsTable, type Mentor, type MentorAssignment } from '../../shared/records/mentors.js';
import { today, type Ctx } from '../context.js';
import { decodeRow, type SqlValue } from '../db/rows.js';
import { crudService, where } from '../records/crud.js';

export const mentors = crudService<Mentor>({
  spec: mentorsTable,
  entity: 'mentor',
  label: (m) => (m.organisation ? `${m.name} (${m.organisation})` : m.name),
  // One person, one directory entry: a second entry with the same email would split their
  // sessions and hours between two records. National mentors count too, so a centre is
  // pointed at the shared entry instead of making its own copy.
  unique: [{ field: 'email', message: 'Another mentor has this email' }],
  search: { fts: true },
  filters: {
    city: where.equalsNoCase('mentors.city'),
    country: where.equalsNoCase('mentors.country'),
    expertise: where.hasTag('mentors.expertise'),
    national: (national: boolean) => ({
      sql: national ? 'mentors.centre_id IS NULL' : 'mentors.centre_id IS NOT NULL',
      params: [],
    }),
  },
  sorts: {
    name: 'mentors.name COLLATE NOCASE',
    city: "coalesce(mentors.city, '') COLLATE NOCASE",
    country: 'mentors.country COLLATE NOCASE',
    createdAt: 'mentors.created_at',
  },
  defaultSort: { field: 'name', direction: 'asc' },
  personal: { phone: 'phone' },
});

const OPEN_END = '9999-12-31';

/** The first live assignment of the mentor to the startup whose dates meet [from, to]. */
function overlapping(ctx: Ctx, next: MentorAssignment): MentorAssignment | null {
  const raw = ctx.rows
    .statement(
      `SELECT * FROM mentor_assignments
       WHERE mentor_id = ? AND startup_id = ? AND deleted = 0 AND id IS NOT ?
         AND from_date <= ? AND coalesce(to_date, ?) >= ?
       ORDER BY from_date LIMIT 1`,
    )
    .get(next.mentorId, next.startupId, next.id || null, next.toDate ?? OPEN_END, OPEN_END, next.fromDate) as
    Record<string, SqlValue> | undefined;
  return raw ? (decodeRow(mentorAssignmentsTable, raw) as MentorAssignment) : null;
}

const span = (a: { fromDate: string; toDate: string | null }) => `${a.fromDate} – ${a.toDate ?? 'ongoing'}`;

export const assignments = crudService<MentorAssignment>({
  spec: mentorAssignmentsTable,
  entity: 'mentor assignment',
  label: span,
  refs: { mentorId: 'mentors', startupId: 'startups' },
  filters: {
    mentorId: where.equals('mentor_assignments.mentor_id'),
    startupId: where.equals('mentor_assignments.startup_id'),
    // Active: not ended, or ending today or later (an assignment's last day still counts).
    active: (active: boolean, ctx: Ctx) => ({
      sql: active
        ? '(mentor_assignments.to_date IS NULL OR mentor_assignments.to_date >= ?)'
        : '(mentor_assignments.to_date IS NOT NULL AND mentor_assignments.to_date < ?)',
      params: [today(ctx)],
    }),
  },
  sorts: { fromDate: 'mentor_assignments.from_date', createdAt: 'mentor_assignments.created_at' },
  defaultSort: { field: 'fromDate', direction: 'desc' },
  validate(ctx, next, previous) {
    const path = (field: string) => (previous ? ['patch', field] : [field]);
    if (next.toDate && next.toDate < next.fromDate) {
      throw fail.field(path('toDate'), `An assignment cannot end (${next.toDate}) before it starts (${next.fromDate})`);
    }
    const clash = overlapping(ctx, next);
    if (clash) {
      throw fail.conflict(
        `This mentor is already assigned to this startup for ${span(clash)}; change or end that assignment instead`,
        path('fromDate').join('.'),
        { entity: 'mentor_assignments', id: clash.id, label: span(clash) },
      );
    }
  },
});

/** Ends an assignment on `toDate` (its last day), which may not be before it started. */
export function endAssignment(ctx: Ctx, input: { id: string; toDate: string }): MentorAssignment {
  const assignment = assignments.load(ctx, input.id);
  // Checked here, not left to the update's rule, so the error names this call's field.
  if (input.toDate < assignment.fromDate) {
    throw fail.field(['toDate'], `An assignment cannot end (${input.toDate}) before it starts (${assignment.fromDate})`);
  }
  return assignments.update(ctx, { id: input.id, patch: { toDate: input.toDate } });
}
