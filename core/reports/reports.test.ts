/**
 * The quarterly report of a centre built through the real API from a plan (below), with the
 * clock set to each event's day. Every KPI's expected value is worked out from the plan's
 * own arrays by a deliberately naive recomputation (`expectedValues`: filters and sums over
 * the plan, no shared code with the engine or the loader's SQL), and the headline ones are
 * also written out by hand. The plan has the edges: events on the first and last day of
 * 2026-Q3, a session at 23:30 UTC on its last day and one at midnight after it, deleted
 * startups, sessions, mentors, trainees and check-ins, stage changes back and forth, a
 * startup dropped after graduating, action items done after the quarter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarterlyReport, ReportRow } from '../../shared/api/reports.js';
import type { ApiClient } from '../../shared/api/client.js';
import type { Gender } from '../../shared/records/base.js';
import type { Sector, Stage } from '../../shared/records/startups.js';
import { KPIS, KPI_KEYS, type KpiKey } from '../../shared/reports/kpis.js';
import { failure, startCore, tempDir, type Harness } from '../testing/harness.js';
import { metaSet } from '../sync/local-clock.js';
import { REPORT_RENDERERS } from './render/index.js';

const QUARTER = '2026-Q3';
const START = '2026-07-01';
const END = '2026-10-01';
const LAST = '2026-09-30';

// --- The plan ------------------------------------------------------------------------------

type Values = {
  revenuePkr?: number;
  exportRevenueUsd?: number;
  fundingCommittedPkr?: number;
  fundingRaisedPkr?: number;
  fundingSource?: string;
  jobsFullTime?: number;
  jobsPartTime?: number;
  jobsWomen?: number;
};

interface PlanStartup {
  ref: string;
  name: string;
  sector: Sector;
  womenLed: boolean;
  cohort: 'A' | 'B' | null;
  /** [stage, day]: the first creates it, each next one changes its stage that day. */
  history: [Stage, string][];
  deletedOn?: string;
}

const STARTUPS: PlanStartup[] = [
  {
    ref: 'agri',
    name: 'Agri Links',
    sector: 'agritech',
    womenLed: false,
    cohort: 'A',
    history: [
      ['applied', '2026-03-10'],
      ['incubated', START],
    ],
  },
  {
    ref: 'sehat',
    name: 'Sehat Labs',
    sector: 'healthtech',
    womenLed: true,
    cohort: 'A',
    history: [
      ['applied', '2026-01-05'],
      ['incubated', '2026-04-01'],
      ['graduated', LAST],
    ],
  },
  // Back and forth: applied in the quarter, inducted twice, active at its end.
  {
    ref: 'tez',
    name: 'Tez Pay',
    sector: 'fintech',
    womenLed: true,
    cohort: 'B',
    history: [
      ['applied', '2026-07-15'],
      ['incubated', '2026-08-01'],
      ['applied', '2026-08-10'],
      ['incubated', '2026-09-05'],
    ],
  },
  // Dropped after graduating: a graduate no longer operating.
  {
    ref: 'dropped',
    name: 'Dropped Co',
    sector: 'fintech',
    womenLed: false,
    cohort: 'B',
    history: [
      ['incubated', '2025-10-01'],
      ['graduated', '2026-02-01'],
      ['dropped', '2026-08-20'],
    ],
  },
  {
    ref: 'oldgrad',
    name: 'Old Grad',
    sector: 'edtech',
    womenLed: true,
    cohort: null,
    history: [
      ['incubated', '2025-06-01'],
      ['graduated', '2025-12-01'],
    ],
  },
  {
    ref: 'gone',
    name: 'Gone Ltd',
    sector: 'fintech',
    womenLed: true,
    cohort: 'A',
    history: [['incubated', '2026-07-02']],
    deletedOn: '2026-07-03',
  },
  { ref: 'late', name: 'Late Start', sector: 'ai', womenLed: false, cohort: 'B', history: [['applied', '2026-10-02']] },
  { ref: 'quiet', name: 'Quiet Co', sector: 'saas', womenLed: false, cohort: null, history: [['incubated', '2026-05-05']] },
  {
    ref: 'octgrad',
    name: 'October Grad',
    sector: 'fintech',
    womenLed: false,
    cohort: 'A',
    history: [
      ['incubated', '2026-02-01'],
      ['graduated', '2026-10-03'],
    ],
  },
];

interface PlanCheckIn {
  startup: string;
  quarter: string;
  on: string;
  values: Values;
  lockedOn?: string;
  deletedOn?: string;
}

