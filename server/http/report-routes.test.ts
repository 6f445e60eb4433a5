/**
 * The national report endpoints: figures for every centre or one, for national devices only,
 * with the sync routes' auth, client headers and error shapes; bad input is a 4xx naming the
 * field. (e2e/reports/ checks the figures against the centres' own workstations.)
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { QuarterlyReport, reportsApi } from '../../shared/api/reports.js';
import { SyncError, SYNC_PROTOCOL, type WireOp } from '../../shared/sync/protocol.js';
import { noteSkippedDatabases, testDatabases } from '../testing/databases.js';
import {
  bearer,
  centreWithWorkstation,
  clientHeaders,
  enrolDevice,
  insertOps,
  push,
  serverSuite,
  type EnrolledDevice,
} from '../testing/fixtures.js';

const RowsAnswer = reportsApi['reports.rows'].output;
const rowIdOf = (ops: WireOp[]) => ops[0]!.rowId;

/** A centre's quarter: `sessions` 60-minute sessions in July 2026 with one incubated startup. */
async function centreQuarter(app: FastifyInstance, c: { centre: { id: string }; device: EnrolledDevice }, sessions: number) {
  const d = c.device;
  const mentor = insertOps(d, 'mentors', c.centre.id, { name: 'Bilal Ahmed', expertise: '[]', country: 'Pakistan', time_zone: 'Asia/Karachi' });
  const startup = insertOps(d, 'startups', c.centre.id, { name: 'Tez Pay', sector: 'fintech', stage: 'incubated', women_led: 1 });
  const change = insertOps(d, 'stage_changes', c.centre.id, {
    startup_id: rowIdOf(startup),
    from_stage: 'applied',
    to_stage: 'incubated',
    changed_on: '2026-07-10',
  });
  const held = Array.from({ length: sessions }, (_, i) =>
    insertOps(d, 'mentoring_sessions', c.centre.id, {
      mentor_id: rowIdOf(mentor),
      startup_id: rowIdOf(startup),
      starts_at: `2026-07-${String(11 + i).padStart(2, '0')}T09:00:00.000Z`,
      minutes: 60,
      mode: 'online',
      topics: '[]',
    }),
  );
  await push(app, d.token, [...mentor, ...startup, ...change, ...held.flat()]);
}

