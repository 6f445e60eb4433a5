import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { noteSkippedDatabases, testDatabases, type TestStore } from '../testing/databases.js';
import {
  AdminInputError,
  createAdmin,
  createCentre,
  createEnrolmentCode,
  listCentres,
  listDevices,
  parseDuration,
  revokeDevice,
} from './commands.js';
import { SERVER_NODE_ID } from '../sync/centre-row.js';

describe.each(testDatabases())('admin commands on $name', (database) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await database.setup();
  });
  afterAll(() => store.teardown());
  beforeEach(() => store.reset());
  const now = new Date('2026-07-01T09:00:00.000Z');

  it("create a centre with its own synced row, stamped by the server's clock", async () => {
    const centre = await createCentre(store.db, { name: '  NIC   Karachi ' }, now);
    expect(centre).toMatchObject({ name: 'NIC Karachi', createdAt: now.toISOString() });
    expect(await listCentres(store.db)).toEqual([centre]);
    const cells = await store.db.query<{ col: string; value: string; hlc: string; centre_id: string }>(
      `SELECT col, value, hlc, centre_id::text AS centre_id FROM cells WHERE tbl = 'centres' AND row_id = $1 ORDER BY col`,
      [centre.id],
    );
    expect(Object.fromEntries(cells.map((c) => [c.col, JSON.parse(c.value) as unknown]))).toEqual({
      centre_id: centre.id,
      name: 'NIC Karachi',
      city: null,
      quarter_scheme: 'calendar',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      deleted: 0,
    });
    expect(new Set(cells.map((c) => c.hlc))).toEqual(new Set([`${now.getTime()}-0000-${SERVER_NODE_ID}`]));
    expect(new Set(cells.map((c) => c.centre_id))).toEqual(new Set([centre.id]));
    expect(await store.db.query(`SELECT 1 FROM ops WHERE device_id IS NULL`)).toHaveLength(7);
  });

  it('issue enrolment codes, checking their input', async () => {
    const centre = await createCentre(store.db, { name: 'NIC Lahore' }, now);
    const code = await createEnrolmentCode(
      store.db,
      { centre: centre.id, role: 'workstation', upload: true, expires: '7d' },
      now,
    );
    expect(code).toMatchObject({
      centreId: centre.id,
      centreName: 'NIC Lahore',
      upload: true,
      expiresAt: '2026-07-08T09:00:00.000Z',
    });
    expect(code.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const stored = await store.db.query<{ code_sha256: string }>('SELECT code_sha256 FROM enrolment_codes');
    expect(stored[0]!.code_sha256).toMatch(/^[0-9a-f]{64}$/);
    const national = await createEnrolmentCode(store.db, { role: 'national' }, now);
    expect(national).toMatchObject({ centreId: null, role: 'national', expiresAt: '2026-07-02T09:00:00.000Z' });

    for (const [input, message] of [
      [{ role: 'national', centre: centre.id }, /--centre: a national code takes no centre/],
      [{ role: 'workstation' }, /--centre: required/],
      [{ role: 'readonly', centre: centre.id, upload: true }, /--upload/],
      [{ role: 'workstation', centre: '0190a8f0-0000-7000-8000-000000000000' }, /--centre: no centre/],
      [{ role: 'workstation', centre: 'karachi' }, /--centre: must be an id/],
      [{ role: 'superuser', centre: centre.id }, /--role/],
      [{ role: 'workstation', centre: centre.id, expires: '2 days' }, /--expires/],
      [{ role: 'workstation', centre: centre.id, expires: '31d' }, /--expires/],
    ] as const) {
      await expect(createEnrolmentCode(store.db, input, now)).rejects.toThrow(AdminInputError);
      await expect(createEnrolmentCode(store.db, input, now)).rejects.toThrow(message);
    }
  });

  it('create admins with an scrypt hash, once per email', async () => {
    expect(await createAdmin(store.db, { email: 'Amna@Example.pk', password: 'a long passphrase' })).toEqual({
      email: 'amna@example.pk',
    });
    const [row] = await store.db.query<{ password_hash: string }>('SELECT password_hash FROM admins');
    expect(row!.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(row!.password_hash).not.toContain('a long passphrase');
    await expect(createAdmin(store.db, { email: 'amna@example.pk', password: 'another passphrase' })).rejects.toThrow(
      /already exists/,
    );
    await expect(createAdmin(store.db, { email: 'x@example.pk', password: 'short' })).rejects.toThrow(/--password/);
    await expect(createAdmin(store.db, { email: 'not an email', password: 'a long passphrase' })).rejects.toThrow(/--email/);
  });

  it('revoke devices, and say so when there is no such device', async () => {
    expect(await listDevices(store.db)).toEqual([]);
    await expect(revokeDevice(store.db, { device: '0190a8f0-0000-7000-8000-000000000000' }, now)).rejects.toThrow(/no device/);
    await expect(revokeDevice(store.db, { device: 'nope' }, now)).rejects.toThrow(AdminInputError);
  });

  it('read durations', () => {
    expect([parseDuration('90m'), parseDuration('24h'), parseDuration('7d'), parseDuration('30d')]).toEqual([
      5_400_000, 86_400_000, 604_800_000, 2_592_000_000,
    ]);
    expect([parseDuration('0h'), parseDuration('31d'), parseDuration('1w'), parseDuration('')]).toEqual([null, null, null, null]);
  });
});

noteSkippedDatabases();
