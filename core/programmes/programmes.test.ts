import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { programmesTable } from '../../shared/records/programmes.js';
import { enrolmentsTable, traineesTable } from '../../shared/records/trainees.js';
import type { ApiError } from '../../shared/api/errors.js';
import { counts, failure, startCore, type Harness } from '../testing/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startCore();
});
afterEach(() => h.close());

const UNKNOWN = '0190a0a0-0000-7000-8000-000000000000';

/** The distinct field paths of an invalid-input error (one field may break two rules). */
function paths(err: ApiError): string[] {
  expect(err.code).toBe('invalid');
  return err.code === 'invalid' ? [...new Set(err.issues.map((i) => i.path.join('.')))].sort() : [];
}

/** Writes rows the way sync or another domain would (the trainees API is not ours). */
function insertDirect(write: () => void): void {
  h.core.db.transaction(write)();
}

function enrol(traineeName: string, cohortIds: string[], opts: { deleted?: boolean } = {}): void {
  insertDirect(() => {
    const meta = { userId: null, centreId: null };
    const trainee = h.core.rows.insert<{ id: string }>(traineesTable, { name: traineeName, skills: [], consent: false }, meta);
    for (const cohortId of cohortIds) {
      const e = h.core.rows.insert<{ id: string }>(
        enrolmentsTable,
        { traineeId: trainee.id, cohortId, status: 'enrolled' },
        meta,
      );
      if (opts.deleted) h.core.rows.tombstone(enrolmentsTable, e.id, meta);
    }
  });
}

