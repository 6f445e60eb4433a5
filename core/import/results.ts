/**
 * A cohort's exam sheet (CNIC, score, status, certificate no.) applied to trainees who are
 * already registered: the enrolment in the chosen cohort gets the score and status (it is
 * made if the trainee was not enrolled), and a certificate number makes or updates the
 * trainee's certification. Nobody is created: a CNIC no trainee has is rejected, and so is
 * a row whose name is not the name registered for its CNIC — a mistyped CNIC would
 * otherwise put one person's score on another's record.
 */
import { fail } from '../../shared/api/errors.js';
import type { ImportOptions } from '../../shared/api/import.js';
import { certificationsTable, enrolmentsTable, type Certification, type Enrolment } from '../../shared/records/trainees.js';
import { today, type Ctx } from '../context.js';
import { decodeRow, type SqlValue } from '../db/rows.js';
import { enrolments } from '../trainees/enrolments.service.js';
import { certifications } from '../trainees/outcomes.service.js';
import { sameValue, type RowOutcome } from './plan.js';
import type { ImportRow } from './rows.js';

export interface ResultPlan {
  row: ImportRow;
  traineeId: string;
  /** The live enrolment in the cohort, or null: one is made. */
  enrolment: Enrolment | null;
  enrolmentChanges: Partial<Enrolment>;
  certification: Certification | null;
  /** Fields of the certification to create (no stored one) or to change (stored one). */
  certificationChanges: Partial<Certification> | null;
}

export interface ResultsCohort {
  id: string;
  name: string;
  programmeName: string;
}

export function resultsCohort(ctx: Ctx, cohortId: string): ResultsCohort {
  const row = ctx.rows
    .statement(
      `SELECT c.id, c.name, p.name AS programmeName FROM cohorts c LEFT JOIN programmes p ON p.id = c.programme_id
       WHERE c.id = ? AND c.deleted = 0`,
    )
    .get(cohortId) as ResultsCohort | undefined;
  if (!row) throw fail.field(['options', 'cohortId'], 'No cohort with this id');
  return row;
}

function words(name: string): string[] {
  return name.toLowerCase().split(/[\s.]+/).filter((w) => w !== '');
}

/** The same name, or one name's words all within the other's ("Ali Khan", "Muhammad Ali Khan"). */
export function namesMatch(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  const [short, long] = x.length <= y.length ? [x, new Set(y)] : [y, new Set(x)];
  return short.length > 0 && short.every((w) => long.has(w));
}

/** Plans every valid row; rows that cannot apply get an issue (and no plan). */
export function planResults(ctx: Ctx, rows: readonly ImportRow[], cohort: ResultsCohort, options: ImportOptions): ResultPlan[] {
  const traineeByCnic = ctx.rows.statement('SELECT id, name FROM trainees WHERE cnic = ? AND deleted = 0 LIMIT 1');
  const enrolmentOf = ctx.rows.statement('SELECT * FROM enrolments WHERE trainee_id = ? AND cohort_id = ? AND deleted = 0 LIMIT 1');
  const certificationByNo = ctx.rows.statement('SELECT * FROM certifications WHERE certificate_no = ? AND deleted = 0 LIMIT 1');
  const seen = new Map<string, number>();
  const plans: ResultPlan[] = [];
  for (const row of rows) {
    const issue = (field: string, message: string) => row.issues.push({ row: row.row, field, column: null, value: null, message });
    const v = row.values as { cnic: string; name?: string; score?: number; status?: Enrolment['status']; certificateNo?: string; certificateTitle?: string; issuedOn?: string };
    const earlier = seen.get(v.cnic);
    if (earlier !== undefined) {
      issue('cnic', `This CNIC is also on row ${earlier}`);
      continue;
    }
    seen.set(v.cnic, row.row);
    const trainee = traineeByCnic.get(v.cnic) as { id: string; name: string } | undefined;
    if (!trainee) {
      issue('cnic', 'No trainee has this CNIC: import the trainee first');
      continue;
    }
    if (v.name !== undefined && !namesMatch(v.name, trainee.name)) {
      issue('name', `This CNIC is registered to ${trainee.name}, not ${v.name}`);
      continue;
    }
    const rawEnrolment = enrolmentOf.get(trainee.id, cohort.id) as Record<string, SqlValue> | undefined;
    const enrolment = rawEnrolment ? (decodeRow(enrolmentsTable, rawEnrolment) as Enrolment) : null;
    const status = v.status ?? (v.score !== undefined ? 'completed' : undefined);
    const enrolmentChanges: Partial<Enrolment> = {};
    if (v.score !== undefined && !sameValue(enrolment?.score, v.score)) enrolmentChanges.score = v.score;
    if (status !== undefined && status !== enrolment?.status) enrolmentChanges.status = status;

    let certification: Certification | null = null;
    let certificationChanges: Partial<Certification> | null = null;
    if (v.certificateNo !== undefined) {
      const raw = certificationByNo.get(v.certificateNo) as Record<string, SqlValue> | undefined;
      certification = raw ? (decodeRow(certificationsTable, raw) as Certification) : null;
      if (certification && certification.traineeId !== trainee.id) {
        issue('certificateNo', `Certificate no. ${v.certificateNo} is already on another trainee's record`);
        continue;
      }
      if (certification) {
        const changes: Partial<Certification> = {};
        if (v.certificateTitle !== undefined && v.certificateTitle !== certification.title) changes.title = v.certificateTitle;
        if (v.issuedOn !== undefined && v.issuedOn !== certification.issuedOn) changes.issuedOn = v.issuedOn;
        certificationChanges = Object.keys(changes).length > 0 ? changes : null;
      } else {
        certificationChanges = {
          traineeId: trainee.id,
          certificateNo: v.certificateNo,
          title: v.certificateTitle ?? options.certificateTitle ?? cohort.programmeName ?? cohort.name,
          issuedOn: v.issuedOn ?? options.issuedOn ?? today(ctx),
        };
      }
    }
    plans.push({ row, traineeId: trainee.id, enrolment, enrolmentChanges, certification, certificationChanges });
  }
  return plans;
}

export function resultOutcome(plan: ResultPlan): RowOutcome {
  const enrolmentChanges = plan.enrolment === null || Object.keys(plan.enrolmentChanges).length > 0;
  return enrolmentChanges || plan.certificationChanges !== null ? 'updated' : 'skipped';
}

export interface ResultTally {
  enrolments: { added: number; updated: number };
  certifications: { added: number; updated: number };
}

/** Writes one row's plan through the enrolment and certification services (caller's transaction). */
export function applyResult(ctx: Ctx, plan: ResultPlan, cohortId: string, tally: ResultTally): void {
  if (plan.enrolment === null) {
    enrolments.create(ctx, { traineeId: plan.traineeId, cohortId, status: 'enrolled', ...plan.enrolmentChanges });
    tally.enrolments.added += 1;
  } else if (Object.keys(plan.enrolmentChanges).length > 0) {
    enrolments.update(ctx, { id: plan.enrolment.id, patch: plan.enrolmentChanges });
    tally.enrolments.updated += 1;
  }
  if (plan.certificationChanges === null) return;
  if (plan.certification === null) {
    certifications.create(ctx, plan.certificationChanges);
    tally.certifications.added += 1;
  } else {
    certifications.update(ctx, { id: plan.certification.id, patch: plan.certificationChanges });
    tally.certifications.updated += 1;
  }
}
