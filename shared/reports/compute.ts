/**
 * The quarterly report, computed from its input rows (input.ts) by the same code on a
 * workstation and on the server. Pure: no I/O, no clock.
 *
 * Every KPI is its contributions: the rows that make it up, each with the value it adds and
 * the key it is counted by (a startup, a mentor, a trainee for distinct counts; the row
 * itself otherwise). A figure is the sum of the values of its contributions after keeping
 * the first of each key, so it is also the distinct count; a share is that count over a
 * second set's. The figure, its breakdowns by sector, cohort and centre, and the drill-down
 * rows (reportRows) all come from the same contributions, so a figure and the rows behind
 * it cannot disagree.
 *
 * Choices the one-line definitions leave open, made here once:
 * - A row counts only while the records it hangs off are live: a deleted startup takes its
 *   stage changes, check-ins, sessions and their action items with it; a deleted mentor
 *   their sessions; a deleted trainee their enrolments, certifications and placements.
 * - A startup's stage at a date is that of its last stage change on or before the date (by
 *   day, then the order they were written). Before its first change it was in that change's
 *   `fromStage` if it existed then; a startup with no stage change at all is in its current
 *   stage from the day it was created.
 * - One check-in per startup and quarter: where a sync merge left two, the one with the
 *   smaller id (the earlier made) counts.
 * - Graduates still operating: startups with a change to graduated on or before the
 *   quarter's last day whose stage at quarter end is not dropped.
 * - Jobs created since induction: from the startup's latest change to incubated on or before
 *   the quarter's end; its baseline is the first check-in from that quarter on that reports
 *   full- or part-time jobs (a check-in reporting neither adds nothing).
 * - Action items closed: done, with their day (doneOn) in the quarter. Overdue at quarter
 *   end: due before its last day and not done by its end (an item done without a day
 *   counts as done).
 * - Enrolments are "made" on the day they were created. A trainee's certifications and
 *   placements count in every cohort the trainee has an enrolment in.
 * - Placed within 180 days: a placement starting 0 to 180 days after the latest completion.
 */
import type { QuarterlyReport, ReportRow, StartupAnnex } from '../api/reports.js';
import { Sector, Stage } from '../records/startups.js';
import type { ReportInput } from './input.js';
import { KPIS, kpiByKey, type KpiDef, type KpiKey, type KpiValues } from './kpis.js';
import { quarterLabel, quarterLastDay, quarterMonths, quarterOf, quarterRange, yearStart } from './quarters.js';

export interface ReportMeta {
  generatedAt: string;
  source: QuarterlyReport['source'];
  scope: QuarterlyReport['scope'];
}

/** Narrows a drill-down to one sector, cohort or centre (as the breakdowns split). */
export interface RowFilter {
  sector?: Sector;
  cohortId?: string;
  centreId?: string;
}

type Row<K extends keyof ReportInput> = ReportInput[K] extends Array<infer R> ? R : never;
type StartupRow = Row<'startups'>;
type ChangeRow = Row<'stageChanges'>;
type MetricRow = Row<'metrics'>;
type SessionRow = Row<'sessions'>;
type ItemRow = Row<'actionItems'>;
type EnrolmentRow = Row<'enrolments'>;
type Subject = ReportRow['subject'];

/** How a contribution's row shows in the drill-down. */
interface Shown {
  /** Drill-down order; also decides which row of a key is kept. */
  sort: string;
  table: string;
  id: string;
  subject: Subject;
  detail: string;
}

/**
 * One row's part in a figure. Kept small (what to count and where): the drill-down's text is
 * made from `src` by `show` only when rows are asked for, so a report over 100,000 sessions
 * allocates little.
 */
interface Contribution {
  /** What the figure counts: the first contribution of each key is kept. */
  key: string;
  /** What it adds: 1 for a count, the amount for a sum (minutes for hours). */
  value: number;
  centreId: string | null;
  sectors: readonly Sector[];
  cohorts: readonly string[];
  src: unknown;
  show: (m: Model, src: never) => Shown;
}

const NO_SECTORS: readonly Sector[] = [];
const NO_COHORTS: readonly string[] = [];
const DAY_MS = 86_400_000;

const dayOf = (instant: string) => instant.slice(0, 10);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** Minutes as hours to one decimal (135 → 2.3), as mentor hours are everywhere. */
const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The rows of the input indexed once (a pass per table), with what every KPI looks up. */
class Model {
  readonly start: string;
  readonly end: string;
  readonly last: string;
  /** The days 180 and 360 days before the last day (the 180-day placement group's completions). */
  readonly days180Before: string;
  readonly days360Before: string;
  readonly startups = new Map<string, StartupRow>();
  readonly mentors = new Map<string, Row<'mentors'>>();
  readonly trainees = new Map<string, Row<'trainees'>>();
  readonly cohorts = new Map<string, Row<'cohorts'>>();
  readonly programmes = new Map<string, Row<'programmes'>>();
  /** Live stage changes of live startups, by startup, in order. */
  readonly history = new Map<string, ChangeRow[]>();
  readonly stageAtEnd = new Map<string, Stage | null>();
  /** One check-in per startup and quarter, by startup. */
  readonly checkIns = new Map<string, Map<string, MetricRow>>();
  /** Sessions of live startups and mentors starting before the quarter's end. */
  readonly sessions = new Map<string, SessionRow>();
  readonly sessionsInQuarter: SessionRow[] = [];
  /** Action items of those sessions. */
  readonly items: ItemRow[] = [];
  readonly enrolments: EnrolmentRow[] = [];
  readonly enrolmentsOf = new Map<string, EnrolmentRow[]>();
  readonly certifications: Row<'certifications'>[] = [];
  readonly placements: Row<'placements'>[] = [];
  readonly placementsOf = new Map<string, Row<'placements'>[]>();
  private readonly subjects: Record<Subject['kind'], Map<string, Subject>> = {
    startup: new Map(),
    mentor: new Map(),
    trainee: new Map(),
  };
  private readonly cohortLists = new Map<string, readonly string[]>();
  private readonly startupSectors = new Map<string, readonly Sector[]>();
  private readonly startupCohorts = new Map<string, readonly string[]>();
  private readonly traineeCohorts = new Map<string, readonly string[]>();

