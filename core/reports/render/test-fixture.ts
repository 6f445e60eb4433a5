/**
 * A hand-made QuarterlyReport for the renderers' tests and for looking at the documents:
 * a centre (or the national roll-up of two) with startups whose names test escaping
 * (markup, a formula, Urdu), check-ins, mentors and trainees. The figures are consistent
 * with one another (the totals are the sums of the startups') but are not computed from a
 * database: see reports.test.ts for one that is. `startups` sets the annex's length (the
 * bench of the renderers uses 1,000).
 */
import { QuarterlyReport } from '../../../shared/api/reports.js';
import { KPI_KEYS, type KpiKey } from '../../../shared/reports/kpis.js';
import type { Sector, Stage } from '../../../shared/records/startups.js';

const id = (kind: number, n: number) => `0190a000-0000-7000-8${String(kind).padStart(3, '0')}-${String(n).padStart(12, '0')}`;

const NAMES = [
  'Tez Pay',
  '<script>alert("x")</script> & Sons',
  'نیا دور ٹیک',
  '=HYPERLINK("http://evil.example","click")',
  'Kisan Connect',
  'Zameen Solar',
  'Sehat Line',
  'Bazaar Box',
  'Rah Logistics',
  'Ilm Academy',
];
const SECTORS: Sector[] = ['fintech', 'agritech', 'edtech', 'e-commerce', 'healthtech', 'cleantech', 'logistics', 'saas'];
const STAGES: Stage[] = ['incubated', 'incubated', 'incubated', 'graduated', 'applied', 'dropped'];
const MENTORS = ['Amna Siddiqui', 'Bilal Ahmed', 'Dr. Fatima Noor', 'Hamza Qureshi', 'Sara Khan (Dubai)', 'Usman Tariq'];

export interface FixtureOptions {
  startups?: number;
  mentors?: number;
  national?: boolean;
}

