import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors.js';
import { mentorsTable } from '../../shared/records/mentors.js';
import { counts, failure, startCore, type Harness } from '../testing/harness.js';

const NOW = new Date('2026-07-15T10:00:00Z');
const UNKNOWN = '0190a0a0-0000-7000-8000-000000000000';

let h: Harness;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
});
afterEach(() => h.close());

/** The distinct field paths of an invalid-input error (one field may break two rules). */
function paths(err: ApiError): string[] {
  expect(err.code).toBe('invalid');
  return err.code === 'invalid' ? [...new Set(err.issues.map((i) => i.path.join('.')))].sort() : [];
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();

describe('mentors', () => {
  it('creates, updates, searches, filters and deletes mentors, writing outbox ops', async () => {
    const sana = await h.manager.call('mentors.create', {
      name: 'Sana Mir',
      organisation: 'Careem',
      expertise: ['Fintech', 'Payments'],
      city: 'Karachi',
      email: 'Sana@Example.pk',
      phone: '0300-1234567',
    });
    expect(sana).toMatchObject({
      email: 'sana@example.pk',
      phone: '+92300*****67',
      expertise: ['fintech', 'payments'],
      country: 'Pakistan',
      timeZone: 'Asia/Karachi',
    });
    const ops = h.core.db.prepare('SELECT col FROM outbox WHERE row_id = ?').all(sana.id) as { col: string }[];
    expect(ops.map((o) => o.col)).toEqual(expect.arrayContaining(['name', 'email', 'phone', 'expertise', 'centre_id']));

    const omar = await h.manager.call('mentors.create', {
      name: 'Omar Farooq',
      organisation: 'Rozee',
      expertise: ['hiring'],
      city: 'London',
      country: 'United Kingdom',
      timeZone: 'Europe/London',
    });
    let national = '';
    h.core.db.transaction(() => {
      national = h.core.rows.insert<{ id: string }>(
        mentorsTable,
        { name: 'Zara Ahmed', expertise: ['agritech'], city: 'Lahore', country: 'Pakistan', timeZone: 'Asia/Karachi' },
        { userId: null, centreId: null },
      ).id;
    })();

    expect(ids(await h.manager.call('mentors.list', { search: 'careem' }))).toEqual([sana.id]);
    expect(ids(await h.manager.call('mentors.list', { search: 'kara' }))).toEqual([sana.id]);
    expect(ids(await h.manager.call('mentors.list', { filter: { city: 'LONDON' } }))).toEqual([omar.id]);
    expect(ids(await h.manager.call('mentors.list', { filter: { country: 'pakistan' } }))).toEqual([sana.id, national].sort());
    expect(ids(await h.manager.call('mentors.list', { filter: { expertise: 'FinTech' } }))).toEqual([sana.id]);
    expect(ids(await h.manager.call('mentors.list', { filter: { national: true } }))).toEqual([national]);
    expect(ids(await h.manager.call('mentors.list', { filter: { national: false } }))).toEqual([sana.id, omar.id].sort());
    const sorted = await h.manager.call('mentors.list', { sort: { field: 'city', direction: 'asc' } });
    expect(sorted.items.map((m) => m.city)).toEqual(['Karachi', 'Lahore', 'London']);

    const moved = await h.manager.call('mentors.update', { id: omar.id, patch: { city: 'Islamabad', country: 'Pakistan' } });
    expect(moved).toMatchObject({ city: 'Islamabad', country: 'Pakistan' });
    expect(ids(await h.manager.call('mentors.list', { search: 'islamabad' }))).toEqual([omar.id]);

    await h.manager.call('mentors.delete', { id: omar.id });
    expect(ids(await h.manager.call('mentors.list', { search: 'omar' }))).toEqual([]);
    expect((await failure(h.manager.call('mentors.get', { id: omar.id }))).code).toBe('not-found');
  });

  it('masks phones for every role; a masked value sent back does not overwrite the number', async () => {
    const m = await h.manager.call('mentors.create', { name: 'Sana Mir', phone: '0300-1234567' });
    expect((await h.manager.call('mentors.get', { id: m.id })).phone).toBe('+92300*****67');
    const staff = await h.as('staff');
    expect((await staff.call('mentors.list', {})).items[0]?.phone).toBe('+92300*****67');
    // A form sends back what it was given: the masked value must be ignored, not parsed.
    const updated = await staff.call('mentors.update', { id: m.id, patch: { availability: 'Fridays', phone: '+92300*****67' } });
    expect(updated.phone).toBe('+92300*****67');
    const stored = h.core.db.prepare('SELECT phone FROM mentors WHERE id = ?').get(m.id);
    expect(stored).toEqual({ phone: '+923001234567' });
  });

  it('keeps emails unique among live mentors, naming the mentor who has it', async () => {
    const sana = await h.manager.call('mentors.create', { name: 'Sana Mir', organisation: 'Careem', email: 'sana@example.pk' });
    const before = counts(h.core, 'mentors');
    const dup = await failure(h.manager.call('mentors.create', { name: 'S. Mir', email: ' SANA@example.pk ' }));
    expect(dup).toMatchObject({
      code: 'conflict',
      field: 'email',
      existing: { entity: 'mentors', id: sana.id, label: 'Sana Mir (Careem)' },
    });
    expect(dup.message).toContain('Sana Mir');
    expect(counts(h.core, 'mentors')).toEqual(before);

    const other = await h.manager.call('mentors.create', { name: 'Omar Farooq', email: 'omar@example.pk' });
    const onUpdate = await failure(h.manager.call('mentors.update', { id: other.id, patch: { email: 'sana@example.pk' } }));
    expect(onUpdate).toMatchObject({ code: 'conflict', field: 'patch.email' });
    // Saving a mentor with their own email is not a clash; a deleted mentor's email is free.
    await h.manager.call('mentors.update', { id: sana.id, patch: { email: 'sana@example.pk', city: 'Karachi' } });
    await h.manager.call('mentors.delete', { id: sana.id });
    await h.manager.call('mentors.update', { id: other.id, patch: { email: 'sana@example.pk' } });
  });

  it('refuses bad fields with their paths and unknown ids', async () => {
    const before = counts(h.core, 'mentors');
    const err = await failure(
      h.manager.call('mentors.create', {
        name: '',
        email: 'not-an-email',
        phone: '12',
        timeZone: 'Mars/Olympus',
        expertise: [''],
      }),
    );
    expect(paths(err)).toEqual(['email', 'expertise.0', 'name', 'phone', 'timeZone']);
    expect(counts(h.core, 'mentors')).toEqual(before);
    expect((await failure(h.manager.call('mentors.update', { id: UNKNOWN, patch: { name: 'X' } }))).code).toBe('not-found');
    expect(paths(await failure(h.manager.call('mentors.list', { filter: { colour: 'red' } as never })))).toEqual(['filter']);
  });

  it('lets office roles write the directory; mentors and viewers only read it', async () => {
    const staff = await h.as('staff');
    const m = await staff.call('mentors.create', { name: 'Sana Mir' });
    for (const role of ['mentor', 'viewer'] as const) {
      const client = await h.as(role);
      expect((await failure(client.call('mentors.create', { name: 'X' }))).code).toBe('forbidden');
      expect((await failure(client.call('mentors.update', { id: m.id, patch: { name: 'X' } }))).code).toBe('forbidden');
      expect((await failure(client.call('mentors.delete', { id: m.id }))).code).toBe('forbidden');
      expect((await client.call('mentors.list', {})).total).toBe(1);
    }
  });

  it('refuses changes to national mentors from a centre workstation', async () => {
    let id = '';
    h.core.db.transaction(() => {
      id = h.core.rows.insert<{ id: string }>(
        mentorsTable,
        { name: 'Zara Ahmed', expertise: [], country: 'Pakistan', timeZone: 'Asia/Karachi' },
        { userId: null, centreId: null },
      ).id;
    })();
    const before = counts(h.core, 'mentors');
    expect((await failure(h.manager.call('mentors.update', { id, patch: { city: 'Quetta' } }))).code).toBe('forbidden');
    expect((await failure(h.manager.call('mentors.delete', { id }))).code).toBe('forbidden');
    expect(counts(h.core, 'mentors')).toEqual(before);
  });
});

describe('mentor assignments', () => {
  async function mentorAndStartup() {
    const mentor = await h.manager.call('mentors.create', { name: 'Sana Mir' });
    const startup = await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech' });
    return { mentorId: mentor.id, startupId: startup.id };
  }

  it('assigns, lists active ones and ends an assignment', async () => {
    const pair = await mentorAndStartup();
    const past = await h.manager.call('assignments.create', { ...pair, fromDate: '2026-01-01', toDate: '2026-03-31' });
    const current = await h.manager.call('assignments.create', { ...pair, fromDate: '2026-04-01' });
    const other = await h.manager.call('mentors.create', { name: 'Omar Farooq' });
    const endsToday = await h.manager.call('assignments.create', {
      mentorId: other.id,
      startupId: pair.startupId,
      fromDate: '2026-05-01',
      toDate: '2026-07-15',
    });

    expect(ids(await h.manager.call('assignments.list', { filter: { active: true } }))).toEqual(
      [current.id, endsToday.id].sort(),
    );
    expect(ids(await h.manager.call('assignments.list', { filter: { active: false } }))).toEqual([past.id]);
    expect(ids(await h.manager.call('assignments.list', { filter: { mentorId: pair.mentorId } }))).toEqual(
      [past.id, current.id].sort(),
    );
    const byStartup = await h.manager.call('assignments.list', { filter: { startupId: pair.startupId } });
    expect(byStartup.items.map((a) => a.fromDate)).toEqual(['2026-05-01', '2026-04-01', '2026-01-01']);

    const ended = await h.manager.call('assignments.end', { id: current.id, toDate: '2026-07-14' });
    expect(ended).toMatchObject({ id: current.id, fromDate: '2026-04-01', toDate: '2026-07-14' });
    expect(ids(await h.manager.call('assignments.list', { filter: { active: true } }))).toEqual([endsToday.id]);
    const ops = h.core.db.prepare("SELECT count(*) AS n FROM outbox WHERE row_id = ? AND col = 'to_date'").get(current.id) as {
      n: number;
    };
    expect(ops.n).toBe(2);
  });

  it('refuses overlapping assignments of the same mentor to the same startup', async () => {
    const pair = await mentorAndStartup();
    const open = await h.manager.call('assignments.create', { ...pair, fromDate: '2026-04-01' });
    const before = counts(h.core, 'mentor_assignments');
    const clash = await failure(h.manager.call('assignments.create', { ...pair, fromDate: '2026-06-01', toDate: '2026-06-30' }));
    expect(clash).toMatchObject({ code: 'conflict', field: 'fromDate', existing: { entity: 'mentor_assignments', id: open.id } });
    expect(clash.message).toContain('2026-04-01 – ongoing');
    const earlier = await failure(
      h.manager.call('assignments.create', { ...pair, fromDate: '2026-01-01', toDate: '2026-04-01' }),
    );
    expect(earlier.code).toBe('conflict');
    expect(counts(h.core, 'mentor_assignments')).toEqual(before);

    // Back to back is not an overlap; nor is another startup.
    const before2 = await h.manager.call('assignments.create', { ...pair, fromDate: '2026-01-01', toDate: '2026-03-31' });
    const otherStartup = await h.manager.call('startups.create', { name: 'Agri Links', sector: 'agritech' });
    await h.manager.call('assignments.create', { mentorId: pair.mentorId, startupId: otherStartup.id, fromDate: '2026-05-01' });
    // Extending the earlier one into the open one is an overlap too.
    const extend = await failure(h.manager.call('assignments.update', { id: before2.id, patch: { toDate: '2026-04-15' } }));
    expect(extend).toMatchObject({ code: 'conflict', field: 'patch.fromDate' });
    // A deleted assignment no longer blocks.
    await h.manager.call('assignments.delete', { id: open.id });
    await h.manager.call('assignments.create', { ...pair, fromDate: '2026-06-01' });
  });

  it('refuses ends before starts, unknown ids and wrong roles', async () => {
    const pair = await mentorAndStartup();
    const before = counts(h.core, 'mentor_assignments');
    expect(
      paths(await failure(h.manager.call('assignments.create', { ...pair, fromDate: '2026-04-01', toDate: '2026-03-31' }))),
    ).toEqual(['toDate']);
    expect(
      paths(await failure(h.manager.call('assignments.create', { ...pair, mentorId: UNKNOWN, fromDate: '2026-04-01' }))),
    ).toEqual(['mentorId']);
    expect(
      paths(await failure(h.manager.call('assignments.create', { ...pair, startupId: UNKNOWN, fromDate: '2026-04-01' }))),
    ).toEqual(['startupId']);
    expect(paths(await failure(h.manager.call('assignments.create', { ...pair, fromDate: '1 April' })))).toEqual(['fromDate']);
    expect(counts(h.core, 'mentor_assignments')).toEqual(before);

    const a = await h.manager.call('assignments.create', { ...pair, fromDate: '2026-04-01' });
    expect(paths(await failure(h.manager.call('assignments.update', { id: a.id, patch: { toDate: '2026-03-01' } })))).toEqual([
      'patch.toDate',
    ]);
    const ended = await failure(h.manager.call('assignments.end', { id: a.id, toDate: '2026-03-31' }));
    expect(paths(ended)).toEqual(['toDate']);
    expect(ended.message).toContain('cannot end');
    expect((await failure(h.manager.call('assignments.end', { id: UNKNOWN, toDate: '2026-07-01' }))).code).toBe('not-found');

    const mentor = await h.as('mentor');
    expect((await failure(mentor.call('assignments.create', { ...pair, fromDate: '2026-08-01' }))).code).toBe('forbidden');
    expect((await failure(mentor.call('assignments.end', { id: a.id, toDate: '2026-08-01' }))).code).toBe('forbidden');
    expect((await mentor.call('assignments.list', {})).total).toBe(1);
  });
});
