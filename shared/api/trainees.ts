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
import { call, crudCalls } from './define.js';

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
  /**
   * Merges two records of one person: `keepId` stays; `mergeId`'s enrolments,
   * certifications and placements move to it and `mergeId` is tombstoned, in one transaction
   * (every change in both records' history). Fields: the kept record's empty fields are
   * filled from the other; `take` names fields whose value comes from the other record even
   * where the kept one has a value. An enrolment in a cohort the kept trainee is already in
   * is not moved but tombstoned, its score kept where the kept enrolment has none.
   */
  'trainees.merge': call({
    input: z
      .object({
        keepId: Id,
        mergeId: Id,
        take: z.array(traineesTable.fields.keyof()).max(20).default([]),
      })
      .strict(),
    output: z.object({
      trainee: traineesTable.record,
      mergedId: Id,
      moved: z.object({ enrolments: z.number().int(), certifications: z.number().int(), placements: z.number().int() }),
    }),
    permission: 'trainees.write',
  }),
};
