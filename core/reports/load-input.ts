/**
 * A centre's report input (shared/reports/input.ts) from this workstation's SQLite: one
 * parameterised query per table, live rows (deleted = 0) of the centre (and the national
 * programmes and mentors it holds), and of the long tables only what can count up to the
 * quarter's end: the quarter's sessions, action items of them or not done before it began
 * (and their sessions), enrolments made or completed before its end, certifications and
 * placements before it, check-ins of this quarter and earlier.
 * Startups, their stage history and founders are read whole (a few thousand rows): a stage
 * at a date looks at the changes around it. The caller runs it in one transaction so that
 * the tables agree with one another.
 *
 * An action item done before its day was recorded (schema 6) has none: it counts as done,
 * but as closed in no quarter (the server reads it the same way).
 */
import type { Centre } from '../../shared/records/centres.js';
import type { Sector, Stage } from '../../shared/records/startups.js';
import type { ReportInput } from '../../shared/reports/input.js';
import { quarterRange } from '../../shared/reports/quarters.js';
import type { Ctx } from '../context.js';

type Rows<K extends keyof ReportInput> = ReportInput[K];

const bool = (v: unknown) => v === 1;

export function loadReportInput(ctx: Ctx, centre: Centre, quarter: string): ReportInput {
  const { start, end } = quarterRange(quarter);
  const c = centre.id;
  const all = <T>(sql: string, ...params: unknown[]) => ctx.rows.statement(sql).all(...params) as T[];

  const startups = all<Record<string, unknown>>(
    `SELECT id, centre_id, name, sector, stage, cohort_id, women_led, created_at
     FROM startups WHERE deleted = 0 AND centre_id = ? ORDER BY id`,
    c,
  ).map((r): Rows<'startups'>[number] => ({
    id: r.id as string,
    centreId: r.centre_id as string | null,
    name: (r.name as string | null) ?? '',
    sector: r.sector as Sector | null,
    stage: r.stage as Stage | null,
    cohortId: r.cohort_id as string | null,
    womenLed: bool(r.women_led),
    createdAt: r.created_at as string,
  }));

  const stageChanges = all<Rows<'stageChanges'>[number]>(
    `SELECT id, centre_id AS centreId, startup_id AS startupId, from_stage AS fromStage, to_stage AS toStage,
            changed_on AS changedOn, created_at AS createdAt
     FROM stage_changes WHERE deleted = 0 AND centre_id = ? AND to_stage IS NOT NULL AND changed_on IS NOT NULL`,
    c,
  );

  const founders = all<Rows<'founders'>[number]>(
    `SELECT id, centre_id AS centreId, startup_id AS startupId, coalesce(name, '') AS name
     FROM founders WHERE deleted = 0 AND centre_id = ? ORDER BY created_at, id`,
    c,
  );

  const metrics = all<Rows<'metrics'>[number]>(
    `SELECT id, centre_id AS centreId, startup_id AS startupId, quarter, revenue_pkr AS revenuePkr,
            export_revenue_usd AS exportRevenueUsd, funding_committed_pkr AS fundingCommittedPkr,
            funding_raised_pkr AS fundingRaisedPkr, funding_source AS fundingSource, jobs_full_time AS jobsFullTime,
            jobs_part_time AS jobsPartTime, jobs_women AS jobsWomen, customers, locked_at AS lockedAt
     FROM quarterly_metrics WHERE deleted = 0 AND centre_id = ? AND quarter <= ?`,
    c,
    quarter,
  );

  const milestones = all<Rows<'milestones'>[number]>(
    `SELECT id, centre_id AS centreId, startup_id AS startupId, coalesce(title, '') AS title, status, completed_on AS completedOn
     FROM milestones WHERE deleted = 0 AND centre_id = ? AND status = 'done' AND completed_on >= ? AND completed_on < ?`,
    c,
    start,
    end,
  );

  const mentors = all<Rows<'mentors'>[number]>(
    `SELECT id, centre_id AS centreId, coalesce(name, '') AS name, country
     FROM mentors WHERE deleted = 0 AND (centre_id = ? OR centre_id IS NULL)`,
    c,
  );

  const assignments = all<Rows<'assignments'>[number]>(
    `SELECT id, centre_id AS centreId, mentor_id AS mentorId, startup_id AS startupId, from_date AS fromDate, to_date AS toDate
     FROM mentor_assignments
     WHERE deleted = 0 AND centre_id = ? AND from_date < ? AND (to_date IS NULL OR to_date >= ?)`,
    c,
    end,
    start,
  );

  // Action items that can count: of the quarter's sessions (opened), or not done before the
  // quarter began (closed in it, overdue or open at its end). Their sessions, and the quarter's.
  const itemsWhere = `a.deleted = 0 AND a.centre_id = ? AND (a.done IS NOT 1 OR a.done_on >= ? OR s.starts_at >= ?)`;
  const sessions = all<Rows<'sessions'>[number]>(
    `SELECT id, centre_id AS centreId, mentor_id AS mentorId, startup_id AS startupId, starts_at AS startsAt, coalesce(minutes, 0) AS minutes
     FROM mentoring_sessions
     WHERE deleted = 0 AND centre_id = ? AND starts_at < ? AND (starts_at >= ? OR id IN (
       SELECT a.session_id FROM action_items a JOIN mentoring_sessions s ON s.id = a.session_id WHERE ${itemsWhere}))`,
    c,
    end,
    start,
    c,
    start,
    start,
  );

  const actionItems = all<Record<string, unknown>>(
    `SELECT a.id, a.centre_id, a.session_id, a.due_on, a.done, a.text, CASE WHEN a.done = 1 THEN a.done_on END AS done_on
     FROM action_items a JOIN mentoring_sessions s ON s.id = a.session_id
     WHERE ${itemsWhere} AND s.deleted = 0 AND s.starts_at < ?`,
    c,
    start,
    start,
    end,
  ).map((r): Rows<'actionItems'>[number] => ({
    id: r.id as string,
    centreId: r.centre_id as string | null,
    sessionId: r.session_id as string,
    dueOn: r.due_on as string | null,
    done: bool(r.done),
    doneOn: r.done_on as string | null,
    text: (r.text as string | null) ?? undefined,
  }));

  const programmes = all<Rows<'programmes'>[number]>(
    `SELECT id, centre_id AS centreId, coalesce(name, '') AS name
     FROM programmes WHERE deleted = 0 AND (centre_id = ? OR centre_id IS NULL)`,
    c,
  );

  const cohorts = all<Rows<'cohorts'>[number]>(
    `SELECT id, centre_id AS centreId, programme_id AS programmeId, coalesce(name, '') AS name
     FROM cohorts WHERE deleted = 0 AND centre_id = ?`,
    c,
  );

  // Made before the end, or completed before it (results imported after the quarter).
  const enrolmentsWhere = `deleted = 0 AND centre_id = ? AND (created_at < ? OR completed_on < ?)`;
  const enrolments = all<Rows<'enrolments'>[number]>(
    `SELECT id, centre_id AS centreId, trainee_id AS traineeId, cohort_id AS cohortId, coalesce(status, 'enrolled') AS status,
            completed_on AS completedOn, created_at AS createdAt
     FROM enrolments WHERE ${enrolmentsWhere}`,
    c,
    end,
    end,
  );
  const certifications = all<Rows<'certifications'>[number]>(
    `SELECT id, centre_id AS centreId, trainee_id AS traineeId, issued_on AS issuedOn
     FROM certifications WHERE deleted = 0 AND centre_id = ? AND issued_on < ?`,
    c,
    end,
  );
  const placements = all<Rows<'placements'>[number]>(
    `SELECT id, centre_id AS centreId, trainee_id AS traineeId, kind, started_on AS startedOn
     FROM placements WHERE deleted = 0 AND centre_id = ? AND started_on < ?`,
    c,
    end,
  );
  const trainees = all<Rows<'trainees'>[number]>(
    `SELECT id, centre_id AS centreId, coalesce(name, '') AS name, gender FROM trainees
     WHERE deleted = 0 AND id IN (
       SELECT trainee_id FROM enrolments WHERE ${enrolmentsWhere}
       UNION SELECT trainee_id FROM certifications WHERE deleted = 0 AND centre_id = ? AND issued_on < ?
       UNION SELECT trainee_id FROM placements WHERE deleted = 0 AND centre_id = ? AND started_on < ?)`,
    c,
    end,
    end,
    c,
    end,
    c,
    end,
  );

  return {
    centres: [{ id: centre.id, name: centre.name }],
    scheme: centre.quarterScheme,
    startups,
    stageChanges,
    founders,
    metrics,
    milestones,
    mentors,
    assignments,
    sessions,
    actionItems,
    programmes,
    cohorts,
    trainees,
    enrolments,
    certifications,
    placements,
  };
}
