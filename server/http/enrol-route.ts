/** `POST /v1/enrol` (no token; rate limited per client address). */
import type { FastifyPluginAsync } from 'fastify';
import { EnrolRequest, type EnrolResponse } from '../../shared/sync/protocol.js';
import { enrolDevice } from '../auth/enrolment.js';
import type { Db } from '../store/db.js';
import { unstorableText } from '../store/storable-text.js';
import { checkClientText, requireSupportedBodyProtocol } from './client-info.js';
import { ApiError, parseOrThrow } from './errors.js';
import { serverTime } from './server-time.js';

export interface EnrolRouteOptions {
  db: Db;
  now: () => Date;
  /** Attempts per client address per window: guessing codes must be slow. */
  rateLimit: { max: number; timeWindowMs: number };
}

export const enrolRoute: FastifyPluginAsync<EnrolRouteOptions> = async (app, { db, now, rateLimit }) => {
  app.post(
    '/v1/enrol',
    { config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } } },
    async (request): Promise<EnrolResponse> => {
      requireSupportedBodyProtocol(request.body);
      const body = parseOrThrow(EnrolRequest, request.body);
      checkClientText(body.client);
      for (const [field, text] of [
        ['deviceName', body.deviceName],
        ['localCentre.name', body.localCentre?.name],
      ] as const) {
        const problem = text === undefined ? null : unstorableText(text);
        if (problem) throw new ApiError(400, 'invalid', `${field}: ${problem}`);
      }
      const enrolment = await enrolDevice(db, body);
      return { ...enrolment, serverTime: serverTime(now()) };
    },
  );
};
