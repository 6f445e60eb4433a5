import { z } from 'zod';
import { Id, IsoDate, LongText, Name } from './base.js';
import { defineTable } from '../schema/table.js';

export const ProgrammeKind = z.enum(['incubation', 'training']);

/** National programmes (centreId null) are shared by every centre. */
export const programmesTable = defineTable({
  name: 'programmes',
  fields: z.object({
    kind: ProgrammeKind,
    name: Name,
    startDate: IsoDate.nullable(),
    endDate: IsoDate.nullable(),
    description: LongText.nullable(),
  }),
  scope: 'centre-or-national',
});
export type Programme = z.output<typeof programmesTable.record>;

export const cohortsTable = defineTable({
  name: 'cohorts',
  fields: z.object({
    programmeId: Id,
    name: Name,
    startDate: IsoDate.nullable(),
    endDate: IsoDate.nullable(),
  }),
});
export type Cohort = z.output<typeof cohortsTable.record>;
