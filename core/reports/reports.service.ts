/**
 * The quarterly report of this workstation's centre: its rows read (load-input.ts) and the
 * report computed by the shared engine (shared/reports/compute.ts), the same code the
 * server runs for the national roll-up. On a national device the report comes from the
 * server instead (national.ts). The scheme of the centre (calendar or Pakistan's fiscal
 * year) names the quarter and starts its year.
 *
 * `reports.export` renders the report as a job: read and computed in one transaction, then
 * written by the format's renderer (render/index.ts) to the given path or the data folder's
 * exports/ (like list exports).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../shared/api/errors.js';
import type { OutputOf, ParsedInputOf } from '../../shared/api/index.js';
import type { QuarterlyReport } from '../../shared/api/reports.js';
import type { Centre } from '../../shared/records/centres.js';
import { computeQuarterlyReport, reportRows } from '../../shared/reports/compute.js';
import type { ReportInput } from '../../shared/reports/input.js';
import { loadCentre } from '../auth/auth.service.js';
import type { Ctx } from '../context.js';
import { exportTarget } from '../export/target-file.js';
import type { JobRunner } from '../host/handler-types.js';
import { loadReportInput } from './load-input.js';
import { nationalReport, nationalReportRows } from './national.js';
import { REPORT_FILE_EXTENSIONS, rendererFor } from './render/index.js';

type Query = ParsedInputOf<'reports.quarterly'>;

/** This workstation's centre, which is the only one it reports on. */
function ownCentre(ctx: Ctx, asked: Query['centre']): Centre {
  const centre = loadCentre(ctx);
  if (!centre) throw fail.notFound('centre', ctx.centreId ?? '(not set up)');
  if (asked !== undefined && asked !== centre.id) {
    throw fail.field(
      ['centre'],
      `This workstation reports on its own centre (${centre.name}); the report of ${asked === 'all' ? 'all centres' : 'another centre'} is made by the sync server for national devices`,
    );
  }
  return centre;
}

/**
 * The last input read, kept a minute for the drill-down's calls (a click on a figure, a next
 * page) while nothing was written: the connection's count of changed rows is part of its key,
 * so any write (here or by sync) reads afresh. One per database connection.
 */
const lastInput = new WeakMap<Ctx['db'], { key: string; at: number; input: ReportInput }>();
const KEEP_MS = 60_000;

function centreInput(ctx: Ctx, centre: Centre, quarter: string): ReportInput {
  const changes = (ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const key = JSON.stringify([quarter, centre.id, centre.name, centre.quarterScheme, changes]);
  const kept = lastInput.get(ctx.db);
  const now = Date.now();
  if (kept && kept.key === key && now - kept.at < KEEP_MS) return kept.input;
  const input = loadReportInput(ctx, centre, quarter);
  lastInput.set(ctx.db, { key, at: now, input });
  return input;
}

function computeFor(ctx: Ctx, centre: Centre, quarter: string): QuarterlyReport {
  return computeQuarterlyReport(centreInput(ctx, centre, quarter), quarter, {
    generatedAt: ctx.now().toISOString(),
    source: 'workstation',
    scope: { kind: 'centre', centreId: centre.id, name: centre.name, centres: 1 },
  });
}

export function quarterlyReport(ctx: Ctx, query: Query): QuarterlyReport | Promise<QuarterlyReport> {
  if (ctx.national) return nationalReport(ctx, query);
  return computeFor(ctx, ownCentre(ctx, query.centre), query.quarter);
}

type RowsQuery = ParsedInputOf<'reports.rows'>;
type RowsResult = OutputOf<'reports.rows'>;

/** The rows behind one figure, a page at a time (total: how many there are). */
export function quarterlyReportRows(ctx: Ctx, query: RowsQuery): RowsResult | Promise<RowsResult> {
  if (ctx.national) return nationalReportRows(ctx, query);
  const centre = ownCentre(ctx, query.centre);
  const rows = reportRows(centreInput(ctx, centre, query.quarter), query.quarter, query.key, {
    sector: query.sector,
    cohortId: query.cohortId,
    centreId: query.centreId,
  });
  return { key: query.key, total: rows.length, rows: rows.slice(query.offset, query.offset + query.limit) };
}

type ExportInput = ParsedInputOf<'reports.export'>;
type ExportResult = OutputOf<'reports.export'>;

/**
 * Checks what can be checked at once (the format has a renderer, the centre, the path), then
 * reads and computes the report, then writes it, as a job.
 */
export function exportQuarterlyReport(ctx: Ctx, input: ExportInput): JobRunner<ExportResult> {
  const render = rendererFor(input.format);
  const centre = ctx.national ? null : ownCentre(ctx, input.centre);
  const file = exportTarget(ctx, input.path, REPORT_FILE_EXTENSIONS[input.format], `quarterly-report-${input.quarter}`);
  const query: Query = { quarter: input.quarter, centre: input.centre };
  return {
    async run(report, signal) {
      report(0, 2, 'Reading the records', { phase: 'reading' });
      const data = centre ? ctx.db.transaction(() => computeFor(ctx, centre, input.quarter))() : await nationalReport(ctx, query, { signal });
      if (signal.aborted) throw fail.cancelled();
      report(1, 2, `Writing the ${input.format.toUpperCase()} file`, { phase: 'writing' });
      try {
        await render(data, file);
        if (signal.aborted) throw fail.cancelled();
      } catch (error) {
        fs.rmSync(file, { force: true });
        throw error;
      }
      report(2, 2, `Wrote ${path.basename(file)}`, { phase: 'done' });
      return { path: file, fileName: path.basename(file), format: input.format, bytes: fs.statSync(file).size };
    },
  };
}
