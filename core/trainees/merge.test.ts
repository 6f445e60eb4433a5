import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startCore, type Harness } from '../testing/harness.js';

const NOW = new Date('2026-07-31T09:00:00Z');
let h: Harness;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
});
afterEach(() => h.close());

describe('trainees.merge', () => {
  it('moves enrolments, certifications and placements to the kept record, fills its empty fields and tombstones the other, in history', async () => {
    const m = h.manager;
    const programme = await m.call('programmes.create', { kind: 'training', name: 'DigiSkills' });
    const batch1 = await m.call('cohorts.create', { programmeId: programme.id, name: 'Batch 1' });
    const batch2 = await m.call('cohorts.create', { programmeId: programme.id, name: 'Batch 2' });
    const keep = await m.call('trainees.create', { name: 'Ali Khan', email: 'ali@example.pk', city: 'Lahore' });
    const other = await m.call('trainees.create', { name: 'Ali Raza Khan', cnic: '35202-1234567-1', phone: '0300-1234567', city: 'Karachi', skills: ['python'] });
    const kept1 = await m.call('enrolments.create', { traineeId: keep.id, cohortId: batch1.id });
    const dup1 = await m.call('enrolments.create', { traineeId: other.id, cohortId: batch1.id, status: 'completed', score: 71 });
    const moved2 = await m.call('enrolments.create', { traineeId: other.id, cohortId: batch2.id });
    const cert = await m.call('certifications.create', { traineeId: other.id, title: 'Freelancing', issuedOn: '2026-06-01', certificateNo: 'DS-1' });
    const job = await m.call('placements.create', { traineeId: other.id, kind: 'freelance', employer: 'Upwork', startedOn: '2026-07-01' });

    const merged = await m.call('trainees.merge', { keepId: keep.id, mergeId: other.id, take: ['name'] });
    expect(merged.moved).toEqual({ enrolments: 1, certifications: 1, placements: 1 });
    expect(merged.trainee).toMatchObject({ id: keep.id, name: 'Ali Raza Khan', city: 'Lahore', email: 'ali@example.pk', cnic: '3****-*******-1', skills: ['python'] });

    expect(await failure(m.call('trainees.get', { id: other.id }))).toMatchObject({ code: 'not-found' });
    const enrolments = await m.call('enrolments.list', { filter: { traineeId: keep.id } });
    expect(enrolments.items.map((e) => e.id).sort()).toEqual([kept1.id, moved2.id].sort());
    expect(enrolments.items.find((e) => e.id === kept1.id)).toMatchObject({ score: 71, status: 'completed' });
    expect(await failure(m.call('enrolments.get', { id: dup1.id }))).toMatchObject({ code: 'not-found' });
    expect(await m.call('certifications.get', { id: cert.id })).toMatchObject({ traineeId: keep.id });
    expect(await m.call('placements.get', { id: job.id })).toMatchObject({ traineeId: keep.id });
    // The CNIC moved with the merge: it belongs to the kept trainee now.
    expect(h.core.db.prepare('SELECT cnic FROM trainees WHERE id = ?').get(keep.id)).toEqual({ cnic: '35202-1234567-1' });

    const history = await m.call('history.list', { table: 'trainees', rowId: keep.id });
    expect(history.map((e) => e.column)).toEqual(expect.arrayContaining(['name', 'cnic', 'phone', 'skills']));
    expect((await m.call('history.list', { table: 'trainees', rowId: other.id })).map((e) => e.column)).toContain('deleted');
    expect((await m.call('audit.list', {})).items[0]).toMatchObject({ action: 'trainees.merged', entityId: keep.id });
  });

  it('refuses merging a trainee with itself or with one that does not exist, and roles that may not write', async () => {
    const a = await h.manager.call('trainees.create', { name: 'Sana' });
    expect(await failure(h.manager.call('trainees.merge', { keepId: a.id, mergeId: a.id }))).toMatchObject({ code: 'invalid', issues: [{ path: ['mergeId'] }] });
    expect(await failure(h.manager.call('trainees.merge', { keepId: a.id, mergeId: '0190a0a0-0000-7000-8000-000000000000' }))).toMatchObject({ code: 'not-found' });
    const viewer = await h.as('viewer');
    const b = await h.manager.call('trainees.create', { name: 'Sana B' });
    expect((await failure(viewer.call('trainees.merge', { keepId: a.id, mergeId: b.id }))).code).toBe('forbidden');
  });
});
