/**
 * Personal data (CNIC, phone numbers) is masked in every list and detail the API returns;
 * the clear value comes only from `pii.reveal`, which is permission-checked and audited.
 * Because forms get masked values, a patch that sends a masked value back unchanged must
 * not overwrite the stored number with asterisks: such echoes are dropped.
 */
import { fail } from '../../shared/api/errors.js';
import { maskCnic } from '../../shared/validation/cnic.js';
import { maskPhone } from '../../shared/validation/phone.js';

export type PersonalKind = 'cnic' | 'phone';
export type PersonalFields = Record<string, PersonalKind>;

const maskers: Record<PersonalKind, (v: string | null) => string | null> = { cnic: maskCnic, phone: maskPhone };

export function maskPersonal<T extends Record<string, unknown>>(row: T, fields: PersonalFields): T {
  const out: Record<string, unknown> = { ...row };
  for (const [field, kind] of Object.entries(fields)) out[field] = maskers[kind](row[field] as string | null);
  return out as T;
}

/**
 * Removes patch values that are just the masked form of what is stored, and refuses any
 * other masked value (it would store asterisks). `stored` is null on create.
 */
export function dropMaskedEchoes(
  values: Record<string, unknown>,
  stored: Record<string, unknown> | null,
  fields: PersonalFields,
  pathPrefix: string[],
): Record<string, unknown> {
  const out = { ...values };
  for (const [field, kind] of Object.entries(fields)) {
    const value = out[field];
    if (typeof value !== 'string' || !value.includes('*')) continue;
    if (stored && value === maskers[kind](stored[field] as string | null)) delete out[field];
    else throw fail.field([...pathPrefix, field], `Enter the full ${kind === 'cnic' ? 'CNIC' : 'phone number'}`);
  }
  return out;
}
