/**
 * Rate limits (http/rate-limits.ts): enrolment per client address; every sync and report
 * endpoint per device token, so that many devices behind one address keep their own budget.
 * An exceeded limit is a 429 'rate-limited' with Retry-After, and nothing of the request is
 * applied.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { SyncError } from '../../shared/sync/protocol.js';
import { createCentre, createEnrolmentCode } from '../admin/commands.js';
import { buildServer } from '../app.js';
import { noteSkippedDatabases, testDatabases } from '../testing/databases.js';
import {
  bearer,
  client,
  clientHeaders,
  enrolDevice,
  insertOps,
  newNodeId,
  serverSuite,
  testServer,
} from '../testing/fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A 429 in the protocol's shape, with Retry-After in whole seconds within the window. */
function expectLimited(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, windowMs: number) {
  expect(response.statusCode).toBe(429);
  expect(SyncError.parse(response.json()).error).toBe('rate-limited');
  const retryAfter = Number(response.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(Math.ceil(windowMs / 1000));
  return retryAfter;
}

describe.each(testDatabases())('rate limits on $name', (database) => {
  const suite = serverSuite(database);

  async function withServer<T>(server: FastifyInstance, run: (server: FastifyInstance) => Promise<T>): Promise<T> {
    try {
      return await run(server);
    } finally {
      await server.close();
    }
  }

  it('enrolment: past the limit even a good code gets 429 with Retry-After and is not used; after the window it works', async () => {
    const windowMs = 1_500;
    await withServer(testServer(suite.store.db, { enrolRateLimit: { max: 3, timeWindowMs: windowMs } }), async (server) => {
      const centre = await createCentre(suite.store.db, { name: 'NIC Karachi' }, new Date());
      const { code } = await createEnrolmentCode(suite.store.db, { centre: centre.id, role: 'workstation' }, new Date());
      const enrol = (code: string) =>
        server.inject({ method: 'POST', url: '/v1/enrol', payload: { client, code, deviceName: 'Desk', nodeId: newNodeId() } });
      for (let i = 0; i < 3; i++) expect((await enrol(`GUESS-${i}-AAAA`)).statusCode).toBe(400);
      const refused = await enrol(code);
      const retryAfter = expectLimited(refused, windowMs);
      expect(refused.json()).not.toHaveProperty('token');
      // Nothing applied: no device, the code still unused.
      expect(await suite.store.db.query('SELECT id FROM devices')).toEqual([]);
      expect(await suite.store.db.query('SELECT used_at FROM enrolment_codes')).toEqual([{ used_at: null }]);
      await sleep(retryAfter * 1000 + 100);
      const accepted = await enrol(code);
      expect(accepted.statusCode).toBe(200);
      expect(await suite.store.db.query('SELECT id FROM devices')).toHaveLength(1);
    });
  });

  it('push, pull and snapshot: per device token, each endpoint its own budget; a refused push is not applied', async () => {
    const windowMs = 60_000;
    const limits = { sync: { max: 3, timeWindowMs: windowMs }, reports: { max: 2, timeWindowMs: windowMs } };
    await withServer(testServer(suite.store.db, { deviceRateLimits: limits }), async (server) => {
      const centre = await createCentre(suite.store.db, { name: 'NIC Karachi' }, new Date());
      const first = await enrolDevice(server, suite.store.db, centre.id);
      const second = await enrolDevice(server, suite.store.db, centre.id);
      const pushOne = (device: typeof first) =>
        server.inject({
          method: 'POST',
          url: '/v1/sync/push',
          headers: bearer(device.token),
          payload: { client, ops: insertOps(device, 'startups', centre.id, { name: 'Tez Pay', sector: 'fintech' }) },
        });
      for (let i = 0; i < 3; i++) expect((await pushOne(first)).statusCode).toBe(200);
      const before = await suite.store.db.query('SELECT op_id FROM ops');
      expectLimited(await pushOne(first), windowMs);
      expect(await suite.store.db.query('SELECT op_id FROM ops')).toEqual(before);
      // The other workstation, from the same address, has its own budget.
      expect((await pushOne(second)).statusCode).toBe(200);
      // And the first still pulls and bootstraps: each endpoint is counted on its own.
      const get = (url: string, token: string) =>
        server.inject({ method: 'GET', url, headers: { ...bearer(token), ...clientHeaders } });
      for (let i = 0; i < 3; i++) expect((await get('/v1/sync/pull', first.token)).statusCode).toBe(200);
      expectLimited(await get('/v1/sync/pull', first.token), windowMs);
      expect((await get('/v1/sync/snapshot', first.token)).statusCode).toBe(200);

      // Reports: per national device.
      const national = await enrolDevice(server, suite.store.db, null, 'national');
      const report = () => get('/v1/reports/quarterly?quarter=2026-Q3', national.token);
      for (let i = 0; i < 2; i++) expect((await report()).statusCode).toBe(200);
      expectLimited(await report(), windowMs);
      expect((await get('/v1/reports/rows?quarter=2026-Q3&key=mentoring.sessions', national.token)).statusCode).toBe(200);

      // Without a token, requests are counted by address.
      const anonymous = () => server.inject({ method: 'GET', url: '/v1/sync/snapshot', headers: clientHeaders });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await anonymous()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  });

  it('200 devices on one address each keep their own budget', async () => {
    const limits = { sync: { max: 2, timeWindowMs: 60_000 }, reports: { max: 2, timeWindowMs: 60_000 } };
    await withServer(testServer(suite.store.db, { deviceRateLimits: limits }), async (server) => {
      const centre = await createCentre(suite.store.db, { name: 'NIC Karachi' }, new Date());
      const devices = [];
      for (let i = 0; i < 200; i++) devices.push(await enrolDevice(server, suite.store.db, centre.id));
      const pulls = await Promise.all(
        devices.flatMap((device) =>
          [1, 2].map(() =>
            server.inject({ method: 'GET', url: '/v1/sync/pull', headers: { ...bearer(device.token), ...clientHeaders } }),
          ),
        ),
      );
      expect(pulls.filter((r) => r.statusCode !== 200).map((r) => r.statusCode)).toEqual([]);
    });
  }, 60_000);

  it('by default: enrolment 10 a minute per address, each sync endpoint 3,000 and each report endpoint 120 a minute per device', async () => {
    await withServer(buildServer({ db: suite.store.db }), async (server) => {
      const centre = await createCentre(suite.store.db, { name: 'NIC Karachi' }, new Date());
      const device = await enrolDevice(server, suite.store.db, centre.id);
      const national = await enrolDevice(server, suite.store.db, null, 'national');
      const limitOf = async (url: string, token?: string) =>
        (await server.inject({ method: 'GET', url, headers: { ...(token ? bearer(token) : {}), ...clientHeaders } })).headers[
          'x-ratelimit-limit'
        ];
      expect(await limitOf('/v1/sync/pull', device.token)).toBe('3000');
      expect(await limitOf('/v1/sync/snapshot', device.token)).toBe('3000');
      expect(await limitOf('/v1/reports/quarterly?quarter=2026-Q3', national.token)).toBe('120');
      const enrol = await server.inject({ method: 'POST', url: '/v1/enrol', payload: {} });
      expect(enrol.headers['x-ratelimit-limit']).toBe('10');
      // Health and time are not limited.
      expect((await server.inject({ url: '/health' })).headers['x-ratelimit-limit']).toBeUndefined();
    });
  });
});

noteSkippedDatabases();