const CHECK_INS: PlanCheckIn[] = [
  { startup: 'agri', quarter: '2026-Q2', on: '2026-06-30', values: { revenuePkr: 100_000, jobsFullTime: 2, jobsPartTime: 1 } },
  {
    startup: 'agri',
    quarter: QUARTER,
    on: LAST,
    values: {
      revenuePkr: 250_000,
      exportRevenueUsd: 1200.5,
      jobsFullTime: 5,
      jobsPartTime: 2,
      jobsWomen: 3,
      fundingCommittedPkr: 1_000_000,
      fundingRaisedPkr: 500_000,
      fundingSource: 'Ignite',
    },
    lockedOn: '2026-10-05',
  },
  { startup: 'sehat', quarter: '2026-Q1', on: '2026-03-31', values: { revenuePkr: 50_000, jobsFullTime: 1 } },
  {
    startup: 'sehat',
    quarter: '2026-Q2',
    on: '2026-06-30',
    values: { revenuePkr: 80_000, exportRevenueUsd: 10, jobsFullTime: 3, jobsPartTime: 0 },
  },
  {
    startup: 'sehat',
    quarter: QUARTER,
    on: START,
    values: {
      revenuePkr: 120_000,
      jobsFullTime: 4,
      jobsPartTime: 1,
      jobsWomen: 2,
      fundingRaisedPkr: 200_000,
      fundingSource: 'Angel',
    },
  },
  { startup: 'tez', quarter: QUARTER, on: '2026-09-10', values: { revenuePkr: 0, exportRevenueUsd: 99.99, jobsFullTime: 2 } },
  { startup: 'dropped', quarter: '2025-Q4', on: '2025-12-31', values: { revenuePkr: 300_000 } },
  { startup: 'dropped', quarter: '2026-Q1', on: '2026-03-15', values: { jobsFullTime: 1, jobsPartTime: 0 } },
  { startup: 'dropped', quarter: QUARTER, on: '2026-08-25', values: { revenuePkr: 10_000, jobsFullTime: 0, jobsPartTime: 3 } },
  { startup: 'gone', quarter: QUARTER, on: '2026-07-02', values: { revenuePkr: 999_999 } },
  { startup: 'quiet', quarter: QUARTER, on: '2026-08-01', values: { revenuePkr: 777 }, deletedOn: '2026-08-02' },
  { startup: 'oldgrad', quarter: '2026-Q2', on: '2026-06-01', values: { revenuePkr: 40_000, exportRevenueUsd: 5.25 } },
];

const MENTORS: { ref: string; name: string; country: string; deletedOn?: string }[] = [
  { ref: 'sana', name: 'Sana Mir', country: 'Pakistan' },
  { ref: 'omar', name: 'Omar Farooq', country: 'United Kingdom' },
  { ref: 'left', name: 'Left Mentor', country: 'Pakistan', deletedOn: '2026-08-25' },
];

interface PlanItem {
  text: string;
  dueOn?: string;
  doneOn?: string;
}

interface PlanSession {
  startup: string;
  mentor: string;
  startsAt: string;
  minutes: number;
  loggedOn: string;
  items?: PlanItem[];
  deletedOn?: string;
}

const SESSIONS: PlanSession[] = [
  {
    startup: 'sehat',
    mentor: 'sana',
    startsAt: '2026-04-10T10:00:00Z',
    minutes: 60,
    loggedOn: '2026-04-10',
    items: [
      { text: 'Old and open', dueOn: '2026-05-01' },
      { text: 'Done in Q2', dueOn: '2026-06-01', doneOn: '2026-06-15' },
    ],
  },
  { startup: 'agri', mentor: 'sana', startsAt: '2026-06-30T23:59:59Z', minutes: 30, loggedOn: '2026-06-30' },
  { startup: 'octgrad', mentor: 'sana', startsAt: '2026-07-01T00:00:00Z', minutes: 60, loggedOn: START },
  { startup: 'gone', mentor: 'sana', startsAt: '2026-07-20T10:00:00Z', minutes: 60, loggedOn: '2026-07-02' },
  {
    startup: 'agri',
    mentor: 'omar',
    startsAt: '2026-07-14T10:00:00Z',
    minutes: 90,
    loggedOn: '2026-07-14',
    items: [
      { text: 'Send the pitch deck', dueOn: '2026-07-20' },
      { text: 'Call the bank', dueOn: '2026-09-29', doneOn: '2026-09-29' },
      { text: 'Book the demo', dueOn: LAST },
      { text: 'Think about pricing' },
    ],
  },
  {
    startup: 'sehat',
    mentor: 'sana',
    startsAt: '2026-08-10T10:00:00Z',
    minutes: 50,
    loggedOn: '2026-08-10',
    items: [{ text: 'Hire a CFO', dueOn: '2026-08-15', doneOn: '2026-10-02' }],
  },
  {
    startup: 'tez',
    mentor: 'omar',
    startsAt: '2026-08-15T10:00:00Z',
    minutes: 600,
    loggedOn: '2026-08-15',
    items: [{ text: 'Never mind', dueOn: '2026-08-16' }],
    deletedOn: '2026-08-16',
  },
  { startup: 'quiet', mentor: 'left', startsAt: '2026-08-20T10:00:00Z', minutes: 30, loggedOn: '2026-08-20' },
  { startup: 'agri', mentor: 'omar', startsAt: '2026-09-30T23:30:00Z', minutes: 45, loggedOn: LAST },
  { startup: 'tez', mentor: 'sana', startsAt: '2026-10-01T00:00:00Z', minutes: 120, loggedOn: LAST },
];

const TRAINEES: { ref: string; name: string; gender: Gender | null; deletedOn?: string }[] = [
  { ref: 'ali', name: 'Ali Raza', gender: 'male' },
  { ref: 'hina', name: 'Hina Shah', gender: 'female' },
  { ref: 'omar', name: 'Omar Khan', gender: 'male' },
  { ref: 'zara', name: 'Zara Ahmed', gender: 'female' },
  { ref: 'sara', name: 'Sara Gone', gender: 'female', deletedOn: '2026-07-11' },
  { ref: 'bilal', name: 'Bilal Noor', gender: null },
];

