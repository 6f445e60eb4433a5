/**
 * SQLite's quick_check reads every page: 25–30 s on a million-trainee database (12 GB), far
 * too long to keep a window waiting. A small database is checked before it is used (under a
 * second); a large one is opened at once and checked in a worker thread on its own read-only
 * connection (WAL lets it read while the app writes). A damaged result is reported to the
 * user (Settings → Data, and the log) with the advice to restore a backup.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Databases up to this size are checked synchronously at open. */
export const SYNC_CHECK_LIMIT_BYTES = 256 * 1024 * 1024;

export type IntegrityState =
  | { status: 'checking'; since: string }
  | { status: 'ok'; checkedAt: string }
  | { status: 'damaged'; checkedAt: string; detail: string }
  /** The check itself could not run (e.g. the worker failed to start); not a verdict. */
  | { status: 'unknown'; checkedAt: string; detail: string };

// Plain CommonJS so that it runs as an eval worker under tsx, vitest and the bundled app.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
try {
  const rows = db.pragma('quick_check(20)', { simple: false }).map((r) => Object.values(r)[0]);
  parentPort.postMessage({ result: rows.join('; ') });
} catch (error) {
  // SQLite may stop the check with SQLITE_CORRUPT instead of listing problems.
  parentPort.postMessage({ result: String(error && error.message) });
} finally {
  db.close();
}`;

export interface BackgroundCheck {
  result: Promise<IntegrityState>;
  /** Stops the check (the app is closing); the result then stays 'unknown'. */
  stop(): void;
}

export function checkIntegrityInBackground(
  file: string,
  opts: { nativeBinding?: string; now?: () => Date } = {},
): BackgroundCheck {
  const now = opts.now ?? (() => new Date());
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module, file, nativeBinding: opts.nativeBinding } });
  // Never keeps a CLI command or a test alive on its own.
  worker.unref();
  const result = new Promise<IntegrityState>((resolve) => {
    worker.once('message', ({ result: text }: { result: string }) =>
      resolve(
        text === 'ok'
          ? { status: 'ok', checkedAt: now().toISOString() }
          : { status: 'damaged', checkedAt: now().toISOString(), detail: text },
      ),
    );
    worker.once('error', (error) => resolve({ status: 'unknown', checkedAt: now().toISOString(), detail: error.message }));
    worker.once('exit', () => resolve({ status: 'unknown', checkedAt: now().toISOString(), detail: 'The check was stopped' }));
  });
  return { result, stop: () => void worker.terminate() };
}
