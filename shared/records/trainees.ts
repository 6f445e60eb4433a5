import { z } from 'zod';
import { Cnic, Email, Gender, Id, IsoDate, Name, NonNegativeInt, Phone, ShortText, Tags } from './base.js';
import { defineTable } from '../schema/table.js';

export const traineesTable = defineTable({
  name: 'trainees',
  fields: z.object({
    name: Name,
    cnic: Cnic.nullable(),
    email: Email.nullable(),
    phone: Phone.nullable(),
    gender: Gender.nullable(),
    city: ShortText.nullable(),
    district: ShortText.nullable(),
    dateOfBirth: IsoDate.nullable(),
    skills: Tags,
    /** The trainee agreed to be matched with startups, employers and diaspora entrepreneurs. */
    consent: z.boolean(),
  }),
  defaults: { skills: [], consent: false },
});
export type Trainee = z.output<typeof traineesTable.record>;

export const EnrolmentStatus = z.enum(['enrolled', 'completed', 'dropped']);

export const enrolmentsTable = defineTable({
  name: 'enrolments',
  fields: z.object({
    traineeId: Id,
    cohortId: Id,
    status: EnrolmentStatus,
    score: z.number().min(0, 'Score is 0–100').max(100, 'Score is 0–100').nullable(),
    completedOn: IsoDate.nullable(),
  }),
  defaults: { status: 'enrolled' },
});
export type Enrolment = z.output<typeof enrolmentsTable.record>;

export const certificationsTable = defineTable({
  name: 'certifications',
  fields: z.object({
    traineeId: Id,
    title: ShortText.pipe(z.string().min(1, 'Required')),
    issuedOn: IsoDate,
    certificateNo: ShortText.nullable(),
  }),
});
export type Certification = z.output<typeof certificationsTable.record>;

export const PlacementKind = z.enum(['job', 'freelance', 'founder', 'internship']);

export const placementsTable = defineTable({
  name: 'placements',
  fields: z.object({
    traineeId: Id,
    kind: PlacementKind,
    employer: ShortText.nullable(),
    startupId: Id.nullable(),
    startedOn: IsoDate,
    monthlyIncomePkr: NonNegativeInt.nullable(),
  }),
});
export type Placement = z.output<typeof placementsTable.record>;
