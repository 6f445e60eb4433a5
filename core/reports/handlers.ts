/** `reports.quarterly`, `reports.rows`, `reports.export` (shared/api/reports.ts). */
import type { HandlerGroup } from '../host/handler-types.js';
import { exportQuarterlyReport, quarterlyReport, quarterlyReportRows } from './reports.service.js';

export const reportHandlers: HandlerGroup<'reports.quarterly' | 'reports.rows' | 'reports.export'> = {
  'reports.quarterly': (ctx, input) => quarterlyReport(ctx, input),
  'reports.rows': (ctx, input) => quarterlyReportRows(ctx, input),
  'reports.export': (ctx, input) => exportQuarterlyReport(ctx, input),
};
