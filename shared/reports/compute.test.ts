/**
 * The report engine on inputs made by hand: invariants over a random centre (every figure is
 * what its drill-down rows add up to, as a whole and per sector, cohort and centre; the
 * report fits its schema), and the rules that are easy to get wrong (stage at a date with no
 * changes or changes after it, one check-in per startup and quarter, children of deleted
 * records). The figures of a centre built through the API are checked in core/reports.
 */
import { describe, expect, it } from 'vitest';
import { QuarterlyReport } from '../api/reports.js';
import { Sector, type Stage } from '../records/startups.js';
import { computeQuarterlyReport, reportRows, type RowFilter } from './compute.js';
import { emptyReportInput, type ReportInput } from './input.js';
import { KPIS, KPI_KEYS, type KpiKey } from './kpis.js';

const META = {
  generatedAt: '2026-10-02T09:00:00.000Z',
  source: 'workstation' as const,
  scope: { kind: 'centre' as const, centreId: null, name: 'NIC Karachi', centres: 1 },
};

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

let counter = 0;
const id = () => {
  counter += 1;
  return `0190a0a0-0000-7000-8000-${String(counter).padStart(12, '0')}`;
};
const day = (r: ReturnType<typeof random>, from: string, to: string) => {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(r.next() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
};

/** A random network of two centres with a couple of years of history around 2026-Q3. */
function randomInput(seed: number): ReportInput {
  const r = random(seed);
  const centres = [
    { id: id(), name: 'NIC Karachi' },
    { id: id(), name: 'NIC Lahore' },
  ];
  const input: ReportInput = emptyReportInput(centres, r.chance(0.5) ? 'calendar' : 'pk-fiscal');
  for (const centre of centres) {
    const programme = { id: id(), centreId: centre.id, name: `Programme ${centre.name}` };
    input.programmes.push(programme);
    const cohorts = Array.from({ length: 3 }, (_, i) => ({
      id: id(),
      centreId: centre.id,
      programmeId: programme.id,
      name: `Batch ${i + 1}`,
    }));
    input.cohorts.push(...cohorts);
    const mentors = Array.from({ length: 4 }, (_, i) => ({
      id: id(),
      centreId: centre.id,
      name: `Mentor ${i}`,
      country: 'Pakistan',
    }));
    input.mentors.push(...mentors);
    for (let s = 0; s < 25; s++) {
      const created = day(r, '2025-01-01', '2026-09-30');
      const startup = {
        id: id(),
        centreId: centre.id,
        name: `Startup ${s}`,
        sector: r.pick(Sector.options),
        stage: 'applied' as Stage,
        cohortId: r.chance(0.8) ? r.pick(cohorts).id : null,
        womenLed: r.chance(0.4),
        createdAt: `${created}T10:00:00.000Z`,
      };
      let when = created;
      let from: Stage | null = null;
      for (const to of ['applied', 'incubated', 'graduated', 'dropped', 'incubated'] as Stage[]) {
        if (from !== null && r.chance(0.35)) break;
        input.stageChanges.push({
          id: id(),
          centreId: centre.id,
          startupId: startup.id,
          fromStage: from,
          toStage: to,
          changedOn: when,
          createdAt: `${when}T11:00:00.000Z`,
        });
        startup.stage = to;
        from = to;
        when = day(r, when, '2026-12-31');
      }
      input.startups.push(startup);
      for (const quarter of ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q3']) {
        if (!r.chance(0.6)) continue;
        input.metrics.push({
          id: id(),
          centreId: centre.id,
          startupId: startup.id,
          quarter,
          revenuePkr: r.chance(0.8) ? r.int(0, 5_000_000) : null,
          exportRevenueUsd: r.chance(0.5) ? r.int(0, 100_000) / 100 : null,
          fundingCommittedPkr: r.chance(0.3) ? r.int(0, 10_000_000) : null,
          fundingRaisedPkr: r.chance(0.3) ? r.int(0, 10_000_000) : null,
          fundingSource: r.pick([null, 'Ignite', 'ignite ', 'Angel']),
          jobsFullTime: r.chance(0.8) ? r.int(0, 30) : null,
          jobsPartTime: r.chance(0.6) ? r.int(0, 10) : null,
          jobsWomen: r.chance(0.6) ? r.int(0, 5) : null,
          customers: null,
          lockedAt: r.chance(0.3) ? '2026-10-01T00:00:00.000Z' : null,
        });
      }
      for (let k = 0; k < 6; k++) {
        const session = {
          id: id(),
          centreId: centre.id,
          mentorId: r.pick(mentors).id,
          startupId: startup.id,
          startsAt: `${day(r, '2026-05-01', '2026-11-30')}T${String(r.int(0, 23)).padStart(2, '0')}:30:00.000Z`,
          minutes: r.int(10, 180),
        };
        input.sessions.push(session);
        if (r.chance(0.5)) {
          const done = r.chance(0.5);
          input.actionItems.push({
            id: id(),
            centreId: centre.id,
            sessionId: session.id,
            dueOn: r.chance(0.8) ? day(r, '2026-06-01', '2026-12-31') : null,
            done,
            doneOn: done && r.chance(0.9) ? day(r, '2026-06-01', '2026-12-31') : null,
          });
        }
      }
    }
    for (let t = 0; t < 60; t++) {
      const trainee = { id: id(), centreId: centre.id, name: `Trainee ${t}`, gender: r.pick(['female', 'male', null]) };
      input.trainees.push(trainee);
      for (let e = 0; e < r.int(1, 2); e++) {
        const completed = r.chance(0.6);
        input.enrolments.push({
          id: id(),
          centreId: centre.id,
          traineeId: trainee.id,
          cohortId: r.pick(cohorts).id,
          status: completed ? 'completed' : r.pick(['enrolled', 'dropped']),
          completedOn: completed ? day(r, '2025-06-01', '2026-09-30') : null,
          createdAt: `${day(r, '2025-01-01', '2026-09-30')}T08:00:00.000Z`,
        });
      }
      if (r.chance(0.4))
        input.certifications.push({
          id: id(),
          centreId: centre.id,
          traineeId: trainee.id,
          issuedOn: day(r, '2026-01-01', '2026-09-30'),
        });
      if (r.chance(0.5)) {
        input.placements.push({
          id: id(),
          centreId: centre.id,
          traineeId: trainee.id,
          kind: r.pick(['job', 'freelance', 'founder', 'internship']),
          startedOn: day(r, '2025-06-01', '2026-09-30'),
        });
      }
    }
  }
  return input;
}

/** What a figure is from its rows: their sum (hours rounded as the figure), or for a share the part of them that is 1. */
function fromRows(key: KpiKey, rows: { value: number | null }[]): number | null {
  const def = KPIS.find((k) => k.key === key)!;
  const sum = rows.reduce((n, r) => n + (r.value ?? 0), 0);
  if (def.unit === 'share') return rows.length === 0 ? null : sum / rows.length;
  if (def.unit === 'hours') return Math.round(Math.round(sum * 60) / 6) / 10;
  if (def.unit === 'usd') return Math.round(sum * 100) / 100;
  return sum;
}

describe('computeQuarterlyReport and reportRows', () => {
  for (const seed of [1, 2, 3]) {
    it(`give every figure, as a whole and per sector, cohort and centre, as the sum of its rows (seed ${seed})`, () => {
      const input = randomInput(seed);
      const report = computeQuarterlyReport(input, '2026-Q3', META);
      expect(QuarterlyReport.parse(report)).toEqual(report);
      expect(report.byCentre).toHaveLength(2);
      expect(report.bySector.length).toBeGreaterThan(0);
      expect(report.byCohort.length).toBeGreaterThan(0);
      const groups: [RowFilter, Partial<Record<KpiKey, number | null>>][] = [
        [{}, report.values],
        ...report.bySector.map((g): [RowFilter, Partial<Record<KpiKey, number | null>>] => [{ sector: g.sector }, g.values]),
        ...report.byCohort.map((g): [RowFilter, Partial<Record<KpiKey, number | null>>] => [{ cohortId: g.cohortId }, g.values]),
        ...report.byCentre.map((g): [RowFilter, Partial<Record<KpiKey, number | null>>] => [{ centreId: g.centreId }, g.values]),
      ];
      let nonZero = 0;
      for (const key of KPI_KEYS) {
        for (const [filter, values] of groups) {
          if (!(key in values)) continue;
          const rows = reportRows(input, '2026-Q3', key, filter);
          expect(fromRows(key, rows), `${key} ${JSON.stringify(filter)}`).toBe(values[key]);
          if (Object.keys(filter).length === 0 && rows.length > 0) nonZero += 1;
        }
      }
      // The random centre reaches most figures (not a test of nothing).
      expect(nonZero).toBeGreaterThan(KPI_KEYS.length * 0.8);
      // Per centre the values are those of a report on that centre's rows alone.
      const karachi = input.centres[0]!;
      const only = <T extends { centreId: string | null }>(rows: T[]) => rows.filter((x) => x.centreId === karachi.id);
      const alone = computeQuarterlyReport(
        {
          ...input,
          centres: [karachi],
          startups: only(input.startups),
          stageChanges: only(input.stageChanges),
          metrics: only(input.metrics),
          mentors: only(input.mentors),
          sessions: only(input.sessions),
          actionItems: only(input.actionItems),
          programmes: only(input.programmes),
          cohorts: only(input.cohorts),
          trainees: only(input.trainees),
          enrolments: only(input.enrolments),
          certifications: only(input.certifications),
          placements: only(input.placements),
        },
        '2026-Q3',
        META,
      );
      expect(report.byCentre[0]!.values).toEqual(alone.values);
    });
  }

  it('takes a startup’s stage from its changes, its creation stage with none, and the stage before its first later change', () => {
    const centreId = id();
    const base = { centreId, sector: 'fintech' as const, cohortId: null, womenLed: false };
    const noChanges = {
      ...base,
      id: id(),
      name: 'No history',
      stage: 'incubated' as Stage,
      createdAt: '2026-08-01T10:00:00.000Z',
    };
    const late = { ...base, id: id(), name: 'Created later', stage: 'incubated' as Stage, createdAt: '2026-10-05T10:00:00.000Z' };
    const before = {
      ...base,
      id: id(),
      name: 'Changed after',
      stage: 'graduated' as Stage,
      createdAt: '2026-01-05T10:00:00.000Z',
    };
    const backAndForth = {
      ...base,
      id: id(),
      name: 'Back and forth',
      stage: 'incubated' as Stage,
      createdAt: '2026-01-05T10:00:00.000Z',
    };
    const change = (startupId: string, fromStage: Stage | null, toStage: Stage, changedOn: string, n = 0) => ({
      id: id(),
      centreId,
      startupId,
      fromStage,
      toStage,
      changedOn,
      createdAt: `${changedOn}T1${n}:00:00.000Z`,
    });
    const input = {
      ...emptyInput(centreId),
      startups: [noChanges, late, before, backAndForth],
      stageChanges: [
        change(before.id, 'incubated', 'graduated', '2026-10-02'),
        // Written in another order than they happened; two on the last day.
        change(backAndForth.id, 'incubated', 'applied', '2026-09-30', 2),
        change(backAndForth.id, 'applied', 'incubated', '2026-09-30', 3),
        change(backAndForth.id, null, 'applied', '2026-01-05'),
        change(backAndForth.id, 'applied', 'incubated', '2026-07-01', 1),
      ],
    };
    const report = computeQuarterlyReport(input, '2026-Q3', META);
    expect(report.perStartup.map((s) => [s.name, s.stage])).toEqual([
      ['Back and forth', 'incubated'],
      ['Changed after', 'incubated'],
      ['No history', 'incubated'],
    ]);
    expect(report.values['startups.active']).toBe(3);
    expect(report.values['startups.inducted']).toBe(1); // twice, one startup
    expect(reportRows(input, '2026-Q3', 'startups.inducted').map((r) => r.detail)).toEqual(['applied → incubated on 2026-07-01']);
    expect(report.values['startups.applied']).toBe(1);
    expect(report.values['startups.womenLedShare']).toBe(0);
    expect(report.values['startups.graduateSurvival']).toBeNull();
    expect(report.charts.startupsByStage).toEqual([
      { stage: 'applied', count: 0 },
      { stage: 'incubated', count: 3 },
      { stage: 'graduated', count: 0 },
      { stage: 'dropped', count: 0 },
    ]);
  });

  it('counts one check-in per startup and quarter, and nothing of deleted startups, mentors or trainees', () => {
    const centreId = id();
    const startup = {
      id: id(),
      centreId,
      name: 'Tez Pay',
      sector: 'fintech' as const,
      stage: 'incubated' as Stage,
      cohortId: null,
      womenLed: true,
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const metric = (revenuePkr: number, n: string) => ({
      id: `0190a0a0-0000-7000-9000-00000000000${n}`,
      centreId,
      startupId: startup.id,
      quarter: '2026-Q3',
      revenuePkr,
      exportRevenueUsd: null,
      fundingCommittedPkr: null,
      fundingRaisedPkr: null,
      fundingSource: null,
      jobsFullTime: null,
      jobsPartTime: null,
      jobsWomen: null,
      customers: null,
      lockedAt: null,
    });
    const gone = id();
    const mentor = { id: id(), centreId, name: 'Sana Mir', country: 'Pakistan' };
    const input: ReportInput = {
      ...emptyInput(centreId),
      startups: [startup],
      metrics: [metric(500, '2'), metric(300, '1'), { ...metric(900, '3'), startupId: gone }],
      mentors: [mentor],
      sessions: [
        { id: id(), centreId, mentorId: mentor.id, startupId: startup.id, startsAt: '2026-09-30T23:30:00.000Z', minutes: 45 },
        { id: id(), centreId, mentorId: id(), startupId: startup.id, startsAt: '2026-08-01T10:00:00.000Z', minutes: 60 },
        { id: id(), centreId, mentorId: mentor.id, startupId: gone, startsAt: '2026-08-01T10:00:00.000Z', minutes: 60 },
      ],
      enrolments: [
        {
          id: id(),
          centreId,
          traineeId: id(),
          cohortId: id(),
          status: 'enrolled',
          completedOn: null,
          createdAt: '2026-08-01T00:00:00.000Z',
        },
      ],
    };
    const report = computeQuarterlyReport(input, '2026-Q3', META);
    expect(report.values['revenue.pkr']).toBe(300);
    expect(report.values['mentoring.sessions']).toBe(1);
    expect(report.values['mentoring.hours']).toBe(0.8);
    expect(report.values['trainees.enrolled']).toBe(0);
    expect(report.checkIns).toEqual({ expected: 1, received: 1, locked: 0 });
    expect(report.perMentor).toEqual([
      { mentorId: mentor.id, name: 'Sana Mir', country: 'Pakistan', sessions: 1, hours: 0.8, startups: 1 },
    ]);
  });
});

function emptyInput(centreId: string): ReportInput {
  return emptyReportInput([{ id: centreId, name: 'NIC Karachi' }]);
}
