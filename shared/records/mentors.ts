import { z } from 'zod';
import { Email, Id, IsoDate, LongText, Name, Phone, ShortText, Tags } from './base.js';
import { defineTable } from '../schema/table.js';

export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Must be a time zone like Asia/Karachi or Europe/London');

/** National mentors (centreId null) form the shared directory every centre can assign. */
export const mentorsTable = defineTable({
  name: 'mentors',
  fields: z.object({
    name: Name,
    organisation: ShortText.nullable(),
    expertise: Tags,
    city: ShortText.nullable(),
    country: ShortText,
    timeZone: TimeZone,
    email: Email.nullable(),
    phone: Phone.nullable(),
    availability: LongText.nullable(),
  }),
  defaults: { expertise: [], country: 'Pakistan', timeZone: 'Asia/Karachi' },
  scope: 'centre-or-national',
});
export type Mentor = z.output<typeof mentorsTable.record>;

export const mentorAssignmentsTable = defineTable({
  name: 'mentor_assignments',
  fields: z.object({
    mentorId: Id,
    startupId: Id,
    fromDate: IsoDate,
    toDate: IsoDate.nullable(),
  }),
});
export type MentorAssignment = z.output<typeof mentorAssignmentsTable.record>;
