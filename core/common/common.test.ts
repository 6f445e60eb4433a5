import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { traineesTable } from '../../shared/records/trainees.js';
import { failure, MANAGER, startCore, type Harness } from '../testing/harness.js';
import { RANK_AT_MOST } from './search.service.js';

const NOW = new Date('2026-07-15T10:00:00Z');
const UNKNOWN = '0190a0a0-0000-7000-8000-000000000000';

let h: Harness;
beforeEach(async () => {
  h = await startCore({ now: () => NOW });
});
afterEach(() => h.close());

function auditRows(action: string) {
  return h.core.db
    .prepare('SELECT user_id, action, entity, entity_id, detail FROM audit_log WHERE action = ? ORDER BY id')
    .all(action);
}

function managerId(): string {
  return (h.core.db.prepare('SELECT id FROM users WHERE email = ?').get(MANAGER.email) as { id: string }).id;
}

describe('search.global', () => {
  async function people() {
    const startup = await h.manager.call('startups.create', { name: 'Alif Labs', sector: 'edtech', city: 'Karachi' });
    const mentor = await h.manager.call('mentors.create', {
      name: 'Ali Hassan',
      organisation: 'Careem',
      city: 'Karachi',
      phone: '0300-7654321',
    });
    const ali = await h.manager.call('trainees.create', {
      name: 'Ali Raza',
      city: 'Karachi',
      cnic: '42101-1234567-1',
      phone: '0300-1234567',
      email: 'ali.raza@example.pk',
    });
    const karim = await h.manager.call('trainees.create', { name: 'Karim Ali', city: 'Karachi' });
    const alina = await h.manager.call('trainees.create', { name: 'Alina Shah', city: 'Lahore' });
    return { startup, mentor, ali, karim, alina };
  }

  it('finds startups, mentors and trainees by prefix, every word required, with masked context', async () => {
    const { startup, mentor, ali, karim } = await people();
    const hits = await h.manager.call('search.global', { text: 'ali kar' });
    expect(hits.map((x) => [x.entity, x.id]).sort()).toEqual(
      [
        ['startups', startup.id],
        ['mentors', mentor.id],
        ['trainees', ali.id],
        ['trainees', karim.id],
      ].sort(),
    );
    expect(hits.find((x) => x.id === startup.id)).toMatchObject({ title: 'Alif Labs', subtitle: 'edtech · Karachi' });
    expect(hits.find((x) => x.id === mentor.id)).toMatchObject({ title: 'Ali Hassan', subtitle: 'Careem · Karachi' });
    expect(hits.find((x) => x.id === ali.id)).toMatchObject({ title: 'Ali Raza', subtitle: 'Karachi · 4****-*******-1' });
    expect(hits.find((x) => x.id === karim.id)).toMatchObject({ subtitle: 'Karachi' });
    // Nothing personal in clear, whatever matched.
    const text = JSON.stringify(hits);
    for (const secret of ['42101', '1234567', '7654321', 'ali.raza@']) expect(text).not.toContain(secret);

    const exact = await h.manager.call('search.global', { text: 'ali karachi' });
    expect(
      exact
        .filter((x) => x.entity === 'trainees')
        .map((x) => x.id)
        .sort(),
    ).toEqual([ali.id, karim.id].sort());
    expect((await h.manager.call('search.global', { text: 'ali lahore' })).map((x) => x.title)).toEqual(['Alina Shah']);
    expect(await h.manager.call('search.global', { text: '  ' })).toEqual([]);
    expect(await h.manager.call('search.global', { text: '"*" OR (' })).toEqual([]);
  });

  it('returns at most `limit` hits per entity, names before other fields, and leaves deleted rows out', async () => {
    const { ali, karim, alina } = await people();
    const sana = await h.manager.call('trainees.create', { name: 'Sana Iqbal', email: 'alisana@example.pk' });
    const all = await h.manager.call('search.global', { text: 'ali' });
    const trainees = all.filter((x) => x.entity === 'trainees').map((x) => x.id);
    expect(trainees.sort()).toEqual([ali.id, karim.id, alina.id, sana.id].sort());
    // bm25 weighs the name most: a trainee matched only by email comes last.
    expect(all.filter((x) => x.entity === 'trainees').at(-1)?.id).toBe(sana.id);
    const limited = await h.manager.call('search.global', { text: 'ali', limit: 2 });
    expect(limited.filter((x) => x.entity === 'trainees')).toHaveLength(2);
    expect(limited.filter((x) => x.entity === 'mentors')).toHaveLength(1);
    await h.manager.call('trainees.delete', { id: ali.id });
    expect((await h.manager.call('search.global', { text: 'ali raza' })).map((x) => x.id)).toEqual([]);
    const viewer = await h.as('viewer');
    expect((await viewer.call('search.global', { text: 'karim' })).map((x) => x.id)).toEqual([karim.id]);
    expect((await failure(h.anonymous().call('search.global', { text: 'ali' }))).code).toBe('unauthenticated');
    expect((await failure(h.manager.call('search.global', { text: 'ali', limit: 51 }))).code).toBe('invalid');
  });

  it('gives the newest hits, unranked, when a word matches too many rows to rank', async () => {
    h.core.db.transaction(() => {
      for (let i = 0; i <= RANK_AT_MOST; i += 1) {
        h.core.rows.insert(traineesTable, { name: `Zubair ${i}`, skills: [], consent: false }, { userId: null, centreId: null });
      }
    })();
    const hits = await h.manager.call('search.global', { text: 'zub', limit: 3 });
    expect(hits.map((x) => x.title)).toEqual([
      `Zubair ${RANK_AT_MOST}`,
      `Zubair ${RANK_AT_MOST - 1}`,
      `Zubair ${RANK_AT_MOST - 2}`,
    ]);
  });
});

