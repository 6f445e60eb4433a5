/**
 * The server's store: one small interface with two implementations that run the same SQL,
 * node-postgres (production, `DATABASE_URL`) and PGlite (embedded PostgreSQL in a data
 * folder, the default for evaluation and tests).
 *
 * SQL written for this interface must read the same on both drivers: cast bigint, xid8 and
 * timestamps to text where the value is read (node-postgres returns int8 as a string, PGlite
 * as a number or BigInt), and pass batches as one JSON parameter (`json_to_recordset($1)`)
 * rather than driver-specific array parameters.
 */
export interface Db {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` in one transaction (READ COMMITTED) and commits, or rolls back if it throws.
   * Calling `transaction` on the `tx` handle joins the same transaction.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

/** A store the process opened and must close on shutdown. */
export interface OpenedDb extends Db {
  /** 'postgres' or 'pglite', for logs and tests. */
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** PostgreSQL error codes worth retrying a whole transaction for. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/**
 * Runs a transaction, retrying it a few times when PostgreSQL aborted it for a deadlock or
 * a serialization failure. Safe only for transactions whose effects are all in the database.
 */
export async function transactionWithRetry<T>(db: Db, fn: (tx: Db) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(fn);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
