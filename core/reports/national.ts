/**
 * The national roll-up (all centres, or one centre chosen by a national device) is computed
 * by the sync server from every centre's rows (server/http/report-routes.ts), with the same
 * engine (shared/reports/compute.ts) a centre's workstation computes its own report with. A
 * national workstation asks the server for it over the sync client's HTTP (the server it
 * joined, its stored device token, its client headers: SyncEngine.serverRequest), and the
 * answer is checked against the contract's schemas there. `reports.export` writes the
 * server's report with the same renderers as a centre's (reports.service.ts).
 *
 * Whatever goes wrong is said in words for a manager: the national report needs the server,
 * so being offline says so and when this workstation last reached it.
 */
import { ApiFailure, fail } from '../../shared/api/errors.js';
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import type { Ctx } from '../context.js';
import type { HttpSyncTransport } from '../sync/http-transport.js';
import { describeDuration } from '../sync/local-clock.js';
import type { SyncEngine } from '../sync/sync-engine.js';
import { SyncFailure } from '../sync/sync-errors.js';
import { syncServiceOf } from '../sync/sync-service.js';
import { readSyncState } from '../sync/sync-state.js';

/** The server computes a roll-up of large centres for tens of seconds; wait longer than for a sync page. */
export const NATIONAL_REPORT_TIMEOUT_MS = 3 * 60_000;

export interface NationalRequestOptions {
  /** Stops the request (a cancelled export job). */
  signal?: AbortSignal;
}

/** The quarterly report of all centres or one (query.centre), for a national device. */
export function nationalReport(
  ctx: Ctx,
  query: ParsedInputOf<'reports.quarterly'>,
  opts: NationalRequestOptions = {},
): Promise<OutputOf<'reports.quarterly'>> {
  return fromServer(ctx, query.centre, opts, (server) =>
    server.quarterlyReport({ quarter: query.quarter, centre: query.centre ?? 'all' }),
  );
}

/** The rows behind one figure of the national roll-up, a page at a time. */
export function nationalReportRows(
  ctx: Ctx,
  query: ParsedInputOf<'reports.rows'>,
  opts: NationalRequestOptions = {},
): Promise<OutputOf<'reports.rows'>> {
  return fromServer(ctx, query.centre, opts, (server) =>
    server.reportRows({
      quarter: query.quarter,
      centre: query.centre ?? 'all',
      key: query.key,
      sector: query.sector,
      cohortId: query.cohortId,
      centreId: query.centreId,
      offset: query.offset,
      limit: query.limit,
    }),
  );
}

async function fromServer<T>(
  ctx: Ctx,
  centre: string | undefined,
  opts: NationalRequestOptions,
  request: (server: HttpSyncTransport) => Promise<T>,
): Promise<T> {
  let engine: SyncEngine;
  try {
    engine = syncServiceOf(ctx.db).engine;
  } catch {
    throw unavailable(NOT_JOINED);
  }
  try {
    return await engine.serverRequest(request, { signal: opts.signal, timeoutMs: NATIONAL_REPORT_TIMEOUT_MS });
  } catch (error) {
    throw inWords(ctx, error, centre);
  }
}

const NOT_JOINED =
  'The national report is made by the sync server, and this workstation has not joined one. Join it in Settings → Sync with a national enrolment code.';

const unavailable = (message: string) => new ApiFailure({ code: 'unavailable', message });

/** A failed request to the server, as an API error a manager can act on. */
function inWords(ctx: Ctx, error: unknown, centre: string | undefined): unknown {
  if (!(error instanceof SyncFailure)) return error;
  switch (error.kind) {
    case 'cancelled':
      return fail.cancelled('The national report was cancelled');
    case 'unreachable':
      return unavailable(
        `The national report is made by the sync server, which could not be reached. Check this computer's connection and try again. ${lastSync(ctx)}`,
      );
    case 'not-configured':
      return unavailable(readSyncState(ctx.db) ? error.message : NOT_JOINED);
    case 'revoked':
      return unavailable(
        `The sync server did not accept this workstation, so it cannot send the national report: ${error.message}`,
      );
    case 'upgrade-required':
      return unavailable('Update Incubator Desk: the sync server needs a newer version before it sends the national report.');
    default:
      return serverRefusal(error, centre);
  }
}

/** What the server answered when it could not give the report. */
function serverRefusal(error: SyncFailure, centre: string | undefined): ApiFailure {
  const said = error.message;
  if (error.status === 403) {
    return unavailable(
      'The sync server does not know this workstation as a national-office device, so it sends it no national report. Ask your administrator for a national enrolment code.',
    );
  }
  // The server's 400 and 404 messages start with the field they are about ("centre: …").
  const field = /^([A-Za-z]+): /.exec(said)?.[1];
  if (error.status === 404) {
    if (field === 'centre' && centre !== undefined && centre !== 'all') {
      return fail.field(['centre'], 'The sync server has no such centre; choose one from the list of centres.');
    }
    return unavailable(
      'The sync server does not offer the national report: it runs an older version of Incubator Desk. Ask your administrator to update it.',
    );
  }
  if (error.status === 400 && field) return fail.field([field], said.slice(field.length + 2));
  if (error.status !== undefined && error.status >= 500) {
    return unavailable('The sync server had a problem making the national report. Try again in a few minutes.');
  }
  return unavailable(said);
}

/** "It last synced 3 hours ago (2026-11-29 08:10 UTC)." or that it never did. */
function lastSync(ctx: Ctx): string {
  const at = readSyncState(ctx.db)?.lastSyncedAt;
  if (!at) return 'This workstation has not synced with it yet.';
  const ago = ctx.now().getTime() - Date.parse(at);
  const when = `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
  return ago < 60_000 ? `It last synced a moment ago (${when}).` : `It last synced ${describeDuration(ago)} ago (${when}).`;
}
