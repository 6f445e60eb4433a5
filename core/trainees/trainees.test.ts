import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import type { ApiError } from '../../shared/api/errors.js';
import type { InputOf } from '../../shared/api/index.js';
import { cohortsTable } from '../../shared/records/programmes.js';
import { counts, failure, startCore, type Harness } from '../testing/harness.js';

const NOW = new Date('2026-07-15T10:00:00Z');
const UNKNOWN = '0190a0a0-0000-7000-8000-000000000000';

let h: Harness;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
});
afterEach(() => h.close());

/** The distinct field paths of an invalid-input error. */
function paths(err: ApiError): string[] {
  expect(err.code).toBe('invalid');
  return err.code === 'invalid' ? [...new Set(err.issues.map((i) => i.path.join('.')))].sort() : [];
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();

function stored(id: string): Record<string, unknown> {
  return h.core.db.prepare('SELECT cnic, phone, email, name FROM trainees WHERE id = ?').get(id) as Record<string, unknown>;
}

const ALI: InputOf<'trainees.create'> = {
  name: 'Ali  Raza',
  cnic: '42101-1234567-1',
  email: 'Ali.Raza@Example.pk',
  phone: '0300-1234567',
  gender: 'male',
  city: 'Karachi',
  district: 'Karachi South',
  dateOfBirth: '2000-02-29',
  skills: ['Python', 'React'],
  consent: true,
};

describe('trainees', () => {
  it('creates, reads, updates, lists and tombstones a trainee, writing outbox ops', async () => {
    const ali = await h.manager.call('trainees.create', ALI);
    expect(ali).toMatchObject({
      name: 'Ali Raza',
      email: 'ali.raza@example.pk',
      gender: 'male',
      skills: ['python', 'react'],
      consent: true,
      deleted: false,
    });
    expect(ali.centreId).toBeTruthy();
    const ops = h.core.db.prepare('SELECT col FROM outbox WHERE row_id = ?').all(ali.id) as { col: string }[];
    expect(ops.map((o) => o.col)).toEqual(expect.arrayContaining(['name', 'cnic', 'phone', 'skills', 'centre_id', 'deleted']));
    // Stored normalised and in clear; only what the API returns is masked.
    expect(stored(ali.id)).toMatchObject({ cnic: '42101-1234567-1', phone: '+923001234567' });

    const defaults = await h.manager.call('trainees.create', { name: 'Sana' });
    expect(defaults).toMatchObject({ skills: [], consent: false, cnic: null, phone: null, dateOfBirth: null });

    const updated = await h.manager.call('trainees.update', { id: ali.id, patch: { city: 'Lahore', skills: ['SQL'] } });
    expect(updated).toMatchObject({ city: 'Lahore', skills: ['sql'], name: 'Ali Raza' });
    expect((await h.manager.call('trainees.get', { id: ali.id })).city).toBe('Lahore');
    expect((await h.manager.call('trainees.list', {})).total).toBe(2);

    await h.manager.call('trainees.delete', { id: ali.id });
    expect(ids(await h.manager.call('trainees.list', {}))).toEqual([defaults.id]);
    expect(ids(await h.manager.call('trainees.list', { search: 'ali' }))).toEqual([]);
    expect((await failure(h.manager.call('trainees.get', { id: ali.id }))).code).toBe('not-found');
    expect((await failure(h.manager.call('trainees.update', { id: ali.id, patch: { name: 'X' } }))).code).toBe('not-found');
  });

  it('refuses bad fields with their exact paths and writes nothing', async () => {
    const before = counts(h.core, 'trainees');
    const err = await failure(
      h.manager.call('trainees.create', {
        name: '  ',
        cnic: '12345-123456-1',
        email: 'not-an-email',
        phone: '12',
        gender: 'unknown' as never,
        dateOfBirth: '2000-02-30',
        skills: [''],
        consent: 'yes' as never,
      }),
    );
    expect(paths(err)).toEqual(['cnic', 'consent', 'dateOfBirth', 'email', 'gender', 'name', 'phone', 'skills.0']);
    expect(counts(h.core, 'trainees')).toEqual(before);

    const unknownField = await failure(h.manager.call('trainees.create', { name: 'X', colour: 'red' } as never));
    expect(unknownField.code).toBe('invalid');
    const ali = await h.manager.call('trainees.create', ALI);
    const onUpdate = await failure(h.manager.call('trainees.update', { id: ali.id, patch: { email: 'nope', phone: '12' } }));
    expect(paths(onUpdate)).toEqual(['patch.email', 'patch.phone']);
    expect(paths(await failure(h.manager.call('trainees.update', { id: 'not-an-id', patch: {} })))).toEqual(['id']);
    expect((await failure(h.manager.call('trainees.update', { id: UNKNOWN, patch: { name: 'X' } }))).code).toBe('not-found');
    expect((await failure(h.manager.call('trainees.delete', { id: UNKNOWN }))).code).toBe('not-found');
    expect(paths(await failure(h.manager.call('trainees.list', { filter: { colour: 'red' } as never })))).toEqual(['filter']);
    expect(paths(await failure(h.manager.call('trainees.list', { sort: { field: 'cnic' as never, direction: 'asc' } })))).toEqual(
      ['sort.field'],
    );
  });

  it('refuses a date of birth in the future or of someone younger than 14', async () => {
    const before = counts(h.core, 'trainees');
    const future = await failure(h.manager.call('trainees.create', { name: 'X', dateOfBirth: '2026-07-16' }));
    expect(future).toMatchObject({
      code: 'invalid',
      issues: [{ path: ['dateOfBirth'], message: expect.stringMatching(/future/) }],
    });
    // 14 tomorrow: too young today.
    const young = await failure(h.manager.call('trainees.create', { name: 'X', dateOfBirth: '2012-07-16' }));
    expect(young).toMatchObject({ issues: [{ path: ['dateOfBirth'], message: expect.stringMatching(/at least 14/) }] });
    expect(counts(h.core, 'trainees')).toEqual(before);
    // 14 today: old enough.
    const t = await h.manager.call('trainees.create', { name: 'Hina', dateOfBirth: '2012-07-15' });
    const onUpdate = await failure(h.manager.call('trainees.update', { id: t.id, patch: { dateOfBirth: '2013-01-01' } }));
    expect(onUpdate).toMatchObject({ issues: [{ path: ['patch', 'dateOfBirth'] }] });
    expect((await h.manager.call('trainees.get', { id: t.id })).dateOfBirth).toBe('2012-07-15');
  });

  it('keeps CNIC and email unique among live trainees, naming the trainee who has them', async () => {
    const ali = await h.manager.call('trainees.create', ALI);
    const before = counts(h.core, 'trainees');
    for (const cnic of ['42101-1234567-1', '4210112345671', ' 42101 1234567 1 ']) {
      const dup = await failure(h.manager.call('trainees.create', { name: 'A. Raza', cnic }));
      expect(dup).toMatchObject({
        code: 'conflict',
        field: 'cnic',
        existing: { entity: 'trainees', id: ali.id, label: 'Ali Raza (Karachi)' },
      });
      expect(dup.message).toContain('Ali Raza');
    }
    const byEmail = await failure(h.manager.call('trainees.create', { name: 'A. Raza', email: ' ALI.RAZA@example.pk' }));
    expect(byEmail).toMatchObject({ code: 'conflict', field: 'email', existing: { id: ali.id } });
    // CNIC is checked first: a record clashing on both is reported for the CNIC.
    const both = await failure(h.manager.call('trainees.create', { name: 'A', cnic: ALI.cnic!, email: ALI.email! }));
    expect(both).toMatchObject({ code: 'conflict', field: 'cnic' });
    expect(counts(h.core, 'trainees')).toEqual(before);

    const other = await h.manager.call('trainees.create', { name: 'Bilal Khan', cnic: '35202-7654321-3' });
    const onUpdate = await failure(h.manager.call('trainees.update', { id: other.id, patch: { cnic: '4210112345671' } }));
    expect(onUpdate).toMatchObject({ code: 'conflict', field: 'patch.cnic', existing: { id: ali.id } });
    // Saving a trainee with their own CNIC is no clash; a deleted trainee's CNIC is free.
    await h.manager.call('trainees.update', { id: ali.id, patch: { cnic: '4210112345671', district: 'Saddar' } });
    await h.manager.call('trainees.delete', { id: ali.id });
    await h.manager.call('trainees.update', { id: other.id, patch: { cnic: '42101-1234567-1' } });
  });

  it('masks CNIC and phone for every role; a masked value sent back does not overwrite the stored one', async () => {
    const ali = await h.manager.call('trainees.create', ALI);
    expect(ali).toMatchObject({ cnic: '4****-*******-1', phone: '+92300*****67' });
    for (const client of [h.manager, await h.as('staff'), await h.as('mentor'), await h.as('viewer')]) {
      expect(await client.call('trainees.get', { id: ali.id })).toMatchObject({
        cnic: '4****-*******-1',
        phone: '+92300*****67',
      });
      const listed = (await client.call('trainees.list', {})).items[0];
      expect(listed).toMatchObject({ cnic: '4****-*******-1', phone: '+92300*****67' });
    }
    // A form sends back what it was given: the masked values are ignored, the rest saved.
    const opsBefore = counts(h.core, 'trainees').ops;
    const updated = await h.manager.call('trainees.update', {
      id: ali.id,
      patch: { cnic: '4****-*******-1', phone: '+92300*****67', district: 'Clifton' },
    });
    expect(updated).toMatchObject({ cnic: '4****-*******-1', phone: '+92300*****67', district: 'Clifton' });
    expect(stored(ali.id)).toMatchObject({ cnic: '42101-1234567-1', phone: '+923001234567' });
    const cols = h.core.db.prepare('SELECT col FROM outbox WHERE row_id = ? ORDER BY seq').all(ali.id) as { col: string }[];
    expect(
      cols
        .slice(-2)
        .map((c) => c.col)
        .sort(),
    ).toEqual(['district', 'updated_at']);
    expect(counts(h.core, 'trainees').ops).toBe(opsBefore + 2);
    // A masked value that is not the mask of the stored one would store asterisks: refused.
    const other = await failure(h.manager.call('trainees.update', { id: ali.id, patch: { cnic: '3****-*******-9' } }));
    expect(paths(other)).toEqual(['patch.cnic']);
    expect(paths(await failure(h.manager.call('trainees.create', { name: 'X', phone: '+92300*****67' })))).toEqual(['phone']);
    // A real new value replaces the stored one.
    const changed = await h.manager.call('trainees.update', { id: ali.id, patch: { phone: '0321 7654321' } });
    expect(changed.phone).toBe('+92321*****21');
    expect(stored(ali.id)).toMatchObject({ phone: '+923217654321' });
  });

  it('lets office roles write trainees; mentors and viewers only read them', async () => {
    const staff = await h.as('staff');
    const t = await staff.call('trainees.create', { name: 'Sana Iqbal' });
    await staff.call('trainees.update', { id: t.id, patch: { city: 'Quetta' } });
    for (const role of ['mentor', 'viewer'] as const) {
      const client = await h.as(role);
      const before = counts(h.core, 'trainees');
      expect((await failure(client.call('trainees.create', { name: 'X' }))).code).toBe('forbidden');
      expect((await failure(client.call('trainees.update', { id: t.id, patch: { name: 'X' } }))).code).toBe('forbidden');
      expect((await failure(client.call('trainees.delete', { id: t.id }))).code).toBe('forbidden');
      expect(counts(h.core, 'trainees')).toEqual(before);
      expect((await client.call('trainees.list', {})).total).toBe(1);
      expect((await client.call('trainees.get', { id: t.id })).name).toBe('Sana Iqbal');
    }
    expect((await failure(h.anonymous().call('trainees.list', {}))).code).toBe('unauthenticated');
  });
});

describe('trainee search and filters', () => {
  async function setup(client: ApiClient) {
    const training = await client.call('programmes.create', { kind: 'training', name: 'DigiSkills' });
    const other = await client.call('programmes.create', { kind: 'training', name: 'Freelance Pro' });
    const c1 = await client.call('cohorts.create', { programmeId: training.id, name: 'Batch 1' });
    const c2 = await client.call('cohorts.create', { programmeId: training.id, name: 'Batch 2' });
    const c3 = await client.call('cohorts.create', { programmeId: other.id, name: 'FP 1' });
    const ali = await client.call('trainees.create', {
      name: 'Ali Raza',
      city: 'Karachi',
      gender: 'male',
      skills: ['Python', 'Data Science'],
    });
    const alina = await client.call('trainees.create', {
      name: 'Alina Shah',
      city: 'Lahore',
      gender: 'female',
      skills: ['React'],
    });
    const karim = await client.call('trainees.create', {
      name: 'Karim Ali',
      city: 'karachi',
      gender: 'male',
      skills: ['Big Data', 'Science Writing'],
    });
    const sana = await client.call('trainees.create', {
      name: 'Sana Karachiwala',
      city: 'Islamabad',
      gender: 'female',
      skills: ['c++'],
    });
    // ali: completed Batch 1, enrolled in FP 1. alina: dropped Batch 2. karim: enrolled Batch 1.
    await client.call('enrolments.create', { traineeId: ali.id, cohortId: c1.id, status: 'completed' });
    await client.call('enrolments.create', { traineeId: ali.id, cohortId: c3.id });
    await client.call('enrolments.create', { traineeId: alina.id, cohortId: c2.id, status: 'dropped' });
    await client.call('enrolments.create', { traineeId: karim.id, cohortId: c1.id });
    await client.call('certifications.create', { traineeId: ali.id, title: 'Python Developer', issuedOn: '2026-06-30' });
    const cert = await client.call('certifications.create', { traineeId: karim.id, title: 'Writing', issuedOn: '2026-06-30' });
    // A deleted certification does not make its trainee certified.
    await client.call('certifications.delete', { id: cert.id });
    return { training, other, c1, c2, c3, ali, alina, karim, sana };
  }

  it('finds by prefix across name and city, every word required', async () => {
    const { ali, alina, karim, sana } = await setup(h.manager);
    const search = async (text: string) => ids(await h.manager.call('trainees.list', { search: text }));
    expect(await search('ali karachi')).toEqual([ali.id, karim.id].sort());
    expect(await search('ali kar')).toEqual([ali.id, karim.id].sort());
    expect(await search('ali raza karachi')).toEqual([ali.id]);
    expect(await search('ali')).toEqual([ali.id, alina.id, karim.id].sort());
    expect(await search('karachiwala')).toEqual([sana.id]);
    expect(await search('python')).toEqual([ali.id]);
    expect(await search('ali lahore')).toEqual([alina.id]);
    expect(await search('zzz')).toEqual([]);
    // FTS5 operators in input are inert.
    expect(await search('ali OR "sana" NEAR(*')).toEqual([]);
    expect(await search('ali -kar')).toEqual([ali.id, karim.id].sort());
  });

  it('filters by programme, cohort, enrolment status, skill, city, gender and certification', async () => {
    const { training, other, c1, c2, c3, ali, alina, karim, sana } = await setup(h.manager);
    const list = async (filter: InputOf<'trainees.list'>['filter']) => ids(await h.manager.call('trainees.list', { filter }));
    expect(await list({ programmeId: training.id })).toEqual([ali.id, alina.id, karim.id].sort());
    expect(await list({ programmeId: other.id })).toEqual([ali.id]);
    expect(await list({ cohortId: c1.id })).toEqual([ali.id, karim.id].sort());
    expect(await list({ cohortId: c2.id })).toEqual([alina.id]);
    expect(await list({ status: 'completed' })).toEqual([ali.id]);
    expect(await list({ status: 'enrolled' })).toEqual([ali.id, karim.id].sort());
    // Status and cohort describe the same enrolment: Ali completed Batch 1, not FP 1.
    expect(await list({ cohortId: c1.id, status: 'completed' })).toEqual([ali.id]);
    expect(await list({ cohortId: c3.id, status: 'completed' })).toEqual([]);
    expect(await list({ programmeId: other.id, status: 'enrolled' })).toEqual([ali.id]);
    expect(await list({ programmeId: training.id, status: 'dropped' })).toEqual([alina.id]);
    // Skills are exact tags: "data science" is not "big data" + "science writing".
    expect(await list({ skill: 'Data Science' })).toEqual([ali.id]);
    expect(await list({ skill: 'python' })).toEqual([ali.id]);
    expect(await list({ skill: 'data' })).toEqual([]);
    expect(await list({ skill: 'C++' })).toEqual([sana.id]);
    expect(await list({ skill: '++' })).toEqual([]);
    expect(await list({ city: 'KARACHI' })).toEqual([ali.id, karim.id].sort());
    expect(await list({ city: ' lahore ' })).toEqual([alina.id]);
    expect(await list({ gender: 'female' })).toEqual([alina.id, sana.id].sort());
    expect(await list({ certified: true })).toEqual([ali.id]);
    expect(await list({ certified: false })).toEqual([alina.id, karim.id, sana.id].sort());
    expect(await list({ certified: false, city: 'karachi', gender: 'male' })).toEqual([karim.id]);
    const found = await h.manager.call('trainees.list', { search: 'ali', filter: { cohortId: c1.id, gender: 'male' } });
    expect(ids(found)).toEqual([ali.id, karim.id].sort());
    expect(found.total).toBe(2);

    // A deleted enrolment no longer places a trainee in its cohort.
    const enrolment = (await h.manager.call('enrolments.list', { filter: { traineeId: karim.id } })).items[0]!;
    await h.manager.call('enrolments.delete', { id: enrolment.id });
    expect(await list({ cohortId: c1.id })).toEqual([ali.id]);
    // Nor does a cohort deleted elsewhere (a tombstone that came by sync, with enrolments
    // still pointing at it: core itself refuses to delete a cohort with enrolments).
    h.core.db.transaction(() => h.core.rows.tombstone(cohortsTable, c3.id, { userId: null }))();
    expect(await list({ programmeId: other.id })).toEqual([]);
  });

  it('sorts by name and city and pages through the results', async () => {
    await setup(h.manager);
    const byName = await h.manager.call('trainees.list', { sort: { field: 'name', direction: 'asc' } });
    expect(byName.items.map((t) => t.name)).toEqual(['Ali Raza', 'Alina Shah', 'Karim Ali', 'Sana Karachiwala']);
    const byCity = await h.manager.call('trainees.list', { sort: { field: 'city', direction: 'desc' }, limit: 2, offset: 1 });
    expect(byCity).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(byCity.items.map((t) => t.city?.toLowerCase())).toEqual(['karachi', 'karachi']);
    const newest = await h.manager.call('trainees.list', { sort: { field: 'createdAt', direction: 'desc' }, limit: 1 });
    expect(newest.items).toHaveLength(1);
    const updated = await h.manager.call('trainees.list', { sort: { field: 'updatedAt', direction: 'asc' } });
    expect(updated.total).toBe(4);
  });
});
