/**
 * The central server's HTTP application. This first version answers health and time;
 * enrolment and the sync endpoints (push, pull, snapshot) are built on it by the sync work.
 */
import Fastify, { type FastifyInstance } from 'fastify';

export interface ServerOptions {
  logger?: boolean;
  now?: () => Date;
}

export const PROTOCOL_VERSION = 1;

export function buildServer(opts: ServerOptions = {}): FastifyInstance {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({
    logger: opts.logger ? { redact: ['req.headers.authorization'] } : false,
    bodyLimit: 4 * 1024 * 1024,
  });
  app.get('/health', async () => ({ status: 'ok', protocol: PROTOCOL_VERSION }));
  /** Workstations measure their clock offset from this before stamping changes. */
  app.get('/v1/time', async () => ({ now: now().toISOString(), epochMs: now().getTime() }));
  return app;
}
