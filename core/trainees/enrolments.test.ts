import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors.js';
import { counts, failure, startCore, type Harness } from '../testing/harness.js';

const NOW = new Date('2026-07-15T10:00:00Z');
const UNKNOWN = '0190a0a0-0000-7000-8000-000000000000';

let h: Harness;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
});
afterEach(() => h.close());

function paths(err: ApiError): string[] {
  expect(err.code).toBe('invalid');
  return err.code === 'invalid' ? [...new Set(err.issues.map((i) => i.path.join('.')))].sort() : [];
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();

async function traineeAndCohort() {
  const programme = await h.manager.call('programmes.create', { kind: 'training', name: 'DigiSkills' });
  const cohort = await h.manager.call('cohorts.create', { programmeId: programme.id, name: 'Batch 7' });
  const trainee = await h.manager.call('trainees.create', { name: 'Ali Raza', city: 'Karachi' });
  return { programme, cohort, trainee };
}

describe('enrolments', () => {
  it('enrols, completes (dated today when no date is given), scores and lists', async () => {
    const { cohort, trainee } = await traineeAndCohort();
    const e = await h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id });
    expect(e).toMatchObject({ status: 'enrolled', score: null, completedOn: null });
    const ops = h.core.db.prepare('SELECT col FROM outbox WHERE row_id = ?').all(e.id) as { col: string }[];
    expect(ops.map((o) => o.col)).toEqual(expect.arrayContaining(['trainee_id', 'cohort_id', 'status', 'centre_id']));

    const done = await h.manager.call('enrolments.update', { id: e.id, patch: { status: 'completed', score: 87.5 } });
    expect(done).toMatchObject({ status: 'completed', score: 87.5, completedOn: '2026-07-15' });
    const dated = await h.manager.call('enrolments.update', { id: e.id, patch: { completedOn: '2026-07-01' } });
    expect(dated.completedOn).toBe('2026-07-01');
    // Back to enrolled: the completion date goes with the status.
    const reopened = await h.manager.call('enrolments.update', { id: e.id, patch: { status: 'enrolled' } });
    expect(reopened).toMatchObject({ status: 'enrolled', completedOn: null });

    const other = await h.manager.call('trainees.create', { name: 'Hina Khan' });
    const dropped = await h.manager.call('enrolments.create', {
      traineeId: other.id,
      cohortId: cohort.id,
      status: 'dropped',
      score: 40,
    });
    expect(ids(await h.manager.call('enrolments.list', { filter: { cohortId: cohort.id } }))).toEqual([e.id, dropped.id].sort());
    expect(ids(await h.manager.call('enrolments.list', { filter: { status: 'dropped' } }))).toEqual([dropped.id]);
    expect(ids(await h.manager.call('enrolments.list', { filter: { traineeId: trainee.id } }))).toEqual([e.id]);
    const byScore = await h.manager.call('enrolments.list', { sort: { field: 'score', direction: 'desc' } });
    expect(byScore.items.map((i) => i.score)).toEqual([87.5, 40]);
  });

  it('refuses a completion date on an enrolment that is not completed, or in the future', async () => {
    const { cohort, trainee } = await traineeAndCohort();
    const before = counts(h.core, 'enrolments');
    const early = await failure(
      h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id, completedOn: '2026-07-01' }),
    );
    expect(early).toMatchObject({ issues: [{ path: ['completedOn'], message: expect.stringMatching(/completed/) }] });
    const future = await failure(
      h.manager.call('enrolments.create', {
        traineeId: trainee.id,
        cohortId: cohort.id,
        status: 'completed',
        completedOn: '2026-07-16',
      }),
    );
    expect(paths(future)).toEqual(['completedOn']);
    expect(counts(h.core, 'enrolments')).toEqual(before);
    const e = await h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id });
    const onUpdate = await failure(h.manager.call('enrolments.update', { id: e.id, patch: { completedOn: '2026-07-01' } }));
    expect(paths(onUpdate)).toEqual(['patch.completedOn']);
    const changedMind = await failure(
      h.manager.call('enrolments.update', { id: e.id, patch: { status: 'dropped', completedOn: '2026-07-01' } }),
    );
    expect(paths(changedMind)).toEqual(['patch.completedOn']);
  });

  it('refuses bad fields with their paths, unknown trainees and cohorts, and scores outside 0–100', async () => {
    const { cohort, trainee } = await traineeAndCohort();
    const before = counts(h.core, 'enrolments');
    const err = await failure(
      h.manager.call('enrolments.create', { traineeId: 'x', cohortId: cohort.id, status: 'graduated' as never, score: 101 }),
    );
    expect(paths(err)).toEqual(['score', 'status', 'traineeId']);
    expect(
      paths(await failure(h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id, score: -1 }))),
    ).toEqual(['score']);
    const noTrainee = await failure(h.manager.call('enrolments.create', { traineeId: UNKNOWN, cohortId: cohort.id }));
    expect(noTrainee).toMatchObject({ code: 'invalid', issues: [{ path: ['traineeId'] }] });
    const noCohort = await failure(h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: UNKNOWN }));
    expect(noCohort).toMatchObject({ code: 'invalid', issues: [{ path: ['cohortId'] }] });
    expect(counts(h.core, 'enrolments')).toEqual(before);
    expect((await failure(h.manager.call('enrolments.update', { id: UNKNOWN, patch: { score: 1 } }))).code).toBe('not-found');
    const e = await h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id });
    expect(paths(await failure(h.manager.call('enrolments.update', { id: e.id, patch: { score: 100.5 } })))).toEqual([
      'patch.score',
    ]);
  });

  it('enrols a trainee in a cohort once, naming the enrolment that exists', async () => {
    const { programme, cohort, trainee } = await traineeAndCohort();
    const first = await h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id });
    const before = counts(h.core, 'enrolments');
    const again = await failure(
      h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id, status: 'dropped' }),
    );
    expect(again).toMatchObject({
      code: 'conflict',
      field: 'cohortId',
      existing: { entity: 'enrolments', id: first.id, label: 'Ali Raza in Batch 7' },
    });
    expect(again.message).toContain('Ali Raza is already enrolled in Batch 7');
    expect(counts(h.core, 'enrolments')).toEqual(before);

    // Moving another enrolment onto the same pair is refused too; a deleted one is no clash.
    const batch8 = await h.manager.call('cohorts.create', { programmeId: programme.id, name: 'Batch 8' });
    const second = await h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: batch8.id });
    const move = await failure(h.manager.call('enrolments.update', { id: second.id, patch: { cohortId: cohort.id } }));
    expect(move).toMatchObject({ code: 'conflict', field: 'patch.cohortId', existing: { id: first.id } });
    await h.manager.call('enrolments.update', { id: first.id, patch: { score: 70 } });
    await h.manager.call('enrolments.delete', { id: first.id });
    expect((await h.manager.call('enrolments.update', { id: second.id, patch: { cohortId: cohort.id } })).cohortId).toBe(
      cohort.id,
    );
  });

  it('lets office roles write enrolments; mentors and viewers only read them', async () => {
    const { cohort, trainee } = await traineeAndCohort();
    const e = await h.manager.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id });
    for (const role of ['mentor', 'viewer'] as const) {
      const client = await h.as(role);
      expect((await failure(client.call('enrolments.create', { traineeId: trainee.id, cohortId: cohort.id }))).code).toBe(
        'forbidden',
      );
      expect((await failure(client.call('enrolments.update', { id: e.id, patch: { score: 1 } }))).code).toBe('forbidden');
      expect((await failure(client.call('enrolments.delete', { id: e.id }))).code).toBe('forbidden');
      expect((await client.call('enrolments.get', { id: e.id })).id).toBe(e.id);
    }
    const staff = await h.as('staff');
    expect((await staff.call('enrolments.update', { id: e.id, patch: { score: 55 } })).score).toBe(55);
  });
});