  constructor(
    readonly input: ReportInput,
    readonly quarter: string,
  ) {
    ({ start: this.start, end: this.end } = quarterRange(quarter));
    this.last = quarterLastDay(quarter);
    this.days180Before = addDays(this.last, -180);
    this.days360Before = addDays(this.last, -360);
    for (const s of input.startups) {
      this.startups.set(s.id, s);
      this.startupSectors.set(s.id, s.sector ? [s.sector] : NO_SECTORS);
      this.startupCohorts.set(s.id, s.cohortId ? [s.cohortId] : NO_COHORTS);
    }
    for (const m of input.mentors) this.mentors.set(m.id, m);
    for (const t of input.trainees) this.trainees.set(t.id, t);
    for (const c of input.cohorts) this.cohorts.set(c.id, c);
    for (const p of input.programmes) this.programmes.set(p.id, p);

    for (const change of input.stageChanges) {
      if (!this.startups.has(change.startupId)) continue;
      const list = this.history.get(change.startupId);
      if (list) list.push(change);
      else this.history.set(change.startupId, [change]);
    }
    for (const list of this.history.values()) {
      list.sort((a, b) => byText(a.changedOn, b.changedOn) || byText(a.createdAt, b.createdAt) || byText(a.id, b.id));
    }
    for (const s of input.startups) this.stageAtEnd.set(s.id, this.stageAt(s, this.last));

    for (const m of input.metrics) {
      if (!this.startups.has(m.startupId) || m.quarter > quarter) continue;
      let byQuarter = this.checkIns.get(m.startupId);
      if (!byQuarter) this.checkIns.set(m.startupId, (byQuarter = new Map()));
      const other = byQuarter.get(m.quarter);
      if (!other || m.id < other.id) byQuarter.set(m.quarter, m);
    }

    for (const s of input.sessions) {
      if (!this.startups.has(s.startupId) || !this.mentors.has(s.mentorId) || s.startsAt >= this.end) continue;
      this.sessions.set(s.id, s);
      if (s.startsAt >= this.start) this.sessionsInQuarter.push(s);
    }
    for (const item of input.actionItems) if (this.sessions.has(item.sessionId)) this.items.push(item);

    for (const e of input.enrolments) {
      if (!this.trainees.has(e.traineeId)) continue;
      this.enrolments.push(e);
      const list = this.enrolmentsOf.get(e.traineeId);
      if (list) list.push(e);
      else this.enrolmentsOf.set(e.traineeId, [e]);
      const cohorts = this.traineeCohorts.get(e.traineeId);
      if (!cohorts) this.traineeCohorts.set(e.traineeId, this.cohortList(e.cohortId));
      else if (!cohorts.includes(e.cohortId)) this.traineeCohorts.set(e.traineeId, [...cohorts, e.cohortId]);
    }
    for (const c of input.certifications) if (this.trainees.has(c.traineeId)) this.certifications.push(c);
    for (const p of input.placements) {
      if (!this.trainees.has(p.traineeId)) continue;
      this.placements.push(p);
      const list = this.placementsOf.get(p.traineeId);
      if (list) list.push(p);
      else this.placementsOf.set(p.traineeId, [p]);
    }
  }

  /** The stage a startup was in on a day (see the header), or null when it did not exist yet. */
  stageAt(startup: StartupRow, date: string): Stage | null {
    const changes = this.history.get(startup.id);
    const created = dayOf(startup.createdAt) <= date;
    if (!changes) return created ? startup.stage : null;
    let stage: Stage | null = null;
    for (const change of changes) {
      if (change.changedOn > date) break;
      stage = change.toStage;
    }
    if (stage === null && created) return changes[0]!.fromStage;
    return stage;
  }

  /** The quarter's check-in of a startup, or null. */
  checkInOf(startupId: string, quarter = this.quarter): MetricRow | null {
    return this.checkIns.get(startupId)?.get(quarter) ?? null;
  }

  subject(kind: Subject['kind'], id: string): Subject {
    const cache = this.subjects[kind];
    let subject = cache.get(id);
    if (!subject) {
      const from = kind === 'startup' ? this.startups : kind === 'mentor' ? this.mentors : this.trainees;
      subject = { kind, id, name: from.get(id)?.name ?? '' };
      cache.set(id, subject);
    }
    return subject;
  }

  /** A contribution about a startup: its sector and cohort are its groups. */
  forStartup<S>(
    startupId: string,
    key: string,
    value: number,
    centreId: string | null,
    src: S,
    show: (m: Model, src: S) => Shown,
  ): Contribution {
    return {
      key,
      value,
      centreId,
      sectors: this.startupSectors.get(startupId) ?? NO_SECTORS,
      cohorts: this.startupCohorts.get(startupId) ?? NO_COHORTS,
      src,
      show: show as Contribution['show'],
    };
  }

  /**
   * A contribution about a trainee, counted once per trainee, in the given cohort (default:
   * every cohort the trainee has an enrolment in).
   */
  forTrainee<S>(
    traineeId: string,
    centreId: string | null,
    src: S,
    show: (m: Model, src: S) => Shown,
    cohorts: readonly string[] = this.traineeCohorts.get(traineeId) ?? NO_COHORTS,
  ): Contribution {
    return { key: traineeId, value: 1, centreId, sectors: NO_SECTORS, cohorts, src, show: show as Contribution['show'] };
  }

  /** The one-cohort list of a cohort id, made once. */
  cohortList(cohortId: string): readonly string[] {
    let list = this.cohortLists.get(cohortId);
    if (!list) this.cohortLists.set(cohortId, (list = [cohortId]));
    return list;
  }

