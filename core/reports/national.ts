/**
 * The national roll-up (all centres, or one centre chosen by a national device) is computed
 * by the server from every centre's rows (server/reports); a national workstation holds
 * only national rows and asks the server for it. Until that request is made here, a
 * national device is told so. Replaced by the national roll-up's implementation.
 */
import { ApiFailure } from '../../shared/api/errors.js';
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import type { Ctx } from '../context.js';

const needsServer = () =>
  new ApiFailure({
    code: 'unavailable',
    message: 'The national roll-up of every centre is made by the sync server; this version cannot fetch it yet',
  });

/** The quarterly report of all centres or one (query.centre), for a national device. */
export function nationalReport(_ctx: Ctx, _query: ParsedInputOf<'reports.quarterly'>): Promise<OutputOf<'reports.quarterly'>> {
  return Promise.reject(needsServer());
}

/** The rows behind one figure of the national roll-up. */
export function nationalReportRows(_ctx: Ctx, _query: ParsedInputOf<'reports.rows'>): Promise<OutputOf<'reports.rows'>> {
  return Promise.reject(needsServer());
}
