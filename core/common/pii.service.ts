/**
 * Showing a CNIC or phone number in clear. Every record returns these masked; a manager
 * who needs the number (to call a trainee, to check an ID card) reveals it here, and each
 * reveal is written to the audit log in the same transaction as the read.
 */
import { fail } from '../../shared/api/errors.js';
import type { ParsedInputOf } from '../../shared/api/index.js';
import { tables } from '../../shared/schema/tables.js';
import { audit, requireUser, type Ctx } from '../context.js';
import { PERSONAL_FIELDS } from './personal-fields.js';

const ENTITY = { trainees: 'trainee', founders: 'founder', mentors: 'mentor', startups: 'startup' } as const;

export function revealPersonal(ctx: Ctx, input: ParsedInputOf<'pii.reveal'>): { value: string | null } {
  requireUser(ctx);
  const { table, id, field } = input;
  if (!(field in PERSONAL_FIELDS[table])) {
    const allowed = Object.keys(PERSONAL_FIELDS[table]).join(' or ');
    throw fail.field(['field'], `A ${ENTITY[table]} has no ${field} to reveal (only ${allowed})`);
  }
  // Table and column come from the shared table declarations, never from the input text:
  // both were matched against fixed lists above.
  const column = tables[table].columnOf[field];
  if (!column) throw fail.field(['field'], `A ${ENTITY[table]} has no ${field} to reveal`);
  const row = ctx.rows.statement(`SELECT ${column} AS value, deleted FROM ${table} WHERE id = ?`).get(id) as
    { value: string | null; deleted: number } | undefined;
  if (!row || row.deleted) throw fail.notFound(ENTITY[table], id);
  audit(ctx, 'pii.revealed', table, id, { field });
  return { value: row.value };
}
