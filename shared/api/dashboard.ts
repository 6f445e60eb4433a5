/**
 * The dashboard's one call (a quarter's headline figures, charts and to-do lists, all
 * computed in core) and what the Settings screen shows about the workstation.
 */
import { z } from 'zod';
import { Id, IsoDate, Quarter } from '../records/base.js';
import { Sector, Stage } from '../records/startups.js';
import { SessionMode } from '../records/sessions.js';
import { call } from './define.js';

export const DashboardHeadline = z.object({
  /** Startups whose stage is `incubated` now (whatever the quarter). */
  activeStartups: z.number().int(),
  /** Startups whose stage changed to `incubated` within the quarter. */
  inducted: z.number().int(),
  /** Startups whose stage changed to `graduated` within the quarter. */
  graduated: z.number().int(),
  /** Mentoring sessions starting within the quarter (UTC). */
  sessions: z.number().int(),
  /** Their minutes / 60, to one decimal. */
  mentorHours: z.number(),
  /** Distinct trainees with an enrolment made within the quarter. */
  traineesEnrolled: z.number().int(),
  /** Distinct trainees with a certification issued within the quarter. */
  traineesCertified: z.number().int(),
  /** Distinct trainees with a placement that started within the quarter. */
  traineesPlaced: z.number().int(),
  /** Women-led share (0–1) of the active startups; null when there are none. */
  womenLedShare: z.number().min(0).max(1).nullable(),
});
export type DashboardHeadline = z.infer<typeof DashboardHeadline>;

export const DashboardSummary = z.object({
  quarter: Quarter,
  /** The quarter as a half-open range of dates [start, end). */
  quarterStart: IsoDate,
  quarterEnd: IsoDate,
  headline: DashboardHeadline,
  /** 12 weeks (Monday starts, UTC), oldest first, ending with this week or the quarter's last. */
  sessionsPerWeek: z.array(z.object({ weekStart: IsoDate, count: z.number().int() })),
  /** Every stage, in the order of the pipeline, with its count now. */
  startupsByStage: z.array(z.object({ stage: Stage, count: z.number().int() })),
  /** Sectors that have startups, largest first. */
  startupsBySector: z.array(z.object({ sector: Sector, count: z.number().int() })),
  /** All-time distinct trainees at each step. */
  traineeFunnel: z.object({
    enrolled: z.number().int(),
    completed: z.number().int(),
    certified: z.number().int(),
    placed: z.number().int(),
  }),
  upcomingSessions: z.array(
    z.object({
      id: Id,
      startsAt: z.string(),
      minutes: z.number().int().nullable(),
      mode: SessionMode.nullable(),
      mentorId: Id,
      mentorName: z.string(),
      mentorTimeZone: z.string().nullable(),
      startupId: Id,
      startupName: z.string(),
    }),
  ),
  overdueActionItems: z.array(
    z.object({
      id: Id,
      text: z.string(),
      owner: z.string().nullable(),
      dueOn: IsoDate,
      sessionId: Id,
      startupId: Id,
      startupName: z.string(),
    }),
  ),
  /** How many action items are overdue in all (the list shows at most 10). */
  overdueTotal: z.number().int(),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;

export const SystemInfo = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  databaseBytes: z.number().int(),
  schemaVersion: z.number().int(),
  /** When the newest backup in <dataDir>/backups was written; null when there is none. */
  lastBackupAt: z.string().nullable(),
  /** The database's integrity check: a large database is checked in the background after opening. */
  integrity: z.discriminatedUnion('status', [
    z.object({ status: z.literal('checking'), since: z.string() }),
    z.object({ status: z.literal('ok'), checkedAt: z.string() }),
    z.object({ status: z.literal('damaged'), checkedAt: z.string(), detail: z.string() }),
    z.object({ status: z.literal('unknown'), checkedAt: z.string(), detail: z.string() }),
  ]),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const dashboardApi = {
  'dashboard.summary': call({
    input: z.object({ quarter: Quarter.optional() }).strict(),
    output: DashboardSummary,
    permission: 'centre.read',
  }),
  'system.info': call({ input: z.object({}).strict(), output: SystemInfo, permission: 'signed-in' }),
};
