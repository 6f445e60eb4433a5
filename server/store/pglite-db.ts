/**
 * The store on embedded PostgreSQL (PGlite) in a data folder, or in memory for tests.
 * PGlite has a single connection: it runs one transaction at a time and queues every other
 * query behind it, so transactions here never interleave (the sync rules still hold; they
 * are simply never contended). Only one process may open a data folder: see data-dir-lock.ts.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, OpenedDb } from './db.js';

function transactionHandle(tx: Transaction): Db {
  const handle: Db = {
    query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows,
    transaction: (fn) => fn(handle),
  };
  return handle;
}

/** `dataDir` undefined: an in-memory database (tests). */
export async function openPgliteDb(dataDir?: string): Promise<OpenedDb> {
  const pglite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pglite.waitReady;
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    transaction: (fn) => pglite.transaction((tx) => fn(transactionHandle(tx))),
    close: () => pglite.close(),
  };
}