  cohortName(id: string): string {
    return this.cohorts.get(id)?.name ?? 'a cohort';
  }

  startupSort(startupId: string): string {
    return this.startups.get(startupId)?.name.toLowerCase() ?? '';
  }

  inQuarter(date: string | null): boolean {
    return date !== null && date >= this.start && date < this.end;
  }
}

// --- The KPIs' contributions -------------------------------------------------------------

const showChange = (m: Model, c: ChangeRow): Shown => ({
  sort: `${c.changedOn}|${c.createdAt}|${c.id}`,
  table: 'stage_changes',
  id: c.id,
  subject: m.subject('startup', c.startupId),
  detail: `${c.fromStage ? `${c.fromStage} → ${c.toStage}` : `added as ${c.toStage}`} on ${c.changedOn}`,
});

function changesTo(m: Model, stage: Stage): Contribution[] {
  const out: Contribution[] = [];
  for (const [startupId, changes] of m.history) {
    for (const c of changes) {
      if (c.toStage === stage && m.inQuarter(c.changedOn))
        out.push(m.forStartup(startupId, startupId, 1, c.centreId, c, showChange));
    }
  }
  return out;
}

/** The last change on or before a day: the one that put the startup in its stage then. */
function lastChangeBy(m: Model, startupId: string, date: string): ChangeRow | null {
  let found: ChangeRow | null = null;
  for (const c of m.history.get(startupId) ?? []) {
    if (c.changedOn > date) break;
    found = c;
  }
  return found;
}

const showActive = (m: Model, s: StartupRow): Shown => ({
  sort: `${s.name.toLowerCase()}|${s.id}`,
  table: 'startups',
  id: s.id,
  subject: m.subject('startup', s.id),
  detail: `incubated since ${lastChangeBy(m, s.id, m.last)?.changedOn ?? dayOf(s.createdAt)}${s.womenLed ? ', women-led' : ''}`,
});

function activeStartups(m: Model, womenLedOnly = false): Contribution[] {
  const out: Contribution[] = [];
  for (const s of m.startups.values()) {
    if (m.stageAtEnd.get(s.id) === 'incubated' && (!womenLedOnly || s.womenLed))
      out.push(m.forStartup(s.id, s.id, 1, s.centreId, s, showActive));
  }
  return out;
}

const showGraduation = (m: Model, g: ChangeRow): Shown => ({
  ...showChange(m, g),
  detail: `graduated on ${g.changedOn}; ${m.stageAtEnd.get(g.startupId) ?? 'unknown'} at quarter end`,
});

/** Startups with a change to graduated on or before the quarter's last day (the last such change is the row). */
function graduates(m: Model, operatingOnly: boolean): Contribution[] {
  const out: Contribution[] = [];
  for (const [startupId, changes] of m.history) {
    let graduation: ChangeRow | null = null;
    for (const c of changes) if (c.changedOn <= m.last && c.toStage === 'graduated') graduation = c;
    if (!graduation || (operatingOnly && m.stageAtEnd.get(startupId) === 'dropped')) continue;
    out.push(m.forStartup(startupId, startupId, 1, graduation.centreId, graduation, showGraduation));
  }
  return out;
}

type MetricField =
  'revenuePkr' | 'exportRevenueUsd' | 'fundingCommittedPkr' | 'fundingRaisedPkr' | 'jobsFullTime' | 'jobsPartTime' | 'jobsWomen';

const FIELD_WORDS: Record<MetricField, string> = {
  revenuePkr: 'revenue PKR',
  exportRevenueUsd: 'export revenue USD',
  fundingCommittedPkr: 'funding committed PKR',
  fundingRaisedPkr: 'funding raised PKR',
  jobsFullTime: 'full-time jobs',
  jobsPartTime: 'part-time jobs',
  jobsWomen: 'jobs held by women',
};

/** The drill-down of a check-in field: one shower per field, made once. */
const SHOW_FIELD = Object.fromEntries(
  (Object.keys(FIELD_WORDS) as MetricField[]).map((field) => [
    field,
    (m: Model, row: MetricRow): Shown => ({
      sort: `${row.quarter}|${m.startupSort(row.startupId)}|${row.id}`,
      table: 'quarterly_metrics',
      id: row.id,
      subject: m.subject('startup', row.startupId),
      detail: `${row.quarter} check-in: ${row[field]} ${FIELD_WORDS[field]}`,
    }),
  ]),
) as Record<MetricField, (m: Model, row: MetricRow) => Shown>;

/** Check-ins of the quarters from `from` to this one whose field is filled in, each adding it. */
function checkInSum(m: Model, field: MetricField, from: string = m.quarter): Contribution[] {
  const out: Contribution[] = [];
  for (const [startupId, byQuarter] of m.checkIns) {
    for (const [quarter, row] of byQuarter) {
      const value = row[field];
      if (quarter >= from && value !== null)
        out.push(m.forStartup(startupId, row.id, value, row.centreId, row, SHOW_FIELD[field]));
    }
  }
  return out;
}

const jobsOf = (row: MetricRow) => (row.jobsFullTime ?? 0) + (row.jobsPartTime ?? 0);
const reportsJobs = (row: MetricRow) => row.jobsFullTime !== null || row.jobsPartTime !== null;

interface JobsGrowth {
  now: MetricRow;
  base: MetricRow;
  inducted: string;
}

const showJobsGrowth = (m: Model, g: JobsGrowth): Shown => ({
  sort: `${m.startupSort(g.now.startupId)}|${g.now.id}`,
  table: 'quarterly_metrics',
  id: g.now.id,
  subject: m.subject('startup', g.now.startupId),
  detail: `${jobsOf(g.now)} jobs in ${g.now.quarter}, ${jobsOf(g.base)} in ${g.base.quarter} (the first check-in since induction on ${g.inducted})`,
});

