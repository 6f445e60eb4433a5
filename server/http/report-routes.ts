/**
 * The national roll-up: `GET /v1/reports/quarterly` and `GET /v1/reports/rows` (bearer device
 * token, client headers as for the sync GETs), for national devices only. The figures are
 * computed by shared/reports/compute.ts, the code a workstation computes its own centre's
 * report with, from the server's current cells (reports/load-input.ts), so a KPI means the
 * same in both places. The query takes the contract's own inputs (shared/api/reports.ts
 * `reports.quarterly`, `reports.rows`), offset and limit as decimal numbers.
 *
 * A centre's device is answered 403 'forbidden' before anything is read: it sees only its
 * own centre's data, and computes that report itself.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { reportsApi, type QuarterlyReport, type ReportRow } from '../../shared/api/reports.js';
import { computeQuarterlyReport, reportRows } from '../../shared/reports/compute.js';
import type { KpiKey } from '../../shared/reports/kpis.js';
import { authenticateDevice, recordDeviceVisit } from '../auth/device-auth.js';
import { loadReportInput } from '../reports/load-input.js';
import type { Db } from '../store/db.js';
import { clientInfoFromHeaders } from './client-info.js';
import { ApiError, parseOrThrow } from './errors.js';

export interface ReportRouteOptions {
  db: Db;
  now: () => Date;
}

const QuarterlyQuery = reportsApi['reports.quarterly'].input;
const RowsQuery = reportsApi['reports.rows'].input;

/** Query strings are text: offset and limit become numbers when they are plain decimals. */
function withNumbers(query: unknown, names: readonly string[]): unknown {
  if (typeof query !== 'object' || query === null) return query;
  const out: Record<string, unknown> = { ...query };
  for (const name of names) {
    const value = out[name];
    if (typeof value === 'string' && /^\d{1,15}$/.test(value)) out[name] = Number(value);
  }
  return out;
}

/**
 * One report at a time per server: each holds every row of the centres it covers in memory
 * for a moment (a few hundred MB for several large centres), so national devices asking at
 * once wait their turn instead of multiplying that.
 */
function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = last.then(work, work);
    last = run.catch(() => undefined);
    return run;
  };
}

export const reportRoutes: FastifyPluginAsync<ReportRouteOptions> = async (app, { db, now }) => {
  const queue = oneAtATime();

  /** The caller: its token, its client headers, then whether it is a national device. */
  async function nationalDevice(request: FastifyRequest): Promise<void> {
    const device = await authenticateDevice(db, request.headers.authorization);
    await recordDeviceVisit(db, device, clientInfoFromHeaders(request.headers));
    if (device.role !== 'national') {
      throw new ApiError(
        403,
        'forbidden',
        'The national report is for national devices; a centre’s workstation reports on its own centre itself',
      );
    }
  }

  app.get('/v1/reports/quarterly', async (request): Promise<QuarterlyReport> => {
    await nationalDevice(request);
    const query = parseOrThrow(QuarterlyQuery, request.query, 'query');
    const centre = query.centre ?? 'all';
    return queue(async () => {
      const input = await loadReportInput(db, centre);
      return computeQuarterlyReport(input, query.quarter, {
        generatedAt: now().toISOString(),
        source: 'server',
        scope: {
          kind: 'national',
          centreId: centre === 'all' ? null : centre,
          name: centre === 'all' ? 'All centres' : input.centres[0]!.name,
          centres: input.centres.length,
        },
      });
    });
  });

  app.get('/v1/reports/rows', async (request): Promise<{ key: KpiKey; total: number; rows: ReportRow[] }> => {
    await nationalDevice(request);
    const query = parseOrThrow(RowsQuery, withNumbers(request.query, ['offset', 'limit']), 'query');
    return queue(async () => {
      const input = await loadReportInput(db, query.centre ?? 'all');
      const rows = reportRows(input, query.quarter, query.key, {
        sector: query.sector,
        cohortId: query.cohortId,
        centreId: query.centreId,
      });
      return { key: query.key, total: rows.length, rows: rows.slice(query.offset, query.offset + query.limit) };
    });
  });
};