/** `on`: the day the enrolment was made. */
const ENROLMENTS: { trainee: string; cohort: 'C1' | 'C2'; on: string; completedOn?: string }[] = [
  { trainee: 'omar', cohort: 'C1', on: '2025-09-01', completedOn: '2025-12-15' },
  { trainee: 'zara', cohort: 'C2', on: '2025-08-01', completedOn: '2026-03-01' },
  { trainee: 'hina', cohort: 'C1', on: '2026-06-30', completedOn: LAST },
  { trainee: 'ali', cohort: 'C1', on: START },
  { trainee: 'sara', cohort: 'C1', on: '2026-07-10' },
  { trainee: 'omar', cohort: 'C2', on: '2026-08-01' },
  { trainee: 'bilal', cohort: 'C2', on: '2026-08-05' },
  { trainee: 'hina', cohort: 'C2', on: LAST },
];

const CERTIFICATIONS = [
  { trainee: 'hina', issuedOn: '2026-06-30' },
  { trainee: 'omar', issuedOn: START },
  { trainee: 'sara', issuedOn: '2026-07-10' },
  { trainee: 'omar', issuedOn: '2026-08-01' },
  { trainee: 'ali', issuedOn: LAST },
];

const PLACEMENTS = [
  { trainee: 'omar', kind: 'job', startedOn: '2026-03-01' },
  { trainee: 'ali', kind: 'job', startedOn: '2026-07-05' },
  { trainee: 'bilal', kind: 'internship', startedOn: '2026-08-10' },
  { trainee: 'hina', kind: 'founder', startedOn: '2026-09-01' },
  { trainee: 'zara', kind: 'freelance', startedOn: '2026-09-15' },
] as const;

// --- The naive recomputation -------------------------------------------------------------

const inQuarter = (day: string | undefined) => day !== undefined && day >= START && day < END;
const quarterOfDay = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const distinctCount = (xs: string[]) => new Set(xs).size;

