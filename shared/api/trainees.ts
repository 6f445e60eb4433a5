import { z } from 'zod';
import { Gender, Id } from '../records/base.js';
import {
  certificationsTable,
  EnrolmentStatus,
  enrolmentsTable,
  PlacementKind,
  placementsTable,
  traineesTable,
} from '../records/trainees.js';
import { listQueryOf } from '../schema/table.js';
import { crudCalls } from './define.js';

/**
 * Trainee lists and details carry CNIC and phone masked (3****-*******-1); the clear value
 * comes only from `pii.reveal`, for roles allowed to, and each reveal is audited.
 */
export const traineesApi = {
  ...crudCalls('trainees', traineesTable, {
    list: listQueryOf(
      z.object({
        programmeId: Id,
        cohortId: Id,
        status: EnrolmentStatus,
        skill: z.string(),
        city: z.string(),
        gender: Gender,
        certified: z.boolean(),
      }),
      ['name', 'city', 'createdAt', 'updatedAt'],
    ),
    read: 'trainees.read',
    write: 'trainees.write',
  }),
  ...crudCalls('enrolments', enrolmentsTable, {
    list: listQueryOf(z.object({ traineeId: Id, cohortId: Id, status: EnrolmentStatus }), ['createdAt', 'score']),
    read: 'trainees.read',
    write: 'trainees.write',
  }),
  ...crudCalls('certifications', certificationsTable, {
    list: listQueryOf(z.object({ traineeId: Id }), ['issuedOn', 'createdAt']),
    read: 'trainees.read',
    write: 'trainees.write',
  }),
  ...crudCalls('placements', placementsTable, {
    list: listQueryOf(z.object({ traineeId: Id, kind: PlacementKind }), ['startedOn', 'createdAt']),
    read: 'trainees.read',
    write: 'trainees.write',
  }),
};
