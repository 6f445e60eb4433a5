/**
 * Quarterly check-ins: one row per startup and quarter. A manager signs a quarter off by
 * locking it; a locked check-in is read-only until a manager unlocks it. Both are audited.
 */
import { fail } from '../../shared/api/errors.js';
import type { ParsedInputOf } from '../../shared/api/index.js';
import { quarterlyMetricsTable, type QuarterlyMetrics } from '../../shared/records/startups.js';
import { audit, requireUser, today, type Ctx } from '../context.js';
import { crudService, where } from '../records/crud.js';
import { quarterOf } from '../../shared/reports/quarters.js';
import { startups } from './startups.service.js';

export const metrics = crudService<QuarterlyMetrics>({
  spec: quarterlyMetricsTable,
  entity: 'quarterly check-in',
  label: (m) => m.quarter,
  refs: { startupId: 'startups' },
  filters: { startupId: where.equals('startup_id'), quarter: where.equals('quarter') },
  sorts: { quarter: 'quarterly_metrics.quarter', createdAt: 'quarterly_metrics.created_at' },
  defaultSort: { field: 'quarter', direction: 'desc' },
});

function find(ctx: Ctx, startupId: string, quarter: string): QuarterlyMetrics | null {
  const row = ctx.rows
    .statement('SELECT id FROM quarterly_metrics WHERE startup_id = ? AND quarter = ? AND deleted = 0')
    .get(startupId, quarter) as { id: string } | undefined;
  return row ? ctx.rows.get<QuarterlyMetrics>(quarterlyMetricsTable, row.id) : null;
}

function assertUnlocked(m: QuarterlyMetrics): void {
  if (m.lockedAt) throw fail.locked(`${m.quarter} is signed off and locked; a manager must unlock it before it can change`);
}

export function saveMetrics(ctx: Ctx, input: ParsedInputOf<'metrics.save'>): QuarterlyMetrics {
  const me = requireUser(ctx);
  const startup = startups.load(ctx, input.startupId);
  if (input.quarter > quarterOf(today(ctx))) throw fail.field(['quarter'], 'A check-in cannot be for a future quarter');
  const existing = find(ctx, input.startupId, input.quarter);
  if (existing) assertUnlocked(existing);
  const next = { ...(existing ?? {}), ...input.values } as Partial<QuarterlyMetrics>;
  const employed = (next.jobsFullTime ?? 0) + (next.jobsPartTime ?? 0);
  if (next.jobsWomen != null && next.jobsWomen > employed) {
    throw fail.field(['values', 'jobsWomen'], 'Jobs held by women cannot exceed full-time plus part-time jobs');
  }
  if (next.fundingRaisedPkr != null && next.fundingRaisedPkr > 0 && !next.fundingSource) {
    throw fail.field(['values', 'fundingSource'], 'Say where the funding came from');
  }
  if (existing) return ctx.rows.update<QuarterlyMetrics>(quarterlyMetricsTable, existing.id, input.values, { userId: me.id })!;
  const fields: Record<string, unknown> = Object.fromEntries(Object.keys(quarterlyMetricsTable.columnOf).map((f) => [f, null]));
  return ctx.rows.insert<QuarterlyMetrics>(
    quarterlyMetricsTable,
    { ...fields, ...input.values, startupId: input.startupId, quarter: input.quarter },
    { userId: me.id, centreId: startup.centreId },
  );
}

export function setLocked(ctx: Ctx, startupId: string, quarter: string, locked: boolean): QuarterlyMetrics {
  const me = requireUser(ctx);
  startups.load(ctx, startupId);
  const existing = find(ctx, startupId, quarter);
  if (!existing) throw fail.field(['quarter'], `There is no check-in for ${quarter} to ${locked ? 'lock' : 'unlock'}`);
  if (Boolean(existing.lockedAt) === locked) return existing;
  const patch = locked ? { lockedBy: me.id, lockedAt: ctx.now().toISOString() } : { lockedBy: null, lockedAt: null };
  const row = ctx.rows.update<QuarterlyMetrics>(quarterlyMetricsTable, existing.id, patch, { userId: me.id })!;
  audit(ctx, locked ? 'metrics.locked' : 'metrics.unlocked', 'quarterly_metrics', row.id, { startupId, quarter });
  return row;
}

export function deleteMetrics(ctx: Ctx, id: string): { id: string; deleted: true } {
  assertUnlocked(metrics.load(ctx, id));
  return metrics.remove(ctx, { id });
}
