/**
 * The quarterly report: one data object (every KPI of shared/reports/kpis.ts, their breakdowns
 * and the tables behind the documents) computed by the same code on a workstation (its own
 * centre) and on the server (the national roll-up: all centres or one, for national devices),
 * then rendered to PDF, XLSX, CSV (zipped, a file per section) or JSON.
 */
import { z } from 'zod';
import { Id, IsoDate, Quarter } from '../records/base.js';
import { Sector, Stage } from '../records/startups.js';
import { KPI_KEYS, type KpiKey } from '../reports/kpis.js';
import { call, job } from './define.js';

export const KpiKeySchema = z.enum(KPI_KEYS as [KpiKey, ...KpiKey[]]);

/** Every KPI's value; null where a share has no denominator. */
export const KpiValuesSchema = z.record(KpiKeySchema, z.number().nullable());
/** The KPIs that have a breakdown (KpiDef.breakdown), for one sector, cohort or centre. */
export const PartialKpiValues = z.partialRecord(KpiKeySchema, z.number().nullable());

export const ReportScope = z.object({
  /** 'centre': a workstation's own centre; 'national': the server's roll-up. */
  kind: z.enum(['centre', 'national']),
  /** The centre reported on; null for all centres. */
  centreId: Id.nullable(),
  /** The centre's name, or "All centres". */
  name: z.string(),
  /** How many centres the figures cover. */
  centres: z.number().int(),
});

export const StartupAnnex = z.object({
  startupId: Id,
  centreId: Id.nullable(),
  name: z.string(),
  sector: Sector.nullable(),
  /** The stage at the quarter's end. */
  stage: Stage.nullable(),
  cohortName: z.string().nullable(),
  womenLed: z.boolean(),
  founders: z.array(z.string()),
  mentors: z.array(z.string()),
  sessions: z.number().int(),
  hours: z.number(),
  /** The quarter's check-in, null when none was made. */
  checkIn: z
    .object({
      revenuePkr: z.number().nullable(),
      exportRevenueUsd: z.number().nullable(),
      fundingCommittedPkr: z.number().nullable(),
      fundingRaisedPkr: z.number().nullable(),
      fundingSource: z.string().nullable(),
      jobsFullTime: z.number().nullable(),
      jobsPartTime: z.number().nullable(),
      jobsWomen: z.number().nullable(),
      customers: z.number().nullable(),
      locked: z.boolean(),
    })
    .nullable(),
  milestonesDone: z.array(z.object({ title: z.string(), completedOn: IsoDate.nullable() })),
  actionItemsOpen: z.number().int(),
});
export type StartupAnnex = z.infer<typeof StartupAnnex>;

export const QuarterlyReport = z.object({
  /** Bumped when a key changes meaning or goes away (keys are only ever added otherwise). */
  format: z.literal('incubator-desk.quarterly-report/1'),
  quarter: Quarter,
  scheme: z.enum(['calendar', 'pk-fiscal']),
  /** "2026-Q3 (Jul–Sep 2026)" or "FY2026-27 Q1 (Jul–Sep 2026)". */
  label: z.string(),
  /** [start, end) of the quarter's dates. */
  start: IsoDate,
  end: IsoDate,
  generatedAt: z.string(),
  /** Where it was computed: this workstation's database, or the server's. */
  source: z.enum(['workstation', 'server']),
  scope: ReportScope,
  values: KpiValuesSchema,
  bySector: z.array(z.object({ sector: Sector, values: PartialKpiValues })),
  byCohort: z.array(z.object({ cohortId: Id, cohortName: z.string(), programmeName: z.string().nullable(), values: PartialKpiValues })),
  /** National reports: one entry per centre covered; empty for a centre's own report. */
  byCentre: z.array(z.object({ centreId: Id, centreName: z.string(), values: KpiValuesSchema })),
  fundingBySource: z.array(z.object({ source: z.string(), committedPkr: z.number(), raisedPkr: z.number() })),
  perMentor: z.array(
    z.object({ mentorId: Id, name: z.string(), country: z.string().nullable(), sessions: z.number().int(), hours: z.number(), startups: z.number().int() }),
  ),
  /** One per startup active, inducted, graduated or dropped in the quarter, or mentored in it: the PDF's annex pages. */
  perStartup: z.array(StartupAnnex),
  /** Check-ins of the quarter: how many startups were expected to report (active at quarter end), made one, and are signed off. */
  checkIns: z.object({ expected: z.number().int(), received: z.number().int(), locked: z.number().int() }),
  charts: z.object({
    /** The quarter's three months. */
    sessionsPerMonth: z.array(z.object({ month: z.string(), sessions: z.number().int(), hours: z.number() })),
    /** Every stage, at the quarter's end. */
    startupsByStage: z.array(z.object({ stage: Stage, count: z.number().int() })),
  }),
});
export type QuarterlyReport = z.infer<typeof QuarterlyReport>;

export const ReportQuery = z
  .object({
    quarter: Quarter,
    /**
     * National devices only: 'all' centres or one centre's id (default 'all'), answered by the
     * server. A centre's workstation always reports on its own centre and may leave it out.
     */
    centre: z.union([z.literal('all'), Id]).optional(),
  })
  .strict();

export const ReportFormat = z.enum(['pdf', 'xlsx', 'csv', 'json']);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** One row behind a figure, for the drill-down. */
export const ReportRow = z.object({
  /** The table the row is from: startups, stage_changes, quarterly_metrics, mentoring_sessions, action_items, enrolments, certifications, placements. */
  table: z.string(),
  id: Id,
  /** The record a user opens from it (a startup, a mentor, a trainee) and its name. */
  subject: z.object({ kind: z.enum(['startup', 'mentor', 'trainee']), id: Id, name: z.string() }),
  /** What the row says, e.g. "stage incubated on 2026-08-02", "90 min on 2026-07-14". */
  detail: z.string(),
  /** What it adds to the figure (1 for a count, an amount for a sum). */
  value: z.number().nullable(),
  centreId: Id.nullable(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const reportsApi = {
  'reports.quarterly': call({ input: ReportQuery, output: QuarterlyReport, permission: 'reports.read' }),
  /** The rows behind one figure (optionally of one sector, cohort or centre), a page at a time. */
  'reports.rows': call({
    input: ReportQuery.extend({
      key: KpiKeySchema,
      sector: Sector.optional(),
      cohortId: Id.optional(),
      centreId: Id.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    output: z.object({ key: KpiKeySchema, total: z.number().int(), rows: z.array(ReportRow) }),
    permission: 'reports.read',
  }),
  /**
   * Writes the report as a document: to `path` when given (CLI, desktop), else under the data
   * folder's exports/ for `files.download`. PDF pages are printed by Chromium.
   */
  'reports.export': job({
    input: ReportQuery.extend({ format: ReportFormat, path: z.string().min(1).max(4096).optional() }).strict(),
    output: z.object({ path: z.string(), fileName: z.string(), format: ReportFormat, bytes: z.number().int() }),
    permission: 'reports.read',
  }),
};
