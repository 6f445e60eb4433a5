/**
 * The sync engine against the real central server (its own process: see testing/
 * real-server.ts): the clock check refuses to join or sync from a clock more than a day
 * off, and refuses to stamp local changes from a clock far ahead; an interrupted bootstrap
 * resumes where it stopped; status and events follow.
 */
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import type { SyncStatusEvent } from '../../shared/api/sync.js';
import { Core } from '../host/core.js';
import { connectInProcess } from '../host/in-process.js';
import { failure, MANAGER, tempDir } from '../testing/harness.js';
import { startRealServer, type RealServer } from './testing/real-server.js';
import { MemoryTokenVault, type TokenVault } from './token-vault.js';

const DAY = 24 * 3600_000;
let server: RealServer;
beforeAll(async () => {
  server = await startRealServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const opened: { core: Core; dir: string }[] = [];
afterEach(() => {
  for (const { core, dir } of opened.splice(0)) {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A workstation core with an adjustable clock and (optionally) a network that can fail. */
function workstation(opts: { skewMs?: () => number; fetch?: typeof fetch; snapshotPage?: number; vault?: TokenVault } = {}): {
  core: Core;
  client: ApiClient;
  events: SyncStatusEvent[];
} {
  const dir = tempDir();
  const skew = opts.skewMs ?? (() => 0);
  const core = Core.open({
    dataDir: dir,
    now: () => new Date(Date.now() + skew()),
    log: () => {},
    tokenVault: opts.vault ?? new MemoryTokenVault(),
    syncFetch: opts.fetch,
    syncPageSizes: { snapshot: opts.snapshotPage },
  });
  opened.push({ core, dir });
  const { client } = connectInProcess(core);
  const events: SyncStatusEvent[] = [];
  client.on('sync.status', (e) => events.push(e));
  return { core, client, events };
}

async function joinAndSignIn(client: ApiClient, code: string): Promise<void> {
  await client.runJob('sync.enrol', { serverUrl: server.url, code, deviceName: 'Test desk' });
  await client.call('sync.firstManager', { name: 'Amna Siddiqui', email: MANAGER.email, password: MANAGER.password });
}

describe('the clock check', () => {
  it('refuses to join from a clock two days ahead, and the code stays usable', async () => {
    const { code } = await server.centreWithCode('NIC Abbottabad');
    const ahead = workstation({ skewMs: () => 2 * DAY });
    const error = await failure(ahead.client.runJob('sync.enrol', { serverUrl: server.url, code }));
    expect(error.message).toMatch(/^This computer's clock is 2 days ahead of the sync server's\. Set the date and time right/);
    const fine = workstation();
    await joinAndSignIn(fine.client, code);
    expect((await fine.client.call('sync.status', {})).configured).toBe(true);
  });

  it('refuses to sync, and to stamp changes, while the clock is more than a day ahead; both work again once it is right', async () => {
    const { code } = await server.centreWithCode('NIC Mardan');
    let skew = 0;
    const { client } = workstation({ skewMs: () => skew });
    await joinAndSignIn(client, code);
    await client.call('startups.create', { name: 'Before the clock jumped', sector: 'ai' });

    skew = 3 * DAY;
    const refused = await failure(client.runJob('sync.now', {}));
    expect(refused.code).toBe('unavailable');
    expect(refused.message).toMatch(/clock is 3 days ahead of the sync server's/);
    const write = await failure(client.call('startups.create', { name: 'Stamped from the future', sector: 'ai' }));
    expect(write).toMatchObject({
      code: 'locked',
      message: expect.stringMatching(/clock is 3 days ahead.*changes cannot be saved/),
    });
    const status = await client.call('sync.status', {});
    expect(status.lastError).toMatchObject({ kind: 'clock' });
    expect(status.pendingChanges).toBeGreaterThan(0); // nothing was sent

    skew = 0;
    const report = await client.runJob('sync.now', {});
    expect(report.pushed).toBeGreaterThan(0);
    await client.call('startups.create', { name: 'After the fix', sector: 'ai' });
    expect((await client.call('sync.status', {})).lastError).toBeNull();
  });

  it('refuses a clock two days behind too (it would lose every conflict)', async () => {
    const { code } = await server.centreWithCode('NIC Swat');
    const behind = workstation({ skewMs: () => -2 * DAY });
    const error = await failure(behind.client.runJob('sync.enrol', { serverUrl: server.url, code }));
    expect(error.message).toMatch(/clock is 2 days behind the sync server's/);
  });
});

describe('the token vault', () => {
  it('refuses to join where the token cannot be kept, before the code is used up', async () => {
    const { code } = await server.centreWithCode('NIC Chitral');
    const noKeyStore = new MemoryTokenVault();
    noKeyStore.check = async () => {
      throw new Error('This computer has no secure key store');
    };
    const refused = await failure(
      workstation({ vault: noKeyStore }).client.runJob('sync.enrol', { serverUrl: server.url, code }),
    );
    expect(refused).toMatchObject({ code: 'unavailable', message: expect.stringContaining('no secure key store') });
    expect(await noKeyStore.read()).toBeNull();
    // The code was never presented: another workstation joins with it.
    const fine = workstation();
    await joinAndSignIn(fine.client, code);
    expect((await fine.client.call('sync.status', {})).configured).toBe(true);
  });

  it('stops background retries, with the reason, when the kept token cannot be read', async () => {
    const { code } = await server.centreWithCode('NIC Hunza');
    const vault = new MemoryTokenVault();
    const { client } = workstation({ vault });
    await joinAndSignIn(client, code);
    vault.read = async () => {
      throw new Error('The secure token storage failed: the key store was reset');
    };
    const refused = await failure(client.runJob('sync.now', {}));
    expect(refused.message).toContain('the key store was reset');
    expect((await client.call('sync.status', {})).lastError).toMatchObject({ kind: 'not-configured' });
  });
});

describe('bootstrap', () => {
  it('resumes an interrupted bootstrap where it stopped, and reports progress', async () => {
    const { centreId, code } = await server.centreWithCode('NIC Bahawalpur');
    // A first workstation fills the centre with enough rows for several snapshot pages.
    const source = workstation();
    await joinAndSignIn(source.client, code);
    for (let i = 0; i < 30; i++) await source.client.call('startups.create', { name: `Startup ${i}`, sector: 'fintech' });
    await source.client.runJob('sync.now', {});

    // The second one's network drops after its second snapshot page.
    const snapshotRequests: string[] = [];
    let dropAfter = 2;
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).includes('/v1/sync/snapshot')) {
        snapshotRequests.push(String(input));
        if (snapshotRequests.length > dropAfter) throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    const target = workstation({ fetch: flaky, snapshotPage: 10 });
    const progress: number[] = [];
    const joined = await target.client.runJob(
      'sync.enrol',
      { serverUrl: server.url, code: await server.code(centreId) },
      { onProgress: (p) => progress.push(p.done) },
    );
    expect(joined.firstSync).toBeNull();
    expect(joined.firstSyncError).toMatch(/The server could not be reached/);
    const state = await target.client.call('sync.join.state', {});
    expect(state).toMatchObject({ joined: true, phase: 'bootstrapping', lastError: { kind: 'unreachable' } });
    expect(target.events.some((e) => e.online === false)).toBe(true);
    const done = (target.core.db.prepare('SELECT snapshot_rows_done AS n FROM sync_state').get() as { n: number }).n;
    expect(done).toBe(20);

    dropAfter = Infinity;
    const before = snapshotRequests.length;
    const resumed = await target.client.runJob('sync.join.resume', {});
    expect(resumed.snapshotRows).toBeGreaterThan(0);
    // It went on from the third page of the same snapshot, not from the first page again.
    expect(snapshotRequests[before]).toMatch(/[?&]snapshot=.+&after=/);
    expect(snapshotRequests[before]).toBe(snapshotRequests[before - 1]);
    expect(progress.length).toBeGreaterThan(0);
    expect((await target.client.call('sync.join.state', {})).phase).toBe('ready');
    // Signed in as the manager made on the first workstation, it sees every startup.
    await target.client.call('auth.signIn', { email: MANAGER.email, password: MANAGER.password });
    expect((await target.client.call('startups.list', { limit: 100 })).total).toBe(30);
  });
});
