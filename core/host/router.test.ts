import WebSocket from 'ws';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods } from '../../shared/api/index.js';
import { startupsTable } from '../../shared/records/startups.js';
import { counts, failure, MANAGER, startCore, tempDir, type Harness } from '../testing/harness.js';
import { handlers } from './handlers.js';
import { resolveStaticPath } from './static-files.js';
import { startWebHost } from './web.js';

let h: Harness;
beforeEach(async () => {
  h = await startCore();
});
afterEach(() => h.close());

describe('router', () => {
  it('has a handler for every API method', () => {
    expect(methods.filter((m) => !(m in handlers))).toEqual([]);
  });

  it('answers unknown methods and malformed input with typed errors', async () => {
    const err = await failure(h.manager.call('nope.nothing' as never, {} as never));
    expect(err).toMatchObject({ code: 'invalid', issues: [{ path: ['method'] }] });
    const bad = await failure(h.manager.call('startups.list', { limit: 'ten' } as never));
    expect(bad).toMatchObject({ code: 'invalid', issues: [{ path: ['limit'] }] });
  });

  it('runs a call in one transaction: a failure after a write leaves neither the row nor its ops', async () => {
    const before = counts(h.core, 'startups');
    // A stage change writes the startup and then its stage history; make the second write fail.
    h.core.db.exec(
      "CREATE TEMP TRIGGER fail_history BEFORE INSERT ON stage_changes BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const err = await failure(h.manager.call('startups.create', { name: 'Half Written', sector: 'ai' }));
    expect(err.code).toBe('internal');
    expect(counts(h.core, 'startups')).toEqual(before);
    expect(h.core.db.prepare('SELECT count(*) AS n FROM row_history WHERE tbl = ?').get(startupsTable.name)).toEqual({ n: 0 });
  });

  it('tells every connection which tables changed', async () => {
    const other = h.anonymous();
    const seen: string[][] = [];
    other.on('data.changed', (p) => seen.push(p.tables));
    await h.manager.call('startups.create', { name: 'Event Co', sector: 'media' });
    expect(seen).toContainEqual(expect.arrayContaining(['startups', 'stage_changes']));
  });
});

describe('auth', () => {
  it('first run happens once; sign-in checks the password; sign-out ends access', async () => {
    const again = await failure(
      h.anonymous().call('auth.setup', {
        centreName: 'Other',
        managerName: 'X',
        managerEmail: 'x@example.pk',
        managerPassword: 'long enough password',
      }),
    );
    expect(again.code).toBe('conflict');
    const client = h.anonymous();
    expect((await client.call('auth.status', {})).initialised).toBe(true);
    expect(await failure(client.call('auth.signIn', { email: MANAGER.email, password: 'wrong password!!' }))).toMatchObject({
      code: 'invalid',
      issues: [{ path: ['password'] }],
    });
    const { sessionToken } = await client.call('auth.signIn', { email: MANAGER.email.toUpperCase(), password: MANAGER.password });
    expect((await client.call('auth.status', {})).user?.email).toBe(MANAGER.email);
    await client.call('auth.signOut', {});
    expect((await failure(client.call('startups.list', {}))).code).toBe('unauthenticated');
    // Signing out ends the session: its token no longer resumes.
    expect((await failure(h.anonymous().call('auth.resume', { sessionToken }))).code).toBe('unauthenticated');
    const again2 = await client.call('auth.signIn', { email: MANAGER.email, password: MANAGER.password });
    const resumed = h.anonymous();
    await resumed.call('auth.resume', { sessionToken: again2.sessionToken });
    expect((await resumed.call('startups.list', {})).total).toBe(0);
  });

  it('refuses weak passwords, and a manager cannot create an admin or remove the last manager', async () => {
    expect(await failure(h.manager.call('users.create', { name: 'A', email: 'a@x.pk', role: 'staff', password: 'short' }))).toMatchObject({
      issues: [{ path: ['password'] }],
    });
    expect(
      await failure(h.manager.call('users.create', { name: 'A', email: 'a@x.pk', role: 'admin', password: 'a long password' })),
    ).toMatchObject({ code: 'invalid', issues: [{ path: ['role'] }] });
    const me = (await h.manager.call('auth.status', {})).user!;
    expect(await failure(h.manager.call('users.update', { id: me.id, patch: { active: false } }))).toMatchObject({
      issues: [{ path: ['patch', 'active'] }],
    });
    const dup = await failure(h.manager.call('users.create', { name: 'B', email: MANAGER.email, role: 'staff', password: 'a long password' }));
    expect(dup.code).toBe('conflict');
    const staff = await h.as('staff');
    expect((await failure(staff.call('users.list', {}))).code).toBe('forbidden');
    const users = await h.manager.call('users.list', {});
    expect(users.every((u) => !('passwordHash' in u))).toBe(true);
  });

  it('before the first run, only status and setup answer', async () => {
    const fresh = await startCore({ setup: false });
    try {
      expect((await fresh.manager.call('auth.status', {})).initialised).toBe(false);
      expect((await failure(fresh.manager.call('startups.list', {}))).code).toBe('unauthenticated');
    } finally {
      fresh.close();
    }
  });
});

describe('web host', () => {
  it('serves the UI, guards the socket with the token and the origin, and carries calls', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const host = await startWebHost(h.core, { rendererDir: dir });
    try {
      const page = await fetch(host.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const open = (url: string, origin?: string) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url, origin ? { origin } : {});
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        });
      const wsBase = `ws://127.0.0.1:${host.port}/api`;
      await expect(open(`${wsBase}?token=wrong`)).rejects.toThrow(/401/);
      await expect(open(`${wsBase}?token=${host.token}`, 'http://evil.example')).rejects.toThrow(/401/);
      const ws = await open(`${wsBase}?token=${host.token}`, `http://127.0.0.1:${host.port}`);
      const reply = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
      ws.send(JSON.stringify({ type: 'call', id: 7, method: 'auth.status', input: {} }));
      expect(await reply).toMatchObject({ type: 'result', id: 7, ok: true, value: { initialised: true } });
      ws.close();
    } finally {
      await host.close();
    }
  });

  it('never serves files outside the UI folder', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'index.html'), 'x');
    for (const attempt of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fhosts.conf', '/a/../../../x.js']) {
      const resolved = resolveStaticPath(root, attempt);
      expect(resolved === null || resolved.startsWith(root + path.sep), attempt).toBe(true);
    }
    expect(resolveStaticPath(root, '/../secret.js')).toBeNull();
    expect(resolveStaticPath(root, '/bad%zz')).toBeNull();
    expect(resolveStaticPath(root, '/startups/123')).toBe(path.join(root, 'index.html'));
  });
});
