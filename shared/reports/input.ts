/**
 * What the quarterly report is computed from: the live (not deleted) rows of the tables the
 * KPIs read, with only the fields they need. A workstation loads them from SQLite, the server
 * from its current cells in PostgreSQL; both hand them to computeQuarterlyReport, so a figure
 * means the same wherever it is computed. Dates are yyyy-mm-dd, instants ISO UTC strings.
 *
 * Every row has its centreId (null for national rows), so a national report can split by centre.
 * Loaders may leave out rows that cannot count for the quarter (e.g. sessions after its end),
 * but must keep everything up to its end: cumulative and since-induction figures look back.
 */
import type { Sector, Stage } from '../records/startups.js';
import type { QuarterScheme } from './quarters.js';

export interface ReportCentre {
  id: string;
  name: string;
}

export interface ReportInput {
  /** The centres covered (one for a centre's report). */
  centres: ReportCentre[];
  scheme: QuarterScheme;
  startups: Array<{
    id: string;
    centreId: string | null;
    name: string;
    sector: Sector | null;
    stage: Stage | null;
    cohortId: string | null;
    womenLed: boolean;
    createdAt: string;
  }>;
  stageChanges: Array<{ id: string; centreId: string | null; startupId: string; fromStage: Stage | null; toStage: Stage; changedOn: string; createdAt: string }>;
  founders: Array<{ id: string; centreId: string | null; startupId: string; name: string }>;
  metrics: Array<{
    id: string;
    centreId: string | null;
    startupId: string;
    quarter: string;
    revenuePkr: number | null;
    exportRevenueUsd: number | null;
    fundingCommittedPkr: number | null;
    fundingRaisedPkr: number | null;
    fundingSource: string | null;
    jobsFullTime: number | null;
    jobsPartTime: number | null;
    jobsWomen: number | null;
    customers: number | null;
    lockedAt: string | null;
  }>;
  milestones: Array<{ id: string; centreId: string | null; startupId: string; title: string; status: string; completedOn: string | null }>;
  mentors: Array<{ id: string; centreId: string | null; name: string; country: string | null }>;
  assignments: Array<{ id: string; centreId: string | null; mentorId: string; startupId: string; fromDate: string; toDate: string | null }>;
  sessions: Array<{ id: string; centreId: string | null; mentorId: string; startupId: string; startsAt: string; minutes: number }>;
  /** `doneOn`: the day it was marked done; `text` (optional) names it in the drill-down. */
  actionItems: Array<{ id: string; centreId: string | null; sessionId: string; dueOn: string | null; done: boolean; doneOn: string | null; text?: string }>;
  programmes: Array<{ id: string; centreId: string | null; name: string }>;
  cohorts: Array<{ id: string; centreId: string | null; programmeId: string; name: string }>;
  /** Trainees with an enrolment, certification or placement in the rows below: id, name, gender. */
  trainees: Array<{ id: string; centreId: string | null; name: string; gender: string | null }>;
  enrolments: Array<{ id: string; centreId: string | null; traineeId: string; cohortId: string; status: string; completedOn: string | null; createdAt: string }>;
  certifications: Array<{ id: string; centreId: string | null; traineeId: string; issuedOn: string }>;
  placements: Array<{ id: string; centreId: string | null; traineeId: string; kind: string; startedOn: string }>;
}

/** An input with no rows yet, for the centres given (tests and loaders fill it table by table). */
export function emptyReportInput(centres: ReportCentre[], scheme: QuarterScheme = 'calendar'): ReportInput {
  return {
    centres,
    scheme,
    startups: [],
    stageChanges: [],
    founders: [],
    metrics: [],
    milestones: [],
    mentors: [],
    assignments: [],
    sessions: [],
    actionItems: [],
    programmes: [],
    cohorts: [],
    trainees: [],
    enrolments: [],
    certifications: [],
    placements: [],
  };
}
