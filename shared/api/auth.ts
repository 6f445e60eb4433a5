import { z } from 'zod';
import { Email, Id, Name, Nothing, ShortText } from '../records/base.js';
import { centresTable, User, usersTable } from '../records/centres.js';
import { Role } from '../auth/roles.js';
import { call } from './define.js';

/** OWASP: at least 12 characters; no composition rules, but not all one character. */
export const Password = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(200, 'At most 200 characters')
  .refine((p) => new Set(p).size > 3, 'Choose a less predictable password');

const Signed = z.object({ user: User, sessionToken: z.string() });

export const authApi = {
  'auth.status': call({
    input: Nothing,
    output: z.object({ initialised: z.boolean(), centre: centresTable.record.nullable(), user: User.nullable() }),
    permission: 'public',
  }),
  /** First run: creates the centre and its first manager, and signs them in. */
  'auth.setup': call({
    input: z
      .object({
        centreName: Name,
        centreCity: ShortText.optional(),
        managerName: Name,
        managerEmail: Email,
        managerPassword: Password,
      })
      .strict(),
    output: Signed,
    permission: 'public',
  }),
  'auth.signIn': call({
    input: z.object({ email: z.string().trim().toLowerCase(), password: z.string().max(200) }).strict(),
    output: Signed,
    permission: 'public',
  }),
  /** Re-attaches a connection (e.g. after a page reload) to a session made by signIn. */
  'auth.resume': call({ input: z.object({ sessionToken: z.string().max(200) }).strict(), output: Signed, permission: 'public' }),
  'auth.signOut': call({ input: Nothing, output: z.object({ ok: z.literal(true) }), permission: 'signed-in' }),
  'auth.changePassword': call({
    input: z.object({ currentPassword: z.string().max(200), newPassword: Password }).strict(),
    output: z.object({ ok: z.literal(true) }),
    permission: 'signed-in',
  }),
};

export const usersApi = {
  'users.list': call({
    input: z.object({ includeInactive: z.boolean().optional() }).strict(),
    output: z.array(User),
    permission: 'users.read',
  }),
  'users.create': call({
    input: z.object({ name: Name, email: Email, role: Role, password: Password }).strict(),
    output: User,
    permission: 'users.manage',
  }),
  'users.update': call({
    input: z
      .object({ id: Id, patch: usersTable.fields.pick({ name: true, role: true, active: true, email: true }).partial().strict() })
      .strict(),
    output: User,
    permission: 'users.manage',
  }),
  'users.setPassword': call({
    input: z.object({ id: Id, password: Password }).strict(),
    output: z.object({ ok: z.literal(true) }),
    permission: 'users.manage',
  }),
};

export const centreApi = {
  'centre.get': call({ input: Nothing, output: centresTable.record, permission: 'centre.read' }),
  'centre.update': call({ input: centresTable.fields.partial().strict(), output: centresTable.record, permission: 'centre.manage' }),
};