describe.each(testDatabases())('national report endpoints on $name', (database) => {
  const suite = serverSuite(database);

  async function network() {
    const { app, store } = suite;
    const karachi = await centreWithWorkstation(app, store.db, 'NIC Karachi');
    const lahore = await centreWithWorkstation(app, store.db, 'NIC Lahore');
    await centreQuarter(app, karachi, 2);
    await centreQuarter(app, lahore, 1);
    const national = await enrolDevice(app, store.db, null, 'national');
    return { karachi, lahore, national };
  }

  const get = (url: string, token: string, query: Record<string, string> = {}, headers: Record<string, string> = clientHeaders) =>
    suite.app.inject({ method: 'GET', url, query, headers: { ...bearer(token), ...headers } });

  it('a national device gets the figures of every centre, and per centre', async () => {
    const { karachi, lahore, national } = await network();
    const response = await get('/v1/reports/quarterly', national.token, { quarter: '2026-Q3' });
    expect(response.statusCode).toBe(200);
    const report = QuarterlyReport.parse(response.json());
    expect(report).toMatchObject({
      quarter: '2026-Q3',
      scheme: 'calendar',
      source: 'server',
      scope: { kind: 'national', centreId: null, name: 'All centres', centres: 2 },
    });
    expect(report.values['mentoring.sessions']).toBe(3);
    expect(report.values['mentoring.hours']).toBe(3);
    expect(report.values['startups.inducted']).toBe(2);
    expect(report.byCentre.map((c) => [c.centreName, c.values['mentoring.sessions']])).toEqual([
      ['NIC Karachi', 2],
      ['NIC Lahore', 1],
    ]);
    expect(report.byCentre.map((c) => c.centreId)).toEqual([karachi.centre.id, lahore.centre.id]);

    const one = QuarterlyReport.parse(
      (await get('/v1/reports/quarterly', national.token, { quarter: '2026-Q3', centre: lahore.centre.id })).json(),
    );
    expect(one.scope).toEqual({ kind: 'national', centreId: lahore.centre.id, name: 'NIC Lahore', centres: 1 });
    expect(one.values['mentoring.sessions']).toBe(1);
    expect(one.byCentre).toEqual([]);
  });

  it('the rows behind a figure, a page at a time, of one centre when asked', async () => {
    const { karachi, national } = await network();
    const page = async (query: Record<string, string>) => {
      const response = await get('/v1/reports/rows', national.token, { quarter: '2026-Q3', key: 'mentoring.sessions', ...query });
      expect(response.statusCode, response.body).toBe(200);
      return RowsAnswer.parse(response.json());
    };
    const all = await page({});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.value)).toEqual([1, 1, 1]);
    const second = await page({ offset: '1', limit: '1' });
    expect(second).toEqual({ key: 'mentoring.sessions', total: 3, rows: [all.rows[1]] });
    const ofKarachi = await page({ centreId: karachi.centre.id });
    expect(ofKarachi.total).toBe(2);
    expect(ofKarachi.rows.every((r) => r.centreId === karachi.centre.id)).toBe(true);
    expect(await page({ centre: karachi.centre.id })).toEqual(ofKarachi);
    expect((await page({ sector: 'fintech' })).total).toBe(3);
    expect((await page({ sector: 'agritech' })).total).toBe(0);
    expect(await page({ offset: '999999999999999' })).toEqual({ key: 'mentoring.sessions', total: 3, rows: [] });
  });

  it('a centre’s device, or a read-only one, is refused with 403 and no figures', async () => {
    const { karachi } = await network();
    const readonly = await enrolDevice(suite.app, suite.store.db, karachi.centre.id, 'readonly');
    for (const token of [karachi.device.token, readonly.token]) {
      for (const url of ['/v1/reports/quarterly', '/v1/reports/rows']) {
        const response = await get(url, token, { quarter: '2026-Q3', key: 'mentoring.sessions', centre: karachi.centre.id });
        expect(response.statusCode).toBe(403);
        expect(SyncError.parse(response.json())).toMatchObject({ error: 'forbidden' });
        expect(response.body).not.toContain('mentoring');
      }
    }
  });

  it('the sync routes’ auth and client headers: 401, 400 naming the header, 426', async () => {
    const { national } = await network();
    const query = { quarter: '2026-Q3' };
    const noToken = await suite.app.inject({ method: 'GET', url: '/v1/reports/quarterly', query, headers: clientHeaders });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json()).toMatchObject({ error: 'unauthorized' });
    expect((await get('/v1/reports/quarterly', 'x'.repeat(43), query)).statusCode).toBe(401);
    const noHeaders = await get('/v1/reports/quarterly', national.token, query, {});
    expect(noHeaders.statusCode).toBe(400);
    expect(noHeaders.json().message).toMatch(/^x-sync-protocol: /);
    const old = await get('/v1/reports/quarterly', national.token, query, { ...clientHeaders, 'x-sync-protocol': '0' });
    expect(SYNC_PROTOCOL).toBeGreaterThan(0);
    expect(old.statusCode).toBe(426);
    expect(old.json()).toMatchObject({ error: 'upgrade-required' });
  });

  it('bad input is a 4xx naming the field, never a 5xx', async () => {
    const { national } = await network();
    const cases: Array<[string, Record<string, string>, number, RegExp]> = [
      ['/v1/reports/quarterly', {}, 400, /^quarter: /],
      ['/v1/reports/quarterly', { quarter: '2026-Q5' }, 400, /^quarter: /],
      ['/v1/reports/quarterly', { quarter: "2026-Q3'; DROP TABLE cells; --" }, 400, /^quarter: /],
      ['/v1/reports/quarterly', { quarter: '2026-Q3', centre: 'karachi' }, 400, /^centre: /],
      ['/v1/reports/quarterly', { quarter: '2026-Q3', centre: '0190a000-0000-7000-8000-000000000999' }, 404, /^centre: /],
      ['/v1/reports/quarterly', { quarter: '2026-Q3', colour: 'red' }, 400, /colour/],
      ['/v1/reports/rows', { quarter: '2026-Q3' }, 400, /^key: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'startups.everything' }, 400, /^key: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: '__proto__' }, 400, /^key: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', offset: '-1' }, 400, /^offset: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', offset: '1e400' }, 400, /^offset: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', offset: '9'.repeat(400) }, 400, /^offset: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', limit: '0' }, 400, /^limit: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', limit: '501' }, 400, /^limit: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', sector: 'crypto' }, 400, /^sector: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', cohortId: 'batch 7' }, 400, /^cohortId: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', centreId: '1' }, 400, /^centreId: /],
      ['/v1/reports/rows', { quarter: '2026-Q3', key: 'mentoring.sessions', centre: '0190a000-0000-7000-8000-000000000999' }, 404, /^centre: /],
    ];
    for (const [url, query, status, message] of cases) {
      const response = await get(url, national.token, query);
      expect(response.statusCode, `${url} ${JSON.stringify(query)}: ${response.body}`).toBe(status);
      const body = SyncError.parse(response.json());
      expect(body.message).toMatch(message);
    }
    // The same parameter twice is not one value.
    const twice = await suite.app.inject({
      method: 'GET',
      url: '/v1/reports/quarterly?quarter=2026-Q3&quarter=2026-Q4',
      headers: { ...bearer(national.token), ...clientHeaders },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toMatch(/^quarter: /);
  });
});

noteSkippedDatabases();