describe('certifications', () => {
  it('certifies a trainee, keeps certificate numbers unique among live certifications', async () => {
    const { trainee } = await traineeAndCohort();
    const c = await h.manager.call('certifications.create', {
      traineeId: trainee.id,
      title: ' Python Developer ',
      issuedOn: '2026-07-15',
      certificateNo: 'DS-2026-0001',
    });
    expect(c).toMatchObject({ title: 'Python Developer', issuedOn: '2026-07-15', certificateNo: 'DS-2026-0001' });
    const other = await h.manager.call('trainees.create', { name: 'Hina Khan' });
    const before = counts(h.core, 'certifications');
    const dup = await failure(
      h.manager.call('certifications.create', {
        traineeId: other.id,
        title: 'X',
        issuedOn: '2026-07-01',
        certificateNo: 'DS-2026-0001',
      }),
    );
    expect(dup).toMatchObject({
      code: 'conflict',
      field: 'certificateNo',
      existing: { entity: 'certifications', id: c.id, label: 'Python Developer (DS-2026-0001)' },
    });
    expect(counts(h.core, 'certifications')).toEqual(before);
    // Certifications without a number do not clash with each other.
    await h.manager.call('certifications.create', { traineeId: other.id, title: 'A', issuedOn: '2026-07-01' });
    await h.manager.call('certifications.create', { traineeId: other.id, title: 'B', issuedOn: '2026-07-02' });
    const list = await h.manager.call('certifications.list', { filter: { traineeId: other.id } });
    expect(list.items.map((i) => i.title)).toEqual(['B', 'A']);
    await h.manager.call('certifications.delete', { id: c.id });
    await h.manager.call('certifications.create', {
      traineeId: other.id,
      title: 'Re-issued',
      issuedOn: '2026-07-10',
      certificateNo: 'DS-2026-0001',
    });
  });

  it('refuses a future issue date, a missing title, an unknown trainee and wrong roles', async () => {
    const { trainee } = await traineeAndCohort();
    const before = counts(h.core, 'certifications');
    const future = await failure(
      h.manager.call('certifications.create', { traineeId: trainee.id, title: 'X', issuedOn: '2026-07-16' }),
    );
    expect(future).toMatchObject({ issues: [{ path: ['issuedOn'], message: expect.stringMatching(/future/) }] });
    expect(
      paths(
        await failure(h.manager.call('certifications.create', { traineeId: trainee.id, title: ' ', issuedOn: '2026-13-01' })),
      ),
    ).toEqual(['issuedOn', 'title']);
    const missing = await failure(
      h.manager.call('certifications.create', { traineeId: UNKNOWN, title: 'X', issuedOn: '2026-07-01' }),
    );
    expect(missing).toMatchObject({ issues: [{ path: ['traineeId'] }] });
    expect(counts(h.core, 'certifications')).toEqual(before);
    const c = await h.manager.call('certifications.create', { traineeId: trainee.id, title: 'X', issuedOn: '2026-07-01' });
    expect(
      paths(await failure(h.manager.call('certifications.update', { id: c.id, patch: { issuedOn: '2027-01-01' } }))),
    ).toEqual(['patch.issuedOn']);
    const viewer = await h.as('viewer');
    expect(
      (await failure(viewer.call('certifications.create', { traineeId: trainee.id, title: 'X', issuedOn: '2026-07-01' }))).code,
    ).toBe('forbidden');
    expect((await viewer.call('certifications.list', {})).total).toBe(1);
  });
});

