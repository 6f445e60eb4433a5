/**
 * The KPI catalogue: every figure of the quarterly report, defined once. The app shows the
 * label and definition beside each figure, the README lists them, the JSON export nests the
 * values by the key's dots (`startups.inducted` → `{ "startups": { "inducted": 3 } }`), and
 * the same computation (shared/reports/compute.ts) runs on a workstation and on the server's
 * national roll-up. "The quarter" is [start, end) of its calendar dates (UTC); "at quarter
 * end" means as of the quarter's last day. Deleted (tombstoned) rows never count.
 */

export type KpiUnit = 'count' | 'share' | 'pkr' | 'usd' | 'hours';

export type KpiSection = 'startups' | 'jobs' | 'revenue' | 'funding' | 'mentoring' | 'actionItems' | 'trainees';

export interface KpiDef {
  key: string;
  section: KpiSection;
  label: string;
  /** One line, shown in the app and the README. */
  definition: string;
  unit: KpiUnit;
  /** Also computed per sector and per cohort (startup figures by the startup's, trainee figures by the enrolment's). */
  breakdown: boolean;
}

const kpi = <K extends string>(key: K, label: string, unit: KpiUnit, definition: string, breakdown = true) => {
  const section = key.slice(0, key.indexOf('.')) as KpiSection;
  return { key, section, label, unit, definition, breakdown } as const;
};

