/**
 * PGlite must never be opened by two processes at once: each would write the same files
 * and corrupt the database. Whoever opens an embedded data folder (the server or an admin
 * command) first creates `server.lock` there atomically; the file names the holder's pid
 * and, for a running server, the socket on which it takes admin commands instead.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  /** Unix socket of a running server's admin channel (admin/admin-socket.ts). */
  adminSocket?: string;
}

export class DataDirBusyError extends Error {
  constructor(readonly holder: LockHolder) {
    super(`The data folder is in use by process ${holder.pid}`);
  }
}

export function lockFileOf(dataDir: string): string {
  return path.join(dataDir, 'server.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the folder's lock, or null (a stale lock of a dead process is removed). */
export function readLockHolder(dataDir: string): LockHolder | null {
  let holder: LockHolder;
  try {
    holder = JSON.parse(fs.readFileSync(lockFileOf(dataDir), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
  if (Number.isInteger(holder.pid) && holder.pid !== process.pid && isAlive(holder.pid)) return holder;
  fs.rmSync(lockFileOf(dataDir), { force: true });
  return null;
}

/** Takes the folder's lock or throws DataDirBusyError. `release()` gives it back. */
export function lockDataDir(dataDir: string, info: Omit<LockHolder, 'pid'> = {}): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockFileOf(dataDir);
  const mine: LockHolder = { pid: process.pid, ...info };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return {
        release() {
          const current = readLockHolderRaw(file);
          if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLockHolder(dataDir);
      if (holder) throw new DataDirBusyError(holder);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function readLockHolderRaw(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}
