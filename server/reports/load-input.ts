/**
 * The national report's input (shared/reports/input.ts), read from the server's current
 * state: the `cells` of every centre (centre 'all') or of one, pivoted back into rows.
 *
 * - One query per table, all in one read-only REPEATABLE READ transaction, so the tables
 *   agree with one another (a session and its action items come from the same moment).
 *   Each query reads only the cells of that table's columns the KPIs need, groups them by
 *   row (`max(value) FILTER (WHERE col = …)` per column), and keeps live rows only: those
 *   whose `deleted` cell holds 0. A row without one (its creating ops never came) is not a
 *   row: a workstation keeps it as a deleted placeholder too (core/sync/apply-remote.ts).
 * - Values are decoded by server/sync/cell-value.ts, the same codec the server writes its
 *   own rows with; only the tombstone is compared in SQL (as JSON: `0` and `0.0` are the
 *   same number, as they are to a workstation), so that deleted rows never leave PostgreSQL.
 * - One centre's input also holds the national rows (centre_id NULL) of the tables that have
 *   them (programmes, the shared mentor directory), as that centre's workstations hold them:
 *   so the server's figures for one centre are the figures its own workstations compute.
 * - Trainees: only those an enrolment, certification or placement of the input names.
 *
 * The queries walk an index in row order (the primary key (tbl, row_id, col) for every
 * centre, cells_centre (centre_id, tbl, row_id) for one) and group as they go: each table's
 * cells are read once, never sorted, spilled to disk or hashed whole. Bitmap scans, sorts
 * and hash aggregation are turned off for them, because the planner otherwise picks those:
 * without statistics (PGlite never analyses; a centre just uploaded is missing from older
 * statistics) it sorts every cell of the table; with them, PostgreSQL 15 scans the whole
 * `cells` table (every other table's cells too) in parallel and sorts the table's cells on
 * disk, once per table. (PostgreSQL 17, as in PGlite, reads only the needed columns' cells
 * off the primary key; 15 reads the table's other cells too and drops them.) Measured with
 * 4 centres of 100,000 trainees and enrolments (10 million cells) on PostgreSQL 15: about
 * 5 s a table of 400,000 rows for every centre, 1–2 s for one centre, on a busy 2-core
 * machine. reports/load-input.test.ts checks the plans on both databases.
 */
