import { describe, expect, it } from 'vitest';
import type { QuarterlyReport } from '../../../shared/api/reports.js';
import { KPIS, KPI_KEYS, SECTION_LABELS, type KpiKey } from '../../../shared/reports/kpis.js';
import { quarterLabel } from '../../../shared/reports/quarters.js';
import reports from '../../i18n/en/reports.json';
import {
  addressCentre,
  addressQuarter,
  figureValue,
  isEmptyReport,
  mentorsByHours,
  missingCheckIns,
  parseOpenFigure,
  quarterFilePart,
  quarterName,
  readableDetail,
  reportFileName,
  slug,
  withFigures,
  withOpenFigure,
} from './report-view.js';

const CENTRE = '01a226a3-a69f-746e-a565-01f1827c4c5f';
const COHORT = '01a226a3-b7c1-704f-821c-b71b0e0db4dc';

function report(over: Partial<QuarterlyReport> = {}): QuarterlyReport {
  return {
    format: 'incubator-desk.quarterly-report/1',
    quarter: '2026-Q4',
    scheme: 'calendar',
    label: '2026-Q4 (Oct–Dec 2026)',
    start: '2026-10-01',
    end: '2027-01-01',
    generatedAt: '2026-11-29T09:00:00.000Z',
    source: 'workstation',
    scope: { kind: 'centre', centreId: CENTRE, name: 'NIC Karachi', centres: 1 },
    values: Object.fromEntries(
      KPI_KEYS.map((k) => [
        k,
        k.endsWith('Share') || k === 'trainees.placedWithin180Days' || k === 'startups.graduateSurvival' ? null : 0,
      ]),
    ) as Record<KpiKey, number | null>,
    bySector: [],
    byCohort: [],
    byCentre: [],
    fundingBySource: [],
    perMentor: [],
    perStartup: [],
    checkIns: { expected: 0, received: 0, locked: 0 },
    charts: {
      sessionsPerMonth: [
        { month: '2026-10', sessions: 0, hours: 0 },
        { month: '2026-11', sessions: 0, hours: 0 },
        { month: '2026-12', sessions: 0, hours: 0 },
      ],
      startupsByStage: [
        { stage: 'applied', count: 0 },
        { stage: 'incubated', count: 0 },
        { stage: 'graduated', count: 0 },
        { stage: 'dropped', count: 0 },
      ],
    },
    ...over,
  };
}

function startup(
  name: string,
  stage: 'applied' | 'incubated' | 'graduated',
  withCheckIn: boolean,
): QuarterlyReport['perStartup'][number] {
  return {
    startupId: `${name}-id`,
    centreId: CENTRE,
    name,
    sector: 'fintech',
    stage,
    cohortName: null,
    womenLed: false,
    founders: [],
    mentors: [],
    sessions: 0,
    hours: 0,
    checkIn: withCheckIn
      ? {
          revenuePkr: 1,
          exportRevenueUsd: null,
          fundingCommittedPkr: null,
          fundingRaisedPkr: null,
          fundingSource: null,
          jobsFullTime: null,
          jobsPartTime: null,
          jobsWomen: null,
          customers: null,
          locked: false,
        }
      : null,
    milestonesDone: [],
    actionItemsOpen: 0,
  };
}

describe('quarter names in the centre’s scheme', () => {
  it('names calendar and fiscal quarters as the documents do', () => {
    for (const quarter of ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']) {
      for (const scheme of ['calendar', 'pk-fiscal'] as const) {
        const n = quarterName(quarter, scheme);
        const name = n.kind === 'calendar' ? `${n.year}-Q${n.q}` : `FY${n.fyStart}-${n.fyEnd} Q${n.q}`;
        // The documents' label starts with the same name.
        expect(quarterLabel(quarter, scheme).startsWith(`${name} (`), `${quarter} ${scheme}: ${name}`).toBe(true);
      }
    }
    expect(quarterName('2026-Q3', 'pk-fiscal')).toMatchObject({ kind: 'fiscal', q: 1, fyStart: '2026', fyEnd: '27' });
    expect(quarterName('2027-Q2', 'pk-fiscal')).toMatchObject({ q: 4, fyStart: '2026', fyEnd: '27' });
    expect(quarterName('2099-Q4', 'pk-fiscal')).toMatchObject({ q: 2, fyStart: '2099', fyEnd: '00' });
  });

  it('gives the quarter’s first and last months', () => {
    const n = quarterName('2026-Q4', 'calendar');
    expect(n.firstMonth.toISOString().slice(0, 10)).toBe('2026-10-01');
    expect(n.lastMonth.toISOString().slice(0, 10)).toBe('2026-12-01');
  });

  it('writes a quarter into a file name', () => {
    expect(quarterFilePart('2026-Q4', 'calendar')).toBe('2026-Q4');
    expect(quarterFilePart('2026-Q4', 'pk-fiscal')).toBe('FY2026-27-Q2');
  });
});