/** What every KPI of 2026-Q3 must be, from the plan alone (YTD quarters: the calendar or fiscal year so far). */
function expectedValues(ytdQuarters: string[]): Record<KpiKey, number | null> {
  const startups = STARTUPS.filter((s) => !s.deletedOn);
  const stageAt = (s: PlanStartup, day: string) => s.history.filter(([, on]) => on <= day).at(-1)?.[0] ?? null;
  const changedTo = (stage: Stage) => startups.filter((s) => s.history.some(([st, on]) => st === stage && inQuarter(on))).length;
  const active = startups.filter((s) => stageAt(s, LAST) === 'incubated');
  const graduates = startups.filter((s) => s.history.some(([st, on]) => st === 'graduated' && on <= LAST));
  const operating = graduates.filter((s) => stageAt(s, LAST) !== 'dropped');

  const liveRef = new Set(startups.map((s) => s.ref));
  const checkIns = CHECK_INS.filter((c) => liveRef.has(c.startup) && !c.deletedOn);
  const field = (f: keyof Values, quarters: (q: string) => boolean) =>
    sum(checkIns.filter((c) => quarters(c.quarter)).map((c) => (c.values[f] as number | undefined) ?? 0));
  const thisQuarter = (q: string) => q === QUARTER;
  const jobsSince = sum(
    startups.map((s) => {
      const mine = checkIns.filter((c) => c.startup === s.ref).sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
      const reports = (c: PlanCheckIn) => c.values.jobsFullTime !== undefined || c.values.jobsPartTime !== undefined;
      const jobs = (c: PlanCheckIn) => (c.values.jobsFullTime ?? 0) + (c.values.jobsPartTime ?? 0);
      const now = mine.find((c) => c.quarter === QUARTER);
      const induction = s.history.filter(([st, on]) => st === 'incubated' && on <= LAST).at(-1);
      if (!now || !reports(now) || !induction) return 0;
      const base = mine.find((c) => c.quarter >= quarterOfDay(induction[1]) && reports(c))!;
      return jobs(now) - jobs(base);
    }),
  );

  const liveMentors = new Set(MENTORS.filter((m) => !m.deletedOn).map((m) => m.ref));
  const sessions = SESSIONS.filter((s) => !s.deletedOn && liveRef.has(s.startup) && liveMentors.has(s.mentor));
  const inQ = sessions.filter((s) => s.startsAt >= START && s.startsAt < END);
  const items = sessions.filter((s) => s.startsAt < END).flatMap((s) => (s.items ?? []).map((item) => ({ ...item, session: s })));

  const trainees = new Map(TRAINEES.filter((t) => !t.deletedOn).map((t) => [t.ref, t]));
  const gender = (ref: string) => trainees.get(ref)?.gender;
  const enrolments = ENROLMENTS.filter((e) => trainees.has(e.trainee));
  const certifications = CERTIFICATIONS.filter((c) => trainees.has(c.trainee));
  const placements = PLACEMENTS.filter((p) => trainees.has(p.trainee));
  const women = (refs: string[]) => distinctCount(refs.filter((r) => gender(r) === 'female'));
  const men = (refs: string[]) => distinctCount(refs.filter((r) => gender(r) === 'male'));
  const enrolled = enrolments.filter((e) => inQuarter(e.on)).map((e) => e.trainee);
  const completed = enrolments.filter((e) => inQuarter(e.completedOn)).map((e) => e.trainee);
  const certified = certifications.filter((c) => inQuarter(c.issuedOn)).map((c) => c.trainee);
  const placed = placements.filter((p) => inQuarter(p.startedOn));
  const placedRefs = placed.map((p) => p.trainee);
  const group = [...trainees.keys()].flatMap((ref) => {
    const latest = enrolments
      .filter((e) => e.trainee === ref && e.completedOn && e.completedOn <= LAST)
      .map((e) => e.completedOn!)
      .sort()
      .at(-1);
    if (!latest) return [];
    const days = daysBetween(latest, LAST);
    return days >= 180 && days <= 360 ? [{ ref, latest }] : [];
  });
  const placedWithin = group.filter((g) =>
    placements.some((p) => p.trainee === g.ref && p.startedOn >= g.latest && daysBetween(g.latest, p.startedOn) <= 180),
  );

  return {
    'startups.applied': changedTo('applied'),
    'startups.inducted': changedTo('incubated'),
    'startups.active': active.length,
    'startups.graduated': changedTo('graduated'),
    'startups.dropped': changedTo('dropped'),
    'startups.womenLed': active.filter((s) => s.womenLed).length,
    'startups.womenLedShare': active.length ? active.filter((s) => s.womenLed).length / active.length : null,
    'startups.graduatesOperating': operating.length,
    'startups.graduateSurvival': graduates.length ? operating.length / graduates.length : null,
    'jobs.fullTime': field('jobsFullTime', thisQuarter),
    'jobs.partTime': field('jobsPartTime', thisQuarter),
    'jobs.women': field('jobsWomen', thisQuarter),
    'jobs.createdSinceInduction': jobsSince,
    'revenue.pkr': field('revenuePkr', thisQuarter),
    'revenue.exportUsd': Math.round(field('exportRevenueUsd', thisQuarter) * 100) / 100,
    'revenue.pkrYearToDate': field('revenuePkr', (q) => ytdQuarters.includes(q)),
    'revenue.exportUsdYearToDate': Math.round(field('exportRevenueUsd', (q) => ytdQuarters.includes(q)) * 100) / 100,
    'revenue.pkrCumulative': field('revenuePkr', (q) => q <= QUARTER),
    'revenue.exportUsdCumulative': Math.round(field('exportRevenueUsd', (q) => q <= QUARTER) * 100) / 100,
    'funding.committedPkr': field('fundingCommittedPkr', thisQuarter),
    'funding.raisedPkr': field('fundingRaisedPkr', thisQuarter),
    'mentoring.mentorsActive': distinctCount(inQ.map((s) => s.mentor)),
    'mentoring.startupsMentored': distinctCount(inQ.map((s) => s.startup)),
    'mentoring.sessions': inQ.length,
    'mentoring.hours': Math.round((sum(inQ.map((s) => s.minutes)) / 60) * 10) / 10,
    'actionItems.opened': items.filter((i) => i.session.startsAt >= START).length,
    'actionItems.closed': items.filter((i) => inQuarter(i.doneOn)).length,
    'actionItems.overdue': items.filter((i) => i.dueOn && i.dueOn < LAST && !(i.doneOn && i.doneOn < END)).length,
    'trainees.enrolled': distinctCount(enrolled),
    'trainees.enrolledWomen': women(enrolled),
    'trainees.enrolledMen': men(enrolled),
    'trainees.completed': distinctCount(completed),
    'trainees.completedWomen': women(completed),
    'trainees.completedMen': men(completed),
    'trainees.certified': distinctCount(certified),
    'trainees.certifiedWomen': women(certified),
    'trainees.certifiedMen': men(certified),
    'trainees.placed': distinctCount(placedRefs),
    'trainees.placedWomen': women(placedRefs),
    'trainees.placedMen': men(placedRefs),
    'trainees.placedJob': distinctCount(placed.filter((p) => p.kind === 'job').map((p) => p.trainee)),
    'trainees.placedFreelance': distinctCount(placed.filter((p) => p.kind === 'freelance').map((p) => p.trainee)),
    'trainees.placedFounder': distinctCount(placed.filter((p) => p.kind === 'founder').map((p) => p.trainee)),
    'trainees.completedFor180Days': group.length,
    'trainees.placedWithin180Days': group.length ? placedWithin.length / group.length : null,
  };
}

// --- Building the centre through the API -----------------------------------------------------

let clock = new Date('2025-05-01T09:00:00Z');
let h: Harness;
const ids = new Map<string, string>();
const idOf = (kind: string, ref: string) => ids.get(`${kind}:${ref}`)!;