describe('programmes', () => {
  it('creates, updates, lists and deletes a programme, writing outbox ops', async () => {
    const p = await h.manager.call('programmes.create', {
      kind: 'incubation',
      name: '  NIC   Cohort Programme ',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(p).toMatchObject({ name: 'NIC Cohort Programme', kind: 'incubation', cohorts: 0, participants: 0, deleted: false });
    expect(p.centreId).toBeTruthy();
    const ops = h.core.db.prepare('SELECT col FROM outbox WHERE row_id = ?').all(p.id) as { col: string }[];
    expect(ops.map((o) => o.col)).toEqual(expect.arrayContaining(['kind', 'name', 'start_date', 'end_date', 'centre_id']));

    const updated = await h.manager.call('programmes.update', { id: p.id, patch: { description: 'Six months' } });
    expect(updated).toMatchObject({ description: 'Six months', cohorts: 0 });
    await h.manager.call('programmes.create', { kind: 'training', name: 'DigiSkills Karachi' });

    const training = await h.manager.call('programmes.list', { filter: { kind: 'training' } });
    expect(training.items.map((i) => i.name)).toEqual(['DigiSkills Karachi']);
    const byName = await h.manager.call('programmes.list', { search: 'cohort' });
    expect(byName.items.map((i) => i.id)).toEqual([p.id]);

    await h.manager.call('programmes.delete', { id: p.id });
    expect((await failure(h.manager.call('programmes.get', { id: p.id }))).code).toBe('not-found');
    expect((await h.manager.call('programmes.list', {})).total).toBe(1);
  });

  it('refuses bad fields with their paths, and dates out of order, writing nothing', async () => {
    const before = counts(h.core, 'programmes');
    const err = await failure(
      h.manager.call('programmes.create', {
        kind: 'hackathon' as never,
        name: ' ',
        startDate: '2026-02-30',
        endDate: '31/12/2026',
      }),
    );
    expect(paths(err)).toEqual(['endDate', 'kind', 'name', 'startDate']);
    const order = await failure(
      h.manager.call('programmes.create', { kind: 'training', name: 'X', startDate: '2026-06-01', endDate: '2026-05-31' }),
    );
    expect(paths(order)).toEqual(['endDate']);
    expect(counts(h.core, 'programmes')).toEqual(before);

    const p = await h.manager.call('programmes.create', { kind: 'training', name: 'X', startDate: '2026-06-01' });
    expect(paths(await failure(h.manager.call('programmes.update', { id: p.id, patch: { endDate: '2026-01-01' } })))).toEqual([
      'patch.endDate',
    ]);
    expect(paths(await failure(h.manager.call('programmes.update', { id: p.id, patch: { centreId: null } as never })))).toEqual([
      'patch',
    ]);
    expect((await failure(h.manager.call('programmes.update', { id: UNKNOWN, patch: { name: 'Y' } }))).code).toBe('not-found');
    expect((await failure(h.manager.call('programmes.delete', { id: UNKNOWN }))).code).toBe('not-found');
  });

  it('lets office roles write and everyone read', async () => {
    const staff = await h.as('staff');
    const p = await staff.call('programmes.create', { kind: 'incubation', name: 'Staff made' });
    for (const role of ['viewer', 'mentor'] as const) {
      const client = await h.as(role);
      expect((await failure(client.call('programmes.create', { kind: 'incubation', name: 'No' }))).code).toBe('forbidden');
      expect((await failure(client.call('cohorts.create', { programmeId: p.id, name: 'No' }))).code).toBe('forbidden');
      expect((await failure(client.call('programmes.delete', { id: p.id }))).code).toBe('forbidden');
      expect((await client.call('programmes.list', {})).total).toBe(1);
    }
    expect((await failure(h.anonymous().call('programmes.list', {}))).code).toBe('unauthenticated');
  });

  it('protects national programmes from a centre workstation, but lets it run cohorts in them', async () => {
    let nationalId = '';
    insertDirect(() => {
      nationalId = h.core.rows.insert<{ id: string }>(
        programmesTable,
        { kind: 'training', name: 'DigiSkills National', startDate: '2026-01-01', endDate: '2027-12-31' },
        { userId: null, centreId: null },
      ).id;
    });
    const before = counts(h.core, 'programmes');
    const err = await failure(h.manager.call('programmes.update', { id: nationalId, patch: { name: 'Ours now' } }));
    expect(err.code).toBe('forbidden');
    // Forbidden wins over "has cohorts": deleting the cohorts would not make it deletable here.
    const cohort = await h.manager.call('cohorts.create', {
      programmeId: nationalId,
      name: 'Karachi batch 1',
      startDate: '2026-03-01',
    });
    expect(cohort.centreId).toBeTruthy();
    expect((await failure(h.manager.call('programmes.delete', { id: nationalId }))).code).toBe('forbidden');
    expect(counts(h.core, 'programmes')).toEqual(before);

    const national = await h.manager.call('programmes.get', { id: nationalId });
    expect(national).toMatchObject({ centreId: null, name: 'DigiSkills National', cohorts: 1 });
  });
});

describe('cohorts', () => {
  it('keeps cohort dates in order and inside the programme', async () => {
    const p = await h.manager.call('programmes.create', {
      kind: 'incubation',
      name: 'Spring',
      startDate: '2026-01-01',
      endDate: '2026-06-30',
    });
    const before = counts(h.core, 'cohorts');
    const tries: Array<[Record<string, string>, string]> = [
      [{ startDate: '2025-12-31' }, 'startDate'],
      [{ endDate: '2026-07-01' }, 'endDate'],
      [{ startDate: '2026-07-01' }, 'startDate'],
      [{ endDate: '2025-12-01' }, 'endDate'],
      [{ startDate: '2026-03-01', endDate: '2026-02-01' }, 'endDate'],
    ];
    for (const [dates, path] of tries) {
      const err = await failure(h.manager.call('cohorts.create', { programmeId: p.id, name: 'C', ...dates }));
      expect(paths(err), JSON.stringify(dates)).toEqual([path]);
    }
    expect(paths(await failure(h.manager.call('cohorts.create', { programmeId: UNKNOWN, name: 'C' })))).toEqual(['programmeId']);
    expect(paths(await failure(h.manager.call('cohorts.create', { programmeId: 'nope', name: '' })))).toEqual([
      'name',
      'programmeId',
    ]);
    expect(counts(h.core, 'cohorts')).toEqual(before);

    const c = await h.manager.call('cohorts.create', {
      programmeId: p.id,
      name: 'C1',
      startDate: '2026-02-01',
      endDate: '2026-05-31',
    });
    expect(c).toMatchObject({ startups: 0, trainees: 0 });
    expect(paths(await failure(h.manager.call('cohorts.update', { id: c.id, patch: { endDate: '2026-08-01' } })))).toEqual([
      'patch.endDate',
    ]);
    // Moving to a programme whose dates do not hold the cohort: the move is what is refused.
    const autumn = await h.manager.call('programmes.create', { kind: 'incubation', name: 'Autumn', startDate: '2026-09-01' });
    expect(paths(await failure(h.manager.call('cohorts.update', { id: c.id, patch: { programmeId: autumn.id } })))).toEqual([
      'patch.programmeId',
    ]);
    // Shrinking the programme around its cohort is refused too.
    expect(paths(await failure(h.manager.call('programmes.update', { id: p.id, patch: { startDate: '2026-03-01' } })))).toEqual([
      'patch.startDate',
    ]);
    expect(paths(await failure(h.manager.call('programmes.update', { id: p.id, patch: { endDate: '2026-04-30' } })))).toEqual([
      'patch.endDate',
    ]);
    await h.manager.call('programmes.update', { id: p.id, patch: { startDate: '2026-02-01', endDate: null } });
    const listed = await h.manager.call('cohorts.list', { filter: { programmeId: p.id } });
    expect(listed.items.map((i) => i.name)).toEqual(['C1']);
  });

  it('counts live cohorts, startups and enrolments per page with one query each', async () => {
    const inc = await h.manager.call('programmes.create', { kind: 'incubation', name: 'Incubation 2026' });
    const train = await h.manager.call('programmes.create', { kind: 'training', name: 'Freelancing' });
    const c1 = await h.manager.call('cohorts.create', { programmeId: inc.id, name: 'Batch 1' });
    const c2 = await h.manager.call('cohorts.create', { programmeId: inc.id, name: 'Batch 2' });
    const gone = await h.manager.call('cohorts.create', { programmeId: inc.id, name: 'Cancelled' });
    await h.manager.call('cohorts.delete', { id: gone.id });
    const t1 = await h.manager.call('cohorts.create', { programmeId: train.id, name: 'Evening' });
    const t2 = await h.manager.call('cohorts.create', { programmeId: train.id, name: 'Weekend' });

    await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech', cohortId: c1.id });
    await h.manager.call('startups.create', { name: 'Agri Links', sector: 'agritech', cohortId: c1.id });
    await h.manager.call('startups.create', { name: 'Sehat', sector: 'healthtech', cohortId: c2.id });
    const dropped = await h.manager.call('startups.create', { name: 'Gone', sector: 'ai', cohortId: c2.id });
    await h.manager.call('startups.delete', { id: dropped.id });
    enrol('Ayesha Khan', [t1.id, t2.id]); // one trainee in two cohorts: one participant
    enrol('Bilal Ahmed', [t1.id]);
    enrol('Withdrawn', [t2.id], { deleted: true });

    const statements = vi.spyOn(h.core.rows, 'statement');
    const page = await h.manager.call('programmes.list', {});
    const countQueries = statements.mock.calls.filter(([sql]) => sql.includes('json_each'));
    expect(countQueries).toHaveLength(1);
    statements.mockRestore();
    const byName = Object.fromEntries(page.items.map((p) => [p.name, [p.cohorts, p.participants]]));
    expect(byName).toEqual({ 'Incubation 2026': [2, 3], Freelancing: [2, 2] });
    expect(await h.manager.call('programmes.get', { id: train.id })).toMatchObject({ cohorts: 2, participants: 2 });

    const cohorts = await h.manager.call('cohorts.list', { sort: { field: 'name', direction: 'asc' } });
    expect(cohorts.items.map((c) => [c.name, c.startups, c.trainees])).toEqual([
      ['Batch 1', 2, 0],
      ['Batch 2', 1, 0],
      ['Evening', 0, 2],
      ['Weekend', 0, 1],
    ]);
  });

  it('refuses to delete a programme with cohorts or a cohort with members, and says what to do', async () => {
    const p = await h.manager.call('programmes.create', { kind: 'incubation', name: 'P' });
    const c = await h.manager.call('cohorts.create', { programmeId: p.id, name: 'Batch 1' });
    const s = await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech', cohortId: c.id });
    const before = { programmes: counts(h.core, 'programmes'), cohorts: counts(h.core, 'cohorts') };

    const hasCohorts = await failure(h.manager.call('programmes.delete', { id: p.id }));
    expect(hasCohorts).toMatchObject({ code: 'conflict', existing: { entity: 'cohorts', id: c.id, label: 'Batch 1' } });
    expect(hasCohorts.message).toMatch(/1 cohort \(Batch 1\).*delete them or move them/);
    const hasMembers = await failure(h.manager.call('cohorts.delete', { id: c.id }));
    expect(hasMembers.code).toBe('conflict');
    expect(hasMembers.message).toMatch(/1 startup; move them to another cohort or remove them/);
    expect({ programmes: counts(h.core, 'programmes'), cohorts: counts(h.core, 'cohorts') }).toEqual(before);

    await h.manager.call('startups.update', { id: s.id, patch: { cohortId: null } });
    await h.manager.call('cohorts.delete', { id: c.id });
    await h.manager.call('programmes.delete', { id: p.id });
    expect((await h.manager.call('programmes.list', {})).total).toBe(0);
  });

  it('refuses to delete a cohort with live enrolments', async () => {
    const p = await h.manager.call('programmes.create', { kind: 'training', name: 'T' });
    const c = await h.manager.call('cohorts.create', { programmeId: p.id, name: 'Evening' });
    enrol('Ayesha Khan', [c.id]);
    const err = await failure(h.manager.call('cohorts.delete', { id: c.id }));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/1 enrolment/);
  });
});
