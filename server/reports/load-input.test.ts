/**
 * The national report's input read back from cells: live rows only, values decoded as the
 * workstation stored them, one centre (with the national rows its workstations hold) or
 * every centre, the quarter scheme, and query plans that walk each table once in row order.
 */
import { describe, expect, it } from 'vitest';
import type { WireOp } from '../../shared/sync/protocol.js';
import { ApiError } from '../http/errors.js';
import { noteSkippedDatabases, testDatabases } from '../testing/databases.js';
import { centreWithWorkstation, enrolDevice, fieldOp, insertOps, push, serverSuite, type EnrolledDevice } from '../testing/fixtures.js';
import { planNodes, planOf, recordingDb, rowsReadBy } from '../testing/query-plans.js';
import { loadReportInput } from './load-input.js';

const rowIdOf = (ops: WireOp[]) => ops[0]!.rowId;

describe.each(testDatabases())('report input on $name', (database) => {
  const suite = serverSuite(database);

  /** Two centres with a little of everything, and a national programme and mentor. */
  async function twoCentres() {
    const { app, store } = suite;
    const karachi = await centreWithWorkstation(app, store.db, 'NIC Karachi');
    const lahore = await centreWithWorkstation(app, store.db, 'NIC Lahore');
    const national = await enrolDevice(app, store.db, null, 'national');
    const programme = insertOps(national, 'programmes', null, { kind: 'training', name: 'DigiSkills' });
    const mentor = insertOps(national, 'mentors', null, { name: 'Sara Khan', country: 'UAE', expertise: '[]', time_zone: 'Asia/Dubai' });
    await push(app, national.token, [...programme, ...mentor]);

    const centre = async (c: { centre: { id: string }; device: EnrolledDevice }, name: string) => {
      const d = c.device;
      const cohort = insertOps(d, 'cohorts', c.centre.id, { programme_id: rowIdOf(programme), name: `${name} batch` });
      const startup = insertOps(d, 'startups', c.centre.id, { name: `${name} Pay`, sector: 'fintech', stage: 'incubated', women_led: 1, cohort_id: null });
      const gone = insertOps(d, 'startups', c.centre.id, { name: `${name} Gone`, sector: 'ai', stage: 'applied', women_led: 0 });
      const metric = insertOps(d, 'quarterly_metrics', c.centre.id, {
        startup_id: rowIdOf(startup),
        quarter: '2026-Q3',
        revenue_pkr: 1_500_000,
        export_revenue_usd: 1200.5,
        funding_source: null,
        jobs_full_time: 4,
      });
      const session = insertOps(d, 'mentoring_sessions', c.centre.id, {
        mentor_id: rowIdOf(mentor),
        startup_id: rowIdOf(startup),
        starts_at: '2026-07-14T09:00:00.000Z',
        minutes: 90,
        mode: 'online',
        topics: '[]',
      });
      const item = insertOps(d, 'action_items', c.centre.id, {
        session_id: rowIdOf(session),
        text: 'Send the deck',
        due_on: '2026-07-30',
        done: 1,
        done_on: '2026-07-28',
      });
      const trainee = insertOps(d, 'trainees', c.centre.id, { name: `${name} Trainee`, gender: 'female', skills: '[]', consent: 0 });
      const loner = insertOps(d, 'trainees', c.centre.id, { name: `${name} Loner`, gender: 'male', skills: '[]', consent: 0 });
      const enrolment = insertOps(d, 'enrolments', c.centre.id, {
        trainee_id: rowIdOf(trainee),
        cohort_id: rowIdOf(cohort),
        status: 'completed',
        completed_on: '2026-08-01',
      });
      await push(suite.app, d.token, [...cohort, ...startup, ...gone, ...metric, ...session, ...item, ...trainee, ...loner, ...enrolment]);
      await push(suite.app, d.token, [fieldOp(d, 'startups', rowIdOf(gone), 'deleted', 1)]);
      return { startup, gone, metric, session, item, trainee, loner, enrolment, cohort };
    };
    return {
      karachi,
      lahore,
      national,
      programme,
      mentor,
      k: await centre(karachi, 'Karachi'),
      l: await centre(lahore, 'Lahore'),
    };
  }

  it('reads every centre’s live rows with their values decoded', async () => {
    const w = await twoCentres();
    const input = await loadReportInput(suite.store.db, 'all');
    expect(input.centres.map((c) => c.name)).toEqual(['NIC Karachi', 'NIC Lahore']);
    expect(input.scheme).toBe('calendar');
    expect(input.startups.map((s) => s.name).sort()).toEqual(['Karachi Pay', 'Lahore Pay']);
    expect(input.startups.find((s) => s.name === 'Karachi Pay')).toMatchObject({
      id: rowIdOf(w.k.startup),
      centreId: w.karachi.centre.id,
      sector: 'fintech',
      stage: 'incubated',
      cohortId: null,
      womenLed: true,
    });
    expect(input.metrics.find((m) => m.centreId === w.lahore.centre.id)).toMatchObject({
      startupId: rowIdOf(w.l.startup),
      quarter: '2026-Q3',
      revenuePkr: 1_500_000,
      exportRevenueUsd: 1200.5,
      fundingSource: null,
      jobsFullTime: 4,
      jobsPartTime: null,
    });
    expect(input.sessions).toHaveLength(2);
    expect(input.sessions[0]).toMatchObject({ startsAt: '2026-07-14T09:00:00.000Z', minutes: 90, mentorId: rowIdOf(w.mentor) });
    expect(input.actionItems[0]).toMatchObject({ text: 'Send the deck', dueOn: '2026-07-30', done: true, doneOn: '2026-07-28' });
    expect(input.mentors).toEqual([{ id: rowIdOf(w.mentor), centreId: null, name: 'Sara Khan', country: 'UAE' }]);
    expect(input.programmes).toEqual([{ id: rowIdOf(w.programme), centreId: null, name: 'DigiSkills' }]);
    expect(input.enrolments).toHaveLength(2);
    // Only trainees the enrolments, certifications and placements name.
    expect(input.trainees.map((t) => t.name).sort()).toEqual(['Karachi Trainee', 'Lahore Trainee']);
    expect(input.trainees[0]!.gender).toBe('female');
  });

  it('reads one centre: its rows and the national ones its workstations hold, nothing of another centre', async () => {
    const w = await twoCentres();
    const input = await loadReportInput(suite.store.db, w.lahore.centre.id);
    expect(input.centres).toEqual([{ id: w.lahore.centre.id, name: 'NIC Lahore' }]);
    expect(input.startups.map((s) => s.name)).toEqual(['Lahore Pay']);
    const centres = new Set(
      Object.values(input)
        .filter(Array.isArray)
        .flatMap((rows: Array<{ centreId?: string | null }>) => rows.map((r) => r.centreId))
        .filter((c) => c !== undefined),
    );
    expect(centres).toEqual(new Set([w.lahore.centre.id, null]));
    expect(input.mentors.map((m) => m.name)).toEqual(['Sara Khan']);
    expect(input.programmes.map((p) => p.name)).toEqual(['DigiSkills']);
    expect(input.trainees.map((t) => t.name)).toEqual(['Lahore Trainee']);
  });

  it('a row deleted, restored, or without its creating ops', async () => {
    const w = await twoCentres();
    const d = w.karachi.device;
    await push(suite.app, d.token, [fieldOp(d, 'startups', rowIdOf(w.k.gone), 'deleted', 0)]);
    await push(suite.app, d.token, [fieldOp(d, 'mentoring_sessions', rowIdOf(w.k.session), 'deleted', 1)]);
    // A client that never sent the tombstone cell: a workstation holds such a row as deleted.
    const partial = insertOps(d, 'startups', w.karachi.centre.id, { name: 'Half Sent', sector: 'ai', stage: 'applied', women_led: 0 });
    await push(suite.app, d.token, partial.filter((op) => op.col !== 'deleted'));
    const input = await loadReportInput(suite.store.db, w.karachi.centre.id);
    expect(input.startups.map((s) => s.name).sort()).toEqual(['Karachi Gone', 'Karachi Pay']);
    expect(input.sessions).toEqual([]);
    // The session's action item is still a live row: the computation drops it with its session.
    expect(input.actionItems).toHaveLength(1);
  });

  it('an unknown centre is a 404 naming the field', async () => {
    await twoCentres();
    const error = await loadReportInput(suite.store.db, '0190a000-0000-7000-8000-000000000999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'not-found' });
    expect((error as Error).message).toMatch(/^centre: /);
  });

  it('the quarter scheme: a centre’s own; every centre’s when they share it, else the calendar', async () => {
    const w = await twoCentres();
    const fiscal = (c: typeof w.karachi) =>
      push(suite.app, c.device.token, [fieldOp(c.device, 'centres', c.centre.id, 'quarter_scheme', 'pk-fiscal')]);
    await fiscal(w.karachi);
    expect((await loadReportInput(suite.store.db, w.karachi.centre.id)).scheme).toBe('pk-fiscal');
    expect((await loadReportInput(suite.store.db, w.lahore.centre.id)).scheme).toBe('calendar');
    expect((await loadReportInput(suite.store.db, 'all')).scheme).toBe('calendar');
    await fiscal(w.lahore);
    expect((await loadReportInput(suite.store.db, 'all')).scheme).toBe('pk-fiscal');
  });

  it('each table is one query that walks an index in row order: no sort, no hash, no rescan', async () => {
    const w = await twoCentres();
    const d = w.karachi.device;
    const trainees = Array.from({ length: 300 }, (_, i) =>
      insertOps(d, 'trainees', w.karachi.centre.id, { name: `Trainee ${i}`, gender: 'male', city: 'Karachi', skills: '[]', consent: 0 }),
    );
    for (let i = 0; i < trainees.length; i += 100) await push(suite.app, d.token, trainees.slice(i, i + 100).flat());
    const { db, statements } = recordingDb(suite.store.db);
    await loadReportInput(db, 'all');
    await loadReportInput(db, w.karachi.centre.id);
    const pivots = statements.filter((s) => s.sql.includes('GROUP BY c.row_id'));
    expect(pivots).toHaveLength(2 * 15);
    for (const query of pivots) {
      const nodes = planNodes(await planOf(suite.store.db, query, statements)).map((n) => n['Node Type']);
      expect(nodes, query.params.join(' ')).not.toContain('Sort');
      expect(nodes).not.toContain('Hash');
      expect(nodes).not.toContain('Seq Scan');
      expect(nodes).not.toContain('Bitmap Heap Scan');
    }
    // The trainees: at most every cell of the table once (302 trainees of 10 cells).
    const traineeReads = pivots.filter((s) => s.params[0] === 'trainees');
    for (const query of traineeReads) expect(await rowsReadBy(suite.store.db, query, statements)).toBeLessThanOrEqual(302 * 10 + 10);
  });
});

noteSkippedDatabases();