import type { QuarterScheme } from '../../shared/reports/quarters.js';
import type { ReportInput } from '../../shared/reports/input.js';
import type { Sector, Stage } from '../../shared/records/startups.js';
import { tables, type TableName } from '../../shared/schema/tables.js';
import { ApiError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import { decodeCellValue } from '../sync/cell-value.js';

/** Every centre, or one centre's id (a uuid; the caller has checked its form). */
export type ReportCentreChoice = 'all' | string;

/** The row a pivot query gives: its id and centre, and a reader of its decoded cells. */
interface PivotRow {
  id: string;
  centreId: string | null;
  get(col: string): unknown;
}

const BASE_COLUMNS = new Set(['id', 'centre_id', 'created_at', 'updated_at', 'deleted']);

/** Reads the named columns of one table's live rows. */
interface TableRead<T> {
  tbl: TableName;
  columns: readonly string[];
  toRow(row: PivotRow): T;
}

function tableRead<T>(spec: TableRead<T>): TableRead<T> {
  // The names come from here only, never from a request; check them against the declarations.
  for (const col of spec.columns) {
    if (!BASE_COLUMNS.has(col) && !Object.hasOwn(tables[spec.tbl].columns, col)) {
      throw new Error(`${spec.tbl}.${col} is not a synced column`);
    }
  }
  return spec;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const textOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const bool = (value: unknown): boolean => value === 1 || value === true;

type Rows<K extends keyof ReportInput> = ReportInput[K] extends Array<infer R> ? R : never;

const READS = {
  startups: tableRead<Rows<'startups'>>({
    tbl: 'startups',
    columns: ['name', 'sector', 'stage', 'cohort_id', 'women_led', 'created_at'],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      name: textOr(r.get('name'), ''),
      sector: text(r.get('sector')) as Sector | null,
      stage: text(r.get('stage')) as Stage | null,
      cohortId: text(r.get('cohort_id')),
      womenLed: bool(r.get('women_led')),
      createdAt: textOr(r.get('created_at'), ''),
    }),
  }),
  stageChanges: tableRead<Rows<'stageChanges'>>({
    tbl: 'stage_changes',
    columns: ['startup_id', 'from_stage', 'to_stage', 'changed_on', 'created_at'],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      startupId: textOr(r.get('startup_id'), ''),
      fromStage: text(r.get('from_stage')) as Stage | null,
      toStage: textOr(r.get('to_stage'), 'applied') as Stage,
      changedOn: textOr(r.get('changed_on'), ''),
      createdAt: textOr(r.get('created_at'), ''),
    }),
  }),
  founders: tableRead<Rows<'founders'>>({
    tbl: 'founders',
    columns: ['startup_id', 'name'],
    toRow: (r) => ({ id: r.id, centreId: r.centreId, startupId: textOr(r.get('startup_id'), ''), name: textOr(r.get('name'), '') }),
  }),
  metrics: tableRead<Rows<'metrics'>>({
    tbl: 'quarterly_metrics',
    columns: [
      'startup_id',
      'quarter',
      'revenue_pkr',
      'export_revenue_usd',
      'funding_committed_pkr',
      'funding_raised_pkr',
      'funding_source',
      'jobs_full_time',
      'jobs_part_time',
      'jobs_women',
      'customers',
      'locked_at',
    ],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      startupId: textOr(r.get('startup_id'), ''),
      quarter: textOr(r.get('quarter'), ''),
      revenuePkr: num(r.get('revenue_pkr')),
      exportRevenueUsd: num(r.get('export_revenue_usd')),
      fundingCommittedPkr: num(r.get('funding_committed_pkr')),
      fundingRaisedPkr: num(r.get('funding_raised_pkr')),
      fundingSource: text(r.get('funding_source')),
      jobsFullTime: num(r.get('jobs_full_time')),
      jobsPartTime: num(r.get('jobs_part_time')),
      jobsWomen: num(r.get('jobs_women')),
      customers: num(r.get('customers')),
      lockedAt: text(r.get('locked_at')),
    }),
  }),
  milestones: tableRead<Rows<'milestones'>>({
    tbl: 'milestones',
    columns: ['startup_id', 'title', 'status', 'completed_on'],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      startupId: textOr(r.get('startup_id'), ''),
      title: textOr(r.get('title'), ''),
      status: textOr(r.get('status'), 'planned'),
      completedOn: text(r.get('completed_on')),
    }),
  }),
  mentors: tableRead<Rows<'mentors'>>({
    tbl: 'mentors',
    columns: ['name', 'country'],
    toRow: (r) => ({ id: r.id, centreId: r.centreId, name: textOr(r.get('name'), ''), country: text(r.get('country')) }),
  }),
  assignments: tableRead<Rows<'assignments'>>({
    tbl: 'mentor_assignments',
    columns: ['mentor_id', 'startup_id', 'from_date', 'to_date'],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      mentorId: textOr(r.get('mentor_id'), ''),
      startupId: textOr(r.get('startup_id'), ''),
      fromDate: textOr(r.get('from_date'), ''),
      toDate: text(r.get('to_date')),
    }),
  }),
  sessions: tableRead<Rows<'sessions'>>({
    tbl: 'mentoring_sessions',
    columns: ['mentor_id', 'startup_id', 'starts_at', 'minutes'],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      mentorId: textOr(r.get('mentor_id'), ''),
      startupId: textOr(r.get('startup_id'), ''),
      startsAt: textOr(r.get('starts_at'), ''),
      minutes: num(r.get('minutes')) ?? 0,
    }),
  }),
  actionItems: tableRead<Rows<'actionItems'>>({
    tbl: 'action_items',
    columns: ['session_id', 'text', 'due_on', 'done', 'done_on'],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      sessionId: textOr(r.get('session_id'), ''),
      text: textOr(r.get('text'), ''),
      dueOn: text(r.get('due_on')),
      done: bool(r.get('done')),
      doneOn: text(r.get('done_on')),
    }),
  }),
  programmes: tableRead<Rows<'programmes'>>({
    tbl: 'programmes',
    columns: ['name'],
    toRow: (r) => ({ id: r.id, centreId: r.centreId, name: textOr(r.get('name'), '') }),
  }),
  cohorts: tableRead<Rows<'cohorts'>>({
    tbl: 'cohorts',
    columns: ['programme_id', 'name'],
    toRow: (r) => ({ id: r.id, centreId: r.centreId, programmeId: textOr(r.get('programme_id'), ''), name: textOr(r.get('name'), '') }),
  }),
  trainees: tableRead<Rows<'trainees'>>({
    tbl: 'trainees',
    columns: ['name', 'gender'],
    toRow: (r) => ({ id: r.id, centreId: r.centreId, name: textOr(r.get('name'), ''), gender: text(r.get('gender')) }),
  }),
  enrolments: tableRead<Rows<'enrolments'>>({
    tbl: 'enrolments',
    columns: ['trainee_id', 'cohort_id', 'status', 'completed_on', 'created_at'],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      traineeId: textOr(r.get('trainee_id'), ''),
      cohortId: textOr(r.get('cohort_id'), ''),
      status: textOr(r.get('status'), 'enrolled'),
      completedOn: text(r.get('completed_on')),
      createdAt: textOr(r.get('created_at'), ''),
    }),
  }),
  certifications: tableRead<Rows<'certifications'>>({
    tbl: 'certifications',
    columns: ['trainee_id', 'issued_on'],
    toRow: (r) => ({ id: r.id, centreId: r.centreId, traineeId: textOr(r.get('trainee_id'), ''), issuedOn: textOr(r.get('issued_on'), '') }),
  }),
  placements: tableRead<Rows<'placements'>>({
    tbl: 'placements',
    columns: ['trainee_id', 'kind', 'started_on'],
    toRow: (r) => ({
      id: r.id,
      centreId: r.centreId,
      traineeId: textOr(r.get('trainee_id'), ''),
      kind: textOr(r.get('kind'), 'job'),
      startedOn: textOr(r.get('started_on'), ''),
    }),
  }),
} satisfies { [K in Exclude<keyof ReportInput, 'centres' | 'scheme'>]: TableRead<Rows<K>> };

