import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startCore, type Harness } from '../testing/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startCore();
});
afterEach(() => h.close());

const ops = (rowId: string) =>
  h.core.db.prepare('SELECT col, value, hlc FROM outbox WHERE row_id = ? ORDER BY seq').all(rowId) as {
    col: string;
    value: string;
    hlc: string;
  }[];

describe('row store', () => {
  it('writes one op per changed field with one increasing stamp per write, and keeps cell clocks', async () => {
    const s = await h.manager.call('startups.create', { name: 'Daraz Lite', sector: 'e-commerce' });
    const afterCreate = ops(s.id);
    expect(new Set(afterCreate.map((o) => o.hlc)).size).toBe(1);
    expect(afterCreate.find((o) => o.col === 'women_led')?.value).toBe('0');

    await h.manager.call('startups.update', { id: s.id, patch: { name: 'Daraz Lite', city: 'Lahore' } });
    const changed = ops(s.id).slice(afterCreate.length);
    expect(changed.map((o) => o.col).sort()).toEqual(['city', 'updated_at']);
    expect(changed[0]!.hlc > afterCreate[0]!.hlc).toBe(true);
    const clock = h.core.db.prepare("SELECT hlc FROM cell_clock WHERE row_id = ? AND col = 'city'").get(s.id) as { hlc: string };
    expect(clock.hlc).toBe(changed[0]!.hlc);

    // A patch that changes nothing writes nothing.
    const count = ops(s.id).length;
    await h.manager.call('startups.update', { id: s.id, patch: { city: 'Lahore' } });
    expect(ops(s.id).length).toBe(count);
  });

  it('records each field change with old and new value and who made it', async () => {
    const s = await h.manager.call('startups.create', { name: 'Sehat Kahani', sector: 'healthtech' });
    await h.manager.call('startups.update', { id: s.id, patch: { sector: 'ai' } });
    const history = h.core.db
      .prepare("SELECT col, old_value, new_value, user_id FROM row_history WHERE row_id = ? AND col = 'sector'")
      .all(s.id);
    const me = (await h.manager.call('auth.status', {})).user!;
    expect(history).toEqual([{ col: 'sector', old_value: '"healthtech"', new_value: '"ai"', user_id: me.id }]);
  });

  it('keeps stamps increasing across a restart', async () => {
    const s = await h.manager.call('startups.create', { name: 'Bazaar', sector: 'e-commerce' });
    const last = ops(s.id).at(-1)!.hlc;
    const node = h.core.clock.node;
    const { Core } = await import('../host/core.js');
    h.core.close();
    const reopened = Core.open({ dataDir: h.dataDir, now: () => new Date(0), log: () => {} });
    try {
      expect(reopened.clock.node).toBe(node);
      expect(reopened.clock.tick() > last).toBe(true);
    } finally {
      reopened.close();
      h.core = Core.open({ dataDir: h.dataDir, log: () => {} });
    }
  });
});

describe('centre', () => {
  it('reads the centre; managers may rename it, staff may not', async () => {
    expect((await h.manager.call('centre.get', {})).name).toBe('NIC Karachi');
    const staff = await h.as('staff');
    expect((await failure(staff.call('centre.update', { name: 'X' }))).code).toBe('forbidden');
    expect(await h.manager.call('centre.update', { quarterScheme: 'pk-fiscal' })).toMatchObject({ quarterScheme: 'pk-fiscal' });
    expect((await failure(h.manager.call('centre.update', { quarterScheme: 'lunar' as never }))).code).toBe('invalid');
  });
});