/** Runs the plan's events in day order, each with the clock on its day. */
async function buildCentre(m: ApiClient): Promise<void> {
  const events: { day: string; n: number; run: () => Promise<unknown> }[] = [];
  const on = (day: string, run: () => Promise<unknown>) => events.push({ day, n: events.length, run });
  const keep = (kind: string, ref: string) => (row: { id: string }) => ids.set(`${kind}:${ref}`, row.id);

  on('2025-05-01', async () => {
    const incubation = await m.call('programmes.create', { kind: 'incubation', name: 'Ignite Incubation' });
    const training = await m.call('programmes.create', { kind: 'training', name: 'DigiSkills' });
    for (const [ref, programme, name] of [
      ['A', incubation, 'Cohort 2026-A'],
      ['B', incubation, 'Cohort 2026-B'],
      ['C1', training, 'Batch 1'],
      ['C2', training, 'Batch 2'],
    ] as const) {
      keep('cohort', ref)(await m.call('cohorts.create', { programmeId: programme.id, name }));
    }
    for (const mentor of MENTORS)
      keep('mentor', mentor.ref)(await m.call('mentors.create', { name: mentor.name, country: mentor.country }));
    for (const t of TRAINEES) keep('trainee', t.ref)(await m.call('trainees.create', { name: t.name, gender: t.gender }));
  });
  for (const s of STARTUPS) {
    const [[stage, created], ...changes] = s.history as [[Stage, string], ...[Stage, string][]];
    on(created, async () => {
      const cohortId = s.cohort ? idOf('cohort', s.cohort) : null;
      keep(
        'startup',
        s.ref,
      )(await m.call('startups.create', { name: s.name, sector: s.sector, womenLed: s.womenLed, cohortId, stage }));
    });
    for (const [next, day] of changes)
      on(day, () => m.call('startups.update', { id: idOf('startup', s.ref), patch: { stage: next } }));
    if (s.deletedOn) on(s.deletedOn, () => m.call('startups.delete', { id: idOf('startup', s.ref) }));
  }
  on('2026-03-11', () => m.call('founders.create', { startupId: idOf('startup', 'agri'), name: 'Bilal Ahmed' }));
  on('2026-07-16', () =>
    m.call('assignments.create', { mentorId: idOf('mentor', 'sana'), startupId: idOf('startup', 'tez'), fromDate: '2026-07-15' }),
  );
  on('2026-08-01', () =>
    m.call('milestones.create', { startupId: idOf('startup', 'agri'), title: 'First export order', status: 'done' }),
  );
  for (const c of CHECK_INS) {
    on(c.on, async () =>
      keep(
        'checkIn',
        `${c.startup}:${c.quarter}`,
      )(await m.call('metrics.save', { startupId: idOf('startup', c.startup), quarter: c.quarter, values: c.values })),
    );
    if (c.lockedOn) on(c.lockedOn, () => m.call('metrics.lock', { startupId: idOf('startup', c.startup), quarter: c.quarter }));
    if (c.deletedOn) on(c.deletedOn, () => m.call('metrics.delete', { id: idOf('checkIn', `${c.startup}:${c.quarter}`) }));
  }
  SESSIONS.forEach((s, i) => {
    on(s.loggedOn, async () => {
      const recorded = await m.call('sessions.record', {
        mentorId: idOf('mentor', s.mentor),
        startupId: idOf('startup', s.startup),
        startsAt: s.startsAt,
        minutes: s.minutes,
        actionItems: (s.items ?? []).map((item) => ({ text: item.text, dueOn: item.dueOn ?? null })),
      });
      keep('session', String(i))(recorded);
      for (const item of recorded.actionItems) keep('item', item.text)(item);
    });
    for (const item of s.items ?? [])
      if (item.doneOn)
        on(item.doneOn, () => m.call('actionItems.update', { id: idOf('item', item.text), patch: { done: true } }));
    if (s.deletedOn) on(s.deletedOn, () => m.call('sessions.delete', { id: idOf('session', String(i)) }));
  });
  for (const mentor of MENTORS) {
    if (mentor.deletedOn) on(mentor.deletedOn, () => m.call('mentors.delete', { id: idOf('mentor', mentor.ref) }));
  }
  ENROLMENTS.forEach((e, i) => {
    on(e.on, async () =>
      keep(
        'enrolment',
        String(i),
      )(await m.call('enrolments.create', { traineeId: idOf('trainee', e.trainee), cohortId: idOf('cohort', e.cohort) })),
    );
    if (e.completedOn) {
      on(e.completedOn, () => m.call('enrolments.update', { id: idOf('enrolment', String(i)), patch: { status: 'completed' } }));
    }
  });
  for (const c of CERTIFICATIONS)
    on(c.issuedOn, () =>
      m.call('certifications.create', { traineeId: idOf('trainee', c.trainee), title: 'Web Development', issuedOn: c.issuedOn }),
    );
  for (const p of PLACEMENTS)
    on(p.startedOn, () =>
      m.call('placements.create', { traineeId: idOf('trainee', p.trainee), kind: p.kind, startedOn: p.startedOn }),
    );
  for (const t of TRAINEES) if (t.deletedOn) on(t.deletedOn, () => m.call('trainees.delete', { id: idOf('trainee', t.ref) }));

  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.n - b.n));
  for (const event of events) {
    clock = new Date(`${event.day}T09:00:00.000Z`);
    await event.run().catch((error: unknown) => {
      throw new Error(`The plan's event #${event.n} on ${event.day} failed: ${String(error)}`);
    });
  }
  clock = new Date('2026-10-20T09:00:00.000Z');
}

