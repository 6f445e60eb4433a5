/**
 * Field types shared by every record schema (see shared/schema/table.ts for how a table is
 * declared from them). Optional columns are declared `.nullable()` and never with
 * `.default()`: zod applies defaults inside `.partial()`, which would turn a patch into
 * "clear every other field"; create defaults live in the table declaration instead.
 */
import { z } from 'zod';
import { normaliseCnic } from '../validation/cnic.js';
import { normalisePhone } from '../validation/phone.js';

export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  message: 'Must be a record id',
});

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-07-31' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'This date does not exist');

/** An instant in UTC, ISO 8601 with a Z. Accepts offsets on input and stores UTC. */
export const Timestamp = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'Use a date and time like 2026-07-31T09:30:00Z',
  })
  .transform((s) => new Date(s).toISOString());

/**
 * Quarters are written 2026-Q3, of a year from 1900 to 2999: the quarter arithmetic
 * (shared/reports/quarters.ts) writes dates with four-digit years, so a year below 1000 or
 * the quarter ending 9999 would reach it as an invalid date and fail the whole call.
 */
export const Quarter = z.string().regex(/^(?:19|2\d)\d{2}-Q[1-4]$/, { message: 'Use a quarter like 2026-Q3' });

/**
 * Lists and forms show personal data masked (4****-*******-1, +92300*****67). A form may
 * send such a value back unchanged; it passes here untouched and core drops it when it is
 * the mask of the stored value, and refuses it otherwise (see core/records/personal-data.ts).
 */
const MASKED = /^[+\d]*\*[*\d-]*$/;

export const Cnic = z.string().transform((raw, ctx) => {
  if (MASKED.test(raw)) return raw;
  const cnic = normaliseCnic(raw);
  if (cnic === null) {
    ctx.addIssue({ code: 'custom', message: 'CNIC must be 13 digits like 12345-1234567-1' });
    return z.NEVER;
  }
  return cnic;
});

export const Phone = z.string().transform((raw, ctx) => {
  if (MASKED.test(raw)) return raw;
  const phone = normalisePhone(raw);
  if (phone === null) {
    ctx.addIssue({ code: 'custom', message: 'Phone must look like 0300-1234567 or +92 300 1234567' });
    return z.NEVER;
  }
  return phone;
});

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Must be an email address like name@example.pk' }));

export const Name = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'Required').max(200, 'At most 200 characters'));

export const ShortText = z.string().trim().max(200, 'At most 200 characters');
export const LongText = z.string().trim().max(10_000, 'At most 10,000 characters');
export const Url = z
  .string()
  .trim()
  .refine((s) => /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(s), 'Must be a web address like https://example.pk');

export const Tags = z
  .array(z.string().trim().min(1).max(60))
  .max(50)
  .transform((tags) => [...new Set(tags.map((t) => t.toLowerCase()))]);

export const Gender = z.enum(['female', 'male', 'other']);
export type Gender = z.infer<typeof Gender>;

export const NonNegativeInt = z.number().int('Must be a whole number').min(0, 'Cannot be negative');
export const NonNegativeAmount = z.number().min(0, 'Cannot be negative').max(1e15);

/** Columns every synced row has. `centreId` is null for national rows. */
export const BaseColumns = {
  id: Id,
  centreId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deleted: z.boolean(),
};

export const SortDirection = z.enum(['asc', 'desc']);

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), offset: z.number().int(), limit: z.number().int() });
}
export type Page<T> = { items: T[]; total: number; offset: number; limit: number };

export const ById = z.object({ id: Id }).strict();
export const Nothing = z.object({}).strict();
