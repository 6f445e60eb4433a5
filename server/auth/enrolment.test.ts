import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { HybridLogicalClock } from '../../shared/sync/hlc.js';
import { EnrolResponse, type EnrolRequest } from '../../shared/sync/protocol.js';
import { createCentre, createEnrolmentCode, listDevices } from '../admin/commands.js';
import { noteSkippedDatabases, testDatabases } from '../testing/databases.js';
import { client, enrolDevice, insertOps, newNodeId, pull, push, serverSuite, testServer } from '../testing/fixtures.js';

describe.each(testDatabases())('enrolment on $name', (database) => {
  const suite = serverSuite(database);

  const request = (code: string, extra: Partial<EnrolRequest> = {}): EnrolRequest => ({
    client,
    code,
    deviceName: 'Front desk',
    nodeId: newNodeId(),
    ...extra,
  });
  const enrol = (body: unknown, server = suite.app) =>
    server.inject({ method: 'POST', url: '/v1/enrol', payload: body as object });

  it('exchanges a code once for a device token of the code centre and role', async () => {
    const centre = await createCentre(suite.store.db, { name: 'NIC Karachi' }, new Date());
    const { code } = await createEnrolmentCode(suite.store.db, { centre: centre.id, role: 'workstation' }, new Date());
    const response = await enrol(request(code.toLowerCase().replaceAll('-', ' ')));
    expect(response.statusCode).toBe(200);
    const answer = EnrolResponse.parse(response.json());
    expect(answer).toMatchObject({ role: 'workstation', centreId: centre.id, centreName: 'NIC Karachi', mode: 'bootstrap' });
    expect(answer.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [device] = await listDevices(suite.store.db);
    expect(device).toMatchObject({ id: answer.deviceId, name: 'Front desk', appVersion: client.appVersion, schemaVersion: 3 });
    // The server keeps only the token's hash.
    const stored = await suite.store.db.query<{ token_sha256: string }>('SELECT token_sha256 FROM devices');
    expect(stored[0]!.token_sha256).not.toContain(answer.token);

    const again = await enrol(request(code));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'code-used' });
  });

  it('refuses unknown and expired codes', async () => {
    const centre = await createCentre(suite.store.db, { name: 'NIC Karachi' }, new Date());
    const bad = await enrol(request('NOT-A-REAL-CODE'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'code-invalid' });
    const { code } = await createEnrolmentCode(
      suite.store.db,
      { centre: centre.id, role: 'readonly', expires: '1m' },
      new Date(Date.now() - 120_000),
    );
    const expired = await enrol(request(code));
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: 'code-expired' });
  });

  it('gives a national code a national device', async () => {
    const national = await enrolDevice(suite.app, suite.store.db, null, 'national');
    expect(national).toMatchObject({ role: 'national', centreId: null, centreName: null, mode: 'bootstrap' });
  });

  it('uses a code once even when two workstations present it at the same moment', async () => {
    const centre = await createCentre(suite.store.db, { name: 'NIC Karachi' }, new Date());
    const { code } = await createEnrolmentCode(suite.store.db, { centre: centre.id, role: 'workstation' }, new Date());
    const answers = await Promise.all([enrol(request(code)), enrol(request(code)), enrol(request(code))]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await listDevices(suite.store.db)).toHaveLength(1);
  });

  it('limits attempts per address', async () => {
    const limited = testServer(suite.store.db, { enrolRateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await enrol(request(`GUESS-${i}-AAAA`), limited)).statusCode);
      expect(statuses).toEqual([400, 400, 400, 429, 429]);
      const last = await enrol(request('GUESS-9-AAAA'), limited);
      expect(last.json()).toMatchObject({ error: 'rate-limited' });
    } finally {
      await limited.close();
    }
  });

  it('behind a trusted reverse proxy, limits each client address, not the proxy', async () => {
    const proxied = testServer(suite.store.db, { enrolRateLimit: { max: 2, timeWindowMs: 60_000 }, trustProxy: '127.0.0.1' });
    const from = (address: string, i: number) =>
      proxied.inject({
        method: 'POST',
        url: '/v1/enrol',
        payload: request(`GUESS-${i}-BBBB`),
        headers: { 'x-forwarded-for': address },
      });
    try {
      const a = [];
      for (let i = 0; i < 3; i++) a.push((await from('203.0.113.7', i)).statusCode);
      expect(a).toEqual([400, 400, 429]);
      // Another office behind the same proxy still gets its own attempts.
      expect((await from('198.51.100.20', 9)).statusCode).toBe(400);
    } finally {
      await proxied.close();
    }
  });

  it('answers an old client upgrade-required before looking at the rest', async () => {
    const response = await enrol({ client: { ...client, protocol: 0 }, code: 'whatever', shape: 'of the past' });
    expect(response.statusCode).toBe(426);
    expect(response.json()).toMatchObject({ error: 'upgrade-required' });
  });

  it('names the field of a malformed request', async () => {
    const response = await enrol({ ...request('ABCD-EFGH'), nodeId: 'not hex' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid', message: expect.stringContaining('nodeId') });
    const nul = await enrol(request('ABCD-EFGH', { deviceName: 'desk\u0000' }));
    expect(nul.json()).toMatchObject({ error: 'invalid', message: expect.stringContaining('deviceName') });
  });

  describe('with an upload code', () => {
    it("re-keys the empty server centre to the workstation's centre, which then uploads", async () => {
      const centre = await createCentre(suite.store.db, { name: 'NIC Peshawar' }, new Date());
      const { code } = await createEnrolmentCode(
        suite.store.db,
        { centre: centre.id, role: 'workstation', upload: true },
        new Date(),
      );
      const localId = uuidv7();
      const response = await enrol(request(code, { localCentre: { id: localId, name: 'Peshawar (local)' } }));
      expect(response.statusCode).toBe(200);
      const answer = EnrolResponse.parse(response.json());
      expect(answer).toMatchObject({ mode: 'upload', centreId: localId, centreName: 'NIC Peshawar' });
      expect(await suite.store.db.query('SELECT id::text AS id FROM centres')).toEqual([{ id: localId }]);
      // The server-made centre row is gone; the workstation's own arrives by push.
      expect(await suite.store.db.query('SELECT 1 FROM ops')).toEqual([]);
      expect(await suite.store.db.query('SELECT 1 FROM cells')).toEqual([]);
      const device = { clock: new HybridLogicalClock(newNodeId()) };
      const centreRow = insertOps(
        device,
        'centres',
        localId,
        { name: 'Peshawar (local)', city: 'Peshawar', quarter_scheme: 'calendar' },
        localId,
      );
      const startup = insertOps(device, 'startups', localId, { name: 'Khyber Apps' });
      expect((await push(suite.app, answer.token, [...centreRow, ...startup])).rejected).toEqual([]);
      expect((await pull(suite.app, answer.token)).ops).toHaveLength(centreRow.length + startup.length);
    });

    it('refuses a centre that already has a device or data: 409 centre-not-empty', async () => {
      const centre = await createCentre(suite.store.db, { name: 'NIC Lahore' }, new Date());
      await enrolDevice(suite.app, suite.store.db, centre.id);
      const { code } = await createEnrolmentCode(
        suite.store.db,
        { centre: centre.id, role: 'workstation', upload: true },
        new Date(),
      );
      const response = await enrol(request(code, { localCentre: { id: uuidv7(), name: 'Lahore' } }));
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: 'centre-not-empty' });
      expect(await suite.store.db.query('SELECT id::text AS id FROM centres')).toEqual([{ id: centre.id }]);
    });

    it('needs the local centre, which a normal code refuses', async () => {
      const centre = await createCentre(suite.store.db, { name: 'NIC Quetta' }, new Date());
      const upload = await createEnrolmentCode(
        suite.store.db,
        { centre: centre.id, role: 'workstation', upload: true },
        new Date(),
      );
      expect((await enrol(request(upload.code))).json()).toMatchObject({
        error: 'invalid',
        message: expect.stringContaining('localCentre'),
      });
      const normal = await createEnrolmentCode(suite.store.db, { centre: centre.id, role: 'workstation' }, new Date());
      const response = await enrol(request(normal.code, { localCentre: { id: uuidv7(), name: 'Quetta' } }));
      expect(response.json()).toMatchObject({ error: 'invalid', message: expect.stringContaining('localCentre') });
    });
  });
});

noteSkippedDatabases();
