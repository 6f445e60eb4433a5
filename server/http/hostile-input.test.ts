/**
 * Whatever a client sends, the answer is a 4xx with `{error, message}` (or a 200 when the
 * input happens to be valid), never a 5xx: random JSON, prototype-poisoning keys, huge
 * arrays, deep nesting, SQL-injection strings, bad encodings, oversized bodies.
 */
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuarterlyReport } from '../../shared/api/reports.js';
import { PushResponse, SyncError } from '../../shared/sync/protocol.js';
import { noteSkippedDatabases, testDatabases, type TestStore } from '../testing/databases.js';
import { bearer, centreWithWorkstation, client, clientHeaders, enrolDevice, testServer } from '../testing/fixtures.js';

const injection = fc.constantFrom(
  "'; DROP TABLE ops; --",
  '" OR 1=1 --',
  "centres; DELETE FROM cells WHERE ''='",
  'pg_authid',
  '$1',
  '\u0000',
  '\uD800',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
);
const text = fc.oneof(fc.string(), injection);
/** Values shaped somewhat like the real requests, so that validation gets past its first checks. */
const opLike = fc.record(
  {
    opId: fc.oneof(fc.uuid(), text),
    tbl: fc.oneof(fc.constantFrom('startups', 'centres', 'ops', 'pg_class'), text),
    rowId: fc.oneof(fc.uuid(), text),
    col: fc.oneof(fc.constantFrom('name', 'centre_id', 'deleted', 'id'), text),
    value: fc.oneof(
      text,
      fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
    ),
    hlc: fc.oneof(fc.constantFrom('1782864000000-0000-00000000000000aa', '9999999999999-ffff-ffffffffffffffff'), text),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.jsonValue(),
  fc.record(
    { client: fc.oneof(fc.constant(client), fc.jsonValue()), ops: fc.array(opLike, { maxLength: 20 }) },
    { requiredKeys: [] },
  ),
  fc.record(
    { client: fc.constant(client), code: text, deviceName: text, nodeId: text, localCentre: fc.jsonValue() },
    { requiredKeys: [] },
  ),
);

describe.each(testDatabases())('hostile input on $name', (database) => {
  let store: TestStore;
  let app: FastifyInstance;
  let token: string;
  let nationalToken: string;
  beforeAll(async () => {
    store = await database.setup();
    app = testServer(store.db, { bodyLimit: 1024 * 1024 });
    token = (await centreWithWorkstation(app, store.db)).device.token;
    nationalToken = (await enrolDevice(app, store.db, null, 'national')).token;
  });
  afterAll(async () => {
    await app.close();
    await store.teardown();
  });

  async function expectClientAnswer(request: InjectOptions): Promise<number> {
    const response = await app.inject(request);
    if (response.statusCode >= 500) throw new Error(`${response.statusCode} for ${String(request.url)}: ${response.body}`);
    if (response.statusCode >= 400) expect(SyncError.safeParse(response.json()).success).toBe(true);
    else if (request.url === '/v1/sync/push') PushResponse.parse(response.json());
    else if (request.url === '/v1/reports/quarterly') QuarterlyReport.parse(response.json());
    return response.statusCode;
  }
  const post = (url: string, payload: string, headers: Record<string, string> = {}): InjectOptions => ({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': 'application/json', ...bearer(token), ...headers },
  });

  it('random and malicious JSON bodies get 4xx or a valid answer', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('/v1/enrol', '/v1/sync/push'), async (value, url) => {
        await expectClientAnswer(post(url, JSON.stringify(value)));
      }),
      { numRuns: 150 },
    );
  });

  it('prototype-poisoning keys, deep nesting, huge arrays, broken JSON, wrong types', async () => {
    const ops = (n: number) => JSON.stringify({ client, ops: Array(n).fill({ opId: 'x' }) });
    const bodies = [
      '{"__proto__": {"admin": true}, "client": {"protocol": 1, "schemaVersion": 1, "appVersion": "1"}, "ops": []}',
      '{"constructor": {"prototype": {"polluted": true}}, "ops": []}',
      `{"client": ${JSON.stringify(client)}, "ops": [{"__proto__": {"tbl": "startups"}}]}`,
      '['.repeat(100_000) + ']'.repeat(100_000),
      `{"a":`.repeat(20_000) + '1' + '}'.repeat(20_000),
      ops(1001),
      ops(100_000),
      '{"client": ',
      '',
      'null',
      '"just a string"',
      '\u0000',
      '{"ops": "\\ud800"}',
    ];
    for (const url of ['/v1/enrol', '/v1/sync/push']) {
      for (const payload of bodies) expect(await expectClientAnswer(post(url, payload))).toBeGreaterThanOrEqual(400);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('oversized bodies get 413 too-large; other content types 415', async () => {
    const big = JSON.stringify({ client, ops: [{ value: 'x'.repeat(2 * 1024 * 1024) }] });
    const response = await app.inject(post('/v1/sync/push', big));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: 'too-large' });
    const form = await app.inject(post('/v1/sync/push', 'a=1', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(form.statusCode).toBe(415);
    expect(form.json()).toMatchObject({ error: 'invalid' });
  });

  it('random query strings and headers on the GET endpoints get 4xx or a valid answer', async () => {
    const query = fc.dictionary(
      fc.oneof(fc.constantFrom('cursor', 'limit', 'snapshot', 'after', '__proto__'), fc.string()),
      fc.oneof(text, fc.integer().map(String)),
    );
    const headers = fc.record(
      {
        'x-sync-protocol': fc.oneof(fc.constantFrom('1', '0', '-1', '1e3', '99999999999'), fc.string()),
        'x-schema-version': fc.oneof(fc.constant('3'), fc.string()),
        'x-app-version': fc.oneof(fc.constant('0.1.0'), fc.string({ maxLength: 60 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/sync/pull', '/v1/sync/snapshot', '/v1/reports/quarterly', '/v1/reports/rows'),
        query,
        headers,
        async (url, q, h) => {
          // Header values must be sendable at all (no control characters).
          const sendable = Object.fromEntries(Object.entries(h).filter(([, v]) => /^[\x20-\x7e]*$/.test(v)));
          await expectClientAnswer({ method: 'GET', url, query: q, headers: { ...bearer(token), ...clientHeaders, ...sendable } });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random report queries from a national device get 4xx or a valid answer', async () => {
    const reportQuery = fc.dictionary(
      fc.oneof(
        fc.constantFrom('quarter', 'centre', 'key', 'sector', 'cohortId', 'centreId', 'offset', 'limit', '__proto__', 'constructor'),
        fc.string(),
      ),
      fc.oneof(
        text,
        fc.constantFrom('2026-Q3', 'FY2027-Q1', '0000-Q1', '9999-Q4', 'all', 'mentoring.hours', 'fintech'),
        fc.uuid(),
        fc.oneof(fc.integer(), fc.double()).map(String),
        fc.bigInt().map(String),
      ),
      { maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/v1/reports/quarterly', '/v1/reports/rows'), reportQuery, async (url, q) => {
        await expectClientAnswer({ method: 'GET', url, query: q, headers: { ...bearer(nationalToken), ...clientHeaders } });
      }),
      { numRuns: 150 },
    );
  });
});

noteSkippedDatabases();
