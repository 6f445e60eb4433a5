import { z } from 'zod';
import { ById, Id, Quarter } from '../records/base.js';
import {
  foundersTable,
  milestonesTable,
  MilestoneStatus,
  quarterlyMetricsTable,
  Sector,
  Stage,
  stageChangesTable,
  startupsTable,
} from '../records/startups.js';
import { listQueryOf } from '../schema/table.js';
import { call, crudCalls } from './define.js';

const MetricsFields = quarterlyMetricsTable.createInput.omit({ startupId: true, quarter: true });

export const startupsApi = {
  ...crudCalls('startups', startupsTable, {
    list: listQueryOf(z.object({ stage: Stage, sector: Sector, cohortId: Id, womenLed: z.boolean() }), [
      'name',
      'stage',
      'sector',
      'foundedOn',
      'createdAt',
      'updatedAt',
    ]),
    read: 'startups.read',
    write: 'startups.write',
  }),
  ...crudCalls('founders', foundersTable, {
    list: listQueryOf(z.object({ startupId: Id }), ['name', 'createdAt']),
    read: 'startups.read',
    write: 'startups.write',
  }),
  ...crudCalls('milestones', milestonesTable, {
    list: listQueryOf(z.object({ startupId: Id, status: MilestoneStatus }), ['dueOn', 'title', 'createdAt']),
    read: 'startups.read',
    write: 'startups.write',
  }),
  'startups.stageHistory': call({
    input: z.object({ startupId: Id }).strict(),
    output: z.array(stageChangesTable.record),
    permission: 'startups.read',
  }),
  'metrics.list': call({
    input: listQueryOf(z.object({ startupId: Id, quarter: Quarter }), ['quarter', 'createdAt']),
    output: z.object({ items: z.array(quarterlyMetricsTable.record), total: z.number(), offset: z.number(), limit: z.number() }),
    permission: 'startups.read',
  }),
  /** Creates or updates one startup's check-in for one quarter. Refused when locked. */
  'metrics.save': call({
    input: z.object({ startupId: Id, quarter: Quarter, values: MetricsFields.partial().strict() }).strict(),
    output: quarterlyMetricsTable.record,
    permission: 'metrics.write',
  }),
  'metrics.lock': call({
    input: z.object({ startupId: Id, quarter: Quarter }).strict(),
    output: quarterlyMetricsTable.record,
    permission: 'metrics.lock',
  }),
  'metrics.unlock': call({
    input: z.object({ startupId: Id, quarter: Quarter }).strict(),
    output: quarterlyMetricsTable.record,
    permission: 'metrics.lock',
  }),
  'metrics.delete': call({ input: ById, output: z.object({ id: Id, deleted: z.literal(true) }), permission: 'metrics.write' }),
};
