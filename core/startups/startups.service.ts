/**
 * Startups and what hangs off them: founders, milestones, and the stage history that core
 * writes itself whenever a startup's stage changes.
 */
import { fail } from '../../shared/api/errors.js';
import {
  foundersTable,
  milestonesTable,
  stageChangesTable,
  startupsTable,
  type Founder,
  type Milestone,
  type StageChange,
  type Startup,
} from '../../shared/records/startups.js';
import { today, type Ctx } from '../context.js';
import { crudService, where } from '../records/crud.js';
import { decodeRow, type SqlValue } from '../db/rows.js';

export const startups = crudService<Startup>({
  spec: startupsTable,
  entity: 'startup',
  label: (s) => s.name,
  refs: { cohortId: 'cohorts' },
  unique: [{ field: 'registrationNo', message: 'Another startup has this registration number' }],
  search: { fts: true },
  filters: {
    stage: where.equals('stage'),
    sector: where.equals('sector'),
    cohortId: where.equals('cohort_id'),
    womenLed: where.equals('women_led'),
  },
  sorts: {
    name: 'startups.name COLLATE NOCASE',
    stage: 'startups.stage',
    sector: 'startups.sector',
    foundedOn: 'startups.founded_on',
    createdAt: 'startups.created_at',
    updatedAt: 'startups.updated_at',
  },
  defaultSort: { field: 'name', direction: 'asc' },
  validate(ctx, next) {
    if (next.foundedOn && next.foundedOn > today(ctx)) {
      throw fail.field(next.id ? ['patch', 'foundedOn'] : ['foundedOn'], 'The founding date cannot be in the future');
    }
  },
  personal: { contactPhone: 'phone' },
  afterWrite(ctx, row, previous) {
    if (previous && previous.stage === row.stage) return;
    ctx.rows.insert(
      stageChangesTable,
      { startupId: row.id, fromStage: previous?.stage ?? null, toStage: row.stage, changedOn: today(ctx), changedBy: ctx.user?.id ?? null, note: null },
      { userId: ctx.user?.id ?? null, centreId: row.centreId },
    );
  },
});

export const founders = crudService<Founder>({
  spec: foundersTable,
  entity: 'founder',
  label: (f) => f.name,
  refs: { startupId: 'startups' },
  search: { like: ['name', 'email'] },
  filters: { startupId: where.equals('startup_id') },
  sorts: { name: 'founders.name COLLATE NOCASE', createdAt: 'founders.created_at' },
  defaultSort: { field: 'createdAt', direction: 'asc' },
  validate(_ctx, next, previous) {
    if (previous && next.startupId !== previous.startupId) {
      throw fail.field(['patch', 'startupId'], 'A founder cannot be moved to another startup; add them there instead');
    }
  },
  personal: { phone: 'phone' },
});

export const milestones = crudService<Milestone>({
  spec: milestonesTable,
  entity: 'milestone',
  label: (m) => m.title,
  refs: { startupId: 'startups' },
  search: { like: ['title'] },
  filters: { startupId: where.equals('startup_id'), status: where.equals('status') },
  sorts: { dueOn: "coalesce(milestones.due_on, '9999')", title: 'milestones.title COLLATE NOCASE', createdAt: 'milestones.created_at' },
  defaultSort: { field: 'dueOn', direction: 'asc' },
  validate(ctx, next, previous) {
    const path = (f: string) => (previous ? ['patch', f] : [f]);
    if (next.completedOn && next.status !== 'done') {
      throw fail.field(path('completedOn'), 'Only a milestone that is done has a completion date');
    }
    if (next.completedOn && next.completedOn > today(ctx)) {
      throw fail.field(path('completedOn'), 'The completion date cannot be in the future');
    }
  },
  afterWrite(ctx, row) {
    // A milestone marked done without a date is done today.
    if (row.status === 'done' && !row.completedOn) {
      return ctx.rows.update<Milestone>(milestonesTable, row.id, { completedOn: today(ctx) }, { userId: ctx.user?.id ?? null })!;
    }
  },
});

export function stageHistory(ctx: Ctx, startupId: string): StageChange[] {
  startups.load(ctx, startupId);
  const raws = ctx.rows
    .statement('SELECT * FROM stage_changes WHERE startup_id = ? AND deleted = 0 ORDER BY changed_on, created_at')
    .all(startupId) as Record<string, SqlValue>[];
  return raws.map((r) => decodeRow(stageChangesTable, r) as StageChange);
}
