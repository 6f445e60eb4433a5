/** The store on a PostgreSQL server through node-postgres (`DATABASE_URL`). */
import pg from 'pg';
import type { Db, OpenedDb } from './db.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

function queryOn(client: Queryable) {
  return async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const result = await client.query(sql, params);
    return result.rows as T[];
  };
}

/** A handle bound to one connection that is inside a transaction. */
function transactionHandle(client: pg.PoolClient): Db {
  const handle: Db = {
    query: queryOn(client),
    transaction: (fn) => fn(handle),
  };
  return handle;
}

export function openPostgresDb(connectionString: string, options: { max?: number } = {}): OpenedDb {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle connection that the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    query: queryOn(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(transactionHandle(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
