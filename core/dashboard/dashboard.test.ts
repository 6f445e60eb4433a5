/**
 * The dashboard against a small hand-made centre whose figures are worked out by hand
 * below (and the weekly chart by brute force over the sessions), including sessions one
 * second either side of a quarter boundary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startCore, type Harness } from '../testing/harness.js';
import { weekStartOf } from './dashboard.service.js';

const NOW = '2026-08-12T09:00:00.000Z'; // A Wednesday in 2026-Q3.
let clock = new Date(NOW);
const at = (iso: string) => {
  clock = new Date(iso);
};

let h: Harness;
beforeEach(async () => {
  clock = new Date('2026-01-05T08:00:00Z');
  h = await startCore({ now: () => clock });
});
afterEach(() => h.close());

/** The centre's history, written with the clock set to each event's date. */
async function seedCentre() {
  const m = h.manager;
  // Startups and their stage changes.
  at('2026-03-10T08:00:00Z');
  const agri = await m.call('startups.create', { name: 'Agri Links', sector: 'agritech' });
  const sehat = await m.call('startups.create', { name: 'Sehat Labs', sector: 'healthtech', womenLed: true });
  at('2026-04-01T08:00:00Z');
  await m.call('startups.update', { id: sehat.id, patch: { stage: 'incubated' } });
  at('2026-06-20T08:00:00Z');
  const tez = await m.call('startups.create', { name: 'Tez Pay', sector: 'fintech', womenLed: true });
  at('2026-06-30T08:00:00Z');
  await m.call('startups.update', { id: agri.id, patch: { stage: 'incubated' } }); // Q2, last day.
  at('2026-07-01T08:00:00Z');
  await m.call('startups.update', { id: tez.id, patch: { stage: 'incubated' } }); // Q3, first day.
  const gone = await m.call('startups.create', { name: 'Gone Ltd', sector: 'fintech', stage: 'incubated' });
  await m.call('startups.delete', { id: gone.id }); // Tombstoned: never counts.
  at('2026-07-20T08:00:00Z');
  await m.call('startups.create', { name: 'Dropped Co', sector: 'fintech', stage: 'dropped' });
  at('2026-08-01T08:00:00Z');
  await m.call('startups.update', { id: sehat.id, patch: { stage: 'graduated' } }); // Q3.

  // Sessions: one second either side of 1 July 00:00 UTC, and of 1 October.
  at(NOW);
  const mentor = await m.call('mentors.create', { name: 'Sana Mir', timeZone: 'Europe/London' });
  const session = (startsAt: string, minutes: number, startupId = tez.id) =>
    m.call('sessions.record', { mentorId: mentor.id, startupId, startsAt, minutes });
  await session('2026-06-30T23:59:59Z', 30); // Q2
  await session('2026-07-01T00:00:00Z', 60); // Q3
  const withItems = await m.call('sessions.record', {
    mentorId: mentor.id,
    startupId: agri.id,
    startsAt: '2026-08-10T10:00:00Z',
    minutes: 50,
    actionItems: [
      { text: 'Send the pitch deck', dueOn: '2026-08-01', owner: 'Founder' }, // Overdue.
      { text: 'Call the bank', dueOn: '2026-08-11', done: true }, // Done.
      { text: 'Book the demo', dueOn: '2026-08-12' }, // Due today: not overdue yet.
      { text: 'Think about pricing' }, // No date.
    ],
  });
  expect(withItems.actionItems).toHaveLength(4);
  await session('2026-09-30T23:59:59Z', 15); // Q3, upcoming.
  await session('2026-10-01T00:00:00Z', 90); // Q4, upcoming.
  const removed = await session('2026-07-15T10:00:00Z', 600);
  await m.call('sessions.delete', { id: removed.id });

  // Trainees.
  const programme = await m.call('programmes.create', { kind: 'training', name: 'DigiSkills' });
  const batch1 = await m.call('cohorts.create', { programmeId: programme.id, name: 'Batch 1' });
  const batch2 = await m.call('cohorts.create', { programmeId: programme.id, name: 'Batch 2' });
  const ali = await m.call('trainees.create', { name: 'Ali Raza' });
  const hina = await m.call('trainees.create', { name: 'Hina Shah' });
  const omar = await m.call('trainees.create', { name: 'Omar Khan' });
  const zara = await m.call('trainees.create', { name: 'Zara Ahmed' });
  at('2026-06-15T08:00:00Z');
  await m.call('enrolments.create', { traineeId: ali.id, cohortId: batch1.id }); // Q2
  at('2026-06-30T23:59:59Z');
  await m.call('certifications.create', { traineeId: ali.id, title: 'Web development', issuedOn: '2026-06-30' }); // Q2
  at('2026-07-01T00:00:00Z');
  await m.call('enrolments.create', { traineeId: omar.id, cohortId: batch1.id }); // Q3
  await m.call('enrolments.create', { traineeId: omar.id, cohortId: batch2.id }); // Q3, same trainee
  await m.call('enrolments.create', { traineeId: zara.id, cohortId: batch2.id }); // Q3, trainee tombstoned below
  at('2026-07-02T08:00:00Z');
  const hinaEnrolment = await m.call('enrolments.create', { traineeId: hina.id, cohortId: batch1.id }); // Q3
  at(NOW);
  await m.call('enrolments.update', { id: hinaEnrolment.id, patch: { status: 'completed' } });
  await m.call('certifications.create', { traineeId: hina.id, title: 'Web development', issuedOn: '2026-07-20' }); // Q3
  await m.call('certifications.create', { traineeId: hina.id, title: 'Cloud basics', issuedOn: '2026-08-01' }); // Q3, same trainee
  await m.call('placements.create', { traineeId: hina.id, kind: 'job', employer: 'Systems Ltd', startedOn: '2026-08-01' }); // Q3
  await m.call('trainees.delete', { id: zara.id });
  return { agri, sehat, tez, mentor, withItems };
}