/**
 * The pivot query of one table. `$1` the table, `$2` the centre (none for every centre),
 * then the tombstone's value and the column names; c0… are the columns' cell values as stored.
 */
function pivotSql(columns: readonly string[], scope: 'all' | 'centre' | 'centre-and-national'): string {
  const first = scope === 'all' ? 2 : 3;
  const colParam = (i: number) => `$${first + 1 + i}`;
  const values = columns.map((_, i) => `max(c.value) FILTER (WHERE c.col = ${colParam(i)}) AS c${i}`);
  const where =
    scope === 'all' ? 'TRUE' : scope === 'centre' ? 'c.centre_id = $2::uuid' : '(c.centre_id = $2::uuid OR c.centre_id IS NULL)';
  const deletedParam = `$${first}`;
  return `SELECT c.row_id::text AS id, min(c.centre_id::text) FILTER (WHERE c.col = 'deleted') AS centre_id, ${values.join(', ')}
            FROM cells c
           WHERE c.tbl = $1 AND ${where} AND c.col IN ('deleted', ${columns.map((_, i) => colParam(i)).join(', ')})
           GROUP BY c.row_id
          HAVING (max(c.value) FILTER (WHERE c.col = 'deleted'))::jsonb = ${deletedParam}::jsonb
           ORDER BY c.row_id`;
}

