/**
 * The trainee form's values and how they become the inputs of trainees.create and
 * trainees.update. Only shape conversions live here (empty text → no value); every rule
 * about the values (CNIC format, age, duplicates) is core's.
 *
 * CNIC and phone arrive masked; an edit that leaves them alone sends nothing for them
 * (only changed fields are sent), and core ignores a masked value sent back unchanged.
 */
import type { InputOf } from '../../../shared/api/index.js';
import type { Gender } from '../../../shared/records/base.js';
import type { Trainee } from '../../../shared/records/trainees.js';
import { blankToNull } from '../../api/forms.js';

export interface TraineeFormValues extends Record<string, unknown> {
  name: string;
  cnic: string;
  email: string;
  phone: string;
  gender: Gender | null;
  city: string;
  district: string;
  dateOfBirth: string;
  skills: string[];
  consent: boolean;
}

export const emptyTraineeForm: TraineeFormValues = {
  name: '',
  cnic: '',
  email: '',
  phone: '',
  gender: null,
  city: '',
  district: '',
  dateOfBirth: '',
  skills: [],
  consent: false,
};

export function traineeFormValues(trainee: Trainee): TraineeFormValues {
  return {
    name: trainee.name,
    cnic: trainee.cnic ?? '',
    email: trainee.email ?? '',
    phone: trainee.phone ?? '',
    gender: trainee.gender,
    city: trainee.city ?? '',
    district: trainee.district ?? '',
    dateOfBirth: trainee.dateOfBirth ?? '',
    skills: trainee.skills,
    consent: trainee.consent,
  };
}

function stored(values: TraineeFormValues) {
  return {
    name: values.name,
    cnic: blankToNull(values.cnic),
    email: blankToNull(values.email),
    phone: blankToNull(values.phone),
    gender: values.gender,
    city: blankToNull(values.city),
    district: blankToNull(values.district),
    dateOfBirth: blankToNull(values.dateOfBirth),
    skills: values.skills,
    consent: values.consent,
  };
}

export function createTraineeInput(values: TraineeFormValues): InputOf<'trainees.create'> {
  const v = stored(values);
  return Object.fromEntries(Object.entries(v).filter(([, value]) => value !== null)) as InputOf<'trainees.create'>;
}

function sameSkills(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** The patch for trainees.update: only the fields the user changed. */
export function updateTraineePatch(values: TraineeFormValues, trainee: Trainee): InputOf<'trainees.update'>['patch'] {
  const next = stored(values);
  const previous = stored(traineeFormValues(trainee));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    const changed = key === 'skills' ? !sameSkills(next.skills, previous.skills) : next[key] !== previous[key];
    if (changed) patch[key] = next[key];
  }
  return patch as InputOf<'trainees.update'>['patch'];
}
