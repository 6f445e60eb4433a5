/**
 * Which stored values are personal data (shown masked, revealed only through `pii.reveal`)
 * or secret (never shown at all), by table. The domain services mask the same fields in
 * their records; this is what the cross-cutting calls (reveal, history) need to know.
 */
import type { z } from 'zod';
import type { PiiTable } from '../../shared/api/common.js';
import type { TableName } from '../../shared/schema/tables.js';
import type { PersonalFields } from '../records/personal-data.js';

/** Field (camelCase, as in the records) → kind, for every table whose rows hold personal data. */
export const PERSONAL_FIELDS: Record<z.infer<typeof PiiTable>, PersonalFields> = {
  trainees: { cnic: 'cnic', phone: 'phone' },
  founders: { phone: 'phone' },
  mentors: { phone: 'phone' },
  startups: { contactPhone: 'phone' },
};

/** Fields whose values never leave core, not even masked (history shows that they changed). */
export const SECRET_FIELDS: Partial<Record<TableName, readonly string[]>> = {
  users: ['passwordHash'],
};