function jobsSinceInduction(m: Model): Contribution[] {
  const out: Contribution[] = [];
  for (const [startupId, byQuarter] of m.checkIns) {
    const now = byQuarter.get(m.quarter);
    if (!now || !reportsJobs(now)) continue;
    let induction: ChangeRow | null = null;
    for (const c of m.history.get(startupId) ?? []) if (c.changedOn <= m.last && c.toStage === 'incubated') induction = c;
    if (!induction) continue;
    const from = quarterOf(induction.changedOn);
    let base = now;
    for (const [quarter, row] of byQuarter) if (quarter >= from && quarter < base.quarter && reportsJobs(row)) base = row;
    const growth: JobsGrowth = { now, base, inducted: induction.changedOn };
    out.push(m.forStartup(startupId, now.id, jobsOf(now) - jobsOf(base), now.centreId, growth, showJobsGrowth));
  }
  return out;
}

const sessionDetail = (s: SessionRow, withWhom: string) =>
  `${s.minutes} min with ${withWhom} on ${s.startsAt.slice(0, 16).replace('T', ' ')} UTC`;

const showSession = (m: Model, s: SessionRow): Shown => ({
  sort: `${s.startsAt}|${s.id}`,
  table: 'mentoring_sessions',
  id: s.id,
  subject: m.subject('startup', s.startupId),
  detail: sessionDetail(s, m.mentors.get(s.mentorId)?.name ?? ''),
});

const showMentorSession = (m: Model, s: SessionRow): Shown => ({
  ...showSession(m, s),
  subject: m.subject('mentor', s.mentorId),
  detail: sessionDetail(s, m.startups.get(s.startupId)?.name ?? ''),
});

/** The quarter's sessions, counted by mentor, by startup, one by one, or by their minutes. */
function sessionsOfQuarter(m: Model, counted: 'mentor' | 'startup' | 'session' | 'minutes'): Contribution[] {
  return m.sessionsInQuarter.map((s) =>
    counted === 'mentor'
      ? m.forStartup(s.startupId, s.mentorId, 1, s.centreId, s, showMentorSession)
      : m.forStartup(
          s.startupId,
          counted === 'startup' ? s.startupId : s.id,
          counted === 'minutes' ? s.minutes : 1,
          s.centreId,
          s,
          showSession,
        ),
  );
}

/** Not done by the quarter's end: open, or done on a later day (done without a day counts as done). */
function openAtEnd(m: Model, item: ItemRow): boolean {
  return !item.done || (item.doneOn !== null && item.doneOn >= m.end);
}

const showItem = (m: Model, item: ItemRow): Shown => {
  const session = m.sessions.get(item.sessionId)!;
  const text = item.text ? `“${item.text}”, ` : '';
  const due = item.dueOn ? `due ${item.dueOn}` : 'no due date';
  const state = item.done ? (item.doneOn ? `done on ${item.doneOn}` : 'done') : 'open';
  return {
    sort: `${session.startsAt}|${item.id}`,
    table: 'action_items',
    id: item.id,
    subject: m.subject('startup', session.startupId),
    detail: `${text}${due}, ${state} (session of ${dayOf(session.startsAt)})`,
  };
};

function actionItems(m: Model, which: 'opened' | 'closed' | 'overdue'): Contribution[] {
  const out: Contribution[] = [];
  for (const item of m.items) {
    const session = m.sessions.get(item.sessionId)!;
    const counts =
      which === 'opened'
        ? session.startsAt >= m.start
        : which === 'closed'
          ? item.done && m.inQuarter(item.doneOn)
          : item.dueOn !== null && item.dueOn < m.last && openAtEnd(m, item);
    if (counts) out.push(m.forStartup(session.startupId, item.id, 1, item.centreId, item, showItem));
  }
  return out;
}

type GenderFilter = 'female' | 'male' | undefined;
const genderOk = (m: Model, traineeId: string, gender: GenderFilter) => !gender || m.trainees.get(traineeId)?.gender === gender;

const showEnrolment = (m: Model, e: EnrolmentRow): Shown => ({
  sort: `${e.createdAt}|${e.id}`,
  table: 'enrolments',
  id: e.id,
  subject: m.subject('trainee', e.traineeId),
  detail: `enrolled in ${m.cohortName(e.cohortId)} on ${dayOf(e.createdAt)}`,
});

function enrolled(m: Model, gender?: GenderFilter): Contribution[] {
  const out: Contribution[] = [];
  for (const e of m.enrolments) {
    if (m.inQuarter(dayOf(e.createdAt)) && genderOk(m, e.traineeId, gender)) {
      out.push(m.forTrainee(e.traineeId, e.centreId, e, showEnrolment, m.cohortList(e.cohortId)));
    }
  }
  return out;
}

const completedOn = (e: EnrolmentRow) => (e.status === 'completed' ? e.completedOn : null);

const showCompletion = (m: Model, e: EnrolmentRow): Shown => ({
  sort: `${e.completedOn}|${e.id}`,
  table: 'enrolments',
  id: e.id,
  subject: m.subject('trainee', e.traineeId),
  detail: `completed ${m.cohortName(e.cohortId)} on ${e.completedOn}`,
});

function completed(m: Model, gender?: GenderFilter): Contribution[] {
  const out: Contribution[] = [];
  for (const e of m.enrolments) {
    if (m.inQuarter(completedOn(e)) && genderOk(m, e.traineeId, gender)) {
      out.push(m.forTrainee(e.traineeId, e.centreId, e, showCompletion, m.cohortList(e.cohortId)));
    }
  }
  return out;
}

const showCertification = (m: Model, c: Row<'certifications'>): Shown => ({
  sort: `${c.issuedOn}|${c.id}`,
  table: 'certifications',
  id: c.id,
  subject: m.subject('trainee', c.traineeId),
  detail: `certificate issued on ${c.issuedOn}`,
});

