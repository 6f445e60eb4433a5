/**
 * `POST /v1/sync/push`, `GET /v1/sync/pull`, `GET /v1/sync/snapshot` (bearer device token).
 * The device, and so its centre scope, comes only from the token; the client's versions are
 * recorded on the device.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  Cursor,
  MAX_PULL_OPS,
  MAX_SNAPSHOT_ROWS,
  PushRequest,
  type PullResponse,
  type PushResponse,
  type SnapshotPage,
} from '../../shared/sync/protocol.js';
import { authenticateDevice, recordDeviceVisit, type Device } from '../auth/device-auth.js';
import type { Db } from '../store/db.js';
import { LOG_START, decodeCursor, encodeCursor } from '../sync/cursor.js';
import { pullOps } from '../sync/pull.js';
import { pushOps } from '../sync/push.js';
import { continueSnapshot, startSnapshot } from '../sync/snapshot.js';
import { checkClientText, clientInfoFromHeaders, requireSupportedBodyProtocol } from './client-info.js';
import { ApiError, parseOrThrow } from './errors.js';
import { serverTime } from './server-time.js';

export interface SyncRouteOptions {
  db: Db;
  now: () => Date;
}

const pageSize = (max: number) => z.coerce.number().int().min(1).max(max).optional();

const PullQuery = z.strictObject({ cursor: Cursor.optional(), limit: pageSize(MAX_PULL_OPS) });
const SnapshotQuery = z.strictObject({
  snapshot: z.string().max(400).optional(),
  after: z.string().max(400).optional(),
  limit: pageSize(MAX_SNAPSHOT_ROWS),
});

export const syncRoutes: FastifyPluginAsync<SyncRouteOptions> = async (app, { db, now }) => {
  /** A GET's caller: its token, then its client headers. */
  async function deviceOfGet(request: FastifyRequest): Promise<Device> {
    const device = await authenticateDevice(db, request.headers.authorization);
    await recordDeviceVisit(db, device, clientInfoFromHeaders(request.headers));
    return device;
  }

  app.post('/v1/sync/push', async (request): Promise<PushResponse> => {
    const device = await authenticateDevice(db, request.headers.authorization);
    requireSupportedBodyProtocol(request.body);
    const body = parseOrThrow(PushRequest, request.body);
    await recordDeviceVisit(db, device, checkClientText(body.client));
    const result = await pushOps(db, device, body.ops, now());
    return { ...result, serverTime: serverTime(now()) };
  });

  app.get('/v1/sync/pull', async (request): Promise<PullResponse> => {
    const device = await deviceOfGet(request);
    const query = parseOrThrow(PullQuery, request.query, 'query');
    const after = query.cursor ? decodeCursor(query.cursor) : LOG_START;
    if (!after) throw new ApiError(400, 'invalid', 'cursor: not a cursor from this server');
    const page = await pullOps(db, device, after, query.limit ?? MAX_PULL_OPS);
    return { ops: page.ops, cursor: encodeCursor(page.position), hasMore: page.hasMore, serverTime: serverTime(now()) };
  });

  app.get('/v1/sync/snapshot', async (request): Promise<SnapshotPage> => {
    const device = await deviceOfGet(request);
    const query = parseOrThrow(SnapshotQuery, request.query, 'query');
    const limit = query.limit ?? MAX_SNAPSHOT_ROWS;
    if ((query.snapshot === undefined) !== (query.after === undefined)) {
      throw new ApiError(400, 'invalid', 'query: a following page needs both snapshot and after');
    }
    const page =
      query.snapshot !== undefined && query.after !== undefined
        ? await continueSnapshot(db, device, query.snapshot, query.after, limit, now())
        : await startSnapshot(db, device, limit, now());
    return { ...page, serverTime: serverTime(now()) };
  });
};
