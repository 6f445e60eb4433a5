/**
 * The trainee register. One programme alone aims at 30,000 trainees and the national
 * register holds about a million, so every list filter is written to be answered from an
 * index (checked with EXPLAIN QUERY PLAN in trainees.plan.test.ts) and never reads the
 * whole table into memory.
 *
 * CNIC and phone are masked in everything returned here, for every role; the clear value
 * comes only from `pii.reveal` (core/common), which is audited.
 */
import { fail } from '../../shared/api/errors.js';
import { traineesTable, type Trainee } from '../../shared/records/trainees.js';
import { today, type Ctx } from '../context.js';
import type { SqlValue } from '../db/rows.js';
import { BROAD, crudService, where, type CrudService, type ListQuery, type SqlFragment } from '../records/crud.js';
import { assertNotFuture, fieldPath, yearsBefore } from './rules.js';

/** Youngest age at which someone can be registered (the training programmes' entry age). */
export const MINIMUM_AGE = 14;

type EnrolmentFilter = { programmeId?: string; cohortId?: string; status?: string };

/**
 * Filters come in two shapes, because a million trainees make the wrong one slow:
 *
 * - narrow (a cohort, a small town): `trainees.id IN (subquery)` reads the few matching
 *   rows through an index and fetches those trainees by key; a correlated EXISTS would
 *   instead scan every trainee and probe once per row (2 s instead of 30 ms for a cohort).
 * - broad (a national programme, "certified", Karachi): fetching hundreds of thousands of
 *   trainees by key and sorting them for one page of fifty takes seconds, while reading
 *   trainees in name order and testing each (EXISTS, or a condition SQLite cannot use an
 *   index for) stops after fifty hits.
 *
 * Which one applies is decided per call by counting candidates, up to BROAD, through an
 * index; the probe costs a few milliseconds. Both shapes select the same trainees.
 */
export { BROAD };

function isBroad(ctx: Ctx, candidates: string, params: SqlValue[]): boolean {
  const { n } = ctx.rows.statement(`SELECT count(*) AS n FROM (${candidates} LIMIT ${BROAD})`).get(...params) as { n: number };
  return n >= BROAD;
}

/**
 * Trainees with a live enrolment matching all of the given conditions. The conditions are
 * one filter, not three, so that `cohortId` + `status: 'completed'` means "completed this
 * cohort", not "in this cohort and completed some other one". Either shape is a semi-join:
 * a trainee appears once however many enrolments match.
 */
function enrolledAs(filter: EnrolmentFilter, ctx: Ctx): SqlFragment {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  if (filter.cohortId !== undefined) {
    conditions.push('e.cohort_id = ?');
    params.push(filter.cohortId);
  }
  if (filter.status !== undefined) {
    conditions.push('e.status = ?');
    params.push(filter.status);
  }
  if (filter.programmeId !== undefined) {
    // A cohort that was deleted no longer belongs to the programme's roll.
    conditions.push('e.cohort_id IN (SELECT c.id FROM cohorts c WHERE c.programme_id = ? AND c.deleted = 0)');
    params.push(filter.programmeId);
  }
  const matching = conditions.join(' AND ');
  // Only a cohort or programme can be looked up through enrolments_cohort; a status alone
  // matches a third of all enrolments, which is broad without asking.
  const indexed = filter.cohortId !== undefined || filter.programmeId !== undefined;
  if (indexed && !isBroad(ctx, `SELECT 1 FROM enrolments e WHERE ${matching}`, params)) {
    return { sql: `trainees.id IN (SELECT e.trainee_id FROM enrolments e WHERE e.deleted = 0 AND ${matching})`, params };
  }
  return {
    sql: `EXISTS (SELECT 1 FROM enrolments e WHERE e.trainee_id = trainees.id AND e.deleted = 0 AND ${matching})`,
    params,
  };
}

/**
 * Has (or has not) a live certification. "Not certified" must look at every trainee
 * anyway, and NOT EXISTS does that with one index probe per trainee, without NOT IN's trap
 * (a single NULL trainee_id, possible in a row half-delivered by sync, empties NOT IN).
 */
function certified(value: boolean, ctx: Ctx): SqlFragment {
  const live = 'EXISTS (SELECT 1 FROM certifications c WHERE c.trainee_id = trainees.id AND c.deleted = 0)';
  if (!value) return { sql: `NOT ${live}`, params: [] };
  if (isBroad(ctx, 'SELECT 1 FROM certifications c', [])) return { sql: live, params: [] };
  return { sql: 'trainees.id IN (SELECT c.trainee_id FROM certifications c WHERE c.deleted = 0)', params: [] };
}