function certified(m: Model, gender?: GenderFilter): Contribution[] {
  const out: Contribution[] = [];
  for (const c of m.certifications) {
    if (m.inQuarter(c.issuedOn) && genderOk(m, c.traineeId, gender))
      out.push(m.forTrainee(c.traineeId, c.centreId, c, showCertification));
  }
  return out;
}

const showPlacement = (m: Model, p: Row<'placements'>): Shown => ({
  sort: `${p.startedOn}|${p.id}`,
  table: 'placements',
  id: p.id,
  subject: m.subject('trainee', p.traineeId),
  detail: `${p.kind} placement from ${p.startedOn}`,
});

function placed(m: Model, opts: { gender?: GenderFilter; kind?: string } = {}): Contribution[] {
  const out: Contribution[] = [];
  for (const p of m.placements) {
    if (!m.inQuarter(p.startedOn) || (opts.kind && p.kind !== opts.kind) || !genderOk(m, p.traineeId, opts.gender)) continue;
    out.push(m.forTrainee(p.traineeId, p.centreId, p, showPlacement));
  }
  return out;
}

interface LatestCompletion {
  enrolment: EnrolmentRow;
  days: number;
  placement: Row<'placements'> | undefined;
}

const showLatestCompletion = (m: Model, l: LatestCompletion): Shown => ({
  ...showCompletion(m, l.enrolment),
  detail:
    `completed ${m.cohortName(l.enrolment.cohortId)} on ${l.enrolment.completedOn}, ${l.days} days before ${m.last}; ` +
    (l.placement ? `${l.placement.kind} placement from ${l.placement.startedOn}` : 'no placement within 180 days'),
});

/**
 * Trainees whose latest completion was 180–360 days before the quarter's last day, in the
 * cohorts they completed then; `placedOnly`: of them, those placed within 180 days of it.
 */
function completedFor180Days(m: Model, placedOnly: boolean): Contribution[] {
  const out: Contribution[] = [];
  for (const [traineeId, list] of m.enrolmentsOf) {
    let latest: EnrolmentRow | null = null;
    for (const e of list) {
      const day = completedOn(e);
      if (day === null || day > m.last) continue;
      if (!latest || day > latest.completedOn! || (day === latest.completedOn && e.id < latest.id)) latest = e;
    }
    if (!latest) continue;
    const day = latest.completedOn!;
    if (day < m.days360Before || day > m.days180Before) continue;
    const days = daysBetween(day, m.last);
    const windowEnd = addDays(day, 180);
    const placement = m.placementsOf.get(traineeId)?.find((p) => p.startedOn >= day && p.startedOn <= windowEnd);
    if (placedOnly && !placement) continue;
    const cohorts = [...new Set(list.filter((e) => completedOn(e) === day).map((e) => e.cohortId))];
    out.push(m.forTrainee(traineeId, latest.centreId, { enrolment: latest, days, placement }, showLatestCompletion, cohorts));
  }
  return out;
}

/**
 * How a KPI is made: a list of contributions (`distinct` when several may share a key), or
 * a share of two lists of distinct keys (the numerator's among the denominator's).
 */
type Builder =
  | { share?: false; distinct: boolean; build(m: Model): Contribution[] }
  | { share: true; numerator(m: Model): Contribution[]; denominator(m: Model): Contribution[] };

/** A sum or count of rows, each its own key. */
const rows = (build: (m: Model) => Contribution[]): Builder => ({ distinct: false, build });
/** A count of distinct startups, mentors or trainees. */
const distinct = (build: (m: Model) => Contribution[]): Builder => ({ distinct: true, build });

const ytdFrom = (m: Model) => quarterOf(yearStart(m.quarter, m.input.scheme));

/** Every KPI of the catalogue, with the rows it is made of (the compiler checks none is missing). */
const BUILDERS: Record<KpiKey, Builder> = {
  'startups.applied': distinct((m) => changesTo(m, 'applied')),
  'startups.inducted': distinct((m) => changesTo(m, 'incubated')),
  'startups.active': rows((m) => activeStartups(m)),
  'startups.graduated': distinct((m) => changesTo(m, 'graduated')),
  'startups.dropped': distinct((m) => changesTo(m, 'dropped')),
  'startups.womenLed': rows((m) => activeStartups(m, true)),
  'startups.womenLedShare': { share: true, numerator: (m) => activeStartups(m, true), denominator: (m) => activeStartups(m) },
  'startups.graduatesOperating': rows((m) => graduates(m, true)),
  'startups.graduateSurvival': { share: true, numerator: (m) => graduates(m, true), denominator: (m) => graduates(m, false) },
  'jobs.fullTime': rows((m) => checkInSum(m, 'jobsFullTime')),
  'jobs.partTime': rows((m) => checkInSum(m, 'jobsPartTime')),
  'jobs.women': rows((m) => checkInSum(m, 'jobsWomen')),
  'jobs.createdSinceInduction': rows(jobsSinceInduction),
  'revenue.pkr': rows((m) => checkInSum(m, 'revenuePkr')),
  'revenue.exportUsd': rows((m) => checkInSum(m, 'exportRevenueUsd')),
  'revenue.pkrYearToDate': rows((m) => checkInSum(m, 'revenuePkr', ytdFrom(m))),
  'revenue.exportUsdYearToDate': rows((m) => checkInSum(m, 'exportRevenueUsd', ytdFrom(m))),
  'revenue.pkrCumulative': rows((m) => checkInSum(m, 'revenuePkr', '')),
  'revenue.exportUsdCumulative': rows((m) => checkInSum(m, 'exportRevenueUsd', '')),
  'funding.committedPkr': rows((m) => checkInSum(m, 'fundingCommittedPkr')),
  'funding.raisedPkr': rows((m) => checkInSum(m, 'fundingRaisedPkr')),
  'mentoring.mentorsActive': distinct((m) => sessionsOfQuarter(m, 'mentor')),
  'mentoring.startupsMentored': distinct((m) => sessionsOfQuarter(m, 'startup')),
  'mentoring.sessions': rows((m) => sessionsOfQuarter(m, 'session')),
  'mentoring.hours': rows((m) => sessionsOfQuarter(m, 'minutes')),
  'actionItems.opened': rows((m) => actionItems(m, 'opened')),
  'actionItems.closed': rows((m) => actionItems(m, 'closed')),
  'actionItems.overdue': rows((m) => actionItems(m, 'overdue')),
  'trainees.enrolled': distinct((m) => enrolled(m)),
  'trainees.enrolledWomen': distinct((m) => enrolled(m, 'female')),
  'trainees.enrolledMen': distinct((m) => enrolled(m, 'male')),
  'trainees.completed': distinct((m) => completed(m)),
  'trainees.completedWomen': distinct((m) => completed(m, 'female')),
  'trainees.completedMen': distinct((m) => completed(m, 'male')),
  'trainees.certified': distinct((m) => certified(m)),
  'trainees.certifiedWomen': distinct((m) => certified(m, 'female')),
  'trainees.certifiedMen': distinct((m) => certified(m, 'male')),
  'trainees.placed': distinct((m) => placed(m)),
  'trainees.placedWomen': distinct((m) => placed(m, { gender: 'female' })),
  'trainees.placedMen': distinct((m) => placed(m, { gender: 'male' })),
  'trainees.placedJob': distinct((m) => placed(m, { kind: 'job' })),
  'trainees.placedFreelance': distinct((m) => placed(m, { kind: 'freelance' })),
  'trainees.placedFounder': distinct((m) => placed(m, { kind: 'founder' })),
  'trainees.completedFor180Days': rows((m) => completedFor180Days(m, false)),
  'trainees.placedWithin180Days': {
    share: true,
    numerator: (m) => completedFor180Days(m, true),
    denominator: (m) => completedFor180Days(m, false),
  },
};

