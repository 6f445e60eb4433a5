import { describe, expect, it } from 'vitest';
import { buildServer } from './app.js';

describe('server', () => {
  it('answers health and its time', async () => {
    const app = buildServer({ now: () => new Date('2026-07-01T00:00:00Z') });
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok', protocol: 1 });
    expect((await app.inject({ url: '/v1/time' })).json()).toEqual({ now: '2026-07-01T00:00:00.000Z', epochMs: 1782864000000 });
    expect((await app.inject({ url: '/nothing' })).statusCode).toBe(404);
    await app.close();
  });
});