/**
 * Lives in this city, in any letter case, through trainees_city (city COLLATE NOCASE). For a
 * big city the unary + keeps SQLite from driving the query by that index (see BROAD).
 */
function inCity(value: string, ctx: Ctx): SqlFragment {
  const city = value.trim();
  const broad = isBroad(ctx, 'SELECT 1 FROM trainees WHERE city = ? COLLATE NOCASE', [city]);
  return { sql: `${broad ? '+' : ''}trainees.city = ? COLLATE NOCASE`, params: [city] };
}

/**
 * Has this skill tag. The exact test is the JSON tag (where.hasTag); scanning every row's
 * JSON is slow on a million trainees, so the candidates come first from the search index,
 * which holds the skills column: the tag as a phrase in that column matches every trainee
 * holding the tag (and some more, e.g. "data" + "science" from two tags in a row), and the
 * JSON test then keeps the exact ones.
 */
function hasSkill(value: string): SqlFragment {
  const tag = value.trim().toLowerCase();
  const exact = where.hasTag('trainees.skills')(tag);
  // A tag without letters or digits ("++") has no tokens to look up: test the JSON alone.
  if (!/[\p{L}\p{N}]/u.test(tag)) return exact;
  return {
    sql: `trainees.rowid IN (SELECT rowid FROM trainees_fts WHERE trainees_fts MATCH ?) AND ${exact.sql}`,
    params: [`skills : "${tag.replace(/"/g, '""')}"`, ...exact.params],
  };
}

const traineeRows = crudService<Trainee>({
  spec: traineesTable,
  entity: 'trainee',
  label: (t) => (t.city ? `${t.name} (${t.city})` : t.name),
  // One person, one record: a CNIC identifies them; failing that, the email does. Both come
  // normalised from the schema (CNIC with dashes, email lower-case), so "1234512345671"
  // and "12345-1234567-1" are the same CNIC here.
  unique: [
    { field: 'cnic', message: 'Another trainee has this CNIC' },
    { field: 'email', message: 'Another trainee has this email' },
  ],
  search: { fts: true },
  filters: {
    // Internal: programmeId, cohortId and status are gathered into this one filter by
    // `list` below. Callers cannot send it: the API's filter schema is strict.
    enrolment: enrolledAs,
    skill: hasSkill,
    city: inCity,
    gender: where.equals('trainees.gender'),
    certified,
  },
  sorts: {
    // The expressions match trainees_name and trainees_city (both COLLATE NOCASE), so a
    // page sorted by name or city is read in index order and stops at the page's end.
    name: 'trainees.name COLLATE NOCASE',
    city: 'trainees.city COLLATE NOCASE',
    createdAt: 'trainees.created_at',
    updatedAt: 'trainees.updated_at',
  },
  defaultSort: { field: 'name', direction: 'asc' },
  validate(ctx, next, previous) {
    const path = fieldPath(previous);
    // Checked when the date is given or changed: a stored date does not become wrong with
    // time (people only get older), and a record that came in by sync must stay editable.
    if (next.dateOfBirth && next.dateOfBirth !== previous?.dateOfBirth) {
      assertNotFuture(ctx, next.dateOfBirth, path('dateOfBirth'), 'The date of birth');
      if (next.dateOfBirth > yearsBefore(today(ctx), MINIMUM_AGE)) {
        throw fail.field(path('dateOfBirth'), `A trainee must be at least ${MINIMUM_AGE} years old`);
      }
    }
  },
  personal: { cnic: 'cnic', phone: 'phone' },
});

export const trainees: CrudService<Trainee> = {
  ...traineeRows,
  list(ctx, query: ListQuery) {
    const { programmeId, cohortId, status, ...others } = (query.filter ?? {}) as EnrolmentFilter & Record<string, unknown>;
    const enrolment = Object.fromEntries(
      Object.entries({ programmeId, cohortId, status }).filter(([, v]) => v !== undefined),
    ) as EnrolmentFilter;
    const filter = Object.keys(enrolment).length > 0 ? { ...others, enrolment } : others;
    return traineeRows.list(ctx, { ...query, filter });
  },
};