describe('dashboard.summary', () => {
  it('computes the quarter’s figures, charts and lists', async () => {
    const { agri, tez, withItems } = await seedCentre();
    at(NOW);
    const q3 = await h.manager.call('dashboard.summary', {});
    expect(q3.quarter).toBe('2026-Q3');
    expect([q3.quarterStart, q3.quarterEnd]).toEqual(['2026-07-01', '2026-10-01']);
    expect(q3.headline).toEqual({
      activeStartups: 2, // Agri Links, Tez Pay (Sehat graduated, Gone Ltd tombstoned)
      inducted: 1, // Tez Pay on 1 July
      graduated: 1, // Sehat Labs
      sessions: 3, // 1 July 00:00:00, 10 August, 30 September 23:59:59
      mentorHours: 2.1, // (60 + 50 + 15) / 60 = 2.083…
      traineesEnrolled: 2, // Omar (twice), Hina; Zara is tombstoned
      traineesCertified: 1, // Hina (twice)
      traineesPlaced: 1, // Hina
      womenLedShare: 0.5, // Tez Pay of the two
    });
    expect(q3.startupsByStage).toEqual([
      { stage: 'applied', count: 0 },
      { stage: 'incubated', count: 2 },
      { stage: 'graduated', count: 1 },
      { stage: 'dropped', count: 1 },
    ]);
    expect(q3.startupsBySector).toEqual([
      { sector: 'fintech', count: 2 },
      { sector: 'agritech', count: 1 },
      { sector: 'healthtech', count: 1 },
    ]);
    expect(q3.traineeFunnel).toEqual({ enrolled: 3, completed: 1, certified: 2, placed: 1 });

    expect(q3.upcomingSessions.map((s) => [s.startsAt, s.mentorName, s.startupName])).toEqual([
      ['2026-09-30T23:59:59.000Z', 'Sana Mir', 'Tez Pay'],
      ['2026-10-01T00:00:00.000Z', 'Sana Mir', 'Tez Pay'],
    ]);
    expect(q3.upcomingSessions[0]).toMatchObject({ startupId: tez.id, minutes: 15, mentorTimeZone: 'Europe/London' });
    expect(q3.overdueTotal).toBe(1);
    expect(q3.overdueActionItems).toEqual([
      {
        id: withItems.actionItems[0]!.id,
        text: 'Send the pitch deck',
        owner: 'Founder',
        dueOn: '2026-08-01',
        sessionId: withItems.id,
        startupId: agri.id,
        startupName: 'Agri Links',
      },
    ]);

    // Sessions per week, by brute force: the 12 Mondays up to this week's (10 August).
    const all = (await h.manager.call('sessions.list', { limit: 100 })).items.map((s) => Date.parse(s.startsAt));
    const monday = Date.parse('2026-08-10T00:00:00Z');
    const expected = Array.from({ length: 12 }, (_, i) => {
      const from = monday - (11 - i) * 7 * 86_400_000;
      return {
        weekStart: new Date(from).toISOString().slice(0, 10),
        count: all.filter((t) => t >= from && t < from + 7 * 86_400_000).length,
      };
    });
    expect(q3.sessionsPerWeek).toEqual(expected);
    expect(q3.sessionsPerWeek[0]!.weekStart).toBe('2026-05-25');
    expect(q3.sessionsPerWeek.find((w) => w.weekStart === '2026-06-29')?.count).toBe(2); // 30 June and 1 July
    expect(q3.sessionsPerWeek[11]).toEqual({ weekStart: '2026-08-10', count: 1 });
  });

  it('answers for a chosen quarter, each side of the boundary', async () => {
    await seedCentre();
    at(NOW);
    const q2 = await h.manager.call('dashboard.summary', { quarter: '2026-Q2' });
    expect(q2.headline).toMatchObject({
      activeStartups: 2, // "now", whatever the quarter
      inducted: 2, // Sehat Labs (1 April), Agri Links (30 June)
      graduated: 0,
      sessions: 1, // 30 June 23:59:59 only
      mentorHours: 0.5,
      traineesEnrolled: 1, // Ali
      traineesCertified: 1, // Ali, 30 June
      traineesPlaced: 0,
    });
    // A past quarter's chart ends with its own last week (the one with 30 June).
    expect(q2.sessionsPerWeek.at(-1)).toEqual({ weekStart: '2026-06-29', count: 2 });

    const q4 = await h.manager.call('dashboard.summary', { quarter: '2026-Q4' });
    expect(q4.headline).toMatchObject({ sessions: 1, mentorHours: 1.5, inducted: 0, traineesEnrolled: 0 });

    const err = await failure(h.manager.call('dashboard.summary', { quarter: '2026-5' as never }));
    expect(err.code).toBe('invalid');
  });

  it('is empty but whole for a new centre, and readable by every role', async () => {
    at(NOW);
    const viewer = await h.as('viewer');
    const empty = await viewer.call('dashboard.summary', {});
    expect(empty.headline).toEqual({
      activeStartups: 0,
      inducted: 0,
      graduated: 0,
      sessions: 0,
      mentorHours: 0,
      traineesEnrolled: 0,
      traineesCertified: 0,
      traineesPlaced: 0,
      womenLedShare: null,
    });
    expect(empty.sessionsPerWeek).toHaveLength(12);
    expect(empty.startupsByStage.every((s) => s.count === 0)).toBe(true);
    expect(empty.startupsBySector).toEqual([]);
    expect(empty.upcomingSessions).toEqual([]);
    expect((await failure(h.anonymous().call('dashboard.summary', {}))).code).toBe('unauthenticated');
  });

  it('starts weeks on Monday in UTC', () => {
    expect(weekStartOf(new Date('2026-08-10T00:00:00Z'))).toBe('2026-08-10');
    expect(weekStartOf(new Date('2026-08-16T23:59:59Z'))).toBe('2026-08-10');
    expect(weekStartOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-12-28');
  });
});

describe('system.info', () => {
  it('reports the version, data folder, database size, schema version and last backup', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const userVersion = h.core.db.pragma('user_version', { simple: true }) as number;

    const viewer = await h.as('viewer');
    const before = await viewer.call('system.info', {});
    expect(before).toMatchObject({ appVersion: pkg.version, dataDir: h.dataDir, schemaVersion: userVersion, lastBackupAt: null });
    expect(userVersion).toBeGreaterThanOrEqual(2);
    expect(before.databaseBytes).toBeGreaterThan(0);
    expect(before.databaseBytes % 512).toBe(0);

    at(NOW);
    const backup = await h.manager.runJob('backup.create', {});
    const after = await viewer.call('system.info', {});
    expect(after.lastBackupAt).toBe(new Date(fs.statSync(backup.path).mtimeMs).toISOString());
    expect((await failure(h.anonymous().call('system.info', {}))).code).toBe('unauthenticated');
  });
});
