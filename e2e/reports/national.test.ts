/**
 * The national roll-up against the centres' own reports: three centres, each a real
 * workstation (core on SQLite) that enters a year of work through its API and syncs it up to
 * the real server (server/app.ts on PGlite, and on PostgreSQL where it can run, over HTTP);
 * a national workstation then asks the server for the report.
 *
 * - For every centre, KPI by KPI, the server's figures equal the centre's own workstation's
 *   report: `byCentre` in the report of all centres, and the whole report of that one centre.
 * - The report of all centres is the sum of the centres' for every additive figure (counts,
 *   money; hours to their rounding). Mentors active is not: a mentor of the national
 *   directory who mentors in two centres is one mentor nationally.
 * - A centre's device gets 403 and no figures; bad input is a 4xx naming the field.
 *
 * Lives in e2e/ because it joins both sides (core/ and server/ may not import each other).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../core/host/core.js';
import { connectInProcess } from '../../core/host/in-process.js';
import { enterCentrePlan } from '../../core/reports/national-test-data.js';
import { clientInfo } from '../../core/sync/client-info.js';
import { MemoryTokenVault } from '../../core/sync/token-vault.js';
import { MANAGER, tempDir } from '../../core/testing/harness.js';
import { createCentre, createEnrolmentCode } from '../../server/admin/commands.js';
import { buildServer } from '../../server/app.js';
import { noteSkippedDatabases, testDatabases, type TestStore } from '../../server/testing/databases.js';
import { enrolDevice, insertOps, push } from '../../server/testing/fixtures.js';
import type { ApiClient } from '../../shared/api/client.js';
import type { QuarterlyReport } from '../../shared/api/reports.js';
import { KPIS, type KpiKey } from '../../shared/reports/kpis.js';
import { quarterOf, shiftQuarter } from '../../shared/reports/quarters.js';
import { CLIENT_HEADERS, SyncError } from '../../shared/sync/protocol.js';

/** Two quarters back: every event of the plans is in the past. */
const QUARTER = shiftQuarter(quarterOf(new Date().toISOString()), -2);
const QUARTERS = [shiftQuarter(QUARTER, -1), QUARTER];
const CENTRES = [
  { name: 'NIC Karachi', prefix: 'Karachi', seed: 101 },
  { name: 'NIC Lahore', prefix: 'Lahore', seed: 202 },
  { name: 'NIC Quetta', prefix: 'Quetta', seed: 303 },
];

interface Desk {
  name: string;
  centreId: string;
  client: ApiClient;
  vault: MemoryTokenVault;
  /** The centre's own report per quarter, computed on its workstation. */
  own: Map<string, QuarterlyReport>;
}

/** A report without what says where and when it was made. */
const figures = ({ generatedAt: _g, source: _s, scope: _c, ...rest }: QuarterlyReport) => rest;

/** Figures that add up over centres: counts and money. Hours add up to their rounding. */
const ADDITIVE = KPIS.filter((k) => ['count', 'pkr', 'usd'].includes(k.unit) && k.key !== 'mentoring.mentorsActive').map(
  (k) => k.key as KpiKey,
);

