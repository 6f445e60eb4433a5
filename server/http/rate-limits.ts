/**
 * Rate limits (@fastify/rate-limit, counted in this process):
 *
 * - `POST /v1/enrol`: per client address (enrol-route.ts), 10 a minute: guessing codes must
 *   be slow.
 * - Every device endpoint (`/v1/sync/*`, `/v1/reports/*`, including any added later): per
 *   device token, each endpoint counted on its own. Keyed by the token's SHA-256, not the
 *   address: a whole office behind one NAT (or 200 simulated devices on loopback) must not
 *   share one budget. A request without a well-formed bearer token is keyed by its address.
 *   A workstation makes a few requests every 10 s, and one at a time even when it catches
 *   up (pages of up to 1,000 pushed ops, 5,000 pulled ops or 2,000 snapshot rows), so only
 *   a runaway or hostile client meets these limits. Reports are far heavier (the server
 *   computes one at a time), so they allow fewer.
 *
 * Unknown tokens are not limited separately: a device token has 256 random bits, so
 * guessing one is hopeless, and each costs one indexed lookup.
 *
 * An exceeded limit is answered 429 'rate-limited' with Retry-After (seconds) before the
 * request is read any further: nothing of it is applied.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/device-auth.js';
import { sha256Hex } from '../auth/tokens.js';

export interface RateLimit {
  max: number;
  timeWindowMs: number;
}

export interface DeviceRateLimits {
  /** Each of push, pull and snapshot, per device token. */
  sync: RateLimit;
  /** Each report endpoint, per device token. */
  reports: RateLimit;
}

export const DEFAULT_ENROL_RATE_LIMIT: RateLimit = { max: 10, timeWindowMs: 60_000 };

export const DEFAULT_DEVICE_RATE_LIMITS: DeviceRateLimits = {
  sync: { max: 3_000, timeWindowMs: 60_000 },
  reports: { max: 120, timeWindowMs: 60_000 },
};

/** The device's token hash when the request carries a well-formed one, else its address. */
export function deviceRateKey(request: FastifyRequest): string {
  const token = bearerToken(request.headers.authorization);
  return token ? `device:${sha256Hex(token)}` : `address:${request.ip}`;
}

/** Which device limit a route path falls under, if any. */
export function deviceLimitOf(url: string, limits: DeviceRateLimits): RateLimit | null {
  if (url.startsWith('/v1/sync/')) return limits.sync;
  if (url.startsWith('/v1/reports/')) return limits.reports;
  return null;
}

/**
 * Gives every device endpoint its limit as the route is registered (the rate-limit plugin
 * reads `config.rateLimit` when it sees the route). Must be installed before the routes and
 * before the plugin, whose own onRoute hook has to run after this one.
 */
export function limitDeviceEndpoints(app: FastifyInstance, limits: DeviceRateLimits): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.rateLimit !== undefined) return; // a route with its own limit (enrolment)
    const limit = deviceLimitOf(route.url, limits);
    if (!limit) return;
    route.config = {
      ...route.config,
      rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs, keyGenerator: deviceRateKey },
    };
  });
}
