/**
 * The command line as an administrator uses it: `server admin …` on an embedded data folder,
 * and again while a server holds that folder (through its admin socket), then a clean stop.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolResponse } from '../shared/sync/protocol.js';
import { lockFileOf } from './store/data-dir-lock.js';
import { client } from './testing/fixtures.js';

const MAIN = path.join(import.meta.dirname, 'main.ts');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the server on a free port and resolves with its address once it listens. */
function startServer(dataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', MAIN, '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir],
      {
        env: { ...process.env, DATABASE_URL: '' },
      },
    );
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
      if (address) resolve({ child, url: address, log: () => log });
    });
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('close', (code) => reject(new Error(`server exited ${code}: ${log}`)));
  });
}

describe('server command line', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-server-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('administers the data folder, then a running server through it, and stops cleanly', async () => {
    const created = await run(['admin', 'create-centre', '--name', 'NIC Karachi', '--data-dir', dataDir, '--json']);
    expect(created.code).toBe(0);
    const centre = JSON.parse(created.stdout) as { id: string; name: string };
    expect(centre.name).toBe('NIC Karachi');
    expect(fs.existsSync(lockFileOf(dataDir))).toBe(false);

    const issueCode = ['admin', 'enrolment-code', '--centre', centre.id, '--role', 'workstation', '--data-dir', dataDir];
    const bad = await run([...issueCode, '--expires', 'soon']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--expires: must be a duration/);

    const server = await startServer(dataDir);
    const secrets: string[] = [];
    try {
      const issued = await run(issueCode);
      expect(issued.code).toBe(0);
      const code = /Enrolment code: (\S+)/.exec(issued.stdout)![1]!;
      secrets.push(code);
      const response = await fetch(`${server.url}/v1/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ client, code, deviceName: 'Front desk', nodeId: '0123456789abcdef' }),
      });
      expect(response.status).toBe(200);
      const enrolled = EnrolResponse.parse(await response.json());
      secrets.push(enrolled.token);
      const pulled = await fetch(`${server.url}/v1/sync/pull`, {
        headers: {
          authorization: `Bearer ${enrolled.token}`,
          'x-sync-protocol': '1',
          'x-schema-version': '3',
          'x-app-version': '0.1.0',
        },
      });
      expect(((await pulled.json()) as { ops: unknown[] }).ops).toHaveLength(7);
      expect(enrolled).toMatchObject({ centreId: centre.id, mode: 'bootstrap' });

      const devices = await run(['admin', 'devices', '--data-dir', dataDir]);
      expect(devices.stdout).toContain('Front desk');
      expect(devices.stdout).not.toContain(enrolled.token);
    } finally {
      const exited = new Promise<number | null>((resolve) => server.child.on('exit', (code) => resolve(code)));
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(fs.existsSync(lockFileOf(dataDir))).toBe(false);
    expect(server.log()).toContain('/v1/sync/pull');
    for (const secret of secrets) expect(server.log()).not.toContain(secret);
    const listed = await run(['admin', 'devices', '--data-dir', dataDir, '--json']);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(1);
  }, 120_000); // several server and admin processes start one after another (tsx, PGlite): slow on a busy 2-core machine
});
