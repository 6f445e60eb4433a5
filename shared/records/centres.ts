import { z } from 'zod';
import { Email, Name, ShortText } from './base.js';
import { Role } from '../auth/roles.js';
import { defineTable } from '../schema/table.js';

/** A centre row's centreId is its own id. */
export const centresTable = defineTable({
  name: 'centres',
  fields: z.object({
    name: Name,
    city: ShortText.nullable(),
    /** Calendar quarters (2026-Q3 = Jul–Sep) or Pakistan's fiscal year (FY starts in July). */
    quarterScheme: z.enum(['calendar', 'pk-fiscal']),
  }),
  defaults: { quarterScheme: 'calendar' },
});
export type Centre = z.output<typeof centresTable.record>;

export const usersTable = defineTable({
  name: 'users',
  fields: z.object({
    name: Name,
    email: Email,
    role: Role,
    active: z.boolean(),
    /** scrypt$N$r$p$salt$hash — never leaves core. */
    passwordHash: z.string(),
  }),
  internal: ['passwordHash'],
  defaults: { active: true },
});
/** A user as the API returns it: never the password hash. */
export const User = usersTable.record.omit({ passwordHash: true });
export type User = z.output<typeof User>;
