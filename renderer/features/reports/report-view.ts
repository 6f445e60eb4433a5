/**
 * What the Reports screen works out from a QuarterlyReport and its address, kept apart from
 * the components so that it can be tested: how a quarter is named in the centre's scheme,
 * which figure's records are open, whether a quarter has anything in it, which startups
 * still owe a check-in, the downloaded file's name, and core's drill-down text made
 * readable.
 */
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { Sector } from '../../../shared/records/startups.js';
import { KPI_KEYS, type KpiKey } from '../../../shared/reports/kpis.js';
import { isQuarter, type QuarterScheme } from '../../../shared/reports/quarters.js';

// --- Quarters in the centre's scheme -------------------------------------------------------

export interface QuarterName {
  /** 'fiscal': FY{start}-{end} Q{q}; 'calendar': {year}-Q{q}. */
  kind: 'calendar' | 'fiscal';
  year: number;
  /** The quarter's number in its year (fiscal Q1 is July–September). */
  q: number;
  /** Fiscal years only: the calendar years the fiscal year starts and ends in ("2026", "27"). */
  fyStart: string;
  fyEnd: string;
  /** The first days of the quarter's first and last months (UTC), for month names. */
  firstMonth: Date;
  lastMonth: Date;
}

/** The parts a quarter's name is made of, in the centre's scheme (as shared/reports/quarters.ts names it in documents). */
export function quarterName(quarter: string, scheme: QuarterScheme): QuarterName {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const firstMonth = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const lastMonth = new Date(Date.UTC(year, q * 3 - 1, 1));
  if (scheme === 'calendar') return { kind: 'calendar', year, q, fyStart: '', fyEnd: '', firstMonth, lastMonth };
  const fyEndYear = q >= 3 ? year + 1 : year;
  return {
    kind: 'fiscal',
    year,
    q: ((q + 1) % 4) + 1,
    fyStart: String(fyEndYear - 1),
    fyEnd: String(fyEndYear % 100).padStart(2, '0'),
    firstMonth,
    lastMonth,
  };
}

/** A quarter as a file name part: 2026-Q4, or FY2026-27-Q2. */
export function quarterFilePart(quarter: string, scheme: QuarterScheme): string {
  const name = quarterName(quarter, scheme);
  return name.kind === 'calendar' ? quarter : `FY${name.fyStart}-${name.fyEnd}-Q${name.q}`;
}

// --- The downloaded file ----------------------------------------------------------------

/** "NIC Karachi" → "nic-karachi"; letters and digits of any script kept, the rest dashes. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/**
 * What the download is called: the scope, the quarter in the centre's scheme and the file's
 * own extension (core's name has a random part): nic-karachi-quarterly-report-FY2026-27-Q2.pdf.
 */
export function reportFileName(report: Pick<QuarterlyReport, 'quarter' | 'scheme' | 'scope'>, coreFileName: string): string {
  const dot = coreFileName.lastIndexOf('.');
  const extension = dot >= 0 ? coreFileName.slice(dot + 1).toLowerCase() : 'bin';
  const scope = slug(report.scope.name);
  return `${scope ? `${scope}-` : ''}quarterly-report-${quarterFilePart(report.quarter, report.scheme)}.${extension}`;
}

// --- What is shown ----------------------------------------------------------------------

/** A quarter with nothing in it: no figure, no startup at its end, no check-in expected. */
export function isEmptyReport(report: QuarterlyReport): boolean {
  return (
    Object.values(report.values).every((v) => v === null || v === 0) &&
    report.checkIns.expected === 0 &&
    report.charts.startupsByStage.every((s) => s.count === 0) &&
    report.perMentor.length === 0
  );
}

