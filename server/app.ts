/**
 * The central server's HTTP application: health and time, enrolment, the sync endpoints of
 * shared/sync/protocol.ts, and the national report for national devices, on a store
 * (store/db.ts).
 */
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { SYNC_PROTOCOL } from '../shared/sync/protocol.js';
import { enrolRoute } from './http/enrol-route.js';
import { frameworkErrors, installErrorHandling } from './http/errors.js';
import { loggerOptions, type LogDestination } from './http/logging.js';
import {
  DEFAULT_DEVICE_RATE_LIMITS,
  DEFAULT_ENROL_RATE_LIMIT,
  limitDeviceEndpoints,
  type DeviceRateLimits,
  type RateLimit,
} from './http/rate-limits.js';
import { reportRoutes } from './http/report-routes.js';
import { serverTime } from './http/server-time.js';
import { syncRoutes } from './http/sync-routes.js';
import type { Db } from './store/db.js';

export interface ServerOptions {
  db: Db;
  logger?: boolean;
  /** Where the logs go when `logger` is on (default stdout); tests capture them. */
  logDestination?: LogDestination;
  now?: () => Date;
  /** Enrolment attempts per client address per window (default 10 a minute). */
  enrolRateLimit?: RateLimit;
  /**
   * Requests per device token per window on each sync endpoint (default 3,000 a minute) and
   * each report endpoint (default 120 a minute): http/rate-limits.ts.
   */
  deviceRateLimits?: Partial<DeviceRateLimits>;
  /**
   * Largest request body. A full push (1,000 ops) of ordinary rows is far below the default;
   * a push of long notes may not be, and is answered 413 'too-large' so the client sends
   * fewer ops at a time.
   */
  bodyLimit?: number;
  /**
   * The reverse proxy's address(es), comma-separated. Without it, behind a proxy every
   * request would seem to come from the proxy, and one office's enrolment attempts would
   * use up everyone's rate limit.
   */
  trustProxy?: string;
}

export const PROTOCOL_VERSION = SYNC_PROTOCOL;
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

export function buildServer(opts: ServerOptions): FastifyInstance {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({
    // Request logs carry method, URL and address only; bodies are never logged (they hold
    // codes, tokens and personal data): http/logging.ts.
    logger: opts.logger ? loggerOptions(opts.logDestination) : false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: opts.trustProxy ?? false,
    frameworkErrors,
  });
  installErrorHandling(app);
  // Before any route and before the rate-limit plugin: see http/rate-limits.ts.
  limitDeviceEndpoints(app, { ...DEFAULT_DEVICE_RATE_LIMITS, ...opts.deviceRateLimits });
  app.get('/health', async () => ({ status: 'ok', protocol: PROTOCOL_VERSION }));
  /** Workstations measure their clock offset from this before stamping changes. */
  app.get('/v1/time', async () => serverTime(now()));
  // Plugins load in order: the rate limiter must be ready before the routes that use it.
  void app.register(rateLimit, { global: false });
  void app.register(enrolRoute, { db: opts.db, now, rateLimit: opts.enrolRateLimit ?? DEFAULT_ENROL_RATE_LIMIT });
  void app.register(syncRoutes, { db: opts.db, now });
  void app.register(reportRoutes, { db: opts.db, now });
  return app;
}