export const KPIS = [
  kpi('startups.applied', 'Applied', 'count', 'Startups whose stage became applied during the quarter (a new application).'),
  kpi('startups.inducted', 'Inducted', 'count', 'Startups whose stage became incubated during the quarter.'),
  kpi('startups.active', 'Active at quarter end', 'count', 'Startups in the incubated stage at the quarter’s end.'),
  kpi('startups.graduated', 'Graduated', 'count', 'Startups whose stage became graduated during the quarter.'),
  kpi('startups.dropped', 'Dropped', 'count', 'Startups whose stage became dropped during the quarter.'),
  kpi('startups.womenLed', 'Women-led (active)', 'count', 'Active startups at quarter end that are women-led.'),
  kpi('startups.womenLedShare', 'Women-led share', 'share', 'Women-led active startups ÷ active startups at quarter end (none when there are no active startups).'),
  kpi('startups.graduatesOperating', 'Graduates still operating', 'count', 'Startups that graduated on or before the quarter’s end and were not dropped since, at quarter end.'),
  kpi('startups.graduateSurvival', 'Survival of graduates', 'share', 'Graduates still operating ÷ every startup that graduated on or before the quarter’s end.'),
  kpi('jobs.fullTime', 'Full-time jobs', 'count', 'Full-time jobs summed over the startups’ check-ins for the quarter.'),
  kpi('jobs.partTime', 'Part-time jobs', 'count', 'Part-time jobs summed over the startups’ check-ins for the quarter.'),
  kpi('jobs.women', 'Jobs held by women', 'count', 'Jobs held by women summed over the startups’ check-ins for the quarter.'),
  kpi('jobs.createdSinceInduction', 'Jobs created since induction', 'count', 'For each startup with a check-in for the quarter: its full- and part-time jobs then, minus those in its first check-in since it was inducted; summed.'),
  kpi('revenue.pkr', 'Revenue (PKR)', 'pkr', 'The quarter’s reported revenue summed over startups.'),
  kpi('revenue.exportUsd', 'Export revenue (USD)', 'usd', 'The quarter’s reported export revenue summed over startups.'),
  kpi('revenue.pkrYearToDate', 'Revenue, year to date (PKR)', 'pkr', 'Reported revenue of the quarters from the start of the year (calendar or fiscal, as the centre counts) to this one.'),
  kpi('revenue.exportUsdYearToDate', 'Export revenue, year to date (USD)', 'usd', 'Reported export revenue of the quarters from the start of the year to this one.'),
  kpi('revenue.pkrCumulative', 'Revenue, cumulative (PKR)', 'pkr', 'Reported revenue of every quarter up to and including this one.'),
  kpi('revenue.exportUsdCumulative', 'Export revenue, cumulative (USD)', 'usd', 'Reported export revenue of every quarter up to and including this one.'),
  kpi('funding.committedPkr', 'Funding committed (PKR)', 'pkr', 'Funding committed in the quarter’s check-ins, summed (by source in the funding table).'),
  kpi('funding.raisedPkr', 'Funding raised (PKR)', 'pkr', 'Funding raised in the quarter’s check-ins, summed (by source in the funding table).'),
  kpi('mentoring.mentorsActive', 'Mentors active', 'count', 'Distinct mentors with a session starting in the quarter.'),
  kpi('mentoring.startupsMentored', 'Startups mentored', 'count', 'Distinct startups with a session starting in the quarter.'),
  kpi('mentoring.sessions', 'Sessions held', 'count', 'Sessions starting in the quarter.'),
  kpi('mentoring.hours', 'Mentor hours', 'hours', 'The minutes of the quarter’s sessions summed ÷ 60, to one decimal.'),
  kpi('actionItems.opened', 'Action items opened', 'count', 'Action items of the sessions starting in the quarter.'),
  kpi('actionItems.closed', 'Action items closed', 'count', 'Action items marked done on a day in the quarter.'),
  kpi('actionItems.overdue', 'Action items overdue', 'count', 'Action items, of sessions up to the quarter’s end, due before its last day and not done by its end.'),
  kpi('trainees.enrolled', 'Trainees enrolled', 'count', 'Distinct trainees with an enrolment made during the quarter.'),
  kpi('trainees.enrolledWomen', 'Enrolled: women', 'count', 'Of the trainees enrolled, those recorded as female.'),
  kpi('trainees.enrolledMen', 'Enrolled: men', 'count', 'Of the trainees enrolled, those recorded as male.'),
  kpi('trainees.completed', 'Trainees completed', 'count', 'Distinct trainees with an enrolment completed on a day in the quarter.'),
  kpi('trainees.completedWomen', 'Completed: women', 'count', 'Of the trainees completed, those recorded as female.'),
  kpi('trainees.completedMen', 'Completed: men', 'count', 'Of the trainees completed, those recorded as male.'),
  kpi('trainees.certified', 'Trainees certified', 'count', 'Distinct trainees with a certification issued in the quarter.'),
  kpi('trainees.certifiedWomen', 'Certified: women', 'count', 'Of the trainees certified, those recorded as female.'),
  kpi('trainees.certifiedMen', 'Certified: men', 'count', 'Of the trainees certified, those recorded as male.'),
  kpi('trainees.placed', 'Trainees placed', 'count', 'Distinct trainees with a placement (any kind) starting in the quarter.'),
  kpi('trainees.placedWomen', 'Placed: women', 'count', 'Of the trainees placed, those recorded as female.'),
  kpi('trainees.placedMen', 'Placed: men', 'count', 'Of the trainees placed, those recorded as male.'),
  kpi('trainees.placedJob', 'Placed in a job', 'count', 'Distinct trainees with a job placement starting in the quarter.'),
  kpi('trainees.placedFreelance', 'Placed as freelancers', 'count', 'Distinct trainees with a freelance placement starting in the quarter.'),
  kpi('trainees.placedFounder', 'Placed as founders', 'count', 'Distinct trainees with a founder placement starting in the quarter.'),
  kpi('trainees.completedFor180Days', 'Completed 180–360 days before', 'count', 'Distinct trainees whose latest completion was 180 to 360 days before the quarter’s last day: the group the 180-day placement rate is measured on.'),
  kpi('trainees.placedWithin180Days', 'Placed within 180 days', 'share', 'Of the trainees completed 180–360 days before, the share with a placement starting within 180 days after completing (none when the group is empty).'),
] as const satisfies readonly KpiDef[];

export type KpiKey = (typeof KPIS)[number]['key'];

export const KPI_KEYS = KPIS.map((k) => k.key) as KpiKey[];

export const kpiByKey: ReadonlyMap<KpiKey, KpiDef> = new Map(KPIS.map((k) => [k.key, k]));

/** A set of KPI values: null where a share has no denominator. */
export type KpiValues = Record<KpiKey, number | null>;

export const SECTION_LABELS: Record<KpiSection, string> = {
  startups: 'Startups',
  jobs: 'Jobs',
  revenue: 'Revenue',
  funding: 'Funding',
  mentoring: 'Mentoring',
  actionItems: 'Action items',
  trainees: 'Trainees',
};

/** `{ "startups.inducted": 3 }` → `{ startups: { inducted: 3 } }`, the JSON export's shape. */
export function nestKpis(values: Partial<KpiValues>): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  for (const [key, value] of Object.entries(values)) {
    const dot = key.indexOf('.');
    (out[key.slice(0, dot)] ??= {})[key.slice(dot + 1)] = value as number | null;
  }
  return out;
}