/** Startups active at the quarter's end with no check-in for it, by name. */
export function missingCheckIns(report: QuarterlyReport): QuarterlyReport['perStartup'] {
  return report.perStartup
    .filter((s) => s.stage === 'incubated' && s.checkIn === null)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Mentors with the most hours first (then sessions, then name). */
export function mentorsByHours(report: QuarterlyReport): QuarterlyReport['perMentor'] {
  return [...report.perMentor].sort((a, b) => b.hours - a.hours || b.sessions - a.sessions || a.name.localeCompare(b.name));
}

/** Breakdown rows with something in the given figures; the rest are left out of the table. */
export function withFigures<T extends { values: Partial<Record<KpiKey, number | null>> }>(
  rows: readonly T[],
  keys: readonly KpiKey[],
): T[] {
  return rows.filter((row) => keys.some((key) => (row.values[key] ?? 0) !== 0));
}

// --- Which figure's records are open (kept in the address) --------------------------------

/** Startups active at quarter end without a check-in: not a KPI, but opened the same way. */
export const MISSING_CHECK_INS = 'missing-check-ins';

export type OpenFigure =
  { kind: 'kpi'; key: KpiKey; sector?: Sector; cohortId?: string; centreId?: string } | { kind: 'missing-check-ins' };

const ID = /^[0-9a-f-]{36}$/i;

/** The open figure from the address (?show=startups.inducted&sector=fintech), or null. */
export function parseOpenFigure(params: URLSearchParams): OpenFigure | null {
  const show = params.get('show');
  if (show === MISSING_CHECK_INS) return { kind: 'missing-check-ins' };
  if (!show || !(KPI_KEYS as string[]).includes(show)) return null;
  const figure: OpenFigure = { kind: 'kpi', key: show as KpiKey };
  const sector = Sector.safeParse(params.get('sector'));
  if (sector.success) figure.sector = sector.data;
  const cohort = params.get('cohort');
  if (cohort && ID.test(cohort)) figure.cohortId = cohort;
  const centre = params.get('in');
  if (centre && ID.test(centre)) figure.centreId = centre;
  return figure;
}

/** The address with `figure` open (or none), the rest of it (quarter, centre) kept. */
export function withOpenFigure(params: URLSearchParams, figure: OpenFigure | null): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['show', 'sector', 'cohort', 'in']) next.delete(key);
  if (!figure) return next;
  if (figure.kind === 'missing-check-ins') {
    next.set('show', MISSING_CHECK_INS);
    return next;
  }
  next.set('show', figure.key);
  if (figure.sector) next.set('sector', figure.sector);
  if (figure.cohortId) next.set('cohort', figure.cohortId);
  if (figure.centreId) next.set('in', figure.centreId);
  return next;
}

/** An open figure's value: the report's, or its sector's, cohort's or centre's (undefined where the report has none). */
export function figureValue(report: QuarterlyReport, figure: Extract<OpenFigure, { kind: 'kpi' }>): number | null | undefined {
  if (figure.sector) return report.bySector.find((s) => s.sector === figure.sector)?.values[figure.key];
  if (figure.cohortId) return report.byCohort.find((c) => c.cohortId === figure.cohortId)?.values[figure.key];
  if (figure.centreId) return report.byCentre.find((c) => c.centreId === figure.centreId)?.values[figure.key];
  return report.values[figure.key];
}

/** The quarter asked for in the address, if it is one. */
export function addressQuarter(params: URLSearchParams): string | undefined {
  const quarter = params.get('quarter');
  return isQuarter(quarter) ? quarter : undefined;
}

/** The centre asked for in the address (national devices): 'all' or a centre's id. */
export function addressCentre(params: URLSearchParams): string {
  const centre = params.get('centre');
  return centre && ID.test(centre) ? centre : 'all';
}

// --- Core's drill-down text ----------------------------------------------------------------

const INSTANT = /\b(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC\b/g;
const DAY = /\b(\d{4}-\d{2}-\d{2})\b/g;
/** A whole number of five digits or more, not part of a date, a key or an id: an amount. */
const AMOUNT = /(?<![\w.,:/-])\d{5,}(?![\w.,:/-])/g;

/**
 * Core writes a row's detail with the API's dates ("90 min with Sara on 2026-10-04 07:15 UTC",
 * "applied → incubated on 2026-11-02", "2026-Q3 check-in: 833000 revenue PKR"); people read
 * them as the app shows dates and amounts: instants in their own zone, calendar dates as
 * "2 Nov 2026", amounts grouped ("833,000").
 */
export function readableDetail(
  detail: string,
  format: { date: (isoDate: string) => string; dateTime: (timestamp: string) => string; number: (value: number) => string },
): string {
  return detail
    .replace(AMOUNT, (amount: string) => format.number(Number(amount)))
    .replace(INSTANT, (_, day: string, time: string) => format.dateTime(`${day}T${time}:00Z`))
    .replace(DAY, (day: string) => format.date(day));
}
