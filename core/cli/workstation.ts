/**
 * The CLI's view of a data folder: core opened on it, an in-process client (so every
 * command goes through the same validation, permissions and transactions as the UI), and
 * the user the CLI acts as. After `init`, that is the centre's first active manager.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiClient } from '../../shared/api/client.js';
import { ApiFailure, type FieldIssue } from '../../shared/api/errors.js';
import { usersTable, type User } from '../../shared/records/centres.js';
import { sessionUserOf } from '../auth/auth.service.js';
import type { SessionUser } from '../context.js';
import { Core, type Connection } from '../host/core.js';
import { connectInProcess } from '../host/in-process.js';

export interface Workstation {
  core: Core;
  client: ApiClient;
  connection: Connection;
  dataDir: string;
  close(): void;
}

export function resolveDataDir(dir: string): string {
  const resolved = path.resolve(dir);
  if (fs.existsSync(resolved) && !fs.statSync(resolved).isDirectory()) {
    const message = `${resolved} is a file, not a folder`;
    throw new ApiFailure({ code: 'invalid', message, issues: [{ path: ['data'], message, flag: '--data' } as FieldIssue] });
  }
  fs.mkdirSync(resolved, { recursive: true });
  return resolved;
}

/** Opens core on the data folder, not signed in (for `init`). */
export function openWorkstation(dataDir: string): Workstation {
  const core = Core.open({ dataDir, log: () => {} });
  const { client, connection } = connectInProcess(core);
  return {
    core,
    client,
    connection,
    dataDir,
    close: () => {
      connection.close();
      core.close();
    },
  };
}

/** The centre's first active manager (an admin if there is no manager), or null. */
export function actingUser(core: Core): SessionUser | null {
  const row = core.db
    .prepare(
      `SELECT id FROM users WHERE deleted = 0 AND active = 1 AND role IN ('manager', 'admin')
       ORDER BY role = 'manager' DESC, created_at, rowid LIMIT 1`,
    )
    .get() as { id: string } | undefined;
  const user = row ? core.rows.get<User>(usersTable, row.id) : null;
  return user ? sessionUserOf(user) : null;
}

export function notInitialised(dataDir: string): ApiFailure {
  return new ApiFailure({
    code: 'unauthenticated',
    message: `This data folder is not set up yet. Run \`incubator --data ${quoteArg(dataDir)} init --centre NAME --manager-email EMAIL --manager-password PASSWORD\` first`,
  });
}

/** Opens core on an initialised data folder, acting as its first active manager. */
export function openSignedIn(dataDir: string): Workstation & { user: SessionUser } {
  const ws = openWorkstation(dataDir);
  try {
    if (!ws.core.context(null).centreId) throw notInitialised(dataDir);
    const user = actingUser(ws.core);
    if (!user) {
      throw new ApiFailure({
        code: 'unauthenticated',
        message: 'This centre has no active manager for the command line to act as; switch a manager account back on in the app',
      });
    }
    ws.connection.user = user;
    return { ...ws, user };
  } catch (error) {
    ws.close();
    throw error;
  }
}

function quoteArg(text: string): string {
  return /^[\w./:@-]+$/.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}