describe.each(testDatabases())('the national roll-up on $name', (database) => {
  let store: TestStore;
  let app: FastifyInstance;
  let url: string;
  const desks: Desk[] = [];
  const opened: { core: Core; dir: string }[] = [];
  let national: ApiClient;
  let nationalToken: string;
  let clock: Date | null = null;

  function workstation() {
    const dir = tempDir('incubator-rollup-');
    const vault = new MemoryTokenVault();
    const core = Core.open({ dataDir: dir, now: () => clock ?? new Date(), log: () => {}, tokenVault: vault });
    opened.push({ core, dir });
    return { core, vault, client: connectInProcess(core).client };
  }

  const get = async (path: string, token: string, query: Record<string, string>) => {
    const client = clientInfo();
    const response = await fetch(`${url}${path}?${new URLSearchParams(query)}`, {
      headers: {
        authorization: `Bearer ${token}`,
        [CLIENT_HEADERS.protocol]: String(client.protocol),
        [CLIENT_HEADERS.schemaVersion]: String(client.schemaVersion),
        [CLIENT_HEADERS.appVersion]: client.appVersion,
      },
    });
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    store = await database.setup();
    app = buildServer({ db: store.db, enrolRateLimit: { max: 1000, timeWindowMs: 60_000 } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // The national office's directory: a mentor every centre may book, and a programme.
    const office = await enrolDevice(app, store.db, null, 'national');
    const mentor = insertOps(office, 'mentors', null, {
      name: 'Dr. Fatima Noor',
      country: 'Pakistan',
      expertise: '[]',
      time_zone: 'Asia/Karachi',
    });
    await push(app, office.token, [...mentor, ...insertOps(office, 'programmes', null, { kind: 'training', name: 'National Freelancing' })]);
    const nationalMentorIds = [mentor[0]!.rowId];

    for (const [i, plan] of CENTRES.entries()) {
      const desk = workstation();
      const email = `manager${i}@${plan.prefix.toLowerCase()}.nic.pk`;
      await desk.client.call('auth.setup', {
        centreName: plan.name,
        centreCity: plan.prefix,
        managerName: `${plan.prefix} Manager`,
        managerEmail: email,
        managerPassword: MANAGER.password,
      });
      // Joins first (uploading the new centre), so that the national mentor is here to book.
      const serverCentre = await createCentre(store.db, { name: plan.name }, new Date());
      const { code } = await createEnrolmentCode(store.db, { centre: serverCentre.id, role: 'workstation', upload: true }, new Date());
      const joined = await desk.client.runJob('sync.enrol', { serverUrl: url, code, deviceName: `${plan.prefix} desk` });
      expect(joined.firstSyncError).toBeNull();
      await enterCentrePlan(desk.client, {
        quarter: QUARTER,
        seed: plan.seed,
        prefix: plan.prefix,
        nationalMentorIds,
        setClock: (at) => (clock = at),
      });
      clock = null;
      const synced = await desk.client.runJob('sync.now', {});
      expect(synced.rejected).toEqual([]);
      const own = new Map<string, QuarterlyReport>();
      for (const quarter of QUARTERS) own.set(quarter, await desk.client.call('reports.quarterly', { quarter }));
      desks.push({ name: plan.name, centreId: joined.centreId!, client: desk.client, vault: desk.vault, own });
    }

    const office2 = workstation();
    const { code } = await createEnrolmentCode(store.db, { role: 'national' }, new Date());
    await office2.client.runJob('sync.enrol', { serverUrl: url, code, deviceName: 'National office' });
    await office2.client.call('auth.signIn', { email: `manager0@karachi.nic.pk`, password: MANAGER.password });
    national = office2.client;
    nationalToken = (await office2.vault.read())!;
  }, 600_000);

  afterAll(async () => {
    for (const { core, dir } of opened.splice(0)) {
      await core.sync.engine.idle();
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await app?.close();
    await store?.teardown();
  });

  it('every centre: byCentre of the report of all centres equals the centre’s own report, KPI by KPI', async () => {
    for (const quarter of QUARTERS) {
      const all = await national.call('reports.quarterly', { quarter });
      expect(all.scope).toEqual({ kind: 'national', centreId: null, name: 'All centres', centres: 3 });
      expect(all.byCentre.map((c) => c.centreName)).toEqual(CENTRES.map((c) => c.name));
      for (const desk of desks) {
        const own = desk.own.get(quarter)!;
        // Most figures have something to count in each centre.
        expect(Object.values(own.values).filter((v) => v !== 0 && v !== null).length).toBeGreaterThan(15);
        expect(all.byCentre.find((c) => c.centreId === desk.centreId)?.values, `${desk.name} ${quarter}`).toEqual(own.values);
      }
    }
  });

  it('the report of all centres is the sum of the centres’ own for every additive figure', async () => {
    const all = await national.call('reports.quarterly', { quarter: QUARTER });
    const own = desks.map((d) => d.own.get(QUARTER)!);
    for (const key of ADDITIVE) {
      const sum = own.reduce((total, r) => total + r.values[key]!, 0);
      expect(all.values[key], key).toBeCloseTo(sum, 2);
    }
    const hours = own.reduce((total, r) => total + r.values['mentoring.hours']!, 0);
    expect(Math.abs(all.values['mentoring.hours']! - hours)).toBeLessThanOrEqual(0.05 * own.length + 1e-9);
    // The national mentor counts once nationally however many centres booked them.
    const mentors = own.map((r) => r.values['mentoring.mentorsActive']!);
    // (With these seeds the national mentor has sessions in more than one centre.)
    expect(all.values['mentoring.mentorsActive']).toBeLessThan(mentors.reduce((a, b) => a + b, 0));
    expect(all.values['mentoring.mentorsActive']).toBeGreaterThanOrEqual(Math.max(...mentors));
    expect(all.checkIns).toEqual({
      expected: own.reduce((n, r) => n + r.checkIns.expected, 0),
      received: own.reduce((n, r) => n + r.checkIns.received, 0),
      locked: own.reduce((n, r) => n + r.checkIns.locked, 0),
    });
    expect(all.perStartup).toHaveLength(own.reduce((n, r) => n + r.perStartup.length, 0));
  });

  it('one centre: the server’s whole report equals the centre’s own, and so do the rows behind a figure', async () => {
    for (const desk of desks) {
      for (const quarter of QUARTERS) {
        const one = await national.call('reports.quarterly', { quarter, centre: desk.centreId });
        expect(one.scope).toEqual({ kind: 'national', centreId: desk.centreId, name: desk.name, centres: 1 });
        expect(figures(one), `${desk.name} ${quarter}`).toEqual(figures(desk.own.get(quarter)!));
      }
      for (const key of ['mentoring.hours', 'trainees.completed', 'startups.active'] as const) {
        const query = { quarter: QUARTER, key, limit: 500 };
        const ownRows = await desk.client.call('reports.rows', query);
        expect(await national.call('reports.rows', { ...query, centre: desk.centreId })).toEqual(ownRows);
        expect(await national.call('reports.rows', { ...query, centreId: desk.centreId })).toEqual(ownRows);
      }
    }
  });

  it('a centre’s device is refused with 403 and no figures', async () => {
    for (const desk of desks) {
      const token = (await desk.vault.read())!;
      for (const centre of ['all', desk.centreId]) {
        const answer = await get('/v1/reports/quarterly', token, { quarter: QUARTER, centre });
        expect(answer.status).toBe(403);
        expect(SyncError.parse(JSON.parse(answer.text)).error).toBe('forbidden');
        expect(answer.text).not.toMatch(/values|mentoring/);
      }
      const rows = await get('/v1/reports/rows', token, { quarter: QUARTER, key: 'mentoring.sessions' });
      expect(rows.status).toBe(403);
    }
  });

  it('bad quarter, key, centre, offset or parameters are a 4xx naming the field', async () => {
    const cases: Array<[string, Record<string, string>, number, RegExp]> = [
      ['/v1/reports/quarterly', { quarter: 'Q3-2026' }, 400, /^quarter: /],
      ['/v1/reports/quarterly', { quarter: QUARTER, centre: 'NIC Karachi' }, 400, /^centre: /],
      ['/v1/reports/quarterly', { quarter: QUARTER, centre: '0190a000-0000-7000-8000-000000000999' }, 404, /^centre: /],
      ['/v1/reports/quarterly', { quarter: QUARTER, format: 'pdf' }, 400, /format/],
      ['/v1/reports/rows', { quarter: QUARTER, key: 'revenue' }, 400, /^key: /],
      ['/v1/reports/rows', { quarter: QUARTER, key: 'revenue.pkr', offset: '1'.repeat(30) }, 400, /^offset: /],
      ['/v1/reports/rows', { quarter: QUARTER, key: 'revenue.pkr', limit: '100000' }, 400, /^limit: /],
    ];
    for (const [path, query, status, message] of cases) {
      const answer = await get(path, nationalToken, query);
      expect(answer.status, `${path} ${JSON.stringify(query)}`).toBe(status);
      expect(SyncError.parse(JSON.parse(answer.text)).message).toMatch(message);
    }
    const far = await get('/v1/reports/rows', nationalToken, { quarter: QUARTER, key: 'revenue.pkr', offset: '999999999999' });
    expect(far.status).toBe(200);
    expect(JSON.parse(far.text)).toMatchObject({ rows: [] });
  });

  it('centres counting fiscal years: every centre in calendar quarters, a fiscal centre alone in its own', async () => {
    const fiscal = desks[1]!;
    await fiscal.client.call('centre.update', { quarterScheme: 'pk-fiscal' });
    await fiscal.client.runJob('sync.now', {});
    const own = await fiscal.client.call('reports.quarterly', { quarter: QUARTER });
    expect(own.scheme).toBe('pk-fiscal');
    const one = await national.call('reports.quarterly', { quarter: QUARTER, centre: fiscal.centreId });
    expect(figures(one)).toEqual(figures(own));
    const all = await national.call('reports.quarterly', { quarter: QUARTER });
    expect(all.scheme).toBe('calendar');
    expect(all.label).toMatch(/^\d{4}-Q\d \(/);
  });
});

noteSkippedDatabases();
