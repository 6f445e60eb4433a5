/**
 * Test harness: a real core on a real SQLite file in a temp folder, set up with a centre
 * and a manager, and typed clients signed in with any role. Scrypt runs at a low cost in
 * tests only (the production cost takes ~0.3 s per hash).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiClient } from '../../shared/api/client.js';
import { ApiFailure, type ApiError } from '../../shared/api/errors.js';
import type { Role } from '../../shared/auth/roles.js';
import { setDefaultScryptCostForTests } from '../auth/passwords.js';
import { Core } from '../host/core.js';
import { connectInProcess } from '../host/in-process.js';

setDefaultScryptCostForTests({ N: 2 ** 10, r: 8, p: 1 });

export const MANAGER = { email: 'amna@nic-karachi.pk', password: 'correct horse battery' };

export function tempDir(prefix = 'incubator-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Harness {
  core: Core;
  dataDir: string;
  manager: ApiClient;
  /** A new client signed in as a fresh user of this role. */
  as(role: Role): Promise<ApiClient>;
  anonymous(): ApiClient;
  close(): void;
}

export async function startCore(opts: { now?: () => Date; setup?: boolean } = {}): Promise<Harness> {
  const dataDir = tempDir();
  const core = Core.open({ dataDir, now: opts.now, log: () => {} });
  const manager = connectInProcess(core).client;
  if (opts.setup !== false) {
    await manager.call('auth.setup', {
      centreName: 'NIC Karachi',
      centreCity: 'Karachi',
      managerName: 'Amna Siddiqui',
      managerEmail: MANAGER.email,
      managerPassword: MANAGER.password,
    });
  }
  let n = 0;
  return {
    core,
    dataDir,
    manager,
    async as(role) {
      n += 1;
      const email = `${role}${n}@nic-karachi.pk`;
      await manager.call('users.create', { name: `Test ${role} ${n}`, email, role, password: MANAGER.password });
      const client = connectInProcess(core).client;
      await client.call('auth.signIn', { email, password: MANAGER.password });
      return client;
    },
    anonymous: () => connectInProcess(core).client,
    close() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Awaits a call expected to fail and returns its typed error. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiFailure) return error.error;
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}

/** Counts rows of a table and of its outbox ops: a failed write must leave neither. */
export function counts(core: Core, table: string): { rows: number; ops: number } {
  const rows = (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const ops = (core.db.prepare('SELECT count(*) AS n FROM outbox WHERE tbl = ?').get(table) as { n: number }).n;
  return { rows, ops };
}