// --- Figures --------------------------------------------------------------------------

/** The sum of the first contribution of each key (the distinct count, for counts). */
class Tally {
  private readonly keys: Set<string> | null;
  sum = 0;
  count = 0;
  constructor(distinct: boolean) {
    this.keys = distinct ? new Set() : null;
  }
  add(c: Contribution): void {
    if (this.keys) {
      if (this.keys.has(c.key)) return;
      this.keys.add(c.key);
    }
    this.count += 1;
    this.sum += c.value;
  }
}

/** A figure from its tally, in the KPI's unit (hours from minutes, dollars to the cent). */
function finish(def: KpiDef, tally: Tally | undefined): number {
  const sum = tally?.sum ?? 0;
  if (def.unit === 'hours') return hoursOf(sum);
  if (def.unit === 'usd') return Math.round(sum * 100) / 100;
  return sum;
}

const share = (numerator: Tally | undefined, denominator: Tally | undefined): number | null =>
  denominator && denominator.count > 0 ? (numerator?.count ?? 0) / denominator.count : null;

/** One list of contributions tallied as a whole and per sector, cohort and centre, in one pass. */
class Tallies {
  readonly all: Tally;
  readonly sector = new Map<string, Tally>();
  readonly cohort = new Map<string, Tally>();
  readonly centre = new Map<string, Tally>();

  constructor(contributions: readonly Contribution[], distinct: boolean, byCentre: boolean) {
    this.all = new Tally(distinct);
    const at = (map: Map<string, Tally>, key: string) => {
      let t = map.get(key);
      if (!t) map.set(key, (t = new Tally(distinct)));
      return t;
    };
    for (const c of contributions) {
      this.all.add(c);
      for (const s of c.sectors) at(this.sector, s).add(c);
      for (const k of c.cohorts) at(this.cohort, k).add(c);
      if (byCentre && c.centreId !== null) at(this.centre, c.centreId).add(c);
    }
  }
}

type Pick = (t: Tallies) => Tally | undefined;

/** A KPI's figure for a pick of its tallies (the whole, a sector, a cohort, a centre), and the tallies that have groups. */
function figuresOf(m: Model, def: KpiDef, byCentre: boolean): { value: (pick: Pick) => number | null; groups: Tallies } {
  const builder = BUILDERS[def.key as KpiKey];
  if (builder.share) {
    const num = new Tallies(builder.numerator(m), true, byCentre);
    const den = new Tallies(builder.denominator(m), true, byCentre);
    return { value: (pick) => share(pick(num), pick(den)), groups: den };
  }
  const t = new Tallies(builder.build(m), builder.distinct, byCentre);
  return { value: (pick) => finish(def, pick(t)), groups: t };
}

/** Sections whose figures are about startups, so they split by sector. */
const SECTOR_SECTIONS = new Set(['startups', 'jobs', 'revenue', 'funding', 'mentoring', 'actionItems']);

/** The value of a figure with no contributions: 0, or none for a share. */
const emptyValue = (def: KpiDef) => (def.unit === 'share' ? null : 0);

// --- The report -----------------------------------------------------------------------

