/**
 * Test helpers: a server on a test database, enrolled devices, ops as a workstation's
 * outbox writes them, and push/pull/snapshot calls through `app.inject`.
 */
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { HybridLogicalClock } from '../../shared/sync/hlc.js';
import {
  CLIENT_HEADERS,
  EnrolResponse,
  PullResponse,
  PushResponse,
  SnapshotPage,
  SYNC_PROTOCOL,
  type ClientInfo,
  type DeviceRole,
  type WireOp,
} from '../../shared/sync/protocol.js';
import { createCentre, createEnrolmentCode } from '../admin/commands.js';
import { buildServer, type ServerOptions } from '../app.js';
import type { Db } from '../store/db.js';
import type { TestDatabase, TestStore } from './databases.js';

export const client: ClientInfo = { protocol: SYNC_PROTOCOL, schemaVersion: 3, appVersion: '0.1.0' };

export const clientHeaders = {
  [CLIENT_HEADERS.protocol]: String(client.protocol),
  [CLIENT_HEADERS.schemaVersion]: String(client.schemaVersion),
  [CLIENT_HEADERS.appVersion]: client.appVersion,
};

/** Rate limits high enough for any test that is not about them (http/rate-limits.test.ts is). */
const GENEROUS = { max: 100_000, timeWindowMs: 60_000 };

export function testServer(db: Db, options: Partial<ServerOptions> = {}): FastifyInstance {
  return buildServer({ db, enrolRateLimit: GENEROUS, deviceRateLimits: { sync: GENEROUS, reports: GENEROUS }, ...options });
}

export interface EnrolledDevice extends EnrolResponse {
  clock: HybridLogicalClock;
}

let nodeCounter = 0;
/** A distinct 16-hex HLC node id per test device. */
export function newNodeId(): string {
  return (++nodeCounter).toString(16).padStart(16, 'a');
}

/** Enrols a device through the API with a fresh code; `centreId` null = national. */
export async function enrolDevice(
  app: FastifyInstance,
  db: Db,
  centreId: string | null,
  role: DeviceRole = 'workstation',
  now = new Date(),
): Promise<EnrolledDevice> {
  const { code } = await createEnrolmentCode(db, { centre: centreId ?? undefined, role }, now);
  const nodeId = newNodeId();
  const response = await app.inject({
    method: 'POST',
    url: '/v1/enrol',
    payload: { client, code, deviceName: `${role} ${nodeId}`, nodeId },
  });
  if (response.statusCode !== 200) throw new Error(`enrol failed: ${response.statusCode} ${response.body}`);
  return { ...EnrolResponse.parse(response.json()), clock: new HybridLogicalClock(nodeId) };
}

/** A centre and one workstation of it. */
export async function centreWithWorkstation(app: FastifyInstance, db: Db, name = 'NIC Karachi') {
  const centre = await createCentre(db, { name }, new Date());
  const device = await enrolDevice(app, db, centre.id);
  return { centre, device };
}

/** The ops a workstation writes when it creates a row (core/db/rows.ts `insert`). */
export function insertOps(
  device: { clock: HybridLogicalClock },
  tbl: string,
  centreId: string | null,
  fields: Record<string, unknown>,
  rowId = uuidv7(),
): WireOp[] {
  const at = new Date().toISOString();
  const values: Record<string, unknown> = { centre_id: centreId, created_at: at, updated_at: at, deleted: 0, ...fields };
  const hlc = device.clock.now();
  return Object.entries(values).map(([col, value]) => ({ opId: uuidv7(), tbl, rowId, col, value: JSON.stringify(value), hlc }));
}

/** One field change, stamped now by the device's clock (or with the given stamp). */
export function fieldOp(
  device: { clock: HybridLogicalClock },
  tbl: string,
  rowId: string,
  col: string,
  value: unknown,
  hlc?: string,
): WireOp {
  return { opId: uuidv7(), tbl, rowId, col, value: JSON.stringify(value), hlc: hlc ?? device.clock.now() };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function push(app: FastifyInstance, token: string, ops: WireOp[]): Promise<PushResponse> {
  const response = await app.inject({ method: 'POST', url: '/v1/sync/push', headers: bearer(token), payload: { client, ops } });
  if (response.statusCode !== 200) throw new Error(`push failed: ${response.statusCode} ${response.body}`);
  return PushResponse.parse(response.json());
}

export async function pull(app: FastifyInstance, token: string, cursor?: string, limit?: number): Promise<PullResponse> {
  const query: Record<string, string> = {};
  if (cursor !== undefined) query.cursor = cursor;
  if (limit !== undefined) query.limit = String(limit);
  const response = await app.inject({
    method: 'GET',
    url: '/v1/sync/pull',
    query,
    headers: { ...bearer(token), ...clientHeaders },
  });
  if (response.statusCode !== 200) throw new Error(`pull failed: ${response.statusCode} ${response.body}`);
  return PullResponse.parse(response.json());
}

/** Pulls until nothing more is ready; returns every op and the final cursor. */
export async function pullAll(
  app: FastifyInstance,
  token: string,
  cursor?: string,
  limit?: number,
): Promise<{ ops: WireOp[]; cursor: string }> {
  const ops: WireOp[] = [];
  let at = cursor;
  for (;;) {
    const page = await pull(app, token, at, limit);
    ops.push(...page.ops);
    at = page.cursor;
    if (!page.hasMore) return { ops, cursor: at };
  }
}

export async function snapshotPage(
  app: FastifyInstance,
  token: string,
  query: Record<string, string> = {},
): Promise<SnapshotPage> {
  const response = await app.inject({
    method: 'GET',
    url: '/v1/sync/snapshot',
    query,
    headers: { ...bearer(token), ...clientHeaders },
  });
  if (response.statusCode !== 200) throw new Error(`snapshot failed: ${response.statusCode} ${response.body}`);
  return SnapshotPage.parse(response.json());
}

export { bearer };

/**
 * The usual suite: a migrated database of the given kind and a server on it for the whole
 * describe block, emptied before each test unless `reset` is false.
 */
export function serverSuite(database: TestDatabase, { reset = true } = {}): { store: TestStore; app: FastifyInstance } {
  const suite = {} as { store: TestStore; app: FastifyInstance };
  beforeAll(async () => {
    suite.store = await database.setup();
    suite.app = testServer(suite.store.db);
  });
  afterAll(async () => {
    await suite.app?.close();
    await suite.store?.teardown();
  });
  if (reset) beforeEach(() => suite.store.reset());
  return suite;
}