describe('pii.reveal', () => {
  it('shows a CNIC or phone in clear to a manager and writes each reveal to the audit log', async () => {
    const t = await h.manager.call('trainees.create', { name: 'Ali Raza', cnic: '4210112345671', phone: '0300-1234567' });
    expect(await h.manager.call('pii.reveal', { table: 'trainees', id: t.id, field: 'cnic' })).toEqual({
      value: '42101-1234567-1',
    });
    expect(await h.manager.call('pii.reveal', { table: 'trainees', id: t.id, field: 'phone' })).toEqual({
      value: '+923001234567',
    });
    const startup = await h.manager.call('startups.create', { name: 'Tez Pay', sector: 'fintech', contactPhone: '021-34567890' });
    expect(await h.manager.call('pii.reveal', { table: 'startups', id: startup.id, field: 'contactPhone' })).toEqual({
      value: '+922134567890',
    });
    const founder = await h.manager.call('founders.create', { startupId: startup.id, name: 'Hina Khan', phone: '0321 7654321' });
    expect(await h.manager.call('pii.reveal', { table: 'founders', id: founder.id, field: 'phone' })).toEqual({
      value: '+923217654321',
    });
    const mentor = await h.manager.call('mentors.create', { name: 'Sana Mir' });
    expect(await h.manager.call('pii.reveal', { table: 'mentors', id: mentor.id, field: 'phone' })).toEqual({ value: null });

    const me = managerId();
    expect(auditRows('pii.revealed')).toEqual([
      { user_id: me, action: 'pii.revealed', entity: 'trainees', entity_id: t.id, detail: '{"field":"cnic"}' },
      { user_id: me, action: 'pii.revealed', entity: 'trainees', entity_id: t.id, detail: '{"field":"phone"}' },
      { user_id: me, action: 'pii.revealed', entity: 'startups', entity_id: startup.id, detail: '{"field":"contactPhone"}' },
      { user_id: me, action: 'pii.revealed', entity: 'founders', entity_id: founder.id, detail: '{"field":"phone"}' },
      { user_id: me, action: 'pii.revealed', entity: 'mentors', entity_id: mentor.id, detail: '{"field":"phone"}' },
    ]);
  });

  it('refuses other roles, fields a table does not have, unknown and deleted rows, and audits none of them', async () => {
    const t = await h.manager.call('trainees.create', { name: 'Ali Raza', cnic: '4210112345671' });
    for (const role of ['staff', 'mentor', 'viewer'] as const) {
      const client = await h.as(role);
      expect(await failure(client.call('pii.reveal', { table: 'trainees', id: t.id, field: 'cnic' }))).toMatchObject({
        code: 'forbidden',
        permission: 'pii.reveal',
      });
    }
    for (const [table, field] of [
      ['founders', 'cnic'],
      ['startups', 'phone'],
      ['trainees', 'contactPhone'],
      ['mentors', 'cnic'],
    ] as const) {
      expect(await failure(h.manager.call('pii.reveal', { table, id: t.id, field }))).toMatchObject({
        code: 'invalid',
        issues: [{ path: ['field'] }],
      });
    }
    expect(await failure(h.manager.call('pii.reveal', { table: 'users' as never, id: t.id, field: 'phone' }))).toMatchObject({
      code: 'invalid',
      issues: [{ path: ['table'] }],
    });
    expect(await failure(h.manager.call('pii.reveal', { table: 'trainees', id: UNKNOWN, field: 'cnic' }))).toMatchObject({
      code: 'not-found',
      entity: 'trainee',
    });
    await h.manager.call('trainees.delete', { id: t.id });
    expect((await failure(h.manager.call('pii.reveal', { table: 'trainees', id: t.id, field: 'cnic' }))).code).toBe('not-found');
    expect(auditRows('pii.revealed')).toEqual([]);
  });
});

