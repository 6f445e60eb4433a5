/**
 * A national workstation's reports come from the sync server (the real one, its own
 * process: core/sync/testing/real-server.ts): reports.quarterly and reports.rows answer the
 * server's figures, reports.export writes them, and failures are said in a manager's words.
 * A centre's workstation uploads a year of work first; the server's report on it must be the
 * one that workstation computes itself. (e2e/reports/ compares several centres, on PGlite and
 * PostgreSQL.)
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { QuarterlyReport } from '../../shared/api/reports.js';
import { nestKpis } from '../../shared/reports/kpis.js';
import { quarterOf, shiftQuarter } from '../../shared/reports/quarters.js';
import { CLIENT_HEADERS } from '../../shared/sync/protocol.js';
import { Core } from '../host/core.js';
import { connectInProcess } from '../host/in-process.js';
import { clientInfo } from '../sync/client-info.js';
import { startRealServer, type RealServer } from '../sync/testing/real-server.js';
import { MemoryTokenVault } from '../sync/token-vault.js';
import { failure, MANAGER, tempDir } from '../testing/harness.js';
import { enterCentrePlan } from './national-test-data.js';

/** Two quarters back: every event of the plan (up to the end of the next quarter) is in the past. */
const QUARTER = shiftQuarter(quarterOf(new Date().toISOString()), -2);

let server: RealServer;
const opened: { core: Core; dir: string }[] = [];

function workstation(opts: { clock?: () => Date | null; fetch?: typeof fetch } = {}) {
  const dir = tempDir('incubator-national-');
  const vault = new MemoryTokenVault();
  const core = Core.open({
    dataDir: dir,
    now: () => opts.clock?.() ?? new Date(),
    log: () => {},
    tokenVault: vault,
    syncFetch: opts.fetch,
  });
  opened.push({ core, dir });
  return { core, vault, client: connectInProcess(core).client };
}

let centreId: string;
let own: QuarterlyReport;
let centre: ApiClient;
let national: ReturnType<typeof workstation> & { online: { value: boolean } };

beforeAll(async () => {
  server = await startRealServer();
  // A centre's workstation enters its year, then joins the server and uploads it.
  let clock: Date | null = null;
  const desk = workstation({ clock: () => clock });
  centre = desk.client;
  await centre.call('auth.setup', {
    centreName: 'NIC Peshawar',
    centreCity: 'Peshawar',
    managerName: 'Amna Siddiqui',
    managerEmail: MANAGER.email,
    managerPassword: MANAGER.password,
  });
  await enterCentrePlan(centre, { quarter: QUARTER, seed: 11, prefix: 'Peshawar', setClock: (at) => (clock = at) });
  clock = null;
  const { code } = await server.centreWithCode('NIC Peshawar', { upload: true });
  const joined = await centre.runJob('sync.enrol', { serverUrl: server.url, code, deviceName: 'Peshawar desk' });
  expect(joined.firstSyncError).toBeNull();
  centreId = joined.centreId!;
  own = await centre.call('reports.quarterly', { quarter: QUARTER });

  // The national office's workstation joins with a national code and signs in.
  const online = { value: true };
  national = {
    ...workstation({ fetch: (input, init) => (online.value ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'))) }),
    online,
  };
  await national.client.runJob('sync.enrol', {
    serverUrl: server.url,
    code: await server.code(null, { role: 'national' }),
    deviceName: 'National office',
  });
  await national.client.call('auth.signIn', { email: MANAGER.email, password: MANAGER.password });
}, 240_000);

afterAll(async () => {
  for (const { core, dir } of opened.splice(0)) {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await server?.stop();
});

/** The report as the server sends it to this national workstation's token. */
async function fromServer(query: string): Promise<QuarterlyReport> {
  const client = clientInfo();
  const response = await fetch(`${server.url}/v1/reports/quarterly?${query}`, {
    headers: {
      authorization: `Bearer ${await national.vault.read()}`,
      [CLIENT_HEADERS.protocol]: String(client.protocol),
      [CLIENT_HEADERS.schemaVersion]: String(client.schemaVersion),
      [CLIENT_HEADERS.appVersion]: client.appVersion,
    },
  });
  expect(response.status).toBe(200);
  return QuarterlyReport.parse(await response.json());
}

/** A report without what says where and when it was made. */
const figures = ({ generatedAt: _g, source: _s, scope: _c, ...rest }: QuarterlyReport) => rest;

describe('a national workstation', () => {
  it('reports.quarterly answers the server’s figures for every centre, and for one', async () => {
    // The plan gives most figures something to count.
    expect(Object.values(own.values).filter((v) => v !== 0 && v !== null).length).toBeGreaterThan(25);
    const report = await national.client.call('reports.quarterly', { quarter: QUARTER });
    expect(report).toMatchObject({ source: 'server', scope: { kind: 'national', centreId: null, name: 'All centres', centres: 1 } });
    expect(report).toEqual({ ...(await fromServer(`quarter=${QUARTER}`)), generatedAt: report.generatedAt });
    // One centre on the server: its own workstation's figures.
    expect(report.values).toEqual(own.values);

    const one = await national.client.call('reports.quarterly', { quarter: QUARTER, centre: centreId });
    expect(one.scope).toEqual({ kind: 'national', centreId, name: 'NIC Peshawar', centres: 1 });
    expect(figures(one)).toEqual(figures(own));
  });

  it('reports.rows pages through the server’s rows behind a figure', async () => {
    const query = { quarter: QUARTER, key: 'mentoring.sessions' as const, offset: 1, limit: 3 };
    const page = await national.client.call('reports.rows', query);
    expect(page).toEqual(await centre.call('reports.rows', query));
    expect(page.total).toBe(own.values['mentoring.sessions']);
    expect(page.rows).toHaveLength(Math.min(3, page.total - 1));
  });

  it('reports.export json writes the server’s report', async () => {
    const report = await national.client.call('reports.quarterly', { quarter: QUARTER });
    const written = await national.client.runJob('reports.export', { quarter: QUARTER, format: 'json' });
    expect(written.format).toBe('json');
    const document = JSON.parse(fs.readFileSync(written.path, 'utf8')) as Record<string, unknown>;
    expect(document).toMatchObject({ quarter: QUARTER, source: 'server', scope: report.scope, values: nestKpis(report.values) });
    expect(document.perStartup).toEqual(report.perStartup);
  });

  it('an unknown centre is refused beside the centre field', async () => {
    const error = await failure(
      national.client.call('reports.quarterly', { quarter: QUARTER, centre: '0190a000-0000-7000-8000-000000000999' }),
    );
    expect(error).toMatchObject({ code: 'invalid', issues: [{ path: ['centre'] }] });
  });

  it('offline: says the national report needs the server, and when this workstation last synced', async () => {
    national.online.value = false;
    try {
      const error = await failure(national.client.call('reports.quarterly', { quarter: QUARTER }));
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(
        /^The national report is made by the sync server, which could not be reached\. .* It last synced (a moment|\d+ minutes?) ago \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/,
      );
      const exported = await failure(national.client.runJob('reports.export', { quarter: QUARTER, format: 'json' }));
      expect(exported.message).toMatch(/could not be reached/);
      const rows = await failure(national.client.call('reports.rows', { quarter: QUARTER, key: 'mentoring.hours' }));
      expect(rows.message).toMatch(/could not be reached/);
    } finally {
      national.online.value = true;
    }
  });
});