describe('placements', () => {
  it('places a trainee in a job or as a founder of a startup, and lists by kind', async () => {
    const { trainee } = await traineeAndCohort();
    const startup = await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech' });
    const founder = await h.manager.call('placements.create', {
      traineeId: trainee.id,
      kind: 'founder',
      startupId: startup.id,
      startedOn: '2026-06-01',
    });
    expect(founder).toMatchObject({ kind: 'founder', startupId: startup.id, employer: null });
    const job = await h.manager.call('placements.create', {
      traineeId: trainee.id,
      kind: 'job',
      employer: 'Systems Ltd',
      startedOn: '2026-07-01',
      monthlyIncomePkr: 120_000,
    });
    const freelance = await h.manager.call('placements.create', {
      traineeId: trainee.id,
      kind: 'freelance',
      startedOn: '2026-05-01',
    });
    expect(ids(await h.manager.call('placements.list', { filter: { kind: 'job' } }))).toEqual([job.id]);
    const all = await h.manager.call('placements.list', { filter: { traineeId: trainee.id } });
    expect(all.items.map((p) => p.id)).toEqual([job.id, founder.id, freelance.id]);
  });

  it('refuses a startup on a kind that cannot have one, future starts, bad fields and unknown references', async () => {
    const { trainee } = await traineeAndCohort();
    const startup = await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech' });
    const before = counts(h.core, 'placements');
    const intern = await failure(
      h.manager.call('placements.create', {
        traineeId: trainee.id,
        kind: 'internship',
        startupId: startup.id,
        startedOn: '2026-06-01',
      }),
    );
    expect(intern).toMatchObject({ issues: [{ path: ['startupId'], message: expect.stringMatching(/founder or a job/) }] });
    const future = await failure(
      h.manager.call('placements.create', { traineeId: trainee.id, kind: 'job', startedOn: '2026-08-01' }),
    );
    expect(paths(future)).toEqual(['startedOn']);
    const bad = await failure(
      h.manager.call('placements.create', {
        traineeId: trainee.id,
        kind: 'hobby' as never,
        startedOn: 'soon',
        monthlyIncomePkr: -5,
      }),
    );
    expect(paths(bad)).toEqual(['kind', 'monthlyIncomePkr', 'startedOn']);
    const noStartup = await failure(
      h.manager.call('placements.create', { traineeId: trainee.id, kind: 'job', startupId: UNKNOWN, startedOn: '2026-06-01' }),
    );
    expect(noStartup).toMatchObject({ issues: [{ path: ['startupId'] }] });
    expect(counts(h.core, 'placements')).toEqual(before);

    const job = await h.manager.call('placements.create', {
      traineeId: trainee.id,
      kind: 'job',
      startupId: startup.id,
      startedOn: '2026-06-01',
    });
    // Changing the kind of a placement at a startup blames the kind.
    const toFreelance = await failure(h.manager.call('placements.update', { id: job.id, patch: { kind: 'freelance' } }));
    expect(paths(toFreelance)).toEqual(['patch.kind']);
    const moved = await h.manager.call('placements.update', { id: job.id, patch: { kind: 'freelance', startupId: null } });
    expect(moved).toMatchObject({ kind: 'freelance', startupId: null });
    const mentor = await h.as('mentor');
    expect((await failure(mentor.call('placements.delete', { id: job.id }))).code).toBe('forbidden');
  });
});
