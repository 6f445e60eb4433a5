/**
 * Runs an admin command against the configured store. With PostgreSQL (DATABASE_URL) the
 * command opens the database itself. With an embedded data folder it takes the folder's
 * lock; if a running server holds it, the command is sent to that server's admin socket.
 */
import { DataDirBusyError, lockDataDir } from '../store/data-dir-lock.js';
import { openStore, type StoreConfig } from '../store/open.js';
import { sendAdminCommand } from './admin-socket.js';
import { adminCommands, type AdminCommandName } from './commands.js';

export async function executeAdminCommand(name: AdminCommandName, input: unknown, config: StoreConfig): Promise<unknown> {
  if (config.databaseUrl) return runWithStore(name, input, config);
  let lock: { release(): void };
  try {
    lock = lockDataDir(config.dataDir);
  } catch (error) {
    if (!(error instanceof DataDirBusyError)) throw error;
    if (error.holder.adminSocket) return sendAdminCommand(error.holder.adminSocket, name, input);
    throw new Error(`A server (process ${error.holder.pid}) is using ${config.dataDir}; stop it and run the command again`);
  }
  try {
    return await runWithStore(name, input, config);
  } finally {
    lock.release();
  }
}

async function runWithStore(name: AdminCommandName, input: unknown, config: StoreConfig): Promise<unknown> {
  const db = await openStore(config);
  try {
    return await adminCommands[name](db, input, new Date());
  } finally {
    await db.close();
  }
}