export function computeQuarterlyReport(input: ReportInput, quarter: string, meta: ReportMeta): QuarterlyReport {
  const m = new Model(input, quarter);
  const byCentre = input.centres.length > 1;
  const values = {} as KpiValues;
  const sectorValues = new Map<string, Partial<KpiValues>>();
  const cohortValues = new Map<string, Partial<KpiValues>>();
  const centreValues = new Map<string, KpiValues>(input.centres.map((c) => [c.id, {} as KpiValues]));
  const groupOf = (map: Map<string, Partial<KpiValues>>, id: string) => map.get(id) ?? map.set(id, {}).get(id)!;

  // A KPI at a time: its tallies are dropped before the next one's are made.
  for (const def of KPIS) {
    const f = figuresOf(m, def, byCentre);
    values[def.key] = f.value((t) => t.all);
    if (def.breakdown) {
      if (SECTOR_SECTIONS.has(def.section)) {
        for (const s of f.groups.sector.keys()) groupOf(sectorValues, s)[def.key] = f.value((t) => t.sector.get(s));
      }
      for (const c of f.groups.cohort.keys()) groupOf(cohortValues, c)[def.key] = f.value((t) => t.cohort.get(c));
    }
    if (byCentre) for (const [id, v] of centreValues) v[def.key] = f.value((t) => t.centre.get(id));
  }
  // A group without rows for a KPI has its empty value there.
  for (const def of KPIS) {
    if (!def.breakdown) continue;
    if (SECTOR_SECTIONS.has(def.section))
      for (const v of sectorValues.values()) if (!(def.key in v)) v[def.key] = emptyValue(def);
    for (const v of cohortValues.values()) if (!(def.key in v)) v[def.key] = emptyValue(def);
  }

  const bySector = Sector.options
    .filter((s) => sectorValues.has(s))
    .map((sector) => ({ sector, values: sectorValues.get(sector)! }));
  const byCohort = [...cohortValues]
    .filter(([id]) => m.cohorts.has(id))
    .map(([cohortId, v]) => {
      const cohort = m.cohorts.get(cohortId)!;
      return { cohortId, cohortName: cohort.name, programmeName: m.programmes.get(cohort.programmeId)?.name ?? null, values: v };
    })
    .sort(
      (a, b) =>
        byText(a.programmeName ?? '', b.programmeName ?? '') ||
        byText(a.cohortName, b.cohortName) ||
        byText(a.cohortId, b.cohortId),
    );

  const { start, end } = quarterRange(quarter);
  return {
    format: 'incubator-desk.quarterly-report/1',
    quarter,
    scheme: input.scheme,
    label: quarterLabel(quarter, input.scheme),
    start,
    end,
    generatedAt: meta.generatedAt,
    source: meta.source,
    scope: meta.scope,
    values,
    bySector,
    byCohort,
    byCentre: byCentre ? input.centres.map((c) => ({ centreId: c.id, centreName: c.name, values: centreValues.get(c.id)! })) : [],
    fundingBySource: fundingBySource(m),
    perMentor: perMentor(m),
    perStartup: perStartup(m),
    checkIns: checkInsReceived(m),
    charts: {
      sessionsPerMonth: quarterMonths(quarter).map((month) => {
        let sessions = 0;
        let minutes = 0;
        for (const s of m.sessionsInQuarter) {
          if (!s.startsAt.startsWith(month)) continue;
          sessions += 1;
          minutes += s.minutes;
        }
        return { month, sessions, hours: hoursOf(minutes) };
      }),
      startupsByStage: Stage.options.map((stage) => {
        let count = 0;
        for (const s of m.stageAtEnd.values()) if (s === stage) count += 1;
        return { stage, count };
      }),
    },
  };
}

function fundingBySource(m: Model): QuarterlyReport['fundingBySource'] {
  const groups = new Map<string, { source: string; committedPkr: number; raisedPkr: number }>();
  const rows = [...m.checkIns.values()]
    .map((byQuarter) => byQuarter.get(m.quarter))
    .filter((r): r is MetricRow => !!r && (r.fundingCommittedPkr !== null || r.fundingRaisedPkr !== null))
    .sort((a, b) => byText(a.id, b.id));
  for (const r of rows) {
    const source = r.fundingSource?.trim() || 'Not stated';
    const key = source.toLowerCase();
    const group = groups.get(key) ?? groups.set(key, { source, committedPkr: 0, raisedPkr: 0 }).get(key)!;
    group.committedPkr += r.fundingCommittedPkr ?? 0;
    group.raisedPkr += r.fundingRaisedPkr ?? 0;
  }
  return [...groups.values()].sort(
    (a, b) => b.committedPkr + b.raisedPkr - (a.committedPkr + a.raisedPkr) || byText(a.source, b.source),
  );
}

function perMentor(m: Model): QuarterlyReport['perMentor'] {
  const by = new Map<string, { sessions: number; minutes: number; startups: Set<string> }>();
  for (const s of m.sessionsInQuarter) {
    const entry = by.get(s.mentorId) ?? by.set(s.mentorId, { sessions: 0, minutes: 0, startups: new Set() }).get(s.mentorId)!;
    entry.sessions += 1;
    entry.minutes += s.minutes;
    entry.startups.add(s.startupId);
  }
  return [...by]
    .map(([mentorId, e]) => {
      const mentor = m.mentors.get(mentorId)!;
      return {
        mentorId,
        name: mentor.name,
        country: mentor.country,
        sessions: e.sessions,
        hours: hoursOf(e.minutes),
        startups: e.startups.size,
        minutes: e.minutes,
      };
    })
    .sort((a, b) => b.minutes - a.minutes || byText(a.name, b.name))
    .map(({ minutes: _minutes, ...row }) => row);
}