/** A figure from its drill-down rows: their sum (hours rounded as the figure), or for a share the part that is 1. */
function fromRows(key: KpiKey, rows: ReportRow[]): number | null {
  const unit = KPIS.find((k) => k.key === key)!.unit;
  const total = sum(rows.map((r) => r.value ?? 0));
  if (unit === 'share') return rows.length ? total / rows.length : null;
  if (unit === 'hours') return Math.round(Math.round(total * 60) / 6) / 10;
  if (unit === 'usd') return Math.round(total * 100) / 100;
  return total;
}

let report: QuarterlyReport;

beforeAll(async () => {
  h = await startCore({ now: () => clock });
  await buildCentre(h.manager);
  report = await h.manager.call('reports.quarterly', { quarter: QUARTER });
}, 120_000);
afterAll(() => h.close());

describe('the quarterly report of a centre built through the API', () => {
  it('gives every KPI the value worked out from the plan', () => {
    expect(report.values).toEqual(expectedValues(['2026-Q1', '2026-Q2', QUARTER]));
    expect(Object.keys(report.values).sort()).toEqual([...KPI_KEYS].sort());
  });

  it('has the headline figures known by construction', () => {
    expect(report.values).toMatchObject({
      'startups.applied': 1, // Tez Pay (created, and back to applied: once)
      'startups.inducted': 2, // Agri Links on the first day, Tez Pay (twice: once)
      'startups.active': 4, // Agri Links, Tez Pay, Quiet Co, October Grad
      'startups.graduated': 1, // Sehat Labs on the last day
      'startups.dropped': 1,
      'startups.womenLed': 1,
      'startups.womenLedShare': 0.25,
      'startups.graduatesOperating': 2, // Sehat Labs, Old Grad; not Dropped Co
      'jobs.fullTime': 11,
      'jobs.createdSinceInduction': 4, // Sehat Labs 5 − 3, Dropped Co 3 − 1
      'revenue.pkr': 380_000, // not the deleted startup's, nor the deleted check-in
      'revenue.exportUsd': 1300.49,
      'revenue.pkrYearToDate': 650_000,
      'revenue.pkrCumulative': 950_000,
      'funding.committedPkr': 1_000_000,
      'funding.raisedPkr': 700_000,
      'mentoring.sessions': 4, // 1 Jul 00:00 and 30 Sep 23:30 in; 30 Jun 23:59:59 and 1 Oct 00:00 out
      'mentoring.hours': 4.1, // 245 minutes
      'mentoring.mentorsActive': 2,
      'actionItems.opened': 5,
      'actionItems.closed': 1,
      'actionItems.overdue': 3,
      'trainees.enrolled': 4,
      'trainees.certified': 2,
      'trainees.placed': 4,
      'trainees.completedFor180Days': 2,
      'trainees.placedWithin180Days': 0.5,
    });
    expect(report.values['startups.graduateSurvival']).toBeCloseTo(2 / 3, 10);
  });

  it('splits figures by sector and cohort, trainee figures by the enrolment’s cohort and certifications by all the trainee’s', () => {
    const sector = (s: Sector) => report.bySector.find((g) => g.sector === s)!.values;
    expect(sector('fintech')).toMatchObject({
      'startups.active': 2,
      'startups.dropped': 1,
      'revenue.pkr': 10_000,
      'startups.inducted': 1,
    });
    expect(sector('fintech')).not.toHaveProperty('trainees.enrolled');
    const cohort = (name: string) => report.byCohort.find((g) => g.cohortName === name)!;
    expect(cohort('Batch 1')).toMatchObject({ programmeName: 'DigiSkills' });
    expect(cohort('Batch 1').values).toMatchObject({ 'trainees.enrolled': 1, 'trainees.completed': 1, 'trainees.certified': 2 });
    expect(cohort('Batch 1').values['trainees.placed']).toBe(2); // Ali, and Hina (in both batches)
    expect(cohort('Batch 2').values).toMatchObject({ 'trainees.enrolled': 3, 'trainees.certified': 1, 'trainees.placed': 3 });
    expect(cohort('Cohort 2026-A').values).toMatchObject({ 'startups.inducted': 1, 'mentoring.sessions': 4 });
    expect(report.byCentre).toEqual([]);
  });

  it('has the annex, the mentors, funding, check-ins and charts', () => {
    expect(report).toMatchObject({
      quarter: QUARTER,
      scheme: 'calendar',
      label: '2026-Q3 (Jul–Sep 2026)',
      start: START,
      end: END,
      source: 'workstation',
    });
    expect(report.scope).toMatchObject({ kind: 'centre', name: 'NIC Karachi', centres: 1 });
    const agri = report.perStartup.find((s) => s.name === 'Agri Links')!;
    expect(agri).toMatchObject({
      stage: 'incubated',
      cohortName: 'Cohort 2026-A',
      founders: ['Bilal Ahmed'],
      mentors: ['Omar Farooq'],
      sessions: 2,
      hours: 2.3, // 135 minutes
      milestonesDone: [{ title: 'First export order', completedOn: '2026-08-01' }],
      actionItemsOpen: 3,
    });
    expect(agri.checkIn).toMatchObject({ revenuePkr: 250_000, locked: true });
    expect(report.perStartup.find((s) => s.name === 'Tez Pay')!.mentors).toEqual(['Sana Mir']);
    expect(report.perStartup.map((s) => s.name)).toEqual([
      'Agri Links',
      'Dropped Co',
      'October Grad',
      'Quiet Co',
      'Sehat Labs',
      'Tez Pay',
    ]);
    expect(report.perMentor).toEqual([
      { mentorId: idOf('mentor', 'omar'), name: 'Omar Farooq', country: 'United Kingdom', sessions: 2, hours: 2.3, startups: 1 },
      { mentorId: idOf('mentor', 'sana'), name: 'Sana Mir', country: 'Pakistan', sessions: 2, hours: 1.8, startups: 2 },
    ]);
    expect(report.fundingBySource).toEqual([
      { source: 'Ignite', committedPkr: 1_000_000, raisedPkr: 500_000 },
      { source: 'Angel', committedPkr: 0, raisedPkr: 200_000 },
    ]);
    expect(report.checkIns).toEqual({ expected: 4, received: 2, locked: 1 });
    expect(report.charts.sessionsPerMonth).toEqual([
      { month: '2026-07', sessions: 2, hours: 2.5 },
      { month: '2026-08', sessions: 1, hours: 0.8 },
      { month: '2026-09', sessions: 1, hours: 0.8 },
    ]);
    expect(report.charts.startupsByStage).toEqual([
      { stage: 'applied', count: 0 },
      { stage: 'incubated', count: 4 },
      { stage: 'graduated', count: 2 },
      { stage: 'dropped', count: 1 },
    ]);
  });

  it('gives the rows behind every figure, adding up to it as a whole and per sector and cohort', async () => {
    const groups: [Record<string, string>, Partial<Record<KpiKey, number | null>>][] = [
      [{}, report.values],
      ...report.bySector.map((g): [Record<string, string>, Partial<Record<KpiKey, number | null>>] => [
        { sector: g.sector },
        g.values,
      ]),
      ...report.byCohort.map((g): [Record<string, string>, Partial<Record<KpiKey, number | null>>] => [
        { cohortId: g.cohortId },
        g.values,
      ]),
    ];
    for (const key of KPI_KEYS) {
      for (const [filter, values] of groups) {
        if (!(key in values)) continue;
        const page = await h.manager.call('reports.rows', { quarter: QUARTER, key, ...filter, limit: 500 });
        expect(page.total, key).toBe(page.rows.length);
        expect(fromRows(key, page.rows), `${key} ${JSON.stringify(filter)}`).toBe(values[key]);
      }
    }
    const inducted = await h.manager.call('reports.rows', { quarter: QUARTER, key: 'startups.inducted' });
    expect(inducted.rows.map((r) => [r.subject.name, r.detail])).toEqual([
      ['Agri Links', 'applied → incubated on 2026-07-01'],
      ['Tez Pay', 'applied → incubated on 2026-08-01'],
    ]);
    const sessions = await h.manager.call('reports.rows', { quarter: QUARTER, key: 'mentoring.sessions', limit: 2, offset: 2 });
    expect(sessions.total).toBe(4);
    expect(sessions.rows.map((r) => r.detail)).toEqual([
      '50 min with Sana Mir on 2026-08-10 10:00 UTC',
      '45 min with Omar Farooq on 2026-09-30 23:30 UTC',
    ]);
    const overdue = await h.manager.call('reports.rows', { quarter: QUARTER, key: 'actionItems.overdue' });
    expect(overdue.rows.map((r) => r.detail)).toEqual([
      '“Old and open”, due 2026-05-01, open (session of 2026-04-10)',
      '“Send the pitch deck”, due 2026-07-20, open (session of 2026-07-14)',
      '“Hire a CFO”, due 2026-08-15, done on 2026-10-02 (session of 2026-08-10)',
    ]);
    const survival = await h.manager.call('reports.rows', { quarter: QUARTER, key: 'startups.graduateSurvival' });
    expect(survival.rows.map((r) => [r.subject.name, r.value])).toEqual([
      ['Old Grad', 1],
      ['Dropped Co', 0],
      ['Sehat Labs', 1],
    ]);
  });

  it('names the quarter and starts the year as the centre’s scheme says (Pakistan’s fiscal year)', async () => {
    const staff = await h.as('staff');
    expect((await failure(staff.call('centre.update', { quarterScheme: 'pk-fiscal' }))).code).toBe('forbidden');
    await h.manager.call('centre.update', { quarterScheme: 'pk-fiscal' });
    try {
      const fiscal = await h.manager.call('reports.quarterly', { quarter: QUARTER });
      expect(fiscal).toMatchObject({ scheme: 'pk-fiscal', label: 'FY2026-27 Q1 (Jul–Sep 2026)' });
      expect(fiscal.values).toEqual(expectedValues([QUARTER]));
      expect(fiscal.values['revenue.pkrYearToDate']).toBe(380_000);
      const next = await h.manager.call('reports.quarterly', { quarter: '2027-Q2' });
      expect(next.label).toBe('FY2026-27 Q4 (Apr–Jun 2027)');
    } finally {
      await h.manager.call('centre.update', { quarterScheme: 'calendar' });
    }
  });

  it('reads afresh after any write', async () => {
    const sessions = async () => (await h.manager.call('reports.quarterly', { quarter: QUARTER })).values['mentoring.sessions'];
    expect(await sessions()).toBe(4);
    const extra = await h.manager.call('sessions.record', {
      mentorId: idOf('mentor', 'sana'),
      startupId: idOf('startup', 'agri'),
      startsAt: '2026-08-01T10:00:00Z',
      minutes: 30,
    });
    expect(await sessions()).toBe(5);
    expect((await h.manager.call('reports.rows', { quarter: QUARTER, key: 'mentoring.sessions' })).total).toBe(5);
    await h.manager.call('sessions.delete', { id: extra.id });
    expect(await sessions()).toBe(4);
  });

  it('has no value for a share without a denominator', async () => {
    const early = await h.manager.call('reports.quarterly', { quarter: '2024-Q1' });
    expect(early.values['startups.womenLedShare']).toBeNull();
    expect(early.values['startups.graduateSurvival']).toBeNull();
    expect(early.values['trainees.placedWithin180Days']).toBeNull();
    expect(early.values['startups.active']).toBe(0);
    expect((await h.manager.call('reports.rows', { quarter: '2024-Q1', key: 'startups.womenLedShare' })).rows).toEqual([]);
  });

  it('refuses a quarter that is not one, another centre, and a national report without the server', async () => {
    for (const quarter of ['2026-Q5', 'Q3 2026', 'FY2027-Q1']) {
      const error = await failure(h.manager.call('reports.quarterly', { quarter }));
      expect(error).toMatchObject({ code: 'invalid', issues: [{ path: ['quarter'] }] });
    }
    expect(await failure(h.manager.call('reports.rows', { quarter: QUARTER, key: 'startups.nope' as KpiKey }))).toMatchObject({
      code: 'invalid',
      issues: [{ path: ['key'] }],
    });
    expect(await failure(h.manager.call('reports.quarterly', { quarter: QUARTER, centre: 'all' }))).toMatchObject({
      code: 'invalid',
      issues: [{ path: ['centre'] }],
    });
    metaSet(h.core.db, 'national', '1');
    try {
      const error = await failure(h.manager.call('reports.quarterly', { quarter: QUARTER }));
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(/server/);
    } finally {
      metaSet(h.core.db, 'national', null);
    }
    const viewer = await h.as('viewer');
    expect((await viewer.call('reports.quarterly', { quarter: QUARTER })).values['startups.inducted']).toBe(2);
  });
});

