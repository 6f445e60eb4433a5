import { z } from 'zod';
import { Id } from '../records/base.js';
import { cohortsTable, ProgrammeKind, programmesTable } from '../records/programmes.js';
import { listQueryOf } from '../schema/table.js';
import { crudCalls } from './define.js';

const ProgrammeWithCounts = programmesTable.record.extend({ cohorts: z.number().int(), participants: z.number().int() });
const CohortWithCounts = cohortsTable.record.extend({ startups: z.number().int(), trainees: z.number().int() });

export const programmesApi = {
  ...crudCalls('programmes', programmesTable, {
    list: listQueryOf(z.object({ kind: ProgrammeKind }), ['name', 'startDate', 'createdAt']),
    read: 'programmes.read',
    write: 'programmes.write',
    output: ProgrammeWithCounts,
  }),
  ...crudCalls('cohorts', cohortsTable, {
    list: listQueryOf(z.object({ programmeId: Id }), ['name', 'startDate', 'createdAt']),
    read: 'programmes.read',
    write: 'programmes.write',
    output: CohortWithCounts,
  }),
};
