import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import type { ApiError } from '../../shared/api/errors.js';
import { counts, failure, startCore, type Harness } from '../testing/harness.js';

const NOW = new Date('2026-07-15T10:00:00Z');
const UNKNOWN = '0190a0a0-0000-7000-8000-000000000000';

let h: Harness;
let mentorId: string;
let startupId: string;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
  mentorId = (await h.manager.call('mentors.create', { name: 'Sana Mir', email: 'sana@example.pk' })).id;
  startupId = (await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech' })).id;
});
afterEach(() => h.close());

/** The distinct field paths of an invalid-input error (one field may break two rules). */
function paths(err: ApiError): string[] {
  expect(err.code).toBe('invalid');
  return err.code === 'invalid' ? [...new Set(err.issues.map((i) => i.path.join('.')))].sort() : [];
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

/** A session's and its action items' rows and outbox ops: a failed write changes none. */
const snapshot = () => ({ sessions: counts(h.core, 'mentoring_sessions'), items: counts(h.core, 'action_items') });

async function userIdOf(client: ApiClient): Promise<{ id: string; email: string }> {
  const { user } = await client.call('auth.status', {});
  if (!user) throw new Error('not signed in');
  return user;
}

describe('recording sessions', () => {
  it('records a session with its action items in one go, computing minutes from the end time', async () => {
    const manager = await userIdOf(h.manager);
    const s = await h.manager.call('sessions.record', {
      mentorId,
      startupId,
      startsAt: '2026-07-10T14:00:00+05:00',
      endsAt: '2026-07-10T15:30:00+05:00',
      mode: 'online',
      topics: ['Pricing', 'pricing', 'Fundraising'],
      actionItems: [{ text: 'Send the pricing sheet', owner: 'Ali', dueOn: '2026-07-20' }, { text: 'Book a follow-up' }],
    });
    expect(s).toMatchObject({
      startsAt: '2026-07-10T09:00:00.000Z',
      minutes: 90,
      mode: 'online',
      topics: ['pricing', 'fundraising'],
      loggedBy: manager.id,
    });
    expect(s.actionItems.map((a) => [a.text, a.sessionId, a.done])).toEqual([
      ['Send the pricing sheet', s.id, false],
      ['Book a follow-up', s.id, false],
    ]);
    const sessionOps = h.core.db.prepare('SELECT col, value FROM outbox WHERE row_id = ?').all(s.id) as {
      col: string;
      value: string;
    }[];
    expect(sessionOps.find((o) => o.col === 'logged_by')?.value).toBe(JSON.stringify(manager.id));
    expect(sessionOps.filter((o) => o.col === 'logged_by')).toHaveLength(1);
    expect(counts(h.core, 'action_items').ops).toBeGreaterThan(0);
    expect((await h.manager.call('actionItems.list', { filter: { sessionId: s.id } })).total).toBe(2);

    // Minutes alone, and minutes with an end time that agrees, are fine too.
    expect(
      (await h.manager.call('sessions.record', { mentorId, startupId, startsAt: '2026-07-11T09:00:00Z', minutes: 45 })).minutes,
    ).toBe(45);
    const both = await h.manager.call('sessions.record', {
      mentorId,
      startupId,
      startsAt: '2026-07-12T09:00:00Z',
      endsAt: '2026-07-12T10:00:00Z',
      minutes: 60,
    });
    expect(both).toMatchObject({ minutes: 60, actionItems: [] });
  });

  it('refuses a session that ends before it starts, and missing or inconsistent lengths, writing nothing', async () => {
    const before = snapshot();
    const base = { mentorId, startupId, startsAt: '2026-07-10T09:00:00Z', actionItems: [{ text: 'Follow up' }] };
    const backwards = await failure(h.manager.call('sessions.record', { ...base, endsAt: '2026-07-10T08:30:00Z' }));
    expect(backwards).toMatchObject({
      code: 'invalid',
      issues: [{ path: ['endsAt'], message: 'A session cannot end before it starts' }],
    });
    const instant = await failure(h.manager.call('sessions.record', { ...base, endsAt: '2026-07-10T09:00:00Z' }));
    expect(instant).toMatchObject({ issues: [{ path: ['endsAt'], message: 'A session cannot end before it starts' }] });
    expect(paths(await failure(h.manager.call('sessions.record', base)))).toEqual(['minutes']);
    expect(
      paths(await failure(h.manager.call('sessions.record', { ...base, minutes: 30, endsAt: '2026-07-10T10:00:00Z' }))),
    ).toEqual(['endsAt']);
    expect(paths(await failure(h.manager.call('sessions.record', { ...base, endsAt: '2026-07-11T09:30:00Z' })))).toEqual([
      'endsAt',
    ]);
    expect(paths(await failure(h.manager.call('sessions.record', { ...base, minutes: 0 })))).toEqual(['minutes']);
    expect(
      paths(
        await failure(
          h.manager.call('sessions.record', {
            ...base,
            minutes: 30,
            mode: 'carrier pigeon' as never,
            startsAt: 'yesterday',
            topics: [''],
          }),
        ),
      ),
    ).toEqual(['mode', 'startsAt', 'topics.0']);
    // A bad action item refuses the whole call: the session is not written either.
    expect(
      paths(
        await failure(h.manager.call('sessions.record', { ...base, minutes: 30, actionItems: [{ text: 'ok' }, { text: ' ' }] })),
      ),
    ).toEqual(['actionItems.1.text']);
    expect(paths(await failure(h.manager.call('sessions.record', { ...base, minutes: 30, mentorId: UNKNOWN })))).toEqual([
      'mentorId',
    ]);
    expect(paths(await failure(h.manager.call('sessions.record', { ...base, minutes: 30, startupId: UNKNOWN })))).toEqual([
      'startupId',
    ]);
    expect(paths(await failure(h.manager.call('sessions.record', { ...base, minutes: 30, loggedBy: UNKNOWN } as never)))).toEqual(
      [''],
    );
    expect(snapshot()).toEqual(before);
  });

  it('sets loggedBy on create from the signed-in user, and keeps it on edits', async () => {
    const staff = await h.as('staff');
    const staffUser = await userIdOf(staff);
    const s = await staff.call('sessions.create', { mentorId, startupId, startsAt: '2026-07-10T09:00:00Z', minutes: 30 });
    expect(s.loggedBy).toBe(staffUser.id);
    const edited = await h.manager.call('sessions.update', { id: s.id, patch: { minutes: 40, notes: 'Went over time' } });
    expect(edited).toMatchObject({ minutes: 40, notes: 'Went over time', loggedBy: staffUser.id });
    expect(paths(await failure(h.manager.call('sessions.update', { id: s.id, patch: { loggedBy: null } as never })))).toEqual([
      'patch',
    ]);
    expect(paths(await failure(h.manager.call('sessions.update', { id: s.id, patch: { minutes: 2000 } })))).toEqual([
      'patch.minutes',
    ]);
    expect((await failure(h.manager.call('sessions.update', { id: UNKNOWN, patch: { minutes: 5 } }))).code).toBe('not-found');
  });

  it('lets a mentor log and edit only their own sessions', async () => {
    const mentorClient = await h.as('mentor');
    const me = await userIdOf(mentorClient);
    const mine = await h.manager.call('mentors.create', { name: 'Test Mentor', email: me.email.toUpperCase() });
    const before = snapshot();

    const notMine = await failure(
      mentorClient.call('sessions.record', { mentorId, startupId, startsAt: '2026-07-10T09:00:00Z', minutes: 30 }),
    );
    expect(notMine.code).toBe('forbidden');
    expect(snapshot()).toEqual(before);

    const own = await mentorClient.call('sessions.record', {
      mentorId: mine.id,
      startupId,
      startsAt: '2026-07-10T09:00:00Z',
      minutes: 30,
      actionItems: [{ text: 'Share deck' }],
    });
    expect(own.loggedBy).toBe(me.id);
    await mentorClient.call('sessions.update', { id: own.id, patch: { notes: 'Good progress' } });
    await mentorClient.call('actionItems.update', { id: own.actionItems[0]!.id, patch: { done: true } });
    // Handing their session to another mentor is not theirs to do.
    expect((await failure(mentorClient.call('sessions.update', { id: own.id, patch: { mentorId } }))).code).toBe('forbidden');

    const someoneElses = await h.manager.call('sessions.record', {
      mentorId,
      startupId,
      startsAt: '2026-07-11T09:00:00Z',
      minutes: 30,
      actionItems: [{ text: 'Hire a CFO' }],
    });
    expect((await failure(mentorClient.call('sessions.update', { id: someoneElses.id, patch: { notes: 'x' } }))).code).toBe(
      'forbidden',
    );
    // Nor may they take someone else's session over by making it theirs.
    expect(
      (await failure(mentorClient.call('sessions.update', { id: someoneElses.id, patch: { mentorId: mine.id } }))).code,
    ).toBe('forbidden');
    expect((await failure(mentorClient.call('sessions.delete', { id: someoneElses.id }))).code).toBe('forbidden');
    expect((await failure(mentorClient.call('actionItems.create', { sessionId: someoneElses.id, text: 'x' }))).code).toBe(
      'forbidden',
    );
    expect((await failure(mentorClient.call('actionItems.delete', { id: someoneElses.actionItems[0]!.id }))).code).toBe(
      'forbidden',
    );
    // Mentors read everything, and may not edit the directory.
    expect((await mentorClient.call('sessions.list', {})).total).toBe(2);
    expect((await failure(mentorClient.call('mentors.update', { id: mine.id, patch: { city: 'Lahore' } }))).code).toBe(
      'forbidden',
    );

    // Office roles may write anyone's sessions; viewers none.
    const staff = await h.as('staff');
    await staff.call('sessions.update', { id: own.id, patch: { mode: 'phone' } });
    const viewer = await h.as('viewer');
    expect(
      (await failure(viewer.call('sessions.record', { mentorId, startupId, startsAt: '2026-07-10T09:00:00Z', minutes: 30 })))
        .code,
    ).toBe('forbidden');
    expect((await failure(viewer.call('actionItems.update', { id: own.actionItems[0]!.id, patch: { done: false } }))).code).toBe(
      'forbidden',
    );
    expect((await viewer.call('sessions.list', {})).total).toBe(2);

    await mentorClient.call('sessions.delete', { id: own.id });
    expect((await h.manager.call('sessions.list', {})).total).toBe(1);
  });
});

describe('listing sessions and action items', () => {
  it('filters sessions by mentor, startup, mode, time range and upcoming, newest first', async () => {
    const other = await h.manager.call('mentors.create', { name: 'Omar Farooq' });
    const otherStartup = await h.manager.call('startups.create', { name: 'Agri Links', sector: 'agritech' });
    const at = (startsAt: string, extra: Record<string, unknown> = {}) =>
      h.manager.call('sessions.record', { mentorId, startupId, startsAt, minutes: 60, ...extra });
    const june = await at('2026-06-10T09:00:00Z', { mode: 'online' });
    const july = await at('2026-07-01T09:00:00Z');
    const soon = await at('2026-07-20T09:00:00Z', { mentorId: other.id });
    const later = await at('2026-08-01T09:00:00Z', { startupId: otherStartup.id, mode: 'phone' });

    expect(ids(await h.manager.call('sessions.list', {}))).toEqual([later.id, soon.id, july.id, june.id]);
    expect(ids(await h.manager.call('sessions.list', { sort: { field: 'startsAt', direction: 'asc' } }))).toEqual([
      june.id,
      july.id,
      soon.id,
      later.id,
    ]);
    expect(ids(await h.manager.call('sessions.list', { filter: { mentorId: other.id } }))).toEqual([soon.id]);
    expect(ids(await h.manager.call('sessions.list', { filter: { startupId: otherStartup.id } }))).toEqual([later.id]);
    expect(ids(await h.manager.call('sessions.list', { filter: { mode: 'in-person' } }))).toEqual([soon.id, july.id]);
    expect(ids(await h.manager.call('sessions.list', { filter: { upcoming: true } }))).toEqual([later.id, soon.id]);
    expect(ids(await h.manager.call('sessions.list', { filter: { upcoming: false } }))).toEqual([july.id, june.id]);
    // [from, to): a session starting exactly at `to` is outside.
    expect(
      ids(await h.manager.call('sessions.list', { filter: { from: '2026-06-10T09:00:00Z', to: '2026-07-20T09:00:00Z' } })),
    ).toEqual([july.id, june.id]);
    expect(paths(await failure(h.manager.call('sessions.list', { filter: { from: 'last week' } })))).toEqual(['filter.from']);
  });

  it('filters action items by session, done, overdue and startup, and deletes them with their session', async () => {
    const otherStartup = await h.manager.call('startups.create', { name: 'Agri Links', sector: 'agritech' });
    const first = await h.manager.call('sessions.record', {
      mentorId,
      startupId,
      startsAt: '2026-07-01T09:00:00Z',
      minutes: 60,
      actionItems: [
        { text: 'Overdue', dueOn: '2026-07-14' },
        { text: 'Due today', dueOn: '2026-07-15' },
        { text: 'Done late', dueOn: '2026-07-01', done: true },
        { text: 'Whenever' },
      ],
    });
    const second = await h.manager.call('sessions.record', {
      mentorId,
      startupId: otherStartup.id,
      startsAt: '2026-07-02T09:00:00Z',
      minutes: 60,
      actionItems: [{ text: 'Elsewhere', dueOn: '2026-07-02' }],
    });
    const text = async (filter: Record<string, unknown>) =>
      (await h.manager.call('actionItems.list', { filter, sort: { field: 'createdAt', direction: 'asc' } })).items
        .map((a) => a.text)
        .sort();

    expect(await text({ sessionId: first.id })).toEqual(['Done late', 'Due today', 'Overdue', 'Whenever']);
    expect(await text({ overdue: true })).toEqual(['Elsewhere', 'Overdue']);
    expect(await text({ overdue: false, sessionId: first.id })).toEqual(['Done late', 'Due today', 'Whenever']);
    expect(await text({ done: true })).toEqual(['Done late']);
    expect(await text({ startupId: otherStartup.id })).toEqual(['Elsewhere']);
    const byDue = await h.manager.call('actionItems.list', { filter: { sessionId: first.id } });
    expect(byDue.items.map((a) => a.text)).toEqual(['Done late', 'Overdue', 'Due today', 'Whenever']);

    const item = await h.manager.call('actionItems.create', { sessionId: second.id, text: 'Call the bank' });
    expect(item).toMatchObject({ done: false, owner: null, dueOn: null });
    expect(paths(await failure(h.manager.call('actionItems.create', { sessionId: UNKNOWN, text: 'x' })))).toEqual(['sessionId']);
    expect(paths(await failure(h.manager.call('actionItems.update', { id: item.id, patch: { dueOn: '2026-13-01' } })))).toEqual([
      'patch.dueOn',
    ]);
    expect((await failure(h.manager.call('actionItems.get', { id: UNKNOWN }))).code).toBe('not-found');

    await h.manager.call('sessions.delete', { id: second.id });
    expect(await text({ startupId: otherStartup.id })).toEqual([]);
    expect((await failure(h.manager.call('actionItems.get', { id: item.id }))).code).toBe('not-found');
    expect(await text({ sessionId: first.id })).toHaveLength(4);
  });
});

describe('the day an action item was done', () => {
  it('is today when ticked without one, kept when given, cleared when reopened, and refused when not done or in the future', async () => {
    const s = await h.manager.call('sessions.record', {
      mentorId,
      startupId,
      startsAt: '2026-07-01T09:00:00Z',
      minutes: 60,
      actionItems: [
        { text: 'Done at once', done: true },
        { text: 'Open' },
        { text: 'Done earlier', done: true, doneOn: '2026-07-03' },
      ],
    });
    const [atOnce, open, earlier] = s.actionItems;
    expect([atOnce!.doneOn, open!.doneOn, earlier!.doneOn]).toEqual(['2026-07-15', null, '2026-07-03']);

    expect(await h.manager.call('actionItems.update', { id: open!.id, patch: { done: true } })).toMatchObject({
      doneOn: '2026-07-15',
    });
    // Reopened: the day goes, without the caller sending it.
    expect(await h.manager.call('actionItems.update', { id: earlier!.id, patch: { done: false } })).toMatchObject({
      done: false,
      doneOn: null,
    });
    expect(
      paths(await failure(h.manager.call('actionItems.update', { id: earlier!.id, patch: { doneOn: '2026-07-10' } }))),
    ).toEqual(['patch.doneOn']);
    expect(
      paths(
        await failure(h.manager.call('actionItems.update', { id: earlier!.id, patch: { done: true, doneOn: '2026-07-16' } })),
      ),
    ).toEqual(['patch.doneOn']);
    expect(
      paths(await failure(h.manager.call('actionItems.create', { sessionId: s.id, text: 'x', doneOn: '2026-07-01' }))),
    ).toEqual(['doneOn']);
    // A merge of two workstations' edits may leave a day beside done = false: the item stays editable, and the day goes.
    h.core.db.prepare("UPDATE action_items SET done_on = '2026-07-04' WHERE id = ?").run(open!.id);
    await h.manager.call('actionItems.update', { id: open!.id, patch: { done: false } });
    h.core.db.prepare("UPDATE action_items SET done_on = '2026-07-04' WHERE id = ?").run(open!.id);
    expect(await h.manager.call('actionItems.update', { id: open!.id, patch: { text: 'Reworded' } })).toMatchObject({
      done: false,
      doneOn: null,
    });
    // A done item's day may be corrected.
    expect(await h.manager.call('actionItems.update', { id: atOnce!.id, patch: { doneOn: '2026-07-02' } })).toMatchObject({
      done: true,
      doneOn: '2026-07-02',
    });
  });
});

describe('mentor hours', () => {
  it('sums the minutes of live sessions starting in [from, to), to one decimal of an hour', async () => {
    const other = await h.manager.call('mentors.create', { name: 'Omar Farooq' });
    const rec = (startsAt: string, minutes: number, extra: Record<string, unknown> = {}) =>
      h.manager.call('sessions.record', { mentorId, startupId, startsAt, minutes, ...extra });
    await rec('2026-07-01T00:00:00Z', 90);
    await rec('2026-07-10T09:00:00Z', 45);
    await rec('2026-07-11T09:00:00Z', 120, { mentorId: other.id });
    await rec('2026-08-01T00:00:00Z', 60); // starts exactly at `to`: outside
    await rec('2026-06-30T23:59:00Z', 60); // before `from`: outside
    const deleted = await rec('2026-07-12T09:00:00Z', 600);
    await h.manager.call('sessions.delete', { id: deleted.id });

    const range = { from: '2026-07-01T00:00:00Z', to: '2026-08-01T00:00:00Z' };
    expect(await h.manager.call('sessions.hours', { ...range, mentorId })).toEqual({ sessions: 2, minutes: 135, hours: 2.3 });
    expect(await h.manager.call('sessions.hours', range)).toEqual({ sessions: 3, minutes: 255, hours: 4.3 });
    expect(await h.manager.call('sessions.hours', { ...range, mentorId: other.id, startupId })).toEqual({
      sessions: 1,
      minutes: 120,
      hours: 2,
    });
    expect(await h.manager.call('sessions.hours', { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' })).toEqual({
      sessions: 0,
      minutes: 0,
      hours: 0,
    });
    const viewer = await h.as('viewer');
    expect((await viewer.call('sessions.hours', { ...range, startupId })).sessions).toBe(3);

    expect(paths(await failure(h.manager.call('sessions.hours', { from: range.to, to: range.from })))).toEqual(['to']);
    expect(paths(await failure(h.manager.call('sessions.hours', { ...range, mentorId: UNKNOWN })))).toEqual(['mentorId']);
    expect(paths(await failure(h.manager.call('sessions.hours', { ...range, startupId: UNKNOWN })))).toEqual(['startupId']);
    expect(paths(await failure(h.manager.call('sessions.hours', { from: 'July', to: range.to })))).toEqual(['from']);
  });
});