describe('reports.export', () => {
  it('writes the JSON document with the KPI values nested by their keys, to exports/ or a path', async () => {
    const progress: string[] = [];
    const result = await h.manager.runJob(
      'reports.export',
      { quarter: QUARTER, format: 'json' },
      { onProgress: (p) => progress.push(p.phase ?? '') },
    );
    expect(path.dirname(result.path)).toBe(path.join(h.dataDir, 'exports'));
    expect(result).toMatchObject({ format: 'json', fileName: path.basename(result.path), bytes: fs.statSync(result.path).size });
    expect(result.fileName).toMatch(/^quarterly-report-2026-Q3-2026-10-20-[0-9a-f]+\.json$/);
    expect(fs.statSync(result.path).mode & 0o777).toBe(0o600);
    expect(progress).toContain('reading');
    const json = JSON.parse(fs.readFileSync(result.path, 'utf8'));
    expect(json.values.startups.inducted).toBe(2);
    expect(json.values.mentoring.hours).toBe(4.1);
    expect(json.values.startups.womenLedShare).toBe(0.25);
    for (const key of KPI_KEYS) {
      const [section, name] = key.split('.') as [string, string];
      expect(json.values[section][name], key).toBe(report.values[key]);
    }
    expect(json.definitions['startups.inducted']).toEqual({
      label: 'Inducted',
      unit: 'count',
      definition: 'Startups whose stage became incubated during the quarter.',
    });
    expect(json.byCohort.find((g: { cohortName: string }) => g.cohortName === 'Batch 2').values.trainees.enrolled).toBe(3);
    expect(json.perStartup).toEqual(report.perStartup);

    const dir = tempDir();
    try {
      const out = path.join(dir, 'q3.json');
      expect((await h.manager.runJob('reports.export', { quarter: QUARTER, format: 'json', path: out })).path).toBe(out);
      expect(JSON.parse(fs.readFileSync(out, 'utf8')).label).toBe('2026-Q3 (Jul–Sep 2026)');
      const wrong = await failure(
        h.manager.runJob('reports.export', { quarter: QUARTER, format: 'json', path: path.join(dir, 'q3.pdf') }),
      );
      expect(wrong).toMatchObject({ code: 'invalid', issues: [{ path: ['path'] }] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a typed error naming a format that has no renderer, before writing anything', async () => {
    const xlsx = REPORT_RENDERERS.xlsx;
    delete REPORT_RENDERERS.xlsx;
    try {
      const before = fs.readdirSync(path.join(h.dataDir, 'exports')).length;
      const error = await failure(h.manager.runJob('reports.export', { quarter: QUARTER, format: 'xlsx' }));
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(/XLSX/);
      expect(fs.readdirSync(path.join(h.dataDir, 'exports'))).toHaveLength(before);
    } finally {
      REPORT_RENDERERS.xlsx = xlsx;
    }
  });
});
