import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteSkippedDatabases, testDatabases, type TestStore } from '../testing/databases.js';
import { DatabaseTooNewError, migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

describe.each(testDatabases())('migrations on $name', (database) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await database.setup();
  });
  afterAll(() => store.teardown());

  it('are applied once and recorded in schema_version', async () => {
    const latest = migrations.at(-1)!.version;
    expect(await migrate(store.db)).toBe(latest); // a second run changes nothing
    expect(await store.db.query('SELECT version FROM schema_version ORDER BY version')).toEqual(
      migrations.map((m) => ({ version: m.version })),
    );
    const tables = await store.db.query<{ name: string }>(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
    );
    expect(tables.map((t) => t.name)).toEqual([
      'admins',
      'cells',
      'centres',
      'devices',
      'enrolment_codes',
      'ops',
      'schema_version',
      'set_aside',
    ]);
  });

  it('refuse a database newer than the code, changing nothing', async () => {
    await store.db.query('INSERT INTO schema_version (version) VALUES (999)');
    try {
      await expect(migrate(store.db)).rejects.toThrow(DatabaseTooNewError);
      await expect(migrate(store.db)).rejects.toThrow(/schema version 999, newer than this server/);
    } finally {
      await store.db.query('DELETE FROM schema_version WHERE version = 999');
    }
  });

  it('roll back a migration that fails, with its version', async () => {
    const broken = [
      ...migrations,
      {
        version: 1000,
        up: async (tx: Parameters<(typeof migrations)[0]['up']>[0]) => {
          await tx.query('CREATE TABLE half_done (id int)');
          await tx.query('SELECT no_such_function()');
        },
      },
    ];
    await expect(migrate(store.db, broken)).rejects.toThrow();
    expect(await store.db.query('SELECT 1 FROM schema_version WHERE version = 1000')).toEqual([]);
    expect(await store.db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).toEqual([]);
  });
});

noteSkippedDatabases();