async function readTable<T>(tx: Db, read: TableRead<T>, centreId: string | null): Promise<T[]> {
  const scope = centreId === null ? 'all' : tables[read.tbl].scope === 'centre-or-national' ? 'centre-and-national' : 'centre';
  const sql = pivotSql(read.columns, scope);
  const params = [read.tbl, ...(centreId === null ? [] : [centreId]), '0', ...read.columns];
  const rows = await tx.query<Record<string, string | null>>(sql, params);
  const index = new Map(read.columns.map((col, i) => [col, `c${i}`]));
  return rows.map((row) =>
    read.toRow({
      id: row.id!,
      centreId: row.centre_id ?? null,
      get: (col) => decodeCellValue(row[index.get(col)!]),
    }),
  );
}

/**
 * The quarter scheme the report is labelled with: the centre's own (its `centres` row, as its
 * workstations set it); for every centre, the one they share, or the calendar when they differ
 * (a fiscal year-to-date summed with calendar ones would mean nothing).
 */
async function schemeOf(tx: Db, centreIds: readonly string[]): Promise<QuarterScheme> {
  if (centreIds.length === 0) return 'calendar';
  const rows = await tx.query<{ id: string; value: string }>(
    `SELECT c.row_id::text AS id, c.value FROM cells c
      WHERE c.tbl = 'centres' AND c.col = 'quarter_scheme'
        AND c.row_id IN (SELECT (j.id)::uuid FROM json_array_elements_text($1::json) AS j(id))`,
    [JSON.stringify(centreIds)],
  );
  const byCentre = new Map(rows.map((r) => [r.id, decodeCellValue(r.value) === 'pk-fiscal' ? 'pk-fiscal' : 'calendar'] as const));
  const schemes = new Set(centreIds.map((id) => byCentre.get(id) ?? 'calendar'));
  return schemes.size === 1 ? [...schemes][0]! : 'calendar';
}

/** The report's input for every centre or one; a centre the server does not know is a 404. */
export async function loadReportInput(db: Db, centre: ReportCentreChoice): Promise<ReportInput> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const centreId = centre === 'all' ? null : centre;
    const centres = await tx.query<{ id: string; name: string }>(
      `SELECT id::text AS id, name FROM centres WHERE $1::uuid IS NULL OR id = $1::uuid ORDER BY name, id`,
      [centreId],
    );
    if (centreId !== null && centres.length === 0) {
      throw new ApiError(404, 'not-found', `centre: no centre with id ${centreId} on this server`);
    }
    const scheme = await schemeOf(
      tx,
      centres.map((c) => c.id),
    );
    await tx.query('SET LOCAL enable_bitmapscan = off');
    await tx.query('SET LOCAL enable_hashagg = off');
    await tx.query('SET LOCAL enable_sort = off');
    const read = <T>(spec: TableRead<T>) => readTable(tx, spec, centreId);
    const input: ReportInput = {
      centres,
      scheme,
      startups: await read(READS.startups),
      stageChanges: await read(READS.stageChanges),
      founders: await read(READS.founders),
      metrics: await read(READS.metrics),
      milestones: await read(READS.milestones),
      mentors: await read(READS.mentors),
      assignments: await read(READS.assignments),
      sessions: await read(READS.sessions),
      actionItems: await read(READS.actionItems),
      programmes: await read(READS.programmes),
      cohorts: await read(READS.cohorts),
      trainees: [],
      enrolments: await read(READS.enrolments),
      certifications: await read(READS.certifications),
      placements: await read(READS.placements),
    };
    const named = new Set<string>();
    for (const rows of [input.enrolments, input.certifications, input.placements]) for (const r of rows) named.add(r.traineeId);
    input.trainees = (await read(READS.trainees)).filter((t) => named.has(t.id));
    return input;
  });
}