function perStartup(m: Model): StartupAnnex[] {
  const ids = new Set<string>();
  for (const [id, stage] of m.stageAtEnd) if (stage === 'incubated') ids.add(id);
  for (const [id, changes] of m.history) {
    if (
      changes.some(
        (c) => m.inQuarter(c.changedOn) && (c.toStage === 'incubated' || c.toStage === 'graduated' || c.toStage === 'dropped'),
      )
    )
      ids.add(id);
  }
  const sessionsOf = new Map<string, SessionRow[]>();
  for (const s of m.sessionsInQuarter) {
    ids.add(s.startupId);
    (sessionsOf.get(s.startupId) ?? sessionsOf.set(s.startupId, []).get(s.startupId)!).push(s);
  }
  const founders = new Map<string, string[]>();
  for (const f of m.input.founders)
    if (ids.has(f.startupId)) (founders.get(f.startupId) ?? founders.set(f.startupId, []).get(f.startupId)!).push(f.name);
  const mentorsOf = new Map<string, Set<string>>();
  const addMentor = (startupId: string, mentorId: string) => {
    const name = m.mentors.get(mentorId)?.name;
    if (name) (mentorsOf.get(startupId) ?? mentorsOf.set(startupId, new Set()).get(startupId)!).add(name);
  };
  for (const a of m.input.assignments) {
    if (ids.has(a.startupId) && a.fromDate < m.end && (a.toDate === null || a.toDate >= m.start))
      addMentor(a.startupId, a.mentorId);
  }
  for (const s of m.sessionsInQuarter) addMentor(s.startupId, s.mentorId);
  const milestones = new Map<string, { title: string; completedOn: string | null }[]>();
  for (const ms of m.input.milestones) {
    if (!ids.has(ms.startupId) || ms.status !== 'done' || !m.inQuarter(ms.completedOn)) continue;
    (milestones.get(ms.startupId) ?? milestones.set(ms.startupId, []).get(ms.startupId)!).push({
      title: ms.title,
      completedOn: ms.completedOn,
    });
  }
  const openItems = new Map<string, number>();
  for (const item of m.items) {
    if (!openAtEnd(m, item)) continue;
    const startupId = m.sessions.get(item.sessionId)!.startupId;
    openItems.set(startupId, (openItems.get(startupId) ?? 0) + 1);
  }

  return [...ids]
    .map((id) => m.startups.get(id)!)
    .sort((a, b) => byText(a.name.toLowerCase(), b.name.toLowerCase()) || byText(a.id, b.id))
    .map((s) => {
      const sessions = sessionsOf.get(s.id) ?? [];
      const checkIn = m.checkInOf(s.id);
      return {
        startupId: s.id,
        centreId: s.centreId,
        name: s.name,
        sector: s.sector,
        stage: m.stageAtEnd.get(s.id) ?? null,
        cohortName: s.cohortId ? (m.cohorts.get(s.cohortId)?.name ?? null) : null,
        womenLed: s.womenLed,
        founders: founders.get(s.id) ?? [],
        mentors: [...(mentorsOf.get(s.id) ?? [])].sort(byText),
        sessions: sessions.length,
        hours: hoursOf(sessions.reduce((n, x) => n + x.minutes, 0)),
        checkIn: checkIn
          ? {
              revenuePkr: checkIn.revenuePkr,
              exportRevenueUsd: checkIn.exportRevenueUsd,
              fundingCommittedPkr: checkIn.fundingCommittedPkr,
              fundingRaisedPkr: checkIn.fundingRaisedPkr,
              fundingSource: checkIn.fundingSource,
              jobsFullTime: checkIn.jobsFullTime,
              jobsPartTime: checkIn.jobsPartTime,
              jobsWomen: checkIn.jobsWomen,
              customers: checkIn.customers,
              locked: checkIn.lockedAt !== null,
            }
          : null,
        milestonesDone: (milestones.get(s.id) ?? []).sort((a, b) => byText(a.completedOn ?? '', b.completedOn ?? '')),
        actionItemsOpen: openItems.get(s.id) ?? 0,
      };
    });
}

/** Check-ins of the startups expected to make one (active at quarter end): made, and signed off. */
function checkInsReceived(m: Model): QuarterlyReport['checkIns'] {
  let expected = 0;
  let received = 0;
  let locked = 0;
  for (const [id, stage] of m.stageAtEnd) {
    if (stage !== 'incubated') continue;
    expected += 1;
    const row = m.checkInOf(id);
    if (row) received += 1;
    if (row?.lockedAt) locked += 1;
  }
  return { expected, received, locked };
}

// --- The rows behind a figure ------------------------------------------------------------

function matches(c: Contribution, filter: RowFilter): boolean {
  if (filter.sector !== undefined && !c.sectors.includes(filter.sector)) return false;
  if (filter.cohortId !== undefined && !c.cohorts.includes(filter.cohortId)) return false;
  if (filter.centreId !== undefined && c.centreId !== filter.centreId) return false;
  return true;
}

/** The contributions that count after the filter: the first (in drill-down order) of each key, with how they show. */
function counted(m: Model, contributions: readonly Contribution[], filter: RowFilter): { c: Contribution; shown: Shown }[] {
  const kept = new Map<string, { c: Contribution; shown: Shown }>();
  for (const c of contributions) {
    if (!matches(c, filter)) continue;
    const shown = c.show(m, c.src as never);
    const other = kept.get(c.key);
    if (!other || shown.sort < other.shown.sort) kept.set(c.key, { c, shown });
  }
  return [...kept.values()].sort((a, b) => byText(a.shown.sort, b.shown.sort));
}

/**
 * The rows behind one figure (of one sector, cohort or centre when filtered), in order.
 * Their values add up to the figure (hours: to the minute, rounded as the figure is); for a
 * share they are the denominator's rows, 1 where the numerator has them and 0 where not.
 */
export function reportRows(input: ReportInput, quarter: string, key: KpiKey, filter: RowFilter = {}): ReportRow[] {
  const m = new Model(input, quarter);
  const def = kpiByKey.get(key)!;
  const builder = BUILDERS[key];
  const toRow = ({ c, shown }: { c: Contribution; shown: Shown }, value: number): ReportRow => ({
    table: shown.table,
    id: shown.id,
    subject: shown.subject,
    detail: shown.detail,
    value,
    centreId: c.centreId,
  });
  if (builder.share) {
    const inNumerator = new Set(counted(m, builder.numerator(m), filter).map(({ c }) => c.key));
    return counted(m, builder.denominator(m), filter).map((r) => toRow(r, inNumerator.has(r.c.key) ? 1 : 0));
  }
  return counted(m, builder.build(m), filter).map((r) => toRow(r, def.unit === 'hours' ? r.c.value / 60 : r.c.value));
}
