/**
 * The dashboard's quarters are calendar quarters in UTC, as core counts them; keys, lists
 * and checks come from shared/reports/quarters.ts. Only the month labels' dates are here.
 */
import { quarterMonths as monthsOf } from '../../../shared/reports/quarters.js';

/** The first day of the quarter's first and last months, as UTC dates (for Intl month names). */
export function quarterMonths(quarter: string): [Date, Date] {
  const [first, , last] = monthsOf(quarter);
  return [new Date(`${first}-01T00:00:00Z`), new Date(`${last}-01T00:00:00Z`)];
}
