/**
 * `trainees.merge`: two records of one person become one. Found after an import, or when
 * two desks registered the same trainee offline. The kept record takes the other's values
 * where it has none (and where the caller asks), gets its enrolments, certifications and
 * placements, and the other is tombstoned; every change goes through the services, so it is
 * in both records' history and syncs like any edit. One transaction (the router's).
 */
import { fail } from '../../shared/api/errors.js';
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import { enrolmentsTable, traineesTable, type Enrolment, type Trainee } from '../../shared/records/trainees.js';
import { audit, type Ctx } from '../context.js';
import { decodeRow, type SqlValue } from '../db/rows.js';
import { enrolments } from './enrolments.service.js';
import { certifications, placements } from './outcomes.service.js';
import { trainees } from './trainees.service.js';

type Merged = OutputOf<'trainees.merge'>;

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** The kept record's patch: what `take` names, and the other's values where the kept one has none. */
function mergedFields(keep: Trainee, other: Trainee, take: readonly string[]): Partial<Trainee> {
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(traineesTable.fields.shape) as (keyof Trainee)[]) {
    const mine = keep[field];
    const theirs = other[field];
    if (isEmpty(theirs)) continue;
    if (take.includes(field) || isEmpty(mine)) patch[field] = theirs;
  }
  return patch as Partial<Trainee>;
}

function liveEnrolments(ctx: Ctx, traineeId: string): Enrolment[] {
  const raws = ctx.rows.statement('SELECT * FROM enrolments WHERE trainee_id = ? AND deleted = 0 ORDER BY created_at').all(traineeId);
  return (raws as Record<string, SqlValue>[]).map((raw) => decodeRow(enrolmentsTable, raw) as Enrolment);
}

/** Ids of the live rows of a child table (certifications, placements) of the trainee. */
function liveIds(ctx: Ctx, table: 'certifications' | 'placements', traineeId: string): string[] {
  const rows = ctx.rows.statement(`SELECT id FROM ${table} WHERE trainee_id = ? AND deleted = 0 ORDER BY created_at`).all(traineeId);
  return (rows as { id: string }[]).map((r) => r.id);
}

export function mergeTrainees(ctx: Ctx, input: ParsedInputOf<'trainees.merge'>): Merged {
  if (input.keepId === input.mergeId) throw fail.field(['mergeId'], 'Choose two different trainees');
  const keep = trainees.load(ctx, input.keepId);
  const other = trainees.load(ctx, input.mergeId);

  const kept = new Map(liveEnrolments(ctx, keep.id).map((e) => [e.cohortId, e]));
  const moved = { enrolments: 0, certifications: 0, placements: 0 };
  for (const enrolment of liveEnrolments(ctx, other.id)) {
    const mine = kept.get(enrolment.cohortId);
    if (!mine) {
      enrolments.update(ctx, { id: enrolment.id, patch: { traineeId: keep.id } });
      moved.enrolments += 1;
      continue;
    }
    // Both were enrolled in this cohort: one enrolment stays, with the score if only the other had one.
    if (mine.score === null && enrolment.score !== null) {
      enrolments.update(ctx, { id: mine.id, patch: { score: enrolment.score, status: enrolment.status } });
    }
    enrolments.remove(ctx, { id: enrolment.id });
  }
  for (const id of liveIds(ctx, 'certifications', other.id)) {
    certifications.update(ctx, { id, patch: { traineeId: keep.id } });
    moved.certifications += 1;
  }
  for (const id of liveIds(ctx, 'placements', other.id)) {
    placements.update(ctx, { id, patch: { traineeId: keep.id } });
    moved.placements += 1;
  }
  // The other record goes first, so that its CNIC or email can move to the kept one.
  trainees.remove(ctx, { id: other.id });
  const patch = mergedFields(keep, other, input.take);
  const trainee = Object.keys(patch).length > 0 ? trainees.update(ctx, { id: keep.id, patch }) : trainees.get(ctx, { id: keep.id });
  audit(ctx, 'trainees.merged', 'trainees', keep.id, { mergedId: other.id, ...moved });
  return { trainee, mergedId: other.id, moved };
}