describe('history.list', () => {
  it('lists a row’s changes newest first with old and new values and who made them', async () => {
    const t = await h.manager.call('trainees.create', { name: 'Ali Raza', city: 'Karachi', skills: ['python'] });
    const staff = await h.as('staff');
    await staff.call('trainees.update', { id: t.id, patch: { city: 'Lahore', skills: ['python', 'sql'], consent: true } });
    const history = await h.manager.call('history.list', { table: 'trainees', rowId: t.id });
    const [latest] = history;
    expect(latest).toMatchObject({
      tbl: 'trainees',
      rowId: t.id,
      userName: 'Test staff 1',
      source: 'local',
      at: NOW.toISOString(),
    });
    const changes = Object.fromEntries(history.filter((e) => e.column !== '*').map((e) => [e.column, [e.oldValue, e.newValue]]));
    expect(changes).toEqual({ city: ['Karachi', 'Lahore'], skills: [['python'], ['python', 'sql']], consent: [false, true] });
    expect(history.at(-1)).toMatchObject({ column: '*', oldValue: null, newValue: 'created', userName: 'Amna Siddiqui' });
    // Newest first.
    const ids = history.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(await h.manager.call('history.list', { table: 'trainees', rowId: t.id, limit: 1 })).toHaveLength(1);
    // Anyone who reads records reads their history.
    const viewer = await h.as('viewer');
    expect(await viewer.call('history.list', { table: 'trainees', rowId: t.id })).toHaveLength(history.length);
    expect(await h.manager.call('history.list', { table: 'startups', rowId: t.id })).toEqual([]);
  });

  it('masks personal values and hides secret ones', async () => {
    const t = await h.manager.call('trainees.create', { name: 'Ali Raza', cnic: '4210112345671', phone: '0300-1234567' });
    await h.manager.call('trainees.update', { id: t.id, patch: { cnic: '35202-7654321-3', phone: '0321-7654321' } });
    const viewer = await h.as('viewer');
    const history = await viewer.call('history.list', { table: 'trainees', rowId: t.id });
    const changes = Object.fromEntries(history.filter((e) => e.column !== '*').map((e) => [e.column, [e.oldValue, e.newValue]]));
    expect(changes).toEqual({ cnic: ['4****-*******-1', '3****-*******-3'], phone: ['+92300*****67', '+92321*****21'] });

    const user = await h.manager.call('users.create', {
      name: 'Bilal',
      email: 'bilal@nic-karachi.pk',
      role: 'staff',
      password: MANAGER.password,
    });
    await h.manager.call('users.setPassword', { id: user.id, password: 'another long password' });
    const userHistory = await h.manager.call('history.list', { table: 'users', rowId: user.id });
    const hash = userHistory.find((e) => e.column === 'passwordHash');
    expect(hash).toMatchObject({ oldValue: null, newValue: null });
    expect(JSON.stringify(userHistory)).not.toContain('scrypt');
  });

  it('refuses a table that is not a synced table', async () => {
    for (const table of ['audit_log', 'outbox', 'trainees; DROP TABLE trainees', '']) {
      expect(await failure(h.manager.call('history.list', { table, rowId: UNKNOWN }))).toMatchObject({
        code: 'invalid',
        issues: [{ path: ['table'] }],
      });
    }
    expect((await failure(h.manager.call('history.list', { table: 'trainees', rowId: 'x' }))).code).toBe('invalid');
  });
});

describe('audit.list', () => {
  it('pages the audit log newest first with user names, for managers only', async () => {
    const t = await h.manager.call('trainees.create', { name: 'Ali Raza', cnic: '4210112345671' });
    await h.manager.call('pii.reveal', { table: 'trainees', id: t.id, field: 'cnic' });
    await h.manager.call('pii.reveal', { table: 'trainees', id: t.id, field: 'phone' });
    const page = await h.manager.call('audit.list', {});
    const reveals = page.items.filter((e) => e.action === 'pii.revealed');
    expect(reveals.map((e) => e.detail)).toEqual(['{"field":"phone"}', '{"field":"cnic"}']);
    expect(reveals[0]).toMatchObject({
      userId: managerId(),
      userName: 'Amna Siddiqui',
      entity: 'trainees',
      entityId: t.id,
      at: NOW.toISOString(),
    });
    expect(page).toMatchObject({ offset: 0, limit: 100 });
    expect(page.total).toBe(page.items.length);
    const ids = page.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await h.manager.call('audit.list', { limit: 1, offset: 1 });
    expect(second).toMatchObject({ total: page.total, offset: 1, limit: 1 });
    expect(second.items.map((e) => e.id)).toEqual([ids[1]]);

    for (const role of ['staff', 'mentor', 'viewer'] as const) {
      const client = await h.as(role);
      expect((await failure(client.call('audit.list', {}))).code).toBe('forbidden');
    }
    expect((await failure(h.manager.call('audit.list', { limit: 0 }))).code).toBe('invalid');
  });
});
