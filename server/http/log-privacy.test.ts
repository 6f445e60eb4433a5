/**
 * The server's logs never hold a secret or personal data (issue 8): its pino output is
 * captured while a workstation enrols (code, token), pushes a trainee with a CNIC and a phone
 * number, a request fails authentication with a wrong token, the database fails a push whose
 * error quotes the values (as PostgreSQL's do), and an administrator is created through the
 * admin socket with a password (and refused once, for a duplicate). None of the code, the
 * tokens, the CNIC, the phone number or the password appears in any log line, in any form.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EnrolResponse } from '../../shared/sync/protocol.js';
import { serveAdminSocket, sendAdminCommand } from '../admin/admin-socket.js';
import { createCentre, createEnrolmentCode } from '../admin/commands.js';
import { buildServer } from '../app.js';
import type { Db } from '../store/db.js';
import { openPgliteDb } from '../store/pglite-db.js';
import { migrate } from '../store/migrate.js';
import type { OpenedDb } from '../store/db.js';
import { HybridLogicalClock } from '../../shared/sync/hlc.js';
import { bearer, client, clientHeaders, insertOps } from '../testing/fixtures.js';
import { scrubLogText } from './logging.js';

const CNIC = '35202-7654321-9';
const PHONE = '+923331234567';
const PASSWORD = 'Khyber Pass 1947 secret';
const WRONG_TOKEN = 'Zm9yZ2VkLXRva2VuLXRoYXQtbG9va3MtcmVhbC0xMjM0';

/** A store whose queries fail, when armed, with an error quoting their parameters. */
function faultyDb(inner: Db, armed: () => boolean): Db {
  return {
    async query<T>(sql: string, params?: unknown[]): Promise<T[]> {
      const text = JSON.stringify(params ?? []);
      if (armed() && text.includes(CNIC)) {
        throw Object.assign(new Error(`invalid input syntax for type json: "${text.slice(0, 2000)}"`), { code: '22P02' });
      }
      return inner.query<T>(sql, params);
    },
    transaction: (fn) => inner.transaction((tx) => fn(faultyDb(tx, armed))),
  };
}

describe('what the server logs', () => {
  let db: OpenedDb;
  let dir: string;
  const lines: string[] = [];
  const secrets: string[] = [CNIC, CNIC.replaceAll('-', ''), PHONE, PHONE.slice(1), '03331234567', PASSWORD, WRONG_TOKEN];

  beforeAll(async () => {
    db = await openPgliteDb();
    await migrate(db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incubator-logs-'));
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never holds codes, tokens, CNICs, phone numbers or passwords', async () => {
    let failPushes = false;
    const console = vi.spyOn(globalThis.console, 'log');
    const consoleError = vi.spyOn(globalThis.console, 'error');
    const app = buildServer({
      db: faultyDb(db, () => failPushes),
      logger: true,
      logDestination: { write: (line) => void lines.push(line) },
    });
    const socketPath = path.join(dir, 'admin.sock');
    const socket = await serveAdminSocket(db, socketPath);
    try {
      // Enrolment: the code and the token it gives.
      const centre = await createCentre(db, { name: 'NIC Lahore' }, new Date());
      const { code } = await createEnrolmentCode(db, { centre: centre.id, role: 'workstation' }, new Date());
      secrets.push(code, code.replaceAll('-', ''));
      const enrolled = await app.inject({
        method: 'POST',
        url: '/v1/enrol',
        payload: { client, code, deviceName: 'Front desk', nodeId: '00000000000000ab' },
      });
      expect(enrolled.statusCode).toBe(200);
      const device = EnrolResponse.parse(enrolled.json());
      secrets.push(device.token);

      // A trainee with a CNIC and a phone number, pushed.
      const ws = { clock: new HybridLogicalClock('00000000000000ab') };
      const trainee = () => insertOps(ws, 'trainees', centre.id, { name: 'Ayesha Khan', cnic: CNIC, phone: PHONE });
      const push = (ops: unknown) =>
        app.inject({ method: 'POST', url: '/v1/sync/push', headers: bearer(device.token), payload: { client, ops } });
      expect((await push(trainee())).statusCode).toBe(200);
      // A rejected op echoes nothing of its value into the log either.
      expect((await push([{ ...trainee()[0]!, tbl: 'trainees', col: 'cnic', value: CNIC }])).statusCode).toBe(200);

      // The database fails, quoting the values it was given: a 500 whose log line is scrubbed.
      failPushes = true;
      const failed = await push(trainee());
      failPushes = false;
      expect(failed.statusCode).toBe(500);
      expect(failed.body).not.toContain(CNIC);

      // Wrong and malformed tokens.
      const pull = (authorization: string) =>
        app.inject({ method: 'GET', url: '/v1/sync/pull', headers: { authorization, ...clientHeaders } });
      expect((await pull(`Bearer ${WRONG_TOKEN}`)).statusCode).toBe(401);
      expect((await pull(`Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`)).statusCode).toBe(401);
      expect((await pull(`Bearer ${WRONG_TOKEN} ${PASSWORD}`)).statusCode).toBe(401);

      // An administrator with a password, through the running server's admin socket, and the
      // same again (refused: the email exists).
      await sendAdminCommand(socketPath, 'create-admin', { email: 'amna@example.pk', password: PASSWORD });
      await expect(
        sendAdminCommand(socketPath, 'create-admin', { email: 'amna@example.pk', password: PASSWORD }),
      ).rejects.toThrow(/already exists/);
      await expect(sendAdminCommand(socketPath, 'create-admin', { email: 'not an email', password: PASSWORD })).rejects.toThrow(
        /--email/,
      );
    } finally {
      await socket.close();
      await app.close();
    }

    const logged = lines.join('');
    // What was logged is there: requests, the 401s, the fault and its scrubbed message.
    expect(logged).toContain('/v1/sync/push');
    expect(logged).toContain('"statusCode":401');
    const fault = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request failed');
    expect(fault).toMatchObject({
      fault: { type: 'Error', code: '22P02', message: expect.stringContaining('invalid input syntax') },
    });
    const printed = [...console.mock.calls, ...consoleError.mock.calls].flat().map(String).join('\n');
    for (const secret of secrets) {
      expect(logged, `the log holds ${secret}`).not.toContain(secret);
      expect(printed, `the console holds ${secret}`).not.toContain(secret);
    }
    expect(logged).not.toMatch(/authorization/i);
  });
});

describe('scrubLogText', () => {
  it('takes quoted values, long numbers and token-like strings out, and keeps identifiers and line numbers', () => {
    expect(scrubLogText('invalid input syntax for type uuid: "35202-1234567-1"')).toBe(
      'invalid input syntax for type uuid: "[value]"',
    );
    expect(scrubLogText('duplicate key value violates unique constraint "ops_pkey"')).toBe(
      'duplicate key value violates unique constraint "ops_pkey"',
    );
    expect(scrubLogText("column 'cnic' has 35202 1234567 1 and 0300-1234567 and +923001234567")).toBe(
      "column 'cnic' has [number] and [number] and [number]",
    );
    expect(scrubLogText('token WmxLrykg5hQsvqgmSCSBKBHyowJwKJ4Vq2XGAlewRKQ expired')).toBe('token [secret] expired');
    expect(scrubLogText('at transactionWithRetry (/work/server/store/db.ts:42:17)')).toBe(
      'at transactionWithRetry (/work/server/store/db.ts:42:17)',
    );
    expect(scrubLogText('RangeError: Invalid time value\n    at Date.toISOString (<anonymous>)')).toBe(
      'RangeError: Invalid time value\n    at Date.toISOString (<anonymous>)',
    );
  });
});
