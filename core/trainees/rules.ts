/**
 * Small rules the trainee records share: where an error points (a create names the field,
 * an update names it inside `patch`, so the form shows it beside the right input) and
 * dates that may not lie in the future.
 */
import { fail } from '../../shared/api/errors.js';
import { today, type Ctx } from '../context.js';

export type FieldPath = (string | number)[];

export const fieldPath =
  (previous: unknown) =>
  (field: string): FieldPath =>
    previous ? ['patch', field] : [field];

export function assertNotFuture(ctx: Ctx, date: string | null, path: FieldPath, what: string): void {
  if (date && date > today(ctx)) throw fail.field(path, `${what} cannot be in the future`);
}

/**
 * The same calendar day `years` years before `date` (YYYY-MM-DD), meant for string
 * comparison with other dates. On 29 February it yields a day that may not exist
 * (2028-02-29 → 2014-02-29); that string still sorts between the 28th and 1 March, so the
 * comparison stays right, and someone born on 29 February comes of age on 1 March of a
 * common year.
 */
export function yearsBefore(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${date.slice(4)}`;
}
