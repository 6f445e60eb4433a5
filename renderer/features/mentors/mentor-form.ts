/**
 * The mentor form's values and how they become the inputs of mentors.create and
 * mentors.update. Only shape conversions live here (empty text → no value); the rules are
 * core's.
 */
import type { InputOf } from '../../../shared/api/index.js';
import type { Mentor } from '../../../shared/records/mentors.js';
import { blankToNull } from '../../api/forms.js';
import { PAKISTAN_ZONE } from './time.js';

export interface MentorFormValues extends Record<string, unknown> {
  name: string;
  organisation: string;
  expertise: string[];
  city: string;
  country: string;
  timeZone: string | null;
  email: string;
  phone: string;
  availability: string;
}

export const emptyMentorForm: MentorFormValues = {
  name: '',
  organisation: '',
  expertise: [],
  city: '',
  country: 'Pakistan',
  timeZone: PAKISTAN_ZONE,
  email: '',
  phone: '',
  availability: '',
};

export function mentorFormValues(mentor: Mentor): MentorFormValues {
  return {
    name: mentor.name,
    organisation: mentor.organisation ?? '',
    expertise: [...mentor.expertise],
    city: mentor.city ?? '',
    country: mentor.country,
    timeZone: mentor.timeZone,
    email: mentor.email ?? '',
    phone: mentor.phone ?? '',
    availability: mentor.availability ?? '',
  };
}

function stored(values: MentorFormValues) {
  return {
    name: values.name,
    organisation: blankToNull(values.organisation),
    expertise: values.expertise,
    city: blankToNull(values.city),
    country: values.country,
    timeZone: values.timeZone ?? undefined,
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    availability: blankToNull(values.availability),
  };
}

export function createMentorInput(values: MentorFormValues): InputOf<'mentors.create'> {
  return Object.fromEntries(
    Object.entries(stored(values)).filter(([, value]) => value !== null && value !== undefined),
  ) as InputOf<'mentors.create'>;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/** The patch for mentors.update: only the fields the user changed. */
export function updateMentorPatch(values: MentorFormValues, mentor: Mentor): InputOf<'mentors.update'>['patch'] {
  const next = stored(values);
  const before: Record<keyof typeof next, unknown> = {
    name: mentor.name,
    organisation: mentor.organisation,
    expertise: mentor.expertise,
    city: mentor.city,
    country: mentor.country,
    timeZone: mentor.timeZone,
    email: mentor.email,
    phone: mentor.phone,
    availability: mentor.availability,
  };
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    const value = next[key];
    if (value === undefined) continue;
    if (key === 'expertise' ? !sameTags(value as string[], before.expertise as string[]) : value !== before[key]) {
      patch[key] = value;
    }
  }
  return patch as InputOf<'mentors.update'>['patch'];
}
