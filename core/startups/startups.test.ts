import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counts, failure, startCore, type Harness } from '../testing/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startCore();
});
afterEach(() => h.close());

describe('startups', () => {
  it('creates, reads, updates, lists and tombstones a startup, writing outbox ops', async () => {
    const s = await h.manager.call('startups.create', { name: '  Tez   Pay ', sector: 'fintech', website: 'https://tezpay.pk' });
    expect(s).toMatchObject({ name: 'Tez Pay', stage: 'applied', womenLed: false, deleted: false });
    expect(s.centreId).toBeTruthy();
    const ops = h.core.db.prepare('SELECT col FROM outbox WHERE row_id = ?').all(s.id) as { col: string }[];
    expect(ops.map((o) => o.col)).toEqual(expect.arrayContaining(['name', 'sector', 'stage', 'centre_id', 'deleted']));

    const updated = await h.manager.call('startups.update', { id: s.id, patch: { stage: 'incubated', womenLed: true } });
    expect(updated).toMatchObject({ stage: 'incubated', womenLed: true });
    const history = await h.manager.call('startups.stageHistory', { startupId: s.id });
    expect(history.map((c) => [c.fromStage, c.toStage])).toEqual([
      [null, 'applied'],
      ['applied', 'incubated'],
    ]);

    const page = await h.manager.call('startups.list', { filter: { stage: 'incubated' } });
    expect(page.total).toBe(1);
    const found = await h.manager.call('startups.list', { search: 'tez' });
    expect(found.items.map((i) => i.id)).toEqual([s.id]);

    await h.manager.call('startups.delete', { id: s.id });
    expect((await h.manager.call('startups.list', {})).total).toBe(0);
    expect((await failure(h.manager.call('startups.get', { id: s.id }))).code).toBe('not-found');
  });

  it('refuses bad fields with their paths and writes nothing', async () => {
    const before = counts(h.core, 'startups');
    const err = await failure(
      h.manager.call('startups.create', { name: '', sector: 'spaceships' as never, website: 'not a url' }),
    );
    expect(err.code).toBe('invalid');
    if (err.code !== 'invalid') return;
    expect(err.issues.map((i) => i.path.join('.')).sort()).toEqual(['name', 'sector', 'website']);
    expect(counts(h.core, 'startups')).toEqual(before);
  });

  it('refuses unknown ids, unknown fields and wrong roles', async () => {
    const id = '0190a0a0-0000-7000-8000-000000000000';
    expect((await failure(h.manager.call('startups.update', { id, patch: { name: 'X' } }))).code).toBe('not-found');
    expect((await failure(h.manager.call('startups.create', { name: 'X', sector: 'ai', cohortId: id }))).code).toBe('invalid');
    expect((await failure(h.manager.call('startups.create', { name: 'X', sector: 'ai', colour: 'red' } as never))).code).toBe(
      'invalid',
    );
    const viewer = await h.as('viewer');
    expect((await failure(viewer.call('startups.create', { name: 'X', sector: 'ai' }))).code).toBe('forbidden');
    expect((await viewer.call('startups.list', {})).total).toBe(0);
    expect((await failure(h.anonymous().call('startups.list', {}))).code).toBe('unauthenticated');
  });

  it('locks a quarter: a locked check-in cannot be edited until unlocked', async () => {
    const s = await h.manager.call('startups.create', { name: 'Agri Links', sector: 'agritech' });
    await h.manager.call('metrics.save', { startupId: s.id, quarter: '2026-Q2', values: { revenuePkr: 1_500_000, jobsFullTime: 4 } });
    const staff = await h.as('staff');
    expect((await failure(staff.call('metrics.lock', { startupId: s.id, quarter: '2026-Q2' }))).code).toBe('forbidden');
    await h.manager.call('metrics.lock', { startupId: s.id, quarter: '2026-Q2' });
    const before = counts(h.core, 'quarterly_metrics');
    const err = await failure(staff.call('metrics.save', { startupId: s.id, quarter: '2026-Q2', values: { revenuePkr: 9 } }));
    expect(err.code).toBe('locked');
    expect(counts(h.core, 'quarterly_metrics')).toEqual(before);
    await h.manager.call('metrics.unlock', { startupId: s.id, quarter: '2026-Q2' });
    const saved = await staff.call('metrics.save', { startupId: s.id, quarter: '2026-Q2', values: { revenuePkr: 9 } });
    expect(saved).toMatchObject({ revenuePkr: 9, jobsFullTime: 4, lockedAt: null });
    const audit = h.core.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'metrics.%'").all();
    expect(audit).toEqual([{ action: 'metrics.locked' }, { action: 'metrics.unlocked' }]);
    expect((await failure(staff.call('metrics.save', { startupId: s.id, quarter: '2026-3' as never, values: {} }))).code).toBe(
      'invalid',
    );
  });
});

describe('founders', () => {
  it('adds founders with normalised phones, masked on the way out; a masked phone is refused on create', async () => {
    const s = await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech' });
    const f = await h.manager.call('founders.create', { startupId: s.id, name: 'Hina Khan', gender: 'female', phone: '0321 7654321' });
    expect(f.phone).toBe('+92321*****21');
    expect(h.core.db.prepare('SELECT phone FROM founders WHERE id = ?').get(f.id)).toEqual({ phone: '+923217654321' });
    const err = await failure(h.manager.call('founders.create', { startupId: s.id, name: 'X', phone: '+92321*****21' }));
    expect(err).toMatchObject({ code: 'invalid', issues: [{ path: ['phone'] }] });
    const other = await h.manager.call('startups.create', { name: 'Other', sector: 'ai' });
    expect(await failure(h.manager.call('founders.update', { id: f.id, patch: { startupId: other.id } }))).toMatchObject({
      issues: [{ path: ['patch', 'startupId'] }],
    });
    expect((await h.manager.call('founders.list', { filter: { startupId: s.id } })).total).toBe(1);
  });
});

describe('milestones', () => {
  it('dates a milestone marked done, and refuses a completion date on an open one', async () => {
    const s = await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech' });
    const m = await h.manager.call('milestones.create', { startupId: s.id, title: 'First 100 customers' });
    expect(m.status).toBe('planned');
    const done = await h.manager.call('milestones.update', { id: m.id, patch: { status: 'done' } });
    expect(done.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const err = await failure(h.manager.call('milestones.create', { startupId: s.id, title: 'X', completedOn: '2026-01-01' }));
    expect(err).toMatchObject({ issues: [{ path: ['completedOn'] }] });
  });
});
