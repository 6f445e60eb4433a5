/**
 * Enrolments: a trainee in a cohort, with a status (enrolled → completed or dropped), a
 * score and the day they completed. A trainee is enrolled in a cohort at most once.
 */
import { fail } from '../../shared/api/errors.js';
import { enrolmentsTable, type Enrolment } from '../../shared/records/trainees.js';
import { today, type Ctx } from '../context.js';
import { crudService, where } from '../records/crud.js';
import { assertNotFuture, fieldPath } from './rules.js';

/** The live enrolment of this trainee in this cohort other than `selfId`, with names to show. */
function sameEnrolment(
  ctx: Ctx,
  traineeId: string,
  cohortId: string,
  selfId: string | null,
): { id: string; trainee: string | null; cohort: string | null } | undefined {
  return ctx.rows
    .statement(
      `SELECT e.id, t.name AS trainee, c.name AS cohort
       FROM enrolments e LEFT JOIN trainees t ON t.id = e.trainee_id LEFT JOIN cohorts c ON c.id = e.cohort_id
       WHERE e.trainee_id = ? AND e.cohort_id = ? AND e.deleted = 0 AND e.id IS NOT ?
       LIMIT 1`,
    )
    .get(traineeId, cohortId, selfId) as { id: string; trainee: string | null; cohort: string | null } | undefined;
}

export const enrolments = crudService<Enrolment>({
  spec: enrolmentsTable,
  entity: 'enrolment',
  label: (e) => `Enrolment (${e.status})`,
  refs: { traineeId: 'trainees', cohortId: 'cohorts' },
  filters: {
    traineeId: where.equals('enrolments.trainee_id'),
    cohortId: where.equals('enrolments.cohort_id'),
    status: where.equals('enrolments.status'),
  },
  sorts: { createdAt: 'enrolments.created_at', score: 'enrolments.score' },
  defaultSort: { field: 'createdAt', direction: 'asc' },
  validate(ctx, next, previous) {
    const path = fieldPath(previous);
    if (next.completedOn && next.status !== 'completed') {
      // Setting a completed enrolment back to enrolled or dropped carries its old date
      // along; that date is cleared after the write instead of refused, since the caller
      // did not send it. A date sent with another status is a mistake to point out.
      const carried = previous?.status === 'completed' && previous.completedOn === next.completedOn;
      if (!carried) throw fail.field(path('completedOn'), 'Only a completed enrolment has a completion date');
    }
    assertNotFuture(ctx, next.completedOn, path('completedOn'), 'The completion date');
    // Checked when the pair is new or changes: a duplicate that two offline workstations
    // made and sync merged must not lock both records against edits.
    if (!previous || previous.traineeId !== next.traineeId || previous.cohortId !== next.cohortId) {
      const clash = sameEnrolment(ctx, next.traineeId, next.cohortId, previous ? next.id : null);
      if (clash) {
        const label = `${clash.trainee ?? 'This trainee'} in ${clash.cohort ?? 'this cohort'}`;
        throw fail.conflict(
          `${clash.trainee ?? 'This trainee'} is already enrolled in ${clash.cohort ?? 'this cohort'}; change that enrolment instead`,
          path('cohortId').join('.'),
          { entity: 'enrolments', id: clash.id, label },
        );
      }
    }
  },
  afterWrite(ctx, row) {
    const userId = ctx.user?.id ?? null;
    // Marked completed without a date: completed today.
    if (row.status === 'completed' && !row.completedOn) {
      return ctx.rows.update<Enrolment>(enrolmentsTable, row.id, { completedOn: today(ctx) }, { userId })!;
    }
    // No longer completed: the completion date (carried over, see validate) goes.
    if (row.status !== 'completed' && row.completedOn) {
      return ctx.rows.update<Enrolment>(enrolmentsTable, row.id, { completedOn: null }, { userId })!;
    }
  },
});
