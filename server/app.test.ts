import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.js';
import type { OpenedDb } from './store/db.js';
import { openPgliteDb } from './store/pglite-db.js';

describe('server', () => {
  let db: OpenedDb;
  beforeAll(async () => {
    db = await openPgliteDb();
  });
  afterAll(() => db.close());

  it('answers health and its time', async () => {
    const app = buildServer({ db, now: () => new Date('2026-07-01T00:00:00Z') });
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok', protocol: 1 });
    expect((await app.inject({ url: '/v1/time' })).json()).toEqual({ now: '2026-07-01T00:00:00.000Z', epochMs: 1782864000000 });
    const missing = await app.inject({ url: '/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not-found' });
    await app.close();
  });
});