describe('the downloaded file’s name', () => {
  it('names the centre, the quarter and the file’s own extension', () => {
    expect(reportFileName(report(), 'quarterly-report-2026-Q4-2026-11-29-ab12cd.pdf')).toBe(
      'nic-karachi-quarterly-report-2026-Q4.pdf',
    );
    expect(reportFileName(report({ scheme: 'pk-fiscal' }), 'quarterly-report-2026-Q4-x.zip')).toBe(
      'nic-karachi-quarterly-report-FY2026-27-Q2.zip',
    );
    const all = report({ scope: { kind: 'national', centreId: null, name: 'All centres', centres: 5 } });
    expect(reportFileName(all, 'r.XLSX')).toBe('all-centres-quarterly-report-2026-Q4.xlsx');
  });

  it('keeps letters of any script and drops the rest', () => {
    expect(slug('National Incubation Center — Karachi!')).toBe('national-incubation-center-karachi');
    expect(slug('Café Ñandú')).toBe('cafe-nandu');
    expect(slug('نیشنل انکیوبیشن سینٹر')).toBe('نیشنل-انکیوبیشن-سینٹر');
    expect(slug('???')).toBe('');
    expect(reportFileName(report({ scope: { kind: 'centre', centreId: CENTRE, name: '???', centres: 1 } }), 'a.json')).toBe(
      'quarterly-report-2026-Q4.json',
    );
    expect(slug('a'.repeat(59) + ' b')).toBe('a'.repeat(59));
  });
});

describe('what the screen shows', () => {
  it('calls a quarter with nothing in it empty, and one with any figure not', () => {
    expect(isEmptyReport(report())).toBe(true);
    expect(isEmptyReport(report({ values: { ...report().values, 'revenue.pkrCumulative': 10 } }))).toBe(false);
    expect(isEmptyReport(report({ checkIns: { expected: 1, received: 0, locked: 0 } }))).toBe(false);
    const stages = report().charts;
    expect(isEmptyReport(report({ charts: { ...stages, startupsByStage: [{ stage: 'applied', count: 1 }] } }))).toBe(false);
  });

  it('lists the startups active at quarter end without a check-in, by name', () => {
    const r = report({
      perStartup: [
        startup('Zarai Hub', 'incubated', false),
        startup('Tez Pay', 'incubated', true),
        startup('Apna Ghar', 'incubated', false),
        startup('Old Co', 'graduated', false),
        startup('New Co', 'applied', false),
      ],
    });
    expect(missingCheckIns(r).map((s) => s.name)).toEqual(['Apna Ghar', 'Zarai Hub']);
  });

  it('orders mentors by hours, then sessions, then name', () => {
    const m = (name: string, hours: number, sessions: number) => ({
      mentorId: name,
      name,
      country: null,
      sessions,
      hours,
      startups: 1,
    });
    const r = report({ perMentor: [m('Bilal', 2, 2), m('Ayesha', 5, 3), m('Sara', 2, 4), m('Asad', 2, 2)] });
    expect(mentorsByHours(r).map((x) => x.name)).toEqual(['Ayesha', 'Sara', 'Asad', 'Bilal']);
  });

  it('keeps breakdown rows with something in the shown figures', () => {
    const rows = [
      { id: 'a', values: { 'startups.active': 0, 'mentoring.sessions': 2 } },
      { id: 'b', values: { 'startups.active': 0, 'revenue.pkr': 5 } },
      { id: 'c', values: {} },
    ];
    expect(withFigures(rows, ['startups.active', 'mentoring.sessions']).map((r) => r.id)).toEqual(['a']);
  });
});

