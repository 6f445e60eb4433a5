import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseServerUrl, ServerUrl } from '../../shared/api/sync.js';
import { tempDir } from '../testing/harness.js';
import { failureOf } from './http-transport.js';
import { FileTokenVault } from './token-vault.js';

describe('failureOf: HTTP errors in words a manager understands', () => {
  it('says the access was revoked on 401 and asks for an update on 426, whatever the endpoint', () => {
    const revoked = failureOf(
      401,
      { error: 'unauthorized', message: 'This device has been revoked; enrol it again' },
      '/v1/sync/pull',
    );
    expect(revoked).toMatchObject({ kind: 'revoked', status: 401 });
    expect(revoked.message).toBe("This workstation's access was revoked — ask your administrator for a new enrolment code.");
    const old = failureOf(426, { error: 'upgrade-required', message: '…' }, '/v1/sync/push');
    expect(old.kind).toBe('upgrade-required');
    expect(old.message).toMatch(/^Update Incubator Desk: the server needs a newer version/);
  });

  it('explains enrolment refusals, including an upload code on an empty workstation and the reverse', () => {
    expect(failureOf(400, { error: 'code-invalid', message: 'x' }, '/v1/enrol').message).toMatch(/not known/);
    expect(failureOf(409, { error: 'code-used', message: 'x' }, '/v1/enrol').message).toMatch(/already been used/);
    expect(failureOf(410, { error: 'code-expired', message: 'x' }, '/v1/enrol').message).toMatch(/expired/);
    expect(
      failureOf(400, { error: 'invalid', message: 'localCentre: required with an upload code' }, '/v1/enrol').message,
    ).toMatch(/this workstation has none/);
    expect(
      failureOf(400, { error: 'invalid', message: 'localCentre: only an upload code takes the local centre; …' }, '/v1/enrol')
        .message,
    ).toMatch(/only join with an upload code/);
    expect(failureOf(404, undefined, '/v1/enrol').message).toMatch(/No Incubator Desk sync server answers/);
  });

  it('keeps the protocol code for the engine (too-large halves the batch, snapshot-expired restarts)', () => {
    expect(failureOf(413, { error: 'too-large', message: 'x' }, '/v1/sync/push')).toMatchObject({
      kind: 'server',
      code: 'too-large',
    });
    expect(failureOf(500, { error: 'internal', message: 'x' }, '/v1/sync/pull')).toMatchObject({ kind: 'server', status: 500 });
  });
});

describe('server addresses', () => {
  it('adds https:// when missing, drops trailing slashes, and refuses what is not a web address', () => {
    expect(normaliseServerUrl('sync.nic.pk/')).toBe('https://sync.nic.pk');
    expect(normaliseServerUrl(' http://10.0.0.5:8080/ ')).toBe('http://10.0.0.5:8080');
    expect(() => normaliseServerUrl('ftp://sync.nic.pk')).toThrow(/https/);
    expect(() => normaliseServerUrl('https://sync.nic.pk/?x=1')).toThrow(/\?/);
    const parsed = ServerUrl.safeParse('');
    expect(parsed.success).toBe(false);
  });
});

describe('FileTokenVault', () => {
  it('keeps the token in a file only its owner can read, and forgets it', async () => {
    const dir = tempDir();
    const vault = new FileTokenVault(dir);
    expect(await vault.read()).toBeNull();
    await vault.write('abc_DEF-123');
    expect(await vault.read()).toBe('abc_DEF-123');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'sync-token')).mode & 0o777).toBe(0o600);
    await vault.write('second-token');
    expect(await vault.read()).toBe('second-token');
    expect(fs.readdirSync(dir)).toEqual(['sync-token']); // no temp files left behind
    expect(vault.describe()).toBe(`kept in ${path.join(dir, 'sync-token')}, readable only by you`);
    await vault.clear();
    expect(await vault.read()).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
