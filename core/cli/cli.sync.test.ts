/**
 * `enroll` and `sync` against the real central server (server/main.ts in its own process,
 * embedded PostgreSQL): a new workstation receives its centre, a second one receives what the
 * first sent, an existing workstation uploads its data, a read-only device sees its changes
 * rejected with reasons, a revoked one is told so, and an unreachable server says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness.js';
import { startRealServer, type RealServer } from '../sync/testing/real-server.js';
import { cli, initialised, PASSWORD } from './cli-test-kit.js';

type Row = Record<string, unknown> & { id: string };
type SyncOut = {
  pushed: number;
  pulled: number;
  applied: number;
  rejected: { reason: string; message: string }[];
  pendingChanges: number;
};

let server: RealServer;
let root: string;
beforeAll(async () => {
  server = await startRealServer();
  root = tempDir('incubator-cli-sync-');
}, 120_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const folder = (name: string) => path.join(root, name);
const names = async (dir: string) =>
  (await cli('--data', dir, '--json', 'startups', 'list', '--all'))
    .json<Row[]>()
    .map((s) => s.name)
    .sort();

describe('enroll and sync with the real server', () => {
  it('a new workstation joins its centre, gets a first manager, and its changes reach a second workstation', async () => {
    const { centreId, code } = await server.centreWithCode('NIC Quetta');
    const first = folder('quetta-1');
    const joined = await cli('--data', first, 'enroll', '--server', server.url, '--code', code, '--name', 'Front desk');
    expect(joined.code).toBe(0);
    expect(joined.stdout).toContain(`Joined ${server.url} as a workstation device of NIC Quetta`);
    expect(joined.stdout).toContain(`The device token is kept in ${path.join(first, 'sync-token')}, readable only by you.`);
    expect(joined.stdout).toContain('The centre has no manager account yet');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(first, 'sync-token')).mode & 0o777).toBe(0o600);

    // The centre row came from the server: the workstation is set up for it, but nobody can sign in yet.
    const manager = await cli(
      '--data',
      first,
      'first-manager',
      '--email',
      'zarghuna.kakar@nic-quetta.pk',
      '--password',
      PASSWORD,
    );
    expect(manager.code).toBe(0);
    expect((await cli('--data', first, 'first-manager', '--email', 'other@nic-quetta.pk', '--password', PASSWORD)).code).toBe(1);

    expect((await cli('--data', first, 'startups', 'add', '--name', 'Chiltan Solar', '--sector', 'cleantech')).code).toBe(0);
    const synced = await cli('--data', first, '--json', 'sync');
    expect(synced.code).toBe(0);
    const out = synced.json<SyncOut>();
    expect(out.pushed).toBeGreaterThan(10); // the manager and the startup, field by field
    expect(out.rejected).toEqual([]);
    expect(out.pendingChanges).toBe(0);

    // A second workstation of the same centre bootstraps and has both: it can sign in as that manager.
    const second = folder('quetta-2');
    const joined2 = await cli(
      '--data',
      second,
      '--json',
      'enroll',
      '--server',
      server.url,
      '--code',
      await server.code(centreId),
    );
    expect(joined2.code).toBe(0);
    expect(joined2.json()).toMatchObject({ mode: 'bootstrap', centreId, needsFirstManager: false, firstSyncError: null });
    expect(await names(second)).toEqual(['Chiltan Solar']);

    // An edit on the second reaches the first.
    const [startup] = (await cli('--data', second, '--json', 'startups', 'list', '--all')).json<Row[]>();
    expect((await cli('--data', second, 'startups', 'update', startup!.id, '--city', 'Quetta')).code).toBe(0);
    const text = await cli('--data', second, 'sync');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Sent: \d+ changes accepted by the server/);
    expect((await cli('--data', first, 'sync')).code).toBe(0);
    const onFirst = (await cli('--data', first, '--json', 'startups', 'get', startup!.id)).json<Row>();
    expect(onFirst.city).toBe('Quetta');
  });

  it("uploads an existing workstation's data with an upload code, for the next workstation to receive", async () => {
    const { dir, run, cleanup } = await initialised();
    try {
      expect((await run('startups', 'add', '--name', 'Tez Pay', '--sector', 'fintech')).code).toBe(0);
      const { centreId, code } = await server.centreWithCode('NIC Karachi (server)', { upload: true });
      const joined = await run('--json', 'enroll', '--server', server.url, '--code', code);
      expect(joined.code).toBe(0);
      const result = joined.json<{ mode: string; centreId: string; firstSync: SyncOut }>();
      expect(result.mode).toBe('upload');
      expect(result.centreId).not.toBe(centreId); // the server's empty centre took this workstation's id
      expect(result.firstSync.pushed).toBeGreaterThan(0);
      expect(result.firstSync.rejected).toEqual([]);

      const next = folder('karachi-2');
      expect(
        (await cli('--data', next, 'enroll', '--server', server.url, '--code', await server.code(result.centreId))).code,
      ).toBe(0);
      expect(await names(next)).toEqual(['Tez Pay']);
      // The manager made by `init` came along: the CLI acts as them there too.
      expect((await cli('--data', next, 'startups', 'list')).code).toBe(0);
      expect(fs.existsSync(dir)).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('lists the changes a read-only device may not send, with the reason, and keeps the outbox moving', async () => {
    const { code } = await server.centreWithCode('NIC Gilgit', { role: 'readonly' });
    const dir = folder('gilgit-readonly');
    expect((await cli('--data', dir, 'enroll', '--server', server.url, '--code', code)).code).toBe(0);
    expect((await cli('--data', dir, 'first-manager', '--email', 'manager@nic-gilgit.pk', '--password', PASSWORD)).code).toBe(0);
    const synced = await cli('--data', dir, 'sync');
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(/Rejected by the server: \d+ changes/);
    expect(synced.stdout).toContain('users "Manager" name: read-only-device — This device may only read');
    const again = await cli('--data', dir, '--json', 'sync');
    expect(again.json<SyncOut>()).toMatchObject({ pushed: 0, rejected: [], pendingChanges: 0 });
  });

  it('says plainly when the device was revoked, and exits 1', async () => {
    const { code } = await server.centreWithCode('NIC Sukkur');
    const dir = folder('sukkur');
    const joined = await cli('--data', dir, '--json', 'enroll', '--server', server.url, '--code', code);
    expect(joined.code).toBe(0);
    await server.admin('revoke', joined.json<{ deviceId: string }>().deviceId);
    const r = await cli('--data', dir, 'sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("This workstation's access was revoked — ask your administrator for a new enrolment code");
  });

  it('refuses a used code beside --code, and a wrong address beside --server', async () => {
    const { code } = await server.centreWithCode('NIC Multan');
    expect((await cli('--data', folder('multan-1'), 'enroll', '--server', server.url, '--code', code)).code).toBe(0);
    const used = await cli('--data', folder('multan-2'), '--json', 'enroll', '--server', server.url, '--code', code);
    expect(used.code).toBe(2);
    expect(used.error().issues).toEqual([
      { path: ['code'], message: expect.stringMatching(/already been used/), flag: '--code' },
    ]);
    const wrong = await cli(
      '--data',
      folder('multan-3'),
      '--json',
      'enroll',
      '--server',
      `${server.url}/not-here`,
      '--code',
      code,
    );
    expect(wrong.error().issues?.[0]).toMatchObject({ path: ['serverUrl'], flag: '--server' });
  });
});

describe('sync without the server', () => {
  it('says the server could not be reached, and exits 1 with the changes kept', async () => {
    const { code } = await server.centreWithCode('NIC Hyderabad');
    const dir = folder('hyderabad');
    expect((await cli('--data', dir, 'enroll', '--server', server.url, '--code', code)).code).toBe(0);
    expect((await cli('--data', dir, 'first-manager', '--email', 'manager@nic-hyderabad.pk', '--password', PASSWORD)).code).toBe(
      0,
    );
    // Point this workstation at a port where nothing listens.
    const Database = (await import('better-sqlite3')).default;
    const file = path.join(dir, 'incubator.sqlite');
    const pending = () => {
      const db = new Database(file);
      try {
        return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const db = new Database(file);
    db.prepare("UPDATE sync_state SET server_url = 'http://127.0.0.1:9'").run();
    db.close();
    const before = pending();
    expect(before).toBeGreaterThan(0);
    const r = await cli('--data', dir, 'sync');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The server could not be reached');
    expect(pending()).toBe(before);
  });
});
