import { z } from 'zod';
import {
  Email,
  Gender,
  Id,
  IsoDate,
  LongText,
  Name,
  NonNegativeAmount,
  NonNegativeInt,
  Phone,
  Quarter,
  ShortText,
  Url,
} from './base.js';
import { defineTable } from '../schema/table.js';

/** applied → incubated → graduated, or dropped at any point. */
export const Stage = z.enum(['applied', 'incubated', 'graduated', 'dropped']);
export type Stage = z.infer<typeof Stage>;

export const Sector = z.enum([
  'agritech',
  'ai',
  'cleantech',
  'e-commerce',
  'edtech',
  'fintech',
  'healthtech',
  'logistics',
  'media',
  'saas',
  'social-impact',
  'tourism',
  'manufacturing',
  'other',
]);
export type Sector = z.infer<typeof Sector>;

export const startupsTable = defineTable({
  name: 'startups',
  fields: z.object({
    name: Name,
    sector: Sector,
    stage: Stage,
    cohortId: Id.nullable(),
    foundedOn: IsoDate.nullable(),
    website: Url.nullable(),
    description: LongText.nullable(),
    womenLed: z.boolean(),
    city: ShortText.nullable(),
    contactEmail: Email.nullable(),
    contactPhone: Phone.nullable(),
    registrationNo: ShortText.nullable(),
  }),
  defaults: { stage: 'applied', womenLed: false },
});
export type Startup = z.output<typeof startupsTable.record>;

export const foundersTable = defineTable({
  name: 'founders',
  fields: z.object({
    startupId: Id,
    name: Name,
    gender: Gender.nullable(),
    email: Email.nullable(),
    phone: Phone.nullable(),
    role: ShortText.nullable(),
  }),
});
export type Founder = z.output<typeof foundersTable.record>;

/** Written by core whenever a startup's stage changes; read-only through the API. */
export const stageChangesTable = defineTable({
  name: 'stage_changes',
  fields: z.object({
    startupId: Id,
    fromStage: Stage.nullable(),
    toStage: Stage,
    changedOn: IsoDate,
    changedBy: Id.nullable(),
    note: ShortText.nullable(),
  }),
  internal: ['changedBy'],
});
export type StageChange = z.output<typeof stageChangesTable.record>;

const Count = NonNegativeInt.max(10_000_000).nullable();

export const quarterlyMetricsTable = defineTable({
  name: 'quarterly_metrics',
  fields: z.object({
    startupId: Id,
    quarter: Quarter,
    revenuePkr: NonNegativeInt.nullable(),
    exportRevenueUsd: NonNegativeAmount.nullable(),
    fundingCommittedPkr: NonNegativeInt.nullable(),
    fundingRaisedPkr: NonNegativeInt.nullable(),
    fundingSource: ShortText.nullable(),
    jobsFullTime: Count,
    jobsPartTime: Count,
    jobsWomen: Count,
    customers: Count,
    lockedBy: Id.nullable(),
    lockedAt: z.string().nullable(),
  }),
  internal: ['lockedBy', 'lockedAt'],
});
export type QuarterlyMetrics = z.output<typeof quarterlyMetricsTable.record>;

export const MilestoneStatus = z.enum(['planned', 'in-progress', 'done', 'missed']);

export const milestonesTable = defineTable({
  name: 'milestones',
  fields: z.object({
    startupId: Id,
    title: Name,
    dueOn: IsoDate.nullable(),
    status: MilestoneStatus,
    completedOn: IsoDate.nullable(),
  }),
  defaults: { status: 'planned' },
});
export type Milestone = z.output<typeof milestonesTable.record>;