describe('the open figure in the address', () => {
  it('round-trips a figure and its breakdown, keeping the quarter', () => {
    const params = new URLSearchParams('quarter=2026-Q3');
    const open = withOpenFigure(params, { kind: 'kpi', key: 'startups.inducted', sector: 'fintech' });
    expect(open.toString()).toBe('quarter=2026-Q3&show=startups.inducted&sector=fintech');
    expect(parseOpenFigure(open)).toEqual({ kind: 'kpi', key: 'startups.inducted', sector: 'fintech' });
    const cohort = withOpenFigure(open, { kind: 'kpi', key: 'trainees.certified', cohortId: COHORT });
    expect(parseOpenFigure(cohort)).toEqual({ kind: 'kpi', key: 'trainees.certified', cohortId: COHORT });
    expect(cohort.get('sector')).toBeNull();
    const centre = withOpenFigure(open, { kind: 'kpi', key: 'revenue.pkr', centreId: CENTRE });
    expect(parseOpenFigure(centre)).toEqual({ kind: 'kpi', key: 'revenue.pkr', centreId: CENTRE });
    const missing = withOpenFigure(params, { kind: 'missing-check-ins' });
    expect(parseOpenFigure(missing)).toEqual({ kind: 'missing-check-ins' });
    expect(withOpenFigure(centre, null).toString()).toBe('quarter=2026-Q3');
  });

  it('finds the open figure’s value in the report or its breakdown', () => {
    const r = report({
      values: { ...report().values, 'startups.inducted': 5 },
      bySector: [{ sector: 'fintech', values: { 'startups.inducted': 2 } }],
      byCohort: [{ cohortId: COHORT, cohortName: 'Cohort 9', programmeName: null, values: { 'startups.inducted': 1 } }],
      byCentre: [{ centreId: CENTRE, centreName: 'NIC Karachi', values: { ...report().values, 'startups.inducted': 4 } }],
    });
    expect(figureValue(r, { kind: 'kpi', key: 'startups.inducted' })).toBe(5);
    expect(figureValue(r, { kind: 'kpi', key: 'startups.inducted', sector: 'fintech' })).toBe(2);
    expect(figureValue(r, { kind: 'kpi', key: 'startups.inducted', cohortId: COHORT })).toBe(1);
    expect(figureValue(r, { kind: 'kpi', key: 'startups.inducted', centreId: CENTRE })).toBe(4);
    expect(figureValue(r, { kind: 'kpi', key: 'startups.inducted', sector: 'ai' })).toBeUndefined();
    expect(figureValue(r, { kind: 'kpi', key: 'startups.womenLedShare' })).toBeNull();
  });

  it('ignores what is not a figure, a sector or an id', () => {
    expect(parseOpenFigure(new URLSearchParams(''))).toBeNull();
    expect(parseOpenFigure(new URLSearchParams('show=startups.nonsense'))).toBeNull();
    expect(parseOpenFigure(new URLSearchParams('show=startups.active&sector=space&cohort=x&in=../../etc'))).toEqual({
      kind: 'kpi',
      key: 'startups.active',
    });
  });

  it('reads the quarter and the centre', () => {
    expect(addressQuarter(new URLSearchParams('quarter=2026-Q2'))).toBe('2026-Q2');
    expect(addressQuarter(new URLSearchParams('quarter=2026-Q5'))).toBeUndefined();
    expect(addressCentre(new URLSearchParams(`centre=${CENTRE}`))).toBe(CENTRE);
    expect(addressCentre(new URLSearchParams('centre=elsewhere'))).toBe('all');
    expect(addressCentre(new URLSearchParams(''))).toBe('all');
  });
});

describe('core’s drill-down text', () => {
  const format = {
    date: (d: string) => `<${d}>`,
    dateTime: (ts: string) => `[${ts}]`,
    number: (n: number) => n.toLocaleString('en-US'),
  };
  it('shows instants in the viewer’s zone and calendar dates as dates', () => {
    expect(readableDetail('45 min with Ahmed Awan on 2026-10-01 05:30 UTC', format)).toBe(
      '45 min with Ahmed Awan on [2026-10-01T05:30:00Z]',
    );
    expect(readableDetail('applied → incubated on 2026-11-02', format)).toBe('applied → incubated on <2026-11-02>');
    expect(readableDetail('completed 2026-03-01, placed 2026-05-10 (70 days)', format)).toBe(
      'completed <2026-03-01>, placed <2026-05-10> (70 days)',
    );
    expect(readableDetail('Rs 1,250,000 revenue', format)).toBe('Rs 1,250,000 revenue');
  });

  it('groups the digits of amounts, and leaves years, quarters and short numbers alone', () => {
    expect(readableDetail('2026-Q3 check-in: 833000 revenue PKR', format)).toBe('2026-Q3 check-in: 833,000 revenue PKR');
    expect(readableDetail('12 jobs, 4500 USD export, 1250000 PKR on 2026-07-01', format)).toBe(
      '12 jobs, 4500 USD export, 1,250,000 PKR on <2026-07-01>',
    );
    expect(readableDetail('raised 10000.5 and 2.123456', format)).toBe('raised 10000.5 and 2.123456');
    expect(readableDetail('row 01a22600-b7c1 of x123456', format)).toBe('row 01a22600-b7c1 of x123456');
  });
});

describe('the KPI strings', () => {
  it('are the catalogue’s, word for word, so the screen and the documents agree', () => {
    const kpis = reports.kpis as Record<string, Record<string, { label: string; definition: string }>>;
    for (const def of KPIS) {
      const [section, name] = def.key.split('.') as [string, string];
      expect(kpis[section]?.[name], def.key).toEqual({ label: def.label, definition: def.definition });
    }
    expect(Object.values(kpis).flatMap((s) => Object.keys(s)).length).toBe(KPIS.length);
    expect(reports.sections).toEqual(SECTION_LABELS);
  });
});
