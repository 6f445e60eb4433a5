/** Shared set-up of the import tests: a core with a cohort and the registered trainees a roster expects. */
import type { ApiClient } from '../../../shared/api/client.js';
import type { Core } from '../../host/core.js';
import type { Roster } from './roster.js';

/** Creates the training programme, the roster's cohort and the trainees it expects to find. */
export async function prepareCentre(client: ApiClient, roster: Roster): Promise<{ cohortId: string; programmeId: string }> {
  const programme = await client.call('programmes.create', { kind: 'training', name: 'DigiSkills Freelancing' });
  const cohort = await client.call('cohorts.create', { programmeId: programme.id, name: roster.cohortName });
  for (const t of roster.existing) await client.call('trainees.create', t);
  return { cohortId: cohort.id, programmeId: programme.id };
}

const TABLES = ['trainees', 'enrolments', 'certifications', 'outbox', 'cell_clock', 'row_history', 'audit_log', 'trainees_fts'] as const;

/** Row counts of everything an import writes: a failed import must leave all of them as they were. */
export function footprint(core: Core): Record<(typeof TABLES)[number], number> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) out[table] = (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return out;
}

export const TRAINEE_MAPPING = {
  name: 'Student Name',
  cnic: 'CNIC',
  phone: 'Mobile No',
  gender: 'Gender',
  dateOfBirth: 'Date of Birth',
  email: 'Email Address',
  city: 'City',
  skills: 'Skills',
  cohort: 'Batch',
};