export function sampleReport(options: FixtureOptions = {}): QuarterlyReport {
  const startupCount = options.startups ?? 10;
  const mentorCount = options.mentors ?? MENTORS.length;
  const national = options.national ?? false;
  const centreA = id(1, 1);
  const centreB = id(1, 2);

  const perStartup = Array.from({ length: startupCount }, (_, i) => {
    const stage = STAGES[i % STAGES.length]!;
    const sector = SECTORS[i % SECTORS.length]!;
    const reported = stage === 'incubated' && i % 7 !== 2;
    const base = i < NAMES.length ? NAMES[i]! : `Startup ${String(i + 1).padStart(4, '0')}`;
    const mentors = [MENTORS[(i % mentorCount) % MENTORS.length]!, ...(i % 3 === 0 ? [MENTORS[(i + 1) % MENTORS.length]!] : [])];
    const sessions = stage === 'applied' ? 0 : 2 + (i % 5);
    return {
      startupId: id(2, i + 1),
      centreId: national && i % 2 === 1 ? centreB : centreA,
      name: base,
      sector,
      stage,
      cohortName: i % 2 === 0 ? 'Cohort 7' : 'Cohort 8',
      womenLed: i % 3 === 1,
      founders: i % 4 === 0 ? ['Ayesha Malik', 'Omar Farooq'] : [`Founder ${i + 1}`],
      mentors: stage === 'applied' ? [] : mentors,
      sessions,
      hours: sessions * 1.5,
      checkIn: reported
        ? {
            revenuePkr: 1_250_000 + i * 137_500,
            exportRevenueUsd: i % 2 === 0 ? 4_200.5 + i * 100 : null,
            fundingCommittedPkr: i % 3 === 0 ? 5_000_000 : 0,
            fundingRaisedPkr: i % 3 === 0 ? 2_500_000 : 0,
            fundingSource: i % 3 === 0 ? (i % 2 === 0 ? 'Angel investors' : 'Ignite grant') : null,
            jobsFullTime: 4 + (i % 6),
            jobsPartTime: i % 3,
            jobsWomen: 1 + (i % 4),
            customers: 30 + i * 3,
            locked: i % 2 === 0,
          }
        : null,
      milestonesDone:
        i % 2 === 0
          ? [
              { title: 'First paying customer', completedOn: '2026-08-14' },
              { title: 'SECP registration', completedOn: null },
            ]
          : [],
      actionItemsOpen: i % 4,
    };
  });

  const active = perStartup.filter((s) => s.stage === 'incubated');
  const checkIns = perStartup.map((s) => s.checkIn).filter((c) => c !== null);
  const sum = (values: Array<number | null>) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
  const sessions = sum(perStartup.map((s) => s.sessions));
  const hours = Math.round(sum(perStartup.map((s) => s.hours)) * 10) / 10;

  const values = Object.fromEntries(KPI_KEYS.map((k) => [k, 0])) as Record<KpiKey, number | null>;
  Object.assign(values, {
    'startups.applied': perStartup.filter((s) => s.stage === 'applied').length,
    'startups.inducted': Math.ceil(active.length / 2),
    'startups.active': active.length,
    'startups.graduated': perStartup.filter((s) => s.stage === 'graduated').length,
    'startups.dropped': perStartup.filter((s) => s.stage === 'dropped').length,
    'startups.womenLed': active.filter((s) => s.womenLed).length,
    'startups.womenLedShare': active.length > 0 ? active.filter((s) => s.womenLed).length / active.length : null,
    'startups.graduatesOperating': perStartup.filter((s) => s.stage === 'graduated').length,
    'startups.graduateSurvival': 0.875,
    'jobs.fullTime': sum(checkIns.map((c) => c.jobsFullTime)),
    'jobs.partTime': sum(checkIns.map((c) => c.jobsPartTime)),
    'jobs.women': sum(checkIns.map((c) => c.jobsWomen)),
    'jobs.createdSinceInduction': 12,
    'revenue.pkr': sum(checkIns.map((c) => c.revenuePkr)),
    'revenue.exportUsd': sum(checkIns.map((c) => c.exportRevenueUsd)),
    'revenue.pkrYearToDate': sum(checkIns.map((c) => c.revenuePkr)) * 2,
    'revenue.exportUsdYearToDate': sum(checkIns.map((c) => c.exportRevenueUsd)) * 2,
    'revenue.pkrCumulative': sum(checkIns.map((c) => c.revenuePkr)) * 5,
    'revenue.exportUsdCumulative': sum(checkIns.map((c) => c.exportRevenueUsd)) * 5,
    'funding.committedPkr': sum(checkIns.map((c) => c.fundingCommittedPkr)),
    'funding.raisedPkr': sum(checkIns.map((c) => c.fundingRaisedPkr)),
    'mentoring.mentorsActive': Math.min(mentorCount, MENTORS.length),
    'mentoring.startupsMentored': perStartup.filter((s) => s.sessions > 0).length,
    'mentoring.sessions': sessions,
    'mentoring.hours': hours,
    'actionItems.opened': 41,
    'actionItems.closed': 29,
    'actionItems.overdue': 6,
    'trainees.enrolled': 1240,
    'trainees.enrolledWomen': 512,
    'trainees.enrolledMen': 728,
    'trainees.completed': 860,
    'trainees.completedWomen': 371,
    'trainees.completedMen': 489,
    'trainees.certified': 802,
    'trainees.certifiedWomen': 350,
    'trainees.certifiedMen': 452,
    'trainees.placed': 318,
    'trainees.placedWomen': 121,
    'trainees.placedMen': 197,
    'trainees.placedJob': 190,
    'trainees.placedFreelance': 112,
    'trainees.placedFounder': 16,
    'trainees.completedFor180Days': 640,
    'trainees.placedWithin180Days': 0.4125,
  } satisfies Partial<Record<KpiKey, number | null>>);

  const bySector = SECTORS.filter((sector) => perStartup.some((s) => s.sector === sector)).map((sector) => {
    const of = perStartup.filter((s) => s.sector === sector);
    const ins = of.map((s) => s.checkIn).filter((c) => c !== null);
    const act = of.filter((s) => s.stage === 'incubated');
    return {
      sector,
      values: {
        'startups.active': act.length,
        'startups.graduated': of.filter((s) => s.stage === 'graduated').length,
        'startups.womenLed': act.filter((s) => s.womenLed).length,
        'startups.womenLedShare': act.length > 0 ? act.filter((s) => s.womenLed).length / act.length : null,
        'jobs.fullTime': sum(ins.map((c) => c.jobsFullTime)),
        'revenue.pkr': sum(ins.map((c) => c.revenuePkr)),
        'revenue.exportUsd': sum(ins.map((c) => c.exportRevenueUsd)),
        'funding.raisedPkr': sum(ins.map((c) => c.fundingRaisedPkr)),
        'mentoring.sessions': sum(of.map((s) => s.sessions)),
        'mentoring.hours': sum(of.map((s) => s.hours)),
      },
    };
  });

  const fundingSources = new Map<string, { committedPkr: number; raisedPkr: number }>();
  for (const c of checkIns) {
    if (!c.fundingSource) continue;
    const entry = fundingSources.get(c.fundingSource) ?? { committedPkr: 0, raisedPkr: 0 };
    entry.committedPkr += c.fundingCommittedPkr ?? 0;
    entry.raisedPkr += c.fundingRaisedPkr ?? 0;
    fundingSources.set(c.fundingSource, entry);
  }

  const perMentor = MENTORS.slice(0, mentorCount).map((name, i) => {
    const of = perStartup.filter((s) => s.mentors[0] === name);
    return {
      mentorId: id(3, i + 1),
      name,
      country: name.includes('Dubai') ? 'AE' : 'PK',
      sessions: sum(of.map((s) => s.sessions)),
      hours: sum(of.map((s) => s.hours)),
      startups: of.length,
    };
  });
  for (let i = MENTORS.length; i < mentorCount; i += 1) {
    perMentor.push({ mentorId: id(3, i + 1), name: `Mentor ${i + 1}`, country: 'PK', sessions: 0, hours: 0, startups: 0 });
  }

  const report = {
    format: 'incubator-desk.quarterly-report/1' as const,
    quarter: '2026-Q3',
    scheme: 'pk-fiscal' as const,
    label: 'FY2026-27 Q1 (Jul–Sep 2026)',
    start: '2026-07-01',
    end: '2026-10-01',
    generatedAt: '2026-10-06T09:15:00.000Z',
    source: national ? ('server' as const) : ('workstation' as const),
    scope: national
      ? { kind: 'national' as const, centreId: null, name: 'All centres', centres: 2 }
      : { kind: 'centre' as const, centreId: centreA, name: 'NIC Karachi', centres: 1 },
    values,
    bySector,
    byCohort: [
      {
        cohortId: id(4, 1),
        cohortName: 'Cohort 7',
        programmeName: 'Incubation 2026',
        values: { 'startups.active': active.filter((s) => s.cohortName === 'Cohort 7').length },
      },
      {
        cohortId: id(4, 2),
        cohortName: 'Cohort 8',
        programmeName: 'Incubation 2026',
        values: { 'startups.active': active.filter((s) => s.cohortName === 'Cohort 8').length },
      },
      {
        cohortId: id(4, 3),
        cohortName: 'Batch 12 — Web development',
        programmeName: 'DigiSkills Karachi',
        values: {
          'trainees.enrolled': 740,
          'trainees.enrolledWomen': 302,
          'trainees.enrolledMen': 438,
          'trainees.completed': 510,
          'trainees.certified': 470,
          'trainees.placed': 190,
          'trainees.placedWithin180Days': 0.45,
        },
      },
      {
        cohortId: id(4, 4),
        cohortName: 'Batch 13 — Data analysis',
        programmeName: 'DigiSkills Karachi',
        values: {
          'trainees.enrolled': 500,
          'trainees.enrolledWomen': 210,
          'trainees.enrolledMen': 290,
          'trainees.completed': 350,
          'trainees.certified': 332,
          'trainees.placed': 128,
          'trainees.placedWithin180Days': null,
        },
      },
    ],
    byCentre: national
      ? [
          {
            centreId: centreA,
            centreName: 'NIC Karachi',
            values: { ...values, 'startups.active': Math.ceil(active.length / 2) },
          },
          {
            centreId: centreB,
            centreName: 'NIC Lahore',
            values: { ...values, 'startups.active': Math.floor(active.length / 2) },
          },
        ]
      : [],
    fundingBySource: [...fundingSources].map(([source, f]) => ({ source, ...f })),
    perMentor,
    perStartup,
    checkIns: { expected: active.length, received: checkIns.length, locked: checkIns.filter((c) => c.locked).length },
    charts: {
      sessionsPerMonth: [
        { month: '2026-07', sessions: Math.round(sessions * 0.3), hours: Math.round(hours * 3) / 10 },
        { month: '2026-08', sessions: Math.round(sessions * 0.45), hours: Math.round(hours * 4.5) / 10 },
        {
          month: '2026-09',
          sessions: sessions - Math.round(sessions * 0.3) - Math.round(sessions * 0.45),
          hours: Math.round(hours * 2.5) / 10,
        },
      ],
      startupsByStage: (['applied', 'incubated', 'graduated', 'dropped'] as const).map((stage) => ({
        stage,
        count: perStartup.filter((s) => s.stage === stage).length,
      })),
    },
  };
  return QuarterlyReport.parse(report);
}
