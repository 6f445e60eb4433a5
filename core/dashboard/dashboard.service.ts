/**
 * The dashboard: a quarter's headline figures, the charts and the two to-do lists, each
 * one SQL query over the live tables (tombstoned rows never count). Quarters are calendar
 * quarters in UTC, the zone timestamps are stored in; a session belongs to the quarter
 * its start falls in, as in mentor hours: [start, end).
 */
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import { Sector, Stage } from '../../shared/records/startups.js';
import { today, type Ctx } from '../context.js';
import { quarterOf, quarterRange } from '../../shared/reports/quarters.js';

type Summary = OutputOf<'dashboard.summary'>;

const WEEKS = 12;
const UPCOMING = 5;
const OVERDUE = 10;
const DAY_MS = 86_400_000;

function count(ctx: Ctx, sql: string, ...params: unknown[]): number {
  return (ctx.rows.statement(sql).get(...params) as { n: number | null }).n ?? 0;
}

/** The Monday (UTC) of the week a date falls in, as YYYY-MM-DD. */
export function weekStartOf(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function dashboardSummary(ctx: Ctx, input: ParsedInputOf<'dashboard.summary'>): Summary {
  const now = ctx.now();
  const quarter = input.quarter ?? quarterOf(today(ctx));
  const { start, end } = quarterRange(quarter);

  // Dates compare as text: '2026-07-01T00:00:00.000Z' >= '2026-07-01', and the first
  // instant of the next quarter is not < '2026-10-01'.
  const activeStartups = count(ctx, "SELECT count(*) AS n FROM startups WHERE deleted = 0 AND stage = 'incubated'");
  const womenLed = count(ctx, "SELECT count(*) AS n FROM startups WHERE deleted = 0 AND stage = 'incubated' AND women_led = 1");
  const changedTo = (stage: string) =>
    count(
      ctx,
      `SELECT count(DISTINCT c.startup_id) AS n FROM stage_changes c JOIN startups s ON s.id = c.startup_id
       WHERE c.deleted = 0 AND s.deleted = 0 AND c.to_stage = ? AND c.changed_on >= ? AND c.changed_on < ?`,
      stage,
      start,
      end,
    );
  const sessions = ctx.rows
    .statement(
      `SELECT count(*) AS n, coalesce(sum(minutes), 0) AS minutes FROM mentoring_sessions
       WHERE deleted = 0 AND starts_at >= ? AND starts_at < ?`,
    )
    .get(start, end) as { n: number; minutes: number };
  const traineesWith = (table: string, column: string) =>
    count(
      ctx,
      `SELECT count(DISTINCT x.trainee_id) AS n FROM ${table} x JOIN trainees t ON t.id = x.trainee_id
       WHERE x.deleted = 0 AND t.deleted = 0 AND x.${column} >= ? AND x.${column} < ?`,
      start,
      end,
    );

  const headline = {
    activeStartups,
    inducted: changedTo('incubated'),
    graduated: changedTo('graduated'),
    sessions: sessions.n,
    mentorHours: Math.round((sessions.minutes / 60) * 10) / 10,
    traineesEnrolled: traineesWith('enrolments', 'created_at'),
    traineesCertified: traineesWith('certifications', 'issued_on'),
    traineesPlaced: traineesWith('placements', 'started_on'),
    womenLedShare: activeStartups === 0 ? null : womenLed / activeStartups,
  };

  // Sessions per week: the 12 weeks up to this week, or up to the quarter's last week
  // when the quarter is over.
  const lastDay = new Date(Math.min(now.getTime(), Date.parse(`${end}T00:00:00Z`) - 1));
  const firstWeek = addDays(weekStartOf(lastDay), -7 * (WEEKS - 1));
  const weekly = ctx.rows
    .statement(
      `SELECT CAST((julianday(substr(starts_at, 1, 10)) - julianday(?)) / 7 AS INTEGER) AS week, count(*) AS n
       FROM mentoring_sessions WHERE deleted = 0 AND starts_at >= ? AND starts_at < ? GROUP BY week`,
    )
    .all(firstWeek, firstWeek, addDays(firstWeek, 7 * WEEKS)) as { week: number; n: number }[];
  const sessionsPerWeek = Array.from({ length: WEEKS }, (_, i) => ({
    weekStart: addDays(firstWeek, 7 * i),
    count: weekly.find((w) => w.week === i)?.n ?? 0,
  }));

  const stageRows = ctx.rows.statement('SELECT stage, count(*) AS n FROM startups WHERE deleted = 0 GROUP BY stage').all() as {
    stage: string | null;
    n: number;
  }[];
  const startupsByStage = Stage.options.map((stage) => ({ stage, count: stageRows.find((r) => r.stage === stage)?.n ?? 0 }));

  const sectorRows = ctx.rows
    .statement('SELECT sector, count(*) AS n FROM startups WHERE deleted = 0 GROUP BY sector ORDER BY n DESC, sector')
    .all() as { sector: string | null; n: number }[];
  const startupsBySector = sectorRows.flatMap((r) => {
    const sector = Sector.safeParse(r.sector);
    return sector.success ? [{ sector: sector.data, count: r.n }] : [];
  });

  const everTrainees = (table: string, extra = '') =>
    count(
      ctx,
      `SELECT count(DISTINCT x.trainee_id) AS n FROM ${table} x JOIN trainees t ON t.id = x.trainee_id
       WHERE x.deleted = 0 AND t.deleted = 0 ${extra}`,
    );
  const traineeFunnel = {
    enrolled: everTrainees('enrolments'),
    completed: everTrainees('enrolments', "AND x.status = 'completed'"),
    certified: everTrainees('certifications'),
    placed: everTrainees('placements'),
  };

  const upcomingSessions = (
    ctx.rows
      .statement(
        `SELECT s.id, s.starts_at, s.minutes, s.mode, m.id AS mentor_id, m.name AS mentor_name, m.time_zone,
                st.id AS startup_id, st.name AS startup_name
         FROM mentoring_sessions s
         JOIN mentors m ON m.id = s.mentor_id AND m.deleted = 0
         JOIN startups st ON st.id = s.startup_id AND st.deleted = 0
         WHERE s.deleted = 0 AND s.starts_at >= ?
         ORDER BY s.starts_at, s.id LIMIT ${UPCOMING}`,
      )
      .all(now.toISOString()) as {
      id: string;
      starts_at: string;
      minutes: number | null;
      mode: 'in-person' | 'online' | 'phone' | null;
      mentor_id: string;
      mentor_name: string | null;
      time_zone: string | null;
      startup_id: string;
      startup_name: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    minutes: r.minutes,
    mode: r.mode,
    mentorId: r.mentor_id,
    mentorName: r.mentor_name ?? '',
    mentorTimeZone: r.time_zone,
    startupId: r.startup_id,
    startupName: r.startup_name ?? '',
  }));

  const overdueFrom = `FROM action_items a
    JOIN mentoring_sessions s ON s.id = a.session_id AND s.deleted = 0
    JOIN startups st ON st.id = s.startup_id AND st.deleted = 0
    WHERE a.deleted = 0 AND coalesce(a.done, 0) = 0 AND a.due_on IS NOT NULL AND a.due_on < ?`;
  const overdueActionItems = (
    ctx.rows
      .statement(
        `SELECT a.id, a.text, a.owner, a.due_on, a.session_id, st.id AS startup_id, st.name AS startup_name
         ${overdueFrom} ORDER BY a.due_on, a.id LIMIT ${OVERDUE}`,
      )
      .all(today(ctx)) as {
      id: string;
      text: string | null;
      owner: string | null;
      due_on: string;
      session_id: string;
      startup_id: string;
      startup_name: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    text: r.text ?? '',
    owner: r.owner,
    dueOn: r.due_on,
    sessionId: r.session_id,
    startupId: r.startup_id,
    startupName: r.startup_name ?? '',
  }));
  const overdueTotal = count(ctx, `SELECT count(*) AS n ${overdueFrom}`, today(ctx));

  return {
    quarter,
    quarterStart: start,
    quarterEnd: end,
    headline,
    sessionsPerWeek,
    startupsByStage,
    startupsBySector,
    traineeFunnel,
    upcomingSessions,
    overdueActionItems,
    overdueTotal,
  };
}
